// Page metadata: publication date, title, author, site name and canonical URL, from the strongest source present.
import type { DateSource } from '../model.js';
import { isoDate } from '../ingest/records.js';
import type { HtmlMeta } from './htmlblocks.js';

export interface FoundDate {
  date: string;
  source: DateSource;
}

/** A full date in a URL path: /2019/04/15/, /2019-04-15-, /20190415/. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = /[/_-](\d{4})[/_-](\d{2})[/_-](\d{2})(?:[/_.-]|$)/.exec(url) ?? /\/((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(url);
  return m ? isoDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

/** The publication date a URL path carries, as a found date. */
export function urlDate(url: string | null | undefined): FoundDate | null {
  const date = dateFromUrl(url);
  return date ? { date, source: 'url' } : null;
}

/** "Headline | Site" / "Headline - Site" → "Headline", when the suffix is the site's name or short. */
export function cleanTitle(title: string, siteName: string | null): string {
  const parts = title.split(/\s+[|–—-]\s+|\s+::\s+/);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1]!;
  const isSite = siteName ? last.toLowerCase().includes(siteName.toLowerCase()) || siteName.toLowerCase().includes(last.toLowerCase()) : false;
  if (isSite || last.split(' ').length <= 3) return parts.slice(0, -1).join(' - ');
  return title;
}

export function htmlSiteName(meta: HtmlMeta): string | null {
  return meta.meta.get('og:site_name') ?? meta.meta.get('application-name') ?? null;
}

export function htmlAuthor(meta: HtmlMeta): string | null {
  return meta.meta.get('author') ?? meta.meta.get('article:author') ?? meta.meta.get('parsely-author') ?? null;
}

/** Host name without "www.", as the outlet of last resort. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
