import { describe, expect, it } from 'vitest';
import {
  defaultSpec,
  getPresetLandscape,
  HYPERPARAMETERS,
  OPTIMIZER_KINDS,
  suggestedLearningRate,
  type OptimizerSpec,
} from '../../src/core';
import { formatFieldValue } from '../../src/draw/format';
import {
  hyperDefinition,
  hyperInactive,
  hyperSymbol,
  LR_SLIDER_MAX,
  lrToSlider,
  moreSummary,
  rangeText,
  readHyperField,
  readLabel,
  secondaryHypers,
  sliderToLr,
  specForKind,
  toHexColor,
  withHyper,
} from '../../src/ui/runners/runner-fields';

const lr = hyperDefinition('adam', 'lr');
const beta1 = hyperDefinition('adam', 'beta1');
const eps = hyperDefinition('adam', 'eps');
const positions = Array.from({ length: LR_SLIDER_MAX + 1 }, (_, p) => p);

describe('the learning-rate slider', () => {
  it('runs on a log scale from 1e-6 to 10', () => {
    expect(sliderToLr(0)).toBe(1e-6);
    expect(sliderToLr(LR_SLIDER_MAX)).toBe(10);
    // Equal distances on the slider are equal ratios of the rate: one decade every 10 positions.
    expect(sliderToLr(40)).toBe(0.01);
    expect(sliderToLr(50)).toBe(0.1);
    expect(sliderToLr(60)).toBe(1);
  });

  it('lands only on round rates, exactly as typed (no 0.30000000000000004)', () => {
    for (const p of positions) {
      const rate = sliderToLr(p);
      expect(formatFieldValue(rate)).toMatch(/^(\d+(\.\d)?(e-\d)?|0\.0*\d{1,2})$/);
      expect(Number(formatFieldValue(rate))).toBe(rate);
    }
    expect(sliderToLr(38)).toBe(0.006);
    expect(sliderToLr(11)).toBe(0.000012);
  });

  it('grows with every step, by 10 % to 33 %', () => {
    for (const p of positions.slice(1)) {
      const ratio = sliderToLr(p) / sliderToLr(p - 1);
      expect(ratio).toBeGreaterThan(1.1);
      expect(ratio).toBeLessThan(1.34);
    }
  });

  it('shows every slider rate at its own position, and any other rate at the nearest one', () => {
    for (const p of positions) expect(lrToSlider(sliderToLr(p))).toBe(p);
    expect(sliderToLr(lrToSlider(0.0137))).toBe(0.015);
    expect(sliderToLr(lrToSlider(0.00105))).toBe(0.001);
    expect(sliderToLr(lrToSlider(0.0033))).toBe(0.003);
  });

  it('pins rates beyond its range to its ends', () => {
    expect(lrToSlider(1e-9)).toBe(0);
    expect(lrToSlider(500)).toBe(LR_SLIDER_MAX);
    expect(lrToSlider(0)).toBe(0);
    expect(lrToSlider(Number.NaN)).toBe(0);
    expect(sliderToLr(-3)).toBe(1e-6);
    expect(sliderToLr(LR_SLIDER_MAX + 5)).toBe(10);
  });
});

describe('how a field shows a value', () => {
  it('reads back as the same number', () => {
    for (const v of [0.01, 1e-8, 1.5e-5, 1e6, 0.123456789, 12345.5])
      expect(readHyperField(lr, formatFieldValue(v))).toEqual({ ok: true, value: v });
  });

  it('writes ranges in interval notation, open bounds with round brackets', () => {
    expect(rangeText(lr)).toBe('(0, 1e6]');
    expect(rangeText(beta1)).toBe('[0, 1)');
    expect(rangeText(eps)).toBe('[0, 1]');
    expect(rangeText(hyperDefinition('nesterov', 'momentum'))).toBe('(0, 1)');
  });
});

describe('reading a typed value', () => {
  it('takes plain decimal numbers, with a point or a decimal comma', () => {
    expect(readHyperField(lr, '0.05')).toEqual({ ok: true, value: 0.05 });
    expect(readHyperField(lr, ' 1e-3 ')).toEqual({ ok: true, value: 0.001 });
    expect(readHyperField(lr, '0,05')).toEqual({ ok: true, value: 0.05 });
    expect(readHyperField(beta1, '.9')).toEqual({ ok: true, value: 0.9 });
  });

  it('refuses text that is not a number', () => {
    for (const text of ['abc', '', ' ', '0x10', '1/2', '1,000,000', '1.2.3', 'Infinity', '5e'])
      expect(readHyperField(lr, text)).toEqual({ ok: false, problem: 'not-a-number' });
  });

  it('refuses a learning rate of zero or below, with the allowed range', () => {
    for (const text of ['-1', '0', '-0.01'])
      expect(readHyperField(lr, text)).toEqual({
        ok: false,
        problem: 'out-of-range',
        range: '(0, 1e6]',
      });
  });

  it('refuses β₁ = 1 (an open bound) but takes β₁ = 0 (a closed one)', () => {
    expect(readHyperField(beta1, '1')).toMatchObject({ ok: false, problem: 'out-of-range' });
    expect(readHyperField(beta1, '0')).toEqual({ ok: true, value: 0 });
    expect(readHyperField(eps, '1')).toEqual({ ok: true, value: 1 });
  });

  it('agrees with the core on every default: each one reads back as valid', () => {
    for (const kind of OPTIMIZER_KINDS)
      for (const h of HYPERPARAMETERS[kind].filter((d) => d.type === 'number'))
        expect(readHyperField(h, formatFieldValue(h.default as number))).toEqual({
          ok: true,
          value: h.default,
        });
  });

  it('takes a name trimmed, and refuses an empty one', () => {
    expect(readLabel('  Adam, lr 0.1 ')).toBe('Adam, lr 0.1');
    expect(readLabel('   ')).toBeNull();
  });
});

describe('the optimizer settings of a card', () => {
  it('labels hyperparameters with the lecture’s letters: β for SGD-momentum, μ for PyTorch’s momentum', () => {
    expect(hyperSymbol('momentum', 'momentum')).toBe('β');
    expect(hyperSymbol('nesterov', 'momentum')).toBe('μ');
    expect(hyperSymbol('rmsprop', 'alpha')).toBe('α');
    expect(hyperSymbol('adam', 'beta1')).toBe('β₁');
    expect(hyperSymbol('adam', 'beta2')).toBe('β₂');
    expect(hyperSymbol('adagrad', 'eps')).toBe('ε');
    expect(hyperSymbol('adamw', 'weight_decay')).toBe('λ');
    expect(hyperSymbol('momentum', 'dampening')).toBeNull();
  });

  it('lists every hyperparameter but the learning rate behind "more"', () => {
    expect(secondaryHypers('sgd')).toEqual([]);
    expect(secondaryHypers('adam').map((h) => h.key)).toEqual([
      'beta1',
      'beta2',
      'eps',
      'weight_decay',
      'bias_correction',
    ]);
    expect(moreSummary('adam')).toBe('β₁ β₂ ε λ …');
    expect(moreSummary('adamw')).toBe('β₁ β₂ ε λ');
    expect(moreSummary('momentum')).toBe('β …');
    expect(moreSummary('sgd')).toBe('');
  });

  it('greys out dampening in the lecture’s moving average and bias correction in PyTorch’s sum', () => {
    const ema = defaultSpec('momentum');
    const sum = withHyper(ema, 'ema', false);
    expect(hyperInactive(ema, 'dampening')).toBe(true);
    expect(hyperInactive(ema, 'bias_correction')).toBe(false);
    expect(hyperInactive(sum, 'dampening')).toBe(false);
    expect(hyperInactive(sum, 'bias_correction')).toBe(true);
    // Adam's bias correction always applies.
    expect(hyperInactive(defaultSpec('adam'), 'bias_correction')).toBe(false);
  });

  it('sets one hyperparameter and leaves the spec it came from alone', () => {
    const adam = defaultSpec('adam');
    const next = withHyper(adam, 'beta1', 0.5) as Extract<OptimizerSpec, { kind: 'adam' }>;
    expect(next.beta1).toBe(0.5);
    expect(next.beta2).toBe(0.999);
    expect((adam as typeof next).beta1).toBe(0.9);
  });

  it('switching kind gives that kind’s defaults and a rate suited to the landscape', () => {
    const rosenbrock = getPresetLandscape('rosenbrock')!;
    for (const kind of OPTIMIZER_KINDS) {
      const spec = specForKind(rosenbrock, kind);
      expect(spec).toEqual({ ...defaultSpec(kind), lr: suggestedLearningRate(rosenbrock, kind) });
    }
  });

  it('gives the colour picker #rrggbb whatever the runner’s colour text', () => {
    expect(toHexColor('#2ECC40')).toBe('#2ecc40');
    expect(toHexColor('#f0a')).toBe('#ff00aa');
    expect(toHexColor('red')).toBe('#000000');
  });
});
