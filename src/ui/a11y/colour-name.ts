import type { ColourName } from '../../i18n/a11y';

/**
 * The everyday name of a CSS hex colour (#rgb or #rrggbb), for saying which ball is which:
 * very dark is black, very light white, unsaturated grey, otherwise the hue's name.
 */
export function colourName(hex: string): ColourName {
  const digits = hex.trim().replace(/^#/, '');
  const full =
    digits.length === 3
      ? digits
          .split('')
          .map((d) => d + d)
          .join('')
      : digits.slice(0, 6);
  const value = Number.parseInt(full, 16);
  if (full.length !== 6 || Number.isNaN(value)) return 'grey';
  const r = ((value >> 16) & 255) / 255;
  const g = ((value >> 8) & 255) / 255;
  const b = (value & 255) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const chroma = max - min;
  if (lightness < 0.15) return 'black';
  if (chroma < 0.12) return lightness > 0.85 ? 'white' : lightness < 0.2 ? 'black' : 'grey';
  let hue: number;
  if (max === r) hue = ((g - b) / chroma + 6) % 6;
  else if (max === g) hue = (b - r) / chroma + 2;
  else hue = (r - g) / chroma + 4;
  hue *= 60;
  if (hue < 15 || hue >= 340) return 'red';
  if (hue < 42) return 'orange';
  if (hue < 68) return 'yellow';
  if (hue < 165) return 'green';
  if (hue < 195) return 'cyan';
  if (hue < 260) return 'blue';
  if (hue < 290) return 'purple';
  return 'pink';
}
