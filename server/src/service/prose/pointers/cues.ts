/**
 * The cues that send a reader to another document, grouped by how they send, and the checks that
 * tell a cue from the same words used otherwise. Every alternation is built from the lists below,
 * and each entry carries a sentence it exists for: a test finds the pointer in it, and finds no
 * cue there once the entry is taken out.
 */
import { isSpace, sentenceStart } from './text';
import { endsWithDocumentWord } from './targets';

export type CueKind = 'previously' | 'look' | 'send' | 'locate' | 'weak' | 'according' | 'attached' | 'onfile' | 'subject' | 'fordetail';

/** A cue as a regex source (a space stands for any run of white space) and a sentence it is there for. */
export interface CueEntry {
  src: string;
  example: string;
}

const alt = (xs: readonly CueEntry[]): string => xs.map((x) => x.src.replace(/ /g, '\\s+')).join('|');

/** "in", unless it opens a cue of its own: "read in conjunction with", "is in line with". */
const IN_NOT_OPENING_CUE = 'in(?! (?:conjunction|line|accordance|keeping|compliance) with\\b)';

/** The document is this one's past, or another part of it. */
const PREVIOUSLY: CueEntry[] = [
  {
    src: 'as (?:previously|already|earlier) (?:recorded|noted|documented|reported|stated|minuted|set out|outlined|detailed|described)',
    example: 'Contact arrangements are as previously recorded.',
  },
  { src: 'as (?:recorded|noted|stated|minuted|documented|mentioned|detailed|outlined) (?:above|below|previously|earlier|before)', example: 'Health needs are as noted above.' },
  { src: 'see (?:above|below|overleaf)', example: 'For the contact arrangements, see above.' },
  // committee minutes name the earlier minute that holds the matter: "(Minute No. 37 refers)"
  // (numbered as the committee numbers them: "Minute No. 37", "minute CPP/13/10 above also refers")
  { src: '(?:minute|item) (?:no\\.? ?)?[a-z]{0,4}/?\\d+(?:[/.]\\d+)*[a-z]? (?:(?:above|below) )?(?:also )?refers(?=\\s*(?:[).;]|$))', example: 'The Chair admitted further information on external placements. (Minute No. 37 refers)' },
];

/** Imperatives that send the reader to look; cues only where an imperative can stand (lookLeadOk). */
const LOOK: CueEntry[] = [
  { src: '(?:please )?(?:also )?see(?: also)?', example: 'See also Public Law Outline Procedure.' },
  { src: '(?:please )?view', example: 'View the Integrated Children’s System Pathway Plan' },
  { src: '(?:please )?click(?: here| on| to (?:view|access|read|open|see|download))?', example: 'Click here to view Care Plan Review Cycle.' },
  // "find out more" sends the reader on: "Find out more here", "find out more: the Local Offer"
  // (first, so the longer form wins) past what it is about to where: "Find out more about language and children in care in our blog"
  { src: '(?:please )?find out more about [^.;!?]{1,60}? (?:in|on|at|from)(?= (?:the|our|this|their|a|an) )', example: 'Find out more about language and children in care in our Why language matters blog.' },
  { src: '(?:please )?find out more', example: 'Find out more here.' },
  // not "should be read": that is said of a document before it (OF_SUBJECT)
  { src: '(?:please )?read(?<!\\bbe read)', example: 'Please read the page on PEP Statuses for more detail.' },
  { src: '(?:please )?visit', example: 'To view this licence, visit www.example.org/licence.' },
  { src: '(?:please )?consult', example: 'Consult the Fostering Handbook for the allowances.' },
  { src: '(?:please )?go to', example: 'Go to the downloads page for the consent form.' },
  { src: '(?:please )?search', example: 'Search the national repository for the published reviews.' },
  { src: '(?:references?|sources?|further reading|related guidance)\\s*:', example: 'Reference: The IRO Handbook: Chapter 6, Dispute Resolutions and Complaints' },
];

/** Cues that send the reader from anywhere in a sentence. */
const SEND: CueEntry[] = [
  // "referred to as" names something; it sends nowhere
  { src: '(?:please )?(?:also )?refer(?:red)? to(?! as\\b)', example: 'Please also refer to the Pre-Birth Flowchart.' },
  // the audience sent to read: "The Head of Service referred the Committee to the scorecard" (not "referred the family to the clinic")
  { src: '(?:refer(?:red|s)?|directed) (?:the )?(?:committee|sub-committee|panel|board|members|meeting|forum|cabinet|councillors|conference) to', example: 'The Head of Service referred the Committee to the scorecard attached to the agenda.' },
  { src: 'in conjunction with', example: 'It should be read in conjunction with the Court Proceedings Procedure.' },
  // the reader may be named between: "you will read this paper alongside the marked up copy of the Act"
  { src: "alongside(?<=(?:read|considered|viewed|used|seen|taken)(?: (?:this|these|the|that|it|them)(?: [a-z'-]+){0,2})? alongside)", example: 'This plan is read alongside the health plan.' },
  { src: 'together with(?<=(?:read|considered|used) together with)', example: 'This record is read together with the contact plan.' },
  { src: 'as per', example: 'Targets will be reviewed as per the PEP.' },
  { src: "per(?= (?:the|his|her|their|j's) )", example: 'Contact will continue per the contact plan.' },
  { src: 'in (?:line|accordance|keeping|compliance) with', example: "The exclusion has to be in accordance with the school's behaviour policy." },
  // "in a manner consistent with the child's Care Plan": how it is done is left to the plan
  // told to do what a document says: "improvements would need to follow the latest government guidance", "Mother to follow the safety plan"
  { src: 'follow(?<=\\b(?:to|must|should|will|shall|would|always) follow)(?! (?:up|on|through)\\b)', example: 'Improvements would need to follow the latest government guidance on safeguarding.' },
  { src: 'in a (?:manner|way) consistent with', example: "Contact should be maintained in a manner consistent with the child's care plan." },
  { src: '(?:reference|regard) (?:should|must|will|is to|needs to) be (?:made|had) to', example: 'Reference should be made to the Fostering Handbook.' },
  // told to know a document: "should be aware of the local policies and procedures" ("is aware of" is a state)
  { src: '(?:aware of|familiar with)(?<=(?:should|must|need to|needs to) be (?:aware of|familiar with))', example: 'Carers should be familiar with the Fostering Handbook.' },
  // told to take account of a document: "the IRO should note the Law Society guidance"
  // not a committee "asked to note the report": receiving it is the business of the meeting, an action on the document
  { src: 'note(?<=\\b(?:should|must|shall|will|to|please|also) note)(?<!\\b(?:asked|invited|requested|recommended) to note)(?! (?:that|of|down)\\b)', example: 'The IRO should note the Law Society guidance on solicitors at meetings.' },
  // a judge taking another text's findings as this one's
  // the word first, then the look back: a leading look-behind would be tried at every position
  { src: 'adopt(?<=\\b(?:i|we) adopt)', example: 'I adopt my judgment from the fact-finding hearing for this final hearing.' },
  // the reader told where they will find it: "You can also find safeguarding guidance on the partnership's website"
  // and past what they will find to where: "You can find more information about foster carers in 'Fostering Services'"
  { src: 'find(?<=\\b(?:can|could|will|may|might) (?:also )?find)(?: (?:more |further |full |additional )?(?:information|details?|advice)(?: (?:about|on|regarding|for) [^.;!?]{1,60}?)? (?:in|on|at|within)(?= ))?', example: "You can also find safeguarding guidance on the partnership's website." },
];

/** Cues saying where the detail is. */
const LOCATE: CueEntry[] = [
  {
    src: '(?:as )?(?:detailed|outlined|set out|recorded|documented|described|noted|stated|specified|explained|summari[sz]ed|covered|contained|included|reflected|captured|listed|identified|laid out|highlighted|given|provided|kept|written up|minuted|available|defined) (?:in|within|at|on)',
    example: 'The admission requirements for children in care are set out in the School Admissions Code.',
  },
  // two verbs for one place: "details of which were set out and considered in the joint report"
  {
    src: '(?:detailed|outlined|set out|recorded|documented|described|explained|summari[sz]ed|listed) and (?:considered|discussed|explained|described|summari[sz]ed|explored|reported|presented) (?:in|within)',
    example: 'Details of the options were set out and considered in the joint report.',
  },
  {
    src: `(?:can|could|may|will|are to|is to) be (?:found|seen|read|located|accessed|viewed|downloaded) (?:${IN_NOT_OPENING_CUE}|within|at|on|from|here)`,
    example: 'All relevant PEP Forms can be found in the Forms Library.',
  },
  { src: 'evident (?:from|in)', example: 'Her progress is evident from the most recent assessment.' },
  // back to a document just named: "learning from them has been incorporated as outlined therein"
  { src: '(?:as )?(?:outlined|set out|detailed|described|stated|recorded|explained|listed) therein', example: 'Learning from the disruption minutes has been incorporated as outlined therein.' },
  // a link, at the end of the sentence: "The IRO's view of the revised plan is set out here."
  { src: '(?:set out|detailed|outlined|described|recorded|explained|summari[sz]ed) here(?=\\s*(?:[.;!)]|$))', example: "The IRO's view of the revised plan is set out here." },
  // what a term means, or what a duty is, left to the law or guidance that sets it: "harm as defined by the Children First Act"
  { src: '(?:as )?(?:defined|covered|governed) by', example: "This includes any concern that reaches the threshold of harm as defined by the Children First Act." },
  // reached through something else: "available via the link", "accessible through the county website"
  { src: '(?:available|accessible|obtainable) (?:via|through|from)', example: 'Additional statistics for this dataset are available via the national database.' },
  // "available here" is a link; "under" only where the reader is told where to look
  { src: 'available here(?<=\\b(?:is|are) available here)', example: 'The help sheet on tax relief for foster carers is available here.' },
  { src: '(?:available|found|listed|located) under(?<=(?:is|are|be) (?:available|found|listed|located) under)', example: 'A glossary of definitions is available under the resource tab.' },
  // verbs that also go with a meeting ("presented at panel", "discussed at the review"): only "in" a document
  {
    src: '(?:as )?(?:shown|evidenced|reported|illustrated|presented|discussed|explored|addressed|mentioned|referenced|cited|agreed|recommended|advised|confirmed|indicated|stipulated|directed|requested) (?:in|within)',
    example: 'The concerns are as shown in the chronology.',
  },
  // a page of the papers: "details of the duties were shown at the bottom of page 33"
  { src: '(?:shown|given|set out|detailed|listed) (?:at|on)(?: the (?:bottom|top|foot|end|start|back) of)?(?= (?:page|paragraph|section|appendix|annex|tab) ?\\d)', example: 'Details of the statutory duties were shown at the bottom of page 33.' },
  // a link is a document elsewhere, whatever it is called
  { src: '(?:via|using|through|following|follow|use|at) (?:the|this) (?:following )?link', example: 'The consent form can be downloaded using the link below.' },
  // "further details" before "see" leaves the pointing to the "see"
  { src: '(?:further|more|full|fuller|additional) (?:details?|information|guidance)(?!,? (?:please )?see\\b)', example: 'Further details of the arrangements are in the contact plan.' },
];

/** Weak cues: too common to take an unknown phrase as a document, so only a known type follows. */
const WEAK: CueEntry[] = [
  { src: '(?:details?|information)\\b[^.;!?]{0,60}?\\b(?:is|are) (?:in|within|at)', example: 'Information about her diet is in the health plan.' },
  { src: `(?:is|are) (?:${IN_NOT_OPENING_CUE}|within)`, example: 'The contact arrangements are in the contact plan.' },
  // a page of a bundle or a part of a document: "The parenting assessment is at E45", "is at tab 5" ("is at school" is not)
  { src: '(?:is|are) at(?= (?:[a-z]{1,2}\\d|tab \\d|pages? \\d|appendix|annex|section \\d|paragraph \\d))', example: "The guardian's analysis is at tab 5." },
  // only after a word for detail ("more information is on the school's website"): "is on a plan" is a status
  { src: '(?:is|are) on', example: "More information is on the school's website." },
];

/** A pointer, or a citation when the sentence states the fact. */
const ACCORDING: CueEntry[] = [{ src: 'according to', example: 'His needs are met according to the care plan.' }];

/** Documents sent with this one. */
const ATTACHED: CueEntry[] = [
  { src: 'attached', example: 'The chronology is attached as Appendix 2.' },
  { src: 'enclosed', example: 'The chronology is enclosed.' },
  { src: '(?:please )?find (?:attached|enclosed)', example: 'Please find attached the parenting assessment.' },
  { src: 'appended', example: 'The chronology is appended to these minutes.' },
  { src: 'annexed', example: 'The agreed threshold document is annexed.' },
  { src: '(?:appendix|annex) [0-9a-z]{1,3}\\b', example: 'The contact schedule is at Appendix B.' },
  { src: "(?:appendix|annex) ['‘\"“][0-9a-z]{1,3}['’\"”]", example: "A copy of the report appears as Appendix 'B' to these minutes." },
  { src: 'separately(?<=(?:submitted|sent|provided|filed|circulated|distributed|available|covered|dealt with|addressed) separately)', example: 'The chronology is submitted separately.' },
];

/**
 * What is said of a document named before the cue, that leaves its content there. Entries here and
 * above start with their own word and look back for the verb: a cue opening with "is" or "must"
 * would be tried at every such word of every text.
 */
const OF_SUBJECT: CueEntry[] = [
  // said to exist, with no place given
  { src: 'available(?=\\s*(?:[.;]|$))', example: 'There is a summary of the changes available.' },
  // a link, where the document is the subject: "Anyway, the report is here :-"
  { src: 'here(?<=\\b(?:is|are) here)(?=\\s*(?:[.;:!)]|-|$))', example: 'Anyway, the report is here :-' },
  // to be followed: what to do is in it
  { src: '(?:followed|complied with|adhered to)(?<=(?:must|should|will|shall|is to|are to|needs? to) be (?:followed|complied with|adhered to))', example: 'The guidance in Chapter 6 of these procedures must be followed.' },
  // to be read: what is meant is in it ("For a full understanding of K's needs the psychological assessment should be read")
  // only where the clause ends: "should be read in conjunction with …" is a cue of its own, "read to Mother" is not this
  { src: 'read(?<=(?:must|should|will need to|needs? to) be read)(?=\\s*(?:[.;:,!?)]|$| in full\\b| first\\b))', example: "For a full understanding of K's attachment needs the psychological assessment (May 2025) should be read." },
];

/** The detail kept elsewhere: "is held on file" (a state; "must be kept on file" is an instruction). */
const ON_FILE: CueEntry[] = [
  {
    src: "(?<=\\b(?:is|are|remains?|was|were) (?:\\w+ )?)(?:(?:held|kept|retained|available) )?on (?:the )?(?:[a-z']+ ){0,2}file",
    example: 'The outcome of the strategy discussion is held on file.',
  },
];

/**
 * What the reader will find, said after the document it is in: "(Appendix C for information on the
 * contact schedule)", "the PEP for further details of his targets". Not "shared for information":
 * the detail must be named ("on …") or qualified ("further").
 */
const FOR_DETAIL: CueEntry[] = [
  { src: 'for (?:more|further|full|fuller|additional|specific) (?:details?|information|guidance)', example: 'Section 4 of the care plan for further details of the contact schedule.' },
  { src: 'for (?:the )?(?:details?|information|guidance)(?= (?:on|about|of|regarding)\\b)', example: '(Section 3 for information on preparing a chronology)' },
];

export const CUE_GROUPS: ReadonlyArray<readonly [CueKind, readonly CueEntry[]]> = [
  ['previously', PREVIOUSLY],
  ['look', LOOK],
  ['send', SEND],
  // before LOCATE, so "is kept on file" is read as a state of the file, not "kept on" + a document
  ['onfile', ON_FILE],
  ['locate', LOCATE],
  ['weak', WEAK],
  ['according', ACCORDING],
  ['attached', ATTACHED],
  ['subject', OF_SUBJECT],
  ['fordetail', FOR_DETAIL],
];

/** One scan for every cue, a capture group per kind, on lower-cased text (so no `i` flag: faster). */
export function cueRegex(groups: ReadonlyArray<readonly [CueKind, readonly CueEntry[]]>): RegExp {
  // one word-boundary test for all the groups, not one per group at every position
  return new RegExp(`\\b(?:${groups.map(([, xs]) => (xs.length ? `(${alt(xs)})(?![\\w-])` : '(?!)()')).join('|')})`, 'g');
}

export let CUE_RE = cueRegex(CUE_GROUPS);

/** Builds the scan again after the lists changed (test/quality/pointerLoso.ts takes entries out one by one). */
export function resetCueTables(): void {
  CUE_RE = cueRegex(CUE_GROUPS);
}

/** The kind of a CUE_RE match, from which group matched. */
export function cueKind(m: RegExpExecArray): CueKind | undefined {
  for (let g = 0; g < CUE_GROUPS.length; g++) if (m[g + 1] !== undefined) return CUE_GROUPS[g][0];
  return undefined;
}

/** Cheap first look at the whole text: no cue word and no reporting verb, no pointer. */
export const PREFILTER =
  /\b(?:see|view|click|read|visit|find|accessible|obtainable|consult|go to|references?|sources?|refer(?:red|s)?|per|conjunction|alongside|together|line with|accordance|keeping|compliance|according|detailed|outlined|set out|recorded|documented|described|noted|stated|specified|explained|summari[sz]ed|covered|contained|included|reflected|captured|listed|identified|laid out|highlighted|given|provided|kept|written up|minuted|available|defined|governed|consistent|found|seen|located|accessed|viewed|downloaded|evident|further|more|full|fuller|additional|details?|information|guidance|is in|are in|is on|are on|attached|shown|evidenced|illustrated|presented|discussed|explored|addressed|mentioned|referenced|cited|agreed|recommended|advised|confirmed|indicated|stipulated|directed|requested|made to|had to|link|note|overleaf|annexed|is at|are at|search|aware of|familiar with|enclosed|appended|adopt|separately|followed|follow|complied|adhered|appendix|appendices|annex|file|previously|above|below|shows?|showed|confirm(?:s|ed)|records|says|said|reports?|reported|conclude[sd]?|recommend(?:s|ed)|indicate[sd]?|was|were|came back|outlines?|sets? out|describes?|explains?|contains?|lists?|covers?|summari[sz]es|specifies|documents|provides|gives)\b/i;

const LEAD_PUNCT = /^[(\[,:\-–—"'‘“>•*]$/;

/** A fronted "for …" phrase saying what the reader will find: "For details see …", "For guidance regarding frequency of contact, see …". */
const FOR_LEAD_RE =
  /^\s*(?:[-*•]\s*)?(?:and\s+)?for\s+(?:(?:(?:more|further|full|fuller|additional|the|specific)\s+)?(?:details?|information|info|guidance|arrangements)(?:\s+(?:on|about|of|regarding|in relation to|for)\s+[^;:()]{1,80}?)?|(?:a\s+|the\s+)?cop(?:y|ies)(?:\s+of\s+[^;:()]{1,60}?)?|(?:the|his|her|their|j's|[a-z]+'s)\s+(?:[a-z'-]+\s+){0,2}[a-z'-]+)\s*,?\s*(?:please\s+)?$/;

/**
 * An imperative stands at the start of a sentence, after punctuation or an opening bracket, or
 * after a fronted "for …": "(see Court Proceedings Procedure)", "For details, see …".
 */
export function lookLeadOk(lower: string, sStart: number, cueStart: number, cue: string): boolean {
  // "please …" is an imperative wherever it stands, and "see also" a cross-reference ("1.2 Pre-birth Assessments See also: …")
  if (cue.startsWith('please') || /^see\s+also\b/.test(cue)) return true;
  let i = cueStart - 1;
  while (i >= sStart && isSpace(lower.charCodeAt(i))) i--;
  if (i < sStart || LEAD_PUNCT.test(lower[i])) return true;
  if (cueStart - sStart <= 120 && FOR_LEAD_RE.test(lower.slice(sStart, cueStart))) return true;
  // or after an opening bracket: "… presented the annual report (for copy of report see file of minutes)"
  // (looked for over those 80 characters only: a text of many cues stays linear)
  let open = cueStart - 1;
  const floor = Math.max(sStart, cueStart - 80);
  while (open >= floor && lower.charCodeAt(open) !== 40) open--;
  return open >= floor && FOR_LEAD_RE.test(lower.slice(open + 1, cueStart));
}

/**
 * An instruction to write something down ("must be recorded on the child's file", "this should be
 * noted in the Plan", "should not be appended", "will be explained to the parents and set out in the
 * contact agreement", "agreed that further clarification be provided in the minutes") says where
 * this record's content goes, not that its detail is elsewhere.
 */
const INSTRUCTION_LEAD =
  /\b(?:must|should|shall|will|would|can|could|may|might|to|needs? to|needed to|ha(?:s|ve|d) to|is to|are to)\s+(?:not\s+)?(?:(?:also|then|always|normally|clearly|promptly|routinely|each|all|only|be\s+fully)\s+)?be\s+(?:[a-z]+ly\s+)?(?:[a-z]+(?:\s+[^.;:]{1,50}?)?,?\s+and\s+)?$|\b(?:ensure|ensures|make\s+sure|check)\s+(?:that\s+)?[^.;:]{0,40}?\b(?:is|are)\s+$|\b(?:agreed|resolved|requested|asked|recommended|proposed|directed)\s+that\s+(?:[a-z'-]+\s+){1,5}be\s+(?:[a-z]+ly\s+)?$/;
const RECORDING_CUE = /^(?:as\s+)?(?:recorded|documented|noted|included|kept|written up|minuted|placed|reflected|set out|detailed|captured|listed|outlined|specified|summari[sz]ed|described|stated|contained|covered|given|provided|attached|enclosed|appended|available|addressed|evidenced|discussed|explored|shown)\b/;

export function isInstructionToRecord(lower: string, sStart: number, cueStart: number, cue: string): boolean {
  if (!RECORDING_CUE.test(cue)) return false;
  return INSTRUCTION_LEAD.test(lower.slice(Math.max(sStart, cueStart - 90), cueStart));
}

/** "This publication is available at …", "These minutes are kept on …": where this document itself is. */
const SELF_WORDS = [
  'publication', 'report', 'document', 'chapter', 'guidance', 'guide', 'handbook', 'manual', 'framework', 'plan', 'minutes',
  'record', 'leaflet', 'protocol', 'procedure', 'policy', 'form', 'booklet', 'judgment', 'judgement', 'page', 'website',
  'section', 'briefing', 'statement', 'assessment', 'agreement', 'summary',
].join('|');
const THIS_DOCUMENT_SUBJECT = new RegExp(
  // the cue is this document's own predicate: "This publication is available at", not "This framework is informed by the guidance set out in"
  `^[\\s\\-*•(]*(?:this|these)\\s+(?:[a-z'-]+\\s+){0,2}?(?:${SELF_WORDS})s?(?:\\s+(?:is|are|was|were|can|will|may|has|have)\\b(?:\\s+[a-z'-]+){0,2}\\s*$|\\s*$)`,
);

export function isAboutThisDocument(lower: string, sStart: number, cueStart: number): boolean {
  return THIS_DOCUMENT_SUBJECT.test(lower.slice(sStart, cueStart));
}

/**
 * "For reasons that I set out within my judgment": the writer's own text, where the reader already
 * is. "As I noted in my last report" is an earlier one, so a word for another time keeps it a pointer.
 */
const WRITER_BEFORE = /\b(?:i|we)\s+(?:have\s+|had\s+|will\s+|shall\s+|would\s+)?(?:also\s+)?$/;
const WRITERS_OWN_AFTER = /^\s*(?:my|our)\s+(?!(?:[a-z'-]+\s+){0,2}?(?:last|previous|earlier|first|second|third|other|separate|initial|addendum)\b)/;

export function isWritersOwn(lower: string, sStart: number, cueStart: number, cueEnd: number): boolean {
  const after = lower.slice(cueEnd, cueEnd + 60);
  // "my report of 3 March" is dated, so it is another one
  const dated = /^[^,.;]*?\b(?:of|dated|from|on)\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d)/.test(after);
  return !dated && WRITER_BEFORE.test(lower.slice(Math.max(sStart, cueStart - 30), cueStart)) && WRITERS_OWN_AFTER.test(after);
}

/**
 * "I have read all of the evidence contained in the Court Bundles": what the writer read or weighed
 * to write this, not somewhere the reader is sent.
 */
const WRITER_READ_BEFORE = /\b(?:i|we)\s+(?:have\s+|had\s+)?(?:also\s+|carefully\s+)?(?:read|considered|reviewed|examined|studied|looked\s+at)\b[^.;!?]{0,60}$/;

export function isWhatWriterRead(lower: string, sStart: number, cueStart: number): boolean {
  return WRITER_READ_BEFORE.test(lower.slice(Math.max(sStart, cueStart - 90), cueStart));
}

/** "A copy is kept on file": the record of the thing is filed, not its detail left elsewhere. */
const FILED_THING = /\b(?:cop(?:y|ies)|originals?|a record|the record|records|forms?|this|these|it|they)\s+(?:\S+\s+){0,2}$/;

export function onFileIsState(lower: string, sStart: number, cueStart: number): boolean {
  const before = lower.slice(Math.max(sStart, cueStart - 40), cueStart);
  if (FILED_THING.test(before)) return false;
  // "The letter is kept on the social work file": where a document is kept, not detail left elsewhere
  return !endsWithDocumentWord(before.replace(/\b(?:is|are|remains?|was|were)\s+(?:\w+\s+)?$/, ''));
}

/** "attached" etc. send only as "attached as / to the minutes / below", at a clause end, or after "the"/"see". */
export function attachedSends(lower: string, sStart: number, cueStart: number, cueEnd: number): boolean {
  const after = lower.slice(cueEnd, cueEnd + 30);
  const before = lower.slice(Math.max(sStart, cueStart - 12), cueStart);
  return (
    /^\s*(?:as|at|to\s+(?:this|these|the|my|her|his)\s+(?:minutes|report|record|review|plan|document|judgment|judgement|statement)|herewith|hereto|below|separately|with)\b/.test(after) ||
    /^\s*(?:[.;,)]|$)/.test(after) ||
    /\b(?:the|see)\s+$/.test(before)
  );
}

/** The words before something that still leave it opening its sentence: a bullet, "and", "also". */
export const OPENING_LEAD_RE = /^[\s\-*•(]*(?:and\s+|but\s+|also\s+)?$/;

/** Whether the cue sits where the document it names would be its own sentence's start. */
export function cueOpensSentence(lower: string, cueStart: number, floor: number): boolean {
  return OPENING_LEAD_RE.test(lower.slice(sentenceStart(lower, cueStart, floor), cueStart));
}
