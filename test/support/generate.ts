/**
 * Generates large, varied, fictional review records for benchmarks and size tests. Text varies
 * item to item (so no cache can hide the real cost) and mixes clear and weak entries the way
 * real records do.
 */
const OWNERS = ['Social worker', 'IRO', 'Foster carer', 'Designated teacher', 'Mother', 'Father', 'Health visitor', 'Team manager'];
const VERBS = ['Refer', 'Book', 'Arrange', 'Complete', 'Share', 'Update', 'Request', 'Chase', 'Send', 'Organise'];
const OBJECTS = [
  'Mother to the parenting programme at the family centre',
  'the review health assessment with the looked after children nurse',
  'a visit to the new school with J and the foster carer',
  'the life story work sessions with the child',
  'a copy of the plan to Father in plain English',
  'contact with maternal grandmother every other Saturday',
  'the referral to CAMHS for an assessment of J\'s sleep',
  'the dental check-up at the community dentist',
  'the application to discharge the care order',
  'the savings account for J with the Junior ISA provider',
];
const TIMESCALES = [
  'within 10 working days of this review',
  'by the next review',
  'within 4 weeks of this review',
  'ongoing',
  'ASAP',
  'by 30/06/2025',
  'within 3 months',
  'TBC',
  'by the end of the summer term 2025',
  'within 6 weeks of this review',
];
const EXPECTATIONS = [
  'will take J to school by 8.50am every school day',
  'will engage with services',
  'will keep the kitchen clean and store food in the fridge, checked at each weekly visit',
  'will be a good role model',
  'will attend every Tuesday key-work session at the drug service and give a sample each time',
  'will maintain appropriate home conditions',
  'will not allow her ex-partner into the home, checked by unannounced visits',
  'will improve her parenting by 50% by the next review',
  'will put J to bed by 7.30pm each school night, recorded in the sleep diary',
  'will work openly and honestly with professionals',
];
const MINUTES = [
  'J said he enjoys football on Saturdays and wants to keep seeing his dad.',
  'Education is going well; see the PEP dated 14/01/2025 for detail.',
  'The foster carer reported that J sleeps well and eats a full breakfast.',
  'Health needs are as detailed in the review health assessment.',
  'Mother has attended 9 of 10 sessions at the family centre.',
  'The social worker will update the chronology before the next review.',
  'Contact with Father is going ahead every Saturday afternoon at the family centre.',
  'Further details can be found in the parenting assessment.',
];

function pick<T>(list: readonly T[], i: number, salt: number): T {
  return list[(i * 7 + salt * 13) % list.length];
}

/** A review record of roughly `lines` lines. */
export function generateReview(lines: number, seed = 0): string {
  const out: string[] = [
    'kind: review',
    `id: review-CH${String(100000 + seed).slice(-6)}-bench`,
    'child: CH-000123',
    'date: 2025-04-24',
    'review:',
    '  number: 2',
    '  chair: IRO',
    '  next_review_due: 2025-10-23',
    'looked_after_since: 2025-01-06',
    'placement: { type: placed-with-parents, start_date: 2025-01-06 }',
    'legal_status: care-order',
    'discussion: |',
  ];
  const perBlock = 7 * 10 + 8 * 6 + 2 * 8; // lines of one block of actions, expectations, minutes
  const blocks = Math.max(1, Math.round((lines - 20) / perBlock));
  for (let b = 0; b < blocks; b++) {
    for (let m = 0; m < 8; m++) out.push(`  ${pick(MINUTES, m + b, seed)} (Item ${b}.${m}, record ${seed}.)`, `  Point ${b * 8 + m} was agreed by everyone present.`);
  }
  out.push('actions:');
  for (let b = 0; b < blocks; b++) {
    for (let a = 0; a < 10; a++) {
      const n = b * 10 + a;
      out.push(
        `  - id: A${n + 1}`,
        `    action: ${pick(VERBS, n, seed)} ${pick(OBJECTS, n + b, seed)} (item ${n}, record ${seed})`,
        `    owner: ${pick(OWNERS, n + 3, seed)}`,
        `    timescale: ${pick(TIMESCALES, n + b, seed)}`,
        '    status: open',
        `    # note ${n}`,
        '',
      );
    }
  }
  out.push('parent_expectations:');
  for (let b = 0; b < blocks; b++) {
    for (let e = 0; e < 6; e++) {
      const n = b * 6 + e;
      const parent = n % 2 ? 'Father' : 'Mother';
      out.push(
        `  - id: E${n + 1}`,
        `    parent: ${parent}`,
        `    expectation: ${parent} ${pick(EXPECTATIONS, n + b, seed)} (point ${n}, record ${seed})`,
        '    evidence: Weekly visit notes from the social worker',
        '    by: 2025-10-23',
        '    support: Family support worker visits twice weekly',
        '    if_not_met: A review is called within 5 working days',
        '',
      );
    }
  }
  out.push('references: []');
  return out.join('\n') + '\n';
}
