/**
 * What the checks across a child's records share: the child's records in date order with this
 * one among them, how a message names another record, and a rule option read safely.
 */
import { factsOf, type RecordFacts } from '../chronology';
import { formatUkDate } from '../dates';
import type { RelatedLocation } from '../types';
import type { RuleContext } from './rule';

export interface Timeline {
  readonly child: string;
  /** Every record of the child in date order, this one included. */
  readonly records: readonly RecordFacts[];
  /** This record as the chronology sees it. */
  readonly self: RecordFacts;
}

/**
 * The record's place in each of its children's chronologies. This record is taken from the text
 * being checked, whatever the index last saw, so an unsaved edit counts at once.
 */
export async function timelinesOf(ctx: RuleContext): Promise<Timeline[]> {
  const self = factsOf(ctx.uri, ctx.parsed);
  if (!self?.date) return [];
  const out: Timeline[] = [];
  for (const child of self.children) {
    const others = (await ctx.chronology.recordsOf(child)).filter((r) => r.uri !== ctx.uri);
    const records = [...others, self].sort(byDateThenKind);
    out.push({ child, records, self });
  }
  return out;
}

function byDateThenKind(a: RecordFacts, b: RecordFacts): number {
  const da = a.date ?? '9999-12-31';
  const db = b.date ?? '9999-12-31';
  if (da !== db) return da < db ? -1 : 1;
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0;
}

/** The records of one kind with a date, in order. */
export function ofKind(t: Timeline, kind: RecordFacts['kind']): RecordFacts[] {
  return t.records.filter((r) => r.kind === kind && r.date !== undefined);
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

/** "the review held on 7 February 2025 (review-1.yaml)". */
export function describe(r: RecordFacts): string {
  const noun = r.kind === 'review' && r.review?.number ? `review ${r.review.number}` : `the ${NOUNS[r.kind]}`;
  const when = r.kind === 'care-plan' ? 'dated' : 'held on';
  return `${noun} ${when} ${r.date ? formatUkDate(r.date) : '(no date)'} (${fileName(r)})`;
}

/** Related information pointing at another record's `date:` line. */
export function relatedTo(r: RecordFacts, message: string): RelatedLocation {
  return { uri: r.uri, range: { start: { line: r.line, character: 0 }, end: { line: r.line + 1, character: 0 } }, message };
}

/** A whole-number option of the rule, within limits; the default otherwise (the config schema reports bad values). */
export function intOption(ctx: RuleContext, name: string, fallback: number, min: number, max: number): number {
  const v = ctx.options[name];
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : fallback;
}

/** Milestones of the child's records that match, in any record (a step planned once counts). */
export function anyMilestone(t: Timeline, matches: (m: { what: string; type?: string }) => boolean): boolean {
  return t.records.some((r) => r.permanence?.milestones.some(matches));
}
