/**
 * One child's row of the permanence tracker, read from the child's records in date order (the
 * chronology) with the measures the checks across records use, so the tracker and the findings
 * never disagree.
 */
import type { MilestoneFact, RecordFacts } from '../chronology';
import {
  DEPENDS_ON_PARENTS,
  firstReviewDue,
  isAchieved,
  isOpenAction,
  milestoneKey,
  nextHeldBy,
  nextReviewDue,
  slippedAt,
  waitingBeyond,
} from '../chronology/measures';
import { daysBetween } from '../dates';
import type { IsoDate } from '../types';
import { missingFields } from './completeness';
import type { ChildRecords, Milestone, TimelineEvent, TrackerOptions, TrackerRow } from './types';
import { TIMESCALE_CHECK, TRACKER_FLAGS } from './checks';

/** A milestone's words are free text: the tracker keeps a short field value only. */
const SHORT = 60;
const short = (text: string): string => (text.length > SHORT ? `${text.slice(0, SHORT - 1).trimEnd()}…` : text);
const milestone = (m: MilestoneFact): Milestone => ({ what: short(m.what), ...(m.type ? { type: m.type } : {}), ...(m.due ? { due: m.due } : {}) });

type Dated = RecordFacts & { date: IsoDate };
const dated = (r: RecordFacts): r is Dated => r.date !== undefined;
const last = <T>(xs: readonly T[], ok: (x: T) => boolean = () => true): T | undefined => {
  for (let i = xs.length - 1; i >= 0; i--) if (ok(xs[i]!)) return xs[i];
  return undefined;
};

export function rowOf(input: ChildRecords, options: TrackerOptions): TrackerRow {
  const { child, findings } = input;
  const records = input.records.filter(dated);
  const plans = records.filter((r) => r.kind === 'care-plan' || r.kind === 'review');
  const reviews = records.filter((r) => r.kind === 'review');
  const supervisions = records.filter((r) => r.kind === 'supervision');
  const { today } = options;

  // The child's situation as the latest plan or review records it, field by field.
  const lookedAfterSince = last(plans, (r) => !!r.lookedAfterSince)?.lookedAfterSince;
  const legalStatus = last(plans, (r) => !!r.legalStatus)?.legalStatus;
  const placement = last(plans, (r) => !!r.placement?.type || !!r.placement?.start)?.placement;
  const current = last(plans, (r) => !!r.permanence?.plan);
  const permanence = current?.permanence;
  const latest = last(plans);

  const firstPlan = plans.find((r) => !!r.permanence?.plan);
  const secondReview = reviews.find((r) => (r.review?.number ?? 0) >= 2) ?? reviews[1];
  const lastReview = last(reviews);
  const nextDue = lastReview ? nextReviewDue(lastReview, options.intervals) : lookedAfterSince ? firstReviewDue(lookedAfterSince, options.intervals) : undefined;
  const lastSupervision = last(supervisions);
  const timed = reviewTiming(reviews, lookedAfterSince, options);
  const actions = currentActions(records, findings, today);
  const waiting = current ? waitingBeyond(current, records, today, options.settledMonths, options.atHomeMonths) : undefined;

  const flags: Record<string, number> = {};
  for (const f of findings) if ((TRACKER_FLAGS as readonly string[]).includes(f.ruleId)) flags[f.ruleId] = (flags[f.ruleId] ?? 0) + 1;

  const row: TrackerRow = {
    child,
    records: input.records.map((r) => r.uri),
    ...(lookedAfterSince ? { lookedAfterSince } : {}),
    ...(legalStatus ? { legalStatus } : {}),
    ...(placement?.type ? { placementType: placement.type } : {}),
    ...(placement?.start ? { placementStart: placement.start } : {}),
    ...(permanence?.plan ? { plan: permanence.plan } : {}),
    ...(permanence?.agreedAtReview !== undefined ? { planAgreedAtReview: permanence.agreedAtReview } : {}),
    ...(firstPlan ? { firstPlanDate: firstPlan.date } : {}),
    ...(firstPlan && lookedAfterSince ? { daysToPlan: daysBetween(lookedAfterSince, firstPlan.date) } : {}),
    ...(secondReview ? { planBySecondReview: !!firstPlan && firstPlan.date <= secondReview.date } : {}),
    ...(permanence?.parallelPlan ? { parallelPlan: permanence.parallelPlan } : {}),
    parallelPlanExpected: DEPENDS_ON_PARENTS.has(permanence?.plan ?? ''),
    ...(permanence?.targetDate ? { targetDate: permanence.targetDate } : {}),
    targetPassed: !!permanence?.targetDate && permanence.targetDate < today,
    ...nextMilestoneOf(current, today),
    slippedMilestones: current ? slippedIn(current, last(plans.slice(0, plans.indexOf(current)), (r) => !!r.permanence)).map(milestone) : [],
    ...(lastReview ? { lastReviewDate: lastReview.date } : {}),
    ...(lastReview?.review?.number !== undefined ? { lastReviewNumber: lastReview.review.number } : {}),
    ...(nextDue ? { nextReviewDue: nextDue } : {}),
    reviewOverdue: !!nextDue && nextDue < today,
    reviewsHeld: reviews.length,
    reviewsTimed: timed.timed,
    reviewsInTime: timed.inTime,
    openActions: actions.open,
    overdueActions: actions.overdue,
    openActionsWithClearTimescale: actions.clear,
    ...(lastSupervision ? { lastSupervision: lastSupervision.date, daysSinceSupervision: daysBetween(lastSupervision.date, today) } : {}),
    supervisionOverdue: !!lastSupervision && supervisionOverdue(lastSupervision, options),
    ...(waiting ? { waiting } : {}),
    flags,
    missing: missingFields({ lookedAfterSince, legalStatus, placement, permanence, latest, lastReview, lastSupervision }),
    timeline: timelineOf(records, plans, lookedAfterSince, current),
  };
  return row;
}

/** How many reviews could be timed, and how many were held in time (CPPCR reg 33 intervals, as configured). */
function reviewTiming(reviews: readonly Dated[], lookedAfterSince: IsoDate | undefined, options: TrackerOptions): { timed: number; inTime: number } {
  let timed = 0;
  let inTime = 0;
  reviews.forEach((r, i) => {
    const prev = reviews[i - 1];
    let latest: IsoDate | undefined;
    if (prev) latest = nextHeldBy(prev, r.review?.number, options.intervals).latest;
    else if (lookedAfterSince && (r.review?.number ?? 1) === 1) latest = firstReviewDue(lookedAfterSince, options.intervals);
    if (!latest) return;
    timed++;
    if (r.date <= latest) inTime++;
  });
  return { timed, inTime };
}

/**
 * The child's current actions: the `actions:` of the latest review, supervision record and care
 * plan. Open ones are counted; overdue when their due date has passed; clear when the
 * action-timescale check found nothing to question in them.
 */
function currentActions(records: readonly Dated[], findings: ChildRecords['findings'], today: IsoDate): { open: number; overdue: number; clear: number } {
  let open = 0;
  let overdue = 0;
  let clear = 0;
  for (const kind of ['review', 'supervision', 'care-plan'] as const) {
    const record = last(records, (r) => r.kind === kind);
    if (!record) continue;
    const unclear = new Set<number>();
    for (const f of findings) {
      if (f.ruleId !== TIMESCALE_CHECK || f.record !== record.uri) continue;
      const m = /^\/actions\/(\d+)(\/|$)/.exec(f.pointer);
      if (m) unclear.add(Number(m[1]));
    }
    record.actions.forEach((a, i) => {
      if (!isOpenAction(a)) return;
      open++;
      if (!unclear.has(i)) clear++;
      if (a.due && a.due < today) overdue++;
    });
  }
  return { open, overdue, clear };
}

/** The tracker's row for each child, in case reference order. */
export function rowsOf(children: Iterable<ChildRecords>, options: TrackerOptions): TrackerRow[] {
  const rows: TrackerRow[] = [];
  for (const c of children) rows.push(rowOf(c, options));
  return rows.sort((a, b) => (a.child < b.child ? -1 : a.child > b.child ? 1 : 0));
}

function supervisionOverdue(last: Dated, options: TrackerOptions): boolean {
  if (last.nextSupervision) return last.nextSupervision < options.today;
  return daysBetween(last.date, options.today) > options.maxSupervisionGapDays;
}

/**
 * The next step of the current plan: the earliest not yet achieved that is due today or later
 * (a slipped step with its new date counts); failing that, the earliest overdue one.
 */
function nextMilestoneOf(current: RecordFacts | undefined, today: IsoDate): { nextMilestone?: Milestone } {
  const open = (current?.permanence?.milestones ?? []).filter((m) => !isAchieved(m));
  open.sort((a, b) => (a.due === b.due ? 0 : a.due === undefined ? 1 : b.due === undefined ? -1 : a.due < b.due ? -1 : 1));
  const next = open.find((m) => m.due !== undefined && m.due >= today) ?? open[0];
  return next ? { nextMilestone: milestone(next) } : {};
}

/** The milestones of `record` that slipped at it, against the record with a plan before it. */
function slippedIn(record: RecordFacts, before: RecordFacts | undefined): MilestoneFact[] {
  return (record.permanence?.milestones ?? []).filter((m) => slippedAt(record, before, milestoneKey(m)));
}

/** The child's journey as dated points: reviews, milestones of the current plan, and each slip where it was recorded. */
function timelineOf(records: readonly Dated[], plans: readonly Dated[], lookedAfterSince: IsoDate | undefined, current: RecordFacts | undefined): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  if (lookedAfterSince) events.push({ date: lookedAfterSince, kind: 'looked-after', label: 'became looked after' });
  for (const r of records) {
    const label = r.kind === 'review' ? (r.review?.number !== undefined ? `review ${r.review.number}` : 'review') : r.kind === 'care-plan' ? 'care plan' : 'supervision';
    events.push({ date: r.date, kind: r.kind, label });
  }
  let before: Dated | undefined;
  for (const r of plans) {
    if (!r.permanence) continue;
    for (const m of slippedIn(r, before)) events.push({ date: r.date, kind: 'slip', label: `slipped: ${short(m.what)}` });
    before = r;
  }
  for (const m of current?.permanence?.milestones ?? []) {
    // A step marked done with no date achieved is drawn at its due date.
    const achieved = isAchieved(m) ? (m.achieved ?? m.due) : undefined;
    if (achieved) events.push({ date: achieved, kind: 'milestone-achieved', label: short(m.what) });
    else if (m.due) events.push({ date: m.due, kind: 'milestone-due', label: short(m.what) });
  }
  if (current?.permanence?.targetDate) events.push({ date: current.permanence.targetDate, kind: 'target', label: 'permanence target' });
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
