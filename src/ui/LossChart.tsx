import './loss-chart/loss-chart.css';
import { useEffect, useRef, useState } from 'react';
import { formatNumber as formatValue } from '../draw/format';
import { drawLossChart, type ChartSeries } from '../draw/loss-chart/draw';
import { historyCurve } from '../draw/loss-chart/scale';
import { raceStore } from '../store/app-store';
import { useT } from './use-t';

const HEIGHT = 150;
/** While the race only steps, the chart is redrawn at most this often. */
const REDRAWS_PER_SECOND = 10;

/**
 * The loss of every shown runner against the step, in its colour, drawn from the live race in its
 * own animation-frame loop (no React render per frame; the canvas is redrawn only when the race
 * steps — at most ten times a second — or a setting changes). It reads each runner's bounded
 * history, so a frame's cost does not grow with the race. A log toggle plots f − f₀ + δ on powers
 * of ten (see `draw/loss-chart/scale.ts`); the line under the chart says which f₀.
 */
export function LossChart() {
  const t = useT().chart;
  const [log, setLog] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const hintRef = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const wrap = wrapRef.current;
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!wrap || !canvas || !ctx) return;
    const size = { width: 0, height: HEIGHT, dpr: 1 };
    // What the canvas shows now: redraw only when one of these changes.
    const drawn: { race: unknown; step: number; runners: unknown; selected: number } = {
      race: null,
      step: -1,
      runners: null,
      selected: -1,
    };
    const series: ChartSeries[] = [];
    let shownReference = NaN;
    const draw = () => {
      const { race, runners, selectedRunner, landscape } = raceStore.getState();
      Object.assign(drawn, { race, step: race.step, runners, selected: selectedRunner });
      series.length = 0;
      race.runners.forEach((r, i) => {
        const settings = runners[i];
        if (settings && !settings.visible) return;
        // On data: the loss of each step's batch, faintly, under the full-data loss.
        if (r.batchHistory && r.batchHistory.count > 0)
          series.push({
            ...historyCurve(r.batchHistory),
            color: r.spec.color,
            selected: false,
            faint: true,
          });
        series.push({
          ...historyCurve(r.history),
          id: settings?.id ?? i + 1,
          color: r.spec.color,
          selected: settings?.id === selectedRunner,
        });
      });
      const global = landscape.minima.find((m) => m.global);
      const reference = drawLossChart(ctx, size, {
        series,
        lastStep: Math.max(10, race.step),
        log,
        knownMinimum: global ? global.value : null,
        emptyText: t.noRunners,
      });
      canvas.dataset.drawnStep = String(race.step);
      if (log && hintRef.current && reference !== shownReference) {
        shownReference = reference;
        hintRef.current.textContent = t.logShows(formatValue(reference));
      }
    };
    let raf = 0;
    let drawnAt = -Infinity;
    const frame = (now: number) => {
      raf = requestAnimationFrame(frame);
      if ((window.devicePixelRatio || 1) !== size.dpr) resize();
      const { race, runners, selectedRunner } = raceStore.getState();
      const settingsChanged =
        drawn.race !== race || drawn.runners !== runners || drawn.selected !== selectedRunner;
      // A new race or setting shows at once; a race that only stepped is redrawn at most
      // REDRAWS_PER_SECOND times a second (a frame never pays for the chart).
      const stepped = drawn.step !== race.step && now - drawnAt >= 1000 / REDRAWS_PER_SECOND;
      if (settingsChanged || stepped) {
        drawnAt = now;
        draw();
      }
    };
    const resize = () => {
      const width = Math.max(60, Math.floor(wrap.clientWidth));
      const dpr = window.devicePixelRatio || 1;
      if (width === size.width && dpr === size.dpr) return;
      Object.assign(size, { width, dpr });
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(size.height * dpr);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${size.height}px`;
      // Resizing clears the canvas: draw again before this frame is painted.
      draw();
    };
    const observer = new ResizeObserver(resize);
    observer.observe(wrap);
    resize();
    raf = requestAnimationFrame(frame);
    return () => {
      cancelAnimationFrame(raf);
      observer.disconnect();
    };
  }, [log, t]);

  return (
    <section className="panel loss-chart" aria-label={t.title}>
      <header className="loss-chart-head">
        <h2>{t.title}</h2>
        <button
          type="button"
          data-testid="chart-log"
          aria-pressed={log}
          title={t.logTitle}
          onClick={() => setLog((on) => !on)}
        >
          {t.log}
        </button>
      </header>
      <div ref={wrapRef} className="loss-chart-canvas">
        <canvas
          ref={canvasRef}
          data-testid="loss-chart"
          data-log={log}
          role="img"
          aria-label={t.canvasLabel}
          title={log ? t.logExplained : t.canvasLabel}
        />
      </div>
      {log && (
        <p className="loss-chart-hint" title={t.logExplained}>
          <span ref={hintRef} />
        </p>
      )}
    </section>
  );
}
