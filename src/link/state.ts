// The link stage's state: document frequencies, clusters (events and stories), fingerprints; persisted by the store.
import type { IdfSnapshot } from './similarity.js';

export interface Cluster {
  id: string;
  /** For events, the story they belong to; for stories, null. */
  storyId: string | null;
  counts: Map<string, number>;
  size: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Order of creation, for stable tie-breaking. */
  seq: number;
}

export interface LinkState {
  docs: number;
  df: Map<string, number>;
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

export function emptyLinkState(): LinkState {
  return { docs: 0, df: new Map(), idf: { docs: 0, df: new Map() }, events: new Map(), stories: new Map(), hashes: new Map(), placed: new Map(), signatures: new Map(), bands: new Map(), seq: 0 };
}

/** What changed since the last flush, for the store to write in the same transaction as the articles. */
export interface LinkChanges {
  dfDelta: Map<string, number>;
  docs: number;
  events: Cluster[];
  stories: Cluster[];
  syndication: { a: string; b: string; jaccard: number }[];
  /** A new IDF snapshot taken in this batch, if any. */
  idf: IdfSnapshot | null;
}
