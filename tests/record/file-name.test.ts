import { describe, expect, it } from 'vitest';
import { clipFileName, liveFileName, slug, snapshotFileName } from '../../src/record/file-name';

describe('export file names', () => {
  it('name a clip after the landscape, size and frame rate', () => {
    const parts = { scene: null, landscapeId: 'rosenbrock', width: 1280, height: 720 };
    expect(clipFileName(parts, 60, 'mp4')).toBe('race-rosenbrock-1280x720-60fps.mp4');
    expect(clipFileName(parts, 30, '.webm')).toBe('race-rosenbrock-1280x720-30fps.webm');
  });

  it('prefer the scene to the landscape', () => {
    const parts = { scene: 'adam-bias', landscapeId: 'bowl', width: 640, height: 360 };
    expect(clipFileName(parts, 30, 'mp4')).toBe('race-adam-bias-640x360-30fps.mp4');
    expect(snapshotFileName(parts, 240)).toBe('race-adam-bias-640x360-step240.png');
    expect(liveFileName(parts)).toBe('race-adam-bias-live.webm');
  });

  it('keep only safe characters', () => {
    expect(slug('Six-Hump Camel (x²)')).toBe('six-hump-camel-x2');
    expect(slug('Овраг')).toBe('custom');
    expect(slug('../../etc/passwd')).toBe('etc-passwd');
    expect(slug('a'.repeat(80))).toHaveLength(40);
  });
});
