/**
 * Word lists behind the expectation analysis. They classify the *parts* of a verb phrase (the verb,
 * its object); the decision is made from the parts, never from a list match alone.
 */

/**
 * How a verb bears on "could a visitor see, count or hear it":
 * - action: a concrete act (observable unless its object is vague)
 * - abstract: an attitude, aim or inner state (engage, understand, improve)
 * - process: taking part in something (attend, complete) — observable only when scheduled
 * - copula: being, not doing (be, remain) — observable only with a place and time, or a tested state
 * - transparent: look through to the next verb (continue to, keep -ing, stop -ing)
 * - ensure: takes a clause whose verb is judged instead (ensure J is in bed by 8pm)
 * - show: observable with a concrete object ("show the red book"), abstract with a clause ("show she can")
 */
export type VerbClass = 'action' | 'abstract' | 'process' | 'copula' | 'transparent' | 'ensure' | 'show';

const ACTION = `get take bring collect drop pick walk drive go come arrive leave return visit meet phone call ring
text email message tell inform notify report answer open close shut lock unlock put place store keep hold
carry hand give pay buy cook prepare make feed bath bathe wash dress change clean clear tidy empty hoover
vacuum sterilise sterilize sleep wake read write record sign fill register book apply move remove install
fit switch turn use test breathalyse provide sit stand play eat drink smoke shout argue hit smack swear
check weigh measure allow let have do see watch speak talk say ask reply wait avoid supervise lift hold
attend? top transfer set establish find offer send share show? post bring attend? plan? log note
breastfeed bottle-feed brush cut label throw lay fix repair pack charge wear bring`;

const ABSTRACT = `engage work cooperate co-operate comply accept maintain sustain prioritise prioritize address
manage improve reduce demonstrate recognise recognize understand learn realise realize acknowledge reflect
consider appreciate value respect develop build strengthen enhance increase minimise minimize lessen tackle
overcome resolve deal cope handle protect safeguard promote encourage nurture support respond attune bond
commit prove know think believe want wish utilise utilize implement adhere follow listen communicate
empower adapt adjust strive endeavour seek access evidence embed foster value progress monitor
limit control regulate prevent nurture role-model model challenge explore identify expose`;

const PROCESS = 'attend complete undertake participate enrol enroll finish';
const COPULA = 'be remain become seem appear feel stay act';
const TRANSPARENT = 'continue start begin try aim stop carry';
const ENSURE = 'ensure';
const SHOW = 'show';

export const VERB_CLASS: ReadonlyMap<string, VerbClass> = (() => {
  const m = new Map<string, VerbClass>();
  const add = (list: string, cls: VerbClass) => {
    for (const w of list.split(/\s+/)) if (w && !w.endsWith('?')) m.set(w, cls);
  };
  add(ACTION, 'action');
  add(ABSTRACT, 'abstract');
  add(PROCESS, 'process');
  add(COPULA, 'copula');
  add(TRANSPARENT, 'transparent');
  add(ENSURE, 'ensure');
  add(SHOW, 'show');
  return m;
})();

/** Multi-word phrases that override the head verb (checked at the verb position, lower case). */
export const PHRASE_CLASS: readonly [RegExp, VerbClass][] = [
  [/^(?:make|making|made|makes) sure\b/, 'ensure'],
  [/^(?:see|check)s? (?:to it )?that\b/, 'ensure'],
  [/^(?:stay|stays|staying|keep|keeps|keeping) away from\b/, 'action'],
  [/^(?:take|takes|taking|took) (?:on board|responsibility|ownership|account|steps|action|the lead|control|heed|care)\b/, 'abstract'],
  [/^(?:put|puts|putting) \S+(?: \S+)? first\b/, 'abstract'],
  [/^(?:turn|turns|turning) (?:\S+ ){1,2}around\b/, 'abstract'],
  [/^(?:get|gets|getting) on top of\b/, 'abstract'],
  // "sort out his housing": an aim with no act
  [/^(?:sort|sorts|sorting) out\b/, 'abstract'],
  // "keep the social worker updated": telling, with no schedule (judged like "communicate")
  [/^(?:keep|keeps|keeping) (?:\S+ ){1,3}(?:informed|updated|up to date|posted)\b/, 'abstract'],
  [/^(?:get|gets|getting) (?:help|support|advice)\b/, 'abstract'],
  [/^(?:get|gets|getting|got) to know\b/, 'abstract'],
  [/^(?:meet|meets|meeting|met) (?:\S+ ){0,4}needs\b/, 'abstract'],
  [/^(?:step|steps|stepping) up\b/, 'abstract'],
  // aspirations written as everyday idioms, with no vague keyword: "move on from the past", "pull herself together"
  [/^(?:move|moves|moving|moved) on\b/, 'abstract'],
  [/^(?:pull|pulls|pulling) (?:himself|herself|themselves|yourself|myself) together\b/, 'abstract'],
  [/^(?:settle|settles|settling|grow|grows|growing) up\b|^(?:settle|settles|settling) down\b/, 'abstract'],
  [/^(?:bear|keep|keeps) in mind\b/, 'abstract'],
  [/^(?:look|looks|looking) after\b/, 'abstract'],
  [/^(?:make|makes|making) (?:progress|changes|improvements|better|good|the right|positive|safe|wise|informed|healthy|appropriate)\b/, 'abstract'],
  [/^(?:work|works|working) (?:on|towards|through|with|together|openly|honestly|alongside|in partnership|collaboratively)\b/, 'abstract'],
  [/^(?:go|goes|going|went) on (?:a|an|the)\b/, 'process'],
  [/^(?:take|takes|taking|took) part in\b/, 'process'],
  // "stay in contact with" is an aim; "stay in the contact room" is a place
  [/^(?:keep|keeps|keeping|stay|stays|staying|remain|remains) in (?:\S+ )?(?:contact|touch|communication)\b(?! (?:room|centre|center|session|area|hall|suite)s?\b)/, 'abstract'],
  [/^(?:do|does|doing) (?:a|an|the) (?:course|programme|program|assessment|work)\b/, 'process'],
  [/^(?:open|opens|opening) up\b/, 'abstract'],
  [/^(?:stick|sticks|sticking) (?:to|with)\b/, 'abstract'],
  [/^(?:abide|abides|abiding) by\b/, 'abstract'],
  [/^(?:be|is|are) there for\b/, 'abstract'],
  [/^(?:apply|applies|applying) (?:for|to)\b/, 'action'],
  [/^(?:keep|keeps|keeping) (?:to|up|on)\b/, 'abstract'],
  [/^(?:follow|follows|following) (?:through|up)\b/, 'abstract'],
  [/^(?:reduce|reduces|reducing|cut|cuts|cutting) down\b/, 'abstract'],
];

/** Words that, in the verb's object, leave the standard undefined (no one could check it). */
export const EVALUATIVE = new Set(
  `appropriate appropriately inappropriate adequate adequately inadequate suitable suitably unsuitable good
goodenough good-enough safe safely unsafe safer stable stability positive positively protective acceptable
unacceptable healthy healthier proper properly reasonable reasonably sufficient sufficiently consistent
consistently inconsistent better more less settled nurturing loving warm attentive risky harmful effective
effectively meaningful meaningfully age-appropriate well fully best negative genuine genuinely
emotionally honestly honest openly responsible responsibly calm calmly organised organized reliable
reliably available committed mature focused child-focused caring attuned sensitive sensitively quality good-quality regular enough
excessive excessively moderate moderately`.split(/\s+/),
);

/** Soft evaluative words: vague only when they describe the home in general, not a named thing. */
export const SOFT_EVALUATIVE = new Set(['clean', 'tidy', 'hygienic', 'presentable', 'cleaner', 'tidier']);
export const GENERAL_PLACES = new Set(['home', 'house', 'flat', 'property', 'environment', 'conditions', 'accommodation']);

/**
 * Nouns naming a standard, an aim or a relationship rather than a thing a visitor could see. Nouns
 * made from a verb of aim or attitude (engagement, commitment, compliance) are found from the verb
 * (vagueness.ts), not listed here.
 */
export const VAGUE_NOUNS = new Set(
  `parenting boundaries boundary routine routines lifestyle wellbeing well-being welfare relationship
relationships concerns issues difficulties difficulty insight progress changes advice guidance
recommendations strategies strategy support services professionals risk risks harm choices choice
environment standard standards conditions interests life identity heritage confidence
influence needs behaviour behaviours behavior behaviors attitude attitudes involvement responsibility responsibilities expectations stability
understanding awareness empathy attachment bond bonding capacity ability skills safety
vulnerability wishes feelings presentation hygiene supervision emotions
stress anger cues potential opportunities opportunity aspirations goals judgement judgment circumstances situation rules`.split(/\s+/),
);

/** Nouns naming something countable against a threshold ("attendance above 95%"). */
export const MEASURABLE_NOUNS = new Set(
  `attendance units drinks cigarettes weight percent punctuality lateness absences sessions visits tests
samples readings`.split(/\s+/),
);

/**
 * How much of a substance is taken, countable only against a threshold ("reduce her cannabis use to
 * nil"); unlike MEASURABLE_NOUNS, banning it is an act anyone sees ("Telephone use is not permitted").
 */
export const AMOUNT_NOUNS = new Set(['use', 'intake', 'consumption']);

/** Words that make a ban of what follows: "will not try to contact J" forbids the contact. */
export const NEGATORS = new Set(['not', 'never', "don't", "won't", 'cannot']);

/** Effort in place of the act ("do all you can to…", "do my best to"): a hedge no other word in the wording can outweigh. */
export const EFFORT_HEDGES = String.raw`(?:all|everything|whatever) (?:you|they|she|he|i|we) (?:can|could)|(?:your|my|his|her|their|our) (?:very )?best`;

/**
 * Hedges that leave the act itself open: one of these in the verb's object makes it vague. Among
 * them, how-often words with no number: "periodic drug tests", "once every few months"; "all
 * prenatal doctor appointments" (all of a kind, however named); effort in place of an act: "do all
 * you can to…", "do my best to…".
 */
export const DECISIVE_HEDGES = new RegExp(String.raw`\b(?:periodic(?:ally)?|occasional(?:ly)?|every (?:few|so often)|from time to time|now and (?:then|again)|as (?:and when|required|needed|necessary|appropriate|advised|agreed|discussed|directed|requested)|(?:where|when|if) (?:appropriate|necessary|needed|required|possible|applicable)|relevant|(?:all|key|necessary|relevant) (?:\S+ ){0,3}(?:appointments|meetings|sessions|professionals|services|agencies)|${EFFORT_HEDGES}|(?:the )?strategies (?:discussed|agreed|suggested|given)|the advice (?:given|offered)|best interests?|any concerns|(?:any|all) (?:parts?|elements?|aspects?) of the (?:plan|agreement)|professional advice|(?:all|any) (?:support|help|advice|services)(?: offered)?)\b`);

/** Hedges worth pointing at but not decisive on their own ("at all times when he is in the bath"). */
export const SOFT_HEDGES = /\b(?:at all times|fully|always|consistently|continue to|continues to|on-?going|on an on-?going basis|regularly)\b/;

/** Words that name the parent (a concretiser). */
export const PARENT_RE =
  /\b(?:mother|father|mum|dad|parents?|both parents|ms [a-z]\b|mr [a-z]\b|mrs [a-z]\b|step-?(?:father|mother|dad|mum)|grandmother|grandfather|nan|aunt|uncle|partner)\b/;

/** Roles that check or deliver (so a clause with one as subject is not the parent's behaviour). */
export const ROLE_RE =
  /\b(?:social worker|sw|health visitor|hv|family support worker|fsw|support worker|key ?worker|school|nursery|teacher|senco|gp|nurse|cpn|midwife|care coordinator|coordinator|probation(?: officer)?|officer|drug (?:and alcohol )?service|service|team|clinic|contact supervisor|supervisor|facilitator|foster carer|carer|iro|police|staff|worker|visitor|childminder|psychologist|therapist|group leader|breakfast club|local authority|la|council|manager|practitioner|professional|professionals|camhs|they|who|which)\b/;

/** Pronoun or noun phrase openers that introduce a clause after show/demonstrate/prove. */
export const CLAUSE_OPENERS = new Set(['she', 'he', 'they', 'that', 'how', 'i', 'we', 'you']);

/** Words after `-ing` that are not gerunds. */
export const NOT_GERUNDS = new Set(
  'morning evening nothing anything something everything thing ceiling building spring during string king bring sibling wedding'.split(
    ' ',
  ),
);

export const DETERMINERS = new Set(
  "a an the his her their its j's this that these those each every all any some no my our your".split(' '),
);

/** A state that is checkable only when a test backs it: "remain abstinent, shown by monthly tests". */
export const STATE_RE = /^(?:sober|abstinent|drug-free|alcohol-free|substance-free|clean|free (?:of|from) (?:drugs|alcohol|substances|cannabis|cocaine|heroin))\b/;

/**
 * Verbs that sound observable (a visitor could hear or see them) but only are when what is shown,
 * told or given is concrete: "show her learning", "give insight", "let the SW know how she feels".
 */
export const CONVEY_VERBS = new Set(['show', 'tell', 'give', 'let', 'share', 'explain', 'inform', 'demonstrate', 'display', 'express', 'prove', 'teach', 'model']);

/** Objects of a conveying verb that name an inner state or an aim, not a thing or an act. */
export const ABSTRACT_OBJECTS = new Set(
  `learning learnings insight insights understanding awareness knowledge change changes progress commitment
willingness motivation ability abilities capacity remorse empathy acceptance responsibility maturity reflection
reflections thoughts feelings emotions love affection warmth trust honesty openness interest effort sense
security stability consistency example lessons improvement improvements growth determination dedication attention`.split(/\s+/),
);

/** After stay / remain: a place or a person it is done in or with, so the verb is an act, not a state. */
export const STAY_PLACES = new Set([
  'in', 'at', 'with', 'within', 'beside', 'by', 'near', 'nearby', 'next', 'upstairs', 'downstairs', 'inside',
  'outside', 'indoors', 'home', 'present', 'on', 'throughout', 'until', 'for', 'overnight', 'close', 'there', 'behind',
]);

/** After "stay in / remain in": states rather than places. */
export const STATE_NOUNS = new Set(['recovery', 'treatment', 'control', 'denial', 'contact', 'touch', 'communication', 'mind', 'charge', 'work', 'employment', 'education', 'line']);

/** Abstract verbs that are hands-on acts when their object is a part of the body. */
export const PHYSICAL_VERBS = new Set(['support', 'protect', 'hold', 'steady', 'cover']);
export const BODY_PARTS = new Set(['head', 'neck', 'back', 'body', 'arms', 'arm', 'hands', 'hand', 'legs', 'feet', 'bottom', 'face', 'eyes', 'ears', 'skin', 'teeth']);

/**
 * Nouns naming a course of work: completing one is a process, even when it involves testing.
 * "rehabilitation, inpatient and/or outpatient" and "detox" name treatment as much as "treatment" does;
 * US spellings and names ("counseling", "a psychological evaluation") are the same courses, and
 * "training" ("job training", "parenting training") is one too.
 */
export const PROCESS_NOUN_RE = /\b(?:courses?|programmes?|programs?|assessments?|evaluations?|group|therapy|counsell?ing|training|treatment|rehab(?:ilitation)?|detox(?:ification)?|work|sessions?|appointments?|class(?:es)?)\b/;

/**
 * Acts whose absence is a relationship aim unless bounded by a setting or occasion:
 * "Parents will not argue" (aim) vs "Parents will not argue or shout in front of J" (hearable there);
 * "Mother will separate from Mr B", "Mother will avoid Mr B" (aims) vs "avoid the park during contact".
 */
export const SETTING_VERBS = new Set(['argue', 'row', 'fight', 'quarrel', 'avoid', 'separate']);
/** A setting or occasion that bounds an act so a visitor could be there to see it. */
export const SETTING_RE = /\b(?:in front of|during|while|whilst|when|whenever|at (?:contact|handover|home|the)|in the (?:home|house|flat|car|presence)|around (?:j|the child|the children)|on (?:the phone|social media))\b/;
/** The object of "see" that makes it consulting a professional: "see a drug and alcohol adviser". */
export const CONSULTED_RE = /^\S+ (?:(?:a|an|the|her|his|their|my) )?(?:[a-z-]+ ){0,3}(?:advisers?|advisors?|counsellors?|counselors?|therapists?|psychologists?|psychiatrists?|doctors?|gp|consultant|specialist)\b/;
/** Participles that describe a state of mind, not a passive act: "be prepared", "be motivated". */
export const VAGUE_PARTICIPLES = new Set(['prepared', 'motivated', 'interested', 'involved', 'engaged', 'concerned', 'informed', 'aware', 'equipped', 'determined', 'dedicated', 'invested', 'empowered', 'settled', 'organized']);
