/**
 * Dates and timescales for care plans: UK date forms, working days (England and Wales bank
 * holidays), the statutory review schedule, and reading timescales such as "within 10 working
 * days of this review", "by the end of the summer term" or "ongoing".
 */
export type { TimescaleAnchors, TimescaleOptions, TimescaleResult, TextDeadline } from './types';
export { addDays, addMonths, compareDates, daysBetween, formatUkDate, isCheckableDate, isIsoDate, FIRST_YEAR, LAST_YEAR } from './calendar';
export { addWorkingDays, bankHolidays, isWorkingDay } from './holidays';
export { parseUkDate } from './ukDate';
export { DEFAULT_REVIEW_INTERVALS, intervals as reviewIntervals, statutoryNextReview } from './reviews';
export { HALF_TERM_BREAKS, SCHOOL_TERM_ENDS, SCHOOL_TERM_STARTS, SUMMER_HOLIDAYS_END, type SchoolTerm } from './schoolTerms';
export { NONE_VALUES, VAGUE_PHRASES, type VagueClass } from './phrases';
export { findDeadlineInText, resolveTimescale } from './timescale';
export { type ActionTimescaleAssessment, assessActionTimescale } from './assess';
export { phrasesKey, proposedDue } from './explain';
