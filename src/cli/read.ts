// Reading commands: `search QUERY`, `story ID`, `article ID`, `rejects`.
import { Command } from 'commander';
import { storyHtml, storyMarkdown } from '../stories/render.js';
import { timelineMarkdown } from '../stories/timeline.js';
import { DEFAULT_DB, EXIT, UsageError, printJsonLine, table, withStore } from './common.js';

export function searchCommand(): Command {
  return new Command('search')
    .description('full-text search over article titles and text')
    .argument('<query...>', 'words (all must match; word* for a prefix)')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--limit <n>', 'most hits shown', (v) => Number.parseInt(v, 10), 20)
    .option('--json', 'one JSON line per hit')
    .action(async (query: string[], o: { db: string; limit: number; json?: boolean }) => {
      const hits = await withStore(o.db, (s) => s.search(query.join(' '), o.limit));
      // The id shown is the one exports use (record id, URL or path); the internal key stays available.
      if (o.json) hits.forEach(({ id, origin, ...rest }) => printJsonLine({ id: origin, key: id, ...rest }));
      else if (!hits.length) process.stdout.write('no matches\n');
      else for (const h of hits) process.stdout.write(`${h.title}\n  ${h.lang} · ${h.published ?? 'date unknown'} · story ${h.story ?? '-'} · ${h.origin}\n  ${h.snippet}\n`);
    });
}

export function storyCommand(): Command {
  return new Command('story')
    .description('show one story (id or unique id prefix)')
    .argument('<id>', 'story id')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--format <format>', 'md | json | html', 'md')
    .option('--timeline', 'only the dated happenings and plans, with citations (md or json)')
    .action(async (id: string, o: { db: string; format: string; timeline?: boolean }) => {
      if (!['md', 'json', 'html'].includes(o.format)) throw new UsageError(`unknown format "${o.format}": choose md, json or html`);
      if (o.timeline && o.format === 'html') throw new UsageError('--timeline prints md or json');
      const story = await withStore(o.db, (s) => s.story(id));
      if (!story) throw new UsageError(`no story "${id}" (see: storyline export stories)`);
      if (o.timeline) {
        const number = (a: string): number => story.articles.findIndex((x) => x.id === a) + 1;
        const timeline = story.timeline ?? [];
        return void process.stdout.write(o.format === 'json' ? `${JSON.stringify(timeline, null, 2)}\n` : timelineMarkdown(story.title, timeline, number));
      }
      process.stdout.write(o.format === 'json' ? `${JSON.stringify(story, null, 2)}\n` : o.format === 'html' ? storyHtml(story) : storyMarkdown(story));
    });
}

export function articleCommand(): Command {
  return new Command('article')
    .description('show one article (key, key prefix, record id or path), optionally with its blocks')
    .argument('<id>', 'article id')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--blocks', 'show every block, kept or dropped, with its reason')
    .option('--json', 'as JSON')
    .action(async (id: string, o: { db: string; blocks?: boolean; json?: boolean }) => {
      await withStore(o.db, async (s) => {
        const a = await s.article(id);
        if (!a) throw new UsageError(`no article "${id}"`);
        const blocks = o.blocks ? await s.blocks(a.id) : [];
        const times = await s.times(a.id);
        if (o.json) return printJsonLine({ ...a, publishedInferred: times.publishedInferred, times: times.expressions, blocks: o.blocks ? blocks : undefined });
        const inferred = times.publishedInferred ? ` (inferred ${times.publishedInferred.start} – ${times.publishedInferred.end})` : '';
        process.stdout.write(`${a.title}\n${a.source ?? 'unknown outlet'} · ${a.lang} (${a.langConfidence}) · ${a.published ?? `date unknown${inferred}`}${a.publishedSource ? ` (from ${a.publishedSource})` : ''} · ${a.origin}\n\n`);
        if (!o.blocks) return void process.stdout.write(`${a.text}\n`);
        for (const b of blocks) process.stdout.write(`${b.kept ? 'KEEP' : 'DROP'} ${b.kind.padEnd(7)} ${b.reason.padEnd(30)} ${b.text.length > 100 ? `${b.text.slice(0, 99)}…` : b.text}\n`);
      });
    });
}

export function rejectsCommand(): Command {
  return new Command('rejects')
    .description('inputs that did not become articles, with the reason')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--json', 'one JSON line per reject')
    .action(async (o: { db: string; json?: boolean }) => {
      const rejects = await withStore(o.db, (s) => s.rejects());
      if (o.json) rejects.forEach((r) => printJsonLine(r));
      else if (!rejects.length) process.stdout.write('no rejects\n');
      else process.stdout.write(`${table([['input', 'reason', 'detail'], ...rejects.map((r) => [r.origin, r.reason, (r.detail ?? '').slice(0, 60)])])}\n`);
      process.exitCode = EXIT.ok;
    });
}

