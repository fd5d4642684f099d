// `storyline bench <name>`: benchmarks that print our figure beside the reference, in one run.
import { Command } from 'commander';
import { UsageError, printJsonLine, table } from './common.js';
import type { BenchRunner } from '../../bench/report.js';

// Each benchmark loads lazily: they pull in data readers the other commands never need.
const BENCHES: Record<string, () => Promise<BenchRunner>> = {
  ingest: async () => (await import('../../bench/ingest.js')).ingestReport,
  stories: async () => (await import('../../bench/stories.js')).storiesReport,
  extract: async () => (await import('../../bench/extract.js')).extractReport,
  dates: async () => (await import('../../bench/dates.js')).datesReport,
  boilerplate: async () => (await import('../../bench/boilerplate.js')).boilerplateReport,
  ner: async () => (await import('../../bench/ner.js')).nerReport,
  langid: async () => (await import('../../bench/langid.js')).langidReport,
  time: async () => (await import('../../bench/time.js')).timeReport,
};

export function benchCommand(): Command {
  const names = Object.keys(BENCHES).join(', ');
  return new Command('bench')
    .description(`run a benchmark: ${names}`)
    .argument('<name>', names)
    .option('--count <n>', 'how many items to generate or read, where the benchmark takes a size', (v) => Number.parseInt(v, 10))
    .option('--json', 'one JSON object')
    .action(async (name: string, o: { count?: number; json?: boolean }) => {
      const load = Object.hasOwn(BENCHES, name) ? BENCHES[name] : undefined;
      if (!load) throw new UsageError(`unknown benchmark "${name}": choose ${names}`);
      const report = await (await load())({ count: o.count });
      if (o.json) return printJsonLine(report.json);
      if (report.skipped) return void process.stdout.write(`skipped: ${report.skipped}\n`);
      process.stdout.write(`${table(report.rows)}\n${(report.notes ?? []).map((n) => `${n}\n`).join('')}`);
    });
}
