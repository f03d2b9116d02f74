/**
 * What a timescale counts from ("within 10 days of the conference", "2 weeks before the PEP
 * meeting", "within 2 weeks of coming into care"), and whether this record dates it.
 *
 * One policy, applied to every period and recurrence (DOMAIN.md "What makes an action clear"): an
 * event is a known anchor only when its date is in the record — this record's own date, the next
 * review (given, or from the statutory schedule), becoming looked after (`looked_after_since:`), the
 * placement's start (`placement: start_date:`), the next supervision (`next_supervision:`) — or
 * follows from facts on the child's file (a birthday, an age, the start of a school year). Anything
 * else (a conference, a PEP meeting, a core group, a panel, a move, receipt of a letter) has no date
 * here, so a timescale counted from it is vague, and says which date is missing.
 */
import type { IsoDate } from '../types';
import { formatUkDate } from './calendar';
import { FIXED_EVENT_SRC, KNOWN_EVENT_RE, NEXT_ONLY_EVENT_SRC, SCHEDULED_MEETING_SRC } from './scanEvents';
import { NO_RECORD_DATE, type ScanContext, docLabel, reviewTarget } from './scanCore';

export interface AnchorInfo {
  /** doc: this record's date; date: another dated event; anchored: known but not dated here; contingent: no date. */
  kind: 'doc' | 'date' | 'anchored' | 'contingent';
  date?: IsoDate;
  label: string;
  /** How many characters of the anchor text were read. */
  length: number;
  /** For a contingent anchor the record could date: the field that would give its date. */
  missing?: string;
}

/**
 * This record itself: "this review", "the meeting", "today's supervision", "the plan". Not "the
 * conference": no careplan record is a conference, so that is another meeting with its own date; nor
 * "the meeting with Mother", "the decision to accommodate": another meeting, another decision.
 */
const ANCHOR_DOC_RE =
  /^(?:(?:the\s+)?date\s+of\s+)?(?:(?:this|today['’]?s|the|current|present|our)\s+)?(?:(?:statutory|lac|cla|cic|looked[\s-]after(?:\s+child(?:ren)?['’]?s?)?|child\s+in\s+care|iro|care\s+plan(?:ning)?|planning|review)\s+)*(?:review|meeting|plan|care\s+plan|supervision|document|record|minutes|decision)\b(?!\s+(?:health|of|to|with)\b)|^(?:today|now|this\s+date|date)\b/i;

/** A review by its place in the series: "the next review", "the second LAC review". */
const ANCHOR_REVIEW_RE =
  /^(?:the\s+)?(next|first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|following|subsequent|upcoming|forthcoming)\s+(?:[a-z]+\s+){0,3}?review\b(?!\s+(?:health|of\b))/i;

/** Becoming looked after: "(the child) becoming looked after", "coming into care", "accommodation", "the decision to accommodate". */
const ANCHOR_LOOKED_AFTER_RE =
  /^(?:(?:the\s+)?(?:child|young\s+person)|[a-z]+|him|her|them)\s+(?:first\s+)?(?:becoming|became|being\s+(?:accommodated|placed|looked\s+after)|coming\s+into\s+care)(?:\s+looked\s+after)?|^(?:the\s+)?(?:date\s+(?:of\s+)?)?(?:becoming\s+looked\s+after|coming\s+into\s+care|entering\s+care|accommodation|decision\s+to\s+(?:accommodate|look\s+after))\b/i;

/**
 * The placement the child is in now: "the placement", "J's placement", "the start of the placement",
 * "the placement start date". Not a new or planned one ("the new placement", "moving in"), and not a
 * document or meeting named after it ("the placement plan", "the placement planning meeting").
 */
const ANCHOR_PLACEMENT_RE =
  /^(?:the\s+)?(?:(?:start|beginning)\s+of\s+)?(?:the\s+|this\s+|[a-z]+['’]s\s+|his\s+|her\s+|their\s+)?(?:current\s+|present\s+)?placement(?:\s+(?:start(?:ing|ed)?|began|beginning)(?:\s+date)?)?(?!\s+(?:plan|planning|order|panel|meeting|agreement|review|with|move|breakdown|ending|end|request|search|finding|referral|team|support))\b/i;

/** The next supervision: "the next supervision", "next case supervision". */
const ANCHOR_SUPERVISION_RE = /^(?:the\s+|your\s+)?(?:next|following|forthcoming|upcoming)\s+(?:(?:case|management|formal)\s+)?supervision\b/i;

/** A named event or meeting (FIXED_EVENT_SRC, SCHEDULED_MEETING_SRC, "the next contact"). */
const EVENT_START_RE = new RegExp(`^(?:the\\s+)?(?:${FIXED_EVENT_SRC}|${SCHEDULED_MEETING_SRC}|${NEXT_ONLY_EVENT_SRC})\\b`, 'i');

/** Counted from each occurrence of something ("of any missing episode", "of each contact"). */
const EACH_EVENT_RE = /^(?:each|every|any|all)\s+\w/i;
/** … of a meeting held on a schedule ("of each core group", "after every PEP meeting"): that series has dates. */
const EACH_MEETING_RE = new RegExp(`^(?:each|every|all)\\s+(?:of\\s+the\\s+)?(?:${SCHEDULED_MEETING_SRC})s?\\b`, 'i');

function fromRecord(date: IsoDate | undefined, event: string, field: string, length: number): AnchorInfo {
  if (date) return { kind: 'date', date, label: `${event} on ${formatUkDate(date)}`, length };
  return { kind: 'contingent', label: event, length, missing: field };
}

/** A meeting series ("each core group"): dated only for supervision, and only when the next one is on file. */
function eachMeeting(ctx: ScanContext, text: string, length: number): AnchorInfo {
  const label = text.replace(/\s+/g, ' ').trim();
  if (/supervision/i.test(label) && ctx.anchors.nextSupervision) return { kind: 'anchored', label, length };
  return { kind: 'contingent', label, length };
}

/** What `anchorText` (the words after "of", "before", "after" …) counts from, and whether the record dates it. */
export function classifyAnchor(ctx: ScanContext, anchorText: string): AnchorInfo {
  let m = ANCHOR_DOC_RE.exec(anchorText);
  if (m) {
    if (!ctx.doc) return { kind: 'anchored', label: `the date of this record (${NO_RECORD_DATE})`, length: m[0].length };
    return { kind: 'doc', date: ctx.doc, label: docLabel(ctx.anchors, ctx.doc), length: m[0].length };
  }
  if ((m = ANCHOR_LOOKED_AFTER_RE.exec(anchorText))) {
    return fromRecord(ctx.anchors.lookedAfterSince, 'the child becoming looked after', '`looked_after_since:`', m[0].length);
  }
  if ((m = ANCHOR_PLACEMENT_RE.exec(anchorText))) {
    return fromRecord(ctx.anchors.placementStart, 'the start of the placement', '`placement: start_date:`', m[0].length);
  }
  if ((m = ANCHOR_SUPERVISION_RE.exec(anchorText))) {
    return fromRecord(ctx.anchors.nextSupervision, 'the next supervision', '`next_supervision:`', m[0].length);
  }
  if ((m = ANCHOR_REVIEW_RE.exec(anchorText))) {
    const r = reviewTarget(ctx, m[1]!);
    if (r) return { kind: 'date', date: r.date, label: `${r.how}`, length: m[0].length };
    return { kind: 'anchored', label: m[0], length: m[0].length };
  }
  // A meeting, hearing or move with no date written is no anchor; a birthday or a school year is.
  if ((m = EVENT_START_RE.exec(anchorText))) return { kind: KNOWN_EVENT_RE.test(m[0]) ? 'anchored' : 'contingent', label: m[0], length: m[0].length };
  if ((m = EACH_MEETING_RE.exec(anchorText))) return eachMeeting(ctx, m[0], m[0].length);
  // Each occurrence of an incident or a change ("of any missing episode"): a standing rule, bounded each time.
  if (EACH_EVENT_RE.test(anchorText)) return { kind: 'anchored', label: anchorText.trim(), length: anchorText.length };
  return { kind: 'contingent', label: anchorText.trim(), length: anchorText.length };
}

/** "'within 10 days of the conference' counts from the conference, whose date is not in this record". */
export function undatedAnchorHow(phrase: string, anchor: AnchorInfo): string {
  const event = anchor.label.replace(/\s+/g, ' ').trim();
  const add = anchor.missing ? ` (add ${anchor.missing})` : '';
  return `'${phrase.replace(/\s+/g, ' ').trim()}' counts from ${event}, whose date is not in this record${add}`;
}
