// Weighted feature vectors and their cosine; language-independent features are also compared on their own.
import { isAnchorId, type FeatureId } from './state.js';

/** How much one feature of each kind counts, before IDF. Names and concepts carry events across languages. */
const KIND_BOOST: Record<string, number> = { E: 2, P: 1, K: 1.5, N: 1, Y: 0.5, W: 1 };
/** Pseudo-documents added to the corpus size, so that a small corpus does not make common words look rare. */
const IDF_PRIOR = 20;

/** Document frequencies (by feature id) frozen at one moment: an IDF epoch, so that cluster vectors can be cached. */
export interface IdfSnapshot {
  docs: number;
  df: number[];
}

/** A weighted vector with its norms precomputed: over all features and over the anchors alone. */
export interface Vector {
  weights: Map<FeatureId, number>;
  norm: number;
  anchorNorm: number;
}

/** IDF times the feature kind's boost. */
export function featureWeight(id: FeatureId, name: string, idf: IdfSnapshot): number {
  return Math.log(1 + (idf.docs + IDF_PRIOR) / ((idf.df[id] ?? 0) + 1)) * (KIND_BOOST[name[0]!] ?? 1);
}

/** TF-IDF vector of feature counts, sublinear in counts; `weightOf` gives a feature's IDF × kind boost. */
export function weigh(counts: Map<FeatureId, number>, weightOf: (id: FeatureId) => number): Vector {
  const weights = new Map<FeatureId, number>();
  let norm = 0;
  let anchorNorm = 0;
  for (const [f, c] of counts) {
    if (c <= 0) continue;
    const w = (1 + Math.log(c)) * weightOf(f);
    weights.set(f, w);
    norm += w * w;
    if (isAnchorId(f)) anchorNorm += w * w;
  }
  return { weights, norm: Math.sqrt(norm), anchorNorm: Math.sqrt(anchorNorm) };
}

/** Cross-lingual pairs share only anchors, so the anchor-only cosine (slightly discounted) also counts. */
export const ANCHOR_DISCOUNT = 0.9;

export function similarity(a: Vector, b: Vector): number {
  let dot = 0;
  let anchorDot = 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  for (const [f, w] of small.weights) {
    const o = large.weights.get(f);
    if (o === undefined) continue;
    dot += w * o;
    if (isAnchorId(f)) anchorDot += w * o;
  }
  const all = dot ? dot / (a.norm * b.norm) : 0;
  const anchors = anchorDot ? anchorDot / (a.anchorNorm * b.anchorNorm) : 0;
  return Math.max(all, ANCHOR_DISCOUNT * anchors);
}
