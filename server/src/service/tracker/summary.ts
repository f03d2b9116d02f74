/** The figures a permanency forum acts on, added up from the rows. */
import type { Share, Spread, TrackerRow, TrackerSummary } from './types';
import { TRACKER_FLAGS } from './checks';

/** Quartiles by linear interpolation between ranks (the common spreadsheet method, QUARTILE.INC). */
export function spreadOf(values: readonly number[]): Spread | undefined {
  if (!values.length) return undefined;
  const xs = [...values].sort((a, b) => a - b);
  const at = (q: number): number => {
    const pos = (xs.length - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return xs[lo]! + (xs[hi]! - xs[lo]!) * (pos - lo);
  };
  return { count: xs.length, min: xs[0]!, lowerQuartile: at(0.25), median: at(0.5), upperQuartile: at(0.75), max: xs[xs.length - 1]! };
}

export function summaryOf(rows: readonly TrackerRow[], records: number): TrackerSummary {
  const withSecond = rows.filter((r) => r.planBySecondReview !== undefined);
  const byPlanType: Record<string, number> = {};
  for (const r of rows) byPlanType[r.plan ?? 'none'] = (byPlanType[r.plan ?? 'none'] ?? 0) + 1;
  const sum = (f: (r: TrackerRow) => number): number => rows.reduce((n, r) => n + f(r), 0);
  const share = (count: number, of: number): Share => ({ count, of });
  const flags: Record<string, number> = {};
  for (const id of TRACKER_FLAGS) flags[id] = rows.filter((r) => (r.flags[id] ?? 0) > 0).length;
  return {
    children: rows.length,
    records,
    planBySecondReview: share(withSecond.filter((r) => r.planBySecondReview).length, withSecond.length),
    ...optional('daysToPlan', spreadOf(rows.flatMap((r) => (r.daysToPlan !== undefined ? [r.daysToPlan] : [])))),
    byPlanType: Object.fromEntries(Object.entries(byPlanType).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))),
    placedWithParents: rows.filter((r) => r.placementType === 'placed-with-parents').map((r) => r.child),
    waiting: rows.flatMap((r) => (r.waiting ? [{ child: r.child, ...r.waiting }] : [])),
    reviewsInTime: share(sum((r) => r.reviewsInTime), sum((r) => r.reviewsTimed)),
    reviewsOverdue: rows.filter((r) => r.reviewOverdue).map((r) => r.child),
    actionsWithClearTimescale: share(sum((r) => r.openActionsWithClearTimescale), sum((r) => r.openActions)),
    overdueActions: sum((r) => r.overdueActions),
    supervisionOverdue: rows.filter((r) => r.supervisionOverdue).map((r) => r.child),
    flags,
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [k in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [k in K]?: V };
}
