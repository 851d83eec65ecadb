import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  createRace,
  defaultSpec,
  getPresetLandscape,
  runnerReport,
  runRace,
  type OptimizerKind,
  type OptimizerSpec,
} from '../../src/core';
import { formatNumber as formatValue, formatPair, superscript } from '../../src/draw/format';
import {
  formulaSource,
  hyperparameterSymbols,
  hyperparametersTex,
  texNumber,
  updateRuleTex,
  valueSymbols,
} from '../../src/core/formulas';

const spec = <K extends OptimizerKind>(kind: K, extra: Record<string, number | boolean> = {}) =>
  ({ ...defaultSpec(kind), ...extra }) as OptimizerSpec;

/** Every kind and every variant the switches make. */
const VARIANTS: [string, OptimizerSpec][] = [
  ['sgd', spec('sgd')],
  ['momentum (lecture)', spec('momentum')],
  ['momentum (lecture, bias-corrected)', spec('momentum', { bias_correction: true })],
  ['momentum (PyTorch)', spec('momentum', { ema: false })],
  ['momentum (PyTorch, dampening)', spec('momentum', { ema: false, dampening: 0.5 })],
  ['momentum (PyTorch, μ = 0)', spec('momentum', { ema: false, momentum: 0 })],
  ['momentum (lecture, β = 0)', spec('momentum', { momentum: 0 })],
  ['nesterov', spec('nesterov')],
  ['rmsprop', spec('rmsprop')],
  ['rmsprop centered', spec('rmsprop', { centered: true })],
  ['rmsprop momentum', spec('rmsprop', { momentum: 0.9 })],
  ['rmsprop centered momentum', spec('rmsprop', { centered: true, momentum: 0.9 })],
  ['adam', spec('adam')],
  ['adam uncorrected', spec('adam', { bias_correction: false })],
  ['adam L2', spec('adam', { weight_decay: 0.1 })],
  ['adam uncorrected L2', spec('adam', { weight_decay: 0.1, bias_correction: false })],
  ['adamw', spec('adamw')],
  ['adamw λ = 0', spec('adamw', { weight_decay: 0 })],
  ['adagrad', spec('adagrad')],
];

const joined = (s: OptimizerSpec) => updateRuleTex(s).join('\n');

describe('the update rule of each optimizer', () => {
  it('SGD is one line: w_t = w_{t−1} − α g_t', () => {
    expect(updateRuleTex(spec('sgd'))).toEqual(['w_t = w_{t-1} - \\alpha\\, g_t']);
  });

  it('momentum as in the lecture is a moving average with weight 1−β, stepped by v_t', () => {
    expect(updateRuleTex(spec('momentum'))).toEqual([
      'v_t = \\beta\\, v_{t-1} + (1-\\beta)\\, g_t',
      'w_t = w_{t-1} - \\alpha\\, v_t',
    ]);
  });

  it('momentum-EMA with bias correction divides v_t by 1−βᵗ and steps by v̂_t', () => {
    const lines = updateRuleTex(spec('momentum', { bias_correction: true }));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('\\hat v_t = \\frac{v_t}{1-\\beta^t}');
    expect(lines[2]).toBe('w_t = w_{t-1} - \\alpha\\, \\hat v_t');
  });

  it('PyTorch momentum is b_t = μ b_{t−1} + (1−τ) g_t, starting from b_1 = g_1', () => {
    const lines = updateRuleTex(spec('momentum', { ema: false }));
    expect(lines[0]).toBe('b_t = \\mu\\, b_{t-1} + (1-\\tau)\\, g_t,\\quad b_1 = g_1');
    expect(lines[1]).toBe('w_t = w_{t-1} - \\alpha\\, b_t');
    expect(joined(spec('momentum', { ema: false }))).not.toContain('\\beta');
  });

  it('PyTorch momentum with μ = 0 is shown as the plain SGD step it takes', () => {
    expect(updateRuleTex(spec('momentum', { ema: false, momentum: 0 }))).toEqual(
      updateRuleTex(spec('sgd')),
    );
  });

  it('Nesterov steps along g_t + μ b_t', () => {
    const lines = updateRuleTex(spec('nesterov'));
    expect(lines[0]).toBe('b_t = \\mu\\, b_{t-1} + g_t,\\quad b_1 = g_1');
    expect(lines[1]).toBe('w_t = w_{t-1} - \\alpha\\,(g_t + \\mu\\, b_t)');
  });

  it('RMSProp averages g² with β (PyTorch’s alpha) and divides g_t by √s_t + ε', () => {
    expect(updateRuleTex(spec('rmsprop'))).toEqual([
      's_t = \\beta\\, s_{t-1} + (1-\\beta)\\, g_t^2',
      'w_t = w_{t-1} - \\alpha\\, \\frac{g_t}{\\sqrt{s_t} + \\varepsilon}',
    ]);
    const beta = hyperparameterSymbols(spec('rmsprop', { alpha: 0.95 })).find(
      (h) => h.tex === '\\beta',
    );
    expect(beta).toMatchObject({ key: 'alpha', value: 0.95 });
  });

  it('centered RMSProp keeps the mean ḡ_t and divides by √(s_t − ḡ_t²) + ε', () => {
    const text = joined(spec('rmsprop', { centered: true }));
    expect(text).toContain('\\bar g_t = \\beta\\, \\bar g_{t-1} + (1-\\beta)\\, g_t');
    expect(text).toContain('\\sqrt{s_t - \\bar g_t^2} + \\varepsilon');
  });

  it('RMSProp with momentum accumulates the scaled gradient in b_t and steps by α b_t', () => {
    const lines = updateRuleTex(spec('rmsprop', { momentum: 0.9 }));
    expect(lines[1]).toBe('b_t = \\mu\\, b_{t-1} + \\frac{g_t}{\\sqrt{s_t} + \\varepsilon}');
    expect(lines[2]).toBe('w_t = w_{t-1} - \\alpha\\, b_t');
  });

  it('Adam with bias correction steps by v̂_t/(√ŝ_t + ε), hats over 1−β₁ᵗ and 1−β₂ᵗ', () => {
    const lines = updateRuleTex(spec('adam'));
    expect(lines).toEqual([
      'v_t = \\beta_1 v_{t-1} + (1-\\beta_1)\\, g_t',
      's_t = \\beta_2 s_{t-1} + (1-\\beta_2)\\, g_t^2',
      '\\hat v_t = \\frac{v_t}{1-\\beta_1^t},\\quad \\hat s_t = \\frac{s_t}{1-\\beta_2^t}',
      'w_t = w_{t-1} - \\alpha\\, \\frac{\\hat v_t}{\\sqrt{\\hat s_t} + \\varepsilon}',
    ]);
  });

  it('Adam without bias correction (the lecture’s first form) has no hat terms', () => {
    const text = joined(spec('adam', { bias_correction: false }));
    expect(text).not.toContain('\\hat');
    expect(text).not.toContain('^t');
    expect(text).toContain('w_t = w_{t-1} - \\alpha\\, \\frac{v_t}{\\sqrt{s_t} + \\varepsilon}');
  });

  it('Adam with weight decay adds λ w_{t−1} to the gradient before the moments', () => {
    const lines = updateRuleTex(spec('adam', { weight_decay: 0.1 }));
    expect(lines[0]).toBe('\\tilde g_t = g_t + \\lambda\\, w_{t-1}');
    expect(lines[1]).toContain('(1-\\beta_1)\\, \\tilde g_t');
    expect(lines[2]).toContain('\\tilde g_t^2');
    expect(joined(spec('adam'))).not.toContain('\\lambda');
  });

  it('AdamW decays the weight beside the Adam step, not through the gradient', () => {
    const lines = updateRuleTex(spec('adamw'));
    expect(lines.at(-1)).toBe(
      'w_t = w_{t-1} - \\alpha \\left(\\frac{\\hat v_t}{\\sqrt{\\hat s_t} + \\varepsilon} + \\lambda\\, w_{t-1}\\right)',
    );
    expect(lines.join('\n')).not.toContain('\\tilde g');
  });

  it('Adagrad sums the squared gradients', () => {
    expect(updateRuleTex(spec('adagrad'))).toEqual([
      's_t = s_{t-1} + g_t^2',
      'w_t = w_{t-1} - \\alpha\\, \\frac{g_t}{\\sqrt{s_t} + \\varepsilon}',
    ]);
  });

  it('uses the lecture’s symbols: α for the learning rate and ε as \\varepsilon', () => {
    for (const [, s] of VARIANTS) {
      const text = joined(s);
      expect(text).toContain('\\alpha');
      expect(text).not.toContain('\\epsilon');
      expect(text).not.toMatch(/\blr\b|\\eta/);
    }
  });
});

describe('every formula renders with KaTeX', () => {
  it.each(VARIANTS)('%s: rule, hyperparameters and value symbols', (_, s) => {
    const symbols = Object.values(valueSymbols(s)).filter((x): x is string => x !== null);
    for (const tex of [...updateRuleTex(s), ...hyperparametersTex(s), ...symbols]) {
      expect(() => katex.renderToString(tex, { throwOnError: true }), tex).not.toThrow();
      expect(katex.renderToString(tex, { throwOnError: false })).not.toContain('katex-error');
    }
  });
});

describe('the values beside a rule', () => {
  const bowl = getPresetLandscape('bowl')!;

  it.each(VARIANTS)('%s: a symbol for exactly the buffers the core reports', (_, s) => {
    const race = createRace(bowl, [-1.5, 1], [{ label: 'r', color: '#fff', optimizer: s }]);
    runRace(race, 3);
    const report = runnerReport(race.runners[0]!)!;
    const symbols = valueSymbols(s);
    expect(symbols.firstMoment !== null, 'first moment').toBe(report.firstMoment !== null);
    expect(symbols.secondMoment !== null, 'second moment').toBe(report.secondMoment !== null);
    expect(symbols.biasCorrection1 !== null, '1−β₁ᵗ').toBe(report.biasCorrection1 !== null);
    expect(symbols.biasCorrection2 !== null, '1−β₂ᵗ').toBe(report.biasCorrection2 !== null);
  });

  it('the shown rule, fed the shown values, gives the step the core took', () => {
    const stepOf = (s: OptimizerSpec) => {
      const race = createRace(bowl, [-1.5, 1], [{ label: 'r', color: '#fff', optimizer: s }]);
      runRace(race, 4);
      return runnerReport(race.runners[0]!)!;
    };
    // Adam: Δw = −α·v̂/(√ŝ + ε) with v̂ = v/(1−β₁ᵗ), ŝ = s/(1−β₂ᵗ).
    const adam = spec('adam', { lr: 0.1 }) as OptimizerSpec & { eps: number };
    const a = stepOf(adam);
    for (const i of [0, 1]) {
      const vHat = a.firstMoment![i]! / a.biasCorrection1!;
      const sHat = a.secondMoment![i]! / a.biasCorrection2!;
      expect(a.step[i]).toBeCloseTo((-0.1 * vHat) / (Math.sqrt(sHat) + adam.eps), 12);
    }
    // Momentum as a bias-corrected moving average: Δw = −α·v/(1−βᵗ).
    const m = stepOf(spec('momentum', { lr: 0.1, bias_correction: true }));
    for (const i of [0, 1]) {
      expect(m.step[i]).toBeCloseTo((-0.1 * m.firstMoment![i]!) / m.biasCorrection1!, 12);
    }
    // RMSProp: Δw = −α·g/(√s + ε).
    const r = stepOf(spec('rmsprop', { lr: 0.1 }));
    for (const i of [0, 1]) {
      expect(r.step[i]).toBeCloseTo((-0.1 * r.g[i]!) / (Math.sqrt(r.secondMoment![i]!) + 1e-8), 12);
    }
  });

  it('name the moments as the rule does: v_t for averages, b_t for PyTorch’s buffers', () => {
    expect(valueSymbols(spec('momentum')).firstMoment).toBe('v_t');
    expect(valueSymbols(spec('momentum', { ema: false })).firstMoment).toBe('b_t');
    expect(valueSymbols(spec('adam')).firstMoment).toBe('v_t');
    expect(valueSymbols(spec('adam')).secondMoment).toBe('s_t');
    expect(valueSymbols(spec('rmsprop', { centered: true })).gradientMean).toBe('\\bar g_t');
    expect(valueSymbols(spec('momentum', { bias_correction: true })).biasCorrection1).toBe(
      '1-\\beta^t',
    );
  });

  it('every symbol of a rule’s values appears in the rule', () => {
    for (const [, s] of VARIANTS) {
      const text = joined(s);
      const { firstMoment, secondMoment, gradientMean } = valueSymbols(s);
      for (const symbol of [firstMoment, secondMoment, gradientMean]) {
        if (symbol) expect(text).toContain(symbol);
      }
    }
  });
});

describe('hyperparameters and sources', () => {
  it('list the symbols the rule uses with their PyTorch names', () => {
    expect(hyperparametersTex(spec('adam'))).toEqual([
      '\\alpha = 0.01',
      '\\beta_1 = 0.9',
      '\\beta_2 = 0.999',
      '\\varepsilon = 10^{-8}',
    ]);
    expect(hyperparameterSymbols(spec('momentum', { ema: false })).map((h) => h.key)).toEqual([
      'lr',
      'momentum',
      'dampening',
    ]);
    expect(hyperparameterSymbols(spec('adamw')).map((h) => h.symbol)).toContain('λ');
  });

  it('say whether the rule is the lecture’s and which torch.optim call it matches', () => {
    expect(formulaSource(spec('momentum'))).toEqual({ lecture: true, torch: null });
    expect(formulaSource(spec('momentum', { ema: false })).torch).toBe('torch.optim.SGD');
    expect(formulaSource(spec('adam'))).toEqual({ lecture: true, torch: 'torch.optim.Adam' });
    expect(formulaSource(spec('adam', { bias_correction: false })).torch).toBeNull();
    expect(formulaSource(spec('rmsprop', { centered: true })).lecture).toBe(false);
  });
});

describe('numbers', () => {
  it('TeX numbers: decimals in the middle range, powers of ten outside it', () => {
    expect(texNumber(0.01)).toBe('0.01');
    expect(texNumber(0.999)).toBe('0.999');
    expect(texNumber(1e-8)).toBe('10^{-8}');
    expect(texNumber(3e-5)).toBe('3 \\cdot 10^{-5}');
    expect(texNumber(2.5e6)).toBe('2.5 \\cdot 10^{6}');
    expect(texNumber(0)).toBe('0');
  });

  it('live values have 4 significant digits and a true minus sign', () => {
    expect(formatValue(1.23456)).toBe('1.235');
    expect(formatValue(-0.0123456)).toBe('−0.01235');
    expect(formatValue(12345.6)).toBe('12350');
    expect(formatValue(1.23456e-8)).toBe('1.235e−8');
    expect(formatValue(2e7)).toBe('2e7');
    expect(formatValue(0)).toBe('0');
    expect(formatValue(Number.NaN)).toBe('—');
    expect(formatPair([0.5, -2])).toBe('(0.5, −2)');
  });

  it('superscripts exponents', () => {
    expect(superscript(-12)).toBe('⁻¹²');
    expect(superscript(3)).toBe('³');
  });
});
