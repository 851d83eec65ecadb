import {
  drawCurves,
  drawEmptyChart,
  drawGrid,
  plotBox,
  startChart,
  type ChartSeries,
  type ChartSize,
} from './plot';
import { lossExtent, logReference, logValue, stepTicks, verticalAxis } from './scale';

export type { ChartSeries, ChartSize } from './plot';

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

/**
 * Draws the loss of every series against the step, with axes, tick labels and a faint grid.
 * Returns log mode's f₀ (0 in linear mode or with no data), for the hint under the chart.
 */
export function drawLossChart(
  ctx: CanvasRenderingContext2D,
  size: ChartSize,
  frame: ChartFrame,
): number {
  startChart(ctx, size);
  const main = frame.series.filter((s) => !s.faint);
  const extent = lossExtent(main.length ? main : frame.series);
  if (!extent) {
    drawEmptyChart(ctx, size, frame.emptyText);
    return 0;
  }
  const reference = frame.log ? logReference(extent.lowest, frame.knownMinimum) : 0;
  const axis = verticalAxis(extent, frame.log, reference);
  const plot = plotBox(ctx, size, axis.labels);
  const lastStep = Math.max(1, frame.lastStep);
  const xOf = (step: number) => plot.x + (step / lastStep) * plot.w;
  const plotted = frame.log ? (v: number) => logValue(v, reference) : (v: number) => v;
  const yOf = (v: number) => plot.y + ((axis.max - plotted(v)) / (axis.max - axis.min)) * plot.h;

  drawGrid(ctx, plot, axis, stepTicks(lastStep, Math.max(2, Math.floor(plot.w / 40))), xOf);
  // A batch's loss can lie below the log axis's f₀ (the full data's lowest): it is drawn at the
  // bottom.
  const yOfFaint = frame.log ? (v: number) => yOf(Math.max(v, reference)) : yOf;
  drawCurves(ctx, plot, frame.series, {
    xOf,
    yOf,
    yOfFaint,
    pxPerStep: (plot.w * size.dpr) / lastStep,
    dpr: size.dpr,
  });
  return reference;
}
