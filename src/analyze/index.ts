// Analyze room: Document → Analysis (language, sentences, features, fingerprints). Pure: same input, same output.
import { createHash } from 'node:crypto';
import type { Analysis, Document } from '../model.js';
import { minhashSignature } from '../link/minhash.js';
import { identifyLanguage, type LangGuess } from '../text/langid.js';
import { splitSentences } from '../text/sentences.js';
import { tokenize } from '../text/tokens.js';
import { blockLanguages } from './blocklang.js';
import { extractEntities } from './entities/index.js';
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

export function analyze(doc: Document): Analysis {
  const detected = identifyLanguage(`${doc.title}\n${doc.text}`);
  const { lang, confidence } = chooseLanguage(doc, detected);
  const sentences = splitSentences(doc.text, lang);
  // One token list serves the features, the fingerprints and the blocks' stop-word counts.
  const tokens = tokenize(doc.text);
  const infos = tokenInfos(tokens, lang);
  const folded = infos.map((i) => i.foldedText);
  return {
    lang,
    langConfidence: Number(confidence.toFixed(3)),
    sentences,
    features: extractFeatures(doc.title, doc.text, sentences, lang, tokens, infos),
    contentHash: contentHash(folded),
    minhash: minhashSignature(foldedHashes(infos)),
    wordCount: folded.length,
    ...extractEntities(doc.title, doc.text, sentences, lang, { tokens, infos }),
    otherLangBlocks: blockLanguages(doc.blocks, lang, { text: doc.text, tokens, stopMasks: infos.map((i) => i.stopMask) }).filter((b) => b.lang !== lang),
    times: analyzeTimes(doc.text, lang, doc.published),
  };
}
