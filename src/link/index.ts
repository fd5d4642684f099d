// Link room: the one stateful stage. Each arriving article becomes a duplicate, a syndicated copy, or joins
// (or founds) an event, and its event joins (or founds) a story. Incremental: no recompute, ids never change.
import type { Article, Assignment, FeatureCounts } from '../model.js';
import { bandKeys, estimatedJaccard } from './minhash.js';
import { isAnchor, similarity, weigh, type Idf, type Vector } from './similarity.js';
import { type Cluster, type LinkChanges, type LinkState } from './state.js';

export { emptyLinkState, type LinkState, type LinkChanges, type Cluster } from './state.js';

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

/** Features kept per cluster centroid: enough to describe it, bounded so clusters stay cheap to compare. */
const CENTROID_FEATURES = 160;
/** Features of an article used to find candidate clusters. */
const QUERY_FEATURES = 24;
/** Clusters compared in full: those sharing the most query features. */
const MAX_CANDIDATES = 8;
/** A feature found in more clusters than this is too common to find candidates with (it still scores them). */
const MAX_POSTINGS = 300;

const DAY_MS = 86_400_000;

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

/** Add an article to a cluster; returns the features it gained and those pruned from its centroid. */
function absorb(cluster: Cluster, counts: Map<string, number>, date: string | null): { added: string[]; removed: string[] } {
  const added: string[] = [];
  let removed: string[] = [];
  for (const [f, c] of counts) {
    const had = cluster.counts.get(f);
    if (had === undefined) added.push(f);
    cluster.counts.set(f, (had ?? 0) + c);
  }
  if (cluster.counts.size > CENTROID_FEATURES * 1.5) {
    const ranked = [...cluster.counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    cluster.counts = new Map(ranked.slice(0, CENTROID_FEATURES));
    removed = ranked.slice(CENTROID_FEATURES).map(([f]) => f);
  }
  cluster.size++;
  cluster.firstDate = minDate(cluster.firstDate, date);
  cluster.lastDate = maxDate(cluster.lastDate, date);
  return { added, removed };
}

export class Linker {
  private readonly idf: Idf;
  private readonly eventPostings = new Map<string, Set<string>>();
  private readonly storyPostings = new Map<string, Set<string>>();
  private changes: LinkChanges = freshChanges();

  constructor(
    private readonly state: LinkState,
    private readonly opts: LinkOptions = DEFAULT_LINK_OPTIONS,
  ) {
    this.idf = {
      get docs() {
        return state.docs;
      },
      df: (f) => state.df.get(f) ?? 0,
    };
    for (const e of state.events.values()) this.index(this.eventPostings, e.id, e.counts.keys());
    for (const s of state.stories.values()) this.index(this.storyPostings, s.id, s.counts.keys());
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
    const counts = analysis.features;
    const vector = weigh(counts, this.idf);
    const copies = this.syndicatedCopies(id, analysis.minhash);
    let event: Cluster | undefined;
    let score = 1;
    if (copies.length) event = this.state.events.get(this.state.placed.get(copies[0]!.id)!.event);
    if (!event) {
      const best = this.bestCluster(vector, this.eventPostings, this.state.events, when, (days) => (days <= this.opts.eventWindowDays ? 1 : 0), true);
      if (best && best.score >= this.opts.eventThreshold) {
        event = best.cluster;
        score = best.score;
      }
    }
    let story: Cluster;
    if (event) story = this.state.stories.get(event.storyId!)!;
    else {
      const best = this.bestCluster(vector, this.storyPostings, this.state.stories, when, (days) => 0.5 ** (days / this.opts.storyHalfLifeDays));
      story = best && best.score >= this.opts.storyThreshold ? best.cluster : this.newCluster(this.state.stories, `st_${id.slice(0, 12)}`, null);
      event = this.newCluster(this.state.events, `ev_${id.slice(0, 12)}`, story.id);
    }
    this.reindex(this.eventPostings, event.id, absorb(event, counts, date));
    this.reindex(this.storyPostings, story.id, absorb(story, counts, date));
    this.touch(event, story);
    this.countDocument(counts);
    this.remember(id, analysis.minhash, event.id, story.id);
    for (const c of copies) this.changes.syndication.push({ a: c.id, b: id, jaccard: c.jaccard });
    return { articleId: id, event: event.id, story: story.id, duplicateOf: null, syndicatedWith: copies.map((c) => c.id), score: Number(score.toFixed(4)) };
  }

  /** Changes since the last call; the caller persists them with the batch's articles. */
  takeChanges(): LinkChanges {
    const out = this.changes;
    this.changes = freshChanges();
    return out;
  }

  private syndicatedCopies(id: string, sig: number[]): { id: string; jaccard: number }[] {
    const candidates = new Set<string>();
    for (const key of bandKeys(sig)) for (const other of this.state.bands.get(key) ?? []) if (other !== id) candidates.add(other);
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
    postings: Map<string, Set<string>>,
    clusters: Map<string, Cluster>,
    when: When,
    timeFactor: (daysOutside: number) => number,
    areEvents = false,
  ): { cluster: Cluster; score: number } | null {
    const query = [...vector.weights].filter(([f]) => isAnchor(f)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, QUERY_FEATURES);
    const shared = new Map<string, number>();
    for (const [f] of query) {
      const list = postings.get(f);
      if (list && list.size <= MAX_POSTINGS) for (const c of list) shared.set(c, (shared.get(c) ?? 0) + 1);
    }
    const candidates = [...shared]
      .sort((a, b) => b[1] - a[1] || clusters.get(a[0])!.seq - clusters.get(b[0])!.seq)
      .slice(0, MAX_CANDIDATES)
      .map(([cid]) => cid);
    let best: { cluster: Cluster; score: number } | null = null;
    for (const cid of candidates) {
      const cluster = clusters.get(cid)!;
      // An event of undated articles is as old as its story: it cannot draw in articles from years later.
      const span = areEvents && !cluster.firstDate ? this.state.stories.get(cluster.storyId!)! : cluster;
      const factor = timeFactor(daysOutside(when, span.firstDate, span.lastDate));
      if (factor === 0) continue;
      const score = similarity(vector, weigh(cluster.counts, this.idf)) * factor;
      if (!best || score > best.score || (score === best.score && cluster.seq < best.cluster.seq)) best = { cluster, score };
    }
    return best;
  }

  private newCluster(into: Map<string, Cluster>, id: string, storyId: string | null): Cluster {
    const cluster: Cluster = { id, storyId, counts: new Map(), size: 0, firstDate: null, lastDate: null, seq: ++this.state.seq };
    into.set(id, cluster);
    return cluster;
  }

  /** Postings mirror the centroids exactly, so that a state reloaded from the store finds the same candidates. */
  private reindex(postings: Map<string, Set<string>>, clusterId: string, change: { added: string[]; removed: string[] }): void {
    this.index(postings, clusterId, change.added);
    for (const f of change.removed) {
      if (!isAnchor(f)) continue;
      const set = postings.get(f);
      set?.delete(clusterId);
      if (set?.size === 0) postings.delete(f);
    }
  }

  /** Only anchors (names, places, concepts, numbers) are indexed: they find candidates; word stems only score them. */
  private index(postings: Map<string, Set<string>>, clusterId: string, features: Iterable<string>): void {
    for (const f of features) {
      if (!isAnchor(f)) continue;
      let set = postings.get(f);
      if (!set) postings.set(f, (set = new Set()));
      set.add(clusterId);
    }
  }

  private touch(event: Cluster, story: Cluster): void {
    if (!this.changes.events.includes(event)) this.changes.events.push(event);
    if (!this.changes.stories.includes(story)) this.changes.stories.push(story);
  }

  private countDocument(counts: Map<string, number>): void {
    this.state.docs++;
    this.changes.docs++;
    for (const f of counts.keys()) {
      this.state.df.set(f, (this.state.df.get(f) ?? 0) + 1);
      this.changes.dfDelta.set(f, (this.changes.dfDelta.get(f) ?? 0) + 1);
    }
  }

  private remember(id: string, sig: number[], event: string, story: string): void {
    this.state.placed.set(id, { event, story });
    this.state.signatures.set(id, sig);
    for (const key of bandKeys(sig)) {
      const list = this.state.bands.get(key);
      if (list) list.push(id);
      else this.state.bands.set(key, [id]);
    }
  }
}

function freshChanges(): LinkChanges {
  return { dfDelta: new Map(), docs: 0, events: [], stories: [], syndication: [] };
}
