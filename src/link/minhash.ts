// MinHash over word shingles and LSH banding: near-duplicate search for syndicated copies.
// Written here because it is a few lines of arithmetic; the npm packages for it are unmaintained.

export const MINHASH_SIZE = 64;
export const LSH_BANDS = 16;
const ROWS = MINHASH_SIZE / LSH_BANDS;
const SHINGLE = 5;

/** mulberry32: a small seeded generator of 32-bit integers. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const rand = mulberry32(0x5eed);
// Typed arrays keep the coefficients and the running minima unboxed 32-bit integers in the inner loop.
const A = Int32Array.from({ length: MINHASH_SIZE }, () => rand() | 1);
const B = Int32Array.from({ length: MINHASH_SIZE }, () => rand() | 0);
/** Flipping the sign bit turns unsigned order into signed order: the minima are kept as int32 with it flipped. */
const SIGN = -0x80000000;

/** FNV-1a of a word: the unit every shingle hash is mixed from. */
export function wordHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A shingle's hash mixes its words' hashes in order (no joined strings). */
function shingleHashes(words: ArrayLike<number>): Int32Array {
  const n = Math.max(1, words.length - SHINGLE + 1);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < Math.min(i + SHINGLE, words.length); j++) h = Math.imul(h ^ words[j]!, 0x01000193) ^ (h >>> 15);
    out[i] = h;
  }
  return out;
}

/**
 * The MinHash signature of a text's 5-word shingles, from the wordHash of each of its words (case and accents folded):
 * a word's hash is worked out once, with the rest of what is known of it.
 */
export function minhashSignature(wordHashes: ArrayLike<number>): number[] {
  const low = new Int32Array(MINHASH_SIZE).fill(0x7fffffff);
  for (const h of shingleHashes(wordHashes)) {
    for (let k = 0; k < MINHASH_SIZE; k++) {
      // (A·h + B) mod 2^32, all in int32 arithmetic.
      const v = ((Math.imul(A[k]!, h) + B[k]!) | 0) ^ SIGN;
      if (v < low[k]!) low[k] = v;
    }
  }
  const signature: number[] = [];
  for (let k = 0; k < MINHASH_SIZE; k++) signature.push((low[k]! ^ SIGN) >>> 0);
  return signature;
}

/** Estimated Jaccard similarity of two signatures. */
export function estimatedJaccard(a: number[], b: number[]): number {
  let same = 0;
  for (let k = 0; k < MINHASH_SIZE; k++) if (a[k] === b[k]) same++;
  return same / MINHASH_SIZE;
}

/** The LSH band keys of a signature: texts sharing any band are candidates. */
export function bandKeys(sig: number[]): string[] {
  const keys: string[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    // Built by concatenation: the same key as joining the band's rows with '.', without a slice per band.
    let key = `${b}:${sig[b * ROWS]}`;
    for (let r = 1; r < ROWS; r++) key += `.${sig[b * ROWS + r]}`;
    keys.push(key);
  }
  return keys;
}
