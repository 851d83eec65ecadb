/**
 * The update rule of every optimizer kind and variant as TeX, in the convention the core steps it
 * (see `optimizers/sgd.ts`, `rmsprop.ts`, `adam.ts`), written in the lecture's symbols:
 * α the learning rate, β (β₁, β₂) the averaging weights, ε, gₜ the gradient, vₜ the first moment,
 * sₜ the second moment. PyTorch's own forms use bₜ for the momentum buffer, μ for `momentum` and
 * τ for `dampening`. RMSProp's averaging weight is PyTorch's `alpha`, written β here because α is
 * the learning rate. Pure: strings only, no rendering.
 */
import type { OptimizerSpec, ScheduleSpec } from './optimizers';

const W_UPDATE = 'w_t = w_{t-1} - \\alpha';
const HATS_TEX =
  '\\hat v_t = \\frac{v_t}{1-\\beta_1^t},\\quad \\hat s_t = \\frac{s_t}{1-\\beta_2^t}';

/**
 * The update rule of `spec` as TeX lines, in the order they are computed, one equation a line.
 *
 * - sgd: wₜ = wₜ₋₁ − α·gₜ.
 * - momentum, `ema` (the lecture): vₜ = β·vₜ₋₁ + (1−β)·gₜ, wₜ = wₜ₋₁ − α·vₜ; with
 *   `bias_correction` v̂ₜ = vₜ/(1−βᵗ) and wₜ = wₜ₋₁ − α·v̂ₜ.
 * - momentum, PyTorch (`ema = false`): bₜ = μ·bₜ₋₁ + (1−τ)·gₜ with b₁ = g₁, wₜ = wₜ₋₁ − α·bₜ
 *   (μ = 0: plain SGD, as `torch.optim.SGD` steps it).
 * - nesterov: bₜ = μ·bₜ₋₁ + gₜ with b₁ = g₁, wₜ = wₜ₋₁ − α·(gₜ + μ·bₜ).
 * - rmsprop: sₜ = β·sₜ₋₁ + (1−β)·gₜ²; `centered` ḡₜ = β·ḡₜ₋₁ + (1−β)·gₜ and the denominator
 *   √(sₜ − ḡₜ²) + ε, else √sₜ + ε; with momentum μ > 0, bₜ = μ·bₜ₋₁ + gₜ/(…) and wₜ = wₜ₋₁ − α·bₜ.
 * - adam: (λ > 0: g̃ₜ = gₜ + λ·wₜ₋₁, L2 decay) vₜ = β₁·vₜ₋₁ + (1−β₁)·gₜ, sₜ = β₂·sₜ₋₁ + (1−β₂)·gₜ²;
 *   with `bias_correction` v̂ₜ = vₜ/(1−β₁ᵗ), ŝₜ = sₜ/(1−β₂ᵗ), wₜ = wₜ₋₁ − α·v̂ₜ/(√ŝₜ + ε) (the same
 *   number as PyTorch's (α/(1−β₁ᵗ))·vₜ/(√sₜ/√(1−β₂ᵗ) + ε)); without, wₜ = wₜ₋₁ − α·vₜ/(√sₜ + ε).
 * - adamw: Adam's corrected moments, then wₜ = wₜ₋₁ − α·(v̂ₜ/(√ŝₜ + ε) + λ·wₜ₋₁) (Loshchilov &
 *   Hutter, 2019), the same as PyTorch's wₜ₋₁·(1 − αλ) followed by the Adam step.
 * - adagrad: sₜ = sₜ₋₁ + gₜ², wₜ = wₜ₋₁ − α·gₜ/(√sₜ + ε).
 */
export function updateRuleTex(spec: OptimizerSpec): string[] {
  switch (spec.kind) {
    case 'sgd':
      return [`${W_UPDATE}\\, g_t`];
    case 'momentum':
      if (spec.ema) {
        const average = 'v_t = \\beta\\, v_{t-1} + (1-\\beta)\\, g_t';
        if (!spec.bias_correction) return [average, `${W_UPDATE}\\, v_t`];
        return [average, '\\hat v_t = \\frac{v_t}{1-\\beta^t}', `${W_UPDATE}\\, \\hat v_t`];
      }
      if (spec.momentum === 0) return [`${W_UPDATE}\\, g_t`];
      return ['b_t = \\mu\\, b_{t-1} + (1-\\tau)\\, g_t,\\quad b_1 = g_1', `${W_UPDATE}\\, b_t`];
    case 'nesterov':
      return ['b_t = \\mu\\, b_{t-1} + g_t,\\quad b_1 = g_1', `${W_UPDATE}\\,(g_t + \\mu\\, b_t)`];
    case 'rmsprop': {
      const lines = ['s_t = \\beta\\, s_{t-1} + (1-\\beta)\\, g_t^2'];
      let denominator = '\\sqrt{s_t} + \\varepsilon';
      if (spec.centered) {
        lines.push('\\bar g_t = \\beta\\, \\bar g_{t-1} + (1-\\beta)\\, g_t');
        denominator = '\\sqrt{s_t - \\bar g_t^2} + \\varepsilon';
      }
      if (spec.momentum > 0) {
        lines.push(`b_t = \\mu\\, b_{t-1} + \\frac{g_t}{${denominator}}`, `${W_UPDATE}\\, b_t`);
      } else {
        lines.push(`${W_UPDATE}\\, \\frac{g_t}{${denominator}}`);
      }
      return lines;
    }
    case 'adam': {
      const decayed = spec.weight_decay > 0;
      const g = decayed ? '\\tilde g_t' : 'g_t';
      const lines = decayed ? ['\\tilde g_t = g_t + \\lambda\\, w_{t-1}'] : [];
      lines.push(
        `v_t = \\beta_1 v_{t-1} + (1-\\beta_1)\\, ${g}`,
        `s_t = \\beta_2 s_{t-1} + (1-\\beta_2)\\, ${g}^2`,
      );
      if (spec.bias_correction) {
        lines.push(HATS_TEX, `${W_UPDATE}\\, \\frac{\\hat v_t}{\\sqrt{\\hat s_t} + \\varepsilon}`);
      } else {
        lines.push(`${W_UPDATE}\\, \\frac{v_t}{\\sqrt{s_t} + \\varepsilon}`);
      }
      return lines;
    }
    case 'adamw':
      return [
        'v_t = \\beta_1 v_{t-1} + (1-\\beta_1)\\, g_t',
        's_t = \\beta_2 s_{t-1} + (1-\\beta_2)\\, g_t^2',
        HATS_TEX,
        `${W_UPDATE} \\left(\\frac{\\hat v_t}{\\sqrt{\\hat s_t} + \\varepsilon} + \\lambda\\, w_{t-1}\\right)`,
      ];
    case 'adagrad':
      return ['s_t = s_{t-1} + g_t^2', `${W_UPDATE}\\, \\frac{g_t}{\\sqrt{s_t} + \\varepsilon}`];
  }
}

/** One hyperparameter as the formula writes it: its symbol, its `torch.optim` name, its value. */
export interface HyperparameterSymbol {
  /** The symbol as TeX, e.g. `\beta_1`. */
  tex: string;
  /** The symbol as plain text, e.g. "β₁". */
  symbol: string;
  /** The hyperparameter's key in the spec (PyTorch's name), e.g. "beta1". */
  key: string;
  value: number;
}

/**
 * The hyperparameters that appear in {@link updateRuleTex}'s lines, in the formula's symbols:
 * α = lr; β = momentum (moving average) or alpha (RMSProp); μ = momentum and τ = dampening
 * (PyTorch forms); β₁, β₂, ε, λ = weight_decay. A hyperparameter the rule does not use is left out.
 */
export function hyperparameterSymbols(spec: OptimizerSpec): HyperparameterSymbol[] {
  const h = (tex: string, symbol: string, key: string, value: number) => ({
    tex,
    symbol,
    key,
    value,
  });
  const alpha = h('\\alpha', 'α', 'lr', spec.lr);
  switch (spec.kind) {
    case 'sgd':
      return [alpha];
    case 'momentum':
      if (spec.ema) return [alpha, h('\\beta', 'β', 'momentum', spec.momentum)];
      if (spec.momentum === 0) return [alpha];
      return [
        alpha,
        h('\\mu', 'μ', 'momentum', spec.momentum),
        h('\\tau', 'τ', 'dampening', spec.dampening),
      ];
    case 'nesterov':
      return [alpha, h('\\mu', 'μ', 'momentum', spec.momentum)];
    case 'rmsprop': {
      const list = [
        alpha,
        h('\\beta', 'β', 'alpha', spec.alpha),
        h('\\varepsilon', 'ε', 'eps', spec.eps),
      ];
      if (spec.momentum > 0) list.push(h('\\mu', 'μ', 'momentum', spec.momentum));
      return list;
    }
    case 'adam':
    case 'adamw': {
      const list = [
        alpha,
        h('\\beta_1', 'β₁', 'beta1', spec.beta1),
        h('\\beta_2', 'β₂', 'beta2', spec.beta2),
        h('\\varepsilon', 'ε', 'eps', spec.eps),
      ];
      if (spec.kind === 'adamw' || spec.weight_decay > 0) {
        list.push(h('\\lambda', 'λ', 'weight_decay', spec.weight_decay));
      }
      return list;
    }
    case 'adagrad':
      return [alpha, h('\\varepsilon', 'ε', 'eps', spec.eps)];
  }
}

/** The hyperparameters as TeX, one `symbol = value` each, e.g. `\varepsilon = 10^{-8}`. */
export function hyperparametersTex(spec: OptimizerSpec): string[] {
  return hyperparameterSymbols(spec).map((h) => `${h.tex} = ${texNumber(h.value)}`);
}

/**
 * The TeX symbols of the live values the formula panel shows beside a rule, one per field of the
 * core's `StepReport` (null where that optimizer keeps no such value), plus `gradientMean` for
 * centered RMSProp's running mean ḡₜ (kept in the buffers' `a`).
 */
export interface ValueSymbols {
  g: string;
  firstMoment: string | null;
  secondMoment: string | null;
  gradientMean: string | null;
  biasCorrection1: string | null;
  biasCorrection2: string | null;
  step: string;
}

/** The symbols of {@link ValueSymbols} for `spec`, matching {@link updateRuleTex}. */
export function valueSymbols(spec: OptimizerSpec): ValueSymbols {
  const symbols: ValueSymbols = {
    g: 'g_t',
    firstMoment: null,
    secondMoment: null,
    gradientMean: null,
    biasCorrection1: null,
    biasCorrection2: null,
    step: '\\Delta w',
  };
  switch (spec.kind) {
    case 'momentum':
      if (spec.ema) {
        symbols.firstMoment = 'v_t';
        if (spec.bias_correction) symbols.biasCorrection1 = '1-\\beta^t';
      } else if (spec.momentum > 0) {
        symbols.firstMoment = 'b_t';
      }
      break;
    case 'nesterov':
      symbols.firstMoment = 'b_t';
      break;
    case 'rmsprop':
      symbols.secondMoment = 's_t';
      if (spec.centered) symbols.gradientMean = '\\bar g_t';
      if (spec.momentum > 0) symbols.firstMoment = 'b_t';
      break;
    case 'adam':
    case 'adamw':
      symbols.firstMoment = 'v_t';
      symbols.secondMoment = 's_t';
      if (spec.kind === 'adamw' || spec.bias_correction) {
        symbols.biasCorrection1 = '1-\\beta_1^t';
        symbols.biasCorrection2 = '1-\\beta_2^t';
      }
      break;
    case 'adagrad':
      symbols.secondMoment = 's_t';
      break;
    case 'sgd':
      break;
  }
  return symbols;
}

/**
 * Where the rule comes from: `lecture` when it is one of the lecture's forms (SGD, momentum as a
 * moving average, plain RMSProp, Adam with or without bias correction), and `torch` the
 * `torch.optim` call it matches exactly (null when the lecture's form differs from PyTorch's).
 */
export function formulaSource(spec: OptimizerSpec): { lecture: boolean; torch: string | null } {
  switch (spec.kind) {
    case 'sgd':
      return { lecture: true, torch: 'torch.optim.SGD' };
    case 'momentum':
      return spec.ema
        ? { lecture: true, torch: null }
        : { lecture: false, torch: 'torch.optim.SGD' };
    case 'nesterov':
      return { lecture: false, torch: 'torch.optim.SGD(nesterov=True)' };
    case 'rmsprop':
      return {
        lecture: spec.momentum === 0 && !spec.centered,
        torch: 'torch.optim.RMSprop',
      };
    case 'adam':
      return {
        lecture: spec.weight_decay === 0,
        torch: spec.bias_correction ? 'torch.optim.Adam' : null,
      };
    case 'adamw':
      return { lecture: false, torch: 'torch.optim.AdamW' };
    case 'adagrad':
      return { lecture: false, torch: 'torch.optim.Adagrad' };
  }
}

/**
 * A hyperparameter value as TeX: plain decimals for 10⁻³ ≤ |v| < 10⁵ (at most 4 significant
 * digits), else m·10ⁿ with the mantissa dropped when it is 1 (1e-8 → `10^{-8}`).
 */
export function texNumber(v: number): string {
  if (!Number.isFinite(v)) return '\\text{—}';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return String(Number(v.toPrecision(4)));
  const [mantissa, exponent] = v.toExponential(3).split('e') as [string, string];
  const m = String(Number(mantissa));
  const power = `10^{${Number(exponent)}}`;
  if (m === '1') return power;
  if (m === '-1') return `-${power}`;
  return `${m} \\cdot ${power}`;
}

/**
 * The learning-rate schedule as TeX, αₜ in terms of the base rate α and the step t (the closed
 * forms of `torch.optim.lr_scheduler`, as in `scheduledRate`), with its settings' values; null for
 * the constant schedule. step: α·γ^⌊(t−1)/s⌋; exponential: α·γ^(t−1); cosine:
 * η_min + ½(α − η_min)(1 + cos(π(t−1)/T)); warm-up: α·(s + (1 − s)·min(t−1, N)/N).
 */
export function scheduleTex(
  schedule: ScheduleSpec | undefined,
): { rule: string; values: string } | null {
  if (!schedule) return null;
  switch (schedule.kind) {
    case 'constant':
      return null;
    case 'step':
      return {
        rule: '\\alpha_t = \\alpha\\, \\gamma^{\\lfloor (t-1)/s \\rfloor}',
        values: `\\gamma = ${texNumber(schedule.gamma)},\\ s = ${schedule.step_size}`,
      };
    case 'exponential':
      return {
        rule: '\\alpha_t = \\alpha\\, \\gamma^{t-1}',
        values: `\\gamma = ${texNumber(schedule.gamma)}`,
      };
    case 'cosine':
      return {
        rule: '\\alpha_t = \\eta_{\\min} + \\tfrac12 (\\alpha - \\eta_{\\min}) \\bigl(1 + \\cos \\tfrac{\\pi (t-1)}{T}\\bigr)',
        values: `T = ${schedule.t_max},\\ \\eta_{\\min} = ${texNumber(schedule.eta_min)}`,
      };
    case 'warmup':
      return {
        rule: '\\alpha_t = \\alpha \\bigl(s + (1-s) \\tfrac{\\min(t-1,\\, N)}{N}\\bigr)',
        values: `s = ${texNumber(schedule.start_factor)},\\ N = ${schedule.total_iters}`,
      };
  }
}
