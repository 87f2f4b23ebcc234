// Tokenising and hashing text for hashed features: FNV-1a 32-bit over the token's UTF-8 bytes.

/** FNV-1a 32-bit offset basis and prime (Fowler–Noll–Vo, http://www.isthe.com/chongo/tech/comp/fnv/). */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** One FNV-1a step: xor a byte into the hash, multiply by the prime (mod 2³²). */
export function fnvStep(h: number, byte: number): number {
  return Math.imul(h ^ (byte & 0xff), FNV_PRIME) >>> 0;
}

/** FNV-1a 32-bit hash of a string's UTF-8 bytes, as an unsigned integer (fnv1a32("a") = 0xe40c292c). */
export function fnv1a32(s: string, h = FNV_OFFSET): number {
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) h = fnvStep(h, c);
    else if (c < 0x800) {
      h = fnvStep(h, 0xc0 | (c >> 6));
      h = fnvStep(h, 0x80 | (c & 63));
    } else if (c < 0x10000) {
      h = fnvStep(h, 0xe0 | (c >> 12));
      h = fnvStep(h, 0x80 | ((c >> 6) & 63));
      h = fnvStep(h, 0x80 | (c & 63));
    } else {
      h = fnvStep(h, 0xf0 | (c >> 18));
      h = fnvStep(h, 0x80 | ((c >> 12) & 63));
      h = fnvStep(h, 0x80 | ((c >> 6) & 63));
      h = fnvStep(h, 0x80 | (c & 63));
    }
  }
  return h >>> 0;
}

/** Lower-case words and numbers of a text: "Flights to Lisbon from $49" → [flights, to, lisbon, from, 49]. */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** Bucket of a token hash in a block of `buckets` columns. */
export function bucketOf(hash: number, buckets: number): number {
  return hash % buckets;
}

/** Hash of (query token, ad category): one more FNV-1a step over the category code byte. */
export function crossHash(tokenHash: number, adCat: number): number {
  return fnvStep(tokenHash, adCat);
}
