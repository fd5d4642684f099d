// Link room: the one stateful stage. Each arriving article becomes a duplicate, a syndicated copy, or joins
// (or founds) an event, and its event joins (or founds) a story. Incremental: no recompute, ids never change.
import type { Article, Assignment, FeatureCounts } from '../model.js';
import { bandKeys, estimatedJaccard } from './minhash.js';
import { featureWeight, similarity, weigh, type FeatureList, type Vector } from './similarity.js';
import { CENTROID_FEATURES, PRUNE_AT, emptyCentroid, isAnchorId, isAnchorName, type Centroid, type Cluster, type FeatureId, type LinkChanges, type LinkState } from './state.js';

export { addFeature, emptyLinkState, type LinkState, type LinkChanges, type Cluster } from './state.js';

export interface LinkOptions {
  /** Least similarity for an article to join an event. */
  eventThreshold: number;
  /** Least similarity for a new event to join a story. */
  storyThreshold: number;
  /** Days an article may lie outside an event's dates and still join it. */
  eventWindowDays: number;
  /** Story similarity halves every this many days outside the story's dates. */
  storyHalfLifeDays: number;
  /** Least estimated Jaccard of word shingles for two texts to be copies of one wire text. */
  syndicationJaccard: number;
}

export const DEFAULT_LINK_OPTIONS: LinkOptions = {
  eventThreshold: 0.22,
  storyThreshold: 0.12,
  eventWindowDays: 4,
  storyHalfLifeDays: 21,
  syndicationJaccard: 0.45,
};

/** Features of an article used to find candidate clusters. */
const QUERY_FEATURES = 24;
/** Clusters compared in full: those sharing the most query features. */
const MAX_CANDIDATES = 8;
/** A feature found in more clusters than this is too common to find candidates with (it still scores them). */
const MAX_POSTINGS = 100;

const DAY_MS = 86_400_000;

/**
 * IDF is frozen between epochs so that cluster vectors can be cached, and persisted so that a restart weighs
 * exactly as an uninterrupted run. A new epoch starts when the corpus has grown by a quarter (plus a few
 * documents, so that small corpora get IDF early): snapshots cost O(features) and come ever more rarely.
 */
export function nextIdfEpoch(docs: number): number {
  return Math.floor(docs * 1.25) + 8;
}

/** When an article was published: a day, or for undated articles the earliest day it can be from. */
export type When = { date: string } | { notBefore: string } | null;

/** Days from `when` to the range [first, last], 0 inside it or when either side is unknown. */
export function daysOutside(when: When, first: string | null, last: string | null): number {
  if (!when || !first || !last) return 0;
  if ('notBefore' in when) return Math.max(0, (Date.parse(when.notBefore) - Date.parse(last)) / DAY_MS);
  const t = Date.parse(when.date);
  if (t < Date.parse(first)) return (Date.parse(first) - t) / DAY_MS;
  if (t > Date.parse(last)) return (t - Date.parse(last)) / DAY_MS;
  return 0;
}

/**
 * An undated article is rarely older than the year before the latest year it names ("next year, in 2019" is
 * written in 2018), so that bounds it from below. Years past next calendar year are targets ("by 2050"), not news.
 */
export function earliestPublication(features: FeatureCounts, now = new Date()): string | null {
  const horizon = now.getUTCFullYear() + 1;
  const years = [...features.keys()].filter((f) => f.startsWith('Y:')).map((f) => Number(f.slice(2))).filter((y) => y <= horizon);
  return years.length ? `${Math.max(...years) - 1}-01-01` : null;
}

function minDate(a: string | null, b: string | null): string | null {
  return !a ? b : !b ? a : a < b ? a : b;
}
function maxDate(a: string | null, b: string | null): string | null {
  return !a ? b : !b ? a : a > b ? a : b;
}

/** Position + 1 of each feature of the centroid being updated, by feature id, 0 elsewhere: look-ups without hashing. */
let positions = new Int32Array(1 << 16);

function fitPositions(f: FeatureId): void {
  if (f < positions.length) return;
  const grown = new Int32Array(Math.max(f + 1, positions.length * 2));
  grown.set(positions);
  positions = grown;
}

/** The merged features of a centroid being cut (its own, then the new ones), reused from cut to cut. */
let merged = { ids: new Int32Array(2 * PRUNE_AT), counts: new Float64Array(2 * PRUNE_AT) };

/**
 * The centroid's features followed by the new ones (`fresh`, positions in `list`), cut to the CENTROID_FEATURES largest
 * counts, equal counts in that order (which the store preserves), written back in rank order. Returns the new
 * features kept and the old ones cut: a new feature cut at once never reaches the postings.
 */
function pruned(c: Centroid, list: FeatureList, fresh: number[]): { added: FeatureId[]; removed: FeatureId[] } {
  const old = c.size;
  const total = old + fresh.length;
  if (merged.ids.length < total) merged = { ids: new Int32Array(total), counts: new Float64Array(total) };
  const { ids, counts } = merged;
  ids.set(c.ids.subarray(0, old));
  counts.set(c.counts.subarray(0, old));
  fresh.forEach((i, k) => {
    ids[old + k] = list.ids[i]!;
    counts[old + k] = list.counts[i]!;
  });
  // Positions ranked by count, no pair per entry.
  const ranked: number[] = [];
  for (let i = 0; i < total; i++) ranked.push(i);
  ranked.sort((x, y) => counts[y]! - counts[x]! || x - y);
  const added: FeatureId[] = [];
  const removed: FeatureId[] = [];
  c.size = Math.min(total, CENTROID_FEATURES);
  for (let r = 0; r < total; r++) {
    const p = ranked[r]!;
    if (r < CENTROID_FEATURES) {
      c.ids[r] = ids[p]!;
      c.counts[r] = counts[p]!;
      if (p >= old) added.push(ids[p]!);
    } else if (p < old) removed.push(ids[p]!);
  }
  return { added, removed };
}

/**
 * Add an article to a cluster; returns the features it gained and those pruned from its centroid. Counts already
 * there are updated in place; when the centroid would outgrow PRUNE_AT the new features go straight into the cut.
 */
function absorb(cluster: Cluster, list: FeatureList, date: string | null): { added: FeatureId[]; removed: FeatureId[] } {
  const c = cluster.counts;
  for (let i = 0; i < c.size; i++) {
    fitPositions(c.ids[i]!);
    positions[c.ids[i]!] = i + 1;
  }
  const fresh: number[] = [];
  for (let i = 0; i < list.ids.length; i++) {
    const f = list.ids[i]!;
    fitPositions(f);
    const at = positions[f]!;
    if (at) c.counts[at - 1]! += list.counts[i]!;
    else fresh.push(i);
  }
  for (let i = 0; i < c.size; i++) positions[c.ids[i]!] = 0;
  let change: { added: FeatureId[]; removed: FeatureId[] };
  if (c.size + fresh.length > PRUNE_AT) change = pruned(c, list, fresh);
  else {
    const added: FeatureId[] = [];
    for (const i of fresh) {
      c.ids[c.size] = list.ids[i]!;
      c.counts[c.size++] = list.counts[i]!;
      added.push(list.ids[i]!);
    }
    change = { added, removed: [] };
  }
  cluster.size++;
  cluster.firstDate = minDate(cluster.firstDate, date);
  cluster.lastDate = maxDate(cluster.lastDate, date);
  return change;
}

/** The features of a centroid, in its order. */
const featuresOf = (c: Centroid): Int32Array => c.ids.subarray(0, c.size);

export class Linker {
  /** Feature id → IDF × kind boost under the current snapshot. */
  private weights: number[] = [];
  /** Cluster id → its weighted centroid under the current snapshot; rebuilt when the cluster changes. */
  private vectors = new Map<string, Vector>();
  private readonly weightOf = (f: FeatureId): number => (this.weights[f] ??= featureWeight(f, this.state.features.names[f]!, this.state.idf));
  private readonly eventPostings: Postings = [];
  private readonly storyPostings: Postings = [];
  private changes: LinkChanges = freshChanges();

  constructor(
    private readonly state: LinkState,
    private readonly opts: LinkOptions = DEFAULT_LINK_OPTIONS,
  ) {
    for (const e of state.events.values()) this.index(this.eventPostings, e, featuresOf(e.counts));
    for (const s of state.stories.values()) this.index(this.storyPostings, s, featuresOf(s.counts));
  }

  /** Place one article; updates the state and records the change for the next flush. */
  assign(article: Article): Assignment {
    const { id, analysis } = article;
    const date = article.doc.published;
    const notBefore = date ? null : earliestPublication(analysis.features);
    const when: When = date ? { date } : notBefore ? { notBefore } : null;
    const original = this.state.hashes.get(analysis.contentHash);
    if (original !== undefined) {
      const placed = this.state.placed.get(original)!;
      this.state.placed.set(id, placed);
      return { articleId: id, event: placed.event, story: placed.story, duplicateOf: original, syndicatedWith: [], score: 1 };
    }
    this.state.hashes.set(analysis.contentHash, id);
    const counts = this.featureIds(analysis.features);
    const vector = weigh(counts.ids, counts.counts, this.weightOf);
    const anchors = queryAnchors(vector);
    const bands = bandKeys(analysis.minhash);
    const copies = this.syndicatedCopies(id, analysis.minhash, bands);
    let event: Cluster | undefined;
    let score = 1;
    if (copies.length) event = this.state.events.get(this.state.placed.get(copies[0]!.id)!.event);
    if (!event) {
      const best = this.bestCluster(vector, anchors, this.eventPostings, when, (days) => (days <= this.opts.eventWindowDays ? 1 : 0), true);
      if (best && best.score >= this.opts.eventThreshold) {
        event = best.cluster;
        score = best.score;
      }
    }
    let story: Cluster;
    if (event) story = this.state.stories.get(event.storyId!)!;
    else {
      const best = this.bestCluster(vector, anchors, this.storyPostings, when, (days) => 0.5 ** (days / this.opts.storyHalfLifeDays));
      story = best && best.score >= this.opts.storyThreshold ? best.cluster : this.newCluster(this.state.stories, `st_${id.slice(0, 12)}`, null);
      event = this.newCluster(this.state.events, `ev_${id.slice(0, 12)}`, story.id);
    }
    this.reindex(this.eventPostings, event, absorb(event, counts, date));
    this.reindex(this.storyPostings, story, absorb(story, counts, date));
    this.vectors.delete(event.id);
    this.vectors.delete(story.id);
    this.touch(event, story);
    this.countDocument(counts);
    this.remember(id, analysis.minhash, bands, event.id, story.id);
    for (const c of copies) this.changes.syndication.push({ a: c.id, b: id, jaccard: c.jaccard });
    return { articleId: id, event: event.id, story: story.id, duplicateOf: null, syndicatedWith: copies.map((c) => c.id), score: Number(score.toFixed(4)) };
  }

  /** Changes since the last call; the caller persists them with the batch's articles. */
  takeChanges(): LinkChanges {
    const out = this.changes;
    this.changes = freshChanges();
    return out;
  }

  private syndicatedCopies(id: string, sig: number[], bands: string[]): { id: string; jaccard: number }[] {
    const candidates = new Set<string>();
    for (const key of bands) for (const other of this.state.bands.get(key) ?? []) if (other !== id) candidates.add(other);
    const copies: { id: string; jaccard: number }[] = [];
    for (const other of candidates) {
      const jaccard = estimatedJaccard(sig, this.state.signatures.get(other)!);
      if (jaccard >= this.opts.syndicationJaccard) copies.push({ id: other, jaccard });
    }
    // Ties keep arrival order (the sort is stable), never id order: ids depend on paths, results must not.
    return copies.sort((x, y) => y.jaccard - x.jaccard);
  }

  private bestCluster(
    vector: Vector,
    anchors: FeatureId[],
    postings: Postings,
    when: When,
    timeFactor: (daysOutside: number) => number,
    areEvents = false,
  ): { cluster: Cluster; score: number } | null {
    let best: { cluster: Cluster; score: number } | null = null;
    for (const cluster of topCandidates(anchors, postings)) {
      // An event of undated articles is as old as its story: it cannot draw in articles from years later.
      const span = areEvents && !cluster.firstDate ? this.state.stories.get(cluster.storyId!)! : cluster;
      const factor = timeFactor(daysOutside(when, span.firstDate, span.lastDate));
      if (factor === 0) continue;
      const score = similarity(vector, this.clusterVector(cluster)) * factor;
      if (!best || score > best.score || (score === best.score && cluster.seq < best.cluster.seq)) best = { cluster, score };
    }
    return best;
  }

  private clusterVector(cluster: Cluster): Vector {
    let v = this.vectors.get(cluster.id);
    if (!v) {
      const c = cluster.counts;
      this.vectors.set(cluster.id, (v = weigh(featuresOf(c), c.counts.subarray(0, c.size), this.weightOf)));
    }
    return v;
  }

  private newCluster(into: Map<string, Cluster>, id: string, storyId: string | null): Cluster {
    const cluster: Cluster = { id, storyId, counts: emptyCentroid(), size: 0, firstDate: null, lastDate: null, seq: ++this.state.seq };
    into.set(id, cluster);
    return cluster;
  }

  /** Postings mirror the centroids exactly, so that a state reloaded from the store finds the same candidates. */
  private reindex(postings: Postings, cluster: Cluster, change: { added: FeatureId[]; removed: FeatureId[] }): void {
    this.index(postings, cluster, change.added);
    for (const f of change.removed) {
      const set = postings[f];
      set?.delete(cluster);
      if (set?.size === 0) postings[f] = undefined;
    }
  }

  /** Only anchors (names, places, concepts, numbers) are indexed: they find candidates; word stems only score them. */
  private index(postings: Postings, cluster: Cluster, features: Iterable<FeatureId>): void {
    for (const f of features) if (isAnchorId(f)) (postings[f] ??= new Set()).add(cluster);
  }

  /** The article's features by id; a feature seen for the first time gets the next id of its kind. */
  private featureIds(features: FeatureCounts): FeatureList {
    const dict = this.state.features;
    const ids = new Int32Array(features.size);
    const counts = new Float64Array(features.size);
    let i = 0;
    // forEach, not for-of: no [name, count] pair is built per feature.
    features.forEach((c, name) => {
      let id = dict.ids.get(name);
      if (id === undefined) {
        if (isAnchorName(name)) dict.nextAnchor = (id = dict.nextAnchor) + 2;
        else dict.nextWord = (id = dict.nextWord) + 2;
        dict.ids.set(name, id);
        dict.names[id] = name;
        this.changes.newFeatures.push({ id, name });
      }
      ids[i] = id;
      counts[i++] = c;
    });
    return { ids, counts };
  }

  private touch(event: Cluster, story: Cluster): void {
    if (!this.changes.events.includes(event)) this.changes.events.push(event);
    if (!this.changes.stories.includes(story)) this.changes.stories.push(story);
  }

  private countDocument(counts: FeatureList): void {
    const { df } = this.state;
    this.state.docs++;
    this.changes.docs++;
    for (const f of counts.ids) {
      df[f] = (df[f] ?? 0) + 1;
      this.changes.dfDelta.set(f, (this.changes.dfDelta.get(f) ?? 0) + 1);
    }
    if (this.state.docs >= nextIdfEpoch(this.state.idf.docs)) {
      this.state.idf = { docs: this.state.docs, df: df.slice() };
      this.changes.idf = this.state.idf;
      this.weights = [];
      this.vectors = new Map();
    }
  }

  private remember(id: string, sig: number[], bands: string[], event: string, story: string): void {
    this.state.placed.set(id, { event, story });
    this.state.signatures.set(id, sig);
    for (const key of bands) {
      const list = this.state.bands.get(key);
      if (list) list.push(id);
      else this.state.bands.set(key, [id]);
    }
  }
}

/** Clusters by anchor feature id: the features that find candidates. */
type Postings = (Set<Cluster> | undefined)[];

/** The query's strongest anchors, at most QUERY_FEATURES of them, ranked by weight (ties by id, for determinism). */
function queryAnchors(vector: Vector): FeatureId[] {
  const { ids, weights } = vector;
  const anchors: number[] = [];
  for (let i = 0; i < ids.length; i++) if (isAnchorId(ids[i]!)) anchors.push(i);
  anchors.sort((a, b) => weights[b]! - weights[a]! || ids[a]! - ids[b]!);
  return anchors.slice(0, QUERY_FEATURES).map((i) => ids[i]!);
}

/** Clusters sharing the most query anchors, at most MAX_CANDIDATES, older first on ties; a top-k pass, no full sort. */
function topCandidates(anchors: FeatureId[], postings: Postings): Cluster[] {
  const shared = new Map<Cluster, number>();
  for (const f of anchors) {
    const list = postings[f];
    if (list && list.size <= MAX_POSTINGS) for (const c of list) shared.set(c, (shared.get(c) ?? 0) + 1);
  }
  const top: [Cluster, number][] = [];
  const before = (a: [Cluster, number], b: [Cluster, number]): boolean => a[1] > b[1] || (a[1] === b[1] && a[0].seq < b[0].seq);
  for (const entry of shared) {
    if (top.length === MAX_CANDIDATES && !before(entry, top[top.length - 1]!)) continue;
    let i = Math.min(top.length, MAX_CANDIDATES - 1);
    top[i] = entry;
    while (i > 0 && before(top[i]!, top[i - 1]!)) {
      [top[i], top[i - 1]] = [top[i - 1]!, top[i]!];
      i--;
    }
  }
  return top.map(([c]) => c);
}

function freshChanges(): LinkChanges {
  return { newFeatures: [], dfDelta: new Map(), docs: 0, events: [], stories: [], syndication: [], idf: null };
}
