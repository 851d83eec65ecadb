/**
 * `trace --net penguins-mlp`: the penguin classifier trained by each runner, printed with its
 * plane of training; the numbers are the core's (themselves golden against PyTorch), and bad
 * input is refused in one line.
 */
import { describe, expect, it } from 'vitest';
import { trace, traceJson } from './run-trace';
import {
  defaultSpec,
  fitTrainingPlane,
  getScene,
  initialWeights,
  loadPenguinClasses,
  NET_SIZE,
  trainNetwork,
} from '../../src/core';

interface NetTrace {
  net: {
    layers: number[];
    activation: string;
    init: number[];
    plane: { d1: number[]; d2: number[]; explained: [number, number] };
  };
  data: { n: number; x: number[][]; y: number[] };
  steps: number;
  runners: {
    label: string;
    kind: string;
    batch: number;
    schedule: { kind: string };
    loss: number[];
    accuracy: number[];
    points: [number, number][];
    final: number[];
    lr: number[];
    batches?: number[][];
  }[];
}

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('trace --net penguins-mlp', () => {
  it('trains the lecture three and prints the network, its plane and the data', () => {
    const t = traceJson<NetTrace>('--net', 'penguins-mlp', '--steps', '120');
    expect(t.net.layers).toEqual([4, 8, 3]);
    expect(t.net.activation).toBe('tanh');
    expect(t.net.init).toEqual(Array.from(initialWeights(1)));
    expect(t.data.n).toBe(342);
    expect(t.data.x).toHaveLength(342);
    expect(t.data.x[0]).toHaveLength(4);
    expect(new Set(t.data.y)).toEqual(new Set([0, 1, 2]));
    expect(t.runners.map((r) => r.kind)).toEqual(['momentum', 'rmsprop', 'adam']);
    const { d1, d2, explained } = t.net.plane;
    expect(dot(d1, d1)).toBeCloseTo(1, 12);
    expect(dot(d2, d2)).toBeCloseTo(1, 12);
    expect(Math.abs(dot(d1, d2))).toBeLessThan(1e-12);
    expect(explained[0]! + explained[1]!).toBeLessThanOrEqual(1 + 1e-12);
    expect(explained[0]!).toBeGreaterThan(explained[1]!);
    for (const r of t.runners) {
      expect(r.loss).toHaveLength(121);
      expect(r.accuracy).toHaveLength(121);
      expect(r.points).toHaveLength(121);
      expect(r.lr).toHaveLength(120);
      expect(r.final).toHaveLength(NET_SIZE);
      expect(r.batch).toBe(342);
      // Every path starts at the initial weights: the plane's origin.
      expect(r.points[0]).toEqual([0, 0]);
      // The last point is the final weights projected: (θ − θ₀)·d.
      const moved = r.final.map((w, i) => w - t.net.init[i]!);
      expect(r.points[120]![0]).toBeCloseTo(dot(moved, d1), 12);
      expect(r.points[120]![1]).toBeCloseTo(dot(moved, d2), 12);
      expect(r.loss[120]!).toBeLessThan(r.loss[0]!);
    }
  });

  it('prints exactly what the core computes (itself golden against PyTorch)', () => {
    const t = traceJson<NetTrace>(
      '--net',
      'penguins-mlp',
      '--steps',
      '60',
      '--seed',
      '7',
      '--runner',
      'adam lr=0.02 batch=16 schedule=step step_size=20 gamma=0.5',
      '--runner',
      'sgd lr=0.3',
    );
    const specs = [
      {
        label: 'Adam',
        color: '#111111',
        optimizer: { ...defaultSpec('adam'), lr: 0.02 },
        schedule: { kind: 'step' as const, step_size: 20, gamma: 0.5 },
        batch: 16,
      },
      { label: 'sgd', color: '#ff4136', optimizer: { ...defaultSpec('sgd'), lr: 0.3 } },
    ];
    const core = trainNetwork(loadPenguinClasses(), initialWeights(7), specs, 60, { seed: 7 });
    expect(t.net.init).toEqual(Array.from(initialWeights(7)));
    expect(t.runners[0]!.batch).toBe(16);
    expect(t.runners[0]!.schedule.kind).toBe('step');
    expect(t.runners[0]!.lr[25]).toBeCloseTo(0.01, 15);
    t.runners.forEach((r, i) => {
      expect(r.loss).toEqual(Array.from(core.runners[i]!.loss));
      expect(r.accuracy).toEqual(Array.from(core.runners[i]!.accuracy));
    });
    expect(t.net.plane.explained).toEqual(fitTrainingPlane(core).explained);
  });

  it('prints each step’s minibatch rows when asked', () => {
    const t = traceJson<NetTrace>(
      '--net',
      'penguins-mlp',
      '--steps',
      '5',
      '--batch',
      '32',
      '--emit-batches',
    );
    for (const r of t.runners) {
      expect(r.batches).toHaveLength(5);
      for (const rows of r.batches!) {
        expect(rows).toHaveLength(32);
        expect(rows.every((i) => Number.isInteger(i) && i >= 0 && i < 342)).toBe(true);
      }
    }
  });

  it('--scene network trains the scene’s runners from its seed, exactly as --net would', () => {
    const scene = getScene('network')!;
    const viaScene = traceJson<NetTrace & { seed: number }>('--scene', 'network', '--steps', '40');
    const viaNet = traceJson<NetTrace & { seed: number }>(
      '--net',
      scene.landscape,
      '--steps',
      '40',
      '--seed',
      String(scene.shake.seed),
      ...scene.runners.flatMap((r) => [
        '--runner',
        `${r.optimizer.kind} lr=${r.optimizer.lr} label="${r.label}" color=${r.color}`,
      ]),
    );
    expect(viaScene).toEqual(viaNet);
    expect(viaScene.seed).toBe(scene.shake.seed);
    // The scene's own length unless --steps says otherwise; its seed unless --seed does.
    expect(traceJson<NetTrace>('--scene=network').runners[0]!.loss).toHaveLength(scene.steps + 1);
    const reseeded = traceJson<NetTrace>('--scene', 'network', '--steps', '2', '--seed', '5');
    expect(reseeded.net.init).toEqual(Array.from(initialWeights(5)));
    const batched = traceJson<NetTrace>('--scene', 'network', '--steps', '2', '--batch', '16');
    expect(batched.runners.map((r) => r.batch)).toEqual([16, 16, 16]);
  });

  it('refuses bad input with exit 2 and one line', () => {
    for (const argv of [
      ['--net', 'resnet'],
      ['--net', 'penguins-mlp', '--landscape', 'bowl'],
      ['--net', 'penguins-mlp', '--steps', '-3'],
      ['--net', 'penguins-mlp', '--steps', '1e9'],
      ['--net', 'penguins-mlp', '--batch', '0'],
      ['--net', 'penguins-mlp', '--runner', 'adam batch=400'],
      ['--net', 'penguins-mlp', '--runner', 'adam lr=-1'],
      ['--net', 'penguins-mlp', '--seed', 'x'],
      ['--net', 'penguins-mlp', '--steps'],
      ['--scene', 'network', '--start', '0,0'],
      ['--scene', 'network', '--noise', '0.1'],
      ['--scene', 'network', '--landscape', 'bowl'],
      ['--scene', 'network', '--net', 'penguins-mlp'],
      ['--scene', 'network', '--steps', '-1'],
      ['--scene', 'network', '--runner', 'adam batch=400'],
      ['--net', 'penguins-mlp', '--scene', 'bowl'],
    ]) {
      const r = trace(...argv);
      expect(r.status, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n'), argv.join(' ')).toHaveLength(1);
    }
  });
});
