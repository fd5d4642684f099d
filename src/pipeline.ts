// The in-process pipeline: read → extract → analyze → link → store, in batches; then refresh changed stories.
import { randomUUID } from 'node:crypto';
import { basename, dirname, resolve } from 'node:path';
import type { Article, Assignment, RawDoc, Reject, RunSummary } from './model.js';
import { planInputs, readUnit, withLinkedPages, type InputUnit, type ReadItem } from './ingest/index.js';
import { DEFAULT_LINK_OPTIONS, Linker, type LinkOptions } from './link/index.js';
import { deriveStory } from './stories/index.js';
import { stagePool, type StagePool } from './queue/pool.js';
import type { Processed } from './queue/stages.js';
import { articleKey } from './store/keys.js';
import { SiteTemplates } from './extract/templates.js';
import type { MemberArticle, Store } from './store/types.js';

export interface IngestOptions {
  /** Articles per transaction. */
  batchSize?: number;
  /** For files with no outlet named, take the outlet from the folder the file sits in (crawls stored per site). */
  sourceFromFolder?: boolean;
  onProgress?: (done: number, total: number, summary: RunSummary) => void;
  /** Fetch the pages that feed items only tease (default true). */
  followLinks?: boolean;
  /** Clustering thresholds, for evaluation runs; the defaults are tuned on the team's corpora. */
  link?: Partial<LinkOptions>;
  /** Worker threads for the pure stages (extract, analyze); 0 runs them on the main thread. */
  workers?: number;
  /** Characters of input kept from the template pass for the ingest pass (default 128 Mi); files beyond are read twice. */
  keptChars?: number;
}

const DEFAULT_BATCH = 200;
/**
 * Documents in flight: enough to keep the workers busy, or (in-process) to run each stage over many documents while
 * its tables are in the caches (200 took 3 % less CPU than 64); few enough to bound memory.
 */
export const WINDOW = 200;

/** The identity part of an article's key: the record's id, else URL, else absolute path; stdin text has none. */
export function recordIdentity(raw: RawDoc): string {
  if (raw.recordId) return `id:${raw.recordId}`;
  if (raw.url) return `url:${raw.url}`;
  if (raw.origin === 'stdin' || raw.origin.startsWith('stdin#')) return '';
  const hash = raw.origin.lastIndexOf('#');
  const path = hash > 0 && /^#\d+$/.test(raw.origin.slice(hash)) ? raw.origin.slice(0, hash) : raw.origin;
  return `file:${resolve(path)}${path === raw.origin ? '' : raw.origin.slice(hash)}`;
}

function folderSource(raw: RawDoc): string | null {
  if (!raw.file) return null;
  const dir = basename(dirname(raw.file));
  return dir && dir !== '.' ? dir : null;
}

/** With --source-from-folder, a record that names no outlet takes its folder's name. */
function nameSourceFromFolder(raw: RawDoc, enabled: boolean): void {
  if (enabled && !raw.source) raw.source = folderSource(raw) ?? undefined;
}

/** Characters of text and HTML kept from the first pass for the second: a corpus that fits is read and decoded once. */
const KEPT_CHARS = 128 * 1024 * 1024;

interface FirstPass {
  templates: SiteTemplates;
  /** The records of the files read first, while they fit in the budget; other files are read again. */
  kept: Map<InputUnit, ReadItem[]>;
}

const docChars = (raw: RawDoc): number => (raw.text?.length ?? 0) + (raw.html?.length ?? 0);

/**
 * First pass over the local inputs: line counts per source, so that every page is classified against its site's
 * template whatever order the pages come in (URLs are not fetched twice; their pages have no template).
 */
async function firstPass(units: InputUnit[], sourceFromFolder: boolean, budget: number): Promise<FirstPass> {
  const templates = new SiteTemplates();
  const kept = new Map<InputUnit, ReadItem[]>();
  let chars = 0;
  for (const unit of units) {
    if (unit.kind !== 'file') continue;
    const items: ReadItem[] = [];
    for await (const item of readUnit(unit, false)) {
      if ('doc' in item) {
        nameSourceFromFolder(item.doc, sourceFromFolder);
        templates.add(item.doc);
        chars += docChars(item.doc);
      }
      if (chars <= budget) items.push(item);
    }
    if (chars <= budget) kept.set(unit, items);
  }
  return { templates, kept };
}

/** A unit's records: those kept by the first pass (with their teased pages fetched, as readUnit does), else read anew. */
function unitItems(unit: InputUnit, first: FirstPass, followLinks: boolean): AsyncIterable<ReadItem> | Iterable<ReadItem> {
  const items = first.kept.get(unit);
  if (!items) return readUnit(unit, followLinks);
  first.kept.delete(unit);
  return followLinks ? withLinkedPages(items) : items;
}

/** Stories read, derived and written per transaction: a commit per story cost more than deriving small ones. */
const VIEWS_PER_WRITE = 200;
/** Members read before their stories are derived: reading and deriving by turns keeps each one's data in the caches. */
const MEMBERS_PER_GROUP = 2_000;

/** Rebuild the reader-facing view of every story whose members changed. */
export async function refreshStories(store: Store): Promise<number> {
  const ids = await store.staleStoryIds();
  for (let next = 0; next < ids.length; ) {
    const group: { id: string; members: MemberArticle[] }[] = [];
    for (let read = 0; next < ids.length && group.length < VIEWS_PER_WRITE && read < MEMBERS_PER_GROUP; next++) {
      const members = await store.storyMembers(ids[next]!);
      group.push({ id: ids[next]!, members });
      read += members.length;
    }
    await store.saveStoryViews(group.filter((g) => g.members.length).map((g) => deriveStory(g.id, g.members)));
  }
  return ids.length;
}

export async function ingest(store: Store, args: string[], opts: IngestOptions = {}): Promise<RunSummary> {
  const started = performance.now();
  const batchSize = opts.batchSize ?? DEFAULT_BATCH;
  const runId = `run_${new Date().toISOString().replace(/[-:.TZ]/g, '').slice(0, 14)}_${randomUUID().slice(0, 8)}`;
  const summary: RunSummary = { runId, inputs: args, read: 0, ingested: 0, unchanged: 0, duplicates: 0, syndicated: 0, rejected: 0, seconds: 0 };
  await store.startRun(runId, args);
  // Views left stale by an interrupted run are rebuilt first.
  await refreshStories(store);
  const own = resolve(store.location);
  const units: InputUnit[] = planInputs(args, new Set([own, `${own}-wal`, `${own}-shm`, `${own}-journal`]));
  const linker = new Linker(await store.loadLinkState(), { ...DEFAULT_LINK_OPTIONS, ...opts.link });
  let articles: { article: Article; assignment: Assignment }[] = [];
  let rejects: Reject[] = [];
  const inBatch = new Set<string>();

  const flush = async (): Promise<void> => {
    if (!articles.length && !rejects.length) return;
    await store.writeBatch({ runId, articles, rejects, link: linker.takeChanges() });
    articles = [];
    rejects = [];
    inBatch.clear();
  };

  // Inputs in reading order; documents go to the pool, whose results come back in the same order.
  const order: ({ reject: Reject } | { raw: RawDoc })[] = [];
  const pool: StagePool = stagePool(opts.workers ?? 0);

  const reject = (r: Reject): void => {
    rejects.push(r);
    summary.rejected++;
  };

  const place = async (raw: RawDoc, result: Processed): Promise<void> => {
    if ('reject' in result) return reject(result.reject);
    const { doc, analysis } = result;
    const id = articleKey(recordIdentity(raw), analysis.contentHash);
    if (inBatch.has(id) || (await store.existingArticleIds([id])).size) {
      summary.unchanged++;
      return;
    }
    const assignment = linker.assign({ id, doc, analysis });
    articles.push({ article: { id, doc, analysis }, assignment });
    inBatch.add(id);
    summary.ingested++;
    if (assignment.duplicateOf) summary.duplicates++;
    if (assignment.syndicatedWith.length) summary.syndicated++;
  };

  const drain = async (keep: number): Promise<void> => {
    while (order.length > keep) {
      const head = order.shift()!;
      if ('reject' in head) reject(head.reject);
      else await place(head.raw, await pool.next());
      if (articles.length + rejects.length >= batchSize) await flush();
    }
  };

  const first = await firstPass(units, opts.sourceFromFolder ?? false, opts.keptChars ?? KEPT_CHARS);
  let done = 0;
  try {
    for (const unit of units) {
      for await (const item of unitItems(unit, first, opts.followLinks ?? true)) {
        summary.read++;
        if ('reject' in item) order.push(item);
        else {
          const raw = item.doc;
          nameSourceFromFolder(raw, opts.sourceFromFolder ?? false);
          raw.siteTemplates = first.templates.templatesFor(raw);
          order.push({ raw });
          pool.submit(raw);
        }
        await drain(WINDOW);
      }
      opts.onProgress?.(++done, units.length, summary);
    }
    await drain(0);
  } finally {
    await pool.close();
  }
  await flush();
  await refreshStories(store);
  summary.seconds = Number(((performance.now() - started) / 1000).toFixed(2));
  await store.finishRun(summary);
  return summary;
}
