/**
 * Measures the prose analysis against the labelled datasets in test/quality/ and prints
 * precision, recall, F1 and the misses, so a change that helps one case and hurts ten shows up.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyseExpectation, findDocumentPointers, DOCUMENT_TYPES, type ExpectationFields } from '../../../server/src/service/prose';

interface Score {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  misses: string[];
}

function metrics(s: Score) {
  const precision = s.tp + s.fp ? s.tp / (s.tp + s.fp) : 1;
  const recall = s.tp + s.fn ? s.tp / (s.tp + s.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function report(title: string, s: Score, extra = ''): ReturnType<typeof metrics> {
  const m = metrics(s);
  const pct = (x: number) => (x * 100).toFixed(1);
  console.log(`      ${title}: n=${s.tp + s.fp + s.fn + s.tn} precision ${pct(m.precision)}% recall ${pct(m.recall)}% F1 ${pct(m.f1)}%${extra}`);
  for (const miss of s.misses) console.log(`        ${miss}`);
  return m;
}

function load<T>(name: string): T[] {
  const doc = parse(readFileSync(join(__dirname, '..', '..', 'quality', name), 'utf8')) as { items: T[] };
  return doc.items;
}

describe('prose quality (test/quality datasets)', () => {
  it('detects generic parental expectations (F1 ≥ 0.92, precision ≥ 0.9)', () => {
    type Item = ExpectationFields & { label: 'generic' | 'specific'; reason: string };
    const items = load<Item>('expectations.yaml');
    assert.ok(items.length >= 120, 'dataset too small');
    const s: Score = { tp: 0, fp: 0, fn: 0, tn: 0, misses: [] };
    for (const it of items) {
      assert.ok(it.label === 'generic' || it.label === 'specific', `bad label on ${it.expectation}`);
      const a = analyseExpectation(it);
      if (a.generic && it.label === 'generic') s.tp++;
      else if (!a.generic && it.label === 'specific') s.tn++;
      else {
        if (a.generic) s.fp++;
        else s.fn++;
        s.misses.push(`${a.generic ? 'FP' : 'FN'} "${it.expectation}" — labelled ${it.label} (${it.reason}); got: ${a.explanation}`);
      }
    }
    const m = report('generic expectations', s);
    assert.ok(m.f1 >= 0.92, `F1 ${m.f1}`);
    assert.ok(m.precision >= 0.9, `precision ${m.precision}`);
  });

  it('detects document pointers in review minutes (F1 ≥ 0.92, precision ≥ 0.9)', () => {
    type Item = { text: string; label: 'pointer' | 'none'; doc_type?: string; reason: string };
    const items = load<Item>('minutes.yaml');
    assert.ok(items.length >= 60, 'dataset too small');
    const s: Score = { tp: 0, fp: 0, fn: 0, tn: 0, misses: [] };
    let typed = 0;
    let typedRight = 0;
    for (const it of items) {
      assert.ok(it.label === 'pointer' || it.label === 'none', `bad label on ${it.text}`);
      if (it.doc_type) assert.ok(it.doc_type in DOCUMENT_TYPES, `unknown doc_type ${it.doc_type}`);
      const found = findDocumentPointers(it.text);
      const pointer = found.find((p) => p.strength === 'pointer');
      if (pointer && it.label === 'pointer') {
        s.tp++;
        if (it.doc_type) {
          typed++;
          if (pointer.docType === it.doc_type) typedRight++;
          else s.misses.push(`TYPE "${it.text}" — ${pointer.docType}, labelled ${it.doc_type}`);
        }
      } else if (!pointer && it.label === 'none') s.tn++;
      else {
        if (pointer) s.fp++;
        else s.fn++;
        s.misses.push(`${pointer ? 'FP' : 'FN'} "${it.text}" — labelled ${it.label} (${it.reason}); got: ${JSON.stringify(found.map((p) => [p.phrase, p.docType, p.strength]))}`);
      }
    }
    const m = report('document pointers', s, `; document type right on ${typedRight}/${typed}`);
    assert.ok(m.f1 >= 0.92, `F1 ${m.f1}`);
    assert.ok(m.precision >= 0.9, `precision ${m.precision}`);
  });
});
