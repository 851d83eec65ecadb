import { describe, expect, it } from 'vitest';
import { createRace, DEFAULT_RUNNERS, getPresetLandscape, stepRace } from '../../../src/core';
import { dictionary } from '../../../src/i18n';
import { colourName } from '../../../src/ui/a11y/colour-name';
import { canvasDescription, statusSentence } from '../../../src/ui/a11y/describe';
import { newlyFinished, readStatuses } from '../../../src/ui/a11y/status-changes';

const runner = (status: string, step = 0, label = 'Adam') => ({
  label,
  status,
  step,
  settledAtMinimum: status === 'stuck',
  divergedBecause: status === 'diverged' ? 'left-landscape' : null,
});
const key = (...runners: ReturnType<typeof runner>[]) => JSON.stringify(runners);

describe('the status announcer', () => {
  it('has news only when a runner reaches an end, once, and none on the first read or a restart', () => {
    const rolling = key(runner('running'), runner('running', 0, 'RMSProp'));
    const adamDone = key(runner('converged', 120), runner('running', 0, 'RMSProp'));
    expect(newlyFinished(null, adamDone)).toEqual([]);
    expect(newlyFinished(rolling, rolling)).toEqual([]);
    expect(newlyFinished(rolling, adamDone).map((r) => r.label)).toEqual(['Adam']);
    // Still converged a step later: nothing new to say.
    expect(newlyFinished(adamDone, adamDone)).toEqual([]);
    const bothDone = key(runner('converged', 120), runner('diverged', 130, 'RMSProp'));
    expect(newlyFinished(adamDone, bothDone).map((r) => r.label)).toEqual(['RMSProp']);
    expect(newlyFinished(bothDone, rolling)).toEqual([]);
  });

  it('reads the same key while runners roll on, whatever the step', () => {
    const race = createRace(getPresetLandscape('bowl')!, [-1.6, 1.2], DEFAULT_RUNNERS);
    const before = readStatuses(race);
    for (let i = 0; i < 3; i += 1) stepRace(race);
    expect(race.runners[0]!.history.count).toBe(4);
    expect(readStatuses(race)).toBe(before);
  });

  it('says what happened in the legend’s words, in English and Russian', () => {
    const done = newlyFinished(key(runner('running')), key(runner('converged', 42)))[0]!;
    expect(statusSentence(dictionary('en'), done)).toBe('Adam: converged at step 42.');
    expect(statusSentence(dictionary('ru'), done)).toBe('Adam: сошёлся на шаге 42.');
  });
});

describe('the 3D view in words', () => {
  it('names the lecture’s balls by their colours', () => {
    expect(DEFAULT_RUNNERS.map((r) => colourName(r.color))).toEqual(['green', 'red', 'black']);
    expect(['#0074d9', '#ff851b', '#f012be', '#8a8f98', '#fff'].map(colourName)).toEqual([
      'blue',
      'orange',
      'pink',
      'grey',
      'white',
    ]);
  });

  it('names the landscape, the start, the shown runners and the lowest point', () => {
    const c = {
      landscape: 'Bowl',
      start: [-1.6, 1.2] as const,
      runners: DEFAULT_RUNNERS.map((r, i) => ({ ...r, visible: i !== 1 })),
      minima: [{ x: 0, y: 0, value: 0, global: true }],
    };
    expect(canvasDescription(dictionary('en'), c)).toBe(
      '3D view of the loss surface “Bowl”. 2 balls roll down from the start (−1.6, 1.2): ' +
        'SGD-momentum (green) and Adam (black). The lowest point is at (0, 0).',
    );
    expect(canvasDescription(dictionary('ru'), { ...c, landscape: 'Чаша' })).toContain(
      'SGD-momentum (зелёный) и Adam (чёрный)',
    );
  });
});
