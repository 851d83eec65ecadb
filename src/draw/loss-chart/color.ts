/**
 * Relative luminance (WCAG, 0 black … 1 white) of a CSS hex colour (#rgb or #rrggbb) or
 * `black`, or null for any other colour text.
 */
export function luminance(color: string): number | null {
  if (color.trim().toLowerCase() === 'black') return 0;
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  const channel = (k: number) => {
    const c = parseInt(hex.slice(2 * k, 2 * k + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/**
 * True for colours that vanish on the chart's dark background (the lecture's black Adam, a
 * maroon): their lines get a light outline.
 */
export function needsLightOutline(color: string): boolean {
  const l = luminance(color);
  return l !== null && l < 0.1;
}
