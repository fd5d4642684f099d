// `storyline demo`: ingest the bundled multilingual corpus into a fresh database and show what it became.
import { Command } from 'commander';
import { existsSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Story } from '../model.js';
import { printJsonLine, table, withStore } from './common.js';
import { runIngest, summaryLine } from './ingest.js';

export const DEMO_CORPUS = fileURLToPath(new URL('../../../demo/corpus/', import.meta.url));
const DEMO_DB = './storyline-demo.db';
const SHOWN_STORIES = 6;

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(path + suffix)) rmSync(path + suffix);
}

function storyBlock(story: Story, rank: number): string {
  const dates = story.firstDate ? `${story.firstDate}${story.lastDate !== story.firstDate ? ` → ${story.lastDate}` : ''}` : 'dates unknown';
  const head = `${rank}. ${story.title}\n   ${story.id} · ${story.articles.length} articles · ${story.events.length} events · ${story.languages.join('/')} · ${story.sources.independent} independent sources · ${dates}`;
  const rows = story.articles.map((a) => {
    const note = a.duplicateOf ? 'duplicate' : a.syndicatedWith.length ? 'syndicated' : '';
    return ['   ', a.source ?? '?', a.lang, a.published ?? '?', a.title.length > 60 ? `${a.title.slice(0, 59)}…` : a.title, note];
  });
  return `${head}\n${table(rows)}`;
}

export function demoCommand(): Command {
  return new Command('demo')
    .description('ingest the bundled demo corpus into a fresh database and print the stories it finds')
    .option('--db <path>', 'database file (replaced)', DEMO_DB)
    .option('--json', 'print the summary and stories as JSON')
    .action(async (o: { db: string; json?: boolean }) => {
      removeDatabase(o.db);
      await withStore(o.db, async (store) => {
        // Paths relative to where the user stands read better in exports, when the corpus is below it.
        const rel = relative(process.cwd(), DEMO_CORPUS);
        const summary = await runIngest(store, [rel && !rel.startsWith('..') ? rel : DEMO_CORPUS], { quiet: o.json, sourceFromFolder: true });
        const stats = await store.stats();
        const stories: Story[] = [];
        for await (const s of store.stories()) stories.push(s);
        if (o.json) return printJsonLine({ summary, stats, stories: stories.map((s) => ({ id: s.id, title: s.title, articles: s.articles.length, events: s.events.length })), db: resolve(o.db) });
        const langs = Object.entries(stats.languages).map(([l, n]) => `${l} ${n}`).join(', ');
        const out = [
          summaryLine(summary, o.db),
          '',
          `articles   ${stats.articles} ingested · ${summary.rejected} rejected · ${stats.duplicates} duplicate${stats.duplicates === 1 ? '' : 's'} · ${stats.syndicated} syndicated copies`,
          `languages  ${langs}`,
          `clusters   ${stats.events} events in ${stats.stories} stories`,
          '',
          `Largest stories:`,
          '',
          ...stories.slice(0, SHOWN_STORIES).map((s, i) => `${storyBlock(s, i + 1)}\n`),
          `Database: ${resolve(o.db)}`,
          `Next: storyline story ${stories[0]?.id ?? 'ID'} --db ${o.db}   ·   storyline search "Ever Given" --db ${o.db}   ·   storyline export assignments --db ${o.db}`,
        ];
        process.stdout.write(`${out.join('\n')}\n`);
      });
    });
}
