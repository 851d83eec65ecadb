/** Small 2D-canvas helpers for the overlays: fonts, wrapped text, panels. */
import { traceRunnerMarker } from '../draw/marker';

const FAMILY = 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';

/** A CSS font at `px` pixels. */
export function font(px: number, weight: 'normal' | 'bold' = 'normal'): string {
  return `${weight === 'bold' ? '600 ' : ''}${px.toFixed(1)}px ${FAMILY}`;
}

/**
 * Breaks `text` into lines no wider than `maxWidth` in the context's current font, at most
 * `maxLines` of them; a cut last line ends in "…".
 */
export function wrapLines(
  ctx: CanvasRenderingContext2D,
  text: string,
  maxWidth: number,
  maxLines: number,
): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < words.length; i++) {
    const next = line ? `${line} ${words[i]}` : words[i]!;
    if (ctx.measureText(next).width <= maxWidth || !line) {
      line = next;
      continue;
    }
    lines.push(line);
    line = words[i]!;
    if (lines.length === maxLines) break;
  }
  if (lines.length < maxLines) {
    if (line) lines.push(line);
    return lines;
  }
  // Out of lines: end the last one with an ellipsis that fits.
  let last = lines[maxLines - 1]!;
  while (last && ctx.measureText(`${last}…`).width > maxWidth) last = last.slice(0, -1);
  lines[maxLines - 1] = `${last.trimEnd()}…`;
  return lines;
}

/** Shortens `text` with "…" until it fits in `maxWidth`. */
export function fitText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  let cut = text;
  while (cut && ctx.measureText(`${cut}…`).width > maxWidth) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Fills (and optionally strokes) a rounded rectangle. */
export function panel(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  width: number,
  height: number,
  radius: number,
  fill: string,
  stroke?: { color: string; width: number },
): void {
  ctx.beginPath();
  ctx.roundRect(x, y, width, height, radius);
  ctx.fillStyle = fill;
  ctx.fill();
  if (stroke) {
    ctx.strokeStyle = stroke.color;
    ctx.lineWidth = stroke.width;
    ctx.stroke();
  }
}

/** A runner's swatch: its marker (by id) filled with its colour, edged in white. */
export function swatch(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  color: string,
  id: number,
) {
  traceRunnerMarker(ctx, id, x, y, r);
  ctx.fillStyle = color;
  ctx.fill();
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.7)';
  ctx.lineWidth = Math.max(1, r / 4);
  ctx.stroke();
}
