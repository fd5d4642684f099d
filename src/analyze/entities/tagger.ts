// The NER tagger: an averaged perceptron over word shape, affixes, neighbouring words, gazetteers and the two
// previous tags, decoded greedily left to right. Written here because no maintained JS library trains one.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { allStopwords } from '../../text/lexicon.js';
import { isFirstName, placeMarks } from './gazetteer.js';

export const MODEL_FILE = fileURLToPath(new URL('./model/ner-model.json', import.meta.url));

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;
export const TAG_COUNT = TAGS.length;

/** A trained model as stored: feature names, and base64 of their Int16 weights (tags × features, feature-major). */
export interface StoredModel {
  tags: readonly string[];
  features: string[];
  weights: string;
  notice: string[];
}

export type Weights = Map<string, ArrayLike<number>>;

/** Word shape with runs collapsed: "Xiaomi" → "Xx", "U.S." → "X.X.", "2018" → "d", "iPhone" → "xXx". */
export function shape(word: string): string {
  let out = '';
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\d/.test(ch) ? 'd' : ch;
    if (!out.endsWith(c)) out += c;
  }
  return out.length > 6 ? out.slice(0, 6) : out;
}

/** Everything about a sentence's tokens that does not depend on the tags being decided. */
export interface SentenceContext {
  tokens: string[];
  lower: string[];
  shapes: string[];
  places: string[];
  /** Token flags: stop word in some language, known first name. */
  stop: boolean[];
  first: boolean[];
}

export function sentenceContext(tokens: string[]): SentenceContext {
  const stops = allStopwords();
  const lower = tokens.map((t) => t.toLowerCase());
  return {
    tokens,
    lower,
    shapes: tokens.map(shape),
    places: placeMarks(tokens),
    stop: lower.map((w) => stops.has(w)),
    first: tokens.map((t) => /^\p{Lu}\p{Ll}/u.test(t) && isFirstName(t)),
  };
}

/** A token that cannot start an entity: no capital letter. After O it is O without scoring (most tokens). */
export function plainToken(ctx: SentenceContext, i: number): boolean {
  return !/\p{Lu}/u.test(ctx.tokens[i]!);
}

const BOUNDARY = '_';

/** The tag-independent features of token i. */
export function tokenFeatures(ctx: SentenceContext, i: number): string[] {
  const { lower, shapes, places, stop, first } = ctx;
  const w = lower[i]!;
  const sh = shapes[i]!;
  const pw = lower[i - 1] ?? BOUNDARY;
  const nw = lower[i + 1] ?? BOUNDARY;
  const psh = shapes[i - 1] ?? BOUNDARY;
  const nsh = shapes[i + 1] ?? BOUNDARY;
  const f = [
    'b',
    `w=${w}`,
    `s=${sh}`,
    `x3=${w.slice(-3)}`,
    `x4=${w.slice(-4)}`,
    `p3=${w.slice(0, 3)}`,
    `pw=${pw}`,
    `nw=${nw}`,
    `pw2=${lower[i - 2] ?? BOUNDARY}`,
    `nw2=${lower[i + 2] ?? BOUNDARY}`,
    `ps=${psh}`,
    `ns=${nsh}`,
    `s3=${psh}|${sh}|${nsh}`,
    `pw|w=${pw}|${w}`,
    `w|nw=${w}|${nw}`,
    `g=${places[i] || '-'}`,
    `pg=${places[i - 1] || '-'}|${places[i] || '-'}`,
    `ng=${places[i + 1] || '-'}`,
    `st=${stop[i] ? 1 : 0}|${sh}|${i === 0 ? 1 : 0}`,
    `fn=${first[i] ? 1 : 0}|${first[i - 1] ? 1 : 0}|${nsh}`,
    `len=${Math.min(w.length, 8)}|${sh}`,
  ];
  if (i === 0) f.push(`first|${sh}`);
  return f;
}

/** Features of the tags already decided. */
export function historyFeatures(ctx: SentenceContext, i: number, prev: string, prev2: string): string[] {
  return [`t=${prev}`, `t2=${prev2}|${prev}`, `t|w=${prev}|${ctx.lower[i]}`, `t|s=${prev}|${ctx.shapes[i]}`];
}

/** Score of each tag for a feature list. */
export function score(weights: Weights, feats: string[], out: Float64Array): Float64Array {
  out.fill(0);
  for (const f of feats) {
    const w = weights.get(f);
    if (w) for (let t = 0; t < TAG_COUNT; t++) out[t]! += w[t]!;
  }
  return out;
}

/** The best tag that keeps BIO valid: I-X only right after B-X or I-X. */
export function bestValidTag(scores: Float64Array, prev: string): number {
  let best = -1;
  for (let t = 0; t < TAG_COUNT; t++) {
    const tag = TAGS[t]!;
    if (tag.startsWith('I-') && prev.slice(2) !== tag.slice(2)) continue;
    if (best < 0 || scores[t]! > scores[best]!) best = t;
  }
  return best;
}

/** Greedy decoding of one sentence with the given weights. */
export function decode(weights: Weights, ctx: SentenceContext): string[] {
  const tags: string[] = [];
  const scores = new Float64Array(TAG_COUNT);
  for (let i = 0; i < ctx.tokens.length; i++) {
    const prev = tags[i - 1] ?? BOUNDARY;
    if ((prev === 'O' || prev === BOUNDARY) && plainToken(ctx, i)) {
      tags.push('O');
      continue;
    }
    const feats = tokenFeatures(ctx, i).concat(historyFeatures(ctx, i, prev, tags[i - 2] ?? BOUNDARY));
    tags.push(TAGS[bestValidTag(score(weights, feats, scores), prev)]!);
  }
  return tags;
}

/** Weights from the stored form: views into one Int16 array (only the ranking of scores matters, so no rescaling). */
export function readWeights(model: StoredModel): Weights {
  const raw = Buffer.from(model.weights, 'base64');
  const all = new Int16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length));
  const weights: Weights = new Map();
  model.features.forEach((f, k) => weights.set(f, all.subarray(k * TAG_COUNT, (k + 1) * TAG_COUNT)));
  return weights;
}

let loaded: Weights | null = null;

/** The shipped model, read once (the file is gzip-compressed JSON). */
export function shippedWeights(): Weights {
  loaded ??= readWeights(JSON.parse(gunzipSync(readFileSync(`${MODEL_FILE}.gz`)).toString('utf8')) as StoredModel);
  return loaded;
}

/** BIO tags of a tokenised sentence with the shipped model. */
export function tagTokens(tokens: string[]): string[] {
  return decode(shippedWeights(), sentenceContext(tokens));
}
