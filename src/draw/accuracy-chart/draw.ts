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
import { stepTicks, type VerticalAxis } from '../loss-chart/scale';

/** A runner's computed training as the chart reads it: its accuracy at every step. */
interface AccuracyTrack {
  accuracy: ArrayLike<number>;
}

/** What the chart needs of a live runner: how many steps of its track it has played. */
interface PlayedRunner {
  spec: { color: string };
  history: { count: number };
}

/**
 * The chart's curves: for every shown runner (by position; a runner whose settings say hidden is
 * left out), its track's accuracy from step 0 up to its current step (history.count − 1, a diverged
 * runner's last finite step), in its colour, dash and marker; the selected runner's flagged.
 */
export function accuracySeries(
  tracks: readonly AccuracyTrack[],
  runners: readonly PlayedRunner[],
  settings: readonly { id: number; visible: boolean }[],
  selectedId: number,
): ChartSeries[] {
  const series: ChartSeries[] = [];
  runners.forEach((r, i) => {
    const track = tracks[i];
    const shown = settings[i];
    if (!track || (shown && !shown.visible)) return;
    series.push({
      losses: track.accuracy,
      count: Math.min(r.history.count, track.accuracy.length),
      color: r.spec.color,
      id: shown?.id ?? i + 1,
      selected: shown?.id === selectedId,
    });
  });
  return series;
}

/** The accuracy a well-trained classifier should pass: the chart's faint guide. */
export const ACCURACY_GUIDE = 0.95;

/** 0 … 100 %, a little room above and below so a curve at 0 or 100 % is not cut by the frame. */
export const ACCURACY_AXIS: VerticalAxis = {
  min: -0.04,
  max: 1.04,
  ticks: [0, 0.5, 1],
  labels: ['0 %', '50 %', '100 %'],
};

/** What one frame of the accuracy chart shows. */
export interface AccuracyFrame {
  series: readonly ChartSeries[];
  /** Right end of the step axis. */
  lastStep: number;
  /** Drawn in the middle when no runner is shown. */
  emptyText: string;
}

/**
 * Draws the training accuracy (0 … 1 shown as 0 … 100 %) of every series against the step, with
 * the step and percent axes, a faint grid and a dashed guide at 95 %.
 */
export function drawAccuracyChart(
  ctx: CanvasRenderingContext2D,
  size: ChartSize,
  frame: AccuracyFrame,
): void {
  startChart(ctx, size);
  if (!frame.series.some((s) => s.count > 0)) {
    drawEmptyChart(ctx, size, frame.emptyText);
    return;
  }
  const axis = ACCURACY_AXIS;
  const guideLabel = `${Math.round(ACCURACY_GUIDE * 100)} %`;
  const plot = plotBox(ctx, size, axis.labels);
  // The guide's label sits right of the plot, level with it: on the left it would crowd "100 %".
  plot.w = Math.max(10, plot.w - Math.ceil(ctx.measureText(guideLabel).width) - 2);
  const lastStep = Math.max(1, frame.lastStep);
  const xOf = (step: number) => plot.x + (step / lastStep) * plot.w;
  const yOf = (v: number) => plot.y + ((axis.max - v) / (axis.max - axis.min)) * plot.h;
  drawGrid(ctx, plot, axis, stepTicks(lastStep, Math.max(2, Math.floor(plot.w / 40))), xOf);

  const guide = Math.round(yOf(ACCURACY_GUIDE)) + 0.5;
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.22)';
  ctx.setLineDash([3, 3]);
  ctx.beginPath();
  ctx.moveTo(plot.x, guide);
  ctx.lineTo(plot.x + plot.w, guide);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.fillStyle = CHART_LABEL;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(guideLabel, plot.x + plot.w + 3, guide);

  drawCurves(ctx, plot, frame.series, {
    xOf,
    yOf,
    yOfFaint: yOf,
    pxPerStep: (plot.w * size.dpr) / lastStep,
    dpr: size.dpr,
  });
}
