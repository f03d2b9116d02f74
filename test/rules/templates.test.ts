import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ruleTable, REVIEW_HEAD } from '../support/table';
import { check } from '../support/check';
import { LINEAR_LIMIT, sizeRatio } from '../support/linearTime';
import { fillTemplate, recordFileName, PLACEHOLDER_CHILD } from '../../server/src/service/templates';
import { addDays } from '../../server/src/service/dates/calendar';
import type { IsoDate } from '../../server/src/service';


const fields = (care: string[]) => ({ config: { rules: { 'required-fields': { fields: { review: care } } } } });

ruleTable('template-placeholder', [
  { name: 'a filled-in record', yaml: `${REVIEW_HEAD}discussion: Progress on contact was discussed.\n`, expect: [] },
  {
    name: 'guidance in angle quotes left in a block',
    yaml: `${REVIEW_HEAD}discussion: >-\n  ‹What was discussed: progress against the last plan.›\n`,
    expect: ['7:/discussion'],
    messages: ['Still the template\'s guidance ("What was discussed: progress against the last plan.")'],
  },
  {
    name: 'two placeholders in one value, each reported',
    yaml: `${REVIEW_HEAD}discussion: Seen at ‹where› by ‹role›.\n`,
    expect: ['6:/discussion', '6:/discussion'],
  },
  {
    name: 'the placeholder case reference',
    yaml: REVIEW_HEAD.replace('child: CH-000123', `child: ${PLACEHOLDER_CHILD}`),
    expect: ['3:/child'],
    messages: ["put the child's case reference here"],
  },
  { name: 'an unfilled token', yaml: `${REVIEW_HEAD}discussion: Next visit {{today+14}}.\n`, expect: ['6:/discussion'], messages: ['was not filled in'] },
  { name: 'a list that holds itself (an alias) is read once', yaml: `${REVIEW_HEAD}x-self: &s [*s, '‹where›']\n`, expect: ['6:/x-self/1'] },
  { name: 'a comment may use angle quotes freely', yaml: `${REVIEW_HEAD}# replace each ‹placeholder›\ndiscussion: Seen at home.\n`, expect: [] },
]);

ruleTable('required-fields', [
  { name: 'nothing required by default', yaml: REVIEW_HEAD, expect: [] },
  { name: 'a required section that is there', yaml: `${REVIEW_HEAD}discussion: Seen at home.\n`, expect: [], options: fields(['discussion']) },
  { name: 'a required section that is missing', yaml: REVIEW_HEAD, expect: ['1:'], messages: ['every review record to have `discussion:`'], options: fields(['discussion']) },
  { name: 'an empty one counts as missing', yaml: `${REVIEW_HEAD}discussion: ''\n`, expect: ['1:'], options: fields(['discussion']) },
  {
    name: 'a nested field, reported on the part that is there',
    yaml: `${REVIEW_HEAD}wishes_and_feelings:\n  parents: Mother wants J home.\n`,
    expect: ['6:/wishes_and_feelings'],
    messages: ['`child:` under `wishes_and_feelings:`'],
    options: fields(['wishes_and_feelings.child']),
  },
  {
    name: 'fields asked of another kind do not apply',
    yaml: REVIEW_HEAD,
    expect: [],
    options: { config: { rules: { 'required-fields': { fields: { 'care-plan': ['health'] } } } } },
  },
]);

describe('templates', () => {
  const TEMPLATES = path.join(__dirname, '..', '..', 'templates');
  const kinds = ['care-plan', 'review', 'supervision'] as const;

  it('fills days, calendar months and the child', () => {
    const text = 'a: {{today}}\nb: {{today+14}}\nc: {{ today + 3m }}\nd: {{child}}\ne: {{unknown}}\n';
    assert.equal(fillTemplate(text, { today: '2026-11-30', child: 'CH-000123' }), 'a: 2026-11-30\nb: 2026-12-14\nc: 2027-02-28\nd: CH-000123\ne: {{unknown}}\n');
    assert.match(fillTemplate('{{child}}', { today: '2026-11-30' }), new RegExp(PLACEHOLDER_CHILD));
  });

  it('leaves a date token past the calendar as written (for the check to report), and reads a broken token in linear time', () => {
    assert.equal(fillTemplate('due: {{today+9999999}}\nby: {{today+999999m}}\n', { today: '2026-12-06' }), 'due: {{today+9999999}}\nby: {{today+999999m}}\n');
    const { ratio, detail } = sizeRatio((n) => {
      const text = `{{today+1${' '.repeat(n)}`;
      return () => fillTemplate(text, { today: '2026-12-06' });
    }, { maxReps: 3 }); // few repeats: each run copies the text, and the garbage of many copies is not the scan's cost
    assert.ok(ratio <= LINEAR_LIMIT, detail);
  });

  it('names new records by kind and date, never over an existing one', () => {
    assert.equal(recordFileName('review', '2026-12-06'), 'review-2026-12-06.yaml');
    const taken = new Set(['review-2026-12-06.yaml', 'review-2026-12-06-2.yaml']);
    assert.equal(recordFileName('review', '2026-12-06', (n) => taken.has(n)), 'review-2026-12-06-3.yaml');
  });

  // The review template once added 91 days for three months, so it warned about itself from
  // 30 November to 28 February. Every day of a leap year and the year after: only placeholders.
  it('a filled template has no finding but its placeholders, on every day of two years', async function () {
    this.timeout(600_000);
    const texts = kinds.map((k) => fs.readFileSync(path.join(TEMPLATES, `${k}.yaml`), 'utf8'));
    const wrong: string[] = [];
    for (let day: IsoDate = '2027-12-31'; day <= '2029-12-31'; day = addDays(day, 1)) {
      for (const [i, t] of texts.entries()) {
        const findings = await check(fillTemplate(t, { today: day, child: 'CH-000123' }), { config: { today: day }, uri: `file:///ws/${kinds[i]}.yaml` });
        for (const f of findings) if (f.ruleId !== 'template-placeholder') wrong.push(`${day} ${kinds[i]}: ${f.ruleId} ${f.message}`);
      }
    }
    assert.deepEqual(wrong.slice(0, 8), []);
  });

  it('guidance still in a field is asked for once, by template-placeholder, and not judged as the writer\'s words', async () => {
    // the prompts a quick fix inserts (expectation-incomplete) and a template's guidance in prose and an action
    const yaml = `kind: care-plan
id: cp-CH000123-2025-10-09
child: CH-000123
date: 2025-10-09
placement: { type: placed-with-parents, start_date: 2025-01-06 }
parent_expectations:
  - expectation: ‹what the parent will do that a visitor could see, and how often›
    parent: Mother
    evidence: ‹who checks it, what they see or hear, and how often›
    by: 2025-12-01
    support: ‹what the local authority will do to help›
    if_not_met: ‹what happens if it is not met›
  - expectation: Mother will take J to nursery by 9am every weekday
    parent: Mother
    evidence: ‹who checks it, what they see or hear, and how often›
    by: 2025-12-01
    support: ‹what the local authority will do to help›
    if_not_met: ‹what happens if it is not met›
health:
  summary: ‹How J's health needs are met; see the health assessment for the detail.›
  actions:
    - id: A1
      action: ‹what will be done›
      owner: Social worker
      timescale: ‹when›
    - id: A2
      action: Book J's dental check
      owner: Foster carer
      timescale: ‹when›
`;
    const findings = await check(yaml, { config: { today: '2025-10-09' } });
    const judged = findings.filter((f) => ['expectation-generic', 'reference-unlinked', 'action-timescale'].includes(f.ruleId));
    assert.deepEqual(judged.map((f) => `${f.ruleId} ${f.pointer}`), [], 'guidance was judged as written text');
    assert.equal(findings.filter((f) => f.ruleId === 'template-placeholder').length, 11);
  });

  it('a template filled with no child is flagged until the case reference is written', async () => {
    const findings = await check(fillTemplate(fs.readFileSync(path.join(TEMPLATES, 'review.yaml'), 'utf8'), { today: '2027-03-01' }), { config: { today: '2027-03-01' } });
    assert.ok(findings.some((f) => f.ruleId === 'template-placeholder' && f.pointer === '/child'));
  });
});
