/**
 * Events with a fixed or scheduled date: "by J's 16th birthday", "before the final hearing",
 * "at the next core group", "within statutory timescales".
 */
import { formatUkDate } from './calendar';
import { G_EVENT, G_NEXT, G_STATUTORY } from './gates';
import { type ScanContext, eachFreeMatch, push } from './scanCore';

/** Events with a date fixed in advance (birthdays, court hearings, school starts, a planned move). */
export const FIXED_EVENT_SRC =
  "(?:[a-z]+['’]s\\s+|his\\s+|her\\s+|their\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)|fifteenth|sixteenth|seventeenth|eighteenth|twenty[\\s-]?first|next)\\s+birthday" +
  "|(?:[a-z]+\\s+)?(?:turns|turning|reaches|reaching)\\s+(?:\\d{1,2}|fifteen|sixteen|seventeen|eighteen|twenty[\\s-]?one)" +
  '|(?:[a-z]+\\s+(?:and\\s+[a-z]+\\s+)?)?(?:final|next|interim|further|ico\\s+renewal|issues\\s+resolution|case\\s+management|fact[\\s-]finding|court|directions|placement\\s+order|sgo|adoption\\s+order)\\s+hearings?' +
  '|irh|fhdra|ifh|cmh|(?:next\\s+)?court\\s+(?:date|hearing|listing)|the\\s+hearing|final\\s+court\\s+date|proceedings\\s+(?:conclude|ending)|week\\s+26|26[\\s-]week\\s+(?:deadline|timescale|date)' +
  '|(?:the\\s+)?(?:start|beginning)\\s+of\\s+(?:the\\s+|her\\s+|his\\s+|their\\s+)?(?:new\\s+)?(?:placement|school|college|nursery|reception|year\\s+\\d{1,2}|secondary(?:\\s+school)?|university|apprenticeship|term|school\\s+year|academic\\s+year)' +
  '|(?:[a-z]+\\s+)?(?:starts?|starting|begins?|beginning|moves?\\s+(?:up\\s+)?to|moving\\s+(?:up\\s+)?to|transfers?\\s+to|transitions?\\s+to)\\s+(?:secondary|primary|high|a\\s+new|the\\s+new|her\\s+new|his\\s+new|new)?\\s*(?:school|college|nursery|year\\s+\\d{1,2}|reception|university|placement)' +
  '|(?:planned\\s+)?(?:placement|move|transition)\\s+(?:date|start(?:s|ing)?|begins?)|(?:the\\s+)?(?:planned\\s+)?move(?:\\s+to\\s+[a-z\\s]{1,30})?|(?:the\\s+|this\\s+|her\\s+|his\\s+)?(?:new\\s+)?placement(?:\\s+(?:starting|beginning|move|moves))?|(?:j|the\\s+child|[a-z]+)\\s+(?:moves|moving|being\\s+placed|is\\s+placed|was\\s+placed)\\b' +
  '|(?:j|the\\s+child|[a-z]+)\\s+(?:leaves?|leaving)\\s+care|leaving\\s+care|(?:the\\s+)?(?:baby[\'’]s\\s+|j[\'’]s\\s+)?birth\\b|(?:the\\s+)?birth\\s+of\\s+the\\s+baby|(?:the\\s+)?baby\\s+(?:is\\s+)?(?:born|due)|(?:the\\s+)?(?:expected\\s+)?due\\s+date|(?:the\\s+)?(?:end|expiry)\\s+of\\s+the\\s+(?:ico|interim\\s+care\\s+order|order|placement\\s+agreement|section\\s+20)';
/** Meetings held on a schedule (the next supervision, the first core group, a PEP meeting, a panel). */
export const SCHEDULED_MEETING_SRC =
  '(?:next\\s+|forthcoming\\s+|upcoming\\s+|following\\s+|first\\s+|second\\s+|initial\\s+)?(?:(?:team\\s+|management\\s+|case\\s+)?supervision|core\\s+group(?:\\s+meeting)?|cin\\s+(?:meeting|review)|child\\s+in\\s+need\\s+(?:meeting|review)|pep(?:\\s+(?:meeting|review))?|personal\\s+education\\s+plan\\s+(?:meeting|review)|professionals[\'’]?\\s+meeting|network\\s+meeting|strategy\\s+(?:meeting|discussion)|(?:adoption|fostering|matching|permanence|resource|placement|care|legal|gateway|tracking)\\s+panel|panel(?:\\s+date)?|legal\\s+planning\\s+meeting|lpm|plo\\s+meeting|(?:lac|cla|initial|review)\\s+health\\s+assessment|(?:lac|cla)\\s+medical|health\\s+assessment|rha|iha|ehcp(?:\\s+annual)?\\s+review|annual\\s+review|transition\\s+(?:meeting|review|planning\\s+meeting)|pathway\\s+plan(?:\\s+review)?|disruption\\s+meeting|stability\\s+meeting|family\\s+group\\s+conference|fgc|child\\s+protection\\s+conference|(?:icpc|rcpc)|review\\s+child\\s+protection\\s+conference|(?:(?:initial|review)\\s+)?(?:cp|child\\s+protection)\\s+(?:conference|review)|(?:[a-z]+\\s+){1,2}?(?:meeting|conference)|permanence\\s+planning\\s+meeting|placement\\s+planning\\s+meeting)';
/** "the next contact", "the next visit": a meeting named by its place in a series. */
export const NEXT_ONLY_EVENT_SRC =
  "next\\s+(?:[a-z'’-]+\\s+){0,3}?(?:contact(?:\\s+session)?|visit|appointment|session|meeting|panel|conference|supervision|hearing|core\\s+group|group)";

// Fixed and scheduled events: "by J's 16th birthday", "before the final hearing", "at the next core group"

const EVENT_RE = new RegExp(
  `(?<![\\w])(by|before|prior\\s+to|ahead\\s+of|in\\s+time\\s+for|until|till|no\\s+later\\s+than|in\\s+(?:readiness|preparation)\\s+for|for|at|when|on)\\s+(?:the\\s+)?(?:(${FIXED_EVENT_SRC})|(${SCHEDULED_MEETING_SRC})|(${NEXT_ONLY_EVENT_SRC}))(?![\\w])`,
  'gi',
);
const NEXT_EVENT_RE = new RegExp(`(?<![\\w])(?:(?:next|forthcoming|upcoming)\\s+${SCHEDULED_MEETING_SRC}|${NEXT_ONLY_EVENT_SRC}|next\\s+(?:court\\s+)?hearing)(?![\\w])`, 'gi');
const STATUTORY_RE =
  /(?<![\w])(?:within|in\s+line\s+with|in\s+accordance\s+with|as\s+per|per|to|meeting|by)\s+(?:the\s+)?statutory\s+(?:timescales?|timeframes?|time\s+limits?|deadlines?|requirements?|intervals?)(?![\w])/gi;

/**
 * Events whose date follows from facts on the child's file, not from anyone's diary: a birthday,
 * reaching an age, the 26-week limit, the start of a school year or phase. Everything else
 * EVENT_RE reads (a meeting, a panel, a conference, a hearing, a move, a birth) has no date
 * unless one is written with it ("before the final hearing on 12/06/2025").
 */
export const KNOWN_EVENT_RE =
  /birthday|(?:turns|turning|reaches|reaching)\s|week\s+26|26[\s-]week|(?:start|beginning)\s+of\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:school\s+year|academic\s+year|term|year\s+\d|secondary|reception|university|college)|(?:starts?|starting|begins?|beginning|moves?\s+(?:up\s+)?to|moving\s+(?:up\s+)?to|transfers?\s+to|transitions?\s+to)\s+(?:secondary|primary|high|year\s+\d|reception|university|college)/i;

/** Why a named meeting or event with no written date is not a timescale. */
export function undatedHow(phrase: string, meeting: boolean): string {
  return `'${phrase.replace(/\s+/g, ' ').trim()}' names ${meeting ? 'a meeting' : 'an event'} whose date is not in this record`;
}

/** The next supervision, which a supervision record dates (`next_supervision:`): "by next supervision". */
const SUPERVISION_RE = /^(?:(?:the\s+)?(?:next|following|forthcoming|upcoming)\s+)?(?:case\s+|management\s+)?supervision$/i;

/** A named meeting that this record dates: pushes its date and returns true. */
function datedMeeting(ctx: ScanContext, meeting: string, start: number, end: number): boolean {
  const next = ctx.anchors.nextSupervision;
  if (!next || !SUPERVISION_RE.test(meeting.trim())) return false;
  push(ctx, { start, end, kind: 'date', date: next, how: `the next supervision, on ${formatUkDate(next)}`, relative: true, cue: 'deadline', explicit: false, event: true });
  return true;
}

export function scanEvents(ctx: ScanContext): void {
  eachFreeMatch(ctx, EVENT_RE, ctx.mask & G_EVENT, (m, start, end) => {
    const cue = m[1]!.toLowerCase();
    // "for / at / when / on" only before a named fixed event or a meeting, never before "the next contact".
    const hearing = /hearing|irh|fhdra|ifh|cmh|court/i.test(m[2] ?? '');
    if ((cue === 'for' || cue === 'at') && !(m[3] || m[4] || hearing)) return;
    if (cue === 'on' && !(hearing || /birthday/i.test(m[0]))) return;
    if (cue === 'when' && !m[2]) return;
    if (m[3] !== undefined && datedMeeting(ctx, m[3], start, end)) return;
    // Only an event whose date is fixed by the child's age or the school year is a known anchor;
    // a meeting, a hearing or a move has a date only when one is written with it (mergeEventDates).
    if (m[2] !== undefined && KNOWN_EVENT_RE.test(m[2])) {
      push(ctx, { start, end, kind: 'anchored', how: m[0].replace(/\s+/g, ' '), relative: true, cue: 'deadline', explicit: false, event: true });
    } else {
      push(ctx, { start, end, kind: 'contingent', how: undatedHow(m[0], m[2] === undefined), relative: true, cue: 'deadline', explicit: false, event: true });
    }
  });
  if (ctx.field) {
    eachFreeMatch(ctx, NEXT_EVENT_RE, ctx.mask & G_NEXT, (m, start, end) => {
      if (datedMeeting(ctx, m[0], start, end)) return;
      push(ctx, { start, end, kind: 'contingent', how: undatedHow(m[0], true), relative: true, cue: 'deadline', explicit: false, event: true });
    });
  }
  eachFreeMatch(ctx, STATUTORY_RE, ctx.mask & G_STATUTORY, (m, start, end) => {
    push(ctx, { start, end, kind: 'anchored', how: `${m[0].trim()} (the statutory deadline for this task)`, relative: true, cue: 'deadline', explicit: false });
  });
}

// ---------------------------------------------------------------------------------------------
