// Mojibake repair: UTF-8 read as Windows-1252 or Latin-1 turned back, in five languages, and only when clearly better.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract, isReject } from '../src/extract/index.js';
import { repairMojibake } from '../src/ingest/mojibake.js';

const SAMPLES = {
  it: 'Il governo è pronto: «perché no?» ha detto. Città più già così, però.',
  de: 'Die Bürger in München müssen Straßen überqueren — Größe und Übermaß.',
  fr: 'L’été à Noël : élève, garçon, œuvre, « déjà », où, maïs, Ça suffit.',
  es: 'El niño español pagó el año pasado. ¿Qué? ¡Sí! Añadió que la acción…',
  en: 'It’s a “quoted” word – a dash… and €5 for the café’s naïve façade.',
};

const asWindows1252 = (s: string): string => new TextDecoder('windows-1252').decode(Buffer.from(s, 'utf8'));
const asLatin1 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

test('UTF-8 read as Windows-1252 or Latin-1 is repaired in all five languages', () => {
  for (const [lang, text] of Object.entries(SAMPLES)) {
    assert.equal(repairMojibake(asWindows1252(text)), text, `${lang} (Windows-1252)`);
    assert.equal(repairMojibake(asLatin1(text)), text, `${lang} (Latin-1)`);
    assert.equal(repairMojibake(asWindows1252(asWindows1252(text))), text, `${lang} (garbled twice)`);
  }
  assert.equal(repairMojibake('CafÃ© and Ã©tÃ©'), 'Café and été');
});

test('correct text is left alone', () => {
  for (const text of Object.values(SAMPLES)) assert.equal(repairMojibake(text), null);
  assert.equal(repairMojibake('CÂMARA DOS DEPUTADOS, SÃO PAULO'), null);
  assert.equal(repairMojibake('Preis: 5 € · Größe: XL · «Ça va?»'), null);
});

test('a repaired article carries a warning', () => {
  const text = `${asWindows1252(SAMPLES.fr)}\n${asWindows1252(SAMPLES.fr.replace('Noël', 'Pâques'))}`;
  const doc = extract({ origin: 'fr.txt', text, format: 'txt', meta: {}, warnings: [] });
  assert.ok(!isReject(doc));
  assert.ok(doc.text.includes('élève, garçon'), doc.text);
  assert.ok(doc.warnings.some((w) => /mojibake repaired/.test(w)), JSON.stringify(doc.warnings));
  const clean = extract({ origin: 'fr.txt', text: SAMPLES.fr, format: 'txt', meta: {}, warnings: [] });
  assert.ok(!isReject(clean) && clean.warnings.length === 0);
});
