// Mojibake repair: UTF-8 text once decoded as Windows-1252/Latin-1 ("Ã©" for "é", "â€™" for "’") is turned back.
// Written here: the npm table-substitution package for this covers Latin-1 only and has no check that the text gets better;
// the byte round trip below repairs any UTF-8 sequence and only where the result is valid UTF-8.
import type { RawDoc } from '../model.js';
import { strictUtf8 } from './decode.js';

/** Windows-1252 bytes 0x80–0x9F and the characters they decode to; the rest of 0x80–0xFF is Latin-1 itself. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const BYTE_OF = new Map<string, number>([...CP1252_HIGH].map((ch, i) => [ch, 0x80 + i]));

/** A run of characters that Windows-1252 can write as bytes 0x80–0xFF: where mojibake lives. */
const HIGH_RUN = new RegExp(`[\\u0080-\\u00FF${CP1252_HIGH.replace(/[\\\]^-]/g, '\\$&')}]{2,}`, 'gu');
/** Typical mojibake: a UTF-8 lead byte read as Â Ã Å Æ Ð Ñ â ã (…) followed by a continuation byte read as a symbol. */
const MOJIBAKE = new RegExp(`[ÂÃÄÅÆÇÐÑâãäåæç][\\u0080-\\u00BF${CP1252_HIGH.replace(/[\\\]^-]/g, '\\$&')}]`, 'gu');
/** Repairs applied in a row: text garbled twice needs two. */
const MAX_ROUNDS = 2;

function byteOf(ch: string): number {
  return BYTE_OF.get(ch) ?? ch.charCodeAt(0);
}

/** Length of the UTF-8 sequence a lead byte opens, or 0 when it opens none. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Inside one run: every span whose bytes form a valid UTF-8 sequence becomes that character; the rest stays as written. */
function repairRun(run: string): string {
  const chars = [...run];
  let out = '';
  for (let i = 0; i < chars.length; ) {
    const n = sequenceLength(byteOf(chars[i]!));
    const decoded = n && i + n <= chars.length ? strictUtf8(Uint8Array.from(chars.slice(i, i + n), byteOf)) : null;
    if (decoded !== null && decoded.length > 0) {
      out += decoded;
      i += n;
    } else out += chars[i++];
  }
  return out;
}

export function mojibakeCount(text: string): number {
  return text.match(MOJIBAKE)?.length ?? 0;
}

/** The repaired text when it is clearly better (most typical mojibake sequences gone), else null. */
export function repairMojibake(text: string): string | null {
  const before = mojibakeCount(text);
  if (before === 0) return null;
  let fixed = text;
  for (let round = 0; round < MAX_ROUNDS && mojibakeCount(fixed) > 0; round++) fixed = fixed.replace(HIGH_RUN, repairRun);
  return mojibakeCount(fixed) * 4 <= before && fixed !== text ? fixed : null;
}

/** A record with its text, HTML and title repaired where they were mojibake, and a warning saying so. */
export function repairRecord(raw: RawDoc): RawDoc {
  const fields = ['text', 'html', 'title'] as const;
  const repaired: Partial<Pick<RawDoc, (typeof fields)[number]>> = {};
  let sequences = 0;
  for (const field of fields) {
    const value = raw[field];
    const fixed = value === undefined ? null : repairMojibake(value);
    if (fixed === null) continue;
    sequences += mojibakeCount(value!) - mojibakeCount(fixed);
    repaired[field] = fixed;
  }
  if (!Object.keys(repaired).length) return raw;
  return { ...raw, ...repaired, warnings: [...raw.warnings, `mojibake repaired: ${sequences} UTF-8 sequences had been read as Windows-1252`] };
}
