/**
 * The scanner: finds every timescale-like phrase in a piece of text and works out what it
 * means, with cheap regular expressions only. The matchers live in scanDates, scanPeriods,
 * scanTerms and scanEvents; this file runs them in order and joins an event to its written date.
 */
import { G_ORDINAL } from './gates';
import { type Candidate, type ScanContext } from './scanCore';
import { scanDayOnly, scanMonths, scanWrittenDates } from './scanDates';
import { scanEvents } from './scanEvents';
import { scanPeriods, scanReviews, scanShorthand } from './scanPeriods';
import { scanCalendarPeriods, scanTerms } from './scanTerms';

export { type Candidate, type Cue, type ScanContext, cueBefore, docLabel } from './scanCore';

const AT_THE_LATEST_RE = /^\s*(?:at\s+the\s+(?:very\s+)?latest|latest|or\s+(?:before|sooner|earlier))\b/iy;

const MERGE_GAP_RE =
  /^\s*(?:[,(:\-–]\s*)?(?:(?:on|dated|held\s+on|due(?:\s+on)?|scheduled\s+for|booked\s+for|set\s+for|listed\s+for|which\s+is(?:\s+on)?|i\.e\.?|ie|currently|provisionally|expected)\s+)?(?:the\s+)?$/i;

/**
 * "before the second review on 02/06/2025", "by the final hearing (12 June 2025)": the written
 * date is the date of the event; keep one candidate that spans both, with the event's cue.
 */
function mergeEventDates(ctx: ScanContext): void {
  const out = ctx.out;
  if (out.length < 2) return;
  out.sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    if (a.explicit || !b.explicit || b.kind !== 'date' || (a.kind === 'contingent' && !a.event)) continue;
    if (b.start - a.end > 24 || !MERGE_GAP_RE.test(ctx.text.slice(a.end, b.start))) continue;
    const close = ctx.text.slice(b.end, b.end + 2).startsWith(')') ? 1 : 0;
    // A meeting or hearing with its date written is dated: the candidate is the written date.
    out.splice(i, 2, { ...b, start: a.start, end: b.end + close, cue: a.cue === 'none' ? b.cue : a.cue, how: `${b.how} (${a.kind === 'contingent' ? ctx.text.slice(a.start, a.end).replace(/\s+/g, ' ') : a.how.replace(/\s*\(.*$/, '')})` });
  }
}

/** All timescale-like phrases in the text, in text order. */
export function scan(ctx: ScanContext): Candidate[] {
  if (ctx.text.includes('/')) scanShorthand(ctx);
  scanWrittenDates(ctx);
  scanPeriods(ctx);
  scanTerms(ctx);
  scanMonths(ctx);
  if (ctx.mask & G_ORDINAL) scanDayOnly(ctx);
  scanReviews(ctx);
  scanCalendarPeriods(ctx);
  scanEvents(ctx);
  mergeEventDates(ctx);
  for (const c of ctx.out) {
    if (c.kind === 'date' && (c.cue === 'on' || c.cue === 'none')) {
      AT_THE_LATEST_RE.lastIndex = c.end;
      if (AT_THE_LATEST_RE.test(ctx.text)) c.cue = 'deadline';
    }
  }
  ctx.out.sort((a, b) => a.start - b.start);
  return ctx.out;
}
