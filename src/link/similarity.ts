// Weighted feature vectors and their cosine; language-independent features are also compared on their own.
import type { FeatureCounts } from '../model.js';

/** How much one feature of each kind counts, before IDF. Names and concepts carry events across languages. */
const KIND_BOOST: Record<string, number> = { E: 2, P: 1, K: 1.5, N: 1, Y: 0.5, W: 1 };
/** Pseudo-documents added to the corpus size, so that a small corpus does not make common words look rare. */
const IDF_PRIOR = 20;

export interface Idf {
  docs: number;
  df: (feature: string) => number;
}

export type Vector = Map<string, number>;

export function kindOf(feature: string): string {
  return feature.slice(0, feature.indexOf(':'));
}

export function isAnchor(feature: string): boolean {
  return !feature.startsWith('W:');
}

export function idfWeight(feature: string, idf: Idf): number {
  return Math.log(1 + (idf.docs + IDF_PRIOR) / (idf.df(feature) + 1));
}

/** TF-IDF vector of feature counts, sublinear in counts. */
export function weigh(counts: FeatureCounts | Map<string, number>, idf: Idf): Vector {
  const v: Vector = new Map();
  const entries = counts instanceof Map ? counts.entries() : Object.entries(counts);
  for (const [f, c] of entries) {
    if (c <= 0) continue;
    v.set(f, (1 + Math.log(c)) * idfWeight(f, idf) * (KIND_BOOST[kindOf(f)] ?? 1));
  }
  return v;
}

function cosineWhere(a: Vector, b: Vector, keep: (f: string) => boolean): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [f, w] of a) {
    if (!keep(f)) continue;
    na += w * w;
    const o = b.get(f);
    if (o !== undefined) dot += w * o;
  }
  if (dot === 0) return 0;
  for (const [f, w] of b) if (keep(f)) nb += w * w;
  return dot / Math.sqrt(na * nb);
}

const all = (): boolean => true;

/** Cross-lingual pairs share only anchors, so the anchor-only cosine (slightly discounted) also counts. */
export const ANCHOR_DISCOUNT = 0.9;

export function similarity(a: Vector, b: Vector): number {
  return Math.max(cosineWhere(a, b, all), ANCHOR_DISCOUNT * cosineWhere(a, b, isAnchor));
}
