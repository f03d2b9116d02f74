import type { Path } from '../types';
import type { TimescaleAnchors } from '../dates';
import { isCheckableDate } from '../dates';
import { holdsGuidance } from '../templates';

/** Record fields read by several rules, as plain data. */
export type Data = Record<string, unknown>;

/** The reg 5 sections of a care plan; each may hold its own actions. */
export const CARE_PLAN_SECTIONS = [
  'health',
  'education',
  'emotional_behavioural',
  'identity',
  'family_and_social_relationships',
  'social_presentation',
  'self_care',
  'contact',
] as const;

export function isObject(v: unknown): v is Data {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A string field's text, or undefined when absent, empty or not text. */
export function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() ? v : undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/**
 * A free-text field as the writer's own words, for the prose judgements: undefined, as when it is
 * absent, while it still holds a template's or a quick fix's ‹guidance› — template-placeholder
 * asks for it to be written, and the guidance is not the writer's wording to judge.
 */
export function writtenText(v: unknown): string | undefined {
  const t = text(v);
  return t === undefined || holdsGuidance(t) ? undefined : t;
}

/** A config option that should be a list of strings; anything else counts as empty. */
export function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Every action in the document with its path: top-level `actions` and each section's. */
export function* eachAction(data: Data): Generator<{ path: Path; action: Data }> {
  yield* itemsAt(data.actions, ['actions']);
  for (const section of CARE_PLAN_SECTIONS) {
    const s = data[section];
    if (isObject(s)) yield* itemsAt(s.actions, [section, 'actions']);
  }
}

/** Every parental expectation with its path. */
export function* eachExpectation(data: Data): Generator<{ path: Path; expectation: Data }> {
  for (const { path, action } of itemsAt(data.parent_expectations, ['parent_expectations'])) yield { path, expectation: action };
}

/** Every action's wording with its owner and due date (text), for rules that read what an action asks of whom. */
export function* eachActionWording(data: Data): Generator<{ path: Path; wording: string; owner?: string; due?: string }> {
  for (const { path, action } of eachAction(data)) {
    const wording = writtenText(action.action);
    if (wording !== undefined) yield { path, wording, owner: text(action.owner), due: text(action.due) };
  }
}

/** How a message names a list item: by its id ("action A1"), else by its place ("action 3"). */
export function itemName(noun: string, item: Data, path: Path): string {
  const id = text(item.id);
  if (id !== undefined && id.length <= 40) return `${noun} ${id.trim()}`;
  const i = path[path.length - 1];
  return typeof i === 'number' ? `${noun} ${i + 1}` : noun;
}

/**
 * The text with any half of an emoji or other broken character (a lone UTF-16 surrogate)
 * replaced by U+FFFD, so URI encoding, which throws on them, can take it.
 */
export function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** A percent-encoded URI part as text; as written when it is not valid percent-encoding (decodeURIComponent would throw). */
export function decodeUriText(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function* itemsAt(list: unknown, base: Path): Generator<{ path: Path; action: Data }> {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (isObject(item)) yield { path: [...base, i], action: item };
  }
}

/**
 * The dates relative timescales in this document count from: its own date, the next review,
 * becoming looked after, the placement's start and the next supervision. The rule, hovers, inlay
 * hints and quick fixes all read them here, so they agree.
 */
export function anchorsOf(data: Data): TimescaleAnchors {
  const review = isObject(data.review) ? data.review : {};
  const placementStart = isObject(data.placement) ? dateField(data.placement.start_date) : undefined;
  const nextSupervision = dateField(data.next_supervision);
  return {
    documentDate: dateField(data.date),
    nextReviewDue: dateField(review.next_review_due) ?? dateField(data.next_review_due),
    reviewNumber: typeof review.number === 'number' ? review.number : undefined,
    lookedAfterSince: dateField(data.looked_after_since),
    ...(placementStart ? { placementStart } : {}),
    ...(nextSupervision ? { nextSupervision } : {}),
  };
}

/**
 * A date field's value when it is a real calendar date (year-month-day) in the years careplan
 * reads (1900–2200); otherwise undefined. A malformed, impossible (2025-02-30) or far-off
 * (9999-12-31) date is the schema rule's finding, not these rules'.
 */
export function dateField(v: unknown): string | undefined {
  return isCheckableDate(v) ? v : undefined;
}
