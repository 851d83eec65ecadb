import './net-panels.css';
import { accuracySeries, drawAccuracyChart } from '../draw/accuracy-chart/draw';
import { useRace } from '../store/app-store';
import { useRaceCanvas } from './use-race-canvas';
import { useT } from './use-t';

const HEIGHT = 110;

/**
 * On the network: the training accuracy of every shown runner against the step, in its colour,
 * dash and end marker, each up to the step its ball has reached, with a faint guide at 95 %.
 * Drawn from the race being played (whose tracks hold the accuracy at every step) in its own
 * animation-frame loop, like the loss chart above it.
 */
export function AccuracyChart() {
  const t = useT();
  const onNet = useRace((s) => s.landscape.net !== undefined);
  const { wrapRef, canvasRef } = useRaceCanvas(
    HEIGHT,
    (ctx, size, { race, runners, selectedRunner }) => {
      // The race's own landscape: its tracks are the ones its runners play, position by position.
      const tracks = race.landscape.net?.tracks ?? [];
      drawAccuracyChart(ctx, size, {
        series: accuracySeries(tracks, race.runners, runners, selectedRunner),
        lastStep: Math.max(10, race.step),
        emptyText: t.chart.noRunners,
      });
    },
    onNet,
  );

  if (!onNet) return null;
  return (
    <section className="panel net-panel accuracy-chart" aria-label={t.netPanels.accuracyTitle}>
      <header className="net-panel-head">
        <h2>{t.netPanels.accuracyTitle}</h2>
      </header>
      <div ref={wrapRef} className="net-panel-canvas" data-testid="accuracy-chart">
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={t.netPanels.accuracyCanvas}
          title={t.netPanels.accuracyCanvas}
        />
      </div>
    </section>
  );
}
