// Site templates: lines that recur across many articles of one source (its slogan, its menus, its standing notices)
// are boilerplate. The counts come from a first pass over a run's inputs, so they depend on the inputs alone, not on
// the order articles are stored in: a run killed and rerun decides every line as an uninterrupted run does.
import { dirname } from 'node:path';
import type { RawDoc } from '../model.js';
import { normalizeText, squashSpaces } from '../text/normalize.js';
import { isParagraphLike } from './blocks.js';
import { hostOf } from './metadata.js';
import { phraseKey } from './rules.js';

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
  lines: Map<string, number>;
  /** Whether the line reads as running text, by key. */
  paragraph: Map<string, boolean>;
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
    if (!counts) this.scopes.set(scope, (counts = { articles: 0, lines: new Map(), paragraph: new Map() }));
    counts.articles++;
    const seen = new Set<string>();
    for (const line of normalizeText(raw.text).split('\n')) {
      const text = squashSpaces(line);
      const key = phraseKey(text);
      if (key.length < MIN_KEY_LENGTH || seen.has(key)) continue;
      seen.add(key);
      counts.lines.set(key, (counts.lines.get(key) ?? 0) + 1);
      if (!counts.paragraph.has(key)) counts.paragraph.set(key, isParagraphLike(text));
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
      list = [...counts.lines].filter(([key, n]) => n >= (counts.paragraph.get(key) ? paragraphFloor : MIN_TEMPLATE_ARTICLES)).map(([key]) => key).sort();
      this.done.set(scope, list);
    }
    return list;
  }
}
