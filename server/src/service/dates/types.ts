/** Public shapes of the timescale module. */
import type { IsoDate } from '../types';

/** What a timescale can count from, taken from the document. */
export interface TimescaleAnchors {
  /** The document's `date:` (the review meeting / plan date): relative timescales count from it. */
  documentDate?: IsoDate;
  /** review.next_review_due when the document states it. */
  nextReviewDue?: IsoDate;
  /** review.number of this review (1 = first review). */
  reviewNumber?: number;
  /** When the child became looked after. */
  lookedAfterSince?: IsoDate;
  /** placement.start_date: "within 5 working days of the placement" counts from it. */
  placementStart?: IsoDate;
  /** next_supervision (a supervision record): "by the next supervision", "at each supervision". */
  nextSupervision?: IsoDate;
}

export interface TimescaleOptions {
  /** Team config adds more vague phrases. */
  extraVaguePhrases?: string[];
  /** Statutory review intervals; defaults 20 working days / 3 months / 6 months. */
  reviewIntervals?: { firstWorkingDays: number; secondMonths: number; laterMonths: number };
}

export type TimescaleResult =
  /** Resolves to a date; `how` says in plain words how it was worked out. */
  | { status: 'date'; date: IsoDate; how: string; relative: boolean }
  /** A bounded period from an anchor the document cannot date ("within 3 months of J's 16th birthday"): clear. */
  | { status: 'anchored'; how: string }
  /** "weekly until the first review", "every 6 weeks": clear. */
  | { status: 'recurring'; how: string; until?: IsoDate }
  /** ongoing, ASAP, TBC, "after the assessment" with no end … */
  | { status: 'vague'; phrase: string; why: string; suggestion: string }
  /** Empty, N/A, "-", "?", "none". */
  | { status: 'none'; why: string; suggestion: string }
  /** Text that is not a timescale ("3 sessions", "26-week programme"). */
  | { status: 'unclear'; why: string; suggestion: string };

/** A deadline found inside free text, with its UTF-16 offsets in that text. */
export interface TextDeadline {
  date: IsoDate;
  start: number;
  end: number;
  phrase: string;
}
