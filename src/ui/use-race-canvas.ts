import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ChartSize } from '../draw/loss-chart/plot';
import { raceStore } from '../store/app-store';

/** Draws the canvas from the store's current state (called by {@link useRaceCanvas}'s loop). */
export type RaceCanvasDraw = (
  ctx: CanvasRenderingContext2D,
  size: ChartSize,
  state: ReturnType<typeof raceStore.getState>,
) => void;

/** While the race only steps, the canvas is redrawn at most this often. */
const REDRAWS_PER_SECOND = 10;

/**
 * A canvas redrawn from the live race in its own animation-frame loop, as the loss chart and the
 * data panel are: at once when the race, the runners' settings, the selection or `draw` change
 * (a React render passes a new `draw`), at most ten times a second while the race only steps, and
 * never by a React render per frame. The canvas takes the wrapper's width (a ResizeObserver) and
 * `height` CSS pixels, sharp at the device pixel ratio, and carries `data-drawn-step`, the race
 * step it shows. `active` false (the component renders nothing) stops the loop.
 */
export function useRaceCanvas(height: number, draw: RaceCanvasDraw, active = true) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawRef = useRef(draw);
  useLayoutEffect(() => {
    drawRef.current = draw;
  });

  useEffect(() => {
    const wrap = wrapRef.current;
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!active || !wrap || !canvas || !ctx) return;
    const size: ChartSize = { width: 0, height, dpr: 1 };
    let shown: unknown[] = [];
    let drawnAt = -Infinity;
    const paint = () => {
      const s = raceStore.getState();
      shown = [s.race, s.runners, s.selectedRunner, drawRef.current, s.race.step];
      drawRef.current(ctx, size, s);
      canvas.dataset.drawnStep = String(s.race.step);
    };
    const setSize = (width: number, dpr: number) => {
      if (width === size.width && dpr === size.dpr) return;
      Object.assign(size, { width, dpr });
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
      // Resizing clears the canvas: draw again before this frame is painted.
      paint();
    };
    let raf = 0;
    const frame = (now: number) => {
      raf = requestAnimationFrame(frame);
      if (size.width === 0) return; // not laid out yet
      const dpr = window.devicePixelRatio || 1;
      if (dpr !== size.dpr) setSize(size.width, dpr);
      const { race, runners, selectedRunner } = raceStore.getState();
      const state = [race, runners, selectedRunner, drawRef.current, race.step];
      const changed = state.findIndex((v, k) => v !== shown[k]);
      if (changed === -1) return;
      // A new race or setting shows at once; a race that only stepped waits its turn.
      if (changed === state.length - 1 && now - drawnAt < 1000 / REDRAWS_PER_SECOND) return;
      drawnAt = now;
      paint();
    };
    // The observer reports the first size once the page is laid out: measuring here would force a
    // layout of the whole page in the middle of the landscape switch.
    const observer = new ResizeObserver((entries) => {
      const width = Math.max(60, Math.floor(entries[0]?.contentRect.width ?? 0));
      setSize(width, window.devicePixelRatio || 1);
    });
    observer.observe(wrap);
    raf = requestAnimationFrame(frame);
    return () => {
      cancelAnimationFrame(raf);
      observer.disconnect();
    };
  }, [active, height]);

  return { wrapRef, canvasRef };
}
