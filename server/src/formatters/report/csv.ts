/**
 * One row per child as CSV (RFC 4180), the contract a council loads into its own tools
 * (docs/report.md). Columns are only added at the end; none is renamed, reordered or dropped.
 */
import { TRACKER_FLAGS } from '../../service/tracker/checks';
import type { Tracker, TrackerRow } from '../../service/tracker';

type Cell = string | number | boolean | undefined;

export const CSV_COLUMNS: readonly { readonly name: string; readonly value: (r: TrackerRow) => Cell }[] = [
  { name: 'child', value: (r) => r.child },
  { name: 'looked_after_since', value: (r) => r.lookedAfterSince },
  { name: 'legal_status', value: (r) => r.legalStatus },
  { name: 'placement_type', value: (r) => r.placementType },
  { name: 'placement_start', value: (r) => r.placementStart },
  { name: 'plan', value: (r) => r.plan },
  { name: 'plan_agreed_at_review', value: (r) => r.planAgreedAtReview },
  { name: 'first_plan_date', value: (r) => r.firstPlanDate },
  { name: 'days_to_plan', value: (r) => r.daysToPlan },
  { name: 'plan_by_second_review', value: (r) => r.planBySecondReview },
  { name: 'parallel_plan', value: (r) => r.parallelPlan },
  { name: 'parallel_plan_expected', value: (r) => r.parallelPlanExpected },
  { name: 'target_date', value: (r) => r.targetDate },
  { name: 'target_passed', value: (r) => r.targetPassed },
  { name: 'next_milestone', value: (r) => r.nextMilestone?.what },
  { name: 'next_milestone_type', value: (r) => r.nextMilestone?.type },
  { name: 'next_milestone_due', value: (r) => r.nextMilestone?.due },
  { name: 'slipped_milestones', value: (r) => r.slippedMilestones.length },
  { name: 'slipped_milestone_names', value: (r) => r.slippedMilestones.map((m) => m.what).join('; ') },
  { name: 'last_review_date', value: (r) => r.lastReviewDate },
  { name: 'last_review_number', value: (r) => r.lastReviewNumber },
  { name: 'next_review_due', value: (r) => r.nextReviewDue },
  { name: 'review_overdue', value: (r) => r.reviewOverdue },
  { name: 'reviews_held', value: (r) => r.reviewsHeld },
  { name: 'reviews_timed', value: (r) => r.reviewsTimed },
  { name: 'reviews_in_time', value: (r) => r.reviewsInTime },
  { name: 'open_actions', value: (r) => r.openActions },
  { name: 'overdue_actions', value: (r) => r.overdueActions },
  { name: 'open_actions_clear_timescale', value: (r) => r.openActionsWithClearTimescale },
  { name: 'last_supervision', value: (r) => r.lastSupervision },
  { name: 'days_since_supervision', value: (r) => r.daysSinceSupervision },
  { name: 'supervision_overdue', value: (r) => r.supervisionOverdue },
  { name: 'waiting_for', value: (r) => r.waiting?.step },
  { name: 'waiting_since', value: (r) => r.waiting?.since },
  ...TRACKER_FLAGS.map((id) => ({ name: `flag_${id.replace(/-/g, '_')}`, value: (r: TrackerRow) => r.flags[id] ?? 0 })),
  { name: 'missing_fields', value: (r) => r.missing.join('; ') },
  { name: 'records', value: (r) => r.records.length },
];

/**
 * A cell as CSV: quoted when it holds a comma, quote or line break; a text that a spreadsheet
 * would run as a formula (= + - @ at the start) is given a leading apostrophe (OWASP's advice).
 */
function cell(v: Cell): string {
  if (v === undefined) return '';
  if (typeof v !== 'string') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function formatReportCsv(tracker: Tracker): string {
  const lines = [CSV_COLUMNS.map((c) => c.name).join(',')];
  for (const r of tracker.rows) lines.push(CSV_COLUMNS.map((c) => cell(c.value(r))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
