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

/** Feature → row offset into `values` (TAG_COUNT weights per row). One flat array keeps lookups and memory lean. */
export interface Weights {
  index: Map<string, number>;
  values: ArrayLike<number>;
}

const shapes = new Map<string, string>();

/** Word shape with runs collapsed: "Xiaomi" → "Xx", "U.S." → "X.X.", "2018" → "d", "iPhone" → "xXx". */
export function shape(word: string): string {
  let known = shapes.get(word);
  if (known === undefined) {
    // Words recur across articles; the bound keeps a long run's memory flat.
    if (shapes.size > 200_000) shapes.clear();
    shapes.set(word, (known = computeShape(word)));
  }
  return known;
}

function computeShape(word: string): string {
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

/** Features of a token by itself (lower-cased form, shape, affixes, length). */
function ownFeatures(w: string, sh: string): string[] {
  return [`w=${w}`, `s=${sh}`, `x2=${w.slice(-2)}`, `x3=${w.slice(-3)}`, `x4=${w.slice(-4)}`, `p3=${w.slice(0, 3)}`, `len=${Math.min(w.length, 8)}|${sh}`];
}

/** Features a token gives its neighbours, by its position relative to them. */
const NEIGHBOUR_ROLES = {
  prev: (w: string, sh: string): string[] => [`pw=${w}`, `ps=${sh}`],
  next: (w: string, sh: string): string[] => [`nw=${w}`, `ns=${sh}`],
  prev2: (w: string): string[] => [`pw2=${w}`],
  next2: (w: string): string[] => [`nw2=${w}`],
};

const placeFeatureCache = new Map<string, string[]>();

/** Gazetteer-mark features, from a small cache: almost every token has the same three marks ("-"). */
function placeFeatures(prev: string, here: string, next: string): string[] {
  const key = `${prev} ${here} ${next}`;
  let f = placeFeatureCache.get(key);
  if (!f) placeFeatureCache.set(key, (f = [`g=${here}`, `pg=${prev}|${here}`, `ng=${next}`]));
  return f;
}

/** Features of token i that combine it with its context (pairs, gazetteer marks, position, lists). */
function contextFeatures(ctx: SentenceContext, i: number): string[] {
  const { lower, shapes, places, stop, first } = ctx;
  const w = lower[i]!;
  const sh = shapes[i]!;
  const psh = shapes[i - 1] ?? BOUNDARY;
  const nsh = shapes[i + 1] ?? BOUNDARY;
  const f = [
    `s3=${psh}|${sh}|${nsh}`,
    `pw|w=${lower[i - 1] ?? BOUNDARY}|${w}`,
    `w|nw=${w}|${lower[i + 1] ?? BOUNDARY}`,
    ...placeFeatures(places[i - 1] || '-', places[i] || '-', places[i + 1] || '-'),
    `st=${stop[i] ? 1 : 0}|${sh}|${i === 0 ? 1 : 0}`,
    `fn=${first[i] ? 1 : 0}|${first[i - 1] ? 1 : 0}|${nsh}`,
  ];
  if (i === 0) f.push(`first|${sh}`);
  return f;
}

/** The tag-independent features of token i. */
export function tokenFeatures(ctx: SentenceContext, i: number): string[] {
  const { lower, shapes } = ctx;
  const at = (k: number): [string, string] => [lower[k] ?? BOUNDARY, shapes[k] ?? BOUNDARY];
  return [
    'b',
    ...ownFeatures(...at(i)),
    ...NEIGHBOUR_ROLES.prev(...at(i - 1)),
    ...NEIGHBOUR_ROLES.next(...at(i + 1)),
    ...NEIGHBOUR_ROLES.prev2(at(i - 2)[0]),
    ...NEIGHBOUR_ROLES.next2(at(i + 2)[0]),
    ...contextFeatures(ctx, i),
  ];
}

/** Features of the tags already decided. */
export function historyFeatures(ctx: SentenceContext, i: number, prev: string, prev2: string): string[] {
  return [`t=${prev}`, `t2=${prev2}|${prev}`, `t|w=${prev}|${ctx.lower[i]}`, `t|s=${prev}|${ctx.shapes[i]}`];
}

/** Score of each tag for a feature list. */
export function score(weights: Weights, feats: string[], out: Float64Array): Float64Array {
  out.fill(0);
  const { index, values } = weights;
  for (const f of feats) {
    const row = index.get(f);
    if (row !== undefined) for (let t = 0; t < TAG_COUNT; t++) out[t]! += values[row + t]!;
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

/** Rows of a word's own and neighbour features, found once per word: at run time most lookups are these. */
interface WordRows {
  own: number[];
  /** Rows of the word after each previous tag. */
  afterTag: Record<string, number[]>;
  prev: number[];
  next: number[];
  prev2: number[];
  next2: number[];
}

const rowCaches = new WeakMap<Weights, Map<string, WordRows>>();

function rowsOf(weights: Weights, feats: string[]): number[] {
  return feats.map((f) => weights.index.get(f)).filter((r): r is number => r !== undefined);
}

/** The cached rows of a word (or of the sentence boundary, for `undefined`), for frozen weights. */
function wordRows(weights: Weights, word: string | undefined): WordRows {
  let cache = rowCaches.get(weights);
  if (!cache || cache.size > 200_000) rowCaches.set(weights, (cache = new Map()));
  const key = word ?? '\u0000';
  let rows = cache.get(key);
  if (!rows) {
    const [w, sh] = word === undefined ? [BOUNDARY, BOUNDARY] : [word.toLowerCase(), shape(word)];
    rows = {
      own: rowsOf(weights, ownFeatures(w, sh)),
      afterTag: {},
      prev: rowsOf(weights, NEIGHBOUR_ROLES.prev(w, sh)),
      next: rowsOf(weights, NEIGHBOUR_ROLES.next(w, sh)),
      prev2: rowsOf(weights, NEIGHBOUR_ROLES.prev2(w)),
      next2: rowsOf(weights, NEIGHBOUR_ROLES.next2(w)),
    };
    cache.set(key, rows);
  }
  return rows;
}

const tagPairRows = new WeakMap<Weights, Map<string, number[]>>();

/** Rows of the bias and of the two previous tags. */
function tagRows(weights: Weights, prev2: string, prev: string): number[] {
  let cache = tagPairRows.get(weights);
  if (!cache) tagPairRows.set(weights, (cache = new Map()));
  const key = `${prev2} ${prev}`;
  let rows = cache.get(key);
  if (!rows) cache.set(key, (rows = rowsOf(weights, ['b', `t=${prev}`, `t2=${prev2}|${prev}`])));
  return rows;
}

function addRows(out: Float64Array, values: ArrayLike<number>, rows: number[]): void {
  for (const row of rows) for (let t = 0; t < TAG_COUNT; t++) out[t]! += values[row + t]!;
}

/** The same sum as score(tokenFeatures + historyFeatures), with word features read from the row cache. */
export function scoreToken(weights: Weights, ctx: SentenceContext, i: number, prev: string, prev2: string, out: Float64Array): Float64Array {
  score(weights, contextFeatures(ctx, i), out);
  const { tokens } = ctx;
  const own = wordRows(weights, tokens[i]);
  addRows(out, weights.values, tagRows(weights, prev2, prev));
  addRows(out, weights.values, (own.afterTag[prev] ??= rowsOf(weights, [`t|w=${prev}|${ctx.lower[i]}`, `t|s=${prev}|${ctx.shapes[i]}`])));
  addRows(out, weights.values, own.own);
  addRows(out, weights.values, wordRows(weights, tokens[i - 1]).prev);
  addRows(out, weights.values, wordRows(weights, tokens[i + 1]).next);
  addRows(out, weights.values, wordRows(weights, tokens[i - 2]).prev2);
  addRows(out, weights.values, wordRows(weights, tokens[i + 2]).next2);
  return out;
}

/** Greedy decoding of one sentence with frozen weights. */
export function decode(weights: Weights, ctx: SentenceContext): string[] {
  const tags: string[] = [];
  const scores = new Float64Array(TAG_COUNT);
  for (let i = 0; i < ctx.tokens.length; i++) {
    const prev = tags[i - 1] ?? BOUNDARY;
    if ((prev === 'O' || prev === BOUNDARY) && plainToken(ctx, i)) {
      tags.push('O');
      continue;
    }
    tags.push(TAGS[bestValidTag(scoreToken(weights, ctx, i, prev, tags[i - 2] ?? BOUNDARY, scores), prev)]!);
  }
  return tags;
}

/** Weights from the stored form, kept as Int16 (only the ranking of scores matters, so no rescaling). */
export function readWeights(model: StoredModel): Weights {
  const raw = Buffer.from(model.weights, 'base64');
  const values = new Int16Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length));
  return { index: new Map(model.features.map((f, k) => [f, k * TAG_COUNT])), values };
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
