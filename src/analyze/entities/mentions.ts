// Entity mentions of an article: the tagger's spans mapped back to characters, typed, with a canonical id each.
import type { EntityMention, EntityType, Span } from '../../model.js';
import { splitSentences } from '../../text/sentences.js';
import { canonicalId } from './canonical.js';
import { bioSpans } from './conll.js';
import { placeKind } from './gazetteer.js';
import { tagTokens } from './tagger.js';

interface TextToken {
  text: string;
  start: number;
  end: number;
}

// Initialisms with dots ("U.S.", "A.S."), elided articles ("l'", "dell'"), words (inner hyphens, dots, ampersands),
// a possessive "'s" on its own, any other single character.
const TOKEN = /(?:\p{Lu}\.){2,}|\p{Ll}{1,5}['’](?=\p{L})|[\p{L}\p{N}]+(?:[-.&][\p{L}\p{N}]+)*(?:['’](?![sS]\b)[\p{L}\p{N}]+)*|['’][sS]\b|\S/gu;

export function nerTokens(text: string, offset = 0): TextToken[] {
  const out: TextToken[] = [];
  for (const m of text.matchAll(TOKEN)) out.push({ text: m[0], start: offset + m.index!, end: offset + m.index! + m[0].length });
  return out;
}

const TYPES: Record<string, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOCATION' };

/** A mention's type: a known country or city is a LOCATION whatever the tagger said of it. */
function mentionType(tagged: string, surface: string): EntityType {
  return placeKind(surface) ? 'LOCATION' : TYPES[tagged]!;
}

/** Mentions in one field (title or body), sentence by sentence. */
function fieldMentions(text: string, sentences: Span[], field: 'title' | 'text'): EntityMention[] {
  const out: EntityMention[] = [];
  for (const s of sentences) {
    const tokens = nerTokens(text.slice(s.start, s.end), s.start);
    if (!tokens.length) continue;
    for (const span of bioSpans(tagTokens(tokens.map((t) => t.text)))) {
      const start = tokens[span.start]!.start;
      const end = tokens[span.end - 1]!.end;
      const surface = text.slice(start, end);
      const type = mentionType(span.type, surface);
      out.push({ text: surface, type, field, start, end, id: canonicalId(surface, type) });
    }
  }
  return out;
}

/** Every mention in the title and body; `sentences` are the body's sentence spans. */
export function findMentions(title: string, text: string, sentences: Span[], lang: string): EntityMention[] {
  const titleSpans = title ? splitSentences(title, lang) : [];
  return [...fieldMentions(title, titleSpans, 'title'), ...fieldMentions(text, sentences, 'text')];
}
