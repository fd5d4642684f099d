// One streaming pass over HTML (htmlparser2, no recursion, so any nesting depth is safe): text blocks and head metadata.
import { Parser } from 'htmlparser2';
import { squashSpaces } from '../text/normalize.js';

export interface HtmlBlock {
  text: string;
  tag: string;
  /** The innermost element open when the block's text began (an index into ScannedHtml.nodes; 0 is the document). */
  node: number;
  /** Characters of the block's text that sit inside links. */
  linkChars: number;
}

/** One element of the page, as the main-content scorer needs it: its tag, parent, and identity words. */
export interface HtmlNode {
  tag: string;
  parent: number;
  /** id, class, role and itemprop values, lower-cased and space-joined. */
  sig: string;
  /** Hidden by the `hidden` attribute or an inline display:none / visibility:hidden. */
  hidden: boolean;
}

export interface HtmlMeta {
  title: string | null;
  h1: string | null;
  lang: string | null;
  canonical: string | null;
  /** <meta name|property|itemprop → content>, names lower-cased; first value wins. */
  meta: Map<string, string>;
  jsonLd: string[];
  times: string[];
}

export interface ScannedHtml {
  blocks: HtmlBlock[];
  /** Elements in document order: a parent always comes before its children. */
  nodes: HtmlNode[];
  meta: HtmlMeta;
}

function signature(attrs: Record<string, string>): string {
  const parts = [attrs.id, attrs.class, attrs.role, attrs.itemprop, attrs['data-component']].filter((v) => v);
  return parts.length ? parts.join(' ').toLowerCase() : '';
}

function isHidden(attrs: Record<string, string>): boolean {
  return attrs.hidden !== undefined || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attrs.style ?? '');
}

const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'tr', 'td', 'th', 'figure', 'figcaption', 'form',
  'br', 'hr', 'address', 'details', 'summary', 'caption', 'fieldset', 'legend', 'body', 'center', 'menu', 'option',
]);
const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'canvas', 'select', 'button', 'textarea', 'math']);

/** Text blocks in page order (break at block-level tags) and the page's metadata. */
export function scanHtml(html: string): ScannedHtml {
  const blocks: HtmlBlock[] = [];
  // A document node holds everything, so that top-level siblings (a page with no <html> or <body>) share a container.
  const nodes: HtmlNode[] = [{ tag: '#document', parent: -1, sig: '', hidden: false }];
  /** Open elements, innermost last. */
  const open: number[] = [0];
  let blockNode = -1;
  let linkDepth = 0;
  let linkChars = 0;
  const meta: HtmlMeta = { title: null, h1: null, lang: null, canonical: null, meta: new Map(), jsonLd: [], times: [] };
  let buffer = '';
  let blockTag = 'body';
  let skipDepth = 0;
  let inTitle = false;
  let inH1 = false;
  let h1Text = '';
  let titleText = '';
  let jsonLdText: string | null = null;

  const flush = (): void => {
    const text = squashSpaces(buffer);
    if (text) blocks.push({ text, tag: blockTag, node: blockNode, linkChars: Math.min(linkChars, text.length) });
    buffer = '';
    linkChars = 0;
    blockNode = -1;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'script' && /ld\+json/i.test(attrs.type ?? '')) jsonLdText = '';
        if (SKIP_TAGS.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth) return;
        const parent = open.length ? open[open.length - 1]! : -1;
        nodes.push({ tag: name, parent, sig: signature(attrs), hidden: isHidden(attrs) });
        open.push(nodes.length - 1);
        if (name === 'a') linkDepth++;
        if (name === 'html' && attrs.lang) meta.lang = attrs.lang;
        else if (name === 'title') inTitle = true;
        else if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? attrs['http-equiv'] ?? '').toLowerCase();
          if (key && attrs.content !== undefined && !meta.meta.has(key)) meta.meta.set(key, attrs.content);
        } else if (name === 'link' && /\bcanonical\b/i.test(attrs.rel ?? '') && attrs.href) meta.canonical ??= attrs.href;
        else if (name === 'time' && attrs.datetime) meta.times.push(attrs.datetime);
        if (name === 'h1') {
          inH1 = true;
          h1Text = '';
        }
        if (BLOCK_TAGS.has(name)) {
          flush();
          blockTag = name;
        }
      },
      ontext(text) {
        if (jsonLdText !== null) jsonLdText += text;
        if (skipDepth) return;
        if (inTitle) {
          titleText += text;
          return;
        }
        if (inH1) h1Text += text;
        if (blockNode < 0 && text.trim() !== '') blockNode = open.length ? open[open.length - 1]! : -1;
        if (linkDepth > 0) linkChars += text.trim().length;
        buffer += text;
      },
      onclosetag(name) {
        if (name === 'script' && jsonLdText !== null) {
          meta.jsonLd.push(jsonLdText);
          jsonLdText = null;
        }
        if (SKIP_TAGS.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1);
          return;
        }
        if (skipDepth) return;
        if (open.length > 1 && nodes[open[open.length - 1]!]!.tag === name) open.pop();
        if (name === 'a') linkDepth = Math.max(0, linkDepth - 1);
        if (name === 'title') {
          inTitle = false;
          meta.title ??= squashSpaces(titleText) || null;
        }
        if (name === 'h1' && inH1) {
          inH1 = false;
          meta.h1 ??= squashSpaces(h1Text) || null;
        }
        if (BLOCK_TAGS.has(name)) {
          flush();
          blockTag = 'body';
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return { blocks, nodes, meta };
}
