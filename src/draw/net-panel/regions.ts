import { netLogits, type NetData } from '../../core';
import { formatTick } from '../format';
import { CHART_BACKGROUND, CHART_FONT, CHART_LABEL, type ChartSize } from '../loss-chart/plot';
import { linearTicks } from '../loss-chart/scale';
import { traceMarker } from '../marker';
import { CLASS_COLORS, CLASS_MARKERS } from './classes';

/** Cells along each side of the decision-region raster. */
export const REGION_CELLS = 64;

/** The standardized range of feature j over the data, padded 5 % on each side. */
export function featureRange(data: NetData, j: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < data.n; i++) {
    const v = data.x[i * data.d + j]!;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const pad = 0.05 * (hi - lo);
  return [lo - pad, hi + pad];
}

const input = new Float64Array(4);
const logits = new Float64Array(3);

/**
 * The network's decision on a cells × cells grid over features fx (across) and fy (up), the other
 * features held at 0 — their mean, the data being standardized: out[r·cells + c] is the argmax of
 * the logits (ties to the lower class) at the centre of cell (c, r), column c from xRange[0], row
 * r from the top (yRange[1]) down. `theta` is one iterate's 67 weights.
 */
export function regionClasses(
  theta: Float64Array,
  fx: number,
  fy: number,
  xRange: readonly [number, number],
  yRange: readonly [number, number],
  cells: number,
  out: Uint8Array,
): Uint8Array {
  input.fill(0);
  for (let r = 0; r < cells; r++) {
    input[fy] = yRange[1] - ((r + 0.5) / cells) * (yRange[1] - yRange[0]);
    for (let c = 0; c < cells; c++) {
      input[fx] = xRange[0] + ((c + 0.5) / cells) * (xRange[1] - xRange[0]);
      netLogits(theta, input, 0, logits);
      let best = 0;
      if (logits[1]! > logits[best]!) best = 1;
      if (logits[2]! > logits[best]!) best = 2;
      out[r * cells + c] = best;
    }
  }
  return out;
}

/** What the regions view draws. */
export interface RegionsFrame {
  data: NetData;
  /** The runner's weights at its current step (67 numbers). */
  theta: Float64Array;
  /** The features across and up (0 … 3). */
  fx: number;
  fy: number;
  /** Axis names with units, e.g. "bill length (mm)". */
  xLabel: string;
  yLabel: string;
}

const PAD = { left: 40, right: 8, top: 6, bottom: 26 } as const;
const REGION_ALPHA = 0.34;
const POINT_EDGE = 'rgba(8, 10, 16, 0.85)';
const AXIS = 'rgba(255, 255, 255, 0.22)';
const raster = new Uint8Array(REGION_CELLS * REGION_CELLS);

/**
 * Draws the decision regions of the network at `theta` over two features (a raster of the argmax
 * class, translucent in the class colours) and every row of the data on top, in its class's
 * colour and marker. The axes are labelled in the measurements' own units.
 */
export function drawRegions(ctx: CanvasRenderingContext2D, size: ChartSize, f: RegionsFrame): void {
  const { width, height, dpr } = size;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = CHART_FONT;
  const { data, fx, fy } = f;
  const xRange = featureRange(data, fx);
  const yRange = featureRange(data, fy);
  const plot = {
    x: PAD.left,
    y: PAD.top,
    w: Math.max(10, width - PAD.left - PAD.right),
    h: Math.max(10, height - PAD.top - PAD.bottom),
  };
  const xOf = (z: number) => plot.x + ((z - xRange[0]) / (xRange[1] - xRange[0])) * plot.w;
  const yOf = (z: number) => plot.y + ((yRange[1] - z) / (yRange[1] - yRange[0])) * plot.h;
  ctx.fillStyle = CHART_BACKGROUND;
  ctx.fillRect(plot.x, plot.y, plot.w, plot.h);

  // The raster, one path per class, each row's runs of a class merged into one rectangle.
  const n = REGION_CELLS;
  regionClasses(f.theta, fx, fy, xRange, yRange, n, raster);
  const cw = plot.w / n;
  const ch = plot.h / n;
  ctx.globalAlpha = REGION_ALPHA;
  for (let k = 0; k < 3; k++) {
    ctx.beginPath();
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) {
        if (raster[r * n + c] !== k) continue;
        let end = c + 1;
        while (end < n && raster[r * n + end] === k) end++;
        ctx.rect(plot.x + c * cw, plot.y + r * ch, (end - c) * cw, ch);
        c = end - 1;
      }
    }
    ctx.fillStyle = CLASS_COLORS[k]!;
    ctx.fill();
  }
  ctx.globalAlpha = 1;

  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x, plot.y, plot.w, plot.h);
  ctx.clip();
  ctx.lineWidth = 0.8;
  ctx.strokeStyle = POINT_EDGE;
  for (let i = 0; i < data.n; i++) {
    const k = data.y[i]!;
    traceMarker(
      ctx,
      CLASS_MARKERS[k]!,
      xOf(data.x[i * data.d + fx]!),
      yOf(data.x[i * data.d + fy]!),
      2.4,
    );
    ctx.fillStyle = CLASS_COLORS[k]!;
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();

  drawAxes(ctx, plot, f, xRange, yRange, xOf, yOf);
}

/** The two axes with ticks at round values of the raw measurements, and their names. */
function drawAxes(
  ctx: CanvasRenderingContext2D,
  plot: { x: number; y: number; w: number; h: number },
  f: RegionsFrame,
  xRange: readonly [number, number],
  yRange: readonly [number, number],
  xOf: (z: number) => number,
  yOf: (z: number) => number,
): void {
  const raw = (j: number, z: number) => f.data.columns[j]!.mean + z * f.data.columns[j]!.std;
  const z = (j: number, v: number) => (v - f.data.columns[j]!.mean) / f.data.columns[j]!.std;
  ctx.strokeStyle = AXIS;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(plot.x + 0.5, plot.y);
  ctx.lineTo(plot.x + 0.5, plot.y + plot.h + 0.5);
  ctx.lineTo(plot.x + plot.w, plot.y + plot.h + 0.5);
  ctx.stroke();
  ctx.fillStyle = CHART_LABEL;

  const xTicks = linearTicks(raw(f.fx, xRange[0]), raw(f.fx, xRange[1]), Math.floor(plot.w / 50));
  const xStep = xTicks.length > 1 ? xTicks[1]! - xTicks[0]! : 1;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const v of xTicks) ctx.fillText(formatTick(v, xStep), xOf(z(f.fx, v)), plot.y + plot.h + 3);
  ctx.fillText(f.xLabel, plot.x + plot.w / 2, plot.y + plot.h + 14);

  const yTicks = linearTicks(raw(f.fy, yRange[0]), raw(f.fy, yRange[1]), Math.floor(plot.h / 35));
  const yStep = yTicks.length > 1 ? yTicks[1]! - yTicks[0]! : 1;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of yTicks) ctx.fillText(formatTick(v, yStep), plot.x - 3, yOf(z(f.fy, v)));
  ctx.save();
  ctx.translate(7, plot.y + plot.h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText(f.yLabel, 0, 0);
  ctx.restore();
}
