import { runnerDash, runnerMarker, scaledDash, type Marker } from '../core';

/** The canvas calls the marks need (a 2D context or an offscreen one). */
type Ctx = Pick<
  CanvasRenderingContext2D,
  'beginPath' | 'moveTo' | 'lineTo' | 'arc' | 'closePath' | 'setLineDash'
>;

/** Each polygon marker: corners, radius as a multiple of r (similar area to the circle), turn. */
const POLYGONS: Record<Exclude<Marker, 'circle'>, [number, number, number]> = {
  square: [4, 1.25, Math.PI / 4],
  triangle: [3, 1.5, -Math.PI / 2],
  'triangle-down': [3, 1.5, Math.PI / 2],
  diamond: [4, 1.35, 0],
  hexagon: [6, 1.1, 0],
};

/** A polygon marker's corners centred at (x, y) (screen y down); null for the circle. */
export function markerCorners(marker: Marker, x: number, y: number, r: number) {
  if (marker === 'circle') return null;
  const [n, scale, turn] = POLYGONS[marker];
  return Array.from({ length: n }, (_, k) => {
    const a = turn + (2 * Math.PI * k) / n;
    return [x + scale * r * Math.cos(a), y + scale * r * Math.sin(a)] as const;
  });
}

/**
 * Starts a path holding a runner's marker, centred at (x, y), about `r` in radius. Fill and
 * stroke are left to the caller.
 */
export function traceMarker(ctx: Ctx, marker: Marker, x: number, y: number, r: number): void {
  ctx.beginPath();
  const corners = markerCorners(marker, x, y, r);
  if (!corners) {
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    return;
  }
  corners.forEach(([px, py], k) => (k === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py)));
  ctx.closePath();
}

/** Starts a path holding runner `id`'s marker (see {@link traceMarker}). */
export function traceRunnerMarker(ctx: Ctx, id: number, x: number, y: number, r: number): void {
  traceMarker(ctx, runnerMarker(id), x, y, r);
}

/** Sets runner `id`'s dash pattern for a line `width` wide (solid for runner 1). */
export function setRunnerDash(ctx: Ctx, id: number, width: number): void {
  ctx.setLineDash(scaledDash(runnerDash(id), width));
}

/** SVG `stroke-dasharray` of runner `id`'s pattern for a line `width` wide ('' when solid). */
export function svgDash(id: number, width: number): string {
  return scaledDash(runnerDash(id), width).join(' ');
}

/** SVG path data of a marker centred at (x, y), about `r` in radius (as {@link traceMarker}). */
export function markerPath(marker: Marker, x: number, y: number, r: number): string {
  const corners = markerCorners(marker, x, y, r);
  if (!corners) return `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`;
  return (
    corners.map(([px, py], k) => `${k ? 'L' : 'M'}${px.toFixed(2)} ${py.toFixed(2)}`).join('') + 'Z'
  );
}
