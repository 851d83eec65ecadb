import { describe, expect, it } from 'vitest';
import { getPresetLandscape, sampleSurface, worldFrame, type Landscape } from '../../src/core';
import {
  fitDistance,
  frameLandscape,
  framingTargets,
  GENTLE_ELEVATION,
  heightAt,
  heightField,
  screenCentre,
  seesPoint,
  STEEP_ELEVATION,
} from '../../src/scene/framing';
import { FIT_ASPECT } from '../../src/scene/panes';

const deg = (radians: number) => (radians * 180) / Math.PI;

/** The framing the app computes for a landscape and start at vertical scale 1. */
function framed(id: string, start?: [number, number]) {
  const landscape = getPresetLandscape(id) as Landscape;
  const surface = sampleSurface(landscape, 64);
  const frame = worldFrame(landscape.domain);
  const field = heightField(surface, frame, 1);
  const targets = framingTargets(frame, start ?? landscape.start, landscape.minima);
  const framing = frameLandscape({ field, targets, fov: 40, aspect: FIT_ASPECT });
  return { landscape, frame, field, targets, framing };
}

describe('camera framing', () => {
  it('a bowl keeps the gentle three-quarter view', () => {
    const { framing } = framed('bowl');
    expect(framing.allVisible).toBe(true);
    expect(deg(framing.elevation)).toBeCloseTo(deg(GENTLE_ELEVATION), 6);
  });

  it('the ravine is seen from higher up, so its trough is not hidden behind the near wall', () => {
    const { framing, field, frame } = framed('ravine', [-4.5, 1.6]);
    expect(framing.allVisible).toBe(true);
    expect(deg(framing.elevation)).toBeGreaterThan(deg(GENTLE_ELEVATION));
    expect(deg(framing.elevation)).toBeLessThan(70);
    // Along the floor of the trough, from end to end.
    for (let x = -4; x <= 4; x += 0.5)
      expect(seesPoint(field, framing.position, frame.worldX(x), frame.worldZ(0)), `x = ${x}`).toBe(
        true,
      );
    // The old gentle view from the same side looked at the near wall instead.
    const low = { ...framing, position: lowered(framing.target, framing.position) };
    expect(seesPoint(field, low.position, frame.worldX(0), frame.worldZ(0))).toBe(false);
  });

  it('an egg crate of local minima (Rastrigin) falls back to the steep view, still not flat', () => {
    const { framing } = framed('rastrigin');
    expect(deg(framing.elevation)).toBeCloseTo(deg(STEEP_ELEVATION), 6);
    expect(deg(framing.elevation)).toBeLessThan(90);
  });

  it('targets are the start, every known minimum and the way to each global one', () => {
    const { frame, targets } = framed('ravine', [-4.5, 1.6]);
    expect(targets[0]).toEqual([frame.worldX(-4.5), frame.worldZ(1.6)]);
    expect(targets).toContainEqual([frame.worldX(0), frame.worldZ(0)]);
    // Halfway along the way to the minimum.
    expect(targets).toContainEqual([frame.worldX(-2.25), frame.worldZ(0.8)]);
  });

  it('the whole surface fits the view, centred, the farthest corner at its edge', () => {
    const { framing, field } = framed('ravine');
    const [tx, ty, tz] = framing.target;
    const [px, py, pz] = framing.position;
    const d = Math.hypot(px - tx, py - ty, pz - tz);
    const toEye = [(px - tx) / d, (py - ty) / d, (pz - tz) / d] as const;
    const box = { x0: -5, x1: 5, y0: 0, y1: field.top, z0: -2, z1: 2 };
    expect(fitDistance(framing.target, toEye, box, 40, FIT_ASPECT)).toBeCloseTo(d, 6);
    const [cx, cy] = screenCentre(framing.target, toEye, d, box, 40, FIT_ASPECT);
    expect(Math.abs(cx)).toBeLessThan(0.01);
    expect(Math.abs(cy)).toBeLessThan(0.01);
    // Farther away than the box is wide, but not so far that the ravine looks small.
    expect(d).toBeGreaterThan(10);
    expect(d).toBeLessThan(25);
  });

  it('says how narrow a view can be before the start, minima or the way leave it', () => {
    const { framing, field, targets } = framed('ravine', [-4.5, 1.6]);
    const [tx, ty, tz] = framing.target;
    const [px, py, pz] = framing.position;
    const d = Math.hypot(px - tx, py - ty, pz - tz);
    const [fx, fy, fz] = [(px - tx) / d, (py - ty) / d, (pz - tz) / d];
    const level = Math.hypot(fx, fz);
    const tan = Math.tan((20 * Math.PI) / 180);
    /** The largest |x| in normalised device coordinates of the targets in a view of `aspect`. */
    const widest = (aspect: number) =>
      Math.max(
        ...targets.map(([X, Z]) => {
          const v = [X - tx, Math.max(0, heightAt(field, X, Z)) - ty, Z - tz] as const;
          const across = (v[0] * fz - v[2] * fx) / level;
          return Math.abs(across) / ((d - (v[0] * fx + v[1] * fy + v[2] * fz)) * tan * aspect);
        }),
      );
    expect(framing.fitsDownTo).toBeLessThan(FIT_ASPECT);
    expect(widest(framing.fitsDownTo)).toBeCloseTo(0.9, 6);
    expect(widest(framing.fitsDownTo * 0.9)).toBeGreaterThan(0.9);
  });

  it('the start and each minimum stay visible at other vertical scales', () => {
    for (const scale of [0.5, 2]) {
      const landscape = getPresetLandscape('ravine') as Landscape;
      const frame = worldFrame(landscape.domain);
      const field = heightField(sampleSurface(landscape, 64), frame, scale);
      const targets = framingTargets(frame, landscape.start, landscape.minima);
      const framing = frameLandscape({ field, targets, fov: 40, aspect: FIT_ASPECT });
      expect(framing.allVisible, `scale ${scale}`).toBe(true);
    }
  });
});

/** The camera moved down to the gentle elevation, same distance and direction around. */
function lowered(
  target: readonly [number, number, number],
  position: readonly [number, number, number],
): [number, number, number] {
  const [dx, dy, dz] = [position[0] - target[0], position[1] - target[1], position[2] - target[2]];
  const d = Math.hypot(dx, dy, dz);
  const h = Math.hypot(dx, dz);
  const c = Math.cos(GENTLE_ELEVATION);
  return [
    target[0] + (d * c * dx) / h,
    target[1] + d * Math.sin(GENTLE_ELEVATION),
    target[2] + (d * c * dz) / h,
  ];
}
