// Publication date of an HTML page: one streaming pass collects every date signal, then the strongest plausible one wins.
import { Parser } from 'htmlparser2';
import type { DateSource } from '../model.js';
import { dayOrder, findDates, parseDate, type DateMatch, type DayOrder } from './dateparse.js';
import { dayInSomeZone, hasZone, isZonelessClock, publisherRegion, regionalDay, utcInstant } from './localday.js';
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

// A wiki's view of one revision or of the difference between two: the page shows that edit, dated by it.
const REVISION_VIEW = /[?&](?:diff|oldid)=\d+/;

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

// Attributes that hold a Unix time (seconds or milliseconds): an exact instant, as social and forum pages mark posts.
const EPOCH_ATTRS = ['data-time-ms', 'data-time', 'data-utime', 'data-timestamp'];
const EPOCH = /^\d{10}(?:\d{3})?$/;

/** An element's Unix-time attribute as an ISO instant in UTC, if it has one. */
function epochStamp(attrs: Record<string, string>): string | undefined {
  for (const name of EPOCH_ATTRS) {
    const value = attrs[name]?.trim();
    if (value && EPOCH.test(value)) return new Date(Number(value) * (value.length === 10 ? 1000 : 1)).toISOString();
  }
  return undefined;
}

function attrDate(attrs: Record<string, string>): string | undefined {
  return attrs.datetime ?? attrs.content ?? attrs['data-datetime'] ?? attrs['data-timestamp'] ?? attrs.title;
}

/** Elements whose date is the site's "today" when no <article> encloses them: the banner. */
const BANNER_TAGS = new Set(['header', 'nav']);

/** An open element, and what it adds to the counts of open banners and articles. */
interface OpenElement {
  tag: string;
  text: string;
  container: boolean;
  banner: number;
  article: number;
}

/** One pass over the page: meta values, marked elements, date containers, visible text. */
function collectSignals(html: string): Signals {
  const s: Signals = { meta: new Map(), marked: [], times: [], containers: [], title: '', text: '', lang: null };
  const open: OpenElement[] = [];
  // The open containers (a subsequence of `open`) and counts of open banners and articles: per element and per text
  // node the work stays constant however deep the nesting, where a scan of `open` would make deep pages quadratic.
  const openContainers: OpenElement[] = [];
  let banners = 0;
  let articles = 0;
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
        else if (!updated && !skip) {
          const epoch = epochStamp(attrs);
          if (epoch) s.times.push(epoch);
        }
        // A date in the site's banner (a <header> or <nav> outside any <article>) is the site's "today".
        const inBanner = banners > 0 && articles === 0;
        const container = !skip && !updated && name !== 'meta' && !NOT_ARTICLE_MARK.test(cls) && !inBanner && (itemprop === 'datepublished' || DATE_CONTAINER.test(cls));
        if (container && value && name !== 'time') s.containers.push(value);
        const element: OpenElement = { tag: name, text: '', container, banner: BANNER_TAGS.has(name) ? 1 : 0, article: name === 'article' ? 1 : 0 };
        open.push(element);
        if (container) openContainers.push(element);
        banners += element.banner;
        articles += element.article;
      },
      ontext(text) {
        if (skip) return;
        if (inTitle) s.title += text;
        texts.push(text);
        for (const o of openContainers) if (o.text.length < MAX_CONTAINER_TEXT) o.text += text;
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
          for (const o of open.splice(i)) {
            banners -= o.banner;
            articles -= o.article;
            if (!o.container) continue;
            openContainers.pop();
            if (o.text.trim()) s.containers.push(o.text.trim().slice(0, MAX_CONTAINER_TEXT));
          }
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

/** A revision view's date: the modification stamps, which are the shown revision's, ahead of the page's creation. */
function revisionStamps(html: string, meta: Map<string, string[]>, order: DayOrder, latest: string): [DateSource, () => Stamp | null][] {
  return [
    ['meta', () => firstStamp(MODIFIED_META.flatMap((k) => meta.get(k) ?? []), order, latest)],
    ['json-ld', () => firstStamp(jsonDates(html, JSON_MODIFIED), order, latest)],
  ];
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

/** Tags that end a line of text: a date alone on its line is a dateline, one inside a longer line is part of a sentence. */
const LINE_TAGS = /<\/?(?:p|div|li|br|h[1-6]|td|tr|dd|dt|section|article|header|footer|figure|figcaption|blockquote|ul|ol|table)\b[^>]*>/gi;
/** Characters a dateline may hold beside its date ("By A. Writer | Published 18 January 2020, 10:30"). */
const MAX_DATELINE_EXTRA = 60;

/** Whether a date fills most of its line of text (a byline or dateline), as opposed to being named in a sentence (a caption). */
function isOnItsOwnLine(text: string, d: DateMatch): boolean {
  const start = text.lastIndexOf('\n', d.start) + 1;
  const end = text.indexOf('\n', d.end);
  const line = text.slice(start, end < 0 ? text.length : end).replace(/\s+/g, ' ').trim();
  return line.length - (d.end - d.start) <= MAX_DATELINE_EXTRA;
}

/**
 * The date written just below a <h1> (the byline or dateline): the first on a line of its own, else the first at all.
 * Read from a bounded window of the markup with scripts, styles and tags removed: no second parse of the whole page.
 */
function dateBelowHeadline(html: string, order: DayOrder, latest: string): string | null {
  let tried = 0;
  for (const h1 of html.matchAll(/<h1[\s>]/gi)) {
    if (++tried > HEADLINES_TRIED) break;
    const below = html
      .slice(h1.index, h1.index + BELOW_HEADLINE)
      .replace(/<(script|style)\b[\s\S]*?(<\/\1>|$)/gi, ' ')
      .replace(LINE_TAGS, '\n')
      .replace(/<[^>]*>?/g, ' ')
      .replace(/&nbsp;|&#160;/g, ' ');
    const dates = findDates(below, order).filter((d) => d.date >= EARLIEST && d.date <= latest);
    const date = (dates.find((d) => isOnItsOwnLine(below, d)) ?? dates[0])?.date;
    if (date) return date;
  }
  return null;
}

// Where a page links or loads from: dated paths there are other pages and build stamps ("assets/global_20200420T1718/").
const LINK_TARGET = /\s(?:src|href|srcset|data-src|action)\s*=\s*(?:"[^"]*"|'[^']*')/gi;

// A script's keyed string ("createTime": "2008-02-02T03:02:36Z") dates a field of some record (a licence, a user, an
// asset); the page's own publication fields were read by name before the last resort.
const KEYED_STRING = /"[\w$.-]{1,64}"\s*:\s*"(?:[^"\\\n]|\\.){0,2000}"/g;

/** The page's markup without the addresses it links to or loads, nor its scripts' keyed strings. */
function withoutLinkTargetsOrKeyedStrings(html: string): string {
  return html.replace(LINK_TARGET, ' ').replace(KEYED_STRING, ' ');
}

/** The date the visible text names most often; on a tie the earliest, as a header's "today" is later than the article. */
function dominantTextDate(text: string, order: DayOrder, latest: string): string | null {
  const counts = new Map<string, number>();
  for (const d of findDates(text, order)) if (d.date >= EARLIEST && d.date <= latest) counts.set(d.date, (counts.get(d.date) ?? 0) + 1);
  let best: [string, number] | null = null;
  for (const entry of counts) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  return best ? best[0] : null;
}

/**
 * The strongest publication stamp; a time of day without a zone defers to a weaker source's stamp of the same day
 * that states its zone ("2020-08-25|00h23" beside "2020-08-25T00:23:33Z"), which says whose clock both read.
 */
function chosenStamp(stamped: [DateSource, () => Stamp | null][]): [DateSource, Stamp] | null {
  let first: [DateSource, Stamp] | null = null;
  for (const [source, step] of stamped) {
    const stamp = step();
    if (!stamp) continue;
    if (!first) {
      first = [source, stamp];
      if (!isZonelessClock(stamp.raw)) return first;
    } else if (stamp.date === first[1].date && hasZone(stamp.raw)) return [source, stamp];
  }
  return first;
}

/** A computation run at most once, on first use. */
function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) [value, done] = [compute(), true];
    return value;
  };
}

/** Where a UTC stamp's day is read: the URL's own date, the date shown below the headline, the publisher's country. */
interface DayContext {
  fromUrl: string | null;
  shown: () => string | null;
  region: () => string | null;
}

/**
 * The publication day of a stamp. A UTC instant is dated as its publisher's readers saw it: its UTC day when the URL
 * says so, else the day shown below the headline when some time zone has the instant on it, else the day everywhere
 * in the publisher's country. A stamp with its own offset keeps its wall-clock day.
 */
function stampDay(stamp: Stamp, source: DateSource, ctx: DayContext): FoundDate {
  const instant = ctx.fromUrl === stamp.date ? null : utcInstant(stamp.raw, stamp.date);
  if (!instant) return { date: stamp.date, source };
  const shown = ctx.shown();
  if (shown && dayInSomeZone(instant, shown)) return { date: shown, source: shown === stamp.date ? source : 'text' };
  return { date: regionalDay(instant, ctx.region()) ?? stamp.date, source };
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
  const locale = (headMeta ?? signals().meta).get('og:locale')?.[0];
  const ctx: DayContext = {
    fromUrl,
    shown: once(() => dateBelowHeadline(html, order, today)),
    region: () => publisherRegion(url, [head ? head.lang : signals().lang, locale]),
  };
  const stamped: [DateSource, () => Stamp | null][] = [
    ...(url && REVISION_VIEW.test(url) ? revisionStamps(html, headMeta ?? signals().meta, order, today) : []),
    ['meta', () => metaPublished(headMeta ?? signals().meta, order, today)],
    ['json-ld', () => firstStamp(jsonDates(html, JSON_PUBLISHED), order, today)],
    ['time-element', () => firstStamp(signals().marked, order, today)],
  ];
  const chosen = chosenStamp(stamped);
  if (chosen) return stampDay(chosen[1], chosen[0], ctx);
  const s = signals();
  const stampOf = (source: DateSource, values: () => string[]) => (): FoundDate | null => {
    const stamp = firstStamp(values(), order, today);
    return stamp && stampDay(stamp, source, ctx);
  };
  const dateOf = (source: DateSource, find: () => string | null) => (): FoundDate | null => {
    const date = find();
    return date ? { date, source } : null;
  };
  const steps: (() => FoundDate | null)[] = [
    dateOf('url', () => fromUrl),
    stampOf('time-element', () => s.times),
    dateOf('text', () => firstPlausible(s.containers, order, today)),
    stampOf('meta', () => MODIFIED_META.flatMap((k) => s.meta.get(k) ?? [])),
    stampOf('json-ld', () => jsonDates(html, JSON_MODIFIED)),
    dateOf('text', () => plausible(s.title, order, today)),
    dateOf('text', ctx.shown),
    dateOf('meta', () => imageDate(s.meta, order, today)),
    dateOf('text', () => dominantTextDate(s.text, order, today)),
    // Last resort: dates written into the page's scripts, comments and attributes (a date a script prints, a cache
    // stamp).
    dateOf('text', () => dominantTextDate(withoutLinkTargetsOrKeyedStrings(html), order, today)),
  ];
  for (const step of steps) {
    const found = step();
    if (found) return found;
  }
  return null;
}
