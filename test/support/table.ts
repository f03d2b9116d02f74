import assert from 'node:assert/strict';
import { check, CheckOptions } from './check';

/** One row of a rule table: a small document and the findings expected from the rule under test. */
export interface Row {
  name: string;
  yaml: string;
  /** Expected findings as `line:pointer` (1-based line), in order. */
  expect: string[];
  /** A fragment each finding's message must contain, in the same order (optional). */
  messages?: (string | RegExp)[];
  options?: CheckOptions;
}

/** Header of a valid review, so rows only show what they are about. */
export const REVIEW_HEAD = `kind: review
id: review-CH000123-2025-04-24
child: CH-000123
date: 2025-04-24
review: { number: 2, chair: IRO, next_review_due: 2025-10-23, previous_review_date: 2025-02-07 }
`;

/** Runs each row with only `rule` switched on (as Spectral's rule tests do). */
export function ruleTable(rule: string, rows: Row[]): void {
  describe(`rule ${rule}`, () => {
    for (const row of rows) {
      it(row.name, async () => {
        const all = await check(row.yaml, { ...row.options, only: [rule] });
        // A rule that throws is reported by the engine as its own finding; never let that pass.
        assert.deepEqual(all.filter((f) => /could not run the/.test(f.message)).map((f) => f.message), []);
        const findings = all.filter((f) => f.ruleId === rule);
        assert.deepEqual(
          findings.map((f) => `${f.range.start.line + 1}:${f.pointer}`),
          row.expect,
          findings.map((f) => f.message).join('\n'),
        );
        row.messages?.forEach((m, i) => {
          if (typeof m === 'string') assert.ok(findings[i].message.includes(m), `${findings[i].message} lacks ${m}`);
          else assert.match(findings[i].message, m);
        });
      });
    }
  });
}
