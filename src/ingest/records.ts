// Input records → RawDoc: the `.txt` date line, JSON records per the input contract, and format sniffing.
import type { RawDoc, Reject, InputFormat } from '../model.js';

const KNOWN_FIELDS = new Set(['id', 'url', 'title', 'date', 'lang', 'text', 'html', 'source']);
const DATE_LINE = /^ ?date (\d{4}-\d{2}-\d{2})(?:[ \t]+|\r?\n|$)/;

export type ReadItem = { doc: RawDoc } | { reject: Reject };

/** A plain-text page; a first line ` date YYYY-MM-DD` (text may follow on the same line) is its publication date. */
export function txtRecord(text: string, origin: string, warnings: string[] = []): ReadItem {
  const m = DATE_LINE.exec(text);
  const body = m ? text.slice(m[0].length) : text;
  if (body.trim() === '') return { reject: { origin, reason: 'empty document: no text' } };
  const doc: RawDoc = { origin, text: body, format: 'txt', meta: {}, warnings };
  if (m) {
    doc.date = m[1];
    doc.dateSource = 'date-line';
  }
  return { doc };
}

export function htmlRecord(html: string, origin: string, warnings: string[] = []): ReadItem {
  if (html.trim() === '') return { reject: { origin, reason: 'empty document: no text' } };
  return { doc: { origin, html, format: 'html', meta: {}, warnings } };
}

function optionalString(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Accepts ISO 8601 dates and date-times; returns the date part or null. */
export function isoDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return date.getUTCMonth() === Number(mo) - 1 && date.getUTCDate() === Number(d) ? `${y}-${mo}-${d}` : null;
}

/** One JSON input record → RawDoc, per the input contract; `fallbackOrigin` names it when it has no id or url. */
export function jsonRecord(value: unknown, fallbackOrigin: string, format: InputFormat): ReadItem {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { reject: { origin: fallbackOrigin, reason: 'record is not a JSON object' } };
  }
  const rec = value as Record<string, unknown>;
  const recordId = optionalString(rec.id);
  const url = optionalString(rec.url);
  const origin = recordId ?? url ?? fallbackOrigin;
  const text = optionalString(rec.text);
  const html = optionalString(rec.html);
  if (text === undefined && html === undefined) {
    return { reject: { origin, reason: 'record has neither text nor html' } };
  }
  const warnings: string[] = [];
  const doc: RawDoc = { origin, format, meta: {}, warnings };
  if (recordId !== undefined) doc.recordId = recordId;
  if (url !== undefined) doc.url = url;
  if (text !== undefined) doc.text = text;
  if (html !== undefined) doc.html = html;
  for (const field of ['title', 'lang', 'source'] as const) {
    const v = optionalString(rec[field]);
    if (v !== undefined) doc[field] = v;
  }
  const date = optionalString(rec.date);
  if (date !== undefined) {
    if (isoDate(date)) {
      doc.date = date;
      doc.dateSource = 'input';
    } else warnings.push(`date "${date}" is not ISO 8601; ignored`);
  }
  for (const [k, v] of Object.entries(rec)) if (!KNOWN_FIELDS.has(k)) doc.meta[k] = v;
  return { doc };
}

/** Every record of a JSON document: an array of records, or one record. */
export function jsonDocumentRecords(text: string, origin: string): ReadItem[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    return [{ reject: { origin, reason: 'invalid JSON', detail: (err as Error).message } }];
  }
  if (Array.isArray(parsed)) {
    if (parsed.length === 0) return [{ reject: { origin, reason: 'empty JSON array: no records' } }];
    return parsed.map((rec, i) => jsonRecord(rec, `${origin}#${i + 1}`, 'json'));
  }
  return [jsonRecord(parsed, origin, 'json')];
}

/** One line of a JSONL feed (1-based `line`); blank lines yield nothing. */
export function jsonlLine(line: string, origin: string, lineNo: number): ReadItem | null {
  if (line.trim() === '') return null;
  const where = `${origin}#${lineNo}`;
  try {
    return jsonRecord(JSON.parse(line), where, 'jsonl');
  } catch (err) {
    return { reject: { origin: where, reason: 'invalid JSON line', detail: (err as Error).message } };
  }
}

/** The format of a file from its name, ignoring a trailing `.gz`; null when the extension says nothing. */
export function formatFromName(name: string): InputFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name.replace(/\.gz$/i, ''))?.[1]?.toLowerCase();
  switch (ext) {
    case 'txt': case 'text': case 'md':
      return 'txt';
    case 'html': case 'htm': case 'xhtml': case 'shtml':
      return 'html';
    case 'jsonl': case 'ndjson':
      return 'jsonl';
    case 'json':
      return 'json';
    case 'rss': case 'atom': case 'rdf': case 'xml':
      return 'feed';
    default:
      return null;
  }
}

/** The format of content with no telling name (stdin, unknown extension). */
export function sniffFormat(text: string): InputFormat {
  const head = text.trimStart().slice(0, 512);
  if (head.startsWith('[')) return 'json';
  if (/^(?:<\?[^>]*>\s*|<!--[\s\S]*?-->\s*)*<(?:rss|feed|rdf:RDF)\b/i.test(head)) return 'feed';
  if (head.startsWith('{')) {
    const firstLine = text.trimStart().split('\n', 1)[0]!;
    try {
      JSON.parse(firstLine);
      return 'jsonl';
    } catch {
      return 'json';
    }
  }
  if (/^<(!doctype html|html|head|body|article|div|p)\b/i.test(head)) return 'html';
  return 'txt';
}
