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

/** Feature counts as parallel arrays, in the order the features were first counted. */
export interface FeatureList {
  ids: Int32Array;
  counts: Float64Array;
}

/** A weighted vector (parallel arrays, in the counts' order) with its norms: over all features and the anchors alone. */
export interface Vector {
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
  anchorNorm: number;
}

/** IDF times the feature kind's boost. */
export function featureWeight(id: FeatureId, name: string, idf: IdfSnapshot): number {
  return Math.log(1 + (idf.docs + IDF_PRIOR) / ((idf.df[id] ?? 0) + 1)) * (KIND_BOOST[name[0]!] ?? 1);
}

/** TF-IDF vector of feature counts, sublinear in counts; `weightOf` gives a feature's IDF × kind boost. */
export function weigh(ids: ArrayLike<FeatureId>, counts: ArrayLike<number>, weightOf: (id: FeatureId) => number): Vector {
  const keptIds = new Int32Array(ids.length);
  const weights = new Float64Array(ids.length);
  let n = 0;
  let norm = 0;
  let anchorNorm = 0;
  for (let i = 0; i < ids.length; i++) {
    const c = counts[i]!;
    if (c <= 0) continue;
    const f = ids[i]!;
    const w = (1 + Math.log(c)) * weightOf(f);
    keptIds[n] = f;
    weights[n++] = w;
    norm += w * w;
    if (isAnchorId(f)) anchorNorm += w * w;
  }
  return { ids: keptIds.subarray(0, n), weights: weights.subarray(0, n), norm: Math.sqrt(norm), anchorNorm: Math.sqrt(anchorNorm) };
}

/** Cross-lingual pairs share only anchors, so the anchor-only cosine (slightly discounted) also counts. */
export const ANCHOR_DISCOUNT = 0.9;

/** Weights by feature id, zero where absent (weights are positive): lookups without hashing. */
let dense = new Float64Array(1024);

function scatter(v: Vector): void {
  for (let i = 0; i < v.ids.length; i++) {
    const f = v.ids[i]!;
    if (f >= dense.length) {
      const grown = new Float64Array(Math.max(f + 1, dense.length * 2));
      grown.set(dense);
      dense = grown;
    }
    dense[f] = v.weights[i]!;
  }
}

function unscatter(v: Vector): void {
  for (let i = 0; i < v.ids.length; i++) dense[v.ids[i]!] = 0;
}

/** Cosine over all features and over anchors; the smaller vector is walked in its own order (sums stay bit-exact). */
export function similarity(a: Vector, b: Vector): number {
  let dot = 0;
  let anchorDot = 0;
  const [small, large] = a.ids.length <= b.ids.length ? [a, b] : [b, a];
  scatter(large);
  for (let i = 0; i < small.ids.length; i++) {
    const f = small.ids[i]!;
    const o = dense[f]!;
    if (o === 0) continue;
    const w = small.weights[i]!;
    dot += w * o;
    if (isAnchorId(f)) anchorDot += w * o;
  }
  unscatter(large);
  const all = dot ? dot / (a.norm * b.norm) : 0;
  const anchors = anchorDot ? anchorDot / (a.anchorNorm * b.anchorNorm) : 0;
  return Math.max(all, ANCHOR_DISCOUNT * anchors);
}
