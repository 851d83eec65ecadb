/**
 * The optimizers a runner can use, their hyperparameters, defaults and allowed ranges.
 *
 * Names follow `torch.optim` (lr, momentum, dampening, alpha, eps, centered, beta1, beta2,
 * weight_decay) plus two switches for the lecture's forms: `ema` (momentum as a moving average)
 * and `bias_correction`.
 */

/** Every optimizer kind the core can step. */
export const OPTIMIZER_KINDS = [
  'sgd',
  'momentum',
  'nesterov',
  'rmsprop',
  'adam',
  'adamw',
  'adagrad',
] as const;

export type OptimizerKind = (typeof OPTIMIZER_KINDS)[number];

/** Plain SGD: w ← w − lr·g. */
export interface SgdSpec {
  kind: 'sgd';
  lr: number;
}

/**
 * SGD with momentum. `ema=true` (the lecture): vₜ = β·vₜ₋₁ + (1−β)·gₜ, v₀ = 0, w ← w − lr·vₜ
 * (or w ← w − lr·vₜ/(1−βᵗ) with `bias_correction`). `ema=false`: `torch.optim.SGD`,
 * b₁ = g₁, bₜ = μ·bₜ₋₁ + (1−dampening)·gₜ, w ← w − lr·bₜ.
 */
export interface MomentumSpec {
  kind: 'momentum';
  lr: number;
  momentum: number;
  dampening: number;
  ema: boolean;
  bias_correction: boolean;
}

/** Nesterov momentum as `torch.optim.SGD(nesterov=True)`: b as in momentum, w ← w − lr·(g + μ·b). */
export interface NesterovSpec {
  kind: 'nesterov';
  lr: number;
  momentum: number;
}

/** RMSProp as `torch.optim.RMSprop`: s = α·s + (1−α)·g², w ← w − lr·g/(√s + ε). */
export interface RmspropSpec {
  kind: 'rmsprop';
  lr: number;
  alpha: number;
  eps: number;
  momentum: number;
  centered: boolean;
}

/** Adam as `torch.optim.Adam` (L2 weight decay added to g), or the lecture's uncorrected form. */
export interface AdamSpec {
  kind: 'adam';
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weight_decay: number;
  bias_correction: boolean;
}

/** AdamW as `torch.optim.AdamW`: decoupled decay w ← w·(1 − lr·λ), then the Adam step. */
export interface AdamwSpec {
  kind: 'adamw';
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weight_decay: number;
}

/** Adagrad as `torch.optim.Adagrad`: S = S + g², w ← w − lr·g/(√S + ε). */
export interface AdagradSpec {
  kind: 'adagrad';
  lr: number;
  eps: number;
}

/** One optimizer with every hyperparameter in effect. */
export type OptimizerSpec =
  SgdSpec | MomentumSpec | NesterovSpec | RmspropSpec | AdamSpec | AdamwSpec | AdagradSpec;

/** How one hyperparameter may be set. Numbers lie in [min, max] (bounds open where said). */
export interface HyperDefinition {
  key: string;
  type: 'number' | 'boolean';
  default: number | boolean;
  min?: number;
  max?: number;
  minOpen?: boolean;
  maxOpen?: boolean;
  /** Whole numbers only (a schedule's step counts). */
  integer?: boolean;
  /** What it is, in a few words (English; the UI translates). */
  meaning: string;
}

const lr = (value: number): HyperDefinition => ({
  key: 'lr',
  type: 'number',
  default: value,
  min: 0,
  minOpen: true,
  max: 1e6,
  meaning: 'learning rate',
});
const unitOpen = (key: string, value: number, meaning: string): HyperDefinition => ({
  key,
  type: 'number',
  default: value,
  min: 0,
  max: 1,
  maxOpen: true,
  meaning,
});
const eps = (value: number): HyperDefinition => ({
  key: 'eps',
  type: 'number',
  default: value,
  min: 0,
  max: 1,
  meaning: 'added to the denominator so it is never zero',
});
const flag = (key: string, value: boolean, meaning: string): HyperDefinition => ({
  key,
  type: 'boolean',
  default: value,
  meaning,
});
const decay = (value: number): HyperDefinition => ({
  key: 'weight_decay',
  type: 'number',
  default: value,
  min: 0,
  max: 1e3,
  meaning: 'weight decay λ',
});

/** The hyperparameters of each kind, in the order the UI lists them. */
export const HYPERPARAMETERS: Record<OptimizerKind, readonly HyperDefinition[]> = {
  sgd: [lr(0.01)],
  momentum: [
    lr(0.01),
    unitOpen('momentum', 0.9, 'momentum β (weight of the past)'),
    { ...unitOpen('dampening', 0, 'dampening (PyTorch form only)'), maxOpen: false },
    flag('ema', true, 'momentum as a moving average (the lecture) instead of PyTorch’s sum'),
    flag('bias_correction', false, 'divide the moving average by 1−βᵗ'),
  ],
  nesterov: [lr(0.01), { ...unitOpen('momentum', 0.9, 'momentum μ'), minOpen: true }],
  rmsprop: [
    lr(0.01),
    unitOpen('alpha', 0.99, 'smoothing α of the squared-gradient average'),
    eps(1e-8),
    unitOpen('momentum', 0, 'momentum'),
    flag('centered', false, 'divide by the gradient’s variance instead of its mean square'),
  ],
  adam: [
    lr(0.01),
    unitOpen('beta1', 0.9, 'β₁ (first moment)'),
    unitOpen('beta2', 0.999, 'β₂ (second moment)'),
    eps(1e-8),
    decay(0),
    flag('bias_correction', true, 'divide the moments by 1−β₁ᵗ and 1−β₂ᵗ'),
  ],
  adamw: [
    lr(0.01),
    unitOpen('beta1', 0.9, 'β₁ (first moment)'),
    unitOpen('beta2', 0.999, 'β₂ (second moment)'),
    eps(1e-8),
    decay(0.01),
  ],
  adagrad: [lr(0.01), eps(1e-10)],
};

/** True when `kind` names an optimizer the core knows. */
export function isOptimizerKind(kind: string): kind is OptimizerKind {
  return (OPTIMIZER_KINDS as readonly string[]).includes(kind);
}
