import { adamStep, adamwStep, biasCorrections } from './adam';
import type { OptimizerBuffers } from './buffers';
import type { OptimizerSpec } from './kinds';
import { adagradStep, rmspropStep } from './rmsprop';
import { momentumStep, nesterovStep, sgdStep } from './sgd';

/**
 * Takes one optimizer step in place over n parameters: b.t ← b.t + 1, then p ← update(p, g, b).
 * The same kernel serves one runner (n = 2) and a swarm (n = 2N), so both paths share the math.
 */
export function optimizerStep(
  spec: OptimizerSpec,
  p: Float64Array,
  g: Float64Array,
  b: OptimizerBuffers,
  n: number,
): void {
  b.t += 1;
  switch (spec.kind) {
    case 'sgd':
      return sgdStep(spec, p, g, b, n);
    case 'momentum':
      return momentumStep(spec, p, g, b, n);
    case 'nesterov':
      return nesterovStep(spec, p, g, b, n);
    case 'rmsprop':
      return rmspropStep(spec, p, g, b, n);
    case 'adam':
      return adamStep(spec, p, g, b, n);
    case 'adamw':
      return adamwStep(spec, p, g, b, n);
    case 'adagrad':
      return adagradStep(spec, p, g, b, n);
  }
}

/**
 * What the UI shows beside a runner's formula after step t: the gradient gₜ used (noise included),
 * the first-moment buffer (momentum b/v, Adam's m), the second-moment buffer (RMSProp's and Adam's
 * s, Adagrad's sum), the bias-correction factors 1−β₁ᵗ and 1−β₂ᵗ where the optimizer divides by
 * them, and the step actually taken Δw = wₜ − wₜ₋₁. A buffer the optimizer does not keep is null.
 */
export interface StepReport {
  t: number;
  g: [number, number];
  firstMoment: [number, number] | null;
  secondMoment: [number, number] | null;
  biasCorrection1: number | null;
  biasCorrection2: number | null;
  step: [number, number];
}

/** Builds the {@link StepReport} of a single runner (n = 2) from its buffers after a step. */
export function stepReport(
  spec: OptimizerSpec,
  b: OptimizerBuffers,
  g: Float64Array,
  before: Float64Array,
  after: Float64Array,
): StepReport {
  const pair = (a: Float64Array): [number, number] => [a[0]!, a[1]!];
  let firstMoment: [number, number] | null = null;
  let secondMoment: [number, number] | null = null;
  let biasCorrection1: number | null = null;
  let biasCorrection2: number | null = null;
  switch (spec.kind) {
    case 'momentum':
      if (spec.ema || spec.momentum > 0) firstMoment = pair(b.m);
      if (spec.ema && spec.bias_correction) biasCorrection1 = 1 - Math.pow(spec.momentum, b.t);
      break;
    case 'nesterov':
      firstMoment = pair(b.m);
      break;
    case 'rmsprop':
      secondMoment = pair(b.s);
      if (spec.momentum > 0) firstMoment = pair(b.m);
      break;
    case 'adam':
    case 'adamw':
      firstMoment = pair(b.m);
      secondMoment = pair(b.s);
      if (spec.kind === 'adamw' || spec.bias_correction) {
        [biasCorrection1, biasCorrection2] = biasCorrections(spec.beta1, spec.beta2, b.t);
      }
      break;
    case 'adagrad':
      secondMoment = pair(b.s);
      break;
    case 'sgd':
      break;
  }
  return {
    t: b.t,
    g: pair(g),
    firstMoment,
    secondMoment,
    biasCorrection1,
    biasCorrection2,
    step: [after[0]! - before[0]!, after[1]! - before[1]!],
  };
}
