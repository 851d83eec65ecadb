import type { KnownMinimum, SurfaceGrid, WorldFrame } from '../core';

/**
 * Where the camera starts for a landscape: looking at the domain from a fixed direction (from the
 * south-south-east, as a map seen from below its right half) at the lowest elevation from which
 * every place the runners travel is seen over the height field, just far enough away that the
 * whole surface fits a 3:2 view, centred. Pure math on the sampled heights (no three.js), so it is
 * tested without a GPU.
 */

type Vec3 = [number, number, number];

/** A camera placement: where it stands and what it looks at, in world coordinates. */
export interface Framing {
  position: Vec3;
  /** The point looked at and orbited about, at a fixed height over the landscape. */
  target: Vec3;
  /** Angle above the horizontal, in radians. */
  elevation: number;
  /** False when no elevation up to the steepest one sees every target (then the steepest is used). */
  allVisible: boolean;
  /**
   * The narrowest view (width / height) that still shows every target at zoom 1; narrower views
   * zoom out by aspect / fitsDownTo (see paneZoom). At most the `aspect` framed for.
   */
  fitsDownTo: number;
}

/** The heights of the surface mesh in world units, on the grid of a {@link SurfaceGrid}. */
export interface HeightField {
  /** Grid cells per side: (segments + 1)² heights, row-major in z then x. */
  segments: number;
  /** World X of column 0 and of column `segments`, world Z of row 0 and of row `segments`. */
  x0: number;
  x1: number;
  z0: number;
  z1: number;
  /** World Y per grid point; −∞ where the surface is not drawn (non-finite f). */
  heights: Float32Array;
  /** The highest Y. */
  top: number;
}

/** What to frame and how. */
export interface FramingInput {
  field: HeightField;
  /** World (X, Z) points that must be seen: the start, the minima, the way between them. */
  targets: readonly (readonly [number, number])[];
  /** Vertical field of view in degrees (the camera's `fov`). */
  fov: number;
  /** The width / height the whole surface must fit at (narrower views zoom out, see paneZoom). */
  aspect: number;
  /** How high above the surface a target counts as seen (a trail's lift). */
  lift?: number;
  /** Surface within this horizontal distance of a target does not hide it (a ball's radius). */
  near?: number;
}

/** The gentle three-quarter view every landscape gets when nothing on it is hidden from there. */
export const GENTLE_ELEVATION = (35 * Math.PI) / 180;
/** The steepest view tried: the fallback, still not a flat map. */
export const STEEP_ELEVATION = (80 * Math.PI) / 180;
const ELEVATION_STEP = (2.5 * Math.PI) / 180;
/** Seen from the south-south-east: the camera's horizontal direction (+X east, +Z south). */
const AZIMUTH: readonly [number, number] = [
  0.42 / Math.hypot(0.42, 1.3),
  1.3 / Math.hypot(0.42, 1.3),
];
/** How far past a global minimum the way is followed: runners with momentum overshoot. */
const OVERSHOOT = 0.25;
/** The fitted surface fills at most this share of the view's half-width and half-height. */
const FILL = 0.9;

/**
 * The world heights of a sampled surface as the mesh draws them:
 * Y = 4·verticalScale·min(h(f), 1.5) (see worldHeight), −∞ where f or ∇f is not finite.
 */
export function heightField(
  surface: SurfaceGrid,
  frame: WorldFrame,
  verticalScale: number,
): HeightField {
  const n = surface.segments;
  const side = n + 1;
  const heights = new Float32Array(side * side);
  const k = frame.heightUnits * verticalScale;
  let top = 0;
  for (let i = 0; i < heights.length; i++) {
    const h = surface.heightMap.height(surface.values[i]!);
    const ok =
      Number.isFinite(h) &&
      Number.isFinite(surface.gradients[2 * i]!) &&
      Number.isFinite(surface.gradients[2 * i + 1]!);
    const y = ok ? k * Math.min(h, 1.5) : -Infinity;
    heights[i] = y;
    if (y > top) top = y;
  }
  const d = surface.domain;
  return {
    segments: n,
    x0: frame.worldX(d.xMin),
    x1: frame.worldX(d.xMax),
    z0: frame.worldZ(d.yMin),
    z1: frame.worldZ(d.yMax),
    heights,
    top,
  };
}

/**
 * The surface's Y at world (X, Z), bilinear between grid points; −∞ outside the domain or next to
 * a point that is not drawn.
 */
export function heightAt(field: HeightField, X: number, Z: number): number {
  const n = field.segments;
  const u = ((X - field.x0) / (field.x1 - field.x0)) * n;
  const v = ((Z - field.z0) / (field.z1 - field.z0)) * n;
  if (!(u >= 0 && u <= n && v >= 0 && v <= n)) return -Infinity;
  const i = Math.min(n - 1, Math.floor(u));
  const j = Math.min(n - 1, Math.floor(v));
  const fu = u - i;
  const fv = v - j;
  const h = field.heights;
  const a = h[j * (n + 1) + i]!;
  const b = h[j * (n + 1) + i + 1]!;
  const c = h[(j + 1) * (n + 1) + i]!;
  const d = h[(j + 1) * (n + 1) + i + 1]!;
  return (a * (1 - fu) + b * fu) * (1 - fv) + (c * (1 - fu) + d * fu) * fv;
}

/**
 * Whether the straight line from `eye` to the surface point above world (X, Z) (lifted by `lift`)
 * stays above the surface: marched in steps of half a grid cell, ignoring the last `near` world
 * units around the point itself.
 */
export function seesPoint(
  field: HeightField,
  eye: readonly [number, number, number],
  X: number,
  Z: number,
  lift = 0.03,
  near = 0.16,
): boolean {
  const ground = heightAt(field, X, Z);
  if (ground === -Infinity) return true;
  const Y = ground + lift;
  const [ex, ey, ez] = eye;
  const span = Math.hypot(X - ex, Z - ez);
  if (span <= near) return ey >= Y;
  const cell = Math.min(
    Math.abs(field.x1 - field.x0) / field.segments,
    Math.abs(field.z1 - field.z0) / field.segments,
  );
  const steps = Math.ceil((span - near) / (cell / 2));
  const tEnd = 1 - near / span;
  // Where the line comes down to the highest point of the surface; above that nothing can hide it.
  const tTop = ey > field.top && ey > Y ? Math.max(0, (ey - field.top) / (ey - Y)) : 0;
  for (let s = 0; s <= steps; s++) {
    const t = (tEnd * s) / steps;
    if (t < tTop) continue;
    const y = ey + (Y - ey) * t;
    if (y < heightAt(field, ex + (X - ex) * t, ez + (Z - ez) * t)) return false;
  }
  return true;
}

/**
 * The places the runners travel, in world (X, Z): the start, each known minimum, and `between`
 * evenly spaced points on the straight way from the start to each global minimum, continued a
 * quarter of its length past the minimum (where momentum overshoots) as far as the domain goes.
 */
export function framingTargets(
  frame: WorldFrame,
  start: readonly [number, number],
  minima: readonly Pick<KnownMinimum, 'x' | 'y' | 'global'>[],
  between = 8,
): [number, number][] {
  const at = (x: number, y: number): [number, number] => [frame.worldX(x), frame.worldZ(y)];
  const inside = ([X, Z]: [number, number]) =>
    Math.abs(X) <= frame.width / 2 && Math.abs(Z) <= frame.depth / 2;
  const targets = [at(start[0], start[1])];
  for (const m of minima) {
    targets.push(at(m.x, m.y));
    if (!m.global) continue;
    for (let k = 1; k <= between * (1 + OVERSHOOT); k++) {
      if (k === between) continue;
      const t = k / between;
      const point = at(start[0] + (m.x - start[0]) * t, start[1] + (m.y - start[1]) * t);
      if (inside(point)) targets.push(point);
    }
  }
  return targets;
}

/** An axis-aligned box in world coordinates. */
export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  z0: number;
  z1: number;
}

/** The screen's right and up directions for a camera looking along −toEye (world up is +Y). */
function screenAxes(toEye: readonly [number, number, number]): { right: Vec3; up: Vec3 } {
  const [fx, fy, fz] = toEye;
  const rl = Math.hypot(fz, fx) || 1;
  const right: Vec3 = [fz / rl, 0, -fx / rl];
  // up = toEye × right
  const up: Vec3 = [fy * right[2], fz * right[0] - fx * right[2], -fy * right[0]];
  return { right, up };
}

const dot = (a: readonly number[], b: readonly number[]) =>
  a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;

/** The eight corners of a box. */
const corners = (box: Box): Vec3[] =>
  [box.x0, box.x1].flatMap((X) =>
    [box.y0, box.y1].flatMap((Y) => [box.z0, box.z1].map((Z): Vec3 => [X, Y, Z])),
  );

/**
 * The camera distance from `target` along the unit direction `toEye` at which every corner of
 * `box` projects inside FILL of the view (vertical field of view `fov` degrees, width / height
 * `aspect`): a corner at offset v from the target lies at depth d − v·toEye in front of the
 * camera, so it is inside when |v·right| ≤ FILL·aspect·tan(fov/2)·(d − v·toEye), and likewise for
 * |v·up| without the aspect.
 */
export function fitDistance(
  target: readonly [number, number, number],
  toEye: readonly [number, number, number],
  box: Box,
  fov: number,
  aspect: number,
): number {
  const { right, up } = screenAxes(toEye);
  const tan = Math.tan((fov * Math.PI) / 360) * FILL;
  let d = 0;
  for (const c of corners(box)) {
    const v = [c[0] - target[0], c[1] - target[1], c[2] - target[2]];
    const depth = dot(v, toEye);
    d = Math.max(
      d,
      depth + Math.abs(dot(v, right)) / (tan * aspect),
      depth + Math.abs(dot(v, up)) / tan,
    );
  }
  return d;
}

/**
 * Where the box sits in the view of a camera at `distance` from `target` along `toEye`: the
 * middle of its projected extent, in normalised device coordinates (0, 0 when centred).
 */
export function screenCentre(
  target: readonly [number, number, number],
  toEye: readonly [number, number, number],
  distance: number,
  box: Box,
  fov: number,
  aspect: number,
): [number, number] {
  const { right, up } = screenAxes(toEye);
  const tan = Math.tan((fov * Math.PI) / 360);
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const c of corners(box)) {
    const v = [c[0] - target[0], c[1] - target[1], c[2] - target[2]];
    const depth = distance - dot(v, toEye);
    const x = dot(v, right) / (depth * tan * aspect);
    const y = dot(v, up) / (depth * tan);
    [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
  }
  return [(x0 + x1) / 2, (y0 + y1) / 2];
}

/**
 * The target and distance that show `box` whole and centred from the direction `toEye`: the fitted
 * distance ({@link fitDistance}), then the target slid over the ground — sideways, and away from
 * or towards the camera, keeping its height so the orbit turns about the landscape's middle —
 * until the box's projection is centred (a few rounds, as perspective makes each slide slightly
 * inexact), fitted again. Sliding by Δ away from the camera raises the view by Δ·sin(elevation).
 */
export function fitView(
  target: readonly [number, number, number],
  toEye: readonly [number, number, number],
  box: Box,
  fov: number,
  aspect: number,
): { target: Vec3; distance: number } {
  const { right } = screenAxes(toEye);
  const level = Math.hypot(toEye[0], toEye[2]) || 1;
  const away = [-toEye[0] / level, 0, -toEye[2] / level];
  const lift = Math.max(toEye[1], 0.1);
  const tan = Math.tan((fov * Math.PI) / 360);
  let t: Vec3 = [target[0], target[1], target[2]];
  for (let round = 0; round < 4; round++) {
    const d = fitDistance(t, toEye, box, fov, aspect);
    const [cx, cy] = screenCentre(t, toEye, d, box, fov, aspect);
    const side = cx * d * tan * aspect;
    const back = (cy * d * tan) / lift;
    t = [t[0] + side * right[0] + back * away[0]!, t[1], t[2] + side * right[2] + back * away[2]!];
  }
  return { target: t, distance: fitDistance(t, toEye, box, fov, aspect) };
}

/**
 * The narrowest width / height of a view from `distance` along `toEye` from `target` that shows
 * every point inside FILL of its half-width at zoom 1: a point at offset v lies at
 * x = v·right / ((distance − v·toEye)·tan(fov/2)) in units of the half-height, and needs an
 * aspect of at least |x| / FILL.
 */
export function narrowestAspect(
  target: readonly [number, number, number],
  toEye: readonly [number, number, number],
  distance: number,
  points: readonly (readonly [number, number, number])[],
  fov: number,
): number {
  const { right } = screenAxes(toEye);
  const tan = Math.tan((fov * Math.PI) / 360);
  let widest = 0.1;
  for (const p of points) {
    const v = [p[0] - target[0], p[1] - target[1], p[2] - target[2]];
    const x = Math.abs(dot(v, right)) / ((distance - dot(v, toEye)) * tan);
    widest = Math.max(widest, x / FILL);
  }
  return widest;
}

/**
 * Frames a landscape: for elevations from {@link GENTLE_ELEVATION} up to
 * {@link STEEP_ELEVATION} in 2.5° steps, places the camera at the fitted distance
 * and centred ({@link fitView}) and takes the first elevation from which every target is seen
 * ({@link seesPoint}) — one step higher when it is not the gentle one, as the runners' real paths
 * stray from the straight way — or else the steepest. It also says how narrow a view can be
 * before it has to zoom out to keep the targets in sight ({@link narrowestAspect}).
 */
export function frameLandscape(input: FramingInput): Framing {
  const { field, targets, fov, aspect, lift = 0.03, near = 0.16 } = input;
  const box: Box = {
    x0: Math.min(field.x0, field.x1),
    x1: Math.max(field.x0, field.x1),
    y0: 0,
    y1: Math.max(field.top, 0.01),
    z0: Math.min(field.z0, field.z1),
    z1: Math.max(field.z0, field.z1),
  };
  const centre: Vec3 = [(box.x0 + box.x1) / 2, 0.15 * box.y1, (box.z0 + box.z1) / 2];
  const place = (elevation: number): Framing => {
    const c = Math.cos(elevation);
    const toEye: Vec3 = [c * AZIMUTH[0], Math.sin(elevation), c * AZIMUTH[1]];
    const { target, distance: d } = fitView(centre, toEye, box, fov, aspect);
    const position: Vec3 = [
      target[0] + d * toEye[0],
      target[1] + d * toEye[1],
      target[2] + d * toEye[2],
    ];
    const allVisible = targets.every(([X, Z]) => seesPoint(field, position, X, Z, lift, near));
    const points = targets.map(([X, Z]): Vec3 => [X, Math.max(0, heightAt(field, X, Z)), Z]);
    const fitsDownTo = Math.min(aspect, narrowestAspect(target, toEye, d, points, fov));
    return { position, target, elevation, allVisible, fitsDownTo };
  };
  const steps = Math.round((STEEP_ELEVATION - GENTLE_ELEVATION) / ELEVATION_STEP);
  const at = (s: number) => GENTLE_ELEVATION + Math.min(s, steps) * ELEVATION_STEP;
  for (let s = 0; s <= steps; s++) {
    const framing = place(at(s));
    if (framing.allVisible) return s === 0 ? framing : place(at(s + 1));
  }
  return place(STEEP_ELEVATION);
}
