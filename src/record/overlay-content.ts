import { Box3, Vector3, type Camera, type Object3D } from 'three';
import type { OptimizerSpec, Runner } from '../core';
import { getScene } from '../core';
import type { Messages } from '../i18n';
import type { RaceState } from '../store/race-store';
import { swarmLive } from '../store/swarm-live';
import { formatNumber } from '../draw/format';
import type { ChartSeries } from '../draw/loss-chart/draw';
import { historyCurve } from '../draw/loss-chart/scale';

/** Which overlays are burned into the frames. */
export interface OverlayOptions {
  /** The scene's caption (or the landscape and its formula) across the top. */
  title: boolean;
  /** Colour, label, key hyperparameters, loss and status of every runner. */
  legend: boolean;
  /** "Step 240" in the top right corner. */
  stepCounter: boolean;
  /** The loss of every runner against the step. */
  lossChart: boolean;
  /** Each ball's label next to it (overlay layout; split panes name their runners instead). */
  ballLabels: boolean;
}

export const ALL_OVERLAYS: OverlayOptions = {
  title: true,
  legend: true,
  stepCounter: true,
  lossChart: true,
  ballLabels: true,
};

/** One runner's line in the legend. */
export interface LegendRow {
  /** The runner's id: its marker and dash pattern. */
  id: number;
  color: string;
  label: string;
  /** Key hyperparameters, e.g. "lr 0.2 · β₁ 0.9 · β₂ 0.999". */
  params: string;
  loss: string;
  status: string;
  /** With many starts: the share of starts reaching the bottom and the swarm's counts ('' without). */
  many: string;
}

/** A label next to a ball, in frame pixels (its foot, centred). */
export interface BallLabel {
  x: number;
  y: number;
  text: string;
  color: string;
}

/** The runners of one split pane and where the pane is, in frame pixels. */
export interface PaneTitle {
  x: number;
  y: number;
  width: number;
  name: string;
  runners: { id: number; label: string; color: string }[];
}

/** Everything the overlays of one frame show, read from the store and the scene. */
export interface OverlayContent {
  title: string | null;
  stepLabel: string;
  step: number;
  rows: LegendRow[];
  chartTitle: string;
  series: ChartSeries[];
  knownMinimum: number | null;
  emptyChartText: string;
  panes: PaneTitle[];
  labels: BallLabel[];
}

const SYMBOLS: Record<string, string> = {
  momentum: 'β',
  alpha: 'α',
  beta1: 'β₁',
  beta2: 'β₂',
};

/** The hyperparameters a lecture names: lr, then β / α / β₁ β₂, then λ when there is decay. */
export function keyHyperparameters(spec: OptimizerSpec): string {
  const parts = [`lr ${formatNumber(spec.lr)}`];
  const values = spec as unknown as Record<string, number | boolean>;
  for (const key of ['momentum', 'alpha', 'beta1', 'beta2']) {
    const v = values[key];
    // RMSProp's momentum is off (0) unless set; say it only when it does something.
    if (typeof v === 'number' && !(key === 'momentum' && spec.kind === 'rmsprop' && v === 0))
      parts.push(`${key === 'momentum' && spec.kind === 'nesterov' ? 'μ' : SYMBOLS[key]} ${v}`);
  }
  const decay = values.weight_decay;
  if (typeof decay === 'number' && decay > 0) parts.push(`λ ${formatNumber(decay)}`);
  return parts.join(' · ');
}

function statusText(t: Messages['app'], r: Runner): string {
  const n = r.statusStep ?? 0;
  if (r.status === 'converged') return t.convergedAt(n);
  if (r.status === 'trained') return t.trainedAt(n);
  if (r.status === 'stuck') return r.settledAt ? t.stuckLocalAt(n) : t.stuckFlatAt(n);
  if (r.status === 'diverged')
    return r.divergedBecause === 'left-landscape' ? t.divergedLeftAt(n) : t.divergedOverflowAt(n);
  return t.running;
}

/** The title: the scene's caption, else the landscape's name and formula. */
export function titleText(state: RaceState, t: Messages): string {
  const scene = state.scene ? getScene(state.scene) : undefined;
  if (scene) return scene.caption[state.language];
  const name = t.landscapePanel.names[state.landscape.id] ?? state.landscape.name;
  const net = state.landscape.net;
  if (net) return `${name}: L(θ₀ + a·d₁ + b·d₂), ${t.net.formulaNote(net.data.n)}`;
  if (state.landscape.data) {
    const units = state.landscape.data.standardized ? t.data.standardized : t.data.rawUnits;
    return `${name}: L(w, b) = ${state.landscape.formula} (${units})`;
  }
  return `${name}: f(x, y) = ${state.landscape.formula}`;
}

const box = new Box3();
const foot = new Vector3();

/**
 * Where each shown ball's label goes on a width × height frame, from the balls the scene just
 * drew (the top of each ball's halo), stacked upwards where balls sit together as in the app.
 */
function ballLabels(
  state: RaceState,
  balls: Object3D | undefined,
  camera: Camera,
  width: number,
  height: number,
  scale: number,
): BallLabel[] {
  const labels: BallLabel[] = [];
  if (!balls || state.layout !== 'overlay') return labels;
  state.race.runners.forEach((runner, i) => {
    const group = balls.children[i];
    if (!group || state.runners[i]?.visible === false) return;
    box.setFromObject(group);
    foot.set((box.min.x + box.max.x) / 2, box.max.y, (box.min.z + box.max.z) / 2).project(camera);
    if (foot.z >= 1) return;
    const x = ((foot.x + 1) / 2) * width;
    let y = ((1 - foot.y) / 2) * height - 2 * scale;
    const rowHeight = 19 * scale;
    // Each move goes one row up, so this ends after at most labels.length moves.
    for (let j = 0; j < labels.length; j++) {
      const other = labels[j]!;
      if (Math.abs(other.x - x) < 90 * scale && Math.abs(other.y - y) < rowHeight * 0.999) {
        y = other.y - rowHeight;
        j = -1;
      }
    }
    labels.push({ x, y, text: runner.spec.label, color: runner.spec.color });
  });
  return labels;
}

/** The scene's view of one frame, for the ball labels and pane titles. */
export interface SceneView {
  balls: Object3D | undefined;
  camera: Camera;
  /** The panes the frame was drawn in, in CSS pixels of the canvas. */
  panes: readonly { x: number; y: number; width: number }[];
  /** Frame pixels per CSS pixel of the canvas. */
  pixelRatio: number;
}

/**
 * Reads what the overlays show now: the live race for the legend, chart and step, the scene for
 * ball labels and panes. The chart's series share the race's loss arrays (nothing is copied).
 */
export function readOverlayContent(
  state: RaceState,
  t: Messages,
  view: SceneView,
  frame: { width: number; height: number; scale: number },
): OverlayContent {
  const { race, runners } = state;
  const shown = race.runners.filter((_, i) => runners[i]?.visible !== false);
  const idOf = new Map(race.runners.map((r, i) => [r, runners[i]?.id ?? -1]));
  /** With many starts: the runner's share of starts reaching the bottom, or its swarm's counts. */
  const manyStarts = (r: Runner): string => {
    const id = idOf.get(r) ?? -1;
    const share = state.basinsOn ? state.basinsShares[id] : undefined;
    // The counts of the swarm's frame at this very step (the store's are refreshed 5 times a second).
    const counts = state.swarmOn
      ? swarmLive.frame?.runners.find((x) => x.id === id)?.counts
      : undefined;
    return [
      share ? t.swarm.share(share.global, share.complete) : '',
      counts ? t.swarm.counts(counts) : '',
    ]
      .filter(Boolean)
      .join(' · ');
  };
  const byId = new Map(runners.map((r, i) => [r.id, race.runners[i]]));
  const panes =
    state.layout === 'split'
      ? view.panes.map((p, k) => ({
          x: p.x * view.pixelRatio,
          y: p.y * view.pixelRatio,
          width: p.width * view.pixelRatio,
          name: t.layout.pane(k + 1),
          runners: (state.panes[k] ?? [])
            .map((id) => byId.get(id))
            .filter((r): r is Runner => r !== undefined)
            .map((r) => ({ id: idOf.get(r) ?? -1, label: r.spec.label, color: r.spec.color })),
        }))
      : [];
  // A network's runner trains on minibatches in its worker: its batch size is its track's.
  const batchOf = (r: Runner) => {
    if (r.sampler) return r.sampler.batch;
    const track = state.landscape.net?.tracks[race.runners.indexOf(r)];
    return track && track.batch > 0 && track.batch < state.landscape.net!.data.n
      ? track.batch
      : null;
  };
  return {
    title: titleText(state, t),
    stepLabel: t.app.stepCounter,
    step: race.step,
    rows: shown.map((r) => ({
      id: idOf.get(r) ?? -1,
      color: r.spec.color,
      label: r.spec.label,
      // The rate in effect now (after its schedule) and, on data, the batch size.
      params:
        keyHyperparameters({ ...r.spec.optimizer, lr: r.schedule.lr }) +
        (batchOf(r) !== null ? ` · ${t.data.batch.toLowerCase()} ${batchOf(r)}` : ''),
      loss: formatNumber(r.loss),
      status: statusText(t.app, r),
      many: manyStarts(r),
    })),
    chartTitle: t.chart.title,
    series: shown.map((r) => ({
      ...historyCurve(r.history),
      id: idOf.get(r) ?? -1,
      color: r.spec.color,
      selected: false,
    })),
    knownMinimum: state.landscape.minima.find((m) => m.global)?.value ?? null,
    emptyChartText: t.chart.noRunners,
    panes,
    labels: ballLabels(state, view.balls, view.camera, frame.width, frame.height, frame.scale),
  };
}
