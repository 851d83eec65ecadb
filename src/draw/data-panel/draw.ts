import { sigmoid, type Dataset } from '../../core';
import { formatNumber } from '../format';
import type { ChartSize } from '../loss-chart/draw';

/** What the data panel shows: the rows, one runner's current model and the batch it last took. */
export interface DataFrame {
  data: Dataset;
  /** The runner's current weight and bias. */
  w: number;
  b: number;
  color: string;
  /** The rows of the runner's last batch (highlighted); empty before a step. */
  batch: ArrayLike<number>;
  /** Axis names, e.g. "flipper length" and "body mass". */
  xLabel: string;
  yLabel: string;
  /** For classification: the names of labels 0 and 1. */
  classes?: readonly [string, string];
}

/** Canvas size in CSS pixels and the device pixel ratio (as the loss chart's). */
export type PanelSize = ChartSize;

const FONT = '10px system-ui, "Segoe UI", Roboto, sans-serif';
const BACKGROUND = '#121824';
const POINT = 'rgba(200, 208, 222, 0.45)';
const LABEL = '#9aa3b2';
const AXIS = 'rgba(255, 255, 255, 0.22)';
const PAD = { left: 48, right: 8, top: 8, bottom: 26 } as const;

/** The extent of the feature (padded 5 %) and, for regression, of the target. */
export function dataExtent(data: Dataset): { x: [number, number]; y: [number, number] } {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (let i = 0; i < data.n; i++) {
    x0 = Math.min(x0, data.x[i]!);
    x1 = Math.max(x1, data.x[i]!);
    y0 = Math.min(y0, data.y[i]!);
    y1 = Math.max(y1, data.y[i]!);
  }
  const px = 0.05 * (x1 - x0);
  if (data.model === 'logistic') return { x: [x0 - px, x1 + px], y: [-0.12, 1.12] };
  const py = 0.08 * (y1 - y0);
  return { x: [x0 - px, x1 + px], y: [y0 - py, y1 + py] };
}

/**
 * Draws the scatter of the data as the model sees it (standardized or raw), the runner's model
 * over it — the regression line ŷ = w·x + b, or the sigmoid p = σ(w·x + b) with its 0.5
 * boundary x = −b/w — and the rows of the current batch in the runner's colour.
 */
export function drawDataPanel(ctx: CanvasRenderingContext2D, size: PanelSize, f: DataFrame): void {
  const { width, height, dpr } = size;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = FONT;
  const { data } = f;
  const extent = dataExtent(data);
  const plot = {
    x: PAD.left,
    y: PAD.top,
    w: Math.max(10, width - PAD.left - PAD.right),
    h: Math.max(10, height - PAD.top - PAD.bottom),
  };
  const xOf = (x: number) => plot.x + ((x - extent.x[0]) / (extent.x[1] - extent.x[0])) * plot.w;
  const yOf = (y: number) => plot.y + ((extent.y[1] - y) / (extent.y[1] - extent.y[0])) * plot.h;
  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(plot.x, plot.y, plot.w, plot.h);

  // Axes with their end values and names.
  ctx.strokeStyle = AXIS;
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(plot.x + 0.5, plot.y);
  ctx.lineTo(plot.x + 0.5, plot.y + plot.h + 0.5);
  ctx.lineTo(plot.x + plot.w, plot.y + plot.h + 0.5);
  ctx.stroke();
  ctx.fillStyle = LABEL;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillText(formatNumber(extent.x[0]), plot.x, plot.y + plot.h + 3);
  ctx.textAlign = 'right';
  ctx.fillText(formatNumber(extent.x[1]), plot.x + plot.w, plot.y + plot.h + 3);
  ctx.textAlign = 'center';
  ctx.fillText(f.xLabel, plot.x + plot.w / 2, plot.y + plot.h + 13);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  if (data.model === 'logistic') {
    ctx.fillText('1', plot.x - 4, yOf(1));
    ctx.fillText('0', plot.x - 4, yOf(0));
  } else {
    ctx.fillText(formatNumber(extent.y[1]), plot.x - 4, plot.y + 6);
    ctx.fillText(formatNumber(extent.y[0]), plot.x - 4, plot.y + plot.h - 6);
  }
  ctx.save();
  ctx.translate(10, plot.y + plot.h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textAlign = 'center';
  ctx.fillText(f.yLabel, 0, 0);
  ctx.restore();

  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.x, plot.y, plot.w, plot.h);
  ctx.clip();
  // Every row, faint; classes 0 and 1 a little apart vertically so overlapping points show.
  const yShown = (i: number) =>
    data.model === 'logistic'
      ? data.y[i]! + (data.y[i]! > 0.5 ? -0.04 : 0.04) * ((i % 5) / 4)
      : data.y[i]!;
  ctx.fillStyle = POINT;
  for (let i = 0; i < data.n; i++) {
    ctx.beginPath();
    ctx.arc(xOf(data.x[i]!), yOf(yShown(i)), 2, 0, 2 * Math.PI);
    ctx.fill();
  }
  // The model.
  ctx.strokeStyle = f.color;
  ctx.lineWidth = 2;
  ctx.beginPath();
  if (data.model === 'linear') {
    ctx.moveTo(xOf(extent.x[0]), yOf(f.w * extent.x[0] + f.b));
    ctx.lineTo(xOf(extent.x[1]), yOf(f.w * extent.x[1] + f.b));
  } else {
    for (let k = 0; k <= 80; k++) {
      const x = extent.x[0] + ((extent.x[1] - extent.x[0]) * k) / 80;
      const y = yOf(sigmoid(f.w * x + f.b));
      if (k === 0) ctx.moveTo(xOf(x), y);
      else ctx.lineTo(xOf(x), y);
    }
  }
  ctx.stroke();
  if (data.model === 'logistic' && f.w !== 0) {
    const boundary = -f.b / f.w;
    ctx.setLineDash([4, 3]);
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(xOf(boundary), plot.y);
    ctx.lineTo(xOf(boundary), plot.y + plot.h);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  // The batch, in the runner's colour with a light ring.
  for (let k = 0; k < f.batch.length; k++) {
    const i = f.batch[k]!;
    ctx.beginPath();
    ctx.arc(xOf(data.x[i]!), yOf(yShown(i)), 3.2, 0, 2 * Math.PI);
    ctx.fillStyle = f.color;
    ctx.fill();
    ctx.strokeStyle = 'rgba(240, 240, 240, 0.85)';
    ctx.lineWidth = 1;
    ctx.stroke();
  }
  ctx.restore();
  if (f.classes) {
    ctx.fillStyle = LABEL;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'top';
    ctx.fillText(f.classes[1], plot.x + plot.w - 3, plot.y + 3);
    ctx.textBaseline = 'bottom';
    ctx.fillText(f.classes[0], plot.x + plot.w - 3, plot.y + plot.h - 3);
  }
}
