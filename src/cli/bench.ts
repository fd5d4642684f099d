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
      const r = await benchIngest(o.count);
      if (o.json) return printJsonLine({ bench: 'ingest', ...r, floor_articles_per_s: INGEST_FLOOR });
      process.stdout.write(
        `${table([
          ['measure', 'storyline', 'reference'],
          ['articles/s end to end (one core, SQLite)', String(r.articles_per_s), `floor ${INGEST_FLOOR}`],
          ['articles', String(r.articles), ''],
          ['seconds', String(r.seconds), ''],
          ['peak memory (RSS, MB)', String(r.peak_rss_mb), ''],
          ['events / stories', `${r.events} / ${r.stories}`, ''],
        ])}\n`,
      );
    });
}
