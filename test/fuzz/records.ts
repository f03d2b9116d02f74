/**
 * Grammar-based records: fast-check arbitraries shaped like schemas/ (care plans, reviews,
 * supervision records), mostly valid, sometimes near-valid (a field dropped, a wrong type, a
 * value outside its list, a vague timescale, a generic expectation, an extreme date), rendered as
 * YAML in a few styles. All data is fictional: case refs like CH-100001, roles not names.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

const PLANS = ['return-home', 'placed-with-parents', 'connected-carers', 'special-guardianship', 'child-arrangements-order', 'adoption', 'long-term-fostering', 'residential', 'staying-put', 'independent-living'];
const PLACEMENTS = ['placed-with-parents', 'foster-care', 'connected-carers', 'residential', 'supported-accommodation', 'adoptive-placement', 'other'];
const LEGAL = ['care-order', 'interim-care-order', 'section-20', 'placement-order', 'remand', 'other'];
const REF_TYPES = ['pep', 'health-assessment', 'care-plan', 'placement-plan', 'parenting-assessment', 'court-order', 'review-minutes', 'drug-test', 'gp-letter', 'chronology'];
const OWNERS = ['Social worker', 'IRO', 'Team manager', 'Mother', 'Father', 'Foster carer', 'Designated teacher', 'LAC nurse', 'all', 'professionals', 'the LA', 'Everyone', ''];
const PARENTS = ['Mother', 'Father', 'Mother and Father', 'Stepfather', 'Parents'];
const ROLES = ['IRO', 'Social worker', 'Mother', 'Father', 'Foster carer', 'Nursery manager', 'Health visitor'];

/** Timescales a reviewer would write, good and vague, plus text the date parser must survive. */
const TIMESCALES = [
  'within 10 working days of this review', 'within 6 weeks', 'by the next review', 'by 31/12/2025', 'by end of March 2026', 'before the final hearing',
  'next week', 'within 20 working days', 'by 14 February 2026', 'in 3 months', 'ongoing', 'ASAP', 'TBC', 'as soon as possible', 'when possible',
  'immediately', 'within 0 days', 'within 99999999 working days', 'by 29/02/2025', 'by 31/04/2026', 'by 1/1/10000', 'before 0000-01-01', '',
];
/** Prose fragments: plain sentences, pointer cues (with and without a document), dates, unicode. */
const PROSE = [
  'K was seen alone at nursery.', 'Mother attended every contact session.', 'see the PEP dated 14/01/2025', 'as set out in the parenting assessment',
  'in line with the', 'as per the minutes of the last review', 'Father will engage with services.', 'Mother will work with professionals.',
  'Mother will take K to nursery by 9.15am each day.', 'on 03/03/2025', 'by 2025-12-31', 'within 5 working days', 'see above', 'é', '😀', '“quoted”',
  'the IRO was on leave', 'refer to the chronology', 'Staff report that his speech is improving.', 'ongoing', 'TBC', '#not a comment', ': colon', '- dash',
];

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = fc.date({ min: new Date('2018-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
/** Mostly ordinary dates; now and then the edges of the calendar and of the format. */
const date = fc.oneof(
  { weight: 20, arbitrary: isoDate },
  { weight: 1, arbitrary: fc.constantFrom('9999-12-31', '0000-01-01', '10000-01-01', '2025-02-29', '2024-02-29', '2025-13-01', '1900-01-01', '2025-1-5') },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2020, max: 2027 })).map(([d, m, y]) => `${pad(d)}/${pad(m)}/${y}`) },
);
const caseRef = fc.integer({ min: 100000, max: 100099 }).map((n) => `CH-${n}`);
const docId = fc.tuple(fc.constantFrom('cp', 'review', 'sup', 'pep', 'iha'), fc.integer({ min: 100000, max: 100099 }), fc.integer({ min: 1, max: 9 })).map(([p, c, n]) => `${p}-CH${c}-${n}`);
const prose = fc.array(fc.constantFrom(...PROSE), { minLength: 1, maxLength: 12 }).map((xs) => xs.join(' '));
const timescale = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TIMESCALES) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 400 }), fc.constantFrom('working days', 'days', 'weeks', 'months'), fc.constantFrom('of this review', 'of the review', '', 'after the hearing')).map(([n, u, a]) => `within ${n} ${u} ${a}`.trim()) },
);

/** Optional field: present about two times in three. */
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { freq: 3, nil: undefined });

const action = fc.record(
  {
    id: fc.integer({ min: 1, max: 30 }).map((n) => `A${n}`),
    action: prose,
    owner: opt(fc.constantFrom(...OWNERS)),
    timescale: opt(timescale),
    due: opt(date),
    status: opt(fc.constantFrom('open', 'done', 'dropped')),
    references: opt(fc.array(docId, { maxLength: 2 })),
  },
  { requiredKeys: ['id', 'action'] },
);

const expectation = fc.record(
  {
    id: fc.integer({ min: 1, max: 9 }).map((n) => `E${n}`),
    parent: fc.constantFrom(...PARENTS),
    expectation: prose,
    evidence: opt(prose),
    by: opt(date),
    support: opt(prose),
    if_not_met: opt(prose),
  },
  { requiredKeys: ['id', 'expectation'] },
);

const reference = fc.record(
  {
    id: docId,
    type: fc.constantFrom(...REF_TYPES),
    title: opt(fc.constantFrom('Care plan', 'Personal education plan', 'Initial health assessment', 'Review minutes')),
    date: opt(date),
    path: opt(fc.constantFrom('health/iha.md', 'education/pep.md', 'missing/file.md', '../outside.md', 'a/../b.md', '%2e%2e/x.md', '')),
    doc: opt(docId),
  },
  { requiredKeys: ['id', 'type'] },
);

const permanence = fc.record(
  {
    plan: fc.constantFrom(...PLANS),
    parallel_plan: opt(fc.constantFrom(...PLANS)),
    agreed_at_review: opt(fc.integer({ min: 1, max: 6 })),
    target_date: opt(date),
    milestones: opt(fc.array(fc.record({ what: prose, due: date, status: fc.constantFrom('open', 'done', 'slipped') }), { maxLength: 3 })),
  },
  { requiredKeys: ['plan'] },
);

const placement = fc.record({ type: fc.constantFrom(...PLACEMENTS), start_date: opt(date), carer: opt(fc.constantFrom('Mother', 'Foster carer', 'Maternal aunt')) }, { requiredKeys: ['type'] });
const wishes = fc.record({ child: opt(prose), parents: opt(prose), carers: opt(prose) });
const area = fc.record({ summary: prose, actions: opt(fc.array(action, { maxLength: 3 })) }, { requiredKeys: ['summary'] });

const common = {
  id: docId,
  child: caseRef,
  date,
  looked_after_since: opt(date),
  legal_status: opt(fc.constantFrom(...LEGAL)),
  placement: opt(placement),
  permanence: opt(permanence),
  wishes_and_feelings: opt(wishes),
  actions: opt(fc.array(action, { maxLength: 6 })),
  parent_expectations: opt(fc.array(expectation, { maxLength: 4 })),
  references: opt(fc.array(reference, { maxLength: 4 })),
};
const REQUIRED = ['id', 'child', 'date'] as ('id' | 'child' | 'date')[];

const carePlan = fc.record(
  { ...common, placement_plan: opt(docId), iro: opt(fc.constant('IRO (Team 2)')), health: opt(area), education: opt(area), identity: opt(area), contact: opt(fc.record({ arrangements: prose })) },
  { requiredKeys: REQUIRED },
).map((r) => ({ kind: 'care-plan', ...r }));

const review = fc.record(
  {
    ...common,
    review: opt(
      fc.record(
        {
          number: fc.integer({ min: 1, max: 8 }),
          chair: fc.constant('IRO'),
          care_plan: opt(docId),
          previous_review_date: opt(date),
          next_review_due: opt(date),
          attendees: opt(fc.array(fc.constantFrom(...ROLES), { maxLength: 5 })),
        },
        { requiredKeys: ['number'] },
      ),
    ),
    discussion: opt(prose),
  },
  { requiredKeys: REQUIRED },
).map((r) => ({ kind: 'review', ...r }));

const supervision = fc.record(
  {
    id: docId,
    child: opt(caseRef),
    children: opt(fc.array(caseRef, { minLength: 1, maxLength: 3 })),
    date,
    supervisee: opt(fc.constant('Social worker (SW3)')),
    supervisor: opt(fc.constant('Team manager')),
    reflection: opt(prose),
    discussion: opt(prose),
    actions: opt(fc.array(action, { maxLength: 5 })),
    next_supervision: opt(date),
    references: opt(fc.array(reference, { maxLength: 3 })),
  },
  { requiredKeys: ['id', 'date'] },
).map((r) => ({ kind: 'supervision', ...r }));

type Obj = Record<string, unknown>;

/** Values that do not fit where they land. */
const WRONG = [42, -1, 0, 3.5, true, null, '', [], {}, [1, [2]], { a: 1 }, 'x'.repeat(2_000), 'return_home', 'Open', '2025-02-30', '9999-12-31'];

/** One near-miss: the kind of mistake a person makes while typing a record. */
function perturb(rec: Obj, pick: (n: number) => number): string {
  const paths: [Obj, string][] = [];
  const walk = (o: unknown) => {
    if (Array.isArray(o)) o.forEach(walk);
    else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o as Obj)) (paths.push([o as Obj, k]), walk(v));
  };
  walk(rec);
  const [obj, key] = paths[pick(paths.length)];
  switch (pick(5)) {
    case 0:
      delete obj[key];
      return `drop ${key}`;
    case 1:
      obj[key] = WRONG[pick(WRONG.length)];
      return `wrong ${key}`;
    case 2:
      obj[key.length > 3 ? key.slice(0, -2) + key.slice(-1) + key.slice(-2, -1) : key + '_x'] = obj[key];
      delete obj[key];
      return `misspell ${key}`;
    case 3:
      obj['x_unknown'] = obj[key];
      return 'unknown field';
    default:
      if (Array.isArray(obj[key]) && (obj[key] as unknown[]).length) (obj[key] as unknown[]).push((obj[key] as unknown[])[0]);
      else obj[key] = [obj[key], obj[key]];
      return `duplicate ${key}`;
  }
}

export interface GrammarRecord {
  label: string;
  text: string;
}

/**
 * Record number `seed`: a valid-shaped record, or (when `nearValid`) one with 1–3 mistakes,
 * rendered in one of a few YAML styles. Same seed, same text.
 */
export function grammarRecord(seed: number, nearValid: boolean): GrammarRecord {
  const [[rec, style, ds, mistakes]] = fc.sample(
    fc.tuple(fc.oneof(carePlan, review, supervision), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1 << 30 }), fc.integer({ min: 1, max: 3 })),
    { seed, numRuns: 1 },
  );
  const obj = structuredClone(rec) as Obj;
  let x = ds;
  const pick = (n: number) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
  const applied = nearValid ? Array.from({ length: mistakes }, () => perturb(obj, pick)) : [];
  const text = render(obj, style);
  return { label: `grammar ${obj.kind ?? '?'} (seed ${seed}, style ${style}${applied.length ? ': ' + applied.join(', ') : ''})`, text };
}

function render(obj: Obj, style: number): string {
  switch (style) {
    case 0:
      return stringify(obj, { lineWidth: 100 });
    case 1:
      return stringify(obj, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
    case 2:
      return stringify(obj, { lineWidth: 60, blockQuote: 'folded', collectionStyle: 'any', flowCollectionPadding: false, indent: 4 });
    default:
      // CRLF line ends, as a Windows editor saves them, and a disable comment on the first action.
      return stringify(obj, { lineWidth: 80 })
        .replace(/^(\s+- id: A\d+)$/m, '$1  # careplan-disable-line action-owner')
        .replace(/\n/g, '\r\n');
  }
}
