// What ../shared/seeds/EXPECTED.md says of the seed pages' boilerplate, as the test and the benchmark read it.
export const SEED_FILES = ['000_1f298d9b859c463a.txt', '001_497be36c90901019.txt', '002_f4f712fbaee730b4.txt', '003_53214adcda68b458.txt', '004_96a97beebc6364a5.txt'];

/** The boilerplate EXPECTED.md lists, by a distinctive piece of each line. */
export const SEED_DROPPED = [
  'Skip to main content',
  "Editors' Recommendations",
  'Related news',
  'Latest Stories',
  'Jennifer Garner Won the Oscar For Best Arms',
  'The clip went viral with everyone sharing outpours of concern',
  'Posts: 74; Member since',
  'Xiaomi has better chances to succeed in the US market than Huawei',
  'USA government is afraid for it',
  'All right Xiaomi we',
  'This copy is for your personal, non-commercial use only',
  "FCC OKs Cingular's purchase of AT&T Wireless",
];

/** The headlines a seed page prints more than once: one copy is the title, the others are dropped. */
export const SEED_REPEATED_HEADLINES = ['Get ready, USA: Xiaomi smartphones could come this year', 'Xiaomi plans to enter the US market in 2019'];

/** The first line of the reader-comment thread (003): it and everything after it are boilerplate. */
export const SEED_THREAD_START = '1. vasta';

/** The lines of a seed page without its date line, trimmed, spaces squashed, blank lines gone. */
export function seedLines(text: string): string[] {
  return text
    .replace(/^ ?date \d{4}-\d{2}-\d{2}\s*/, '')
    .split('\n')
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

/** Per line of a seed page: true when EXPECTED.md counts it as boilerplate. */
export function seedDropLabels(lines: string[]): boolean[] {
  const thread = lines.indexOf(SEED_THREAD_START);
  const seen = new Set<string>();
  return lines.map((line, i) => {
    const repeated = SEED_REPEATED_HEADLINES.includes(line) && seen.has(line);
    seen.add(line);
    return repeated || SEED_DROPPED.some((d) => line.includes(d)) || (thread >= 0 && i >= thread);
  });
}
