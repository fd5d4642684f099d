// `storyline bench stories`: clustering quality (B-cubed) on the demo's answer key and on ECB+, in one run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/pipeline.js';
import { openStore } from '../src/store/index.js';
import type { StoredAssignment } from '../src/store/types.js';
import { bcubed, type ClusterScore } from './clusters.js';
import { readGold, scoreDemo } from './demo-gold.js';
import { readEcbPlus } from './ecbplus.js';
import type { BenchOptions, BenchReport } from './report.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ECBPLUS = resolve(ROOT, '..', 'shared', 'bench-data', 'ecbplus');

async function assignmentsOf(inputs: string[], dir: string): Promise<StoredAssignment[]> {
  const store = openStore(join(dir, 'bench.db'));
  try {
    await ingest(store, inputs);
    const out: StoredAssignment[] = [];
    for await (const a of store.assignments()) out.push(a);
    return out;
  } finally {
    await store.close();
  }
}

async function demoScores(dir: string): Promise<{ stories: ClusterScore; events: ClusterScore; articles: number }> {
  const rows = await assignmentsOf([join(ROOT, 'demo', 'corpus')], dir);
  const lines = rows.map((a) => ({ id: a.origin, lang: a.lang, published: a.published, event: a.event, story: a.story, duplicate_of: a.duplicateOf, syndicated_with: a.syndicatedWith }));
  const score = scoreDemo(readGold(join(ROOT, 'demo', 'gold')), lines);
  return { stories: score.stories, events: score.events, articles: score.matched };
}

/** ECB+ texts as undated JSONL records; topic = story, topic half (ecb / ecbplus) = event. */
async function ecbScores(dir: string): Promise<{ stories: ClusterScore; events: ClusterScore; articles: number } | null> {
  const docs = readEcbPlus(ECBPLUS);
  if (!docs.length) return null;
  const file = join(dir, 'ecbplus.jsonl');
  writeFileSync(file, docs.map((d) => JSON.stringify({ id: d.id, text: d.text, lang: 'en' })).join('\n'));
  const rows = await assignmentsOf([file], dir);
  // A record's origin is its id.
  const pred = (pick: (a: StoredAssignment) => string): Map<string, string> => new Map(rows.map((a) => [a.origin, pick(a)]));
  const gold = (pick: (d: (typeof docs)[number]) => string): Map<string, string> => new Map(docs.map((d) => [d.id, pick(d)]));
  return {
    stories: bcubed(gold((d) => d.topic), pred((a) => a.story)),
    events: bcubed(gold((d) => d.subtopic), pred((a) => a.event)),
    articles: rows.length,
  };
}

const fmt = (s: ClusterScore): string => `${s.precision.toFixed(3)} / ${s.recall.toFixed(3)} / ${s.f1.toFixed(3)}`;

export async function storiesReport(_o: BenchOptions): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-bench-'));
  try {
    const demo = await demoScores(mkdtempSync(join(dir, 'd-')));
    const ecb = await ecbScores(mkdtempSync(join(dir, 'e-')));
    const rows = [
      ['set', 'articles', 'stories B³ P / R / F1', 'events B³ P / R / F1', 'reference'],
      ['demo answer key (5 languages)', String(demo.articles), fmt(demo.stories), fmt(demo.events), 'test floor: stories F1 0.90, P 0.95'],
      ecb
        ? ['ECB+ (topic = story, half = event)', String(ecb.articles), fmt(ecb.stories), fmt(ecb.events), 'all in one cluster: topic P ≈ 0.03']
        : ['ECB+', '', 'skipped: ../shared/bench-data/ecbplus not found', '', ''],
    ];
    return { json: { bench: 'stories', demo, ecbplus: ecb }, rows, notes: ['ECB+ texts carry no dates: time windows play no part there.'] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
