/**
 * A seeded pseudo-random generator (sfc32, Doty-Humphrey's Small Fast Counter) over plain data,
 * so a race with the same seed replays exactly and its state can be copied or serialised.
 */
export interface RandomState {
  a: number;
  b: number;
  c: number;
  d: number;
  /** The second normal of the last Box–Muller pair, not yet used. */
  spare: number | null;
}

/** A generator seeded from any integer (hashed by splitmix32 so nearby seeds differ fully). */
export function createRandom(seed: number): RandomState {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const r: RandomState = { a: next(), b: next(), c: next(), d: next(), spare: null };
  for (let i = 0; i < 12; i++) nextUint32(r);
  return r;
}

/** The next 32-bit unsigned integer of sfc32. */
export function nextUint32(r: RandomState): number {
  const t = (((r.a + r.b) | 0) + r.d) | 0;
  r.d = (r.d + 1) | 0;
  r.a = r.b ^ (r.b >>> 9);
  r.b = (r.c + (r.c << 3)) | 0;
  r.c = (r.c << 21) | (r.c >>> 11);
  r.c = (r.c + t) | 0;
  return t >>> 0;
}

/** A uniform number in (0, 1) with 53 random bits (never exactly 0, so log() is safe). */
export function nextUniform(r: RandomState): number {
  const hi = nextUint32(r) >>> 5; // 27 bits
  const lo = nextUint32(r) >>> 6; // 26 bits
  return (hi * 67108864 + lo + 0.5) / 9007199254740992;
}

/** A standard normal N(0, 1) by the Box–Muller transform: √(−2 ln u₁)·cos(2πu₂), then ·sin. */
export function nextNormal(r: RandomState): number {
  if (r.spare !== null) {
    const z = r.spare;
    r.spare = null;
    return z;
  }
  const radius = Math.sqrt(-2 * Math.log(nextUniform(r)));
  const angle = 2 * Math.PI * nextUniform(r);
  r.spare = radius * Math.sin(angle);
  return radius * Math.cos(angle);
}
