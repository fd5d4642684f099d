// Publication date of an HTML page: one streaming pass collects every date signal, then the strongest plausible one wins.
import { Parser } from 'htmlparser2';
import type { DateSource } from '../model.js';
import { dayOrder, findDates, parseDate, type DayOrder } from './dateparse.js';
import { dateFromUrl, type FoundDate } from './metadata.js';

// Meta names that carry the first publication, strongest first; the modified ones only stand in when nothing else is there.
const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'article:published', 'datepublished', 'og:published_time',
  'published_time', 'article.published', 'publishdate', 'publish-date', 'publish_date', 'pubdate', 'bt:pubdate',
  'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date.created', 'dcterms.created',
  'citation_publication_date', 'citation_date', 'originalpublicationdate', 'article:post_date', 'datecreated',
  'cxenseparse:recs:publishtime', 'date', 'dc.date', 'dcterms.date', 'created', 'release_date', 'displaydate',
];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'last-modified', 'lastmod', 'dc.date.modified'];
// Any other meta name that says it is a publication date.
const PUBLISHED_META_NAME = /(?:^|[:._-])(?:pub(?:lished|lication)?[_-]?(?:date|time)|date[_-]?pub(?:lished)?|issued|created)(?:$|[:._-])/;

/** JSON fields naming the first publication (in JSON-LD and in any script's JSON), then the modification. */
const JSON_PUBLISHED = /"(?:datePublished|dateCreated|uploadDate|publishedAt|publish_date|pubDate|published_at|firstPublished)"\s*:\s*"([^"]{6,60})"/g;
const JSON_MODIFIED = /"(?:dateModified|modifiedAt|updated_at)"\s*:\s*"([^"]{6,60})"/g;

// Class or id of an element that holds a visible date, in the page's own words (byline, dateline, timestamp).
const DATE_CONTAINER = /date|time|publi|posted|byline|dateline|fecha|datum|data|meta-?info|article-?info|entry-?meta|post-?meta|tagline/i;
const UPDATE_MARK = /updat|modif|edited|aktualisiert|actualiz|mis à jour|aggiornat/i;
// Dates that belong to a person or a comment, not to the article: "Joined March 2007", "member since".
const NOT_ARTICLE_MARK = /join|birth|member|regist|comment|reply|footer|copyright/i;
const PUBLISH_MARK = /publi|posted|created|pubdate|issued/i;

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg']);
const MAX_CONTAINER_TEXT = 160;
/** Earliest plausible publication date of a web page. */
const EARLIEST = '1995-01-01';

interface Signals {
  meta: Map<string, string[]>;
  /** Dates in elements marked as the publication date (itemprop, <time pubdate>, a "published" class). */
  marked: string[];
  times: string[];
  /** Short texts of elements whose class or id says they hold a date, in page order. */
  containers: string[];
  title: string;
  text: string;
  lang: string | null;
}

function attrDate(attrs: Record<string, string>): string | undefined {
  return attrs.datetime ?? attrs.content ?? attrs['data-datetime'] ?? attrs['data-timestamp'] ?? attrs.title;
}

/** One pass over the page: meta values, marked elements, date containers, visible text. */
function collectSignals(html: string): Signals {
  const s: Signals = { meta: new Map(), marked: [], times: [], containers: [], title: '', text: '', lang: null };
  const open: { tag: string; text: string; container: boolean }[] = [];
  const texts: string[] = [];
  let skip = 0;
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIP_TAGS.has(name)) {
          skip++;
          return;
        }
        if (name === 'html' && attrs.lang) s.lang = attrs.lang;
        if (name === 'title') inTitle = true;
        const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? attrs['http-equiv'] ?? '').toLowerCase();
        if (name === 'meta' && key && attrs.content) s.meta.set(key, [...(s.meta.get(key) ?? []), attrs.content]);
        const itemprop = (attrs.itemprop ?? '').toLowerCase();
        const cls = `${attrs.class ?? ''} ${attrs.id ?? ''}`;
        const value = attrDate(attrs);
        const updated = UPDATE_MARK.test(cls) || itemprop === 'datemodified';
        if (!updated && value && (itemprop === 'datepublished' || itemprop === 'datecreated' || 'pubdate' in attrs || (name === 'time' && PUBLISH_MARK.test(cls)))) s.marked.push(value);
        else if (name === 'time' && value && !updated) s.times.push(value);
        const container = !skip && !updated && name !== 'meta' && !NOT_ARTICLE_MARK.test(cls) && (itemprop === 'datepublished' || DATE_CONTAINER.test(cls));
        if (container && value && name !== 'time') s.containers.push(value);
        open.push({ tag: name, text: '', container });
      },
      ontext(text) {
        if (skip) return;
        if (inTitle) s.title += text;
        texts.push(text);
        for (const o of open) if (o.container && o.text.length < MAX_CONTAINER_TEXT) o.text += text;
      },
      onclosetag(name) {
        if (SKIP_TAGS.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (name === 'title') inTitle = false;
        // Pop to the matching element (unclosed children close with it).
        for (let i = open.length - 1; i >= 0; i--) {
          if (open[i]!.tag !== name) continue;
          for (const o of open.splice(i)) if (o.container && o.text.trim()) s.containers.push(o.text.trim().slice(0, MAX_CONTAINER_TEXT));
          break;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  s.text = texts.join(' ');
  return s;
}

/** A date found in a value, if plausible: not before the web's early years, not after today. */
function plausible(value: string | undefined, order: DayOrder, latest: string): string | null {
  if (!value) return null;
  const date = parseDate(value, order);
  return date && date >= EARLIEST && date <= latest ? date : null;
}

interface Stamp {
  date: string;
  raw: string;
}

function firstStamp(values: Iterable<string>, order: DayOrder, latest: string): Stamp | null {
  for (const raw of values) {
    const date = plausible(raw, order, latest);
    if (date) return { date, raw };
  }
  return null;
}

function firstPlausible(values: Iterable<string>, order: DayOrder, latest: string): string | null {
  return firstStamp(values, order, latest)?.date ?? null;
}

function metaPublished(meta: Map<string, string[]>, order: DayOrder, latest: string): Stamp | null {
  for (const key of PUBLISHED_META) {
    const d = firstStamp(meta.get(key) ?? [], order, latest);
    if (d) return d;
  }
  for (const [key, values] of meta) {
    if (!PUBLISHED_META_NAME.test(key) || UPDATE_MARK.test(key)) continue;
    const d = firstStamp(values, order, latest);
    if (d) return d;
  }
  return null;
}

function jsonDates(html: string, re: RegExp): string[] {
  return [...html.matchAll(re)].map((m) => m[1]!);
}

const IMAGE_META = ['og:image', 'twitter:image', 'twitter:image:src', 'image', 'thumbnailurl'];

/** The upload day an image address carries (…/2020/10/07/…, …/20201007120909.jpg): pages often name the lead image by it. */
function imageDate(meta: Map<string, string[]>, order: DayOrder, latest: string): string | null {
  for (const address of IMAGE_META.flatMap((k) => meta.get(k) ?? [])) {
    const m = /(?<!\d)((?:19|20)\d{2})([/_-]?)(\d{2})\2(\d{2})(?:\d{4,}|[/_.-])/.exec(address);
    const date = m ? plausible(`${m[1]}-${m[3]}-${m[4]}`, order, latest) : null;
    if (date) return date;
  }
  return null;
}

/** Characters of markup below the headline searched for the article's own date. */
const BELOW_HEADLINE = 4000;

/** <h1> elements tried: the first is often the site's logo, the article's headline comes next. */
const HEADLINES_TRIED = 3;

/**
 * The first date written just below a <h1> (the byline or dateline), read from a bounded window of the markup with
 * scripts, styles and tags removed: no second parse of the whole page for it.
 */
function dateBelowHeadline(html: string, order: DayOrder, latest: string): string | null {
  let tried = 0;
  for (const h1 of html.matchAll(/<h1[\s>]/gi)) {
    if (++tried > HEADLINES_TRIED) break;
    const below = html
      .slice(h1.index, h1.index + BELOW_HEADLINE)
      .replace(/<(script|style)\b[\s\S]*?(<\/\1>|$)/gi, ' ')
      .replace(/<[^>]*>?/g, ' ')
      .replace(/&nbsp;|&#160;/g, ' ');
    const date = findDates(below, order).find((d) => d.date >= EARLIEST && d.date <= latest)?.date;
    if (date) return date;
  }
  return null;
}

/** The date the visible text names most often; on a tie the earliest, as a header's "today" is later than the article. */
function dominantTextDate(text: string, order: DayOrder, latest: string): string | null {
  const counts = new Map<string, number>();
  for (const d of findDates(text, order)) if (d.date >= EARLIEST && d.date <= latest) counts.set(d.date, (counts.get(d.date) ?? 0) + 1);
  let best: [string, number] | null = null;
  for (const entry of counts) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  return best ? best[0] : null;
}

// A machine time stamp in UTC: its calendar day may be the day after (or before) the publisher's own.
const UTC_STAMP = /\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]00:?00|GMT|UTC)\b/i;

function shiftDay(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A UTC stamp's day, replaced by the day the page shows below its headline when that is one day off (the publisher's local day). */
function localDay(stamp: Stamp, shown: string | null): string {
  if (!shown) return stamp.date;
  return shown === shiftDay(stamp.date, -1) || shown === shiftDay(stamp.date, 1) ? shown : stamp.date;
}

export interface DateOptions {
  /** The page head as already scanned (meta tags, first value per name; `<html lang>`), to skip a second pass when it suffices. */
  head?: { meta: ReadonlyMap<string, string>; lang: string | null };
  /** Latest plausible date (ISO); today by default. */
  today?: string;
}

/**
 * Publication date of a page, strongest signal first: publication meta tags, JSON(-LD) publication fields, elements
 * marked as the publication date, the URL, <time> elements, date containers (byline, dateline), modification dates,
 * the title, then the date the visible text names most often.
 */
export function pagePublicationDate(html: string, url: string | null, opts: DateOptions = {}): FoundDate | null {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  // The full pass over the page runs only when the head's meta tags and the JSON fields do not settle the date.
  let scanned: Signals | null = null;
  const signals = (): Signals => (scanned ??= collectSignals(html));
  const head = opts.head;
  const order = dayOrder(head ? head.lang : signals().lang);
  const fromUrl = plausible(dateFromUrl(url) ?? undefined, order, today);
  const headMeta = head ? new Map([...head.meta].map(([k, v]) => [k, [v]])) : null;
  const stamped: [DateSource, () => Stamp | null][] = [
    ['meta', () => metaPublished(headMeta ?? signals().meta, order, today)],
    ['json-ld', () => firstStamp(jsonDates(html, JSON_PUBLISHED), order, today)],
    ['time-element', () => firstStamp(signals().marked, order, today)],
  ];
  for (const [source, step] of stamped) {
    const stamp = step();
    if (!stamp) continue;
    const date = fromUrl === stamp.date || !UTC_STAMP.test(stamp.raw) ? stamp.date : localDay(stamp, dateBelowHeadline(html, order, today));
    return { date, source: date === stamp.date ? source : 'text' };
  }
  const s = signals();
  const steps: [DateSource, () => string | null][] = [
    ['url', () => fromUrl],
    ['time-element', () => firstPlausible(s.times, order, today)],
    ['text', () => firstPlausible(s.containers, order, today)],
    ['meta', () => firstPlausible(MODIFIED_META.flatMap((k) => s.meta.get(k) ?? []), order, today)],
    ['json-ld', () => firstPlausible(jsonDates(html, JSON_MODIFIED), order, today)],
    ['text', () => plausible(s.title, order, today)],
    ['text', () => dateBelowHeadline(html, order, today)],
    ['meta', () => imageDate(s.meta, order, today)],
    ['text', () => dominantTextDate(s.text, order, today)],
    // Last resort: dates written into the page's scripts and attributes (a date printed by a script, a cache stamp).
    ['text', () => dominantTextDate(html, order, today)],
  ];
  for (const [source, step] of steps) {
    const date = step();
    if (date) return { date, source };
  }
  return null;
}
