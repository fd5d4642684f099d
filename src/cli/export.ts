// `storyline export assignments|stories|articles`: one JSON line per record, per the data contracts.
import { Command } from 'commander';
import type { Store } from '../store/types.js';
import { DEFAULT_DB, UsageError, printJsonLine, withStore } from './common.js';

/** Internal article key → the id the contract shows (record id, else URL, else path). */
async function originsById(store: Store): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  for await (const a of store.assignments()) map.set(a.articleId, a.origin);
  return map;
}

async function exportAssignments(store: Store): Promise<void> {
  const origins = await originsById(store);
  for await (const a of store.assignments()) {
    printJsonLine({
      id: a.origin, url: a.url, lang: a.lang, published: a.published, event: a.event, story: a.story,
      duplicate_of: a.duplicateOf ? origins.get(a.duplicateOf) ?? a.duplicateOf : null,
      syndicated_with: a.syndicatedWith.map((s) => origins.get(s) ?? s),
    });
  }
}

async function exportStories(store: Store): Promise<void> {
  const origins = await originsById(store);
  const name = (id: string): string => origins.get(id) ?? id;
  for await (const s of store.stories()) {
    printJsonLine({
      id: s.id,
      title: s.title,
      first_date: s.firstDate,
      last_date: s.lastDate,
      languages: s.languages,
      keywords: s.keywords,
      events: s.events.map((e) => ({ id: e.id, title: e.title, first_date: e.firstDate, last_date: e.lastDate, articles: e.articles.map(name) })),
      articles: s.articles.map((a) => name(a.id)),
      summary: s.summary.map((c) => ({ text: c.text, article: name(c.article), span: [c.span.start, c.span.end] })),
      timeline: (s.timeline ?? []).map((e) => ({
        value: e.value, interval: e.interval, granularity: e.granularity, mode: e.mode, basis: e.basis, label: e.label,
        citations: e.citations.map((c) => ({ article: name(c.article), lang: c.lang, span: [c.span.start, c.span.end], text: c.text, clause: c.clause })),
      })),
      entities: await store.storyEntities(s.id),
      // Filled by the quote and claim stages as they land; present now so the shape is stable.
      quotes: [],
      claims: [],
      sources: s.sources,
    });
  }
}

async function exportArticles(store: Store): Promise<void> {
  for await (const a of store.articles()) {
    const blocks = await store.blocks(a.id);
    const times = await store.times(a.id);
    printJsonLine({
      id: a.origin, url: a.url, title: a.title, text: a.text, lang: a.lang, lang_confidence: a.langConfidence,
      published: a.published, published_source: a.publishedSource, published_inferred: times.publishedInferred, source: a.source, author: a.author,
      warnings: a.warnings, blocks: blocks.map((b) => ({ text: b.text, kept: b.kept, kind: b.kind, reason: b.reason, lang: b.lang ?? null })),
    });
  }
}

const EXPORTS: Record<string, (store: Store) => Promise<void>> = { assignments: exportAssignments, stories: exportStories, articles: exportArticles };

export function exportCommand(): Command {
  return new Command('export')
    .description('export assignments, stories or articles as JSON lines')
    .argument('<what>', Object.keys(EXPORTS).join(' | '))
    .option('--db <path>', 'database file', DEFAULT_DB)
    .action(async (what: string, o: { db: string }) => {
      const run = EXPORTS[what];
      if (!run) throw new UsageError(`unknown export "${what}": choose ${Object.keys(EXPORTS).join(', ')}`);
      await withStore(o.db, run);
    });
}
