// Language identification with eld (n-gram detector, 60 languages, pure JS).
import { eld } from 'eld/medium';

export interface LangGuess {
  lang: string;
  confidence: number;
}

const SAMPLE_CHARS = 1200;

/** The most likely language of `text` and a 0..1 confidence; 'und' when too little text or no language fits. */
export function identifyLanguage(text: string): LangGuess {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (sample.replace(/[^\p{L}]/gu, '').length < 8) return { lang: 'und', confidence: 0 };
  const result = eld.detect(sample);
  if (!result.language) return { lang: 'und', confidence: 0 };
  const scores = Object.values(result.getScores()).sort((a, b) => b - a);
  const [best = 0, second = 0] = scores;
  // Margin over the runner-up, damped when eld itself says the guess is unreliable.
  const margin = best > 0 ? (best - second) / best : 0;
  const confidence = Math.max(0, Math.min(1, result.isReliable() ? 0.5 + margin / 2 : margin / 2));
  return { lang: result.language, confidence: Number(confidence.toFixed(3)) };
}
