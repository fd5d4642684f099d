// RSS, Atom, RDF and JSON Feed documents → one RawDoc per item (feedsmith parses them). Items that carry only a
// teaser get their linked page fetched, so that the article, not its summary, is what gets clustered.
import { parseFeed } from 'feedsmith';
import type { RawDoc } from '../model.js';
import { countWords } from '../text/tokens.js';
import type { ReadItem } from './records.js';

/** An item whose content has fewer words than this is a teaser: its linked page is fetched when allowed. */
const TEASER_WORDS = 80;

interface FeedItem {
  id?: string;
  url?: string;
  title?: string;
  date?: string;
  html?: string;
  author?: string;
}

type Loose = Record<string, unknown>;

const text = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.trim() || undefined;
  if (v && typeof v === 'object' && typeof (v as Loose).value === 'string') return ((v as Loose).value as string).trim() || undefined;
  return undefined;
};

/** A feed date (RFC 822, ISO 8601) as an ISO date-time, or undefined when it does not parse. */
export function feedDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function longest(...values: (string | undefined)[]): string | undefined {
  return values.filter((v): v is string => !!v).sort((a, b) => b.length - a.length)[0];
}

function rssItem(i: Loose): FeedItem {
  const guid = i.guid as Loose | undefined;
  const content = i.content as Loose | undefined;
  const dc = i.dc as Loose | undefined;
  return {
    id: text(guid?.value ?? guid),
    url: text(i.link),
    title: text(i.title),
    date: feedDate(text(i.pubDate) ?? text(dc?.date) ?? text((dc?.dates as unknown[] | undefined)?.[0])),
    html: longest(text(content?.encoded), text(i.description)),
    author: text(i.author) ?? text((dc?.creators as unknown[] | undefined)?.[0]) ?? text(dc?.creator),
  };
}

function atomEntry(e: Loose): FeedItem {
  const links = (e.links as Loose[] | undefined) ?? [];
  const link = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
  return {
    id: text(e.id),
    url: text(link?.href),
    title: text(e.title),
    date: feedDate(text(e.published) ?? text(e.updated)),
    html: longest(text(e.content), text(e.summary)),
    author: text(((e.authors as Loose[] | undefined) ?? [])[0]?.name),
  };
}

function jsonFeedItem(i: Loose): FeedItem {
  return {
    id: text(i.id),
    url: text(i.url),
    title: text(i.title),
    date: feedDate(text(i.date_published) ?? text(i.date_modified)),
    html: longest(text(i.content_html), text(i.content_text), text(i.summary)),
    author: text(((i.authors as Loose[] | undefined) ?? [])[0]?.name),
  };
}

/** The items of a feed document and its title, or null when the text is not a feed. */
export function parseFeedItems(content: string): { title?: string; items: FeedItem[] } | null {
  let parsed: { format: string; feed: Loose };
  try {
    parsed = parseFeed(content) as unknown as { format: string; feed: Loose };
  } catch {
    return null;
  }
  const feed = parsed.feed;
  const list = (k: string): Loose[] => (Array.isArray(feed[k]) ? (feed[k] as Loose[]) : []);
  switch (parsed.format) {
    case 'atom':
      return { title: text(feed.title), items: list('entries').map(atomEntry) };
    case 'json':
      return { title: text(feed.title), items: list('items').map(jsonFeedItem) };
    default:
      return { title: text(feed.title), items: list('items').map(rssItem) };
  }
}

/** One record per feed item, origin `<feed>#<n>`; items with no content and no link are rejects. */
export function feedRecords(content: string, origin: string): ReadItem[] | null {
  const parsed = parseFeedItems(content);
  if (!parsed) return null;
  if (parsed.items.length === 0) return [{ reject: { origin, reason: 'feed with no items' } }];
  return parsed.items.map((item, i): ReadItem => {
    const where = `${origin}#${i + 1}`;
    if (!item.html && !item.url) return { reject: { origin: where, reason: 'feed item with neither content nor link' } };
    // The item's URL names it (guids are often unstable); the guid is kept in meta.
    const doc: RawDoc = { origin: item.url ?? where, format: 'html', html: item.html ?? '', meta: { feed: origin }, warnings: [] };
    if (item.id) doc.meta.guid = item.id;
    if (item.url) doc.url = item.url;
    if (item.title) doc.title = item.title;
    if (item.date) {
      doc.date = item.date;
      doc.dateSource = 'feed';
    }
    if (parsed.title) doc.source = parsed.title;
    if (item.author) doc.meta.author = item.author;
    return { doc };
  });
}

/** True for a feed item whose own content is too short to be the article, and which links to a page. */
export function isTeaser(doc: RawDoc): boolean {
  if (doc.meta.feed === undefined || !doc.url || !/^https?:\/\//i.test(doc.url)) return false;
  return countWords((doc.html ?? '').replace(/<[^>]*>/g, ' ')) < TEASER_WORDS;
}
