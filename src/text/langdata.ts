// Per-language knowledge lives in data files under text/lang/<code>/; this module finds and parses them once.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const LANG_DIR = fileURLToPath(new URL('./lang/', import.meta.url));

/** The languages analysed in depth: those that have a data folder. */
export const DEEP_LANGS: readonly string[] = readdirSync(LANG_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const cache = new Map<string, string[]>();

/** Non-empty, non-comment lines of text/lang/<lang>/<file>; empty when the file does not exist. */
export function langLines(lang: string, file: string): string[] {
  const key = `${lang}/${file}`;
  let lines = cache.get(key);
  if (!lines) {
    const path = `${LANG_DIR}${key}`;
    lines = existsSync(path)
      ? readFileSync(path, 'utf8')
          .split('\n')
          .map((l) => l.replace(/\s+$/, ''))
          .filter((l) => l.trim() !== '' && !l.startsWith('#'))
      : [];
    cache.set(key, lines);
  }
  return lines;
}
