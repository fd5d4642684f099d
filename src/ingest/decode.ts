// Bytes → text: BOM, declared charset, strict UTF-8, then a guessed legacy encoding; binary data is refused.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Decoded = { ok: true; text: string; encoding: string; warning?: string } | { ok: false; reason: string };

const MAGIC: [string, number[]][] = [
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['gzip data', [0x1f, 0x8b]],
];

// Legacy encodings accepted from detection: the ones news sites in the supported languages actually used.
const GUESSABLE = /^(ISO-8859-(1|2|9|15)|windows-125[0-2]|KOI8-R|Shift_JIS|EUC-JP|GB18030|Big5|EUC-KR)$/i;

/** What kind of binary data this is, or null when it looks like text. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return name;
  }
  const head = bytes.subarray(0, 8192);
  if (hasUtf16Bom(head)) return null;
  let control = 0;
  for (const b of head) {
    if (b === 0) return 'NUL bytes';
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return head.length > 0 && control / head.length > 0.05 ? 'control bytes' : null;
}

function hasUtf16Bom(b: Uint8Array): boolean {
  return (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
}

/** The charset an HTML page declares in its first 4 KB (`<meta charset>` or http-equiv), if any. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Decode bytes to a string. `declared` is a charset named by the container (HTML meta, HTTP header).
 * Order: BOM, declared charset, valid UTF-8, a legacy encoding chardet is confident about, else refuse.
 */
export function decodeBytes(bytes: Uint8Array, declared: string | null = null): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { ok: true, text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { ok: true, text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { ok: true, text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  // Pages declaring Latin-1 are decoded as windows-1252, its superset, as browsers do.
  const named = declared && /^(iso-8859-1|latin-?1|us-ascii|ascii)$/i.test(declared) ? 'windows-1252' : declared;
  if (named && !/^utf-?8$/i.test(named) && iconv.encodingExists(named)) {
    return { ok: true, text: iconv.decode(buf, named), encoding: named.toLowerCase() };
  }
  const utf8 = strictUtf8(buf);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: 'utf-8' };
  const guess = chardet.analyse(buf)[0];
  if (guess && GUESSABLE.test(guess.name) && guess.confidence >= 30 && iconv.encodingExists(guess.name)) {
    const text = iconv.decode(buf, guess.name);
    return {
      ok: true,
      text,
      encoding: guess.name.toLowerCase(),
      warning: `not valid UTF-8${named ? ` though declared ${named}` : ''}; decoded as ${guess.name} (detected, confidence ${guess.confidence}%)`,
    };
  }
  return { ok: false, reason: 'invalid UTF-8 and no known encoding fits' };
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of valid UTF-8 bytes, or null when they are not valid UTF-8. */
export function strictUtf8(buf: Uint8Array): string | null {
  try {
    return fatalUtf8.decode(buf);
  } catch {
    return null;
  }
}
