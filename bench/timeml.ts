// TimeML reading (TempEval-3 .tml files) and the TempEval-3 timex scoring: extent strict/relaxed, type and value.
import { Parser } from 'htmlparser2';
import type { TimeExpression } from '../src/model.js';

export interface GoldTimex {
  start: number;
  end: number;
  type: string;
  value: string;
}

export interface TimeMLDoc {
  text: string;
  dct: string | null;
  timexes: GoldTimex[];
}

/** The TEXT of a TimeML document as plain text, its creation date, and the TIMEX3 spans inside TEXT. */
export function readTimeML(xml: string): TimeMLDoc {
  let text = '';
  let dct: string | null = null;
  let inText = false;
  let inDct = false;
  const open: (GoldTimex | null)[] = [];
  const timexes: GoldTimex[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'TEXT') inText = true;
        else if (name === 'DCT') inDct = true;
        if (name !== 'TIMEX3') return;
        if (inDct) dct = attrs.value ?? null;
        open.push(inText ? { start: text.length, end: text.length, type: attrs.type ?? '', value: attrs.value ?? '' } : null);
      },
      ontext(data) {
        if (inText) text += data;
      },
      onclosetag(name) {
        if (name === 'TEXT') inText = false;
        else if (name === 'DCT') inDct = false;
        else if (name === 'TIMEX3') {
          const t = open.pop();
          if (t) timexes.push({ ...t, end: text.length });
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return { text, dct, timexes };
}

export interface TimexCounts {
  gold: number;
  system: number;
  strictSystem: number;
  strictGold: number;
  relaxedSystem: number;
  relaxedGold: number;
  /** Relaxed matches (gold paired with its first overlapping system timex) and how many agree on type and value. */
  pairs: number;
  typeOk: number;
  valueOk: number;
}

export function emptyCounts(): TimexCounts {
  return { gold: 0, system: 0, strictSystem: 0, strictGold: 0, relaxedSystem: 0, relaxedGold: 0, pairs: 0, typeOk: 0, valueOk: 0 };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/** Add one document's comparison to the running counts. */
export function scoreDoc(counts: TimexCounts, gold: GoldTimex[], system: TimeExpression[]): void {
  counts.gold += gold.length;
  counts.system += system.length;
  for (const s of system) {
    if (gold.some((g) => g.start === s.span.start && g.end === s.span.end)) counts.strictSystem++;
    if (gold.some((g) => overlaps(g, s.span))) counts.relaxedSystem++;
  }
  for (const g of gold) {
    if (system.some((s) => g.start === s.span.start && g.end === s.span.end)) counts.strictGold++;
    const s = system.find((x) => overlaps(g, x.span));
    if (!s) continue;
    counts.relaxedGold++;
    counts.pairs++;
    if (s.type === g.type) counts.typeOk++;
    if (s.value === g.value) counts.valueOk++;
  }
}

export interface TimexScores {
  strict: { p: number; r: number; f1: number };
  relaxed: { p: number; r: number; f1: number };
  typeAccuracy: number;
  valueAccuracy: number;
  typeF1: number;
  valueF1: number;
}

function prf(tpSystem: number, system: number, tpGold: number, gold: number): { p: number; r: number; f1: number } {
  const p = system ? tpSystem / system : 0;
  const r = gold ? tpGold / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** TempEval-3 figures: attribute F1 = relaxed F1 × attribute accuracy over relaxed matches. */
export function timexScores(c: TimexCounts): TimexScores {
  const strict = prf(c.strictSystem, c.system, c.strictGold, c.gold);
  const relaxed = prf(c.relaxedSystem, c.system, c.relaxedGold, c.gold);
  const typeAccuracy = c.pairs ? c.typeOk / c.pairs : 0;
  const valueAccuracy = c.pairs ? c.valueOk / c.pairs : 0;
  return { strict, relaxed, typeAccuracy, valueAccuracy, typeF1: relaxed.f1 * typeAccuracy, valueF1: relaxed.f1 * valueAccuracy };
}
