/**
 * The permanence tracker from a workspace's records: one row per child, the forum's summary and
 * the data completeness. Pure: the CLI and the language server feed it the chronology's facts and
 * the findings of the checks it counts; tests build it in memory.
 */
import { byDate, type RecordFacts } from '../chronology';
import { completenessOf } from './completeness';
import { rowOf } from './row';
import { summaryOf } from './summary';
import { TRACKER_SCHEMA_VERSION, type ChildRecords, type RecordFinding, type Tracker, type TrackerOptions, type TrackerRow } from './types';

export function buildTracker(children: Iterable<ChildRecords>, options: TrackerOptions): Tracker {
  const rows: TrackerRow[] = [];
  const whereToAdd = new Map<string, { plan?: string; review?: string }>();
  const records = new Set<string>();
  for (const c of children) {
    rows.push(rowOf(c, options));
    let plan: string | undefined;
    let review: string | undefined;
    for (const r of c.records) {
      records.add(r.uri);
      if (!r.date) continue;
      if (r.kind !== 'supervision') plan = r.uri;
      if (r.kind === 'review') review = r.uri;
    }
    whereToAdd.set(c.child, { ...(plan ? { plan } : {}), ...(review ? { review } : {}) });
  }
  rows.sort((a, b) => (a.child < b.child ? -1 : a.child > b.child ? 1 : 0));
  return {
    schemaVersion: TRACKER_SCHEMA_VERSION,
    today: options.today,
    rows,
    summary: summaryOf(rows, records.size),
    completeness: completenessOf(rows, whereToAdd),
  };
}

/**
 * Records and findings grouped by child, each child's records in the chronology's date order. A
 * record naming two children (siblings) is in both; a record naming none is in no row.
 */
export function groupByChild(records: Iterable<RecordFacts>, findings: Iterable<RecordFinding> = []): ChildRecords[] {
  const byChild = new Map<string, RecordFacts[]>();
  const byRecord = new Map<string, RecordFinding[]>();
  for (const f of findings) {
    const list = byRecord.get(f.record);
    if (list) list.push(f);
    else byRecord.set(f.record, [f]);
  }
  for (const r of records) {
    for (const child of r.children) {
      const list = byChild.get(child);
      if (list) list.push(r);
      else byChild.set(child, [r]);
    }
  }
  return [...byChild].map(([child, list]) => ({
    child,
    records: list.sort(byDate),
    findings: list.flatMap((r) => byRecord.get(r.uri) ?? []),
  }));
}
