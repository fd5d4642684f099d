// `storyline bench time`: TempEval-3 platinum timex scoring beside HeidelTime and SUTime, the team set per language, speed.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeTimes } from '../src/analyze/time/index.js';
import { tagTimes } from '../src/analyze/time/tagger.js';
import { identifyLanguage } from '../src/text/langid.js';
import { writeSyntheticCorpus } from './corpus.js';
import type { BenchReport } from './report.js';
import { emptyCounts, readTimeML, scoreDoc, timexScores, type TimeMLDoc } from './timeml.js';
import { describeMiss, scoreTimeSet } from './timeset.js';

const TEMPEVAL = resolve(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared', 'bench-data', 'tempeval3');

/** TempEval-3 paper, Table 3 (English task A, platinum test). */
const REFERENCE = {
  'HeidelTime-t': { relaxed: 90.3, strict: 81.34, value: 77.61 },
  SUTime: { relaxed: 90.32, strict: 79.57, value: 67.38 },
};
export const TARGET_VALUE_F1 = 0.8;
const SPEED_TARGET_MS = 0.3;

/** Input TEXT + DCT from the .TE3input files; gold TIMEX3 from te3-platinum (one file spelled "sarcozy" there). */
export function tempevalDocs(dir = TEMPEVAL): { name: string; input: TimeMLDoc; gold: TimeMLDoc }[] {
  const inputs = readdirSync(join(dir, 'TE3-platinum-test')).filter((f) => f.endsWith('.tml.TE3input')).sort();
  return inputs.map((f) => {
    const name = f.replace(/\.TE3input$/, '');
    const goldName = existsSync(join(dir, 'te3-platinum', name)) ? name : name.replace('sarkozy', 'sarcozy');
    const input = readTimeML(readFileSync(join(dir, 'TE3-platinum-test', f), 'utf8'));
    const gold = readTimeML(readFileSync(join(dir, 'te3-platinum', goldName), 'utf8'));
    if (input.text !== gold.text) throw new Error(`${name}: input and gold TEXT differ`);
    return { name, input, gold };
  });
}

/** CPU milliseconds to tag 3,000 characters of the given English texts (best of eight passes, after warm-up). */
function msPer3kb(texts: string[], anchor: string): number {
  const chars = texts.reduce((n, t) => n + t.length, 0);
  let best = Infinity;
  for (let pass = 0; pass < 8; pass++) {
    const t0 = process.cpuUsage();
    for (const t of texts) tagTimes(t, 'en', anchor);
    best = Math.min(best, process.cpuUsage(t0).user / 1000);
  }
  return (best / chars) * 3000;
}

const DEMO_CORPUS = fileURLToPath(new URL('../../demo/corpus/', import.meta.url));
const GENERATED_ARTICLES = 1000;

/** The generated ingest corpus's articles (about 3 KB each, five languages) with their language and date line. */
function generatedArticles(): { text: string; lang: string; published: string | null }[] {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-time-'));
  try {
    writeSyntheticCorpus(dir, GENERATED_ARTICLES, DEMO_CORPUS);
    return readdirSync(dir).sort().map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      return { text, lang: identifyLanguage(text).lang, published: /date (\d{4}-\d{2}-\d{2})/.exec(text)?.[1] ?? null };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU milliseconds per generated article for the analyze stage's call (best of five passes, after one warm-up pass). */
function msPerArticle(): number {
  const articles = generatedArticles();
  let best = Infinity;
  for (let pass = 0; pass < 6; pass++) {
    const t0 = process.cpuUsage();
    for (const a of articles) analyzeTimes(a.text, a.lang, a.published);
    if (pass > 0) best = Math.min(best, process.cpuUsage(t0).user / 1000);
  }
  return best / articles.length;
}

const pct = (x: number): string => (x * 100).toFixed(2);

export async function timeReport(): Promise<BenchReport> {
  const set = scoreTimeSet();
  const setRows = Object.entries(set.byLang).map(([lang, s]) => [`team set ${lang} accuracy (${s.correct}/${s.n})`, s.accuracy.toFixed(3), '', '', '≥ 0.95']);
  const setRow = ['team set, all languages', set.accuracy.toFixed(3), '', '', '≥ 0.95'];
  const notes = set.misses.slice(0, 15).map((m) => `miss ${describeMiss(m)}`);
  const json: Record<string, unknown> = {
    bench: 'time',
    team_set: { accuracy: set.accuracy, n: set.n, by_lang: set.byLang },
  };
  const header = ['measure', 'Storyline', 'HeidelTime-t', 'SUTime', 'target'];
  if (!existsSync(join(TEMPEVAL, 'TE3-platinum-test'))) {
    notes.unshift(`skipped TempEval-3: no data at ${TEMPEVAL}`);
    return { json: { ...json, skipped: 'tempeval3 data absent' }, rows: [header, setRow, ...setRows], notes };
  }
  const docs = tempevalDocs();
  const counts = emptyCounts();
  for (const d of docs) scoreDoc(counts, d.gold.timexes, tagTimes(d.input.text, 'en', d.input.dct));
  const s = timexScores(counts);
  const speed = msPer3kb(docs.map((d) => d.input.text), '2013-03-22');
  const perArticle = msPerArticle();
  Object.assign(json, {
    documents: docs.length,
    gold_timexes: counts.gold,
    system_timexes: counts.system,
    strict_p: s.strict.p, strict_r: s.strict.r, strict_f1: s.strict.f1,
    relaxed_p: s.relaxed.p, relaxed_r: s.relaxed.r, relaxed_f1: s.relaxed.f1,
    type_accuracy: s.typeAccuracy, value_accuracy: s.valueAccuracy, type_f1: s.typeF1, value_f1: s.valueF1,
    target_value_f1: TARGET_VALUE_F1,
    ms_per_3kb: Number(speed.toFixed(4)),
    ms_per_generated_article: Number(perArticle.toFixed(4)),
  });
  const ref = REFERENCE;
  const rows = [
    header,
    ['TempEval-3 value F1', pct(s.valueF1), String(ref['HeidelTime-t'].value), String(ref.SUTime.value), `≥ ${pct(TARGET_VALUE_F1)}`],
    ['relaxed F1 (P / R)', `${pct(s.relaxed.f1)} (${pct(s.relaxed.p)} / ${pct(s.relaxed.r)})`, String(ref['HeidelTime-t'].relaxed), String(ref.SUTime.relaxed), ''],
    ['strict F1 (P / R)', `${pct(s.strict.f1)} (${pct(s.strict.p)} / ${pct(s.strict.r)})`, String(ref['HeidelTime-t'].strict), String(ref.SUTime.strict), ''],
    ['value accuracy (relaxed matches)', pct(s.valueAccuracy), '', '', ''],
    ['type accuracy / type F1', `${pct(s.typeAccuracy)} / ${pct(s.typeF1)}`, '', '', ''],
    ['timexes gold / found', `${counts.gold} / ${counts.system}`, '', '', ''],
    ['tagging ms per 3 KB (one core)', speed.toFixed(3), '', '', `≤ ${SPEED_TARGET_MS}`],
    [`ms per generated ingest article (${GENERATED_ARTICLES})`, perArticle.toFixed(3), '', '', ''],
    setRow,
    ...setRows,
  ];
  notes.unshift('TempEval-3 platinum test (20 English news texts, 138 TIMEX3; UzZaman et al., SemEval 2013; CC BY 3.0). References: Table 3 of the task paper.');
  return { json, rows, notes };
}
