import { strict as assert } from 'node:assert';
import { parseCarePlanDocument } from '../../../server/src/service';
import { factsOf, type RecordFacts } from '../../../server/src/service/chronology';
import { DEFAULT_REVIEW_INTERVALS } from '../../../server/src/service/dates';
import { buildTracker, groupByChild, rowOf, spreadOf, type RecordFinding, type TrackerOptions } from '../../../server/src/service/tracker';

const OPTIONS: TrackerOptions = { today: '2025-11-01', intervals: DEFAULT_REVIEW_INTERVALS, settledMonths: 12, atHomeMonths: 12, maxSupervisionGapDays: 42 };

/** A record's facts from its YAML, named as the report names it. */
const rec = (name: string, yaml: string): RecordFacts => factsOf(name, parseCarePlanDocument(yaml))!;

const carePlan = (child: string, date: string, extra = '') =>
  rec(`${child}/care-plan.yaml`, `kind: care-plan\nid: cp\nchild: ${child}\ndate: ${date}\nlooked_after_since: 2025-01-13\nlegal_status: interim-care-order\nplacement: { type: foster-care, start_date: 2025-01-13 }\n${extra}`);
const review = (child: string, n: number, date: string, extra = '') =>
  rec(`${child}/review-${n}.yaml`, `kind: review\nid: r${n}\nchild: ${child}\ndate: ${date}\nreview: { number: ${n} }\n${extra}`);
const supervision = (child: string, date: string, extra = '') => rec(`${child}/supervision-${date}.yaml`, `kind: supervision\nid: s\nchild: ${child}\ndate: ${date}\n${extra}`);

const one = (records: RecordFacts[], findings: RecordFinding[] = [], options = OPTIONS) => rowOf(groupByChild(records, findings)[0]!, options);

describe('permanence tracker: one row per child', () => {
  it('takes the situation from the latest plan or review that records each field', () => {
    const row = one([
      carePlan('CH-1', '2025-01-24'),
      review('CH-1', 1, '2025-02-07', 'legal_status: care-order\nplacement: { type: connected-carers, start_date: 2025-02-01 }\n'),
      review('CH-1', 2, '2025-04-30'),
    ]);
    assert.equal(row.lookedAfterSince, '2025-01-13');
    assert.equal(row.legalStatus, 'care-order');
    assert.equal(row.placementType, 'connected-carers');
    assert.equal(row.placementStart, '2025-02-01');
    assert.deepEqual(row.records, ['CH-1/care-plan.yaml', 'CH-1/review-1.yaml', 'CH-1/review-2.yaml']);
  });

  it('dates the plan from the first record that has one, and says whether that was by the second review', () => {
    const plan = (p: string) => `permanence: { plan: ${p}, agreed_at_review: 3, target_date: 2026-06-30 }\n`;
    const late = one([carePlan('CH-1', '2025-01-24'), review('CH-1', 1, '2025-02-07'), review('CH-1', 2, '2025-04-30'), review('CH-1', 3, '2025-10-20', plan('adoption'))]);
    assert.equal(late.plan, 'adoption');
    assert.equal(late.planAgreedAtReview, 3);
    assert.equal(late.firstPlanDate, '2025-10-20');
    assert.equal(late.daysToPlan, 280); // 13 Jan to 20 Oct 2025
    assert.equal(late.planBySecondReview, false);
    const early = one([carePlan('CH-2', '2025-01-24', plan('long-term-fostering')), review('CH-2', 1, '2025-02-07'), review('CH-2', 2, '2025-04-30')]);
    assert.equal(early.daysToPlan, 11);
    assert.equal(early.planBySecondReview, true);
    const noSecond = one([carePlan('CH-3', '2025-01-24'), review('CH-3', 1, '2025-02-07')]);
    assert.equal(noSecond.planBySecondReview, undefined, 'not yet measurable before a second review');
  });

  it('times each review against the one before it, and says when the next is overdue', () => {
    const row = one([
      carePlan('CH-1', '2025-01-24'),
      review('CH-1', 1, '2025-02-07'), // due by 10 Feb: in time
      review('CH-1', 2, '2025-05-22'), // due by 7 May: late
      review('CH-1', 3, '2025-10-23', 'review: { number: 3, next_review_due: 2025-10-31 }\n'), // due by 22 Nov: in time
    ]);
    assert.deepEqual([row.reviewsHeld, row.reviewsTimed, row.reviewsInTime], [3, 3, 2]);
    assert.equal(row.lastReviewNumber, 3);
    assert.equal(row.nextReviewDue, '2025-10-31');
    assert.equal(row.reviewOverdue, true);
    const noReview = one([carePlan('CH-2', '2025-01-24')]);
    assert.equal(noReview.nextReviewDue, '2025-02-10', 'the first review, 20 working days after becoming looked after');
    assert.equal(noReview.reviewOverdue, true);
  });

  it('finds the next milestone and the ones that slipped against the record before', () => {
    const ms = (assessDue: string, status = 'open') =>
      `permanence:\n  plan: long-term-fostering\n  milestones:\n    - { what: Assessment of the carer, type: assessment, due: ${assessDue}, status: ${status} }\n    - { what: Matching panel, type: matching, due: 2026-02-01 }\n    - { what: Final hearing, due: 2025-04-24, achieved: 2025-04-24 }\n`;
    const row = one([review('CH-1', 2, '2025-03-13', ms('2025-04-30')), review('CH-1', 3, '2025-05-22', ms('2025-07-31')), review('CH-1', 4, '2025-07-31', ms('2025-11-28'))]);
    assert.deepEqual(row.slippedMilestones, [{ what: 'Assessment of the carer', type: 'assessment', due: '2025-11-28' }]);
    assert.deepEqual(row.nextMilestone, { what: 'Assessment of the carer', type: 'assessment', due: '2025-11-28' });
    const slips = row.timeline.filter((e) => e.kind === 'slip').map((e) => e.date);
    assert.deepEqual(slips, ['2025-05-22', '2025-07-31'], 'a slip at each review that moved the date');
    const marked = one([review('CH-2', 3, '2025-05-22', ms('2025-09-15', 'slipped'))]);
    assert.equal(marked.slippedMilestones.length, 1);
    assert.equal(marked.nextMilestone?.what, 'Matching panel', 'a step whose date has passed is not the next one');
    const onlyOverdue = one([review('CH-3', 3, '2025-05-22', `permanence:\n  plan: adoption\n  milestones:\n    - { what: Placement order, due: 2025-09-15, status: slipped }\n`)]);
    assert.equal(onlyOverdue.nextMilestone?.due, '2025-09-15', 'with nothing ahead, the overdue step is next');
  });

  it('keeps a milestone’s words to a short field value', () => {
    const long = 'Assessment of the foster carer as the long-term carer, to be presented to the fostering panel with the agency’s view';
    const row = one([review('CH-1', 2, '2025-03-13', `permanence:\n  plan: adoption\n  milestones:\n    - { what: "${long}", due: 2026-01-01 }\n`)]);
    assert.ok(row.nextMilestone!.what.length <= 60);
    assert.ok(long.startsWith(row.nextMilestone!.what.slice(0, -1)));
  });

  it('counts the open actions of the latest review, supervision and care plan, overdue and with a clear timescale', () => {
    const actions = (...xs: string[]) => `actions:\n${xs.map((x) => `  - ${x}\n`).join('')}`;
    const records = [
      carePlan('CH-1', '2025-01-24', actions('{ id: A1, action: a, due: 2025-10-01, status: open }')),
      review('CH-1', 1, '2025-02-07', actions('{ id: A1, action: old, due: 2025-02-20 }')), // superseded by review 2
      review('CH-1', 2, '2025-05-22', actions('{ id: A1, action: b, due: 2025-10-01 }', '{ id: A2, action: c, timescale: ongoing }', '{ id: A3, action: d, due: 2025-01-01, status: done }')),
      supervision('CH-1', '2025-10-09', actions('{ id: A1, action: e, due: 2025-12-01 }')),
    ];
    const findings: RecordFinding[] = [{ record: 'CH-1/review-2.yaml', ruleId: 'action-timescale', pointer: '/actions/1/timescale' }];
    const row = one(records, findings);
    assert.equal(row.openActions, 4); // care plan A1, review 2 A1 and A2, supervision A1
    assert.equal(row.overdueActions, 2); // the two due on 1 October
    assert.equal(row.openActionsWithClearTimescale, 3);
  });

  it('says supervision is overdue when the next date passed, or with none set when the gap passed the team’s interval', () => {
    assert.equal(one([supervision('CH-1', '2025-07-08', 'next_supervision: 2025-08-05\n')]).supervisionOverdue, true);
    assert.equal(one([supervision('CH-1', '2025-10-09', 'next_supervision: 2025-11-06\n')]).supervisionOverdue, false);
    const gap = one([supervision('CH-1', '2025-09-19')]);
    assert.equal(gap.daysSinceSupervision, 43);
    assert.equal(gap.supervisionOverdue, true);
    assert.equal(one([supervision('CH-1', '2025-09-20')]).supervisionOverdue, false, '42 days is within the interval');
    assert.equal(one([supervision('CH-1', '2025-09-19')], [], { ...OPTIONS, maxSupervisionGapDays: 60 }).supervisionOverdue, false);
  });

  it('flags a child settled beyond the configured months with no matching or special guardianship step, as permanence-drift does', () => {
    const settled = (milestones = '') => [review('CH-1', 4, '2025-07-31', `placement: { type: foster-care, start_date: 2024-10-14 }\npermanence:\n  plan: long-term-fostering\n${milestones}`)];
    assert.deepEqual(one(settled()).waiting, { step: 'matching-or-special-guardianship', since: '2024-10-14', months: 12 });
    assert.equal(one(settled('  milestones:\n    - { what: Matching panel, type: matching, due: 2026-01-01 }\n')).waiting, undefined);
    assert.equal(one(settled(), [], { ...OPTIONS, settledMonths: 18 }).waiting, undefined);
    const atHome = one([review('CH-2', 3, '2025-07-31', 'legal_status: care-order\nplacement: { type: placed-with-parents, start_date: 2024-06-01 }\npermanence: { plan: placed-with-parents, parallel_plan: long-term-fostering }\n')]);
    assert.equal(atHome.waiting?.step, 'discharge-of-order');
  });

  it('counts the findings of the checks across records as flags, and no other check', () => {
    const findings: RecordFinding[] = [
      { record: 'CH-1/review-1.yaml', ruleId: 'review-sequence', pointer: '/date' },
      { record: 'CH-1/review-1.yaml', ruleId: 'review-sequence', pointer: '/review/number' },
      { record: 'CH-1/review-1.yaml', ruleId: 'child-voice', pointer: '/wishes_and_feelings' },
      { record: 'CH-1/review-1.yaml', ruleId: 'action-timescale', pointer: '/actions/0' },
      { record: 'CH-2/review-1.yaml', ruleId: 'iro-escalation', pointer: '/date' },
    ];
    assert.deepEqual(one([review('CH-1', 1, '2025-02-07')], findings).flags, { 'review-sequence': 2, 'child-voice': 1 });
  });
});

describe('permanence tracker: summary and completeness', () => {
  const children = () =>
    groupByChild([
      carePlan('CH-1', '2025-01-24', 'permanence: { plan: return-home, parallel_plan: adoption, agreed_at_review: 2, target_date: 2026-01-01, milestones: [{ what: Final hearing, due: 2025-12-01 }] }\nplacement: { type: placed-with-parents, start_date: 2025-01-13 }\n'),
      review('CH-1', 1, '2025-02-07'),
      review('CH-1', 2, '2025-04-30', 'review: { number: 2, next_review_due: 2025-10-30 }\n'),
      carePlan('CH-2', '2025-06-01', 'permanence: { plan: adoption }\n'),
      review('CH-2', 1, '2025-02-07'),
      review('CH-2', 2, '2025-05-07'),
      carePlan('CH-3', '2025-01-24'),
      supervision('CH-3', '2025-10-20', 'next_supervision: 2025-11-20\n'),
    ]);

  it('adds up the forum’s figures from the rows', () => {
    const { summary } = buildTracker(children(), OPTIONS);
    assert.equal(summary.children, 3);
    assert.equal(summary.records, 8);
    assert.deepEqual(summary.planBySecondReview, { count: 1, of: 2 }); // CH-1's plan on 24 Jan, before review 2; CH-2's on 1 Jun, after review 2 on 7 May
    assert.deepEqual(summary.byPlanType, { adoption: 1, none: 1, 'return-home': 1 });
    assert.deepEqual(summary.placedWithParents, ['CH-1']);
    assert.deepEqual(summary.reviewsOverdue, ['CH-1', 'CH-3']); // CH-1's set date passed; CH-3 never had its first
    assert.deepEqual(summary.supervisionOverdue, []);
    assert.deepEqual(summary.daysToPlan, { count: 2, min: 11, lowerQuartile: 43, median: 75, upperQuartile: 107, max: 139 }); // 13 Jan to 24 Jan, and to 1 Jun
  });

  it('lists each field the tracker needs with the children lacking it and the record where it belongs', () => {
    const { completeness } = buildTracker(children(), OPTIONS);
    const missing = Object.fromEntries(completeness.map((c) => [c.field, c.missing]));
    assert.deepEqual(missing['permanence.plan'], [{ child: 'CH-3', record: 'CH-3/care-plan.yaml' }]);
    assert.deepEqual(missing['permanence.agreed_at_review'], [{ child: 'CH-2', record: 'CH-2/care-plan.yaml' }, { child: 'CH-3', record: 'CH-3/care-plan.yaml' }]);
    assert.deepEqual(missing['review.next_review_due'], [{ child: 'CH-2', record: 'CH-2/review-2.yaml' }]);
    assert.deepEqual(missing['review'], [{ child: 'CH-3' }]);
    assert.deepEqual(missing['supervision'], [{ child: 'CH-1' }, { child: 'CH-2' }]);
    assert.deepEqual(missing['looked_after_since'], []);
  });

  it('spreads by the spreadsheet’s quartiles', () => {
    assert.deepEqual(spreadOf([283, 14, 79]), { count: 3, min: 14, lowerQuartile: 46.5, median: 79, upperQuartile: 181, max: 283 });
    assert.equal(spreadOf([]), undefined);
  });

  it('puts a record naming two children in both rows, in date order', () => {
    const siblings = rec('shared/review.yaml', 'kind: review\nid: r\nchildren: [CH-1, CH-2]\ndate: 2025-02-07\nreview: { number: 1 }\n');
    const grouped = groupByChild([review('CH-1', 2, '2025-05-01'), siblings]);
    assert.deepEqual(
      grouped.map((c) => [c.child, c.records.map((r) => r.uri)]),
      [
        ['CH-1', ['shared/review.yaml', 'CH-1/review-2.yaml']],
        ['CH-2', ['shared/review.yaml']],
      ],
    );
  });
});
