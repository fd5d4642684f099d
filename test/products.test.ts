// Products where the name says so: a line with a model code or line word, fused model numbers, i-names; not roads.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withProducts } from '../src/analyze/entities/products.js';
import { canonicalId } from '../src/analyze/entities/canonical.js';
import type { EntityMention } from '../src/model.js';

const org = (text: string, name: string): EntityMention => {
  const start = text.indexOf(name);
  return { id: canonicalId(name, 'ORG'), text: name, type: 'ORG', field: 'text', start, end: start + name.length };
};

const products = (text: string, mentions: EntityMention[] = []): string[] =>
  withProducts(mentions, '', text).filter((m) => m.type === 'PRODUCT').map((m) => m.text);

test('a product line with a model code or a line word is a product; the brand before it stays an organisation', () => {
  const text = 'Xiaomi Mi 6X arrives in Milan next to the Mi TV and the Galaxy S9 Pro.';
  const out = withProducts([org(text, 'Xiaomi')], '', text);
  assert.deepEqual(out.map((m) => [m.text, m.type]), [['Xiaomi', 'ORG'], ['Mi 6X', 'PRODUCT'], ['Mi TV', 'PRODUCT'], ['Galaxy S9 Pro', 'PRODUCT']]);
  assert.equal(out[1]!.id, 'PRODUCT:mi 6x');
});

test('fused model numbers and i-names are products, in every language', () => {
  assert.deepEqual(products("Il nuovo Mi8 costa meno dell'iPhone 8."), ['Mi8', 'iPhone 8']);
  assert.deepEqual(products('Das iPad und die Apple Watch verkaufen sich gut.'), ['iPad', 'Apple Watch']);
});

test('the tagger mention inside a product gives way; roads, summits and long words with digits are no products', () => {
  const text = 'Sales of the Mi Box rose.';
  assert.deepEqual(withProducts([org(text, 'Mi')], '', text).map((m) => [m.text, m.type]), [['Mi Box', 'PRODUCT']]);
  assert.deepEqual(products('Stau auf der Autobahn A10 bei Berlin, sagte die Polizei.'), []);
  assert.deepEqual(products('Traffico in Autostrada A1 dopo il vertice del G7 sul Covid19.'), []);
  assert.deepEqual(products('Boeing 737 jets and the Formula 1 season.'), []);
});
