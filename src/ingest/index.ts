// Ingest room: paths, folders, `.gz`, stdin and URLs → RawDoc records or rejects, in a stable order.
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createGunzip, gunzipSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import { binaryKind, declaredHtmlCharset, decodeBytes, strictUtf8 } from './decode.js';
import { feedRecords, isTeaser } from './feeds.js';
import {
  formatFromName, htmlRecord, jsonDocumentRecords, jsonlLine, sniffFormat, txtRecord, type ReadItem,
} from './records.js';

export type { ReadItem } from './records.js';

/** Largest single document (txt, html, json) read into memory. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** Longest line of a JSONL feed; feeds themselves are streamed and may be of any size. */
export const MAX_LINE_BYTES = 32 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 30_000;

export type InputUnit =
  | { kind: 'file'; path: string; display: string; size: number }
  | { kind: 'stdin' }
  | { kind: 'url'; url: string }
  | { kind: 'missing'; display: string; reason: string };

/**
 * Expand the user's arguments into input units: folders recursively (sorted, hidden entries skipped).
 * `skip` holds absolute paths never to read (the database being written, with its -wal and -shm files).
 */
export function planInputs(args: string[], skip: Set<string> = new Set()): InputUnit[] {
  const units: InputUnit[] = [];
  for (const arg of args) {
    if (arg === '-') units.push({ kind: 'stdin' });
    else if (/^https?:\/\//i.test(arg)) units.push({ kind: 'url', url: arg });
    else planPath(arg, units, skip);
  }
  return units;
}

// Planning is synchronous: nothing else runs yet, and an async stat per file cost a thread-pool round trip each
// (0.7 s of a 10,000-file folder's 50 s ingest).
function planPath(display: string, units: InputUnit[], skip: Set<string>): void {
  if (skip.has(resolve(display))) return;
  let info;
  try {
    info = statSync(display);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : `cannot read (${code})`;
    units.push({ kind: 'missing', display, reason });
    return;
  }
  if (info.isDirectory()) {
    let entries;
    try {
      entries = readdirSync(display, { withFileTypes: true }).filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (err) {
      units.push({ kind: 'missing', display, reason: `cannot list folder (${(err as NodeJS.ErrnoException).code})` });
      return;
    }
    for (const entry of entries) {
      const child = join(display, entry.name);
      // Symlinked folders are not followed: they can loop.
      if (entry.isSymbolicLink() && isFolder(child)) continue;
      planPath(child, units, skip);
    }
  } else if (info.isFile()) {
    units.push({ kind: 'file', path: resolve(display), display, size: info.size });
  } else {
    units.push({ kind: 'missing', display, reason: 'not a regular file' });
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Records and rejects of one input unit. */
/** The records of one input; `followLinks` fetches the pages that feed items only tease. */
export async function* readUnit(unit: InputUnit, followLinks = true): AsyncGenerator<ReadItem> {
  switch (unit.kind) {
    case 'missing':
      yield { reject: { origin: unit.display, reason: unit.reason } };
      return;
    case 'stdin':
      yield* readStdin();
      return;
    case 'url':
      yield* followLinks ? withLinkedPages(readUrl(unit.url)) : readUrl(unit.url);
      return;
    case 'file':
      for await (const item of followLinks ? withLinkedPages(readFileUnit(unit)) : readFileUnit(unit)) {
        if ('doc' in item) item.doc.file = unit.display;
        yield item;
      }
  }
}

async function* readFileUnit(unit: Extract<InputUnit, { kind: 'file' }>): AsyncGenerator<ReadItem> {
  const origin = unit.display;
  if (unit.size === 0) {
    yield { reject: { origin, reason: 'empty file' } };
    return;
  }
  const gz = /\.gz$/i.test(unit.path);
  const format = formatFromName(unit.path);
  // A plain document of a known format is read once, whole, and synchronously: ingest is CPU-bound on one thread,
  // and an async read costs a thread-pool round trip per file. The head is read first only where it decides.
  if (!gz && format !== null && format !== 'jsonl' && unit.size <= MAX_DOCUMENT_BYTES) {
    yield* decodeDocument(readFileSync(unit.path), origin, format);
    return;
  }
  const head = await readHead(unit.path, 8192);
  if (gz && !(head[0] === 0x1f && head[1] === 0x8b)) {
    yield { reject: { origin, reason: 'not gzip data despite the .gz name' } };
    return;
  }
  const hasExtension = /\.[a-z0-9]+$/i.test(unit.path.replace(/\.gz$/i, '').split('/').pop() ?? '');
  if (format === null && hasExtension) {
    const kind = gz ? null : binaryKind(head);
    yield { reject: { origin, reason: kind ? `binary file (${kind})` : 'unsupported file type' } };
    return;
  }
  if (format === 'jsonl') {
    yield* readJsonlStream(openStream(unit.path, gz), origin);
    return;
  }
  let bytes: Uint8Array;
  if (gz) {
    try {
      bytes = gunzipSync(await readFile(unit.path), { maxOutputLength: MAX_DOCUMENT_BYTES });
    } catch (err) {
      const tooBig = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || /larger than/i.test(String(err));
      yield { reject: { origin, reason: tooBig ? 'file too large after decompression' : 'corrupt gzip data', detail: String(err) } };
      return;
    }
  } else {
    if (unit.size > MAX_DOCUMENT_BYTES) {
      yield { reject: { origin, reason: `file too large (${mb(unit.size)}; limit ${mb(MAX_DOCUMENT_BYTES)})` } };
      return;
    }
    bytes = await readFile(unit.path);
  }
  yield* decodeDocument(bytes, origin, format);
}

/** Decode one whole document and split it into records by format (sniffed when unknown). */
function* decodeDocument(bytes: Uint8Array, origin: string, format: ReturnType<typeof formatFromName>): Generator<ReadItem> {
  if (bytes.length === 0) {
    yield { reject: { origin, reason: 'empty file' } };
    return;
  }
  const binary = binaryKind(bytes);
  if (binary) {
    yield { reject: { origin, reason: `binary file (${binary})` } };
    return;
  }
  const decoded = decodeBytes(bytes, format === 'html' || format === null ? declaredHtmlCharset(bytes) : null);
  if (!decoded.ok) {
    yield { reject: { origin, reason: decoded.reason } };
    return;
  }
  const warnings = decoded.warning ? [decoded.warning] : [];
  const fmt = format ?? sniffFormat(decoded.text);
  if (fmt === 'html') yield htmlRecord(decoded.text, origin, warnings);
  else if (fmt === 'feed' || (fmt === 'json' && isJsonFeed(decoded.text))) yield* feedRecords(decoded.text, origin) ?? [{ reject: { origin, reason: 'XML that is not an RSS, Atom or RDF feed' } }];
  else if (fmt === 'json') yield* jsonDocumentRecords(decoded.text, origin);
  else if (fmt === 'jsonl') {
    let n = 0;
    for (const line of decoded.text.split('\n')) {
      const item = jsonlLine(line, origin, ++n);
      if (item) yield item;
    }
  } else yield txtRecord(decoded.text, origin, warnings);
}

/** A JSON Feed (jsonfeed.org) document rather than an array or record of the input contract. */
function isJsonFeed(text: string): boolean {
  return /^\s*\{[^]{0,200}"version"\s*:\s*"https:\/\/jsonfeed\.org\//.test(text);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function readHead(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function openStream(path: string, gz: boolean): Readable {
  const raw = createReadStream(path);
  if (!gz) return raw;
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

/** Stream a JSONL feed line by line, each line decoded strictly so one bad line rejects only itself. */
async function* readJsonlStream(stream: Readable, origin: string): AsyncGenerator<ReadItem> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let lineNo = 0;
  let overflow = false;
  const finishLine = (parts: Buffer[]): ReadItem | null => {
    lineNo++;
    if (overflow) {
      overflow = false;
      return { reject: { origin: `${origin}#${lineNo}`, reason: `line too long (limit ${mb(MAX_LINE_BYTES)})` } };
    }
    const bytes = Buffer.concat(parts);
    if (binaryKind(bytes)) return { reject: { origin: `${origin}#${lineNo}`, reason: 'binary data in line' } };
    const decoded = strictUtf8(bytes);
    if (decoded === null) return { reject: { origin: `${origin}#${lineNo}`, reason: 'invalid UTF-8 in line' } };
    return jsonlLine(decoded.replace(/^\uFEFF/, ''), origin, lineNo);
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let from = 0;
      let nl: number;
      while ((nl = chunk.indexOf(0x0a, from)) !== -1) {
        const part = chunk.subarray(from, nl);
        const item = finishLine(overflow ? [] : [...pending, part]);
        pending = [];
        pendingBytes = 0;
        if (item) yield item;
        from = nl + 1;
      }
      const rest = chunk.subarray(from);
      if (!overflow && pendingBytes + rest.length > MAX_LINE_BYTES) {
        overflow = true;
        pending = [];
        pendingBytes = 0;
      } else if (!overflow && rest.length) {
        pending.push(Buffer.from(rest));
        pendingBytes += rest.length;
      }
    }
  } catch (err) {
    yield { reject: { origin, reason: 'read error (corrupt or truncated file)', detail: String(err) } };
    return;
  }
  if (pendingBytes > 0 || overflow) {
    const item = finishLine(pending);
    if (item) yield item;
  }
}

async function* readStdin(): AsyncGenerator<ReadItem> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MAX_DOCUMENT_BYTES) {
      yield { reject: { origin: '-', reason: `standard input too large (limit ${mb(MAX_DOCUMENT_BYTES)}); pass a file instead` } };
      return;
    }
    chunks.push(chunk);
  }
  const bytes = Buffer.concat(chunks);
  if (bytes.length === 0) {
    yield { reject: { origin: '-', reason: 'empty standard input' } };
    return;
  }
  for (const item of decodeDocument(bytes, 'stdin', null)) yield item;
}

type Fetched = { ok: true; bytes: Uint8Array; contentType: string } | { ok: false; reason: string; detail?: string };

async function fetchBytes(url: string): Promise<Fetched> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  } catch (err) {
    return { ok: false, reason: 'fetch failed', detail: String((err as Error).cause ?? err) };
  }
  if (!res.ok) return { ok: false, reason: `HTTP ${res.status}` };
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, reason: `page too large (limit ${mb(MAX_DOCUMENT_BYTES)})` };
  return { ok: true, bytes, contentType: res.headers.get('content-type') ?? '' };
}

/** A fetched body as text: the HTTP charset first, then the page's own declaration. */
function decodeFetched(f: Extract<Fetched, { ok: true }>): ReturnType<typeof decodeBytes> {
  const charset = /charset=([\w-]+)/i.exec(f.contentType)?.[1] ?? null;
  return decodeBytes(f.bytes, charset ?? declaredHtmlCharset(f.bytes));
}

async function* readUrl(url: string): AsyncGenerator<ReadItem> {
  const fetched = await fetchBytes(url);
  if (!fetched.ok) {
    yield { reject: { origin: url, reason: fetched.reason, detail: fetched.detail } };
    return;
  }
  const decoded = decodeFetched(fetched);
  if (!decoded.ok) {
    yield { reject: { origin: url, reason: decoded.reason } };
    return;
  }
  const type = fetched.contentType;
  const fmt = /(rss|atom|rdf)\+xml|\/xml|feed\+json/i.test(type) ? 'feed' : /html/i.test(type) ? 'html' : sniffFormat(decoded.text);
  for (const item of fmt === 'html' ? [htmlRecord(decoded.text, url)] : decodeDocument(fetched.bytes, url, fmt)) {
    if ('doc' in item && item.doc.format === 'html' && !item.doc.url) item.doc.url = url;
    yield item;
  }
}

/** Linked pages fetched at once for a feed's teaser items (bounded), in item order. */
const PAGE_FETCHES = 4;

/**
 * Feed items that are only teasers get their linked page, which becomes the item's HTML; the feed's title and
 * date stay. A page that cannot be fetched leaves the teaser, with a warning saying why.
 */
export async function* withLinkedPages(items: AsyncIterable<ReadItem> | Iterable<ReadItem>, fetchPage = fetchBytes): AsyncGenerator<ReadItem> {
  const queue: Promise<ReadItem>[] = [];
  const follow = async (item: ReadItem): Promise<ReadItem> => {
    if (!('doc' in item) || !isTeaser(item.doc)) return item;
    const doc = item.doc;
    const page = await fetchPage(doc.url!);
    const decoded = page.ok ? decodeFetched(page) : null;
    if (page.ok && decoded?.ok && /html/i.test(page.contentType || 'html')) doc.html = decoded.text;
    else doc.warnings.push(`linked page not fetched (${!page.ok ? page.reason : decoded && !decoded.ok ? decoded.reason : 'not HTML'}); the feed's summary is used`);
    return { doc };
  };
  for await (const item of items) {
    queue.push(follow(item));
    if (queue.length >= PAGE_FETCHES) yield await queue.shift()!;
  }
  while (queue.length) yield await queue.shift()!;
}
