// Boilerplate rules from text/lang/<code>/boilerplate.txt: `reason<TAB>phrase` or `reason<TAB>/regex/`.
import { DEEP_LANGS, langLines } from '../text/langdata.js';
import { foldKey, squashSpaces } from '../text/normalize.js';
import { boundedMemo } from '../text/memo.js';
import { unitClass } from '../text/wordchars.js';

interface Rules {
  phrases: Map<string, string>;
  /** A line much longer than every phrase cannot be one: it skips the phrase lookup. */
  longestPhrase: number;
  /** One alternation per reason: a dozen tests per line instead of hundreds. */
  patterns: { reason: string; re: RegExp }[];
  creditLabels: Set<string>;
}

let loaded: Rules | null = null;

const isLeadingMark = unitClass(/^[\s•·»›>|*(\[\-–—]$/u);
const isTrailingMark = unitClass(/^[\s:.…»›>|!*)\]\-–—]$/u);

/** The key a whole line is compared by: folded, with edge punctuation and bullets trimmed (by char code: no regex scan per line end). */
export function lineKey(line: string): string {
  const folded = foldKey(line);
  let start = 0;
  let end = folded.length;
  while (start < end && isLeadingMark(folded.charCodeAt(start))) start++;
  while (end > start && isTrailingMark(folded.charCodeAt(end - 1))) end--;
  // Whitespace is trimmed with the marks, so squashing the inner runs is all that is left (and mostly nothing).
  return squashSpaces(folded.slice(start, end));
}

/**
 * lineKey remembered, as the boilerplate, repeat and template rules each key a page's lines. Small on purpose: a line
 * cut from a page keeps the whole page alive, so only the last few pages' lines are kept.
 */
export const phraseKey = boundedMemo(lineKey, 1_000);

/** Whether a pattern matches only at the start of a line: it opens with `^` and has no alternative outside a group. */
export function isStartAnchored(src: string): boolean {
  if (!src.startsWith('^')) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 1; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return false;
  }
  return true;
}

/**
 * A reason's patterns as one or two alternations: those anchored at the line's start under one leading `^`, which the
 * engine tries at the first position only, apart from the rest, which it must try at every position of the line.
 */
function reasonPatterns(list: string[]): RegExp[] {
  const alternation = (group: string[]): string => group.map((src) => `(?:${src})`).join('|');
  const anchored: string[] = [];
  const floating: string[] = [];
  for (const src of list) (isStartAnchored(src) ? anchored : floating).push(src);
  return [
    ...(anchored.length ? [new RegExp(`^(?:${alternation(anchored)})`, 'iu')] : []),
    ...(floating.length ? [new RegExp(alternation(floating), 'iu')] : []),
  ];
}

// Rules of every language apply to every page: a page's boilerplate is often in another language than its body.
function rules(): Rules {
  if (loaded) return loaded;
  const phrases = new Map<string, string>();
  const sources = new Map<string, string[]>();
  const creditLabels = new Set<string>();
  for (const lang of DEEP_LANGS) {
    for (const line of langLines(lang, 'boilerplate.txt')) {
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      const reason = line.slice(0, tab).trim();
      const pattern = line.slice(tab + 1).trim();
      const regex = /^\/(.+)\/$/.exec(pattern);
      if (regex) {
        new RegExp(regex[1]!, 'iu'); // a broken rule fails here, naming itself, not inside the combined pattern
        sources.set(reason, [...(sources.get(reason) ?? []), regex[1]!]);
      }
      else phrases.set(phraseKey(pattern), reason);
    }
    for (const label of langLines(lang, 'credit-labels.txt')) creditLabels.add(foldKey(label.trim()));
  }
  const patterns = [...sources].flatMap(([reason, list]) => reasonPatterns(list).map((re) => ({ reason, re })));
  const longestPhrase = Math.max(0, ...[...phrases.keys()].map((k) => k.length));
  loaded = { phrases, longestPhrase, patterns, creditLabels };
  return loaded;
}

/** The boilerplate reason a line matches, or null. */
export function boilerplateReason(line: string): string | null {
  const r = rules();
  // Trimming bullets and spaces shortens a line by a few characters at most; twice the longest phrase is safe.
  const byPhrase = line.length <= 2 * r.longestPhrase + 16 ? r.phrases.get(phraseKey(line)) : undefined;
  if (byPhrase) return byPhrase;
  const trimmed = line.trim();
  for (const { reason, re } of r.patterns) if (re.test(trimmed)) return reason;
  return null;
}

/** A short source credit such as "source: Reuters" or "Fonte: ANSA". */
export function isCreditLine(line: string): boolean {
  const m = /^([\p{L} ]{2,20}):\s*\S/u.exec(line.trim());
  return !!m && line.length <= 80 && rules().creditLabels.has(foldKey(m[1]!.trim()));
}
