import { parseFunction, type ParseError } from '../expression';
import { findMinima, minimaBudget, type MinimaSearch } from './minima';
import type { Domain, Landscape } from './types';

/** The domain a typed-in function is drawn on unless the user sets one. */
export const DEFAULT_CUSTOM_DOMAIN: Domain = { xMin: -3, xMax: 3, yMin: -3, yMax: 3 };

/**
 * A landscape from a typed-in f(x, y) (see the expression grammar), with exact gradients by
 * forward-mode automatic differentiation. Its minima are not searched here (the search can take
 * a second): `minima` is empty and `minimaSearch` is `pending` until {@link withMinima} gives the
 * result of {@link searchMinima} (in a worker, in the app). The start defaults to 80 % of the way to the domain's upper-left corner.
 * Returns the parser's error (with its column) when the text is not a function.
 */
export function landscapeFromFunction(
  text: string,
  domain: Domain = DEFAULT_CUSTOM_DOMAIN,
  start?: [number, number],
): Landscape | ParseError {
  const fn = parseFunction(text);
  if (!fn.ok) return fn;
  const cx = (domain.xMin + domain.xMax) / 2;
  const cy = (domain.yMin + domain.yMax) / 2;
  let xs = new Float64Array(0);
  let ys = new Float64Array(0);
  let gx = new Float64Array(0);
  let gy = new Float64Array(0);
  const landscape: Landscape = {
    id: 'custom',
    name: 'Your function',
    formula: fn.source,
    group: 'custom',
    domain,
    start: start ?? [cx + 0.8 * (domain.xMin - cx), cy + 0.8 * (domain.yMax - cy)],
    heightScale: 'linear',
    suggestedLr: {},
    minima: Object.freeze([]),
    minimaSearch: 'pending',
    value: (x, y) => fn.value(x, y),
    valueAndGradient: (x, y, grad, offset) => fn.valueAndGradient(x, y, grad, offset),
    gradientMany(p, n, grad, values) {
      if (xs.length < n) {
        xs = new Float64Array(n);
        ys = new Float64Array(n);
        gx = new Float64Array(n);
        gy = new Float64Array(n);
      }
      for (let i = 0; i < n; i++) {
        xs[i] = p[2 * i]!;
        ys[i] = p[2 * i + 1]!;
      }
      fn.evaluateMany(xs, ys, n, values, gx, gy);
      for (let i = 0; i < n; i++) {
        grad[2 * i] = gx[i]!;
        grad[2 * i + 1] = gy[i]!;
      }
    },
  };
  return landscape;
}

/**
 * Searches a typed function's minima within its evaluation budget ({@link minimaBudget} of its
 * text's length): at most about a second of work for any accepted function.
 */
export function searchMinima(landscape: Landscape): MinimaSearch {
  return findMinima(landscape, 65, minimaBudget(landscape.formula.length));
}

/** The same landscape with the minima a search found (a new object; the function is shared). */
export function withMinima(
  landscape: Landscape,
  search: Pick<MinimaSearch, 'minima' | 'complete'>,
) {
  const next: Landscape = {
    ...landscape,
    minima: Object.freeze(search.minima.map((m) => ({ ...m }))),
    minimaSearch: search.complete ? 'complete' : 'estimate',
  };
  return next;
}
