// Brand families: national companies, groups and shops of one brand join it, with evidence; lone look-alikes do not.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { withBrandFamilies } from '../src/analyze/entities/brands.js';
import type { EntityMention } from '../src/model.js';
import { canonicalId } from '../src/analyze/entities/canonical.js';
import { splitSentences } from '../src/text/sentences.js';
import { SEEDS, runCli, skipUnlessExists, tempDir } from './helpers.js';

/** ORG mentions of the given surfaces at their first place in the text, as the tagger would give them. */
function orgs(text: string, names: string[]): EntityMention[] {
  return names.map((name) => {
    const start = text.indexOf(name);
    return { id: canonicalId(name, 'ORG'), text: name, type: 'ORG' as const, field: 'text' as const, start, end: start + name.length };
  });
}

function families(text: string, names: string[], lang = 'en'): Map<string, string> {
  const out = withBrandFamilies(orgs(text, names), '', text, splitSentences(text, lang));
  return new Map(out.map((m) => [m.text, m.id]));
}

test('a brand with its country, its group and alone is one operator', () => {
  const text = "Phones will be sold in Three UK's shops. The deal covers 3 Group's stores in seven countries and gives Three customers early access.";
  const out = withBrandFamilies(orgs(text, ['Three UK']), '', text, splitSentences(text, 'en'));
  assert.deepEqual(out.map((m) => [m.text, m.id]), [['Three UK', 'ORG:3'], ['3 Group', 'ORG:3'], ['Three', 'ORG:3']]);
  assert.ok(out.every((m) => m.evidence && m.evidence.includes('brand')), 'every merge says why');
});

test('a digit brand with its shop is a brand on its own (Italian)', () => {
  const text = "Gli smartphone saranno disponibili nei 3 Store in tutta Italia dalla prossima settimana.";
  assert.equal(families(text, [], 'it').get('3 Store'), 'ORG:3');
});

test('a shop joins its brand only when the brand is named alone too', () => {
  const both = 'Apple said the new Apple Store opens on Friday.';
  assert.equal(families(both, ['Apple', 'Apple Store']).get('Apple Store'), 'ORG:apple');
  const lone = 'Developers sell through the App Store and its rivals.';
  assert.equal(families(lone, ['App Store']).get('App Store'), 'ORG:app store');
});

test('a name ending in a country stays itself without a second form of the brand', () => {
  assert.equal(families('Passengers of Air France waited for hours.', ['Air France']).get('Air France'), 'ORG:air france');
  // "Bank of Italy" is no brand with a country: the brand would hold a lower-case word.
  assert.equal(families('The Bank of Italy and the Bank said so.', ['Bank of Italy', 'Bank']).get('Bank of Italy'), 'ORG:bank of italy');
});

test("a sentence's first word is not taken for a brand", () => {
  const text = 'Three UK opened shops. Three people queued outside.';
  const out = withBrandFamilies(orgs(text, ['Three UK']), '', text, splitSentences(text, 'en'));
  assert.deepEqual(out.map((m) => m.text), ['Three UK'], 'no second form: nothing merged, "Three people" untouched');
});

const skip = skipUnlessExists(SEEDS, 'the seed articles (../shared/seeds)');

test('seeds: Three UK, 3 Group and 3 Store are one operator across languages', { skip }, () => {
  const db = join(tempDir(), 'seeds.db');
  assert.equal(runCli(['ingest', '--db', db, join(SEEDS, '000_1f298d9b859c463a.txt'), join(SEEDS, '004_96a97beebc6364a5.txt')]).status, 0);
  const id = (name: string): string => JSON.parse(runCli(['entity', '--db', db, '--json', name]).stdout.split('\n')[0]!).id;
  assert.equal(id('Three UK'), id('3 Group'));
  assert.equal(id('3 Store'), id('3 Group'));
});
