import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDuration,
  formatFieldValue,
  formatLogTick,
  formatNumber,
  formatPair,
  formatPrecise,
  formatProbability,
  formatTick,
  superscript,
} from '../../src/draw/format';

describe('a live value (legend, formula panel, chart hint, burned-in legend)', () => {
  it('shows 4 significant digits between 0.001 and 100 000', () => {
    expect(formatNumber(1.23456)).toBe('1.235');
    expect(formatNumber(0.001)).toBe('0.001');
    expect(formatNumber(12345.6)).toBe('12350');
    expect(formatNumber(0.05)).toBe('0.05');
  });

  it('switches to exponent form for tiny and huge values, without "e+" or padding zeros', () => {
    expect(formatNumber(0.000123)).toBe('1.23e−4');
    expect(formatNumber(1.23456e-8)).toBe('1.235e−8');
    expect(formatNumber(1e5)).toBe('1e5');
    expect(formatNumber(2e7)).toBe('2e7');
  });

  it('writes a true minus sign, so −0.5 lines up with 0.5 in the legend', () => {
    expect(formatNumber(-0.0123456)).toBe('−0.01235');
    expect(formatNumber(-3e-9)).toBe('−3e−9');
  });

  it('shows a dash for a value that is not a number, and 0 as 0', () => {
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(Infinity)).toBe('—');
    expect(formatNumber(0)).toBe('0');
  });

  it('writes a gradient as a pair', () => {
    expect(formatPair([0.5, -2])).toBe('(0.5, −2)');
    expect(formatPair([1e-9, Number.NaN])).toBe('(1e−9, —)');
  });
});

describe('an editable number field', () => {
  it('writes plain decimals in the middle and exponents for tiny or huge values', () => {
    expect(formatFieldValue(0.01)).toBe('0.01');
    expect(formatFieldValue(0.999)).toBe('0.999');
    expect(formatFieldValue(0.0001)).toBe('0.0001');
    expect(formatFieldValue(1e-8)).toBe('1e-8');
    expect(formatFieldValue(1.5e-5)).toBe('1.5e-5');
    expect(formatFieldValue(1e6)).toBe('1e6');
    expect(formatFieldValue(0)).toBe('0');
  });

  it('hides binary noise but keeps every digit that was typed', () => {
    expect(formatFieldValue(0.1 + 0.2)).toBe('0.3');
    expect(formatFieldValue(0.123456789)).toBe('0.123456789');
    expect(formatFieldValue(-2.5)).toBe('-2.5');
  });

  it('reads back as the same number, in ASCII a field can parse', () => {
    for (const v of [0.01, -7.25, 1e-8, 1.5e-5, 1e6, 0.123456789, 12345.5, 0.05]) {
      const text = formatFieldValue(v);
      expect(text).toMatch(/^[-0-9.e]+$/);
      expect(Number(text)).toBe(v);
    }
  });
});

describe('the sigmoid & softmax view', () => {
  it('shows 7 significant digits, more than the race view', () => {
    expect(formatPrecise(Math.E)).toBe('2.718282');
    expect(formatPrecise(-0.5)).toBe('−0.5');
    expect(formatPrecise(1234567)).toBe('1.2346e6');
    expect(formatPrecise(Math.exp(-20))).toBe('2.0612e−9');
  });

  it('spells out overflow instead of hiding it', () => {
    expect(formatPrecise(Math.exp(1000))).toBe('∞');
    expect(formatPrecise(-Infinity)).toBe('−∞');
    expect(formatPrecise(Infinity / Infinity)).toBe('NaN');
  });

  it('prints probabilities as numpy does, 8 decimals', () => {
    expect(formatProbability(0.00554503)).toBe('0.00554503');
    expect(formatProbability(1)).toBe('1.00000000');
    expect(formatProbability(Number.NaN)).toBe('NaN');
  });
});

describe('the loss chart’s axis labels', () => {
  it('labels a linear axis with as many decimals as the tick step needs', () => {
    expect(formatTick(2.5, 0.5)).toBe('2.5');
    expect(formatTick(3, 0.5)).toBe('3.0');
    expect(formatTick(-4, 2)).toBe('−4');
    expect(formatTick(0, 2)).toBe('0');
  });

  it('labels tiny or huge linear ticks in exponent form', () => {
    expect(formatTick(2e-5, 2e-5)).toBe('2e−5');
    expect(formatTick(1.5e-4, 5e-5)).toBe('1.5e−4');
    expect(formatTick(3e6, 1e6)).toBe('3e6');
  });

  it('labels a log axis plainly near 1 and as powers of ten far from it', () => {
    expect(formatLogTick(1, 0)).toBe('1');
    expect(formatLogTick(1, -2)).toBe('0.01');
    expect(formatLogTick(5, 2)).toBe('500');
    expect(formatLogTick(1, -8)).toBe('10⁻⁸');
    expect(formatLogTick(2, 5)).toBe('2·10⁵');
  });

  it('superscripts exponents', () => {
    expect(superscript(-12)).toBe('⁻¹²');
    expect(superscript(3)).toBe('³');
  });
});

describe('the export’s progress and result', () => {
  it('shows time left as minutes and seconds', () => {
    expect(formatDuration(42)).toBe('0:42');
    expect(formatDuration(725.4)).toBe('12:05');
    expect(formatDuration(-3)).toBe('0:00');
  });

  it('shows a file size in kB below a megabyte, never 0 kB', () => {
    expect(formatBytes(840_000)).toBe('840 kB');
    expect(formatBytes(12)).toBe('1 kB');
    expect(formatBytes(12_400_000)).toBe('12.4 MB');
  });
});
