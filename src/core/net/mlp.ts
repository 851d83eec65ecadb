import { createRandom, nextUniform } from '../random';
import type { NetData } from './data';

/** The network's widths: 4 inputs → 8 tanh units → 3 logits (softmax over the classes). */
export const NET_LAYERS = [4, 8, 3] as const;
const D = 4;
const H = 8;
const C = 3;

/**
 * Where each tensor sits in the flat parameter vector θ, in PyTorch's order
 * (`model.parameters()` of `Sequential(Linear(4, 8), Tanh(), Linear(8, 3))`):
 * W₁ (8×4, row-major: W₁[k][l] at 8·0 + 4k + l), b₁ (8), W₂ (3×8, row-major), b₂ (3).
 */
export const NET_OFFSETS = { w1: 0, b1: D * H, w2: D * H + H, b2: D * H + H + H * C } as const;

/** The number of parameters: 4·8 + 8 + 8·3 + 3 = 67. */
export const NET_SIZE = NET_OFFSETS.b2 + C;

const W1 = NET_OFFSETS.w1;
const B1 = NET_OFFSETS.b1;
const W2 = NET_OFFSETS.w2;
const B2 = NET_OFFSETS.b2;

/**
 * Initial weights as `nn.Linear` draws them, from our seeded generator (sfc32, see `createRandom`):
 * every weight and bias of a layer with fan_in inputs uniform in [−1/√fan_in, 1/√fan_in]
 * (PyTorch's kaiming_uniform_(a = √5) gives exactly this bound for the weights), drawn as
 * −k + 2k·u with u = `nextUniform` in PyTorch's parameter order W₁, b₁, W₂, b₂ — so a seed
 * reproduces them. k = 1/2 for the first layer, 1/√8 for the second.
 */
export function initialWeights(seed: number): Float64Array {
  const r = createRandom(seed);
  const theta = new Float64Array(NET_SIZE);
  const draw = (from: number, to: number, fanIn: number) => {
    const k = 1 / Math.sqrt(fanIn);
    for (let i = from; i < to; i++) theta[i] = -k + 2 * k * nextUniform(r);
  };
  draw(W1, W2, D); // W₁ and b₁: fan_in 4
  draw(W2, NET_SIZE, H); // W₂ and b₂: fan_in 8
  return theta;
}

/** The result of a pass over some rows (mutated in place by {@link netPass}). */
export interface NetPass {
  /** Mean cross-entropy over the rows. */
  loss: number;
  /** Share of the rows whose largest logit is their class (ties go to the lower class). */
  accuracy: number;
}

/** A fresh {@link NetPass} to reuse across calls. */
export function createNetPass(): NetPass {
  return { loss: 0, accuracy: 0 };
}

// Scratch for one row (the hot loop allocates nothing).
const hidden = new Float64Array(H);
const logits = new Float64Array(C);
const delta = new Float64Array(C);

/**
 * One forward (and, with `grad`, backward) pass of the classifier over rows of the data, in
 * place and without allocating. For row i with features xᵢ ∈ ℝ⁴ and class yᵢ:
 *
 *   hᵢ = tanh(W₁xᵢ + b₁),  zᵢ = W₂hᵢ + b₂,  ℓᵢ = log Σⱼ e^(zᵢⱼ) − zᵢ,yᵢ
 *
 * (the log-sum-exp taken after subtracting maxⱼ zᵢⱼ), L = (1/B)·Σᵢ ℓᵢ over the B rows —
 * PyTorch's `CrossEntropyLoss()` (mean) on the logits. The gradient, by backpropagation:
 *
 *   δᵢ = (softmax(zᵢ) − e_yᵢ)/B,  ∂L/∂W₂ = Σᵢ δᵢhᵢᵀ,  ∂L/∂b₂ = Σᵢ δᵢ,
 *   γᵢ = (W₂ᵀδᵢ) ⊙ (1 − hᵢ²),      ∂L/∂W₁ = Σᵢ γᵢxᵢᵀ,  ∂L/∂b₁ = Σᵢ γᵢ,
 *
 * written to `grad` in the layout of θ ({@link NET_OFFSETS}). `rows` lists row indices (the first
 * `count` are used); null means every row in file order (count = n). Writes the mean loss and the
 * accuracy to `out` and returns it.
 */
export function netPass(
  theta: Float64Array,
  data: NetData,
  rows: ArrayLike<number> | null,
  count: number,
  grad: Float64Array | null,
  out: NetPass,
): NetPass {
  const x = data.x;
  const y = data.y;
  if (grad) grad.fill(0, 0, NET_SIZE);
  let loss = 0;
  let correct = 0;
  for (let r = 0; r < count; r++) {
    const i = rows === null ? r : rows[r]!;
    const xo = i * D;
    const x0 = x[xo]!;
    const x1 = x[xo + 1]!;
    const x2 = x[xo + 2]!;
    const x3 = x[xo + 3]!;
    for (let k = 0; k < H; k++) {
      const w = W1 + k * D;
      hidden[k] = Math.tanh(
        theta[w]! * x0 +
          theta[w + 1]! * x1 +
          theta[w + 2]! * x2 +
          theta[w + 3]! * x3 +
          theta[B1 + k]!,
      );
    }
    let top = -Infinity;
    let best = 0;
    for (let j = 0; j < C; j++) {
      const w = W2 + j * H;
      let z = theta[B2 + j]!;
      for (let k = 0; k < H; k++) z += theta[w + k]! * hidden[k]!;
      logits[j] = z;
      if (z > top) {
        top = z;
        best = j;
      }
    }
    let sum = 0;
    for (let j = 0; j < C; j++) {
      const e = j === best ? 1 : Math.exp(logits[j]! - top);
      delta[j] = e;
      sum += e;
    }
    const label = y[i]!;
    loss += top + Math.log(sum) - logits[label]!;
    if (best === label) correct += 1;
    if (!grad) continue;
    for (let j = 0; j < C; j++) {
      const dj = delta[j]! / sum - (j === label ? 1 : 0);
      delta[j] = dj;
      grad[B2 + j] = grad[B2 + j]! + dj;
      const w = W2 + j * H;
      for (let k = 0; k < H; k++) grad[w + k] = grad[w + k]! + dj * hidden[k]!;
    }
    for (let k = 0; k < H; k++) {
      let back = 0;
      for (let j = 0; j < C; j++) back += theta[W2 + j * H + k]! * delta[j]!;
      const hk = hidden[k]!;
      const g = back * (1 - hk * hk);
      const w = W1 + k * D;
      grad[w] = grad[w]! + g * x0;
      grad[w + 1] = grad[w + 1]! + g * x1;
      grad[w + 2] = grad[w + 2]! + g * x2;
      grad[w + 3] = grad[w + 3]! + g * x3;
      grad[B1 + k] = grad[B1 + k]! + g;
    }
  }
  if (grad) {
    const scale = 1 / count;
    for (let p = 0; p < NET_SIZE; p++) grad[p] = grad[p]! * scale;
  }
  out.loss = loss / count;
  out.accuracy = correct / count;
  return out;
}

/**
 * The three logits z = W₂·tanh(W₁x + b₁) + b₂ of one row x (four standardized features at
 * x[at … at+3]), written to out[0 … 2]: for decision regions and the confusion matrix.
 */
export function netLogits(
  theta: Float64Array,
  x: ArrayLike<number>,
  at: number,
  out: Float64Array,
): Float64Array {
  for (let k = 0; k < H; k++) {
    let a = theta[B1 + k]!;
    for (let l = 0; l < D; l++) a += theta[W1 + k * D + l]! * x[at + l]!;
    hidden[k] = Math.tanh(a);
  }
  for (let j = 0; j < C; j++) {
    let z = theta[B2 + j]!;
    for (let k = 0; k < H; k++) z += theta[W2 + j * H + k]! * hidden[k]!;
    out[j] = z;
  }
  return out;
}

/**
 * The confusion matrix over every row: counts[3·c + p] is the number of rows of class c the
 * network predicts as p (argmax of the logits, ties to the lower class), so the diagonal sums to
 * accuracy·n.
 */
export function confusionMatrix(theta: Float64Array, data: NetData): Uint32Array {
  const counts = new Uint32Array(C * C);
  const z = new Float64Array(C);
  for (let i = 0; i < data.n; i++) {
    netLogits(theta, data.x, i * D, z);
    let best = 0;
    for (let j = 1; j < C; j++) if (z[j]! > z[best]!) best = j;
    const at = C * data.y[i]! + best;
    counts[at] = counts[at]! + 1;
  }
  return counts;
}
