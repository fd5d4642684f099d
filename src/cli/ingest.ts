// `storyline ingest PATH… | -`: read, clean, analyse, link and store; a progress bar on a TTY, a summary always.
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { RunSummary } from '../model.js';
import type { Store } from '../store/types.js';
import { DEFAULT_DB, EXIT, UsageError, printJsonLine, withStore } from './common.js';

export function summaryLine(s: RunSummary, db: string): string {
  const extra = [
    s.unchanged ? `${s.unchanged} already stored` : '',
    s.duplicates ? `${s.duplicates} duplicate${s.duplicates === 1 ? '' : 's'}` : '',
    s.syndicated ? `${s.syndicated} syndicated copies` : '',
  ].filter(Boolean);
  return `ingested ${s.ingested} article${s.ingested === 1 ? '' : 's'}${extra.length ? ` (${extra.join(', ')})` : ''}, rejected ${s.rejected} of ${s.read} inputs in ${s.seconds}s → ${db}${s.rejected ? '  (see: storyline rejects)' : ''}`;
}

/** Ingest with a progress bar on stderr when it is a terminal and the user did not ask for quiet. */
export async function runIngest(store: Store, paths: string[], opts: { quiet?: boolean; sourceFromFolder?: boolean; followLinks?: boolean; batchSize?: number; workers?: number }): Promise<RunSummary> {
  const bar = !opts.quiet && process.stderr.isTTY
    ? new cliProgress.SingleBar({ stream: process.stderr, format: 'ingest [{bar}] {value}/{total} inputs · {articles} articles · {rejected} rejected', hideCursor: true }, cliProgress.Presets.shades_classic)
    : null;
  let started = false;
  // Loaded on use: the language model takes a second to load, which commands that only read should not pay.
  const { ingest } = await import('../pipeline.js');
  const { defaultWorkers } = await import('../queue/pool.js');
  try {
    return await ingest(store, paths, {
      sourceFromFolder: opts.sourceFromFolder,
      followLinks: opts.followLinks,
      batchSize: opts.batchSize,
      workers: opts.workers ?? defaultWorkers(),
      onProgress: (done, total, s) => {
        if (!bar) return;
        if (!started) {
          bar.start(total, 0, { articles: 0, rejected: 0 });
          started = true;
        }
        bar.update(done, { articles: s.ingested, rejected: s.rejected });
      },
    });
  } finally {
    if (started) bar?.stop();
  }
}

export function ingestCommand(): Command {
  return new Command('ingest')
    .description('ingest files, folders (recursive), .gz, - for stdin, or http(s) URLs')
    .argument('<paths...>', 'files, folders, - or URLs')
    .option('--db <path>', 'database file', DEFAULT_DB)
    .option('--quiet', 'no progress bar')
    .option('--json', 'print the summary as JSON')
    .option('--source-from-folder', "name a file's outlet after its folder when the file names none")
    .option('--no-follow-links', "use feed items' own summaries instead of fetching the pages they link to")
    .option('--batch-size <n>', 'articles per transaction', (v) => Number.parseInt(v, 10), 200)
    .option('--workers <n>', 'worker threads for extraction and analysis (0: none; default: cores - 1)', (v) => Number.parseInt(v, 10))
    .action(async (paths: string[], o: { db: string; quiet?: boolean; json?: boolean; sourceFromFolder?: boolean; followLinks: boolean; batchSize: number; workers?: number }) => {
      if (o.workers !== undefined && !(o.workers >= 0)) throw new UsageError('--workers takes a number, 0 or more');
      const summary = await withStore(o.db, (store) => runIngest(store, paths, { quiet: o.quiet || o.json, sourceFromFolder: o.sourceFromFolder, followLinks: o.followLinks, batchSize: o.batchSize, workers: o.workers }));
      if (o.json) printJsonLine({ ...summary, db: o.db });
      else process.stdout.write(`${summaryLine(summary, o.db)}\n`);
      process.exitCode = summary.rejected ? EXIT.partial : EXIT.ok;
    });
}
