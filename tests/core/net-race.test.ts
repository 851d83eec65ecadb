import { describe, expect, it } from 'vitest';
import {
  computeNetRace,
  createRace,
  defaultNetRunners,
  distanceFromPlane,
  landscapeFromSource,
  landscapeSource,
  NET_SIZE,
  netLandscape,
  planeLoss,
  raceFinished,
  recordRace,
  sampleSurface,
  stepRace,
  trainNetwork,
  initialWeights,
  loadPenguinClasses,
  sharpnessProfile,
  SHARPNESS_POINTS,
  type NetRequest,
} from '../../src/core';

const request: NetRequest = {
  id: 'penguins-mlp',
  runners: defaultNetRunners(),
  steps: 120,
  seed: 1,
  batch: null,
};

describe('a network race: trained, projected, played back', () => {
  const info = computeNetRace(request)!;
  const landscape = netLandscape(info);

  it('plays back exactly the training: the full-data loss at every step, the projected path', () => {
    const training = trainNetwork(loadPenguinClasses(), initialWeights(1), request.runners, 120);
    const race = createRace(landscape, info.start, request.runners);
    const paths = recordRace(race, 200);
    paths.forEach((path, i) => {
      expect(path.losses).toEqual(Array.from(training.runners[i]!.loss));
      expect(path.points.length).toBe(2 * 121);
      expect(path.points.slice(0, 2)).toEqual([0, 0]);
    });
    expect(race.step).toBe(200);
    expect(raceFinished(race)).toBe(true);
    expect(race.runners.map((r) => [r.status, r.statusStep])).toEqual([
      ['trained', 120],
      ['trained', 120],
      ['trained', 120],
    ]);
  });

  it('under each ball, the surface holds the loss of its projected point; the gap is the part off the plane', () => {
    for (const track of info.tracks) {
      for (const k of [0, 30, 120]) {
        const a = track.points[2 * k]!;
        const b = track.points[2 * k + 1]!;
        expect(track.surfaceLoss[k]).toBeCloseTo(planeLoss(info.plane, info.data, a, b), 12);
        const theta = track.params.subarray(k * NET_SIZE, (k + 1) * NET_SIZE);
        // On the plane (step 0) the two agree; off it they differ by what the plane does not hold.
        if (distanceFromPlane(info.plane, theta) < 1e-12)
          expect(track.surfaceLoss[k]).toBeCloseTo(track.loss[k]!, 12);
      }
    }
    expect(info.explained[0] + info.explained[1]).toBeGreaterThan(0.9);
    expect(info.explained[0] + info.explained[1]).toBeLessThanOrEqual(1);
  });

  it('the landscape is the loss on the plane with its exact gradient, and its source rebuilds the same surface', () => {
    const g = new Float64Array(2);
    const [a, b] = [info.tracks[2]!.points[60]!, info.tracks[2]!.points[61]!];
    expect(landscape.valueAndGradient(a, b, g, 0)).toBeCloseTo(
      planeLoss(info.plane, info.data, a, b),
      13,
    );
    // The derivative along d₁ against the loss one small step either side (a check, not the product's gradient).
    const h = 1e-5;
    const fd =
      (planeLoss(info.plane, info.data, a + h, b) - planeLoss(info.plane, info.data, a - h, b)) /
      (2 * h);
    expect(g[0]).toBeCloseTo(fd, 7);
    const rebuilt = landscapeFromSource(structuredClone(landscapeSource(landscape)))!;
    const one = sampleSurface(landscape, 8);
    const two = sampleSurface(rebuilt, 8);
    expect(Array.from(two.values)).toEqual(Array.from(one.values));
  });

  it('a kept plane: training from a dragged start keeps the plane and says how much of the new motion it holds', () => {
    const moved = computeNetRace({
      ...request,
      keep: { plane: info.plane, start: [0.5, -0.3], domain: info.domain },
    })!;
    expect(moved.plane).toBe(info.plane);
    expect(moved.fitted).toBe(false);
    expect(moved.start).toEqual([0.5, -0.3]);
    expect(moved.tracks[0]!.points[0]).toBeCloseTo(0.5, 12);
    expect(moved.tracks[0]!.points[1]).toBeCloseTo(-0.3, 12);
    const [e1, e2] = moved.explained;
    expect(e1).toBeGreaterThanOrEqual(0);
    expect(e2).toBeGreaterThanOrEqual(0);
    expect(e1 + e2).toBeLessThanOrEqual(1);
    expect(moved.trainedFor).not.toBe(info.trainedFor);
  });

  it('a race with more runners than tracks leaves the extra one standing at the start', () => {
    const race = createRace(landscape, info.start, [...request.runners, request.runners[0]!]);
    stepRace(race);
    expect(race.runners[3]!.status).toBe('trained');
    expect(race.runners[0]!.status).toBe('running');
  });

  it('each runner carries its loss along a filter-normalized random direction around its final weights', () => {
    for (const track of info.tracks) {
      expect(track.sharpness.length).toBe(SHARPNESS_POINTS);
      // α = 0 is the runner's own final weights: its own loss, exactly.
      expect(track.sharpness[(SHARPNESS_POINTS - 1) / 2]).toBe(track.loss[120]);
      // Moving every unit's weights by their own norm leaves the trained minimum: the loss rises.
      expect(track.sharpness[0]!).toBeGreaterThan(track.loss[120]!);
      expect(track.sharpness[SHARPNESS_POINTS - 1]!).toBeGreaterThan(track.loss[120]!);
    }
    // The same draw for every runner, scaled to each: the profile is the loss along θ* + α·d.
    const theta = info.tracks[2]!.params.subarray(120 * NET_SIZE, 121 * NET_SIZE);
    expect(Array.from(sharpnessProfile(theta, info.data))).toEqual(
      Array.from(info.tracks[2]!.sharpness),
    );
  });

  it('can be stopped between chunks', () => {
    let chunks = 0;
    expect(
      computeNetRace(
        request,
        () => chunks++,
        () => chunks < 2,
      ),
    ).toBeNull();
  });
});
