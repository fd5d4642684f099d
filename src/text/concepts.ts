// The multilingual event-concept lexicon of text/lang/<code>/concepts.txt: `ID: term, prefix*, multi word term`.
import { langLines } from './langdata.js';
import { foldKey } from './normalize.js';

interface ConceptIndex {
  exact: Map<string, string>;
  prefixes: { prefix: string; id: string }[];
  phrases: Map<string, { words: string[]; id: string }[]>;
}

const indexes = new Map<string, ConceptIndex>();

function indexFor(lang: string): ConceptIndex {
  let idx = indexes.get(lang);
  if (idx) return idx;
  idx = { exact: new Map(), prefixes: [], phrases: new Map() };
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
      } else if (term.endsWith('*')) idx.prefixes.push({ prefix: term.slice(0, -1), id });
      else idx.exact.set(term, id);
    }
  }
  // Longest prefix first, so the most specific concept wins.
  idx.prefixes.sort((a, b) => b.prefix.length - a.prefix.length);
  indexes.set(lang, idx);
  return idx;
}

/** Concept ids found in a sequence of folded word tokens. */
export function findConcepts(foldedWords: string[], lang: string): string[] {
  const idx = indexFor(lang);
  const found: string[] = [];
  for (let i = 0; i < foldedWords.length; i++) {
    const w = foldedWords[i]!;
    const phrase = idx.phrases.get(w)?.find((p) => p.words.every((pw, k) => foldedWords[i + k] === pw));
    if (phrase) {
      found.push(phrase.id);
      i += phrase.words.length - 1;
      continue;
    }
    const exact = idx.exact.get(w);
    if (exact) {
      found.push(exact);
      continue;
    }
    const pre = idx.prefixes.find((p) => w.startsWith(p.prefix));
    if (pre) found.push(pre.id);
  }
  return found;
}
