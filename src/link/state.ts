// The link stage's state: a feature dictionary, document frequencies, clusters (events and stories), fingerprints;
// persisted by the store.
import type { IdfSnapshot } from './similarity.js';

/** A feature's id: anchors (names, places, concepts, numbers, years) are even, word stems odd. */
export type FeatureId = number;

export interface Cluster {
  id: string;
  /** For events, the story they belong to; for stories, null. */
  storyId: string | null;
  /** Feature counts, in a stable order (pruning keeps the first of equal counts). */
  counts: Centroid;
  size: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Order of creation, for stable tie-breaking. */
  seq: number;
}

/**
 * A cluster's feature counts as parallel arrays, the first `size` slots in use: typed arrays of a fixed capacity
 * are updated in place, where a Map rebuilt at every cut left a dead Map in the old generation per article.
 */
export interface Centroid {
  ids: Int32Array;
  counts: Float64Array;
  size: number;
}

/** Features kept per cluster centroid: enough to describe it, bounded so clusters stay cheap to compare. */
export const CENTROID_FEATURES = 160;
/** A centroid grown past this many features is cut back to CENTROID_FEATURES: the capacity every centroid has. */
export const PRUNE_AT = CENTROID_FEATURES * 1.5;

export function emptyCentroid(): Centroid {
  return { ids: new Int32Array(PRUNE_AT), counts: new Float64Array(PRUNE_AT), size: 0 };
}

/** A centroid of the flat pairs [id, count, id, count, …], in their order. */
export function centroidOf(flat: number[]): Centroid {
  const size = flat.length >> 1;
  const capacity = Math.max(size, PRUNE_AT);
  const c: Centroid = { ids: new Int32Array(capacity), counts: new Float64Array(capacity), size };
  for (let i = 0; i < size; i++) {
    c.ids[i] = flat[2 * i]!;
    c.counts[i] = flat[2 * i + 1]!;
  }
  return c;
}

/** The flat pairs [id, count, …] of a centroid, in its order (as stored). */
export function centroidPairs(c: Centroid): number[] {
  const flat: number[] = [];
  for (let i = 0; i < c.size; i++) flat.push(c.ids[i]!, c.counts[i]!);
  return flat;
}

/** Feature names ↔ ids. Integer ids keep the hot loops of linking off string hashing, and centroids small on disk. */
export interface FeatureDictionary {
  ids: Map<string, FeatureId>;
  names: string[];
  nextAnchor: FeatureId;
  nextWord: FeatureId;
}

export interface LinkState {
  docs: number;
  features: FeatureDictionary;
  /** Document frequency by feature id. */
  df: number[];
  /** The frequencies similarity is weighted with: a copy of `df` taken when the corpus last grew by a quarter. */
  idf: IdfSnapshot;
  events: Map<string, Cluster>;
  stories: Map<string, Cluster>;
  /** content hash → first article with that content. */
  hashes: Map<string, string>;
  /** article id → its event, story and date (for duplicates and syndicated copies). */
  placed: Map<string, { event: string; story: string }>;
  signatures: Map<string, number[]>;
  bands: Map<string, string[]>;
  seq: number;
}

export function emptyDictionary(): FeatureDictionary {
  return { ids: new Map(), names: [], nextAnchor: 0, nextWord: 1 };
}

/** Word stems (W:) belong to one language; every other feature kind is language-independent: an anchor. */
export function isAnchorName(feature: string): boolean {
  return feature.charCodeAt(0) !== 87; // 'W'
}

export function isAnchorId(id: FeatureId): boolean {
  return (id & 1) === 0;
}

/** Enter a known feature (loading from the store); keeps the next free ids past it. */
export function addFeature(dict: FeatureDictionary, id: FeatureId, name: string): void {
  dict.ids.set(name, id);
  dict.names[id] = name;
  if (isAnchorId(id)) dict.nextAnchor = Math.max(dict.nextAnchor, id + 2);
  else dict.nextWord = Math.max(dict.nextWord, id + 2);
}

export function emptyLinkState(): LinkState {
  return {
    docs: 0, features: emptyDictionary(), df: [], idf: { docs: 0, df: [] }, events: new Map(), stories: new Map(),
    hashes: new Map(), placed: new Map(), signatures: new Map(), bands: new Map(), seq: 0,
  };
}

/** What changed since the last flush, for the store to write in the same transaction as the articles. */
export interface LinkChanges {
  newFeatures: { id: FeatureId; name: string }[];
  dfDelta: Map<FeatureId, number>;
  docs: number;
  events: Cluster[];
  stories: Cluster[];
  syndication: { a: string; b: string; jaccard: number }[];
  /** A new IDF snapshot taken in this batch, if any. */
  idf: IdfSnapshot | null;
}
