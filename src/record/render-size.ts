/** A video frame size in pixels. */
export interface FrameSize {
  width: number;
  height: number;
}

/** The resolutions the export dialog offers, smallest first. */
export const RESOLUTIONS: readonly FrameSize[] = [
  { width: 640, height: 360 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];

/** Custom sizes stay within what encoders and WebGL canvases accept everywhere. */
export const SIZE_LIMITS = { min: 64, max: 4096 } as const;

/** "1280x720" → { width: 1280, height: 720 }; null for anything else. */
export function parseResolution(text: string): FrameSize | null {
  const m = /^(\d{1,5})x(\d{1,5})$/.exec(text.trim());
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
}

/** { width: 1280, height: 720 } → "1280x720". */
export function resolutionText(size: FrameSize): string {
  return `${size.width}x${size.height}`;
}

/**
 * Why a frame size cannot be encoded, or null. H.264 (and the 4:2:0 chroma of every codec here)
 * needs even sides.
 */
export function sizeProblem(size: FrameSize): 'not-even' | 'out-of-range' | null {
  const { width, height } = size;
  if (!Number.isInteger(width) || !Number.isInteger(height)) return 'not-even';
  if (Math.min(width, height) < SIZE_LIMITS.min || Math.max(width, height) > SIZE_LIMITS.max)
    return 'out-of-range';
  if (width % 2 !== 0 || height % 2 !== 0) return 'not-even';
  return null;
}

const SCALES = [4, 3, 2.5, 2, 1.5, 1.25] as const;

/**
 * The pixel ratio to render a frame at: the 3D view is laid out at (width / k) × (height / k) CSS
 * pixels and drawn at k device pixels per CSS pixel, so trails, balls and lines keep the weight
 * they have in the live view at about 720 CSS pixels high instead of turning hairline at 4K.
 * k is the largest of 4, 3, 2.5, 2, 1.5, 1.25 not above height / 720 that divides both sides
 * exactly (three.js floors width · k, so the canvas comes out exactly width × height); else 1.
 */
export function renderScale(size: FrameSize): number {
  const target = size.height / 720;
  for (const k of SCALES) {
    if (k > target) continue;
    const w = size.width / k;
    const h = size.height / k;
    if (
      Number.isInteger(w) &&
      Number.isInteger(h) &&
      Math.floor(w * k) === size.width &&
      Math.floor(h * k) === size.height
    )
      return k;
  }
  return 1;
}
