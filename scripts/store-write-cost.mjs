// CPU (process.cpuUsage, user + system) of Store.writeBatch per article, for each 1,000 articles of a one-core ingest
// of generated articles. Run it on two builds in turn to compare them (see docs/benchmarks.md, "Ingest speed").
// usage: node scripts/store-write-cost.mjs [COUNT] [DIST]   (defaults: 10000, ./dist)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const count = Number(process.argv[2] ?? 10000);
const dist = resolve(process.argv[3] ?? 'dist');
const { ingest } = await import(join(dist, 'src/pipeline.js'));
const { openStore } = await import(join(dist, 'src/store/index.js'));
const { writeSyntheticCorpus } = await import(join(dist, 'bench/corpus.js'));

const dir = mkdtempSync(join(tmpdir(), 'storyline-store-write-'));
const corpus = join(dir, 'corpus');
mkdirSync(corpus);
// The same generated corpus for every build compared: made from this checkout's demo corpus.
writeSyntheticCorpus(corpus, count, fileURLToPath(new URL('../demo/corpus/', import.meta.url)));
const store = openStore(join(dir, 'bench.db'));
const write = store.writeBatch.bind(store);
const perThousand = [];
let written = 0;
store.writeBatch = async (batch) => {
  const before = process.cpuUsage();
  await write(batch);
  const used = process.cpuUsage(before);
  const bucket = (perThousand[Math.floor(written / 1000)] ??= { ms: 0, articles: 0 });
  bucket.ms += (used.user + used.system) / 1000;
  bucket.articles += batch.articles.length;
  written += batch.articles.length;
};
await ingest(store, [corpus], { workers: 0 });
await store.close();
rmSync(dir, { recursive: true, force: true });
console.log(JSON.stringify({ dist, articles: written, writeBatchMsPerArticle: perThousand.map((b) => +(b.ms / b.articles).toFixed(2)) }));
