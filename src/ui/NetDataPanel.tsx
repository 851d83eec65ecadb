import './net-panels.css';
import { useRef, useState } from 'react';
import { confusionMatrix, NET_SIZE } from '../core';
import { drawEmptyChart, startChart } from '../draw/loss-chart/plot';
import { drawConfusion, summarizeConfusion } from '../draw/net-panel/confusion';
import { drawRegions } from '../draw/net-panel/regions';
import { drawSharpness } from '../draw/net-panel/sharpness';
import { useRace } from '../store/app-store';
import { NetClassLegend } from './NetClassLegend';
import { useRaceCanvas } from './use-race-canvas';
import { useT } from './use-t';

const HEIGHT = 170;

type View = 'confusion' | 'regions' | 'sharpness';

/**
 * On the network, in place of the data panel: the selected runner's network at the step its ball
 * has reached, either as its confusion matrix over every penguin (with the accuracy in words) or as
 * its decision regions over two chosen measurements, the penguins on top. Redrawn from the race
 * being played in its own animation-frame loop, at most ten times a second while it steps.
 */
export function NetDataPanel() {
  const t = useT();
  const tn = t.netPanels;
  const onNet = useRace((s) => s.landscape.net !== undefined);
  const label = useRace((s) => s.runners.find((r) => r.id === s.selectedRunner)?.label ?? '');
  const [view, setView] = useState<View>('confusion');
  // Bill length across, flipper length up: the pair that separates the three species best.
  const [features, setFeatures] = useState<[number, number]>([0, 2]);
  const lineRef = useRef<HTMLParagraphElement>(null);

  const { wrapRef, canvasRef } = useRaceCanvas(
    HEIGHT,
    (ctx, size, s) => {
      const net = s.race.landscape.net;
      const i = Math.max(
        0,
        s.runners.findIndex((r) => r.id === s.selectedRunner),
      );
      const track = net?.tracks[i];
      const live = s.race.runners[i];
      const line = lineRef.current;
      // A runner added while the network trains again has no track until the training lands.
      if (!net || !track || !live || track.params.length < NET_SIZE) {
        startChart(ctx, size);
        drawEmptyChart(ctx, size, t.chart.noRunners);
        if (line) line.textContent = '';
        return;
      }
      if (view === 'sharpness') {
        drawSharpness(ctx, size, {
          series: s.race.runners.flatMap((r, k) => {
            const own = net.tracks[k];
            const settings = s.runners[k];
            if (!own || (settings && !settings.visible)) return [];
            return [
              {
                losses: own.sharpness,
                count: own.sharpness.length,
                color: r.spec.color,
                id: settings?.id ?? k + 1,
                selected: settings?.id === s.selectedRunner,
              },
            ];
          }),
          axisLabel: tn.sharpnessAxis,
          emptyText: t.chart.noRunners,
        });
        return;
      }
      const last = track.params.length / NET_SIZE - 1;
      const step = Math.min(Math.max(0, live.history.count - 1), last);
      const theta = track.params.subarray(step * NET_SIZE, (step + 1) * NET_SIZE);
      if (view === 'regions') {
        const [fx, fy] = features;
        drawRegions(ctx, size, {
          data: net.data,
          theta,
          fx,
          fy,
          xLabel: `${tn.features[fx]} (${tn.units[fx]})`,
          yLabel: `${tn.features[fy]} (${tn.units[fy]})`,
        });
        return;
      }
      const summary = summarizeConfusion(confusionMatrix(theta, net.data));
      drawConfusion(ctx, size, {
        summary,
        classes: tn.classes,
        shortClasses: tn.shortClasses,
        predicted: tn.predicted,
        actual: tn.actual,
      });
      if (line) {
        const name = s.runners[i]?.label ?? '';
        const percent = (100 * summary.accuracy).toFixed(1);
        line.textContent = tn.accuracyLine(name, step, percent, summary.correct, summary.total);
        line.dataset.accuracy = String(summary.accuracy);
      }
    },
    onNet,
  );

  if (!onNet) return null;
  const choose = (axis: 0 | 1, feature: number) =>
    setFeatures(([fx, fy]) => {
      // Choosing the other axis's measurement swaps the two instead of plotting one against itself.
      if (axis === 0) return [feature, feature === fy ? fx : fy];
      return [feature === fx ? fy : fx, feature];
    });
  const TITLES = {
    confusion: tn.confusionTitle,
    regions: tn.regionsTitle,
    sharpness: tn.sharpnessTitle,
  };
  const held = [0, 1, 2, 3].filter((j) => j !== features[0] && j !== features[1]);
  return (
    <section
      className="panel net-panel net-data-panel"
      data-testid="net-data-panel"
      aria-label={tn.panel}
    >
      <header className="net-panel-head">
        <h2>{tn.panel}</h2>
        <div className="net-view-toggle" role="group" aria-label={tn.views}>
          {(['confusion', 'regions', 'sharpness'] as const).map((v) => (
            <button
              key={v}
              type="button"
              data-testid={`net-view-${v}`}
              aria-pressed={view === v}
              title={TITLES[v]}
              onClick={() => setView(v)}
            >
              {tn[v]}
            </button>
          ))}
        </div>
      </header>
      {view === 'regions' && (
        <div className="net-features">
          {([0, 1] as const).map((axis) => (
            <label key={axis} title={axis === 0 ? tn.featureXTitle : tn.featureYTitle}>
              <span>{axis === 0 ? tn.featureX : tn.featureY}</span>
              <select
                data-testid={axis === 0 ? 'net-feature-x' : 'net-feature-y'}
                value={features[axis]}
                aria-label={axis === 0 ? tn.featureXTitle : tn.featureYTitle}
                onChange={(e) => choose(axis, Number(e.target.value))}
              >
                {tn.features.map((name, j) => (
                  <option key={j} value={j}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
      <div ref={wrapRef} className="net-panel-canvas">
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={
            view === 'confusion'
              ? tn.confusionCanvas(label)
              : view === 'regions'
                ? tn.regionsCanvas(label)
                : tn.sharpnessCanvas
          }
          title={TITLES[view]}
        />
      </div>
      {view === 'confusion' ? (
        <p ref={lineRef} className="net-panel-line" data-testid="net-accuracy" />
      ) : view === 'sharpness' ? (
        <p className="net-panel-line" title={tn.sharpnessLine}>
          {tn.sharpnessLine}
        </p>
      ) : (
        <>
          <NetClassLegend classes={tn.classes} />
          <p className="net-panel-line" title={tn.heldTitle}>
            {tn.heldAtMean(tn.features[held[0]!]!, tn.features[held[1]!]!)}
          </p>
        </>
      )}
    </section>
  );
}
