import { useEffect, useRef } from 'react';
import { drawDataPanel } from '../draw/data-panel/draw';
import { raceStore, useRace } from '../store/app-store';
import { useT } from './use-t';

const HEIGHT = 150;

/**
 * On a dataset's landscape: the scatter of the data as the model sees it, with the selected
 * runner's current model over it (its regression line, or its sigmoid and 0.5 boundary) and the
 * rows of its last batch in its colour. Redrawn from the live race in its own animation-frame
 * loop, at most ten times a second while the race steps (no React render per frame).
 */
export function DataPanel() {
  const t = useT();
  const data = useRace((s) => s.landscape.data);
  const selected = useRace((s) => s.selectedRunner);
  const label = useRace((s) => s.runners.find((r) => r.id === s.selectedRunner)?.label ?? '');
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const wrap = wrapRef.current;
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!data || !wrap || !canvas || !ctx) return;
    const size = { width: 0, height: HEIGHT, dpr: 1 };
    let shown: unknown[] = [];
    let drawnAt = -Infinity;
    const draw = () => {
      const s = raceStore.getState();
      const i = Math.max(
        0,
        s.runners.findIndex((r) => r.id === s.selectedRunner),
      );
      const live = s.race.runners[i];
      drawDataPanel(ctx, size, {
        data,
        w: live?.point[0] ?? 0,
        b: live?.point[1] ?? 0,
        color: live?.spec.color ?? '#ffffff',
        batch: live?.sampler?.rows ?? [],
        xLabel: `${t.data.featureAxis[data.id] ?? data.feature.name}${data.standardized ? ' (z)' : ''}`,
        yLabel: `${t.data.targetAxis[data.id] ?? data.target.name}${data.standardized && data.model === 'linear' ? ' (z)' : ''}`,
        ...(data.model === 'logistic' ? { classes: t.data.classes } : {}),
      });
      canvas.dataset.drawnStep = String(s.race.step);
    };
    let raf = 0;
    const frame = (now: number) => {
      raf = requestAnimationFrame(frame);
      if (size.width === 0) return; // not laid out yet
      const { race, runners, selectedRunner } = raceStore.getState();
      const state = [race, runners, selectedRunner, race.step];
      const changed = state.findIndex((v, k) => v !== shown[k]);
      if (changed === -1) return;
      if (changed === state.length - 1 && now - drawnAt < 100) return;
      shown = state;
      drawnAt = now;
      draw();
    };
    const resize = (entries: ResizeObserverEntry[]) => {
      const width = Math.max(60, Math.floor(entries[0]?.contentRect.width ?? 0));
      const dpr = window.devicePixelRatio || 1;
      if (width === size.width && dpr === size.dpr) return;
      Object.assign(size, { width, dpr });
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(HEIGHT * dpr);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${HEIGHT}px`;
      draw();
    };
    // The observer reports the first size once the page is laid out: measuring here would force a
    // layout of the whole page in the middle of the landscape switch.
    const observer = new ResizeObserver(resize);
    observer.observe(wrap);
    raf = requestAnimationFrame(frame);
    return () => {
      cancelAnimationFrame(raf);
      observer.disconnect();
    };
  }, [data, t, selected]);

  if (!data) return null;
  return (
    <section className="panel data-panel" aria-label={t.data.dataPanel}>
      <h2>{t.data.dataPanel}</h2>
      <div ref={wrapRef} className="data-panel-canvas">
        <canvas
          ref={canvasRef}
          data-testid="data-panel"
          role="img"
          aria-label={t.data.dataPanelTitle(label)}
          title={t.data.dataPanelTitle(label)}
        />
      </div>
    </section>
  );
}
