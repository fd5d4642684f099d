// Language identification with eld (n-gram detector, 60 languages, pure JS); Irish and Maltese, which eld lacks,
// are told apart from eld's guess by franc-all's trigram profiles restricted to those three languages.
import { eld } from 'eld/medium';
import { francAll } from 'franc-all';
import { LETTER, charClass, hasLetters } from './charclass.js';

export interface LangGuess {
  lang: string;
  confidence: number;
}

const SAMPLE_CHARS = 1200;

/** eld reads at most this many characters of a text. */
const ELD_READS = 1000;
/** Letters past which eld has stopped reading: it keeps the words of its first 380 bytes (letters, and a space for each run of other characters). */
const ELD_LETTERS = 400;

/**
 * The prefix of a text that gives eld's guess for the whole: up to the first non-letter after ELD_LETTERS letters of
 * the Basic Multilingual Plane (the only ones eld's word pattern counts), else its first ELD_READS characters. eld
 * folds separators over everything it is given before it cuts, so a shorter input is cheaper and reads the same.
 */
export function eldSample(text: string): string {
  const end = Math.min(text.length, ELD_READS);
  let letters = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0xd800 || c > 0xdfff) && charClass(c) & LETTER) letters++;
    else if (letters >= ELD_LETTERS) return text.slice(0, i);
  }
  return text.slice(0, end);
}

/** EU languages eld does not know, by their ISO 639-3 codes in franc. */
const FRANC_ONLY: Record<string, string> = { gle: 'ga', mlt: 'mt' };
/** eld's Latin-script guesses that Irish or Maltese text is mistaken for, with their ISO 639-3 codes. */
const LATIN_ISO3: Record<string, string> = {
  en: 'eng', it: 'ita', de: 'deu', fr: 'fra', es: 'spa', pt: 'por', nl: 'nld', sv: 'swe', da: 'dan', no: 'nob', et: 'est',
  fi: 'fin', hr: 'hrv', sl: 'slv', cs: 'ces', sk: 'slk', pl: 'pol', ro: 'ron', hu: 'hun', lt: 'lit', lv: 'lvs', ca: 'cat',
  eu: 'eus', tl: 'tgl', yo: 'yor', ms: 'zlm', sq: 'als', tr: 'tur', is: 'isl', vi: 'vie', az: 'azj',
};

/** franc's runner-up must score below this share of the winner: short texts of other languages come close. */
const FRANC_MARGIN = 0.8;

/**
 * Maltese letters or Irish words that almost every Irish paragraph holds: only such text (or text eld is unsure of)
 * pays for the second detector.
 */
// "No word character behind" is the leading \b here (every word starts with one), and lets the engine skip ahead.
const IRISH_OR_MALTESE = /[ċġħżĊĠĦŻ]|(?<!\w)(?:agus|bhfuil|atá|bhí|freisin|níl|Gaeilge)\b/iu;

/** Irish or Maltese when franc clearly prefers it to eld's Latin-script guess, else eld's guess. */
function withIrishAndMaltese(sample: string, lang: string, reliable: boolean): string {
  const iso3 = LATIN_ISO3[lang];
  if (!iso3 || (reliable && !IRISH_OR_MALTESE.test(sample))) return lang;
  const [best, second] = francAll(sample, { only: [iso3, ...Object.keys(FRANC_ONLY)], minLength: 3 });
  const clear = best && (!second || second[1] < FRANC_MARGIN * best[1]);
  return (clear && FRANC_ONLY[best[0]]) || lang;
}

/** The most likely language of `text` and a 0..1 confidence; 'und' when too little text or no language fits. */
export function identifyLanguage(text: string): LangGuess {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (!hasLetters(sample, 8)) return { lang: 'und', confidence: 0 };
  const result = eld.detect(eldSample(text));
  if (!result.language) return { lang: 'und', confidence: 0 };
  const scores = Object.values(result.getScores()).sort((a, b) => b - a);
  const [best = 0, second = 0] = scores;
  // Margin over the runner-up, damped when eld itself says the guess is unreliable.
  const margin = best > 0 ? (best - second) / best : 0;
  const confidence = Math.max(0, Math.min(1, result.isReliable() ? 0.5 + margin / 2 : margin / 2));
  const lang = withIrishAndMaltese(sample, result.language, result.isReliable());
  return { lang, confidence: Number((lang === result.language ? confidence : Math.max(confidence, 0.5)).toFixed(3)) };
}
