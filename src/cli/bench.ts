// `storyline bench <name>`: benchmarks that print our figure beside the reference, in one run.
import { Command } from 'commander';
import { UsageError, printJsonLine, table } from './common.js';

export function benchCommand(): Command {
  return new Command('bench')
    .description('run a benchmark: ingest')
    .argument('<name>', 'ingest')
    .option('--count <n>', 'articles to generate (ingest)', (v) => Number.parseInt(v, 10), 10_000)
    .option('--json', 'one JSON object')
    .action(async (name: string, o: { count: number; json?: boolean }) => {
      if (name !== 'ingest') throw new UsageError(`unknown benchmark "${name}": choose ingest`);
      const { benchIngest, INGEST_FLOOR } = await import('../../bench/ingest.js');
      const { defaultWorkers } = await import('../../src/queue/pool.js');
      const one = await benchIngest(o.count, 0);
      const parallel = defaultWorkers() > 0 ? await benchIngest(o.count, defaultWorkers()) : null;
      if (o.json) return printJsonLine({ bench: 'ingest', ...one, floor_articles_per_s: INGEST_FLOOR, parallel });
      const rows = [
        ['measure', 'one core', parallel ? `${parallel.workers} workers + main` : '', 'reference'],
        ['articles/s end to end (SQLite)', String(one.articles_per_s), String(parallel?.articles_per_s ?? ''), `floor ${INGEST_FLOOR} (one core)`],
        ['articles', String(one.articles), String(parallel?.articles ?? ''), ''],
        ['seconds', String(one.seconds), String(parallel?.seconds ?? ''), ''],
        ['peak memory (RSS, MB)', String(one.peak_rss_mb), String(parallel?.peak_rss_mb ?? ''), ''],
        ['events / stories', `${one.events} / ${one.stories}`, parallel ? `${parallel.events} / ${parallel.stories}` : '', ''],
      ];
      process.stdout.write(`${table(rows)}\n`);
    });
}
