/* The checks whose findings the permanence tracker reads: constants only, so the report's page can import them. */

/** The checks across a child's records whose findings the tracker counts as flags. */
export const TRACKER_FLAGS = ['review-sequence', 'previous-actions', 'supervision-gap', 'supervision-reflection', 'permanence-drift', 'iro-escalation', 'child-voice'] as const;
/** The check whose findings say an action's timescale is unclear. */
export const TIMESCALE_CHECK = 'action-timescale';
/** Every check the tracker reads; the report runs only these. */
export const TRACKER_CHECKS: readonly string[] = [...TRACKER_FLAGS, TIMESCALE_CHECK];

