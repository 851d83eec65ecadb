import { drawLossChart } from '../draw/loss-chart/draw';
import { fitText, font, panel, swatch, wrapLines } from './canvas-text';
import type { LegendRow, OverlayContent, OverlayOptions } from './overlay-content';

const PANEL = 'rgba(14, 18, 26, 0.8)';
const BORDER = { color: 'rgba(255, 255, 255, 0.14)', width: 1 };
const TEXT = '#e6e8ee';
const MUTED = '#a3acbb';

/**
 * Overlay pixels per design pixel: the overlays are laid out for a 720-pixel-high frame and
 * scaled with the frame, but never below 0.7 so small clips stay readable.
 */
export function overlayScale(height: number): number {
  return Math.max(0.7, height / 720);
}

/** A frame being composed: its 2D context, size and overlay scale. */
export interface OverlayTarget {
  ctx: CanvasRenderingContext2D;
  width: number;
  height: number;
  scale: number;
  /** Scratch canvas for the loss chart (drawn there, then copied in). */
  chart: HTMLCanvasElement;
  /**
   * Set once a ball came under the loss chart's bottom-right corner: from then on the chart sits
   * in the top right, under the step counter, for the rest of the clip (it never jumps back).
   */
  chartAtTop?: boolean;
}

/** Draws the switched-on overlays over the 3D frame already in `target.ctx`. */
export function drawOverlays(
  target: OverlayTarget,
  content: OverlayContent,
  options: OverlayOptions,
): void {
  const { ctx } = target;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  const title = options.title && content.title ? layoutTitle(target, content.title) : null;
  const top = title?.height ?? 0;
  // What belongs to the scene first, so the panels lie over it.
  if (content.panes.length > 0) drawPaneTitles(target, content, top);
  else if (options.ballLabels) drawBallLabels(target, content);
  if (title) drawTitle(target, title);
  if (options.stepCounter) drawStepCounter(target, content, top);
  const chartWidth = options.lossChart ? drawChart(target, content, top) : 0;
  if (options.legend) drawLegend(target, content.rows, chartWidth);
  ctx.restore();
}

interface TitleLayout {
  lines: string[];
  size: number;
  lineHeight: number;
  pad: number;
  height: number;
}

/** The caption broken into at most three lines across the frame, and the band's height. */
function layoutTitle({ ctx, width, scale: s }: OverlayTarget, title: string): TitleLayout {
  const pad = 14 * s;
  const size = 20 * s;
  const lineHeight = size * 1.3;
  ctx.font = font(size);
  const lines = wrapLines(ctx, title, width - 2 * pad, 3);
  const height = 2 * pad + lines.length * lineHeight - (lineHeight - size);
  return { lines, size, lineHeight, pad, height };
}

/** The caption as a band across the top. */
function drawTitle({ ctx, width }: OverlayTarget, title: TitleLayout): void {
  ctx.fillStyle = 'rgba(11, 14, 20, 0.78)';
  ctx.fillRect(0, 0, width, title.height);
  ctx.font = font(title.size);
  ctx.fillStyle = TEXT;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  title.lines.forEach((line, i) => ctx.fillText(line, title.pad, title.pad + i * title.lineHeight));
}

function drawStepCounter({ ctx, width, scale: s }: OverlayTarget, c: OverlayContent, top: number) {
  const pad = 10 * s;
  const label = `${c.stepLabel} `;
  const value = String(c.step);
  ctx.font = font(16 * s);
  const labelWidth = ctx.measureText(label).width;
  ctx.font = font(22 * s, 'bold');
  const valueWidth = ctx.measureText(value).width;
  const w = labelWidth + valueWidth + 2 * pad;
  const h = 22 * s + 2 * pad * 0.8;
  const x = width - w - 12 * s;
  const y = top + 12 * s;
  panel(ctx, x, y, w, h, 8 * s, PANEL, BORDER);
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  ctx.fillStyle = MUTED;
  ctx.font = font(16 * s);
  ctx.fillText(label, x + pad, y + h / 2);
  ctx.fillStyle = TEXT;
  ctx.font = font(22 * s, 'bold');
  ctx.fillText(value, x + pad + labelWidth, y + h / 2);
}

/** Each ball's label as in the app: white text on a dark pill edged in the runner's colour. */
function drawBallLabels({ ctx, scale: s }: OverlayTarget, c: OverlayContent) {
  ctx.font = font(13 * s);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const l of c.labels) {
    const w = ctx.measureText(l.text).width + 14 * s;
    const h = 19 * s;
    panel(ctx, l.x - w / 2, l.y - h, w, h, h / 2, 'rgba(10, 12, 18, 0.78)', {
      color: l.color,
      width: 1.5 * s,
    });
    ctx.fillStyle = '#fff';
    ctx.fillText(l.text, l.x, l.y - h / 2);
  }
}

/** In the split layout: each pane's name and runners in its top left corner. */
function drawPaneTitles({ ctx, scale: s }: OverlayTarget, c: OverlayContent, top: number) {
  const pad = 7 * s;
  const size = 14 * s;
  for (const p of c.panes) {
    const x = p.x + 8 * s;
    const y = Math.max(p.y, top) + 8 * s;
    const maxWidth = p.width - 16 * s - 2 * pad;
    ctx.font = font(size, 'bold');
    const name = `${p.name}  `;
    let w = ctx.measureText(name).width;
    ctx.font = font(size);
    const items = p.runners.map((r) => {
      const text = fitText(ctx, r.label, maxWidth / 2);
      const itemWidth = size + ctx.measureText(text).width + size * 0.8;
      w += itemWidth;
      return { ...r, text, itemWidth };
    });
    w = Math.min(w, maxWidth);
    const h = size + 2 * pad;
    panel(ctx, x, y, w + 2 * pad, h, 8 * s, PANEL, BORDER);
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, y, w + 2 * pad, h);
    ctx.clip();
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    ctx.fillStyle = TEXT;
    ctx.font = font(size, 'bold');
    ctx.fillText(name, x + pad, y + h / 2);
    let cx = x + pad + ctx.measureText(name).width;
    ctx.font = font(size);
    for (const item of items) {
      swatch(ctx, cx + size * 0.4, y + h / 2, size * 0.36, item.color, item.id);
      ctx.fillStyle = TEXT;
      ctx.fillText(item.text, cx + size, y + h / 2);
      cx += item.itemWidth;
    }
    ctx.restore();
  }
}

/**
 * The loss chart in the bottom right corner — or, once a ball has come under that corner, in the
 * top right under the step counter (if no ball is there), so it never hides a ball. Returns the
 * width it takes at the bottom (with its margin), which the legend leaves free.
 */
function drawChart(target: OverlayTarget, c: OverlayContent, top: number): number {
  const { ctx, width, height, scale: s, chart } = target;
  const pad = 8 * s;
  const w = Math.min(300 * s, width * 0.42);
  const plotH = 112 * s;
  const titleH = 18 * s;
  const h = plotH + titleH + 2 * pad;
  const x = width - w - 12 * s;
  const bottom = height - h - 12 * s;
  const high = top + 12 * s + (22 * s + 16 * s) + 10 * s;
  // A label marks the top of its ball's halo; the ball lies just under it.
  const covers = (y0: number) =>
    c.labels.some(
      (b) => b.x >= x - 8 * s && b.x <= x + w + 8 * s && b.y + 28 * s >= y0 && b.y <= y0 + h,
    );
  if (!target.chartAtTop && covers(bottom) && high + h < bottom && !covers(high))
    target.chartAtTop = true;
  const y = target.chartAtTop ? high : bottom;
  panel(ctx, x, y, w, h, 8 * s, PANEL, BORDER);
  ctx.font = font(13 * s, 'bold');
  ctx.fillStyle = MUTED;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillText(c.chartTitle, x + pad, y + pad);
  // The chart's own 10 px labels come out at 13 design pixels.
  const dpr = 1.3 * s;
  const plotW = w - 2 * pad;
  chart.width = Math.round(plotW);
  chart.height = Math.round(plotH);
  const chartCtx = chart.getContext('2d');
  if (!chartCtx) return w + 24 * s;
  drawLossChart(
    chartCtx,
    { width: chart.width / dpr, height: chart.height / dpr, dpr },
    {
      series: c.series,
      lastStep: Math.max(10, c.step),
      log: false,
      knownMinimum: c.knownMinimum,
      emptyText: c.emptyChartText,
    },
  );
  ctx.drawImage(chart, Math.round(x + pad), Math.round(y + pad + titleH));
  return target.chartAtTop ? 0 : w + 24 * s;
}

/** Column texts of a legend row; which columns fit is decided for the whole table. */
const COLUMNS: ((r: LegendRow) => string)[] = [
  (r) => r.label,
  (r) => r.params,
  (r) => `f = ${r.loss}`,
  (r) => r.status,
  (r) => r.many,
];

/**
 * The legend in the bottom left corner, dropping the status, then the many-starts figures (the
 * share of starts reaching the bottom, the swarm's counts), then the hyperparameters if the frame
 * is too narrow.
 */
function drawLegend(target: OverlayTarget, rows: readonly LegendRow[], reserved: number) {
  const { ctx, width, height, scale: s } = target;
  if (rows.length === 0) return;
  const size = 15 * s;
  const small = 13 * s;
  const pad = 10 * s;
  const gap = 14 * s;
  const lineHeight = size * 1.55;
  const swatchWidth = size * 1.2;
  const maxWidth = width - reserved - 24 * s - 2 * pad;
  const fontOf = (col: number) => (col === 0 ? font(size, 'bold') : font(col === 2 ? size : small));
  const widths = COLUMNS.map((text, col) => {
    ctx.font = fontOf(col);
    return Math.max(...rows.map((r) => ctx.measureText(text(r)).width));
  });
  let shown = rows.some((r) => r.many) ? [0, 1, 2, 3, 4] : [0, 1, 2, 3];
  const total = (cols: number[]) =>
    swatchWidth + cols.reduce((sum, col) => sum + widths[col]!, 0) + gap * (cols.length - 1);
  for (const drop of [3, 4, 1])
    if (total(shown) > maxWidth) shown = shown.filter((c) => c !== drop);
  const innerWidth = Math.min(total(shown), maxWidth);
  const h = rows.length * lineHeight + 2 * pad - (lineHeight - size);
  const x = 12 * s;
  const y = height - h - 12 * s;
  panel(ctx, x, y, innerWidth + 2 * pad, h, 8 * s, PANEL, BORDER);
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, innerWidth + 2 * pad, h);
  ctx.clip();
  ctx.textBaseline = 'middle';
  rows.forEach((r, i) => {
    const cy = y + pad + size / 2 + i * lineHeight;
    swatch(ctx, x + pad + size * 0.4, cy, size * 0.38, r.color, r.id);
    let cx = x + pad + swatchWidth;
    for (const col of shown) {
      ctx.font = fontOf(col);
      ctx.fillStyle = col === 0 || col === 2 ? TEXT : MUTED;
      ctx.textAlign = 'left';
      ctx.fillText(COLUMNS[col]!(r), cx, cy);
      cx += widths[col]! + gap;
    }
  });
  ctx.restore();
}
