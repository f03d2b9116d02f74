/**
 * The built CLI starts faster than the source runs (issue 15): its schema validators are
 * compiled at build time with ajv's standalone code (a bundle per kind, loaded when a record of
 * that kind is first checked), and the bank-holiday and free-text-date
 * libraries sit in bundles of their own, loaded on first use. None of that may change a finding:
 * the built CLI must report exactly what the source reports, on records that make every kind of
 * schema problem and need both late-loaded libraries.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintPaths } from '../../server/src/node/lint';
import { FORMATTERS } from '../../server/src/formatters';
const json = FORMATTERS.json;
import { RULE_INFO } from '../../server/src/service';
import { CLI, REPO, runCli, workspace } from '../support/cli';

const SCHEMA_PROBLEMS = `kind: review
id: review-CH000321-2025-04-24
child: CH-000321
date: 24/04/2025
reveiw: { number: two, chair: IRO }
review: { number: 0, next_review_due: 2025-13-40 }
placement: { type: castle, start_date: yesterday }
legal_status: [care-order]
actions:
  - Social worker to visit monthly
  - id: A1
    action: Book the review health assessment
    owner: Social worker
    timescale: within 10 working days of this review
    status: maybe
  - id: A2
    action: Share the plan with Father
    owner: Social worker
    timescale: the 14th of next month
    colour: blue
wishes_and_feelings: { child: 42 }
`;

const CARE_PLAN = `kind: Care-Plan
id: cp-CH000321
child: CH-000321
date: 2025-02-30
looked_after_since: 2025-01-06
placement: { type: foster-care, start_date: 2025-01-06 }
actions:
  - { id: A1, action: Arrange contact a week on Friday, owner: Social worker, timescale: a week on Friday }
`;

describe('the built CLI reports what the source reports (precompiled validators, late-loaded libraries)', () => {
  before(() => assert.ok(fs.existsSync(CLI), 'run npm run build first'));

  it('gives byte-identical JSON on the samples and on records full of schema problems', async () => {
    const dir = workspace(
      { '.careplan.yaml': 'today: 2025-06-01\n', 'CH-000321/review-1.yaml': SCHEMA_PROBLEMS, 'CH-000321/care-plan.yaml': CARE_PLAN, 'supervision.yaml': 'kind: supervision\nid: [1]\n' },
      { git: true },
    );
    fs.cpSync(path.join(REPO, 'samples'), path.join(dir, 'samples'), { recursive: true });
    const built = runCli(['lint', '.', '--format', 'json'], dir);
    assert.ok(built.code === 0 || built.code === 1, built.stderr);
    const results = await lintPaths([dir], { root: dir });
    const fromSource = json(results, { cwd: dir, root: dir, color: false, rules: RULE_INFO, ruleHelp: () => undefined, version: '0' });
    assert.equal(built.stdout, fromSource);
    // the records did make schema findings and needed both libraries (a working-day count, free-text dates)
    const findings = results.flatMap((r) => r.findings);
    assert.ok(findings.filter((f) => f.ruleId === 'schema').length >= 8, 'schema findings');
    assert.ok(fs.existsSync(path.join(path.dirname(CLI), 'vendor', 'date-holidays.js')));
    assert.ok(fs.existsSync(path.join(path.dirname(CLI), 'vendor', 'chrono-node.js')));
    for (const kind of ['care-plan', 'review', 'supervision', 'config']) assert.ok(fs.existsSync(path.join(path.dirname(CLI), 'validators', `${kind}.js`)), kind);
  });
});
