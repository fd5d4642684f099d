// `storyline bench ingest`: end-to-end ingest speed and peak memory on a generated plain-text corpus.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/pipeline.js';
import { openStore } from '../src/store/index.js';
import { fileURLToPath } from 'node:url';
import { writeSyntheticCorpus } from './corpus.js';
import { defaultWorkers } from '../src/queue/pool.js';
import type { BenchOptions, BenchReport } from './report.js';

const DEMO_CORPUS = fileURLToPath(new URL('../../demo/corpus/', import.meta.url));

export interface IngestBenchResult {
  articles: number;
  seconds: number;
  articles_per_s: number;
  /** CPU (user + system, all threads of the process) per article: steadier than wall time on a shared machine. */
  cpu_ms_per_article: number;
  peak_rss_mb: number;
  workers: number;
  events: number;
  stories: number;
}

/** Floor set for the foundation: 200 articles/s on one core with SQLite. */
export const INGEST_FLOOR = 200;

/** Ingest `count` generated articles into a fresh SQLite database with `workers` worker threads (0: one core). */
export async function benchIngest(count: number, workers: number): Promise<IngestBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-bench-'));
  try {
    writeSyntheticCorpus(join(dir, 'corpus'), count, DEMO_CORPUS);
    const store = openStore(join(dir, 'bench.db'));
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const summary = await ingest(store, [join(dir, 'corpus')], { workers });
    const cpu = process.cpuUsage(cpu0);
    const seconds = (performance.now() - t0) / 1000;
    const stats = await store.stats();
    await store.close();
    return {
      articles: summary.ingested,
      seconds: Number(seconds.toFixed(2)),
      articles_per_s: Math.round(summary.ingested / seconds),
      cpu_ms_per_article: Number(((cpu.user + cpu.system) / 1000 / Math.max(1, summary.ingested)).toFixed(2)),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      workers,
      events: stats.events,
      stories: stats.stories,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One core, then the worker pool, side by side. */
export async function ingestReport(o: BenchOptions): Promise<BenchReport> {
  const count = o.count ?? 10_000;
  const one = await benchIngest(count, 0);
  const parallel = defaultWorkers() > 0 ? await benchIngest(count, defaultWorkers()) : null;
  const rows = [
    ['measure', 'one core', parallel ? `${parallel.workers} workers + main` : '', 'reference'],
    ['articles/s end to end (SQLite)', String(one.articles_per_s), String(parallel?.articles_per_s ?? ''), `floor ${INGEST_FLOOR} (one core)`],
    ['articles', String(one.articles), String(parallel?.articles ?? ''), ''],
    ['seconds', String(one.seconds), String(parallel?.seconds ?? ''), ''],
    ['CPU ms per article (all threads)', String(one.cpu_ms_per_article), String(parallel?.cpu_ms_per_article ?? ''), `${(1000 / INGEST_FLOOR).toFixed(1)} at the floor`],
    ['peak memory (RSS, MB)', String(one.peak_rss_mb), String(parallel?.peak_rss_mb ?? ''), ''],
    ['events / stories', `${one.events} / ${one.stories}`, parallel ? `${parallel.events} / ${parallel.stories}` : '', ''],
  ];
  return { json: { bench: 'ingest', ...one, floor_articles_per_s: INGEST_FLOOR, parallel }, rows };
}
