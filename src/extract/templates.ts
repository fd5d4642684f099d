// Site templates: lines that recur across many articles of one source (its slogan, its menus, its standing notices)
// are boilerplate. The counts come from a first pass over a run's inputs, so they depend on the inputs alone, not on
// the order articles are stored in: a run killed and rerun decides every line as an uninterrupted run does.
import { dirname } from 'node:path';
import type { RawDoc } from '../model.js';
import { normalizeText, squashSpaces } from '../text/normalize.js';
import { isParagraphLike } from './blocks.js';
import { hostOf } from './metadata.js';
import { lineKey } from './rules.js';

/** Fewest articles of one source a line must appear in to be its template. */
export const MIN_TEMPLATE_ARTICLES = 3;
/** A line of running text is a template only when most of the source's articles carry it: follow-ups reuse background paragraphs. */
const PARAGRAPH_TEMPLATE_SHARE = 0.5;
const MIN_PARAGRAPH_TEMPLATE_ARTICLES = 5;
/** Shorter keys (a bullet, a digit) say nothing about a site. */
const MIN_KEY_LENGTH = 3;

/** The scope a page's template belongs to: its outlet, else its site, else the folder it was crawled into. */
export function templateScope(raw: RawDoc): string | null {
  if (raw.source) return `source:${raw.source}`;
  const host = hostOf(raw.url);
  if (host) return `host:${host}`;
  return raw.file ? `folder:${dirname(raw.file)}` : null;
}

interface ScopeCounts {
  articles: number;
  /** Pages carrying each line, by the hash of its key: most lines are seen once, and numbers cost little to keep. */
  lines: Map<number, number>;
  /** The key and whether the line reads as running text, for lines seen often enough to be a template. */
  recurring: Map<number, { key: string; paragraph: boolean }>;
}

/** A 52-bit hash of a line key (two 32-bit FNV-style lanes): collisions stay negligible over millions of lines. */
function keyHash(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 0x100000 + (b >>> 12);
}

/** Per-source line counts over the plain-text pages of a run; templates are read off once every page was counted. */
export class SiteTemplates {
  private scopes = new Map<string, ScopeCounts>();
  private done = new Map<string, string[]>();

  /** Count one page (plain text with a scope; other pages have no template). */
  add(raw: RawDoc): void {
    const scope = templateScope(raw);
    if (!scope || raw.text === undefined || (raw.html !== undefined && raw.format === 'html')) return;
    let counts = this.scopes.get(scope);
    if (!counts) this.scopes.set(scope, (counts = { articles: 0, lines: new Map(), recurring: new Map() }));
    counts.articles++;
    const seen = new Set<number>();
    for (const line of normalizeText(raw.text).split('\n')) {
      const text = squashSpaces(line);
      // Not phraseKey's memory: a page's lines are keyed here once, and hashing a long line costs more than keying it.
      const key = lineKey(text);
      const hash = keyHash(key);
      if (key.length < MIN_KEY_LENGTH || seen.has(hash)) continue;
      seen.add(hash);
      const n = (counts.lines.get(hash) ?? 0) + 1;
      counts.lines.set(hash, n);
      // Only lines recurring often enough to be a template need their key and shape kept.
      if (n === MIN_TEMPLATE_ARTICLES) counts.recurring.set(hash, { key, paragraph: isParagraphLike(text) });
    }
  }

  /** The template lines (comparison keys) of a page's source. */
  templatesFor(raw: RawDoc): string[] {
    const scope = templateScope(raw);
    const counts = scope ? this.scopes.get(scope) : undefined;
    if (!scope || !counts || counts.articles < MIN_TEMPLATE_ARTICLES) return [];
    let list = this.done.get(scope);
    if (!list) {
      const paragraphFloor = Math.max(MIN_PARAGRAPH_TEMPLATE_ARTICLES, Math.ceil(counts.articles * PARAGRAPH_TEMPLATE_SHARE));
      list = [...counts.recurring]
        .filter(([hash, line]) => counts.lines.get(hash)! >= (line.paragraph ? paragraphFloor : MIN_TEMPLATE_ARTICLES))
        .map(([, line]) => line.key)
        .sort();
      this.done.set(scope, list);
    }
    return list;
  }
}
