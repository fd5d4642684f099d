// The multilingual event-concept lexicon of text/lang/<code>/concepts.txt: `ID: term, prefix*, multi word term`.
import { langLines } from './langdata.js';
import { foldKey } from './normalize.js';

/** Prefix terms are bucketed by their first letters (prefixes are at least this long). */
const BUCKET = 3;

/** A multi-word term: its folded words and its concept. */
interface Phrase {
  words: string[];
  id: string;
}

interface ConceptIndex {
  exact: Map<string, string>;
  prefixes: Map<string, { prefix: string; id: string }[]>;
  phrases: Map<string, Phrase[]>;
}

const indexes = new Map<string, ConceptIndex>();

function indexFor(lang: string): ConceptIndex {
  let idx = indexes.get(lang);
  if (idx) return idx;
  idx = { exact: new Map(), prefixes: new Map(), phrases: new Map() };
  for (const line of langLines(lang, 'concepts.txt')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const id = line.slice(0, colon).trim();
    for (const raw of line.slice(colon + 1).split(',')) {
      const term = foldKey(raw.trim());
      if (!term) continue;
      const parts = term.split(/\s+/);
      if (parts.length > 1) {
        const list = idx.phrases.get(parts[0]!) ?? [];
        list.push({ words: parts, id });
        idx.phrases.set(parts[0]!, list);
      } else if (term.endsWith('*')) {
        const prefix = term.slice(0, -1);
        const bucket = idx.prefixes.get(prefix.slice(0, BUCKET)) ?? [];
        bucket.push({ prefix, id });
        idx.prefixes.set(prefix.slice(0, BUCKET), bucket);
      }
      else idx.exact.set(term, id);
    }
  }
  // Longest prefix first, so the most specific concept wins.
  for (const bucket of idx.prefixes.values()) bucket.sort((a, b) => b.prefix.length - a.prefix.length);
  indexes.set(lang, idx);
  return idx;
}

// Elided articles and prepositions glued to the word in Italian and French: l'incendio, dell'inflazione, d'État.
const ELISION = /^\p{L}{1,5}'(?=\p{L})/u;

/** What the lexicon says of one folded word: its concept as a single word, and the phrases that may start with it. */
export interface WordConcept {
  concept: string | null;
  phrases: Phrase[] | null;
}

export function wordConcept(folded: string, lang: string): WordConcept {
  const idx = indexFor(lang);
  const w = folded.replace(ELISION, '');
  const concept = idx.exact.get(w) ?? idx.prefixes.get(w.slice(0, BUCKET))?.find((p) => w.startsWith(p.prefix))?.id ?? null;
  return { concept, phrases: idx.phrases.get(w) ?? null };
}

/** Concept ids in a sequence of folded words, given each word's lexicon entry; phrases win over single words. */
export function findConcepts(foldedWords: string[], entries: WordConcept[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < foldedWords.length; i++) {
    const entry = entries[i]!;
    if (entry.phrases) {
      const phrase = entry.phrases.find((p) => p.words.every((pw, k) => k === 0 || foldedWords[i + k] === pw));
      if (phrase) {
        found.push(phrase.id);
        i += phrase.words.length - 1;
        continue;
      }
    }
    if (entry.concept) found.push(entry.concept);
  }
  return found;
}
