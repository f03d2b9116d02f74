/**
 * Timescale phrases offered when `timescale:` is written, each with the date it comes to in this
 * record (from its own date, next review or next supervision), worked out by the same resolver
 * the action-timescale check uses — so an offered phrase is never one the check flags.
 */
import type { DocumentKind } from '../types';
import type { TimescaleAnchors, TimescaleOptions } from '../dates';
import { resolveTimescale } from '../dates';
import { formatUkDateWithDay } from '../dates/calendar';
import { fromToday } from './hover';
import type { CompletionItem, Range } from './types';

const PHRASES: Record<DocumentKind, readonly string[]> = {
  review: [
    'within 5 working days of this review',
    'within 10 working days of this review',
    'within 4 weeks of this review',
    'within 3 months of this review',
    'by the next review',
    'every 2 weeks until the next review',
  ],
  'care-plan': [
    'within 10 working days of this plan',
    'within 4 weeks of this plan',
    'within 3 months of this plan',
    'by the next review',
    'every 2 weeks until the next review',
  ],
  supervision: [
    'within 5 working days of this supervision',
    'within 2 weeks of this supervision',
    'by the next supervision',
    'within 4 weeks of this supervision',
  ],
};

export interface TimescaleChoiceOptions {
  today?: string;
  timescales?: TimescaleOptions;
}

/** The phrases for this kind of record that come to a date here, in the order written above. */
export function timescaleCompletions(kind: DocumentKind, anchors: TimescaleAnchors, range: Range, options: TimescaleChoiceOptions): CompletionItem[] {
  const out: CompletionItem[] = [];
  PHRASES[kind].forEach((phrase, i) => {
    let detail: string;
    let how: string;
    try {
      const r = resolveTimescale(phrase, anchors, options.timescales);
      if (r.status === 'date') {
        detail = formatUkDateWithDay(r.date) + (options.today ? ` (${fromToday(r.date, options.today)})` : '');
        how = r.how;
      } else if (r.status === 'recurring' || r.status === 'anchored') {
        detail = r.status === 'recurring' ? 'repeats until a date' : 'counted from an event';
        how = r.how;
      } else {
        return; // this record lacks the date it counts from (no next review, say): not offered
      }
    } catch {
      return;
    }
    out.push({
      label: phrase,
      kind: 'value',
      detail,
      documentation: { kind: 'markdown', value: `Comes to: ${how}` },
      textEdit: { range, newText: phrase },
      sortText: String(i).padStart(3, '0'),
    });
  });
  return out;
}
