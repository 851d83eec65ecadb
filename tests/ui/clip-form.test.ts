import { describe, expect, it } from 'vitest';
import { ONE_X, SPEEDS } from '../../src/store/race-store';
import { defaultForm, formProblem, MAX_CLIP_STEPS_PER_SECOND } from '../../src/ui/export/clip-form';

describe('the export dialog’s first settings', () => {
  it('play the race at the speed the page plays it: 1× is 60 steps a second, one step a frame at 60 fps', () => {
    const form = defaultForm(ONE_X);
    expect(form.stepsPerSecond).toBe(60);
    expect(form.stepsPerSecond / form.fps).toBe(1);
    expect(defaultForm(15).stepsPerSecond).toBe(15);
    expect(defaultForm(3000).stepsPerSecond).toBe(3000);
  });

  it('stay within what the dialog accepts at every speed of the menu', () => {
    for (const speed of SPEEDS) {
      const form = defaultForm(speed);
      expect(form.stepsPerSecond).toBeLessThanOrEqual(MAX_CLIP_STEPS_PER_SECOND);
      expect(formProblem(form), `speed ${speed}`).toBeNull();
    }
  });
});
