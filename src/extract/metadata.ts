// Page metadata: publication date, title, author, site name and canonical URL, from the strongest source present.
import type { DateSource } from '../model.js';
import { isoDate } from '../ingest/records.js';
import type { HtmlMeta } from './htmlblocks.js';

const DATE_META_KEYS = [
  'article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date',
  'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.created', 'dc.date', 'date', 'article.published',
];

export interface FoundDate {
  date: string;
  source: DateSource;
}

/** The date part of an ISO-like date-time as written (the publisher's local day), or null. */
export function datePart(value: string): string | null {
  const m = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value);
  return m ? isoDate(m[1]!) : null;
}

/** A date in a URL path such as /2019/04/15/ or /2019-04-15-. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = /[/_-](\d{4})[/_-](\d{2})[/_-](\d{2})(?:[/_.-]|$)/.exec(url);
  return m ? isoDate(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

function jsonLdDates(blocks: string[]): string[] {
  const dates: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const rec = node as Record<string, unknown>;
      if (typeof rec.datePublished === 'string') dates.push(rec.datePublished);
      if (rec['@graph']) visit(rec['@graph']);
    }
  };
  for (const text of blocks) {
    try {
      visit(JSON.parse(text));
    } catch {
      // Broken JSON-LD is common on real pages; other date sources remain.
    }
  }
  return dates;
}

/** Publication date from page metadata, in order of reliability: meta tags, JSON-LD, <time>, URL. */
export function htmlPublicationDate(meta: HtmlMeta, url: string | null): FoundDate | null {
  for (const key of DATE_META_KEYS) {
    const d = meta.meta.get(key);
    const date = d ? datePart(d) : null;
    if (date) return { date, source: 'meta' };
  }
  for (const d of jsonLdDates(meta.jsonLd)) {
    const date = datePart(d);
    if (date) return { date, source: 'json-ld' };
  }
  for (const t of meta.times) {
    const date = datePart(t);
    if (date) return { date, source: 'time-element' };
  }
  return urlDate(url);
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
