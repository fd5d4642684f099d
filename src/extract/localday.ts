// The publisher's calendar day of a machine time stamp written in UTC: pages state "2020-05-02T02:54:29Z" for a story
// their own readers saw dated 1 May, so a UTC instant is read in the time zones of the publisher's country.

/** A UTC instant with a time of day: "…T23:15:00Z", "…T23:15:0Z", "+00:00", "Sun, 11 Oct 2020 07:34:36 GMT", "GMT+0000". */
const UTC_TIME = /(?<!\d)(\d{1,2}):(\d{1,2})(?::\d{1,2}(?:\.\d+)?)?\s*(?:Z|(?:GMT|UTC)?\s*[+-]00:?00|GMT|UTC)(?![+-]?\d)/i;

// Country-code domains sold for their letters (.io, .tv, .co): they do not place the publisher. Under a second level
// (.com.co, .co.uk) they do.
const GENERIC_CCTLDS = new Set(['io', 'tv', 'co', 'me', 'fm', 'ai', 'ly', 'to', 'cc', 'ws', 'gg', 'am', 'la', 'nu', 'tk', 'sh', 'ac', 'vc', 'info', 'eu']);
/** A time of day: "00:23", "00h23". */
const CLOCK = /(?<!\d)\d{1,2}(?::|h)\d{2}(?!\d)/;
/** A stated time zone: "Z", "+02:00", "-0400", "GMT", "UTC". */
const ZONE = /\d(?:Z|[+-]\d{2}:?\d{2})(?![\d:])|\b(?:GMT|UTC)\b/i;

/** Country-code domains whose country code differs from their letters. */
const CCTLD_REGION: Record<string, string> = { uk: 'GB' };

/** Earth's time zones run from UTC−12 to UTC+14. */
const EARLIEST_OFFSET_MINUTES = -12 * 60;
const LATEST_OFFSET_MINUTES = 14 * 60;

/** The instant a stamp names when it is written in UTC with a time of day; `date` is the stamp's ISO day. */
export function utcInstant(raw: string, date: string): Date | null {
  const m = UTC_TIME.exec(raw);
  if (!m) return null;
  const [hours, minutes] = [Number(m[1]), Number(m[2])];
  if (hours > 23 || minutes > 59) return null;
  return new Date(Date.parse(`${date}T00:00:00Z`) + (hours * 60 + minutes) * 60_000);
}

/** A stamp with a time of day but no zone: whose clock it reads is unknown. */
export function isZonelessClock(raw: string): boolean {
  return CLOCK.test(raw) && !ZONE.test(raw);
}

/** A stamp that states its time zone. */
export function hasZone(raw: string): boolean {
  return ZONE.test(raw);
}

/** The country a page is published from: its country-code domain, else the region of its language tag ("fr-CA", "en_US"). */
export function publisherRegion(url: string | null, langTags: (string | null | undefined)[]): string | null {
  const fromDomain = domainRegion(url);
  if (fromDomain) return fromDomain;
  for (const tag of langTags) {
    const m = tag ? /^([a-z]{2,3})[-_]([a-z]{2})(?:$|[-_])/i.exec(tag.trim()) : null;
    if (m && !isPseudoRegion(m[1]!.toLowerCase(), m[2]!.toUpperCase())) return m[2]!.toUpperCase();
  }
  return null;
}

/** "ar_AR": a language code repeated as a region where that language is not the country's own (a social-network locale). */
function isPseudoRegion(lang: string, region: string): boolean {
  if (lang.toUpperCase() !== region) return false;
  try {
    return new Intl.Locale(`und-${region}`).maximize().language !== lang;
  } catch {
    return true;
  }
}

function domainRegion(url: string | null): string | null {
  let host: string;
  try {
    host = url ? new URL(url).hostname.toLowerCase() : '';
  } catch {
    return null;
  }
  const labels = host.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (labels.length < 2 || !/^[a-z]{2}$/.test(tld)) return null;
  const secondLevel = labels.length > 2 && /^(?:com|co|net|org|gov|edu|ac|gob|gv|or|ne)$/.test(labels[labels.length - 2]!);
  if (GENERIC_CCTLDS.has(tld) && !secondLevel) return null;
  return CCTLD_REGION[tld] ?? tld.toUpperCase();
}

type LocaleWithZones = Intl.Locale & { timeZones?: string[]; getTimeZones?: () => string[] };

const zonesByRegion = new Map<string, string[]>();

/** The IANA time zones in use in a country (from the runtime's locale data), empty when it is unknown. */
function regionZones(region: string): string[] {
  let zones = zonesByRegion.get(region);
  if (!zones) {
    let locale: LocaleWithZones | null = null;
    try {
      locale = new Intl.Locale(`und-${region}`) as LocaleWithZones;
    } catch {
      locale = null;
    }
    zones = (locale?.getTimeZones?.() ?? locale?.timeZones ?? []).slice();
    zonesByRegion.set(region, zones);
  }
  return zones;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in a time zone, ISO. */
function dayIn(instant: Date, zone: string): string {
  let format = dayFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** The day an instant falls on everywhere in the publisher's country, or null when its zones disagree or are unknown. */
export function regionalDay(instant: Date, region: string | null): string | null {
  const zones = region ? regionZones(region) : [];
  const days = new Set(zones.map((z) => dayIn(instant, z)));
  return days.size === 1 ? [...days][0]! : null;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whether some time zone on Earth has the instant on this day (the UTC day, the day before, or the day after). */
export function dayInSomeZone(instant: Date, day: string): boolean {
  const t = instant.getTime();
  return day >= isoDay(t + EARLIEST_OFFSET_MINUTES * 60_000) && day <= isoDay(t + LATEST_OFFSET_MINUTES * 60_000);
}
