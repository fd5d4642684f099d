// Entity mentions of an article: the tagger's spans mapped back to characters, typed, with a canonical id each.
import type { EntityMention, EntityType, Span } from '../../model.js';
import { splitSentences } from '../../text/sentences.js';
import { canonicalId, isOrgSuffix } from './canonical.js';
import type { EntitySpan } from './conll.js';
import { isFirstName, placeKind, startsUpper } from './gazetteer.js';
import { placeId } from '../../text/places.js';
import { nerTokens } from './nertokens.js';
import { roleWords } from './roles.js';
import { tagSpans, tokenInfo as taggerInfo, type TokenInfo as TaggerTokenInfo } from './tagger.js';
import type { TokenInfo as FeatureTokenInfo } from '../features.js';
import type { Token } from '../../text/tokens.js';
import { stopwords } from '../../text/lexicon.js';

const TYPES: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOCATION' };

/** A mention's type: a known country or city is a LOCATION whatever the tagger said of it. */
export function mentionType(tagged: string, surface: string): EntityType {
  return placeKind(surface) ? 'LOCATION' : TYPES[tagged]!;
}

/** The span rules of fixSpans, by name, so a benchmark can measure each on its own. */
export type SpanRule = 'suffix' | 'title' | 'national' | 'initial' | 'runs' | 'known';
export const SPAN_RULES: readonly SpanRule[] = ['suffix', 'title', 'national', 'initial', 'runs', 'known'];
const NO_RULE_SKIPPED: ReadonlySet<SpanRule> = new Set();

// A capitalised word (not an initialism), for a place named alone.
const LONE_NAME = /^\p{Lu}\p{Ll}/u;
// A word that can start a name: capitalised, or a short initialism ("CK", "A.S.").
const NAME_WORD = /^(?:\p{Lu}\p{Ll}+|\p{Lu}{2,4}|(?:\p{Lu}\.){1,3})$/u;
const INITIALISM = /^(?:\p{Lu}{2,4}|(?:\p{Lu}\.){1,3})$/u;

/** A person span with a title inside split into organisation and person ("Xiaomi Chairman" → ORG Xiaomi). */
function splitAtTitle(tokens: string[], span: EntitySpan, titles: Set<string>): EntitySpan[] | null {
  const title = tokens.slice(span.start, span.end).findIndex((t) => titles.has(t.toLowerCase()));
  if (title < 0) return null;
  const parts: EntitySpan[] = [];
  if (title > 0) parts.push({ type: 'ORG', start: span.start, end: span.start + title });
  if (span.start + title + 1 < span.end) parts.push({ type: 'PER', start: span.start + title + 1, end: span.end });
  return parts;
}

/** Per token, 1 when a span holds it. */
function coveredTokens(tokens: string[], spans: EntitySpan[]): Uint8Array {
  const covered = new Uint8Array(tokens.length);
  for (const s of spans) covered.fill(1, s.start, s.end);
  return covered;
}

/** Runs of two or more capitalised words, mid-sentence, that the tagger left out: organisations unless places. */
function untaggedRuns(tokens: string[], spans: EntitySpan[], skip: (t: string) => boolean): EntitySpan[] {
  const covered = coveredTokens(tokens, spans);
  const runs: EntitySpan[] = [];
  let start = -1;
  for (let i = 1; i <= tokens.length; i++) {
    // A word opening with a capital holds a letter: one test serves for both.
    const inName = i < tokens.length && !covered[i] && startsUpper(tokens[i]!) && !skip(tokens[i]!);
    if (inName && start < 0) start = i;
    if (!inName && start >= 0) {
      if (i - start >= 2) runs.push({ type: placeKind(tokens.slice(start, i).join(' ')) ? 'LOC' : 'ORG', start, end: i });
      start = -1;
    }
  }
  return runs;
}

/**
 * A country or major city of the place list (`places.txt`, every country name) named alone mid-sentence and left
 * untagged is a place: the tagger misses names it never saw in training ("a Firenze").
 */
function untaggedKnownPlaces(tokens: string[], spans: EntitySpan[]): EntitySpan[] {
  const covered = coveredTokens(tokens, spans);
  const places: EntitySpan[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const next = tokens[i + 1];
    if (covered[i] || !LONE_NAME.test(tokens[i]!) || startsUpper(tokens[i - 1]!) || (next !== undefined && startsUpper(next))) continue;
    if (placeId(tokens[i]!)) places.push({ type: 'LOC', start: i, end: i + 1 });
  }
  return places;
}

/** A corporate suffix after a name, tagged apart or not at all, joins it as an organisation ("Hutchinson Telecom"). */
function joinSuffixes(tokens: string[], spans: EntitySpan[], skip: ReadonlySet<SpanRule>): EntitySpan[] {
  if (skip.has('suffix')) return spans;
  const out: EntitySpan[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && last.end === span.start && tokens.slice(span.start, span.end).every(isOrgSuffix)) out[out.length - 1] = { type: 'ORG', start: last.start, end: span.end };
    else out.push({ ...span });
  }
  for (const span of out) {
    while (span.end < tokens.length && startsUpper(tokens[span.end]!) && isOrgSuffix(tokens[span.end]!) && !out.some((o) => o.start === span.end)) {
      span.end++;
      span.type = 'ORG';
    }
  }
  return out;
}

/**
 * The tagger's spans corrected by rules its errors call for: a title inside a person's name splits it, a name
 * ending in a corporate suffix is an organisation ("Hutchinson Telecom"), so is a word before a country ("Three
 * UK"), a capitalised word or initialism just
 * before a name, mid-sentence and not a common word, is the name's first word ("Lei" in "CEO Lei Jun", "CK" in
 * "CK Hutchinson"; in German only an initialism), a known country or major city named alone is a place, and runs of
 * capitalised words left untagged are organisations or places. Rules named in `skip` are not applied (the benchmark measures each).
 */
export function fixSpans(tokens: string[], spans: EntitySpan[], lang: string, skip = NO_RULE_SKIPPED): EntitySpan[] {
  const titles = roleWords();
  const stops = stopwords(lang);
  // Initialisms are names even when a stop-word list carries them ("CK").
  const common = (t: string): boolean => {
    const lower = t.toLowerCase();
    return titles.has(lower) || (stops.has(lower) && !/^\p{Lu}{2,}$/u.test(t));
  };
  const out: EntitySpan[] = [];
  for (const original of joinSuffixes(tokens, spans, skip)) {
    const parts = original.type === 'PER' && !skip.has('title') ? splitAtTitle(tokens, original, titles) : null;
    if (parts) {
      out.push(...parts);
      continue;
    }
    const span = original.type === 'PER' && !skip.has('suffix') && isOrgSuffix(tokens[original.end - 1]!) ? { ...original, type: 'ORG' } : original;
    const before = tokens[span.start - 1];
    const taken = out.length > 0 && out[out.length - 1]!.end === span.start;
    // A capitalised word before a country, mid-sentence, is a brand's national company ("Three UK", "Vodafone Italia").
    if (!skip.has('national') && span.type === 'LOC' && span.end - span.start === 1 && !taken && before && span.start > 1 && /^\p{Lu}\p{Ll}+$/u.test(before) && placeKind(tokens[span.start]!) === 'country' && !placeKind(before)) {
      out.push({ type: 'ORG', start: span.start - 1, end: span.end });
      continue;
    }
    // German capitalises every noun ("Dirigent Karl Böhm"): there only an initialism joins the name.
    const nameWord = lang === 'de' ? INITIALISM : NAME_WORD;
    const joins = !skip.has('initial') && span.type !== 'LOC' && before && span.start > 1 && !taken && nameWord.test(before) && !common(before);
    out.push(joins ? { ...span, start: span.start - 1 } : span);
  }
  // German capitalises every noun: a run of capitalised words says nothing there.
  const places = skip.has('known') ? [] : untaggedKnownPlaces(tokens, out);
  const runs = lang === 'de' || skip.has('runs') ? [] : untaggedRuns(tokens, [...out, ...places], common);
  return [...out, ...places, ...runs].sort((a, b) => a.start - b.start);
}

/** The body's tokens with their feature records, which analysis has looked up already. */
export interface BodyTokens {
  tokens: Token[];
  infos: FeatureTokenInfo[];
}

/**
 * Reads the tagger's infos of a sentence's tokens that are body words too (same offsets) off their feature records:
 * one look-up per distinct word in a whole run instead of one per token (punctuation and split words are left out).
 * Sentences come in order, so one cursor walks the body's tokens across them.
 */
function bodyInfoReader(body: BodyTokens): (words: string[], starts: number[], ends: number[]) => (TaggerTokenInfo | undefined)[] {
  const { tokens, infos } = body;
  let j = 0;
  return (words, starts, ends) => {
    const known = new Array<TaggerTokenInfo | undefined>(words.length);
    for (let k = 0; k < words.length; k++) {
      while (j < tokens.length && tokens[j]!.start < starts[k]!) j++;
      const t = tokens[j];
      if (t && t.start === starts[k] && t.end === ends[k]) known[k] = infos[j]!.tagger ??= taggerInfo(words[k]!);
    }
    return known;
  };
}

/** A sentence as the tagger read it: its tokens with their offsets, and the tagger's spans over them. */
interface TaggedSentence {
  words: string[];
  starts: number[];
  ends: number[];
  spans: EntitySpan[];
}

/** An article's title and body as the tagger read them, sentence by sentence. */
export interface TaggedArticle {
  title: TaggedSentence[];
  text: TaggedSentence[];
}

/** The tagger's spans in each sentence of one field (title or body). */
function tagField(text: string, sentences: Span[], body?: BodyTokens): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  const bodyInfos = body && bodyInfoReader(body);
  for (const s of sentences) {
    const { words, starts, ends } = nerTokens(text, s.start, s.end);
    if (words.length) out.push({ words, starts, ends, spans: tagSpans(words, bodyInfos?.(words, starts, ends)) });
  }
  return out;
}

/**
 * The tagger's reading of an article, apart from building its mentions (mentionsOf) so that a batch of articles can be
 * tagged one after another while the model's weights are in the caches (see analyzeAll).
 */
export function tagArticle(title: string, text: string, sentences: Span[], lang: string, body?: BodyTokens): TaggedArticle {
  return { title: tagField(title, title ? splitSentences(title, lang) : []), text: tagField(text, sentences, body) };
}

/** Mentions in one tagged field, sentence by sentence. */
function fieldMentions(text: string, tagged: TaggedSentence[], field: 'title' | 'text', lang: string): EntityMention[] {
  const out: EntityMention[] = [];
  for (const { words, starts, ends, spans } of tagged) {
    for (const span of fixSpans(words, spans, lang)) {
      const start = starts[span.start]!;
      const end = ends[span.end - 1]!;
      const surface = text.slice(start, end);
      const type = mentionType(span.type, surface);
      out.push({ text: surface, type, field, start, end, id: canonicalId(surface, type) });
    }
  }
  return out;
}

/**
 * A one-word PERSON that is no known first name and no word of a longer person name of the article is an
 * organisation or brand: news names a person in full first ("Xiaomi", "Watson" were tagged as people).
 */
function retypeLoneNames(mentions: EntityMention[]): EntityMention[] {
  const nameWords = new Set(mentions.filter((m) => m.type === 'PERSON' && m.text.includes(' ')).flatMap((m) => m.text.toLowerCase().split(/\s+/)));
  return mentions.map((m) => {
    if (m.type !== 'PERSON' || m.text.includes(' ') || isFirstName(m.text) || nameWords.has(m.text.toLowerCase())) return m;
    return { ...m, type: 'ORG', id: canonicalId(m.text, 'ORG') };
  });
}

/** Every mention in the title and body of a tagged article (tagArticle). */
export function mentionsOf(title: string, text: string, tagged: TaggedArticle, lang: string): EntityMention[] {
  return retypeLoneNames([...fieldMentions(title, tagged.title, 'title', lang), ...fieldMentions(text, tagged.text, 'text', lang)]);
}

/** Mentions in reading order: the title's first, then the body's, each by position. */
export function inReadingOrder(mentions: EntityMention[]): EntityMention[] {
  const field = (m: EntityMention): number => (m.field === 'title' ? 0 : 1);
  return mentions.sort((a, b) => field(a) - field(b) || a.start - b.start);
}
