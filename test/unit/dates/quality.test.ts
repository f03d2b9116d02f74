/**
 * Accuracy on the labelled actions in test/quality/actions.yaml: does the timescale reader tell
 * a clear action from one that is not (vague, none, or contradicting itself)?
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { assessActionTimescale } from '../../../server/src/service/dates';

interface Item {
  action: string;
  owner?: string;
  due?: string | null;
  timescale?: string | null;
  document_date: string;
  next_review_due?: string;
  label: 'clear' | 'vague' | 'none' | 'conflict';
  reason: string;
}

const LABELS = new Set(['clear', 'vague', 'none', 'conflict']);

describe('timescale quality (test/quality/actions.yaml)', () => {
  const items = parse(readFileSync(join(__dirname, '../../quality/actions.yaml'), 'utf8')) as Item[];

  it('is a well-formed dataset', () => {
    assert.ok(items.length >= 100, `${items.length} items`);
    for (const it of items) {
      assert.ok(LABELS.has(it.label), `bad label ${it.label}`);
      assert.equal(typeof it.action, 'string');
      assert.match(String(it.document_date), /^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('detects actions that are not clear with precision and recall ≥ 0.92', () => {
    let tp = 0; // not clear, flagged
    let fp = 0; // clear, flagged
    let fn = 0; // not clear, missed
    let tn = 0;
    let conflictsFound = 0;
    const misses: string[] = [];
    for (const it of items) {
      const a = assessActionTimescale(
        { action: it.action, due: it.due, timescale: it.timescale },
        { documentDate: String(it.document_date), nextReviewDue: it.next_review_due ? String(it.next_review_due) : undefined },
      );
      const notClear = it.label !== 'clear';
      const flagged = !a.clear;
      if (it.label === 'conflict' && a.status === 'conflict') conflictsFound++;
      if (notClear && flagged) tp++;
      else if (!notClear && flagged) fp++;
      else if (notClear && !flagged) fn++;
      else tn++;
      if (notClear !== flagged) {
        const said = a.field ? ('date' in a.field ? `${a.field.status} ${a.field.date}` : a.field.status) : 'no field';
        misses.push(`  [${it.label} → ${a.status}] ${it.action} | due=${it.due ?? ''} timescale=${it.timescale ?? ''} | field: ${said}${a.inText ? ` | text: ${a.inText.date} '${a.inText.phrase}'` : ''}`);
      }
    }
    const precision = tp / (tp + fp || 1);
    const recall = tp / (tp + fn || 1);
    const conflicts = items.filter((i) => i.label === 'conflict').length;
    console.log(
      `      ${items.length} actions: not-clear precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} ` +
        `(tp ${tp}, fp ${fp}, fn ${fn}, tn ${tn}); conflicts named as conflicts ${conflictsFound}/${conflicts}`,
    );
    if (misses.length) console.log(`      misses:\n${misses.join('\n')}`);
    assert.ok(precision >= 0.92, `precision ${precision}`);
    assert.ok(recall >= 0.92, `recall ${recall}`);
  });
});
