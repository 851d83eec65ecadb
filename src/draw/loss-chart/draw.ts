import { setRunnerDash, traceRunnerMarker } from '../marker';
import { needsLightOutline } from './color';
import { COLUMN_STRIDE, downsampleColumns } from './downsample';
import {
  lossExtent,
  logReference,
  logValue,
  stepTicks,
  type LossCurve,
  verticalAxis,
  type VerticalAxis,
} from './scale';

/** One runner's curve: its losses (index = step), how many of them to draw, its colour. */
export interface ChartSeries extends LossCurve {
  color: string;
  /** The runner's id: its dash pattern and end marker (absent: solid, a dot). */
  id?: number;
  /** The runner the formula panel shows: drawn thicker and on top. */
  selected: boolean;
  /**
   * A secondary curve (a runner's batch losses): drawn thin and translucent under the others, no
   * end dot, and left out of the vertical range so its spikes do not flatten the main curves.
   */
  faint?: boolean;
}

/** What one frame of the chart shows. */
export interface ChartFrame {
  series: readonly ChartSeries[];
  /** Right end of the step axis. */
  lastStep: number;
  log: boolean;
  /** The landscape's global minimum value, if known (log mode's f₀). */
  knownMinimum: number | null;
  /** Drawn in the middle when no runner is shown. */
  emptyText: string;
}

/** Canvas size in CSS pixels and the device pixel ratio. */
export interface ChartSize {
  width: number;
  height: number;
  dpr: number;
}

const FONT = '10px system-ui, "Segoe UI", Roboto, sans-serif';
const BACKGROUND = '#121824';
const GRID = 'rgba(255, 255, 255, 0.08)';
const AXIS = 'rgba(255, 255, 255, 0.22)';
const LABEL = '#9aa3b2';
const OUTLINE = 'rgba(232, 236, 244, 0.75)';
const PAD = { top: 6, right: 8, bottom: 15, gap: 5 } as const;

let columns = new Float64Array(0);

function scratchColumns(width: number): Float64Array {
  const needed = (Math.ceil(width) + 2) * COLUMN_STRIDE;
  if (columns.length < needed) columns = new Float64Array(needed);
  return columns;
}

/**
 * Draws the loss of every series against the step, with axes, tick labels and a faint grid.
 * Returns log mode's f₀ (0 in linear mode or with no data), for the hint under the chart.
 */
export function drawLossChart(
  ctx: CanvasRenderingContext2D,
  size: ChartSize,
  frame: ChartFrame,
): number {
  const { width, height, dpr } = size;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = FONT;

  const main = frame.series.filter((s) => !s.faint);
  const extent = lossExtent(main.length ? main : frame.series);
  if (!extent) {
    ctx.fillStyle = BACKGROUND;
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = LABEL;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(frame.emptyText, width / 2, height / 2);
    return 0;
  }
  const reference = frame.log ? logReference(extent.lowest, frame.knownMinimum) : 0;
  const axis = verticalAxis(extent, frame.log, reference);
  const left = Math.ceil(Math.max(...axis.labels.map((l) => ctx.measureText(l).width), 8)) + 8;
  const plot = {
    x: left,
    y: PAD.top,
    w: Math.max(10, width - left - PAD.right),
    h: Math.max(10, height - PAD.top - PAD.bottom),
  };
  const lastStep = Math.max(1, frame.lastStep);
  const xOf = (step: number) => plot.x + (step / lastStep) * plot.w;
  const plotted = frame.log ? (v: number) => logValue(v, reference) : (v: number) => v;
  const yOf = (v: number) => plot.y + ((axis.max - plotted(v)) / (axis.max - axis.min)) * plot.h;

  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(plot.x, plot.y, plot.w, plot.h);
  drawGrid(ctx, plot, axis, stepTicks(lastStep, Math.max(2, Math.floor(plot.w / 40))), xOf);

  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x, plot.y, plot.w, plot.h);
  ctx.clip();
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  const pxPerStep = (plot.w * dpr) / lastStep;
  // Faint curves first, then the runners, the selected one last so it stays on top. A batch's
  // loss can lie below the log axis's f₀ (the full data's lowest): it is drawn at the bottom.
  const yOfFaint = frame.log ? (v: number) => yOf(Math.max(v, reference)) : yOf;
  for (const s of frame.series) {
    if (s.faint) drawSeries(ctx, s, pxPerStep, xOf, yOfFaint, plot.w * dpr);
  }
  for (const selectedPass of [false, true]) {
    for (const s of frame.series) {
      if (!s.faint && s.selected === selectedPass)
        drawSeries(ctx, s, pxPerStep, xOf, yOf, plot.w * dpr);
    }
  }
  ctx.restore();
  return reference;
}

function drawGrid(
  ctx: CanvasRenderingContext2D,
  plot: { x: number; y: number; w: number; h: number },
  axis: VerticalAxis,
  steps: number[],
  xOf: (step: number) => number,
): void {
  const span = axis.max - axis.min;
  ctx.lineWidth = 1;
  ctx.strokeStyle = GRID;
  ctx.fillStyle = LABEL;
  ctx.beginPath();
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  axis.ticks.forEach((tick, k) => {
    const y = Math.round(plot.y + ((axis.max - tick) / span) * plot.h) + 0.5;
    ctx.moveTo(plot.x, y);
    ctx.lineTo(plot.x + plot.w, y);
    const clamped = Math.min(plot.y + plot.h - 4, Math.max(plot.y + 4, y));
    ctx.fillText(axis.labels[k]!, plot.x - PAD.gap, clamped);
  });
  ctx.textBaseline = 'top';
  steps.forEach((step, k) => {
    const x = Math.round(xOf(step)) + 0.5;
    ctx.moveTo(x, plot.y);
    ctx.lineTo(x, plot.y + plot.h);
    ctx.textAlign = k === 0 ? 'left' : x > plot.x + plot.w - 12 ? 'right' : 'center';
    ctx.fillText(String(step), x, plot.y + plot.h + 3);
  });
  ctx.stroke();
  ctx.strokeStyle = AXIS;
  ctx.beginPath();
  ctx.moveTo(plot.x + 0.5, plot.y);
  ctx.lineTo(plot.x + 0.5, plot.y + plot.h + 0.5);
  ctx.lineTo(plot.x + plot.w, plot.y + plot.h + 0.5);
  ctx.stroke();
}

function drawSeries(
  ctx: CanvasRenderingContext2D,
  s: ChartSeries,
  pxPerStep: number,
  xOf: (step: number) => number,
  yOf: (v: number) => number,
  deviceWidth: number,
): void {
  const out = scratchColumns(deviceWidth);
  const n = downsampleColumns(s.losses, s.count, pxPerStep, out, s.stride, s.tail);
  if (n === 0) return;
  ctx.beginPath();
  for (let c = 0; c < n; c++) {
    const o = c * COLUMN_STRIDE;
    const x0 = xOf(out[o]!);
    const y0 = yOf(out[o + 1]!);
    if (c === 0) ctx.moveTo(x0, y0);
    else ctx.lineTo(x0, y0);
    if (out[o + 4] !== out[o]) {
      ctx.lineTo(x0, yOf(out[o + 2]!));
      ctx.lineTo(x0, yOf(out[o + 3]!));
      ctx.lineTo(xOf(out[o + 4]!), yOf(out[o + 5]!));
    }
  }
  const last = (n - 1) * COLUMN_STRIDE;
  const endX = xOf(out[last + 4]!);
  const endY = yOf(out[last + 5]!);
  if (s.faint) {
    ctx.globalAlpha = 0.35;
    ctx.strokeStyle = s.color;
    ctx.lineWidth = 1;
    ctx.stroke();
    ctx.globalAlpha = 1;
    return;
  }
  const width = s.selected ? 2.2 : 1.5;
  const outlined = needsLightOutline(s.color);
  if (outlined) {
    ctx.strokeStyle = OUTLINE;
    ctx.lineWidth = width + 2;
    ctx.stroke();
  }
  ctx.strokeStyle = s.color;
  ctx.lineWidth = width;
  if (s.id !== undefined) setRunnerDash(ctx, s.id, width);
  ctx.stroke();
  ctx.setLineDash([]);

  const r = s.selected ? 3.2 : 2.6;
  if (s.id !== undefined) traceRunnerMarker(ctx, s.id, endX, endY, r + 0.6);
  else {
    ctx.beginPath();
    ctx.arc(endX, endY, r, 0, 2 * Math.PI);
  }
  ctx.fillStyle = s.color;
  ctx.fill();
  if (outlined) {
    ctx.strokeStyle = OUTLINE;
    ctx.lineWidth = 1.2;
    ctx.stroke();
  }
}
