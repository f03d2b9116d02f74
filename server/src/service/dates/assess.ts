/**
 * One action's timescale, all things considered: its `due:` and `timescale:` fields and its wording
 * (what the rule `action-timescale` needs).
 */
import type { IsoDate } from '../types';
import { addDays, daysBetween } from './calendar';
import { intervalInText, undatedSeriesInText } from './recurrence';
import type { Candidate } from './scanCore';
import { cleanAnchors, deadlineCandidate, isoOf, resolveField } from './timescale';
import type { TextDeadline, TimescaleAnchors, TimescaleOptions, TimescaleResult } from './types';

export interface ActionTimescaleAssessment {
  /** True when the action says by when (date, bounded period, recurrence) without contradicting itself. */
  clear: boolean;
  status: 'clear' | 'vague' | 'none' | 'unclear' | 'conflict';
  /** What `due:` (or, without it, `timescale:`) says; undefined when neither is given. */
  field?: TimescaleResult;
  /** Which field `field` came from. */
  fieldName?: 'due' | 'timescale';
  /** A deadline written in the action's wording. */
  inText?: TextDeadline;
  /** A recurrence or event-bound timescale written in the wording ("visit every 6 weeks"). */
  inTextOther?: { how: string; phrase: string };
  /** A timescale in the wording that counts from an event with no date here ("within 10 days of the conference"). */
  inTextVague?: { phrase: string; why: string };
  /** The wording (or the other field) gives a different date from the field. */
  conflict?: { fieldDate: IsoDate; otherDate: IsoDate; phrase: string; fieldName: 'due' | 'timescale' };
}

/** Tolerance, in days, around a deadline before two dates count as different. */
const SAME_DEADLINE_DAYS = 3;

function disagrees(c: Candidate, date: IsoDate): boolean {
  const hi = c.cue === 'wc' ? addDays(c.date!, 6) : c.date!;
  const lo = c.earliest && c.earliest < c.date! ? c.earliest : c.date!;
  return daysBetween(hi, date) > SAME_DEADLINE_DAYS || daysBetween(date, lo) > SAME_DEADLINE_DAYS;
}

function present(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return isoOf(v);
  return String(v);
}

interface Fields {
  field?: TimescaleResult;
  fieldName?: 'due' | 'timescale';
  /** `timescale:` when `due:` is read as the field. */
  other?: TimescaleResult;
  otherText?: string;
}

/** `due:` is the field; `timescale:` stands in when `due:` is missing or empty. */
function readFields(item: { due?: unknown; timescale?: unknown }, a: TimescaleAnchors, options: TimescaleOptions | undefined): Fields {
  const dueText = present(item.due);
  const tsText = present(item.timescale);
  if (dueText === undefined) return tsText === undefined ? {} : { field: resolveField(tsText, a, options), fieldName: 'timescale' };
  const due = resolveField(dueText, a, options);
  const other = tsText === undefined ? undefined : resolveField(tsText, a, options);
  if (due.status === 'none' && other) return { field: other, fieldName: 'timescale' };
  return { field: due, fieldName: 'due', other, otherText: tsText };
}

/** A date field that disagrees with the wording's deadline or with the other field. */
function conflictOf(f: Fields, found: Candidate | undefined, inText: TextDeadline | undefined): ActionTimescaleAssessment['conflict'] {
  if (f.field?.status !== 'date') return undefined;
  const date = f.field.date;
  // A start date in the wording ("from 1 June", "the placement starting 2 June") is not the action's deadline.
  if (found && inText && found.cue !== 'start' && disagrees(found, date)) return { fieldDate: date, otherDate: found.date!, phrase: inText.phrase, fieldName: f.fieldName! };
  if (f.other?.status === 'date' && Math.abs(daysBetween(f.other.date, date)) > SAME_DEADLINE_DAYS) {
    return { fieldDate: date, otherDate: f.other.date, phrase: f.otherText!, fieldName: f.fieldName! };
  }
  return undefined;
}

/**
 * What the wording says when the fields say nothing usable: a deadline, an event with a known date
 * ("before J's 16th birthday"), an interval ("visited every two weeks"), or a timescale that counts
 * from an event with no date here. A count in the wording ("3 times a week") is not a timescale.
 */
function readWording(
  wording: string, all: readonly Candidate[], inText: TextDeadline | undefined, a: TimescaleAnchors, options: TimescaleOptions | undefined,
): Partial<ActionTimescaleAssessment> {
  if (inText) return { clear: true };
  const event = all.find((c) => c.kind === 'anchored' && !c.yearless);
  if (event) return { clear: true, inTextOther: { how: event.how, phrase: wording.slice(event.start, event.end) } };
  const interval = intervalInText(wording, options);
  if (interval) return { clear: true, inTextOther: interval };
  const undated = all.find((c) => c.kind === 'contingent');
  if (undated) return { clear: false, inTextVague: { phrase: wording.slice(undated.start, undated.end), why: undated.how } };
  const series = undatedSeriesInText(wording, a);
  return series ? { clear: false, inTextVague: series } : { clear: false };
}

/**
 * Puts together an action's wording, `due:` and `timescale:`. A date in the wording that disagrees
 * with the field is a conflict. The wording makes a missing field clear, never an explicitly vague
 * one: "ongoing" or "TBC" in `timescale:` is flagged whatever the wording says (DOMAIN.md).
 */
export function assessActionTimescale(
  item: { action?: unknown; due?: unknown; timescale?: unknown },
  anchors: TimescaleAnchors,
  options?: TimescaleOptions,
): ActionTimescaleAssessment {
  const a = cleanAnchors(anchors);
  // The fields are read with the anchors cleaned once more, as resolveTimescale would: a no-op unless
  // cleaning built a new object (it then drops a Date anchor that does not make a valid ISO date).
  const f = readFields(item, a === anchors ? a : cleanAnchors(a), options);
  const wording = typeof item.action === 'string' ? item.action : '';
  const { found, all } = deadlineCandidate(wording, a, options);
  const inText = found && { date: found.date!, start: found.start, end: found.end, phrase: wording.slice(found.start, found.end) };
  const out: ActionTimescaleAssessment = { clear: false, status: 'none' };
  if (f.field) out.field = f.field;
  if (f.fieldName) out.fieldName = f.fieldName;
  if (inText) out.inText = inText;
  const conflict = conflictOf(f, found, inText);
  if (conflict) return { ...out, conflict, status: 'conflict' };
  const st = f.field?.status;
  if (st === 'date' || st === 'anchored' || st === 'recurring') return { ...out, clear: true, status: 'clear' };
  if (st === 'vague') return { ...out, status: 'vague' };
  const w = readWording(wording, all, inText, a, options);
  if (w.clear) return { ...out, ...w, clear: true, status: 'clear' };
  return { ...out, ...w, clear: false, status: st ?? (w.inTextVague ? 'vague' : 'none') };
}
