import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';

/**
 * How many distinct RGB colours a PNG screenshot holds. A blank canvas has one; a lit, shaded
 * scene has hundreds. The PNG is decoded by the page itself, so no image library is needed.
 */
export function countColours(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context to decode the screenshot');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    }
    return colours.size;
  }, png.toString('base64'));
}

/** An RGB colour, each channel 0–255. */
export type Rgb = [number, number, number];

/** A decoded picture: RGBA bytes, row by row from the top. */
export interface Picture {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/**
 * Decodes a PNG (bytes, or a data: URL) of 8-bit RGB or RGBA, not interlaced — what Chromium's
 * canvas encoder writes — with Node's zlib: the IDAT stream inflated, then each row unfiltered
 * (PNG spec §9: None, Sub, Up, Average, Paeth).
 */
export function decodePng(image: Uint8Array | string): Picture {
  const bytes =
    typeof image === 'string' ? Buffer.from(image.slice(image.indexOf(',') + 1), 'base64') : image;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let channels = 4;
  const data: Uint8Array[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      const [depth, colour, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0)
        throw new Error(
          `unsupported PNG: depth ${depth}, colour type ${colour}, interlace ${interlace}`,
        );
      channels = colour === 6 ? 4 : 3;
    } else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = rows.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? rows.subarray((y - 1) * stride, y * stride) : null;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[i - channels]! : 0;
      const b = up ? up[i]! : 0;
      const c = up && i >= channels ? up[i - channels]! : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[i] = (line[i]! + predictor) & 0xff;
    }
  }
  if (channels === 4) return { width, height, rgba: rows };
  const rgba = new Uint8Array(width * height * 4).fill(255);
  for (let k = 0; k < width * height; k++) rgba.set(rows.subarray(3 * k, 3 * k + 3), 4 * k);
  return { width, height, rgba };
}

/** The pixels of a picture within `radius` pixels of each point, as RGB (none outside it). */
export function pixelsAround(
  picture: Picture,
  points: readonly { x: number; y: number }[],
  radius: number,
): Rgb[][] {
  const { width, height, rgba } = picture;
  return points.map(({ x, y }) => {
    const found: Rgb[] = [];
    for (let j = Math.floor(y - radius); j <= Math.ceil(y + radius); j++) {
      for (let i = Math.floor(x - radius); i <= Math.ceil(x + radius); i++) {
        if (i < 0 || j < 0 || i >= width || j >= height) continue;
        if ((i - x) ** 2 + (j - y) ** 2 > radius * radius) continue;
        const k = 4 * (j * width + i);
        found.push([rgba[k]!, rgba[k + 1]!, rgba[k + 2]!]);
      }
    }
    return found;
  });
}

/** Euclidean distance between two RGB colours (0 … 441). */
export const rgbDistance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** `#rrggbb` as RGB. */
export const hexRgb = (hex: string): Rgb => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
];

/**
 * A screenshot of the 3D canvas alone: what it shows now, with every panel, caption and label over
 * it hidden for the moment (they take no part in what the renderer drew, and hiding them changes no
 * layout, so no frame is drawn meanwhile).
 */
export async function canvasShot(page: Page): Promise<Buffer> {
  const style = await page.addStyleTag({
    content:
      'body * { visibility: hidden !important; } canvas[data-testid="scene-canvas"] { visibility: visible !important; }',
  });
  try {
    return await page.locator('canvas[data-testid="scene-canvas"]').screenshot();
  } finally {
    await style.evaluate((element) => (element as Element).remove());
  }
}
