// Analyze room: Document → Analysis (language, sentences, features, fingerprints). Pure: same input, same output.
import { createHash } from 'node:crypto';
import type { Analysis, Document } from '../model.js';
import { minhashSignature } from '../link/minhash.js';
import { identifyLanguage, type LangGuess } from '../text/langid.js';
import { splitSentences } from '../text/sentences.js';
import { tokenize } from '../text/tokens.js';
import { blockLanguages } from './blocklang.js';
import { extractEntitiesAll } from './entities/index.js';
import { extractFeatures, tokenInfos, type TokenInfo } from './features.js';
import { analyzeTimes } from './time/index.js';

/** Below this detection confidence, a page's declared language is preferred. */
const UNSURE = 0.5;

/** SHA-256 of the body's words, case and accents folded: copies differing only in spacing or case hash alike. */
export function contentHash(foldedWords: string[]): string {
  return createHash('sha256').update(foldedWords.join(' ')).digest('hex');
}

/** The record's stated language wins; then detection when sure; then the page's declared language. */
function chooseLanguage(doc: Document, detected: LangGuess): { lang: string; confidence: number } {
  if (doc.langHint) return { lang: doc.langHint, confidence: doc.langHint === detected.lang ? Math.max(detected.confidence, 0.9) : 0.9 };
  if (doc.pageLang && detected.confidence < UNSURE && doc.pageLang !== detected.lang) return { lang: doc.pageLang, confidence: UNSURE };
  return detected;
}

/** The tokens' word hashes, by a plain loop: TypedArray.from with a map function costs several times as much. */
function foldedHashes(infos: TokenInfo[]): Uint32Array {
  const out = new Uint32Array(infos.length);
  for (let i = 0; i < infos.length; i++) out[i] = infos[i]!.foldedHash;
  return out;
}

/**
 * The analyses of several documents, step by step across all of them rather than document by document: each step's
 * tables (the language model, the tagger's weights, the word records) stay in the processor's caches from one
 * document to the next instead of being evicted by the other steps in between (9 % less ingest CPU, docs/benchmarks.md).
 */
export function analyzeAll(docs: Document[]): Analysis[] {
  const langs = docs.map((doc) => chooseLanguage(doc, identifyLanguage(`${doc.title}\n${doc.text}`)));
  const sentences = docs.map((doc, i) => splitSentences(doc.text, langs[i]!.lang));
  // One token list per document serves the features, the fingerprints, the entities and the blocks' stop-word counts.
  const tokens = docs.map((doc) => tokenize(doc.text));
  const infos = tokens.map((t, i) => tokenInfos(t, langs[i]!.lang));
  const features = docs.map((doc, i) => extractFeatures(doc.title, doc.text, sentences[i]!, langs[i]!.lang, tokens[i]!, infos[i]!));
  const fingerprints = infos.map((inf) => ({ contentHash: contentHash(inf.map((i) => i.foldedText)), minhash: minhashSignature(foldedHashes(inf)) }));
  const entities = extractEntitiesAll(docs.map((doc, i) => ({ title: doc.title, text: doc.text, sentences: sentences[i]!, lang: langs[i]!.lang, body: { tokens: tokens[i]!, infos: infos[i]! } })));
  const otherLangBlocks = docs.map((doc, i) => {
    const { lang } = langs[i]!;
    return blockLanguages(doc.blocks, lang, { text: doc.text, tokens: tokens[i]!, stopMasks: infos[i]!.map((inf) => inf.stopMask) }).filter((b) => b.lang !== lang);
  });
  const times = docs.map((doc, i) => analyzeTimes(doc.text, langs[i]!.lang, doc.published));
  return docs.map((_, i) => ({
    lang: langs[i]!.lang,
    langConfidence: Number(langs[i]!.confidence.toFixed(3)),
    sentences: sentences[i]!,
    features: features[i]!,
    contentHash: fingerprints[i]!.contentHash,
    minhash: fingerprints[i]!.minhash,
    wordCount: infos[i]!.length,
    ...entities[i]!,
    otherLangBlocks: otherLangBlocks[i]!,
    times: times[i]!,
  }));
}
