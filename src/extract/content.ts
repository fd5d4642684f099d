// Main content from the page's element tree: boilerplate elements (by tag, class/id words, hidden) and link-dense
// blocks count against a container, running text for it; the container with the best balance is the article.
import type { HtmlBlock, HtmlNode, ScannedHtml } from './htmlblocks.js';

/** Elements that hold page furniture whatever their class. */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'menu', 'dialog', 'figcaption', 'header']);
/** Containers never dropped by their class words (sites put state classes such as "menu-open" on them). */
const NEVER_FURNITURE = new Set(['#document', 'html', 'body', 'main']);

// Class, id and role words of page furniture: comments, sharing, related links, promotions, navigation, captions.
// Words are matched at the start of a class word, so "relatedArticles" and "share-bar" match, "commentary" does not.
const FURNITURE_WORDS = new RegExp(
  '(?:^|[^a-z])(?:' +
    [
      'comment(?!ary)', 'kommentar', 'commenti', 'commentaires', 'comentarios', 'disqus', 'replies', 'respond',
      'share', 'sharing', 'social', 'follow', 'shariff',
      'related', 'recommend', 'more-?stories', 'more-?from', 'read-?more', 'readmore', 'read-?next', 'trending',
      'most-?(?:popular|read|viewed)', 'popular', 'outbrain', 'taboola', 'teaser', 'also-?read', 'see-?also',
      'promo', 'newsletter', 'subscri', 'signup', 'sign-up', 'advert', 'ad-', 'ads(?![a-z])', 'adslot',
      'sponsor', 'cookie', 'consent', 'gdpr', 'banner', 'popup', 'modal', 'overlay',
      'nav(?![a-z])', 'navbar', 'navigation', 'menu', 'breadcrumb', '(?<!(?:layout|has|with|no)-(?:(?:left|right)-)?)sidebar', 'widget', 'footer', 'masthead',
      'toolbar', 'pagination', 'pager', 'skip', 'sr-only', 'visually-?hidden', 'screen-?reader',
      'byline', 'author-?(?:bio|info|box|card)', 'caption', 'credit', 'tags(?![a-z])', 'tag-?list', 'keywords',
      'print(?![a-z])', 'copyright', 'disclaimer', 'rating', 'comment-?count',
    ].join('|') +
    ')',
);

// Class and id words of an article body: a prior, not a rule (the scorer still weighs the text inside).
const ARTICLE_WORDS = /articlebody|article[-_]{1,2}(?:body|content|text)|story[-_]?(?:body|content|text)|post[-_]?(?:body|content|text)|entry[-_]?content|body[-_]?text|main[-_]?content|rich[-_]?text|c-entry-content|content-body/;

// Quoted posts embedded in the article ("social-media-embed", "twitter-tweet") are part of it.
const EMBED_WORDS = /embed|tweet/;

/** A block must read as running text to count for its container. */
const MIN_PARAGRAPH_WORDS = 8;
/** Fewest words a linked block inside the article needs to count as a sentence of it. */
const LINKED_SENTENCE_WORDS = 12;
/** Above this share of link text, a block is a list of links. */
const MAX_LINK_DENSITY = 0.5;
/** How much of their length furniture and link blocks weigh against a container. */
const FURNITURE_PENALTY = 1;
const LINK_PENALTY = 0.5;
/** Short lines cost a little, so that of two containers with the same text the tighter one wins. */
const SHORT_LINE_PENALTY = 0.3;
/** Elements that can hold a whole article (a paragraph named "post-text" is one paragraph of it). */
const CONTAINER_TAGS = new Set(['div', 'section', 'article', 'main', 'td']);
/** Share of link text above which an element that weighs against the article is a group of links. */
const LINK_CLUSTER_SHARE = 0.25;
/** Running text an element named as the article body must hold before its name is trusted over the scores. */
const MIN_NAMED_BODY_CHARS = 400;

export interface ContentChoice {
  /** Per block: inside the article. */
  inMain: boolean[];
  /** Per block: why it is outside, when it is. */
  reasons: (string | null)[];
  /** The chosen container (index into nodes), -1 when the whole page was kept. */
  container: number;
  byline: string | null;
}

/** Words, with Chinese and Japanese (written without spaces) counted as one word per two characters. */
function wordCount(text: string): number {
  let spaced = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 32;
    if (!space && !inWord) spaced++;
    inWord = !space;
  }
  // Most pages have no ideographs: skip the Unicode-script scan for them.
  if (!/[\u2e80-\u9fff]/.test(text)) return spaced;
  const ideographic = text.match(/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/gu)?.length ?? 0;
  return spaced + Math.floor(ideographic / 2);
}

/** Comment threads are furniture however much text they hold. */
const COMMENT_WORDS = /(?:^|[^a-z])(?:comment(?!ary)|kommentar|commenti|commentaires|comentarios|disqus)/;
/** A node named as furniture by its class but holding more than this share of the page's running text is the article. */
const MAX_FURNITURE_SHARE = 0.5;

function isFurnitureNode(n: HtmlNode, share: number): boolean {
  if (NEVER_FURNITURE.has(n.tag)) return false;
  if (n.hidden) return true;
  const named = n.sig !== '' && !ARTICLE_WORDS.test(n.sig) && !EMBED_WORDS.test(n.sig) && FURNITURE_WORDS.test(n.sig);
  if (!named && !FURNITURE_TAGS.has(n.tag)) return false;
  // Some sites wrap the whole page in a <form> or give the article a "sidebar" class: the bulk of the text decides.
  return share <= MAX_FURNITURE_SHARE || COMMENT_WORDS.test(n.sig);
}

/** Per node: characters of running text inside it (blocks of prose with few links), summed child to parent. */
function runningTextChars(nodes: HtmlNode[], blocks: HtmlBlock[]): Float64Array {
  const good = new Float64Array(nodes.length);
  for (const b of blocks) if (b.node >= 0 && isRunningText(b) && linkDensity(b) <= MAX_LINK_DENSITY) good[b.node] += b.text.length;
  for (let i = nodes.length - 1; i > 0; i--) if (nodes[i]!.parent >= 0) good[nodes[i]!.parent] += good[i]!;
  return good;
}

/** Per node: the nearest furniture ancestor-or-self (its index), or -1. Parents come first, so one forward pass. */
function furnitureOf(nodes: HtmlNode[], blocks: HtmlBlock[]): Int32Array {
  const good = runningTextChars(nodes, blocks);
  let total = 1;
  for (let i = 0; i < nodes.length; i++) if (nodes[i]!.parent < 0) total += good[i]!;
  const out = new Int32Array(nodes.length).fill(-1);
  for (let i = 0; i < nodes.length; i++) {
    const p = nodes[i]!.parent;
    out[i] = p >= 0 && out[p]! >= 0 ? out[p]! : isFurnitureNode(nodes[i]!, good[i]! / total) ? i : -1;
  }
  return out;
}

function isRunningText(b: HtmlBlock): boolean {
  const n = wordCount(b.text);
  return n >= MIN_PARAGRAPH_WORDS || (n >= 4 && /[.!?…。！？]['"”»’)」]?$/.test(b.text));
}

/** A whole sentence under a link, inside the article (a list of linked news items is its content). */
function isLinkedSentence(b: HtmlBlock): boolean {
  return wordCount(b.text) >= LINKED_SENTENCE_WORDS && /[.!?…。！？]['"”»’)」]?$/.test(b.text);
}

function linkDensity(b: HtmlBlock): number {
  return b.text.length ? b.linkChars / b.text.length : 0;
}

/** What a block says about the container it sits in: positive for article text, negative for furniture. */
function blockWeight(b: HtmlBlock, furniture: boolean): number {
  const len = b.text.length;
  if (furniture) return -FURNITURE_PENALTY * len;
  if (linkDensity(b) > MAX_LINK_DENSITY && !isLinkedSentence(b)) return -LINK_PENALTY * len;
  return isRunningText(b) ? len : -SHORT_LINE_PENALTY * len;
}

interface Tally {
  /** Sum of block weights inside each node. */
  sum: Float64Array;
  /** Characters of running text inside each node. */
  good: Float64Array;
  chars: Float64Array;
  linkChars: Float64Array;
}

/** Per node, totals over the blocks inside it (children are added to parents, last node first). */
function tally(nodes: HtmlNode[], blocks: HtmlBlock[], furniture: Int32Array): Tally {
  const t: Tally = { sum: new Float64Array(nodes.length), good: new Float64Array(nodes.length), chars: new Float64Array(nodes.length), linkChars: new Float64Array(nodes.length) };
  for (const b of blocks) {
    if (b.node < 0) continue;
    const w = blockWeight(b, furniture[b.node]! >= 0);
    t.sum[b.node] += w;
    if (w > 0) t.good[b.node] += w;
    t.chars[b.node] += b.text.length;
    t.linkChars[b.node] += b.linkChars;
  }
  for (let i = nodes.length - 1; i > 0; i--) {
    const p = nodes[i]!.parent;
    if (p < 0) continue;
    for (const a of [t.sum, t.good, t.chars, t.linkChars]) a[p] += a[i]!;
  }
  return t;
}

/** The element named as the article body when one holds enough text, else the one whose blocks weigh most. */
function bestContainer(nodes: HtmlNode[], furniture: Int32Array, t: Tally): number {
  const named = bestOf(nodes.length, (i) => furniture[i]! < 0 && t.good[i]! >= MIN_NAMED_BODY_CHARS && isNamedArticleBody(nodes[i]!), t.sum);
  return named >= 0 ? named : bestOf(nodes.length, (i) => furniture[i]! < 0, t.sum);
}

/**
 * Per node inside the container: the outermost element below the container that weighs against the article and is
 * made largely of links (a ticker, a list of related headlines), or -1.
 */
function linkClustersIn(nodes: HtmlNode[], container: number, inside: Uint8Array, t: Tally): Int32Array {
  const out = new Int32Array(nodes.length).fill(-1);
  for (let i = container + 1; i < nodes.length; i++) {
    const p = nodes[i]!.parent;
    if (p < 0 || !inside[p] || !inside[i]) continue;
    const cluster = t.sum[i]! < 0 && t.linkChars[i]! > LINK_CLUSTER_SHARE * t.chars[i]!;
    out[i] = out[p]! >= 0 ? out[p]! : cluster ? i : -1;
  }
  return out;
}

/** Index with the highest positive score among those allowed, or -1. */
function bestOf(count: number, allowed: (i: number) => boolean, score: Float64Array): number {
  let best = -1;
  for (let i = 0; i < count; i++) if (score[i]! > 0 && (best < 0 || score[i]! > score[best]!) && allowed(i)) best = i;
  return best;
}

/** An element whose class or itemprop names it the article body (never the whole page). */
function isNamedArticleBody(n: HtmlNode): boolean {
  return CONTAINER_TAGS.has(n.tag) && ARTICLE_WORDS.test(n.sig);
}

/** Per node: 1 when it is the container or inside it (parents come first, so one forward pass). */
function insideOf(nodes: HtmlNode[], container: number): Uint8Array {
  const inside = new Uint8Array(nodes.length);
  if (container < 0) return inside.fill(1);
  inside[container] = 1;
  for (let i = container + 1; i < nodes.length; i++) {
    const p = nodes[i]!.parent;
    if (p >= 0 && inside[p]) inside[i] = 1;
  }
  return inside;
}

const BYLINE_WORDS = /(?:^|[^a-z])(?:byline|author(?!ity))/;

/** The first short block inside a byline or author element. */
function findByline(page: ScannedHtml): string | null {
  for (const b of page.blocks) {
    if (b.node < 0 || b.text.length > 100) continue;
    for (let n = b.node, hops = 0; n >= 0 && hops < 4; n = page.nodes[n]!.parent, hops++) {
      if (BYLINE_WORDS.test(page.nodes[n]!.sig)) return b.text;
    }
  }
  return null;
}

/** Choose the article's blocks: those inside the best container, less furniture and link lists inside it. */
export function chooseContent(page: ScannedHtml): ContentChoice {
  const { nodes, blocks } = page;
  const furniture = furnitureOf(nodes, blocks);
  const t = tally(nodes, blocks, furniture);
  const container = bestContainer(nodes, furniture, t);
  const inside = insideOf(nodes, container);
  const clusters = linkClustersIn(nodes, container, inside, t);
  const reasons = blocks.map((b): string | null => {
    if (b.node < 0 || !inside[b.node]) return 'outside the article container';
    const f = b.node >= 0 ? furniture[b.node]! : -1;
    if (f >= 0) return `page furniture (<${nodes[f]!.tag}${nodes[f]!.sig ? ` ${nodes[f]!.sig.slice(0, 40)}` : ''}>)`;
    if (linkDensity(b) > MAX_LINK_DENSITY && !isLinkedSentence(b)) return 'link list';
    if (b.node >= 0 && clusters[b.node]! >= 0) return 'inside a group of links';
    return null;
  });
  return { inMain: reasons.map((r) => r === null), reasons, container, byline: findByline(page) };
}
