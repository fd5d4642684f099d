// `storyline bench ingest`: end-to-end ingest speed and peak memory on a generated plain-text corpus.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../src/pipeline.js';
import { openStore } from '../src/store/index.js';
import { fileURLToPath } from 'node:url';
import { writeSyntheticCorpus } from './corpus.js';

const DEMO_CORPUS = fileURLToPath(new URL('../../demo/corpus/', import.meta.url));

export interface IngestBenchResult {
  articles: number;
  seconds: number;
  articles_per_s: number;
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
    const summary = await ingest(store, [join(dir, 'corpus')], { workers });
    const seconds = (performance.now() - t0) / 1000;
    const stats = await store.stats();
    await store.close();
    return {
      articles: summary.ingested,
      seconds: Number(seconds.toFixed(2)),
      articles_per_s: Math.round(summary.ingested / seconds),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      workers,
      events: stats.events,
      stories: stats.stories,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
