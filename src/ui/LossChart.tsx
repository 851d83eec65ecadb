import './loss-chart/loss-chart.css';
import { useEffect, useRef, useState } from 'react';
import { formatNumber as formatValue } from '../draw/format';
import { drawLossChart, type ChartSeries } from '../draw/loss-chart/draw';
import { raceStore } from '../store/app-store';
import { useT } from './use-t';

const HEIGHT = 150;

/**
 * The loss of every shown runner against the step, in its colour, drawn from the live race in its
 * own animation-frame loop (no React render per frame; the canvas is redrawn only when the race
 * steps or a setting changes). A log toggle plots f − f₀ + δ on powers of ten (see
 * `loss-chart/scale.ts`); the line under the chart says which f₀.
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
        series.push({
          losses: r.losses,
          count: r.losses.length,
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
    const frame = () => {
      raf = requestAnimationFrame(frame);
      if ((window.devicePixelRatio || 1) !== size.dpr) resize();
      const { race, runners, selectedRunner } = raceStore.getState();
      const unchanged =
        drawn.race === race &&
        drawn.step === race.step &&
        drawn.runners === runners &&
        drawn.selected === selectedRunner;
      if (!unchanged) draw();
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
