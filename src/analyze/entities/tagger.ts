// The NER tagger: an averaged perceptron over word shape, affixes, neighbouring words, word lists and the two
// previous tags, trained with greedy decoding and run with a small beam. Written here because no maintained JS
// library trains one. Features are 32-bit hashes of a template id and integer ids of the tokens (word, shape,
// affixes, list flags), computed once per token, so scoring a token is a few integer-table lookups and builds no strings.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { allStopwords } from '../../text/lexicon.js';
import { boundedMemo } from '../../text/memo.js';
import type { EntitySpan } from './conll.js';
import { isUpperCase } from './nertokens.js';
import { WORD_CLASSES, computePlaceCode, isDemonym, isFirstName, isSurname, placeMarks, wordClasses, wordCues } from './gazetteer.js';

export const MODEL_FILE = fileURLToPath(new URL('./model/ner-model.bin', import.meta.url));

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;
export const TAG_COUNT = TAGS.length;
/** Tag index of the sentence boundary, for the history of the first two tokens. */
const BOUNDARY_TAG = TAG_COUNT;

/** A model's header as stored before its binary tables. */
export interface ModelHeader {
  tags: readonly string[];
  features: number;
  notice: string[];
}

/** Feature key → row offset into `values` (TAG_COUNT weights per row), or -1 for a feature the model lacks. */
export interface Weights {
  row: (key: number) => number;
  values: ArrayLike<number>;
}

/** 32-bit FNV-1a of a string, finished with the murmur3 mixer. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return finish(h);
}

/** Murmur3's 32-bit finaliser: spreads every input bit over the output. */
function finish(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** One murmur3 round: folds `v` into the running hash `h`. */
function mix(h: number, v: number): number {
  let k = Math.imul(v, 0xcc9e2d51);
  k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

const key1 = (t: number, a: number): number => finish(mix(mix(0, t), a));
const key2 = (t: number, a: number, b: number): number => finish(mix(mix(mix(0, t), a), b));
const key3 = (t: number, a: number, b: number, c: number): number => finish(mix(mix(mix(mix(0, t), a), b), c));

/** Feature templates; a template's id is the first thing hashed into each of its keys. */
const enum T {
  Bias = 1, Word, Shape, Suffix2, Suffix3, Suffix4, Prefix3, LengthShape,
  PrevWord, PrevShape, NextWord, NextShape, Prev2Word, Next2Word,
  Shapes3, PrevWordWord, WordNextWord, Place, PrevPlace, NextPlace, StopShape, FirstName, Names, Cues, SentenceStart,
  Tag, Tag2, TagWord, TagShape, TagClass, ClassShape, Classes, Demonym,
}

/** Token flags from word lists. */
const enum F { Stop = 1, First = 2, Surname = 4, OrgCue = 8, LocCue = 16, Demonym = 32 }
const NAME_FLAGS = F.First | F.Surname;
const CUE_FLAGS = F.OrgCue | F.LocCue;

/** What the tagger knows of a token string by itself: hashed forms and list flags. */
export interface TokenInfo {
  word: number;
  shape: number;
  suffix2: number;
  suffix3: number;
  suffix4: number;
  prefix3: number;
  length: number;
  flags: number;
  /** Function-word classes (wordClasses). */
  classes: number;
  /** Has an upper-case letter: only such tokens can start an entity. */
  capital: boolean;
  /** computePlaceCode of the token alone. */
  place: number;
  /** For frozen weights `sumsOf`: the summed weights of the token's key groups (GROUPS × TAG_COUNT). */
  sums?: Float32Array;
  sumsOf?: Weights;
}

/** Word shape with runs collapsed: "Xiaomi" → "Xx", "U.S." → "X.X.", "2018" → "d", "iPhone" → "xXx". */
function shape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    const c = lower !== upper ? (ch === upper ? 'X' : 'x') : ch >= '0' && ch <= '9' ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out.length > 6 ? out.slice(0, 6) : out;
}

const BOUNDARY_INFO: TokenInfo = { word: 1, shape: 1, suffix2: 1, suffix3: 1, suffix4: 1, prefix3: 1, length: 0, flags: 0, classes: 0, capital: false, place: 0 };

/** Flags of a token from the word lists. */
function tokenFlags(token: string, lower: string, capital: boolean): number {
  let flags = allStopwords().has(lower) ? F.Stop : 0;
  if (capital && isFirstName(token)) flags |= F.First;
  if (capital && isSurname(token)) flags |= F.Surname;
  const cue = wordCues(token);
  if (cue.org) flags |= F.OrgCue;
  if (cue.loc) flags |= F.LocCue;
  if (capital && isDemonym(lower)) flags |= F.Demonym;
  return flags;
}

function computeInfo(token: string): TokenInfo {
  const w = token.toLowerCase();
  const capital = hasCapital(token);
  const sh = hashString(shape(token));
  return {
    word: hashString(w),
    shape: sh,
    suffix2: hashString(w.slice(-2)),
    suffix3: hashString(w.slice(-3)),
    suffix4: hashString(w.slice(-4)),
    prefix3: hashString(w.slice(0, 3)),
    length: Math.min(w.length, 8),
    flags: tokenFlags(token, w, capital),
    classes: wordClasses(w),
    capital,
    place: computePlaceCode(token),
  };
}

/** A token's info, remembered: words recur across articles. */
export const tokenInfo = boundedMemo(computeInfo, 200_000);

/** Whether a word has an upper-case letter, without building its lower-case form. */
function hasCapital(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 65 && c <= 90) return true;
    if (c > 127 && isUpperCase(c)) return true;
  }
  return false;
}

/** Everything about a sentence's tokens that does not depend on the tags being decided. */
export interface SentenceContext {
  tokens: string[];
  /** Token infos, filled in when first needed: only tokens scored and their neighbours need one. */
  infos: (TokenInfo | undefined)[];
  /** Per token: 0, or the kind and position of a known place name over it (see placeMarks). */
  places: Uint8Array;
}

/** `known` holds the infos of tokens already at hand (the body's words, from their feature records). */
export function sentenceContext(tokens: string[], known?: (TokenInfo | undefined)[]): SentenceContext {
  const infos = known ?? new Array<TokenInfo | undefined>(tokens.length);
  // Place names start at capitalised tokens, which are all scored: their records are fetched now, once.
  return { tokens, infos, places: placeMarks(tokens, (i) => (infos[i] ??= tokenInfo(tokens[i]!)).place) };
}

/** The token at k, or the boundary beyond the sentence's ends. */
function infoAt(ctx: SentenceContext, k: number): TokenInfo {
  if (k < 0 || k >= ctx.tokens.length) return BOUNDARY_INFO;
  return (ctx.infos[k] ??= tokenInfo(ctx.tokens[k]!));
}

/** A token that cannot start an entity: no capital letter. After O it is O without scoring (most tokens). */
function plainToken(ctx: SentenceContext, i: number): boolean {
  return !hasCapital(ctx.tokens[i]!);
}

/** Most keys one token has (tag-independent and history together). */
const MAX_KEYS = 40;

/** Where a token stands relative to the token being scored; each position has its own keys. */
const enum Role { Own, Prev, Next, Prev2, Next2 }
const ROLES = [Role.Own, Role.Prev, Role.Next, Role.Prev2, Role.Next2] as const;

/** Writes at `c` in `out` the keys a token gives by itself in a role; returns the new count. */
function roleKeys(info: TokenInfo, role: Role, out: Int32Array, c: number): number {
  if (role === Role.Own) {
    out[c++] = key1(T.Word, info.word);
    out[c++] = key1(T.Shape, info.shape);
    out[c++] = key1(T.Suffix2, info.suffix2);
    out[c++] = key1(T.Suffix3, info.suffix3);
    out[c++] = key1(T.Suffix4, info.suffix4);
    out[c++] = key1(T.Prefix3, info.prefix3);
    out[c++] = key2(T.LengthShape, info.length, info.shape);
  } else if (role === Role.Prev) {
    out[c++] = key1(T.PrevWord, info.word);
    out[c++] = key1(T.PrevShape, info.shape);
  } else if (role === Role.Next) {
    out[c++] = key1(T.NextWord, info.word);
    out[c++] = key1(T.NextShape, info.shape);
  } else out[c++] = key1(role === Role.Prev2 ? T.Prev2Word : T.Next2Word, info.word);
  return c;
}

/** Offsets of the token in each role from the token scored, in ROLES order. */
const ROLE_OFFSETS = [0, -1, 1, -2, 2] as const;

/** Writes at `c` the keys of a token after a given previous tag; returns the new count. */
function afterTagKeys(info: TokenInfo, prev: number, out: Int32Array, c: number): number {
  out[c++] = key2(T.TagWord, prev, info.word);
  out[c++] = key2(T.TagShape, prev, info.shape);
  // Class keys only for function words: for the rest they would repeat the bias and shape keys.
  if (info.classes) out[c++] = key2(T.TagClass, prev, info.classes);
  return c;
}

/** Writes at `c` the keys of the two previous tags (and the bias); returns the new count. */
function tagKeys(prev2: number, prev: number, out: Int32Array, c: number): number {
  out[c++] = key1(T.Bias, 0);
  out[c++] = key1(T.Tag, prev);
  out[c++] = key2(T.Tag2, prev2, prev);
  return c;
}

/** Writes at `c` the keys of the place marks of the previous, this and the next token; returns the new count. */
function placeKeys(p: number, h: number, n: number, out: Int32Array, c: number): number {
  out[c++] = key1(T.Place, h);
  out[c++] = key2(T.PrevPlace, p, h);
  out[c++] = key1(T.NextPlace, n);
  return c;
}

/** Place mark codes: 0–4 from placeMarks, this one beyond the sentence's ends. */
const NO_TOKEN_PLACE = 7;
const PLACE_CODES = 8;
const TAG_CODES = BOUNDARY_TAG + 1;

const placeAt = (ctx: SentenceContext, k: number): number => (k < 0 || k >= ctx.places.length ? NO_TOKEN_PLACE : ctx.places[k]!);

/** Writes the keys of token i that combine it with its neighbours (word pairs, list flags, position); returns how many. */
function pairKeys(ctx: SentenceContext, i: number, out: Int32Array): number {
  const here = infoAt(ctx, i);
  const p = infoAt(ctx, i - 1);
  const n = infoAt(ctx, i + 1);
  const p2 = infoAt(ctx, i - 2);
  const n2 = infoAt(ctx, i + 2);
  const start = i === 0 ? 1 : 0;
  let c = 0;
  out[c++] = key3(T.Shapes3, p.shape, here.shape, n.shape);
  out[c++] = key2(T.PrevWordWord, p.word, here.word);
  out[c++] = key2(T.WordNextWord, here.word, n.word);
  out[c++] = key3(T.StopShape, here.flags & F.Stop, here.shape, start);
  out[c++] = key3(T.FirstName, here.flags & F.First, p.flags & F.First, n.shape);
  out[c++] = key3(T.Names, here.flags & NAME_FLAGS, p.flags & NAME_FLAGS, n.flags & NAME_FLAGS);
  out[c++] = key3(T.Cues, ((p.flags & CUE_FLAGS) << 8) | (here.flags & CUE_FLAGS), n.flags & CUE_FLAGS, n2.flags & CUE_FLAGS);
  if (p.classes | n.classes) out[c++] = key3(T.ClassShape, p.classes, here.shape, n.classes);
  if (p2.classes | p.classes | here.classes | n.classes) out[c++] = key3(T.Classes, (p2.classes << 8) | p.classes, here.classes, n.classes);
  if (start) out[c++] = key1(T.SentenceStart, here.shape);
  // A nationality word is no place or person ("American", "Italiano"): MISC in encyclopaedic text.
  if (here.flags & F.Demonym) out[c++] = key2(T.Demonym, n.shape, p.flags & F.Stop);
  return c;
}

/** Writes every key of token i after tags prev2, prev into `out`; returns how many. */
function allKeys(ctx: SentenceContext, i: number, prev: number, prev2: number, out: Int32Array): number {
  let c = pairKeys(ctx, i, out);
  c = placeKeys(placeAt(ctx, i - 1), placeAt(ctx, i), placeAt(ctx, i + 1), out, c);
  c = tagKeys(prev2, prev, out, c);
  c = afterTagKeys(infoAt(ctx, i), prev, out, c);
  ROLES.forEach((role, r) => (c = roleKeys(infoAt(ctx, i + ROLE_OFFSETS[r]!), role, out, c)));
  return c;
}

/** Score of each tag for the first `count` keys. */
function score(weights: Weights, keys: Int32Array, count: number, out: Float64Array): Float64Array {
  out.fill(0);
  const { values } = weights;
  for (let k = 0; k < count; k++) {
    const row = weights.row(keys[k]!);
    if (row >= 0) for (let t = 0; t < TAG_COUNT; t++) out[t]! += values[row + t]!;
  }
  return out;
}

/** Tag index of I-PER. */
const I_PER = 2;
/** The conjunction class's bit in wordClasses' mask. */
const CONJ = 1 << WORD_CLASSES.indexOf('conj');

/** The B-X tags (odd indices) as a bit mask. */
const BEGIN_TAGS = TAGS.reduce((mask, tag, t) => (tag.startsWith('B-') ? mask | (1 << t) : mask), 0);

/** Tags a token can never have, as a bit mask: a person's name never runs on through a conjunction ("X and Y"). */
function blockedTags(info: TokenInfo): number {
  return info.classes & CONJ ? 1 << I_PER : 0;
}

/**
 * Tags the decoder refuses a token: the blocked ones, and the B-X tags of a token with no capital letter, after any
 * tag ("Cartesio e Bacone" must not give "e Bacone"). Training still learns from the corpora's lower-case starts
 * ("@user", "rue de …"), which keeps the model the training script reproduces.
 */
function refusedTags(info: TokenInfo): number {
  return blockedTags(info) | (info.capital ? 0 : BEGIN_TAGS);
}

/** Whether tag t may follow tag prev on a token: I-X only right after B-X or I-X (B-X = 2k-1, I-X = 2k), and not blocked. */
function allowed(t: number, prev: number, blocked: number): boolean {
  return (t === 0 || t % 2 === 1 || prev === t || prev === t - 1) && !(blocked & (1 << t));
}

/** The best tag that keeps BIO valid. */
function bestValidTag(scores: Float64Array, prev: number, blocked: number): number {
  let best = 0;
  for (let t = 1; t < TAG_COUNT; t++) if (allowed(t, prev, blocked) && scores[t]! > scores[best]!) best = t;
  return best;
}

/** The gold tag of token i, or the nearest the decoder can emit after prev: B-X for an I-X that cannot continue, O for a blocked tag. */
export function reachableTag(ctx: SentenceContext, i: number, gold: number, prev: number): number {
  const blocked = blockedTags(infoAt(ctx, i));
  if (allowed(gold, prev, blocked)) return gold;
  return gold % 2 === 0 && allowed(gold - 1, prev, blocked) ? gold - 1 : 0;
}

/** Key groups whose summed weights a token caches for frozen weights: its five roles, then its keys after each tag. */
const GROUPS = ROLES.length + TAG_CODES;

/** Buffers of groupSum, apart from the decoder's: a group is summed while the decoder's buffers hold a token's scores. */
const groupScratch = { keys: new Int32Array(MAX_KEYS), scores: new Float64Array(TAG_COUNT) };

/** Sum of the weights of the keys `write` puts in a buffer, written into `into` at `at`. */
function groupSum(weights: Weights, write: (out: Int32Array) => number, into: Float32Array, at: number): void {
  const { keys, scores } = groupScratch;
  into.set(score(weights, keys, write(keys), scores), at);
}

/** A token's group sums for frozen weights, worked out on its first scoring with them. */
function tokenSums(weights: Weights, info: TokenInfo): Float32Array {
  if (info.sumsOf !== weights || !info.sums) {
    // NaN marks the after-tag groups not yet needed: most tokens are only ever seen after one or two tags.
    const sums = new Float32Array(GROUPS * TAG_COUNT).fill(NaN);
    for (const role of ROLES) groupSum(weights, (out) => roleKeys(info, role, out, 0), sums, role * TAG_COUNT);
    info.sums = sums;
    info.sumsOf = weights;
  }
  return info.sums;
}

/** Summed weights of the keys over small domains (tag pairs, place-mark triples), per frozen weights. */
interface SmallSums {
  tags: Float32Array;
  places: Float32Array;
}

const smallSums = new WeakMap<Weights, SmallSums>();
/** The last weights asked for and their sums: one model decodes thousands of tokens in a row. */
let lastSums: { weights: Weights; sums: SmallSums } | null = null;

function smallDomainSums(weights: Weights): SmallSums {
  if (lastSums?.weights === weights) return lastSums.sums;
  let sums = smallSums.get(weights);
  if (!sums) {
    sums = { tags: new Float32Array(TAG_CODES * TAG_CODES * TAG_COUNT), places: new Float32Array(PLACE_CODES ** 3 * TAG_COUNT) };
    for (let a = 0; a < TAG_CODES; a++) for (let b = 0; b < TAG_CODES; b++) groupSum(weights, (out) => tagKeys(a, b, out, 0), sums.tags, (a * TAG_CODES + b) * TAG_COUNT);
    for (let code = 0; code < PLACE_CODES ** 3; code++) {
      const [p, h, n] = [code >> 6, (code >> 3) & 7, code & 7];
      groupSum(weights, (out) => placeKeys(p, h, n, out, 0), sums.places, code * TAG_COUNT);
    }
    smallSums.set(weights, sums);
  }
  lastSums = { weights, sums };
  return sums;
}

function addSums(out: Float64Array, sums: Float32Array, group: number): void {
  for (let t = 0; t < TAG_COUNT; t++) out[t]! += sums[group * TAG_COUNT + t]!;
}

/** The tag-independent part of score(allKeys) at token i, with cached sums for all but the word pairs. */
function baseScores(weights: Weights, ctx: SentenceContext, i: number, keys: Int32Array, out: Float64Array): Float64Array {
  score(weights, keys, pairKeys(ctx, i, keys), out);
  addSums(out, smallDomainSums(weights).places, (placeAt(ctx, i - 1) << 6) | (placeAt(ctx, i) << 3) | placeAt(ctx, i + 1));
  addSums(out, tokenSums(weights, infoAt(ctx, i)), Role.Own);
  addSums(out, tokenSums(weights, infoAt(ctx, i - 1)), Role.Prev);
  addSums(out, tokenSums(weights, infoAt(ctx, i + 1)), Role.Next);
  addSums(out, tokenSums(weights, infoAt(ctx, i - 2)), Role.Prev2);
  addSums(out, tokenSums(weights, infoAt(ctx, i + 2)), Role.Next2);
  return out;
}

/** Adds to `out` the part of score(allKeys) that depends on the two previous tags. */
function addHistoryScores(weights: Weights, ctx: SentenceContext, i: number, prev: number, prev2: number, out: Float64Array): void {
  addSums(out, smallDomainSums(weights).tags, prev2 * TAG_CODES + prev);
  const own = tokenSums(weights, infoAt(ctx, i));
  if (Number.isNaN(own[(ROLES.length + prev) * TAG_COUNT])) groupSum(weights, (o) => afterTagKeys(infoAt(ctx, i), prev, o, 0), own, (ROLES.length + prev) * TAG_COUNT);
  addSums(out, own, ROLES.length + prev);
}

/** Buffers reused by every decoding (one sentence at a time): typed arrays are costly to allocate per sentence. */
const scratch = { keys: new Int32Array(MAX_KEYS), base: new Float64Array(TAG_COUNT), scores: new Float64Array(TAG_COUNT) };

/**
 * Greedy decoding of one sentence while training: every key is looked up, and `step` sees each scored token's keys,
 * guess and previous tag, and returns the tag to keep.
 */
export function decodeForTraining(weights: Weights, ctx: SentenceContext, step: (i: number, keys: Int32Array, count: number, guess: number, prev: number) => number): Int8Array {
  const n = ctx.tokens.length;
  const tags = new Int8Array(n);
  const { keys, scores } = scratch;
  for (let i = 0; i < n; i++) {
    const prev = i > 0 ? tags[i - 1]! : BOUNDARY_TAG;
    if ((prev === 0 || prev === BOUNDARY_TAG) && plainToken(ctx, i)) continue;
    const count = allKeys(ctx, i, prev, i > 1 ? tags[i - 2]! : BOUNDARY_TAG, keys);
    tags[i] = step(i, keys, count, bestValidTag(score(weights, keys, count, scores), prev, blockedTags(infoAt(ctx, i))), prev);
  }
  return tags;
}

/**
 * The partial taggings of the sentence being decoded, as parallel typed arrays (a hypothesis is its index): each one's
 * log-probability, the token it last tagged, its last two tags, and the hypothesis it extends (-1: none). Reused
 * from sentence to sentence, so the beam allocates nothing per token.
 */
const hyps = { logp: new Float64Array(256), at: new Int32Array(256), tag: new Int8Array(256), prev: new Int8Array(256), parent: new Int32Array(256), count: 0 };

/** A new hypothesis; its index. */
function addHypothesis(logp: number, at: number, tag: number, prev: number, parent: number): number {
  if (hyps.count === hyps.at.length) {
    const grow = <A extends Float64Array | Int32Array | Int8Array>(a: A): A => {
      const bigger = new (a.constructor as new (n: number) => A)(a.length * 2);
      bigger.set(a);
      return bigger;
    };
    Object.assign(hyps, { logp: grow(hyps.logp), at: grow(hyps.at), tag: grow(hyps.tag), prev: grow(hyps.prev), parent: grow(hyps.parent) });
  }
  const h = hyps.count++;
  hyps.logp[h] = logp;
  hyps.at[h] = at;
  hyps.tag[h] = tag;
  hyps.prev[h] = prev;
  hyps.parent[h] = parent;
  return h;
}

/** How many partial taggings the decoder keeps: a few let a later word revise an earlier tag ("Cleveland Indians"). */
const BEAM_WIDTH = 4;
/** Score units per unit of log-odds when scores are read as a distribution over tags (set on held-out training data). */
const SCORE_SCALE = 20_000;

/** The hypotheses kept after the last token, best first. */
const beam = { at: new Int32Array(BEAM_WIDTH), size: 0 };

/** Log-softmax of the allowed tags' scores (others -Infinity), written over `scores`. */
function logProbabilities(scores: Float64Array, prev: number, blocked: number): Float64Array {
  let max = -Infinity;
  for (let t = 0; t < TAG_COUNT; t++) if (allowed(t, prev, blocked)) max = Math.max(max, scores[t]!);
  let sum = 0;
  for (let t = 0; t < TAG_COUNT; t++) if (allowed(t, prev, blocked)) sum += Math.exp((scores[t]! - max) / SCORE_SCALE);
  const log = Math.log(sum);
  for (let t = 0; t < TAG_COUNT; t++) scores[t] = allowed(t, prev, blocked) ? (scores[t]! - max) / SCORE_SCALE - log : -Infinity;
  return scores;
}

/** Per state (tag, previous tag): the likeliest extension's log-probability and the hypothesis it extends; and the states offered, in order. */
const states = {
  logp: new Float64Array(TAG_CODES * TAG_CODES).fill(-Infinity),
  from: new Int32Array(TAG_CODES * TAG_CODES),
  offered: new Int32Array(TAG_CODES * TAG_CODES),
  count: 0,
};
/** Hypotheses this much less likely (in log-probability) than the best are dropped: the beam mostly collapses to one. */
const PRUNE = Math.log(1_000);

/** Offers the extension of h by tag with log-probability logp for its state. */
function offer(h: number, tag: number, logp: number): void {
  const state = tag * TAG_CODES + hyps.tag[h]!;
  if (states.logp[state] === -Infinity) states.offered[states.count++] = state;
  if (logp > states.logp[state]!) {
    states.logp[state] = logp;
    states.from[state] = h;
  }
}

/** Offers every allowed extension of h by the log-probabilities in `scores`. */
function offerAll(h: number, scores: Float64Array): void {
  for (let t = 0; t < TAG_COUNT; t++) if (scores[t]! > -Infinity) offer(h, t, hyps.logp[h]! + scores[t]!);
}

const endsOutside = (h: number): boolean => hyps.tag[h] === 0 || hyps.tag[h] === BOUNDARY_TAG;

/** Makes the beam the one hypothesis h. */
function keepOnly(h: number): void {
  beam.at[0] = h;
  beam.size = 1;
}

/**
 * Extends a lone hypothesis by token i. When one tag outscores the rest by more than PRUNE, it alone survives, and its
 * log-probability need not be normalised: a lone hypothesis is compared with nothing.
 */
function extendOne(weights: Weights, ctx: SentenceContext, i: number, h: number): void {
  const { keys, base, scores } = scratch;
  const prev = hyps.tag[h]!;
  baseScores(weights, ctx, i, keys, base);
  scores.set(base);
  addHistoryScores(weights, ctx, i, prev, hyps.prev[h]!, scores);
  const blocked = refusedTags(infoAt(ctx, i));
  const best = bestValidTag(scores, prev, blocked);
  let runnerUp = -Infinity;
  for (let t = 0; t < TAG_COUNT; t++) if (t !== best && allowed(t, prev, blocked)) runnerUp = Math.max(runnerUp, scores[t]!);
  if (scores[best]! - runnerUp > PRUNE * SCORE_SCALE) return keepOnly(addHypothesis(hyps.logp[h]!, i, best, prev, h));
  offerAll(h, logProbabilities(scores, prev, blocked));
  keepLikeliestStates(i);
}

/** Whether every hypothesis of the beam ends in O (or is at the sentence's start). */
function beamEndsOutside(): boolean {
  for (let k = 0; k < beam.size; k++) if (!endsOutside(beam.at[k]!)) return false;
  return true;
}

/** Extends the beam by token i: a plain token after O or the boundary is O for sure (it is never scored). */
function extend(weights: Weights, ctx: SentenceContext, i: number): void {
  const { keys, base, scores } = scratch;
  const plain = plainToken(ctx, i);
  // Most tokens: plain, after taggings that all end in O, so all extend by O and merge into the likeliest.
  if (plain && beamEndsOutside()) {
    const best = beam.at[0]!;
    // A run of O needs no new hypothesis: the tokens a hypothesis skips are O when the tagging is read back.
    return keepOnly(hyps.tag[best] === 0 && hyps.prev[best] === 0 ? best : addHypothesis(hyps.logp[best]!, i, 0, hyps.tag[best]!, best));
  }
  if (beam.size === 1 && !(plain && endsOutside(beam.at[0]!))) return extendOne(weights, ctx, i, beam.at[0]!);
  // Extensions ending in the same two tags have the same future: only the likeliest of each state is kept.
  let scoredBase = false;
  for (let k = 0; k < beam.size; k++) {
    const h = beam.at[k]!;
    if (plain && endsOutside(h)) {
      offer(h, 0, hyps.logp[h]!);
      continue;
    }
    if (!scoredBase) baseScores(weights, ctx, i, keys, base);
    scoredBase = true;
    scores.set(base);
    addHistoryScores(weights, ctx, i, hyps.tag[h]!, hyps.prev[h]!, scores);
    offerAll(h, logProbabilities(scores, hyps.tag[h]!, refusedTags(infoAt(ctx, i))));
  }
  keepLikeliestStates(i);
}

/** Makes the beam the BEAM_WIDTH likeliest offered states, within PRUNE of the best, best first; resets `states`. */
function keepLikeliestStates(at: number): void {
  const { logp, from, offered } = states;
  let floor = -Infinity;
  beam.size = 0;
  // A few picks by linear scan: a sort is slower on these short lists.
  while (beam.size < BEAM_WIDTH) {
    let best = -1;
    for (let k = 0; k < states.count; k++) {
      const state = offered[k]!;
      if (logp[state]! > floor && (best < 0 || logp[state]! > logp[best]!)) best = state;
    }
    if (best < 0) break;
    if (!beam.size) floor = logp[best]! - PRUNE;
    const parent = from[best]!;
    beam.at[beam.size++] = addHypothesis(logp[best]!, at, Math.floor(best / TAG_CODES), hyps.tag[parent]!, parent);
    logp[best] = -Infinity;
  }
  for (let k = 0; k < states.count; k++) logp[offered[k]!] = -Infinity;
  states.count = 0;
}

/** Beam decoding of one sentence with frozen weights: the likeliest tagging of those the beam kept. */
export function decodeIndices(weights: Weights, ctx: SentenceContext): Int8Array {
  const n = ctx.tokens.length;
  hyps.count = 0;
  keepOnly(addHypothesis(0, -1, BOUNDARY_TAG, BOUNDARY_TAG, -1));
  for (let i = 0; i < n; i++) {
    // The commonest case, kept out of extend: a lone run of O going on through a plain token.
    const only = beam.at[0]!;
    if (beam.size === 1 && hyps.tag[only] === 0 && hyps.prev[only] === 0 && plainToken(ctx, i)) continue;
    extend(weights, ctx, i);
  }
  const tags = new Int8Array(n);
  for (let h = beam.at[0]!; h >= 0 && hyps.at[h]! >= 0; h = hyps.parent[h]!) tags[hyps.at[h]!] = hyps.tag[h]!;
  return tags;
}

/** Int32s per slot of the key table: the key, then its TAG_COUNT weights; 32 bytes, so a probe reads one cache line. */
const SLOT = 8;

/** Bits of the filter of present keys: 1 MB, small enough to stay in cache where the table does not. */
const FILTER_BITS = 23;

/**
 * Open-addressing table of the model's keys with their weights inline (a zero key slot is empty), behind a one-bit
 * filter on the keys' high bits: most keys looked up are absent (unseen word pairs), and the filter turns away
 * nearly all of them without touching the table.
 */
function keyTable(keys: Int32Array, weights: Int16Array): Weights {
  let size = 1;
  while (size < keys.length * 2) size <<= 1;
  const mask = size - 1;
  const slots = new Int32Array(size * SLOT);
  const used = new Uint8Array(size);
  const filter = new Uint8Array(1 << (FILTER_BITS - 3));
  const bit = (key: number): number => key >>> (32 - FILTER_BITS);
  keys.forEach((key, k) => {
    filter[bit(key) >> 3]! |= 1 << (bit(key) & 7);
    let s = key & mask;
    while (used[s]) s = (s + 1) & mask;
    used[s] = 1;
    slots[s * SLOT] = key;
    for (let t = 0; t < TAG_COUNT; t++) slots[s * SLOT + 1 + t] = weights[k * TAG_COUNT + t]!;
  });
  return {
    row: (key) => {
      if (!(filter[bit(key) >> 3]! & (1 << (bit(key) & 7)))) return -1;
      // The slot's key is read before its used flag: a key found (other than 0, the empty slot's) needs no second read.
      for (let s = key & mask; ; s = (s + 1) & mask) {
        if (slots[s * SLOT] === key && (key !== 0 || used[s])) return s * SLOT + 1;
        if (!used[s]) return -1;
      }
    },
    values: slots,
  };
}

/**
 * The stored form: a 4-byte header length, the JSON header, then the keys (Int32) and weights (Int16, tags ×
 * features, feature-major), little-endian, the whole gzip-compressed.
 */
export function packModel(header: ModelHeader, keys: Int32Array, weights: Int16Array): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  // Tables start on a 4-byte boundary so they can be viewed in place.
  const pad = Buffer.alloc((4 - (json.length % 4)) % 4, 0x20);
  return Buffer.concat([length, json, pad, Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength), Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength)]);
}

/** Header and weights of a packed (unzipped) model. */
export function unpackModel(raw: Buffer): { header: ModelHeader; weights: Weights } {
  const jsonLength = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + jsonLength).toString('utf8')) as ModelHeader;
  const copy = new Uint8Array(raw.subarray(4 + jsonLength + ((4 - (jsonLength % 4)) % 4)));
  const keys = new Int32Array(copy.buffer, 0, header.features);
  const values = new Int16Array(copy.buffer, header.features * 4, header.features * TAG_COUNT);
  return { header, weights: keyTable(keys, values) };
}

let loaded: Weights | null = null;

/** The shipped model, read once. */
export function shippedWeights(): Weights {
  loaded ??= unpackModel(gunzipSync(readFileSync(`${MODEL_FILE}.gz`))).weights;
  return loaded;
}

/** BIO tags of a tokenised sentence with the shipped model. */
export function tagTokens(tokens: string[]): string[] {
  return Array.from(decodeIndices(shippedWeights(), sentenceContext(tokens)), (t) => TAGS[t]!);
}

/** Entity type of each tag index (O has none). */
const TAG_TYPES = TAGS.map((tag) => (tag === 'O' ? '' : tag.slice(2)));

/**
 * The entity spans the shipped model finds in a tokenised sentence: bioSpans(tagTokens(tokens)) read straight off the
 * tag indices (an I-X continues only an X span; the decoder emits no other, but the rule is kept as bioSpans has it).
 */
export function tagSpans(tokens: string[], known?: (TokenInfo | undefined)[]): EntitySpan[] {
  const tags = decodeIndices(shippedWeights(), sentenceContext(tokens, known));
  const spans: EntitySpan[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    if (!t) continue;
    const inside = t % 2 === 0;
    const last = spans[spans.length - 1];
    if (inside && last && last.end === i && last.type === TAG_TYPES[t]) last.end = i + 1;
    else spans.push({ type: TAG_TYPES[t]!, start: i, end: i + 1 });
  }
  return spans;
}
