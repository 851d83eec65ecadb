import { describe, expect, it } from 'vitest';
import { defaultSpec, type OptimizerSpec } from '../../src/core';
import { candidateCodecs } from '../../src/record/codecs';
import { keyHyperparameters } from '../../src/record/overlay-content';

describe('codec fallback order', () => {
  it('tries H.264, then VP9, AV1 and VP8 for MP4', () => {
    expect(candidateCodecs('mp4')).toEqual(['avc', 'vp9', 'av1', 'vp8']);
  });

  it('tries VP9, then AV1, then VP8 for WebM (which cannot hold H.264)', () => {
    expect(candidateCodecs('webm')).toEqual(['vp9', 'av1', 'vp8']);
  });
});

describe('the legend of a clip', () => {
  const spec = (kind: OptimizerSpec['kind'], extra: Partial<OptimizerSpec> = {}) =>
    ({ ...defaultSpec(kind), lr: 0.2, ...extra }) as OptimizerSpec;

  it('names the hyperparameters the lecture talks about', () => {
    expect(keyHyperparameters(spec('sgd'))).toBe('lr 0.2');
    expect(keyHyperparameters(spec('momentum'))).toBe('lr 0.2 · β 0.9');
    expect(keyHyperparameters(spec('nesterov'))).toBe('lr 0.2 · μ 0.9');
    expect(keyHyperparameters(spec('adam'))).toBe('lr 0.2 · β₁ 0.9 · β₂ 0.999');
    expect(keyHyperparameters(spec('rmsprop'))).toBe('lr 0.2 · α 0.99');
    expect(keyHyperparameters(spec('adamw'))).toBe('lr 0.2 · β₁ 0.9 · β₂ 0.999 · λ 0.01');
  });
});
