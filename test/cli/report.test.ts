import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, CLI, REPO, workspace } from '../support/cli';
import { CSV_COLUMNS } from '../../server/src/formatters/report';

/** The samples' tracker as JSON (samples/.careplan.yaml fixes today at 1 November 2025). */
function samplesJson(...extra: string[]) {
  const r = runCli(['report', 'samples', '--format', 'json', ...extra]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

describe('careplan report (built CLI)', () => {
  before(() => assert.ok(fs.existsSync(CLI), 'run npm run build first'));

  it('gives the samples’ tracker figures, each worked out by hand from the sample records', () => {
    const t = samplesJson();
    assert.match(t.notice, /contains case data/);
    assert.equal(t.today, '2025-11-01');
    const s = t.summary;
    // 3 children; 20 records: CH-000123 has 3 (care plan, review 2, one supervision), CH-000456 6
    // (two care plans, reviews 1–3, one supervision), CH-000789 11 (care plan, reviews 1–4, six supervisions).
    assert.equal(s.children, 3);
    assert.equal(s.records, 20);
    // Plan by the second review: CH-000123's care plan of 20/08/2025 has one, before review 2 (25/09/2025);
    // CH-000789's care plan of 28/10/2024 has one, before review 2 (13/03/2025); CH-000456's first plan is
    // at review 3 (23/10/2025), after review 2 (22/05/2025). 2 of 3.
    assert.deepEqual(s.planBySecondReview, { count: 2, of: 3 });
    // Days from looked after to the first plan: CH-000789 14/10/2024 → 28/10/2024 = 14; CH-000123
    // 02/06/2025 → 20/08/2025 = 28 + 31 + 20 = 79; CH-000456 13/01/2025 → 23/10/2025 = 283.
    // Median 79; quartiles by interpolation: 14 + (79 − 14)/2 = 46.5 and 79 + (283 − 79)/2 = 181.
    assert.deepEqual(s.daysToPlan, { count: 3, min: 14, lowerQuartile: 46.5, median: 79, upperQuartile: 181, max: 283 });
    // Current plans: review 2 of CH-000123 (return home), review 3 of CH-000456 (placed with parents),
    // review 4 of CH-000789 (long-term fostering).
    assert.deepEqual(s.byPlanType, { 'long-term-fostering': 1, 'placed-with-parents': 1, 'return-home': 1 });
    // Placement type on the latest review: placed-with-parents for CH-000123 and CH-000456.
    assert.deepEqual(s.placedWithParents, ['CH-000123', 'CH-000456']);
    // CH-000789: in foster care since 14/10/2024 with a plan of long-term fostering, 12 months passed
    // on 14/10/2025, and no milestone of matching or special guardianship in any record.
    assert.deepEqual(s.waiting, [{ child: 'CH-000789', step: 'matching-or-special-guardianship', since: '2024-10-14', months: 12 }]);
    // Reviews in time (first within 20 working days, second within 3 months, then 6 months):
    // CH-000456 review 1 07/02 ≤ 10/02 yes, review 2 22/05 > 07/05 no, review 3 23/10 ≤ 22/11 yes;
    // CH-000789 review 1 07/11/2024 ≤ 11/11 yes, review 2 13/03/2025 > 07/02 no, review 3 22/05 ≤ 13/09
    // yes, review 4 31/07 ≤ 22/11 yes; CH-000123's only record is review 2, with no review 1 to time it from.
    assert.deepEqual(s.reviewsInTime, { count: 5, of: 7 });
    // Next review: CH-000789 review 4 set 30/10/2025, passed; the others set 19/03/2026 and 16/04/2026.
    assert.deepEqual(s.reviewsOverdue, ['CH-000789']);
    // Open actions of the latest review, supervision and care plan (`actions:` lists):
    // CH-000123: review 2 A2–A7 (6) + supervision A1–A4 (4) + care plan A10 (1) = 11, all with dates or
    //   timescales the samples mark clean;
    // CH-000456: review 3 A1–A3 (3) + supervision A1, A2, A3, A4, A4 (5) = 8 (the draft care plan of
    //   20/10/2025 has none at the top), of which supervision A1–A3 are marked action-timescale: 5 clear;
    //   supervision A4 was due 24/10/2025: 1 overdue;
    // CH-000789: review 4 A4 (1; A1–A3 done), supervision 08/07/2025 all done, care plan A7 done.
    // 17 clear of 20; 1 overdue.
    assert.deepEqual(s.actionsWithClearTimescale, { count: 17, of: 20 });
    assert.equal(s.overdueActions, 1);
    // Supervision: CH-000789's next supervision was set for 05/08/2025, with no record after it; the
    // others were on 09/10/2025 (23 days before today; CH-000123's next set for 06/11/2025).
    assert.deepEqual(s.supervisionOverdue, ['CH-000789']);
    // Children with findings of each check across records (the samples' `# expect:` markers).
    assert.deepEqual(s.flags, {
      'review-sequence': 1,
      'previous-actions': 2,
      'supervision-gap': 1,
      'supervision-reflection': 2,
      'permanence-drift': 1,
      'iro-escalation': 1,
      'child-voice': 1,
    });
    const byChild = Object.fromEntries(t.rows.map((r: { child: string }) => [r.child, r]));
    const t789 = byChild['CH-000789'];
    assert.equal(t789.plan, 'long-term-fostering');
    assert.equal(t789.planAgreedAtReview, 2);
    assert.equal(t789.targetPassed, true); // 31/10/2025
    // The assessment of the carer: due 30/04 at review 2, 31/07 at review 3, 28/11 at review 4 (marked slipped).
    assert.deepEqual(t789.slippedMilestones, [{ what: "Assessment of the foster carer as T's long-term carer", type: 'assessment', due: '2025-11-28' }]);
    assert.deepEqual(t789.nextMilestone, t789.slippedMilestones[0]);
    assert.equal(t789.daysSinceSupervision, 116); // 08/07/2025 → 01/11/2025
    // review-sequence: review 2's date and previous date, review 4's next review date; supervision-gap:
    // the gap before 13/05/2025 and the next supervision passed.
    assert.deepEqual(t789.flags, { 'review-sequence': 3, 'supervision-gap': 2, 'previous-actions': 1, 'supervision-reflection': 1, 'iro-escalation': 1, 'permanence-drift': 2, 'child-voice': 1 });
    // Completeness: only CH-000456's plan lacks the review it was agreed at, to be added to review 3.
    const lacking = t.completeness.filter((c: { missing: unknown[] }) => c.missing.length);
    assert.deepEqual(lacking.map((c: { field: string; missing: unknown[] }) => [c.field, c.missing]), [['permanence.agreed_at_review', [{ child: 'CH-000456', record: 'samples/CH-000456/review-3.yaml' }]]]);
  });

  it('counts from --today', () => {
    const t = samplesJson('--today', '2025-10-01');
    assert.deepEqual(t.summary.reviewsOverdue, []); // CH-000789's review was due 30/10/2025
    assert.equal(t.summary.overdueActions, 0);
    assert.deepEqual(t.summary.waiting, [], 'not yet 12 months in foster care on 1 October 2025');
  });

  it('reads the team’s settings: its supervision interval and its months before matching is expected', () => {
    const dir = workspace(
      {
        '.careplan.yaml': 'today: 2025-11-01\nrules:\n  supervision-gap: { max_gap_days: 120 }\n  permanence-drift: { settled_months: 24 }\n',
        'CH-1/review-1.yaml': 'kind: review\nid: r1\nchild: CH-1\ndate: 2025-01-10\nreview: { number: 1, next_review_due: 2026-01-01 }\nlooked_after_since: 2024-01-02\nplacement: { type: foster-care, start_date: 2024-01-02 }\npermanence: { plan: long-term-fostering }\n',
        'CH-1/supervision-1.yaml': 'kind: supervision\nid: s1\nchild: CH-1\ndate: 2025-08-01\n',
      },
      { git: true },
    );
    const team = JSON.parse(runCli(['report', '--format', 'json'], dir).stdout);
    assert.deepEqual([team.summary.supervisionOverdue, team.summary.waiting], [[], []]);
    fs.writeFileSync(path.join(dir, '.careplan.yaml'), 'today: 2025-11-01\n');
    const defaults = JSON.parse(runCli(['report', '--format', 'json'], dir).stdout);
    assert.deepEqual(defaults.summary.supervisionOverdue, ['CH-1']); // 92 days > 42
    assert.equal(defaults.summary.waiting[0].step, 'matching-or-special-guardianship');
  });

  it('writes CSV with the documented columns, one row per child', () => {
    const r = runCli(['report', 'samples', '--format', 'csv']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trimEnd().split('\r\n');
    assert.equal(lines[0], CSV_COLUMNS.map((c) => c.name).join(','));
    assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]), ['CH-000123', 'CH-000456', 'CH-000789']);
    const doc = fs.readFileSync(path.join(REPO, 'docs', 'report.md'), 'utf8');
    for (const c of CSV_COLUMNS) assert.match(doc, new RegExp(`\\| \`${c.name}\` \\|`), `docs/report.md documents ${c.name}`);
    const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c.name, lines[3]!.split(',')[i]]));
    assert.deepEqual([row.child, row.review_overdue, row.supervision_overdue, row.waiting_for, row.flag_review_sequence], ['CH-000789', 'true', 'true', 'matching-or-special-guardianship', '3']);
  });

  it('keeps a value a spreadsheet would run as a formula as text', () => {
    const dir = workspace({ 'r.yaml': 'kind: review\nid: r1\nchild: "=HYPERLINK(1)"\ndate: 2025-01-10\nreview: { number: 1 }\n' }, { git: true });
    const r = runCli(['report', '--format', 'csv', '--today', '2025-02-01'], dir);
    assert.equal(r.stdout.split('\r\n')[1]!.split(',')[0], "'=HYPERLINK(1)");
  });

  it('holds case references, roles and short values only, never the records’ prose', () => {
    for (const format of ['json', 'csv', 'md', 'html']) {
      const out = runCli(['report', 'samples', '--format', format]).stdout;
      for (const prose of ['dentist', 'football', 'cannabis', 'Case discussed', 'Mother will', 'nightmares', 'Fine.']) assert.ok(!out.includes(prose), `${format} holds '${prose}'`);
    }
  });

  it('writes one self-contained HTML file: the notice first, nothing fetched, its script and style allowed by hash', () => {
    const dir = workspace({});
    const file = path.join(dir, 'tracker.html');
    const r = runCli(['report', 'samples', '-o', file]);
    assert.equal(r.code, 0, r.stderr);
    const html = fs.readFileSync(file, 'utf8');
    assert.ok(html.indexOf('Case data.') < html.indexOf('<h1>'), 'the notice comes before anything else');
    assert.doesNotMatch(html, /\b(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    assert.doesNotMatch(html, /<link\b|@import|url\(/i);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    assert.match(csp, /default-src 'none'/);
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    assert.ok(csp.includes(`script-src ${hash(script)}`) && csp.includes(`style-src ${hash(style)}`), csp);
    assert.equal((html.match(/<tr data-plan-type=/g) ?? []).length, 3);
  });

  it('stops with a plain message for a date that is not one', () => {
    const r = runCli(['report', 'samples', '--today', '2025-02-30']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--today takes a real date/);
  });
});
