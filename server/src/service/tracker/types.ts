/**
 * The permanence tracker's shapes. They are the JSON contract of `careplan report --format json`
 * (docs/report.md): add fields, never rename or drop one.
 */
import type { RecordFacts, Waiting } from '../chronology';
import type { IsoDate } from '../types';

/** The version of the JSON and CSV contract; raised only when a field changes meaning. */
export const TRACKER_SCHEMA_VERSION = 1;

/** What the adapter found about one record besides its facts: the findings the tracker counts. */
export interface RecordFinding {
  /** The record, as its facts' `uri` names it. */
  readonly record: string;
  readonly ruleId: string;
  /** RFC 6901 pointer of the finding, e.g. `/actions/2/timescale`. */
  readonly pointer: string;
}

/** One child's records in date order, and the findings on them. */
export interface ChildRecords {
  readonly child: string;
  readonly records: readonly RecordFacts[];
  readonly findings: readonly RecordFinding[];
}

export interface TrackerOptions {
  readonly today: IsoDate;
  readonly intervals: { readonly firstWorkingDays: number; readonly secondMonths: number; readonly laterMonths: number };
  /** permanence-drift's `settled_months` and `at_home_months`. */
  readonly settledMonths: number;
  readonly atHomeMonths: number;
  /** supervision-gap's `max_gap_days`. */
  readonly maxSupervisionGapDays: number;
}

export type TimelineKind = 'looked-after' | 'care-plan' | 'review' | 'supervision' | 'milestone-due' | 'milestone-achieved' | 'slip' | 'target';

/** A dated point on a child's timeline (the HTML draws them). */
export interface TimelineEvent {
  readonly date: IsoDate;
  readonly kind: TimelineKind;
  /** A short label: "review 2", a milestone's short name. */
  readonly label: string;
}

export interface Milestone {
  /** The milestone's words, cut to a short field value. */
  readonly what: string;
  readonly type?: string;
  readonly due?: IsoDate;
}

/** One row per child. Dates are YYYY-MM-DD; a field missing from the records is absent. */
export interface TrackerRow {
  readonly child: string;
  /** The child's records (as the adapter names them: paths from the workspace root), in date order. */
  readonly records: readonly string[];
  readonly lookedAfterSince?: IsoDate;
  readonly legalStatus?: string;
  readonly placementType?: string;
  readonly placementStart?: IsoDate;
  /** The current permanence plan: the latest care plan or review that records one. */
  readonly plan?: string;
  readonly planAgreedAtReview?: number;
  /** The date of the first record with any permanence plan. */
  readonly firstPlanDate?: IsoDate;
  /** Days from becoming looked after to `firstPlanDate`. */
  readonly daysToPlan?: number;
  /** Whether a plan was recorded by the second review; absent until there is a second review record. */
  readonly planBySecondReview?: boolean;
  readonly parallelPlan?: string;
  /** The plan depends on parents, so a parallel plan is expected. */
  readonly parallelPlanExpected: boolean;
  readonly targetDate?: IsoDate;
  readonly targetPassed: boolean;
  /** The next milestone of the current plan not yet achieved: the earliest due from today, else the earliest overdue. */
  readonly nextMilestone?: Milestone;
  /** Milestones of the current plan that slipped (marked slipped, or due later than the record before said). */
  readonly slippedMilestones: readonly Milestone[];
  readonly lastReviewDate?: IsoDate;
  readonly lastReviewNumber?: number;
  readonly nextReviewDue?: IsoDate;
  readonly reviewOverdue: boolean;
  readonly reviewsHeld: number;
  /** Reviews whose interval could be measured (the first from becoming looked after, later ones from the review record before). */
  readonly reviewsTimed: number;
  readonly reviewsInTime: number;
  /** Open actions of the latest review, supervision record and care plan (their `actions:` lists). */
  readonly openActions: number;
  readonly overdueActions: number;
  /** Open actions whose timescale the action-timescale check does not question. */
  readonly openActionsWithClearTimescale: number;
  readonly lastSupervision?: IsoDate;
  readonly daysSinceSupervision?: number;
  /** The next supervision date has passed, or (with none set) the gap since the last exceeds the team's interval. */
  readonly supervisionOverdue: boolean;
  /** Waiting beyond the configured months for matching or special guardianship, or the discharge of an order. */
  readonly waiting?: Waiting;
  /** Findings of the checks across records on the child's records, by check id. */
  readonly flags: Readonly<Record<string, number>>;
  /** Completeness: the tracker fields (ids from COMPLETENESS_FIELDS) the records lack. */
  readonly missing: readonly string[];
  readonly timeline: readonly TimelineEvent[];
}

/** Median and spread of a set of whole numbers (quartiles by linear interpolation). */
export interface Spread {
  readonly count: number;
  readonly min: number;
  readonly lowerQuartile: number;
  readonly median: number;
  readonly upperQuartile: number;
  readonly max: number;
}

export interface Share {
  readonly count: number;
  readonly of: number;
}

export interface TrackerSummary {
  readonly children: number;
  readonly records: number;
  /** Of children with a second review record, those with a permanence plan recorded by it. */
  readonly planBySecondReview: Share;
  readonly daysToPlan?: Spread;
  /** Children by current plan; `none` for no plan. */
  readonly byPlanType: Readonly<Record<string, number>>;
  /** Children placed with parents: the forum's list. */
  readonly placedWithParents: readonly string[];
  readonly waiting: readonly { readonly child: string; readonly step: Waiting['step']; readonly since: IsoDate; readonly months: number }[];
  readonly reviewsInTime: Share;
  readonly reviewsOverdue: readonly string[];
  readonly actionsWithClearTimescale: Share;
  readonly overdueActions: number;
  readonly supervisionOverdue: readonly string[];
  /** Children with at least one finding of each check across records. */
  readonly flags: Readonly<Record<string, number>>;
}

export interface CompletenessEntry {
  readonly field: string;
  /** What the field is, in plain words. */
  readonly label: string;
  /** Children whose records lack it, each with the record where it belongs (absent when there is none). */
  readonly missing: readonly { readonly child: string; readonly record?: string }[];
}

export interface Tracker {
  readonly schemaVersion: number;
  readonly today: IsoDate;
  readonly rows: readonly TrackerRow[];
  readonly summary: TrackerSummary;
  readonly completeness: readonly CompletenessEntry[];
}
