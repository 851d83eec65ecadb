import {
  CHART_LABEL,
  drawCurves,
  drawEmptyChart,
  drawGrid,
  plotBox,
  startChart,
  type ChartSeries,
  type ChartSize,
} from '../loss-chart/plot';
import { verticalAxis } from '../loss-chart/scale';

/** What the sharpness view shows: each shown runner's profile (index k ↔ α = −1 + 2k/(n − 1)). */
export interface SharpnessFrame {
  series: readonly ChartSeries[];
  /** Under the α axis. */
  axisLabel: string;
  emptyText: string;
}

/** The profiles drawn: at most this many times the lowest loss at α = 0, so a wall does not flatten the valleys. */
export const SHARPNESS_CEILING = 4;

/**
 * Draws the loss along a random direction around each runner's final weights against α ∈ [−1, 1]
 * (the minimum itself at α = 0, marked by a dashed line): narrow valleys are sharp minima. The
 * vertical range runs from the lowest value to at most {@link SHARPNESS_CEILING}× the highest loss
 * at α = 0 (and at least to the highest value within |α| ≤ ¼), so walls run off the top.
 */
export function drawSharpness(
  ctx: CanvasRenderingContext2D,
  size: ChartSize,
  frame: SharpnessFrame,
): void {
  startChart(ctx, size);
  const shown = frame.series.filter((s) => s.count > 1);
  if (shown.length === 0) {
    drawEmptyChart(ctx, size, frame.emptyText);
    return;
  }
  let lowest = Infinity;
  let centre = 0;
  let near = 0;
  for (const s of shown) {
    const n = s.count;
    const mid = (n - 1) / 2;
    for (let k = 0; k < n; k++) {
      const v = s.losses[k]!;
      if (!Number.isFinite(v)) continue;
      lowest = Math.min(lowest, v);
      if (Math.abs(k - mid) <= mid / 4) near = Math.max(near, v);
    }
    centre = Math.max(centre, s.losses[Math.round(mid)] ?? 0);
  }
  const highest = Math.max(near, Math.min(SHARPNESS_CEILING * centre, highestOf(shown)));
  const axis = verticalAxis({ lowest, highest }, false);
  const plot = plotBox(ctx, size, axis.labels);
  plot.h = Math.max(10, plot.h - 10);
  const last = Math.max(...shown.map((s) => s.count)) - 1;
  const xOf = (k: number) => plot.x + (k / last) * plot.w;
  const yOf = (v: number) => plot.y + ((axis.max - v) / (axis.max - axis.min)) * plot.h;
  drawGrid(ctx, plot, axis, [], xOf);

  // The runners' own weights, α = 0.
  const zero = Math.round(xOf(last / 2)) + 0.5;
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.22)';
  ctx.setLineDash([3, 3]);
  ctx.beginPath();
  ctx.moveTo(zero, plot.y);
  ctx.lineTo(zero, plot.y + plot.h);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = CHART_LABEL;
  ctx.textBaseline = 'top';
  const below = plot.y + plot.h + 3;
  ctx.textAlign = 'left';
  ctx.fillText('−1', plot.x, below);
  ctx.textAlign = 'center';
  ctx.fillText('0', zero, below);
  ctx.fillText(frame.axisLabel, plot.x + plot.w / 2, below + 11);
  ctx.textAlign = 'right';
  ctx.fillText('1', plot.x + plot.w, below);

  drawCurves(ctx, plot, shown, {
    xOf,
    yOf,
    yOfFaint: yOf,
    pxPerStep: (plot.w * size.dpr) / last,
    dpr: size.dpr,
  });
}

function highestOf(series: readonly ChartSeries[]): number {
  let h = -Infinity;
  for (const s of series)
    for (let k = 0; k < s.count; k++)
      if (Number.isFinite(s.losses[k]!)) h = Math.max(h, s.losses[k]!);
  return h;
}
