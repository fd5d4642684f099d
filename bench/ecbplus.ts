// ECB+ (Cybulska & Vossen 2014) as a story-clustering test: 982 English news texts in 43 topics, each topic with
// two sub-topics about similar but different events (the ecb and ecbplus halves). Topic = story; sub-topic = event.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface EcbDoc {
  id: string;
  topic: string;
  subtopic: string;
  text: string;
}

/** Tokens back to text: spaces between tokens, none before closing punctuation or after opening brackets. */
export function detokenize(tokens: string[]): string {
  return tokens
    .join(' ')
    .replace(/\s+([.,;:!?%)\]}'’”])/g, '$1')
    .replace(/([([{“‘$])\s+/g, '$1')
    .replace(/\s+(n't|'s|'re|'ve|'ll|'d|'m)\b/gi, '$1');
}

export function readEcbPlus(root: string): EcbDoc[] {
  const dir = join(root, 'ECB+');
  if (!existsSync(dir)) return [];
  const docs: EcbDoc[] = [];
  for (const topic of readdirSync(dir).filter((t) => /^\d+$/.test(t)).sort((a, b) => Number(a) - Number(b))) {
    for (const file of readdirSync(join(dir, topic)).filter((f) => f.endsWith('.xml')).sort()) {
      const xml = readFileSync(join(dir, topic, file), 'utf8');
      const plus = file.includes('ecbplus');
      const sentences = new Map<number, string[]>();
      for (const m of xml.matchAll(/<token [^>]*sentence="(\d+)"[^>]*>([^<]*)<\/token>/g)) {
        const s = Number(m[1]);
        // In ecbplus files sentence 0 is the source URL, not text.
        if (plus && s === 0) continue;
        if (!sentences.has(s)) sentences.set(s, []);
        sentences.get(s)!.push(m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
      }
      const text = [...sentences.keys()].sort((a, b) => a - b).map((k) => detokenize(sentences.get(k)!)).join('\n');
      docs.push({ id: file.replace(/\.xml$/, ''), topic, subtopic: `${topic}${plus ? 'plus' : ''}`, text });
    }
  }
  return docs;
}
