import { traceMarker } from '../marker';
import { CHART_BACKGROUND, CHART_FONT, CHART_LABEL, type ChartSize } from '../loss-chart/plot';
import { CLASS_COLORS, CLASS_MARKERS } from './classes';

/** A confusion matrix read for the panel: row c is the true class, column p the predicted one. */
export interface ConfusionSummary {
  /** counts[k·p + q]: rows of class k predicted as q. */
  counts: number[];
  /** Rows of each true class. */
  rowTotals: number[];
  /** Each cell's share of its row (0 for an empty row): what the cell's shade shows. */
  shares: number[];
  /** Rows on the diagonal (predicted right). */
  correct: number;
  total: number;
  /** correct / total (0 with no rows). */
  accuracy: number;
}

/** Reads a k×k confusion matrix (row-major counts, rows the true class). */
export function summarizeConfusion(counts: ArrayLike<number>, k = 3): ConfusionSummary {
  const cells = Array.from({ length: k * k }, (_, i) => counts[i] ?? 0);
  const rowTotals = Array.from({ length: k }, (_, c) =>
    cells.slice(c * k, c * k + k).reduce((a, b) => a + b, 0),
  );
  const shares = cells.map((n, i) => {
    const row = rowTotals[Math.floor(i / k)]!;
    return row > 0 ? n / row : 0;
  });
  let correct = 0;
  for (let c = 0; c < k; c++) correct += cells[c * k + c]!;
  const total = rowTotals.reduce((a, b) => a + b, 0);
  return {
    counts: cells,
    rowTotals,
    shares,
    correct,
    total,
    accuracy: total > 0 ? correct / total : 0,
  };
}

/** What the confusion view draws. */
export interface ConfusionFrame {
  summary: ConfusionSummary;
  /** The class names, by label: in full beside the rows, short over the columns. */
  classes: readonly string[];
  shortClasses: readonly string[];
  /** Captions of the two axes: "predicted" over the columns, "true" beside the rows. */
  predicted: string;
  actual: string;
}

/** Right answers: the page's accent. */
const RIGHT = '#7fd3ff';
/** Wrong answers: a coral, apart from the accent under every colour-vision deficiency. */
const WRONG = '#f07167';
const TEXT_LIGHT = '#e6e8ee';
const TEXT_DARK = '#0b0e14';
const CELL_EDGE = 'rgba(255, 255, 255, 0.1)';
const COUNT_FONT = '600 13px system-ui, "Segoe UI", Roboto, sans-serif';

/** `text` cut with an ellipsis to fit `width` pixels. */
function fitted(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * Draws the confusion matrix: a 3×3 grid, rows the true class (with its marker), columns the
 * predicted class; each cell holds its count and row share, shaded by that share — the diagonal
 * (right) in the accent, the rest (wrong) in coral.
 */
export function drawConfusion(
  ctx: CanvasRenderingContext2D,
  size: ChartSize,
  f: ConfusionFrame,
): void {
  const { width, height, dpr } = size;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.font = CHART_FONT;
  const k = f.classes.length;
  const { counts, shares } = f.summary;

  const caption = 14;
  const marker = 11;
  const labelWidth = Math.min(
    width * 0.36,
    Math.max(...f.classes.map((c) => ctx.measureText(c).width)),
  );
  const grid = {
    x: caption + marker + labelWidth + 5,
    y: 26,
  };
  const cw = Math.max(10, (width - grid.x - 2) / k);
  const ch = Math.max(10, (height - grid.y - 2) / k);

  ctx.fillStyle = CHART_BACKGROUND;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = CHART_LABEL;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(f.predicted, grid.x + (cw * k) / 2, 2);
  for (let p = 0; p < k; p++)
    ctx.fillText(
      fitted(ctx, f.shortClasses[p] ?? f.classes[p]!, cw - 2),
      grid.x + cw * (p + 0.5),
      14,
    );
  ctx.save();
  ctx.translate(caption / 2 + 1, grid.y + (ch * k) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(fitted(ctx, f.actual, ch * k), 0, 0);
  ctx.restore();

  for (let c = 0; c < k; c++) {
    const y = grid.y + ch * c;
    ctx.fillStyle = CHART_LABEL;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    const name = fitted(ctx, f.classes[c]!, labelWidth);
    ctx.fillText(name, grid.x - 4, y + ch / 2);
    const markerX = grid.x - 4 - ctx.measureText(name).width - marker / 2;
    traceMarker(ctx, CLASS_MARKERS[c % 3]!, markerX, y + ch / 2, 3);
    ctx.fillStyle = CLASS_COLORS[c % 3]!;
    ctx.fill();
    for (let p = 0; p < k; p++) {
      const x = grid.x + cw * p;
      const i = c * k + p;
      const share = shares[i]!;
      const alpha = counts[i]! > 0 ? 0.12 + 0.78 * share : 0;
      ctx.globalAlpha = alpha;
      ctx.fillStyle = c === p ? RIGHT : WRONG;
      ctx.fillRect(x + 1, y + 1, cw - 2, ch - 2);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = CELL_EDGE;
      ctx.lineWidth = 1;
      ctx.strokeRect(x + 1.5, y + 1.5, cw - 3, ch - 3);
      ctx.fillStyle = alpha > 0.55 ? TEXT_DARK : counts[i]! > 0 ? TEXT_LIGHT : CHART_LABEL;
      ctx.textAlign = 'center';
      // The row share under the count when there is room and something to share.
      const roomy = ch >= 30 && counts[i]! > 0;
      ctx.font = COUNT_FONT;
      ctx.fillText(String(counts[i]), x + cw / 2, y + ch / 2 - (roomy ? 5 : 0));
      ctx.font = CHART_FONT;
      if (roomy) ctx.fillText(`${Math.round(share * 100)} %`, x + cw / 2, y + ch / 2 + 9);
    }
  }
}
