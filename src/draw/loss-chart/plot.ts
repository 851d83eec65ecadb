import { setRunnerDash, traceRunnerMarker } from '../marker';
import { needsLightOutline } from './color';
import { COLUMN_STRIDE, downsampleColumns } from './downsample';
import type { LossCurve, VerticalAxis } from './scale';

/**
 * What every chart of a runner's value against the step draws alike — the loss chart and the
 * network's accuracy chart: the plot box beside its tick labels, the grid, each runner's curve in
 * its colour, dash and end marker (the selected one on top), and the empty state.
 */

/** One runner's curve: its values (index = step), how many of them to draw, its colour. */
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

/** Canvas size in CSS pixels and the device pixel ratio. */
export interface ChartSize {
  width: number;
  height: number;
  dpr: number;
}

/** The plot's box inside the canvas, in CSS pixels. */
export interface PlotBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const CHART_FONT = '10px system-ui, "Segoe UI", Roboto, sans-serif';
export const CHART_BACKGROUND = '#121824';
export const CHART_GRID = 'rgba(255, 255, 255, 0.08)';
export const CHART_LABEL = '#9aa3b2';
const AXIS = 'rgba(255, 255, 255, 0.22)';
const OUTLINE = 'rgba(232, 236, 244, 0.75)';
const PAD = { top: 6, right: 8, bottom: 15, gap: 5 } as const;

let columns = new Float64Array(0);

function scratchColumns(width: number): Float64Array {
  const needed = (Math.ceil(width) + 2) * COLUMN_STRIDE;
  if (columns.length < needed) columns = new Float64Array(needed);
  return columns;
}

/** Clears the canvas for a frame: device pixels scaled to CSS pixels, the chart's font. */
export function startChart(ctx: CanvasRenderingContext2D, size: ChartSize): void {
  ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0);
  ctx.clearRect(0, 0, size.width, size.height);
  ctx.font = CHART_FONT;
}

/** The whole canvas dark with `text` in the middle (no runner to draw). */
export function drawEmptyChart(ctx: CanvasRenderingContext2D, size: ChartSize, text: string) {
  ctx.fillStyle = CHART_BACKGROUND;
  ctx.fillRect(0, 0, size.width, size.height);
  ctx.fillStyle = CHART_LABEL;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, size.width / 2, size.height / 2);
}

/** The plot's box: right of the widest of the vertical axis's `labels`, above the step labels. */
export function plotBox(
  ctx: CanvasRenderingContext2D,
  size: ChartSize,
  labels: readonly string[],
): PlotBox {
  const left = Math.ceil(Math.max(...labels.map((l) => ctx.measureText(l).width), 8)) + 8;
  return {
    x: left,
    y: PAD.top,
    w: Math.max(10, size.width - left - PAD.right),
    h: Math.max(10, size.height - PAD.top - PAD.bottom),
  };
}

/** The plot's dark background, the grid at the ticks of both axes, their labels and the axes. */
export function drawGrid(
  ctx: CanvasRenderingContext2D,
  plot: PlotBox,
  axis: VerticalAxis,
  steps: number[],
  xOf: (step: number) => number,
): void {
  ctx.fillStyle = CHART_BACKGROUND;
  ctx.fillRect(plot.x, plot.y, plot.w, plot.h);
  const span = axis.max - axis.min;
  ctx.lineWidth = 1;
  ctx.strokeStyle = CHART_GRID;
  ctx.fillStyle = CHART_LABEL;
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

/** Where the curves go: step → x, value → y (and for faint curves, which may be mapped apart). */
export interface CurveScale {
  xOf: (step: number) => number;
  yOf: (v: number) => number;
  yOfFaint: (v: number) => number;
  /** Device pixels per step (the downsampling's columns). */
  pxPerStep: number;
  dpr: number;
}

/**
 * Every series clipped to the plot: faint curves first, then the runners, the selected one last
 * so it stays on top.
 */
export function drawCurves(
  ctx: CanvasRenderingContext2D,
  plot: PlotBox,
  series: readonly ChartSeries[],
  scale: CurveScale,
): void {
  const deviceWidth = plot.w * scale.dpr;
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x, plot.y, plot.w, plot.h);
  ctx.clip();
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (const s of series) {
    if (s.faint) drawSeries(ctx, s, scale.pxPerStep, scale.xOf, scale.yOfFaint, deviceWidth);
  }
  for (const selectedPass of [false, true]) {
    for (const s of series) {
      if (!s.faint && s.selected === selectedPass)
        drawSeries(ctx, s, scale.pxPerStep, scale.xOf, scale.yOf, deviceWidth);
    }
  }
  ctx.restore();
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
