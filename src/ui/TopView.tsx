import { useEffect, useMemo, useRef } from 'react';
import { historySlots } from '../core';
import { raceStore, useRace } from '../store/app-store';
import { renderTopViewImage } from './top-view-image';
import { swarmLive } from '../store/swarm-live';
import { basinPixels } from '../draw/basin-colors';
import { setRunnerDash, traceRunnerMarker } from '../draw/marker';

/** At most this many swarm balls per runner are dotted on the map (an even subsample). */
const MAX_DOTS = 1500;

/** A basin map as a k × k image, y up (row 0 of the grid is the domain's bottom edge). */
function basinImage(k: number, grid: Int32Array): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = k;
  canvas.height = k;
  const ctx = canvas.getContext('2d')!;
  const image = ctx.createImageData(k, k);
  const rgba = basinPixels(grid, swarmLive.minima);
  for (let j = 0; j < k; j++)
    image.data.set(rgba.subarray(4 * k * j, 4 * k * (j + 1)), 4 * k * (k - 1 - j));
  ctx.putImageData(image, 0, 0);
  return canvas;
}
import { useT } from './use-t';

const MAX_SIDE = 250;
const MAX_SEGMENTS = 2000;

/**
 * A 2D contour map of the landscape with the same balls, trails and start handle, drawn from the
 * live race (no React render per frame; while the race only steps, at most ten times a second). Pressing anywhere on the map
 * moves the start there; dragging slides it.
 */
export function TopView() {
  const t = useT().app;
  const show = useRace((s) => s.showTopView);
  const surface = useRace((s) => s.surface);
  const domain = useRace((s) => s.landscape.domain);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const frame = useRace((s) => s.frame);
  const image = useMemo(() => renderTopViewImage(surface, frame), [surface, frame]);
  // As the 3D view draws it (a very long domain is stretched to a square there too).
  const aspect = frame.width / frame.depth;
  const width = Math.round(aspect >= 1 ? MAX_SIDE : MAX_SIDE * aspect);
  const height = Math.round(aspect >= 1 ? MAX_SIDE / aspect : MAX_SIDE);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!show || !canvas) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    const ctx = canvas.getContext('2d')!;
    const px = (x: number) => ((x - domain.xMin) / (domain.xMax - domain.xMin)) * width;
    const py = (y: number) => ((domain.yMax - y) / (domain.yMax - domain.yMin)) * height;
    let raf = 0;
    // What the last picture showed: nothing is redrawn until one of these changes.
    let shown: unknown[] = [];
    // The basin map's image, made again only when the map got new rows.
    let basinShown: { map: unknown; done: number; image: HTMLCanvasElement | null } = {
      map: null,
      done: -1,
      image: null,
    };
    let drawnAt = -Infinity;
    const draw = (time: number) => {
      raf = requestAnimationFrame(draw);
      const state = raceStore.getState();
      const { race, start, landscape, runners } = state;
      const basinId = state.basinsOn ? state.selectedRunner : -1;
      const now = [
        race,
        start,
        landscape,
        runners,
        basinId,
        swarmLive.basinsVersion,
        swarmLive.version,
        race.step,
      ];
      const changed = now.findIndex((v, i) => v !== shown[i]);
      if (changed === -1) return;
      // A race or swarm that only stepped is redrawn at most ten times a second; anything else at once.
      if (changed >= now.length - 2 && time - drawnAt < 100) return;
      shown = now;
      drawnAt = time;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(image, 0, 0, width, height);
      const map = swarmLive.basins.get(basinId);
      if (map && (basinShown.map !== map || basinShown.done !== map.done)) {
        basinShown = { map, done: map.done, image: basinImage(map.k, map.grid) };
      }
      if (map && basinShown.image) {
        // The selected runner's basin map, cells kept sharp, the contours still showing through.
        ctx.imageSmoothingEnabled = false;
        ctx.globalAlpha = 0.82;
        ctx.drawImage(basinShown.image, 0, 0, width, height);
        ctx.globalAlpha = 1;
        ctx.imageSmoothingEnabled = true;
      }
      const swarm = state.swarmOn ? swarmLive.frame : null;
      for (const r of swarm?.runners ?? []) {
        const color = runners.find((x) => x.id === r.id)?.color ?? '#ffffff';
        const n = r.balls.length / 3;
        const every = Math.max(1, Math.ceil(n / MAX_DOTS));
        ctx.fillStyle = color;
        for (let i = 0; i < n; i += every)
          ctx.fillRect(px(r.balls[3 * i]!) - 1, py(r.balls[3 * i + 1]!) - 1, 2.5, 2.5);
      }
      for (const m of landscape.minima) {
        ctx.beginPath();
        ctx.arc(px(m.x), py(m.y), m.global ? 5 : 3, 0, 2 * Math.PI);
        ctx.strokeStyle = m.global ? '#ffd54a' : 'rgba(255,255,255,0.7)';
        ctx.lineWidth = m.global ? 2 : 1;
        ctx.stroke();
      }
      // Each runner's trail in its dash pattern and its ball as its marker, not only its hue.
      const idOf = (i: number) => state.runners[i]?.id ?? i + 1;
      race.runners.forEach((r, i) => {
        const h = r.history;
        if (h.count === 0) return;
        const slots = historySlots(h);
        const stride = Math.max(1, Math.ceil(slots / MAX_SEGMENTS));
        ctx.beginPath();
        ctx.moveTo(px(h.xs[0]!), py(h.ys[0]!));
        for (let k = stride; k < h.kept; k += stride) ctx.lineTo(px(h.xs[k]!), py(h.ys[k]!));
        ctx.lineTo(px(r.point[0]!), py(r.point[1]!));
        ctx.lineJoin = 'round';
        ctx.strokeStyle = 'rgba(240,240,240,0.55)';
        ctx.lineWidth = 3.5;
        ctx.stroke();
        ctx.strokeStyle = r.spec.color;
        ctx.lineWidth = 1.8;
        setRunnerDash(ctx, idOf(i), 1.8);
        ctx.stroke();
        ctx.setLineDash([]);
      });
      race.runners.forEach((r, i) => {
        traceRunnerMarker(ctx, idOf(i), px(r.point[0]!), py(r.point[1]!), 5);
        ctx.fillStyle = r.spec.color;
        ctx.fill();
        ctx.strokeStyle = '#f2f2f2';
        ctx.lineWidth = 1.5;
        ctx.stroke();
      });
      const [sx, sy] = [px(start[0]), py(start[1])];
      ctx.beginPath();
      ctx.arc(sx, sy, 7, 0, 2 * Math.PI);
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(sx - 10, sy);
      ctx.lineTo(sx + 10, sy);
      ctx.moveTo(sx, sy - 10);
      ctx.lineTo(sx, sy + 10);
      ctx.lineWidth = 1;
      ctx.stroke();
    };
    draw(performance.now());
    return () => cancelAnimationFrame(raf);
  }, [show, image, domain, width, height]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!show || !canvas) return;
    const toDomain = (e: PointerEvent): [number, number] => {
      const rect = canvas.getBoundingClientRect();
      const u = (e.clientX - rect.left) / rect.width;
      const v = (e.clientY - rect.top) / rect.height;
      return [
        domain.xMin + u * (domain.xMax - domain.xMin),
        domain.yMax - v * (domain.yMax - domain.yMin),
      ];
    };
    const onDown = (e: PointerEvent) => {
      if (e.button !== 0) return;
      e.preventDefault();
      canvas.setPointerCapture(e.pointerId);
      raceStore.getState().setStart(...toDomain(e));
      const onMove = (m: PointerEvent) => raceStore.getState().setStart(...toDomain(m));
      const onUp = () => {
        canvas.removeEventListener('pointermove', onMove);
        canvas.removeEventListener('pointerup', onUp);
        canvas.removeEventListener('pointercancel', onUp);
      };
      canvas.addEventListener('pointermove', onMove);
      canvas.addEventListener('pointerup', onUp);
      canvas.addEventListener('pointercancel', onUp);
    };
    canvas.addEventListener('pointerdown', onDown);
    return () => canvas.removeEventListener('pointerdown', onDown);
  }, [show, domain]);

  if (!show) return null;
  return (
    <section className="panel top-view" aria-label={t.topView}>
      <canvas
        ref={canvasRef}
        data-testid="top-view"
        data-domain={`${domain.xMin},${domain.xMax},${domain.yMin},${domain.yMax}`}
        style={{ width, height }}
        title={t.topViewTitle}
      />
    </section>
  );
}
