import type { Dataset } from '../data/datasets';
import type { NetInfo } from '../net/net-landscape';

/** The rectangle [xMin, xMax] × [yMin, yMax] a landscape is drawn on. */
export interface Domain {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** A minimum of f: its place, its value f(x, y), and whether it is global (the lowest in the domain). */
export interface KnownMinimum {
  x: number;
  y: number;
  value: number;
  global: boolean;
}

/** Which group a landscape is listed under. */
export type LandscapeGroup = 'lecture' | 'classic' | 'data' | 'custom' | 'net';

/**
 * A loss surface f(x, y) with its exact gradient ∇f = (∂f/∂x, ∂f/∂y): analytic for the presets,
 * forward-mode automatic differentiation for typed-in functions. Never finite differences.
 */
export interface Landscape {
  id: string;
  /** Human name, e.g. "Rosenbrock". */
  name: string;
  /** f in the typed-function grammar (x, y, + − * / ^, sin … abs), e.g. "(1-x)^2 + 100*(y-x^2)^2". */
  formula: string;
  group: LandscapeGroup;
  domain: Domain;
  /** Where runners start unless told otherwise. */
  start: [number, number];
  /** Known minima inside the domain, global ones flagged; may be computed on first read. */
  readonly minima: readonly KnownMinimum[];
  /**
   * For a typed-in function, how its minima were found: `pending` (not searched yet: `minima` is
   * empty until {@link withMinima}), `complete`, or `estimate` (the search ran out of budget).
   * Presets leave it out: their minima are exact or polished from known seeds.
   */
  readonly minimaSearch?: 'pending' | 'complete' | 'estimate';
  /**
   * For the loss of a model trained on data (group `data`): the rows, so races can draw real
   * minibatches. x is then the model's weight w and y its bias b.
   */
  data?: Dataset;
  /**
   * For a neural network's loss on its plane of training (group `net`): the trained network and
   * its runners' computed tracks. A race on such a landscape plays the tracks back.
   */
  net?: NetInfo;
  /**
   * A value the heights must reach down to although no grid point does (a network's balls sit at
   * their true loss, which can lie below the loss on the plane anywhere): heights start there.
   */
  floor?: number;
  /** Values spanning many orders of magnitude are better drawn as log(1 + f − min). */
  heightScale: 'linear' | 'log';
  /** Learning rates that make a clear race here, by optimizer kind (tuned by hand on 400-step races). */
  suggestedLr: Partial<
    Record<'sgd' | 'momentum' | 'nesterov' | 'rmsprop' | 'adam' | 'adamw' | 'adagrad', number>
  >;
  /** f(x, y). */
  value(x: number, y: number): number;
  /** Returns f(x, y) and writes ∂f/∂x to grad[offset], ∂f/∂y to grad[offset + 1]. */
  valueAndGradient(x: number, y: number, grad: Float64Array | number[], offset: number): number;
  /**
   * For n points interleaved in p = [x₀, y₀, x₁, y₁, …] writes ∇f interleaved into grad and,
   * when given, f into values[i].
   */
  gradientMany(p: Float64Array, n: number, grad: Float64Array, values?: Float64Array): void;
  /**
   * Optional fast path for drawing: f and ∇f on rows j ∈ [j0, j1) of the regular grid of
   * `sampleSurfaceRows` (same layout), when the landscape can share work along a row. Agrees with
   * `valueAndGradient` to rounding (≈1e-13 relative); races never use it.
   */
  sampleRows?(
    segments: number,
    j0: number,
    j1: number,
    values: Float64Array,
    gradients: Float64Array,
  ): void;
}

/** Domain width and height: max(xMax − xMin, yMax − yMin). */
export function domainSpan(d: Domain): number {
  return Math.max(d.xMax - d.xMin, d.yMax - d.yMin);
}

/** True when (x, y) lies in the domain (edges included). */
export function inDomain(d: Domain, x: number, y: number): boolean {
  return x >= d.xMin && x <= d.xMax && y >= d.yMin && y <= d.yMax;
}

/** The rows a landscape's model trains on (a dataset's or a network's n), or undefined off data. */
export function landscapeRows(landscape: Landscape): number | undefined {
  return landscape.data?.n ?? landscape.net?.data.n;
}
