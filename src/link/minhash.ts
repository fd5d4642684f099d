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
const A = Array.from({ length: MINHASH_SIZE }, () => rand() | 1);
const B = Array.from({ length: MINHASH_SIZE }, () => rand());

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Each word is hashed once; a shingle's hash mixes its words' hashes in order (no joined strings). */
function shingleHashes(w: string[]): Uint32Array {
  const words = Uint32Array.from(w, fnv1a);
  const n = Math.max(1, w.length - SHINGLE + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < Math.min(i + SHINGLE, words.length); j++) h = Math.imul(h ^ words[j]!, 0x01000193) ^ (h >>> 15);
    out[i] = h >>> 0;
  }
  return out;
}

/** The MinHash signature of a text's 5-word shingles, from its words (case and accents folded). */
export function minhashSignature(w: string[]): number[] {
  const sig = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const h of shingleHashes(w)) {
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const v = (Math.imul(A[k]!, h) + B[k]!) >>> 0;
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
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
