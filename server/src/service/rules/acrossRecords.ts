/**
 * What the checks across a child's records share (the records themselves come from
 * `ctx.timelines()`): how a message names another record, and a rule option read safely.
 */
import type { RecordFacts, Timeline } from '../chronology';
import { formatUkDate } from '../dates';
import type { RelatedLocation } from '../types';
import type { RuleContext } from './rule';

export type { Timeline } from '../chronology';

/** The records of one kind with a date, in order. */
export function ofKind(t: Timeline, kind: RecordFacts['kind']): RecordFacts[] {
  return t.records.filter((r) => r.kind === kind && r.date !== undefined);
}

/**
 * Whether the record is the child's current plan: the latest care plan or review by date. Older
 * ones are history; what is current about the plan is said on this one.
 */
export function isCurrentPlan(t: Timeline): boolean {
  const plans = t.records.filter((r) => (r.kind === 'review' || r.kind === 'care-plan') && r.date);
  return plans[plans.length - 1] === t.self;
}

/** The file name a message shows for a record: 'review-1.yaml'. */
export function fileName(r: RecordFacts): string {
  const path = r.uri.replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return path.slice(path.lastIndexOf('/') + 1);
  }
}

const NOUNS: Record<RecordFacts['kind'], string> = { 'care-plan': 'care plan', review: 'review', supervision: 'supervision' };

/** "review 1 held on 7 February 2025 (review-1.yaml)"; without the file where a link already shows it. */
export function describe(r: RecordFacts, withFile = true): string {
  const noun = r.kind === 'review' && r.review?.number ? `review ${r.review.number}` : `the ${NOUNS[r.kind]}`;
  const when = r.kind === 'care-plan' ? 'dated' : 'held on';
  const said = `${noun} ${when} ${r.date ? formatUkDate(r.date) : '(no date)'}`;
  return withFile ? `${said} (${fileName(r)})` : said;
}

/** Related information pointing at another record's `date:` line: "<label>: review 1 held on …". */
export function relatedTo(r: RecordFacts, label: string): RelatedLocation {
  return { uri: r.uri, range: { start: { line: r.line, character: 0 }, end: { line: r.line + 1, character: 0 } }, message: `${label}: ${describe(r, false)}` };
}

/** A whole-number option of the rule, within limits; the default otherwise (the config schema reports bad values). */
export function intOption(ctx: RuleContext, name: string, fallback: number, min: number, max: number): number {
  const v = ctx.options[name];
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fallback;
}

