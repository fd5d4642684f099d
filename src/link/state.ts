// The link stage's state: a feature dictionary, document frequencies, clusters (events and stories), fingerprints;
// persisted by the store.
import type { IdfSnapshot } from './similarity.js';

/** A feature's id: anchors (names, places, concepts, numbers, years) are even, word stems odd. */
export type FeatureId = number;

export interface Cluster {
  id: string;
  /** For events, the story they belong to; for stories, null. */
  storyId: string | null;
  /** Feature id → count, in a stable order (pruning keeps the first of equal counts). */
  counts: Map<FeatureId, number>;
  size: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Order of creation, for stable tie-breaking. */
  seq: number;
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
