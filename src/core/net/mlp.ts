import { createRandom, nextUniform } from '../random';
import type { NetData } from './data';
import { tanh } from './tanh';

/** The network's widths: 4 inputs → 8 tanh units → 3 logits (softmax over the classes). */
export const NET_LAYERS = [4, 8, 3] as const;
const D = 4;
const H = 8;
const C = 3;

/**
 * Where each tensor sits in the flat parameter vector θ, in PyTorch's order
 * (`model.parameters()` of `Sequential(Linear(4, 8), Tanh(), Linear(8, 3))`):
 * W₁ (8×4, row-major: W₁[k][l] at 4k + l), b₁ (8) from 32, W₂ (3×8, row-major: W₂[j][k] at
 * 40 + 8j + k), b₂ (3) from 64.
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

// Scratch: the hidden activations h of the row being passed (and of netLogits' row).
const hrow = new Float64Array(H);
const hidden = new Float64Array(H);

/**
 * One forward (and, with `grad`, backward) pass of the classifier over rows of the data, in
 * place and without allocating. For row i with features xᵢ ∈ ℝ⁴ and class yᵢ:
 *
 *   hᵢ = tanh(W₁xᵢ + b₁),  zᵢ = W₂hᵢ + b₂,  ℓᵢ = log Σⱼ e^(zᵢⱼ) − zᵢ,yᵢ
 *
 * (the log-sum-exp taken after subtracting maxⱼ zᵢⱼ, the rows' logs of Σⱼ e^(zᵢⱼ − max) summed
 * as the log of their product), L = (1/B)·Σᵢ ℓᵢ over the B rows —
 * PyTorch's `CrossEntropyLoss()` (mean) on the logits. The gradient, by backpropagation:
 *
 *   δᵢ = softmax(zᵢ) − e_yᵢ,        ∂L/∂W₂ = (1/B)·Σᵢ δᵢhᵢᵀ,  ∂L/∂b₂ = (1/B)·Σᵢ δᵢ,
 *   γᵢ = (W₂ᵀδᵢ) ⊙ (1 − hᵢ²),     ∂L/∂W₁ = (1/B)·Σᵢ γᵢxᵢᵀ,  ∂L/∂b₁ = (1/B)·Σᵢ γᵢ,
 *
 * written to `grad` in the layout of θ ({@link NET_OFFSETS}), each row's share added in the same
 * loop as its forward pass and the sums divided by B at the end. `rows` lists row indices (the first
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
  let loss = 0;
  let product = 1;
  let correct = 0;
  if (grad) grad.fill(0, 0, NET_SIZE);
  for (let r = 0; r < count; r++) {
    const i = rows === null ? r : rows[r]!;
    const xo = i * D;
    const x0 = x[xo]!;
    const x1 = x[xo + 1]!;
    const x2 = x[xo + 2]!;
    const x3 = x[xo + 3]!;
    let z0 = theta[B2]!;
    let z1 = theta[B2 + 1]!;
    let z2 = theta[B2 + 2]!;
    for (let k = 0; k < H; k++) {
      const w = W1 + k * D;
      const h = tanh(
        theta[w]! * x0 +
          theta[w + 1]! * x1 +
          theta[w + 2]! * x2 +
          theta[w + 3]! * x3 +
          theta[B1 + k]!,
      );
      hrow[k] = h;
      z0 += theta[W2 + k]! * h;
      z1 += theta[W2 + H + k]! * h;
      z2 += theta[W2 + 2 * H + k]! * h;
    }
    let top = z0;
    let best = 0;
    if (z1 > top) {
      top = z1;
      best = 1;
    }
    if (z2 > top) {
      top = z2;
      best = 2;
    }
    const e0 = best === 0 ? 1 : Math.exp(z0 - top);
    const e1 = best === 1 ? 1 : Math.exp(z1 - top);
    const e2 = best === 2 ? 1 : Math.exp(z2 - top);
    const sum = e0 + e1 + e2;
    const label = y[i]!;
    // Σ log(sumᵢ) as the log of a product: each sumᵢ lies in [1, 3], and 3²⁵⁶ < 10¹²³.
    loss += top - (label === 0 ? z0 : label === 1 ? z1 : z2);
    product *= sum;
    if ((r & 255) === 255) {
      loss += Math.log(product);
      product = 1;
    }
    if (best === label) correct += 1;
    if (!grad) continue;
    const d0 = e0 / sum - (label === 0 ? 1 : 0);
    const d1 = e1 / sum - (label === 1 ? 1 : 0);
    const d2 = e2 / sum - (label === 2 ? 1 : 0);
    // The row's share of ∂L/∂θ, summed in place (divided by the row count at the end).
    for (let k = 0; k < H; k++) {
      const h = hrow[k]!;
      const back = theta[W2 + k]! * d0 + theta[W2 + H + k]! * d1 + theta[W2 + 2 * H + k]! * d2;
      const g = back * (1 - h * h);
      const w = W1 + k * D;
      grad[w] = grad[w]! + g * x0;
      grad[w + 1] = grad[w + 1]! + g * x1;
      grad[w + 2] = grad[w + 2]! + g * x2;
      grad[w + 3] = grad[w + 3]! + g * x3;
      grad[B1 + k] = grad[B1 + k]! + g;
      grad[W2 + k] = grad[W2 + k]! + d0 * h;
      grad[W2 + H + k] = grad[W2 + H + k]! + d1 * h;
      grad[W2 + 2 * H + k] = grad[W2 + 2 * H + k]! + d2 * h;
    }
    grad[B2] = grad[B2]! + d0;
    grad[B2 + 1] = grad[B2 + 1]! + d1;
    grad[B2 + 2] = grad[B2 + 2]! + d2;
  }
  if (grad) for (let i = 0; i < NET_SIZE; i++) grad[i] = grad[i]! / count;
  out.loss = (loss + Math.log(product)) / count;
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
    hidden[k] = tanh(a);
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
