import { describe, expect, it } from 'vitest';
import {
  clipSeconds,
  frameTime,
  maxStepsFor,
  orbitAngle,
  planClip,
  scheduledStep,
  secondsLeft,
  stepAtFrame,
  stepsBeforeFrame,
  type ClipSchedule,
} from '../../src/record/schedule';

const stepsOf = (schedule: ClipSchedule) =>
  Array.from({ length: schedule.frames }, (_, n) => scheduledStep(n, schedule));

describe('the frame scheduler', () => {
  it('shows frame n at n / fps seconds, starting at 0', () => {
    expect(frameTime(0, 30)).toBe(0);
    expect(frameTime(30, 30)).toBe(1);
    expect(frameTime(45, 60)).toBe(0.75);
  });

  it('shows the start (step 0) on the first frame', () => {
    const clip = planClip({ fps: 30, stepsPerSecond: 60 }, { kind: 'seconds', seconds: 2 }, null);
    expect(scheduledStep(0, clip)).toBe(0);
    expect(stepsBeforeFrame(0, clip)).toBe(0);
  });

  it('takes whole steps per frame when steps per second is a multiple of fps', () => {
    const clip = planClip({ fps: 30, stepsPerSecond: 90 }, { kind: 'seconds', seconds: 1 }, null);
    for (let n = 1; n < clip.frames; n++) expect(stepsBeforeFrame(n, clip)).toBe(3);
    expect(clip.lastStep).toBe(87);
  });

  it('spreads fractional steps per frame evenly without drifting (30 steps/s at 60 fps = one step every other frame)', () => {
    const clip = planClip({ fps: 60, stepsPerSecond: 30 }, { kind: 'seconds', seconds: 10 }, null);
    const perFrame = Array.from({ length: clip.frames }, (_, n) => stepsBeforeFrame(n, clip));
    expect(perFrame.slice(0, 6)).toEqual([0, 0, 1, 0, 1, 0]);
    expect(perFrame.reduce((a, b) => a + b, 0)).toBe(clip.lastStep);
    expect(scheduledStep(600 - 1, clip)).toBe(299);
  });

  it('keeps odd ratios exact over long clips (7 steps/s at 60 fps for 10 minutes)', () => {
    const timing = { fps: 60, stepsPerSecond: 7 };
    const clip = planClip(timing, { kind: 'seconds', seconds: 600 }, null);
    let total = 0;
    for (let n = 0; n < clip.frames; n++) {
      const k = stepsBeforeFrame(n, clip);
      expect(k === 0 || k === 1).toBe(true);
      total += k;
    }
    expect(total).toBe(stepAtFrame(clip.frames - 1, timing));
    expect(stepAtFrame(60 * 600, timing)).toBe(7 * 600);
  });

  it('gives a fixed-length clip round(seconds · fps) frames and no hold', () => {
    const clip = planClip({ fps: 30, stepsPerSecond: 60 }, { kind: 'seconds', seconds: 2 }, 5);
    expect(clip.frames).toBe(60);
    expect(clip.holdFrames).toBe(0);
    expect(clipSeconds(clip)).toBe(2);
    expect(
      planClip({ fps: 60, stepsPerSecond: 60 }, { kind: 'seconds', seconds: 0.001 }, null).frames,
    ).toBe(1);
  });

  it('runs "until finished" to the first frame showing the finish step, then holds it', () => {
    const length = { kind: 'until-finished', holdSeconds: 2, maxSeconds: 120 } as const;
    const clip = planClip({ fps: 30, stepsPerSecond: 60 }, length, 301);
    // Step 301 first shows on frame ⌈301 · 30 / 60⌉ = 151.
    expect(clip.raceFrames).toBe(152);
    expect(clip.holdFrames).toBe(60);
    expect(clip.frames).toBe(212);
    expect(clip.lastStep).toBe(301);
    expect(clip.capped).toBe(false);
    const steps = stepsOf(clip);
    expect(steps[150]).toBe(300);
    expect(steps[151]).toBe(301);
    // The hold repeats the final frame: no more steps.
    expect(new Set(steps.slice(151))).toEqual(new Set([301]));
    for (let n = 152; n < clip.frames; n++) expect(stepsBeforeFrame(n, clip)).toBe(0);
  });

  it('never shows a step past the finish, even when a frame jumps over it', () => {
    const length = { kind: 'until-finished', holdSeconds: 1, maxSeconds: 120 } as const;
    const clip = planClip({ fps: 30, stepsPerSecond: 300 }, length, 95);
    expect(clip.raceFrames).toBe(11);
    expect(scheduledStep(9, clip)).toBe(90);
    expect(scheduledStep(10, clip)).toBe(95);
    expect(Math.max(...stepsOf(clip))).toBe(95);
  });

  it('a race finished before it starts gives one frame and the hold', () => {
    const length = { kind: 'until-finished', holdSeconds: 2, maxSeconds: 60 } as const;
    const clip = planClip({ fps: 60, stepsPerSecond: 60 }, length, 0);
    expect(clip.raceFrames).toBe(1);
    expect(clip.frames).toBe(121);
  });

  it('cuts "until finished" at the cap when the race does not finish, and says so', () => {
    const length = { kind: 'until-finished', holdSeconds: 2, maxSeconds: 10 } as const;
    const timing = { fps: 30, stepsPerSecond: 60 };
    const never = planClip(timing, length, null);
    expect(never).toMatchObject({ frames: 300, holdFrames: 0, capped: true, lastStep: 598 });
    const tooLate = planClip(timing, length, 10_000);
    expect(tooLate.capped).toBe(true);
    expect(tooLate.frames).toBe(300);
    // The look-ahead for the finish need not go further than the cap's last frame.
    expect(maxStepsFor(length, timing)).toBe(598);
  });

  it('estimates the time left from the mean time per frame', () => {
    expect(secondsLeft(0, 100, 0)).toBeNull();
    expect(secondsLeft(25, 100, 5000)).toBe(15);
    expect(secondsLeft(100, 100, 9000)).toBe(0);
  });

  it('turns the orbit camera at the same speed whatever the frame rate', () => {
    expect(orbitAngle(30, 30, 40)).toBeCloseTo(orbitAngle(60, 60, 40));
    expect(orbitAngle(40 * 60, 60, 40)).toBeCloseTo(2 * Math.PI);
  });
});
