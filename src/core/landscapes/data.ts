import { definePreset } from './define';
import type { Domain, Landscape } from './types';
import { loadDataset, type Dataset, type DatasetId } from '../data/datasets';
import { fullLoss, logisticGridSampler } from '../data/models';
import { sigmoid } from '../softmax';

/** How each dataset is shown: its name, domain over (w, b), start and learning rates. */
interface DataView {
  name: string;
  formula: string;
  domain: Domain;
  start: [number, number];
  heightScale: 'linear' | 'log';
  suggestedLr: Landscape['suggestedLr'];
}

const VIEWS: Record<DatasetId, { standardized: DataView; raw: DataView }> = {
  'penguins-mass': {
    standardized: {
      name: 'Penguins: body mass from flipper length',
      formula: 'mean((w·x + b − y)²)',
      domain: { xMin: -1.5, xMax: 3, yMin: -2.25, yMax: 2.25 },
      start: [-1.2, 1.8],
      heightScale: 'linear',
      suggestedLr: { sgd: 0.1, momentum: 0.05, nesterov: 0.05, rmsprop: 0.01, adam: 0.05 },
    },
    raw: {
      name: 'Penguins: body mass from flipper length (raw units)',
      formula: 'mean((w·x + b − y)²)',
      domain: { xMin: -20, xMax: 120, yMin: -20000, yMax: 8000 },
      start: [0, 0],
      heightScale: 'log',
      suggestedLr: { sgd: 1e-5, momentum: 1e-5, nesterov: 1e-5, rmsprop: 5, adam: 20 },
    },
  },
  'penguins-species': {
    standardized: {
      name: 'Penguins: species from bill length',
      formula: 'mean(BCE(σ(w·x + b), y))',
      domain: { xMin: -4, xMax: 12, yMin: -10, yMax: 6 },
      start: [-2, 4],
      heightScale: 'linear',
      suggestedLr: { sgd: 2, momentum: 1, nesterov: 1, rmsprop: 0.05, adam: 0.2 },
    },
    raw: {
      name: 'Penguins: species from bill length (raw units)',
      formula: 'mean(BCE(σ(w·x + b), y))',
      domain: { xMin: -1, xMax: 3, yMin: -100, yMax: 40 },
      start: [0, 0],
      heightScale: 'linear',
      suggestedLr: { sgd: 1e-3, momentum: 1e-3, nesterov: 1e-3, rmsprop: 0.05, adam: 0.5 },
    },
  },
};

/**
 * The exact minimum of a dataset's full loss: for the linear model the normal equations
 * w* = cov(x, y)/var(x), b* = ȳ − w*·x̄; for the logistic model Newton's method with the
 * analytic Hessian H = mean(σ(z)(1 − σ(z))·[x², x; x, 1]) from (0, 0), to machine precision.
 */
export function dataMinimum(data: Dataset): [number, number] {
  const { x, y, n } = data;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  if (data.model === 'linear') {
    let cxy = 0;
    let cxx = 0;
    for (let i = 0; i < n; i++) {
      cxy += (x[i]! - mx) * (y[i]! - my);
      cxx += (x[i]! - mx) * (x[i]! - mx);
    }
    const w = cxy / cxx;
    return [w, my - w * mx];
  }
  let w = 0;
  let b = 0;
  for (let it = 0; it < 100; it++) {
    let gw = 0;
    let gb = 0;
    let hww = 0;
    let hwb = 0;
    let hbb = 0;
    for (let i = 0; i < n; i++) {
      const p = sigmoid(w * x[i]! + b);
      const d = p - y[i]!;
      const c = p * (1 - p);
      gw += d * x[i]!;
      gb += d;
      hww += c * x[i]! * x[i]!;
      hwb += c * x[i]!;
      hbb += c;
    }
    const det = hww * hbb - hwb * hwb;
    const dw = (hbb * gw - hwb * gb) / det;
    const db = (hww * gb - hwb * gw) / det;
    w -= dw;
    b -= db;
    if (Math.abs(dw) <= 1e-15 * (1 + Math.abs(w)) && Math.abs(db) <= 1e-15 * (1 + Math.abs(b))) {
      break;
    }
  }
  return [w, b];
}

const cache = new Map<string, Landscape>();

/**
 * The loss surface of a dataset's model over its two parameters: x is the weight w, y the bias
 * b, and f(w, b) is the full-data loss with its exact gradient (see {@link fullLoss}); the one
 * minimum is the model's exact optimum. `landscape.data` holds the rows for minibatches.
 */
export function dataLandscape(id: DatasetId, standardized = true): Landscape {
  const key = `${id}:${standardized}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const data = loadDataset(id, standardized);
  const view = VIEWS[id][standardized ? 'standardized' : 'raw'];
  const [w, b] = dataMinimum(data);
  const landscape = definePreset({
    id,
    name: view.name,
    formula: view.formula,
    group: 'data',
    domain: view.domain,
    start: view.start,
    heightScale: view.heightScale,
    suggestedLr: view.suggestedLr,
    valueAndGradient: fullLoss(data),
    minima: [{ x: w, y: b, global: true }],
  });
  landscape.data = data;
  if (data.model === 'logistic') {
    const rows = logisticGridSampler(data, view.domain);
    if (rows) landscape.sampleRows = rows;
  }
  cache.set(key, landscape);
  return landscape;
}
