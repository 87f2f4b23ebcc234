// Common random numbers: the uniform that decides whether a user clicks an ad depends only on
// (stream seed, day, query index, ad id), never on the policy, so two policies that show the same
// ad to the same query draw the same uniform (a click happens iff uniform < click probability).
import { hashString } from '../rng.ts';

/** 2^-32. */
const INV32 = 1 / 4294967296;

/** The 32-bit finaliser of MurmurHash3: a bijective avalanche mix. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit key made from a seed string (the first word of its cyrb128 hash). */
export function seedKey(seed: string): number {
  return hashString(seed)[0];
}

/** A uniform number in [0, 1) determined by (key, a, b, c) alone. */
export function hashUniform(key: number, a: number, b: number, c: number): number {
  let h = fmix32(key ^ Math.imul(a + 1, 0x9e3779b1));
  h = fmix32(h ^ Math.imul(b + 1, 0x85ebca77));
  h = fmix32(h ^ Math.imul(c + 1, 0xc2b2ae3d));
  return h * INV32;
}
