/** The permanence tracker (issue 12): rows per child, the forum summary, data completeness. */
export { buildTracker, groupByChild } from './build';
export { rowOf } from './row';
export { TRACKER_CHECKS, TRACKER_FLAGS, TIMESCALE_CHECK } from './checks';
export { spreadOf, summaryOf } from './summary';
export { COMPLETENESS_FIELDS } from './completeness';
export * from './types';
export { onlyTrackerChecks, trackerOptions } from './options';
