/**
 * The cue families a supervision reflection is read for, as reviewed data. Each entry is a regex
 * source over lower-case text (a space stands for any run of white space) and a sentence it is
 * there for: test/unit/prose/reflectionData.test.ts finds the family in that sentence with the
 * entry, and not without it, so an entry nothing needs cannot stay unnoticed.
 *
 * The families are the parts of a reflective discussion (DOMAIN.md, Supervision): what life is like
 * for the child, what is working or not, risk and need, and why. The decision is made from which
 * families a text reaches and how much it says (see index.ts), never from one word.
 */

export interface Cue {
  src: string;
  example: string;
}

/** Why: reasons, inferences, hypotheses, consequences weighed. */
export const WHY: readonly Cue[] = [
  { src: 'because', example: 'He is quieter because contact moved to the family centre.' },
  { src: "(?:,|;|\\band) so (?!(?:far|well|much|many|long|good|often|quickly)\\b)|\\bso that\\b", example: 'The unpredictability is hurting him, so fewer but reliable sessions are better.' },
  { src: '\\b(?:therefore|thus|hence)\\b', example: 'The risk is therefore rising.' },
  { src: 'as a result|due to|owing to|caused by|result of|because of', example: 'The placement ended as a result of his anger at bedtime.' },
  { src: '(?:this|that|which) means|meaning that', example: 'Negative tests are welcome, but that means little if he is not fed.' },
  // what something has led to, or what a course of action means: "this has meant the record says little about K", "waiting means that …"
  { src: "(?:this|that|which|it) (?:has|had) meant|\\bmeans that\\b", example: 'Waiting means that if rehabilitation fails, J faces another year of uncertainty.' },
  { src: '\\b(?:suggests?|suggesting|indicates?|points to|fits)\\b', example: 'The pattern fits exploitation.' },
  { src: '(?:^|[^a-z])(?:i|we) (?:think|thought|believe|feel|felt|suspect|wonder)\\b', example: 'I think the goodbyes upset him more than the contact itself.' },
  { src: 'in (?:my|our) view|(?:our|my|the) view is|(?:my|our) opinion|on balance', example: 'On balance the plan to return home stays right for J.' },
  // a named professional's view: "TM's view is that waiting …", "the guardian's view was"
  // (not a parent's or the child's view: what they think is reported, not weighed)
  { src: "\\b(?!(?:mother|father|mum|dad|parents?|child|j|carers?)'s)[a-z]+'s view (?:is|was)\\b", example: "TM's view is that J cannot wait another year." },
  { src: '(?:likely|unlikely|probably|perhaps)\\b', example: 'It is likely that he is with older young people when he goes out.' },
  { src: '(?:may|might|could) (?:be|have)\\b', example: 'Mother may be presenting well while the final hearing is close.' },
  // the cause named with a qualifier: "the only reason it has not been discharged is that nobody applied"
  { src: "\\bthe (?:only|real|main) reasons?\\b", example: 'The only reason it has not been discharged is that nobody applied.' },
  // a consequence drawn: "The inconsistency means we can't rule anything out"
  { src: "\\b(?:means|meant) (?:we|he|she|they|there)\\b|\\bcan(?:'t|not| not) rule (?:\\w+ )?out\\b", example: 'The inconsistency means we will keep the safety plan.' },
  { src: 'explanations?|explains|hypothes[ie]s|the reasons?\\b', example: 'One explanation is that the goodbyes upset him, not the contact.' },
  // not someone else's question ("asked why we could not", "they do not understand why")
  { src: '(?<!(?:ask|asks|asked|asking|understand|understands|understood|know|knows|knew|explain|explains|explained|tell|tells|told|sure) )\\bwhy\\b', example: 'Why this matters: he asks every week whether he can stay.' },
  { src: '(?<!(?:was|were|been|is|are|be) )given (?:that|the|his|her|their|how|what)\\b', example: 'Given how the last two placements ended, bedtime needs a plan.' },
  { src: "(?:cannot|can't|can not) (?:say|rely|be sure|assume|tell)\\b", example: 'Until we know what he is afraid of, we cannot say the risk has gone.' },
  { src: 'would (?:help|interrupt|hold|mean|make|give|allow|bring|let|upset|unsettle|harm|hurt|leave|risk)\\b', example: 'A move now would interrupt his contact with his brother.' },
  { src: 'in the event|otherwise|unless\\b', example: 'The relatives must be approved, otherwise he stays with his carers.' },
  { src: '\\bif\\b[^.;!?]{1,80}?\\b(?:would|will|should|must)\\b', example: 'If the weight has not recovered we will review the plan.' },
  { src: '(?:important|matters?|essential|vital)\\b[^.;!?]{0,60}?\\b(?:as|for)\\b', example: 'It is important to apply now for her passport as she starts school soon.' },
  // ", as" starting a clause (", as mum and dad…"), not ", as well", ", as agreed", ", as a result"
  { src: ', as (?!(?:well|agreed|planned|discussed|requested|usual|before|above|below|per|part|of|soon|long|far|much|many|a|an|and|or|to|for|with|at|in|on|if|though|follows|such)\\b)[a-z]+\\b', example: 'He has found the move hard, as mum and dad criticised the teachers he liked.' },
  { src: 'rather than|instead of|not the same as', example: 'Negative tests are not the same as his needs being met.' },
  { src: 'in order to|to help (?:him|her|them|with)\\b|so (?:he|she|they|we) (?:can|could|will)\\b', example: 'The children go to play therapy to help with their relationship with the parents.' },
  { src: "(?:could|can|would)(?:n't| not) (?:give|manage|meet|keep|cope|provide|care)\\b", example: 'A single set of carers could not give them the support they need.' },
  // what a behaviour is for: "she checks his phone to reassure herself", "drink to cope"
  { src: '\\bto (?:cope|escape|feel (?:safe|in control|loved|wanted)|get (?:attention|away)|reassure (?:him|her|them)sel(?:f|ves))\\b', example: 'She checks her phone to reassure herself that mum is not drinking.' },
  // what an experience means to the child, in the words of its meaning: "he blames himself", "feelings of abandonment"
  { src: "\\bfeelings? of\\b|\\bblam(?:e|es|ing) (?:him|her|them)sel(?:f|ves)\\b|\\b(?:his|her|their) (?:own )?fault\\b|\\babandon(?:ed|ment)\\b|\\bsense of (?:belonging|loss|rejection|safety|self)\\b|\\bself-(?:esteem|worth|blame)\\b", example: 'He blames himself for the family breaking down.' },
  // an inference from what is seen ("they seem to have forgotten"), not a plain report
  { src: '\\b(?:seems?|seemed|appears?|appeared) to\\b|\\bas (?:if|though)\\b', example: 'They seem to have forgotten how bad things were before they came into care.' },
  // a consequence traced
  { src: '\\b(?:leads?|led|leading) to\\b', example: 'The eldest resents the younger ones, which often leads to fights.' },
  // two things weighed against each other
  { src: "\\b(?:although|even though|despite|nevertheless|even so)\\b|\\bbut (?:is|are|was|were|has|have|had) (?:still|now)\\b", example: 'She has been through a great deal but is still hopeful about school.' },
  // what would follow from what was just said: "…more of the shopping, which would undermine the plan"
  { src: '(?:,|;) which (?:would|could|might|will|may)\\b', example: 'J is doing more of the shopping and cooking, which would undermine the plan from inside.' },
  // evidence weighed: "the same picture at both visits gives more confidence than the earlier reports"
  { src: '\\b(?:more|less|greater|little|some) (?:confidence|weight)\\b', example: 'Both visits saw the same picture, and that gives more confidence than the earlier mixed reports.' },
  // a cause named: "the lack of a placement has caused a clear deterioration", "a knock-on effect on how they relate"
  { src: '\\b(?:has|have|had) caused\\b|\\b(?:effects?|impacts?) (?:on|upon)\\b', example: 'The lack of a placement has caused a clear deterioration in his wellbeing.' },
  // what would have been: "had he had the help he needed then, he would not be where he is today"
  { src: '\\bhad (?:he|she|they|we|i|the \\w+) [^.;!?]{1,60}?\\bwould\\b|\\bwould(?: not|n\'t)? have (?!to\\b)', example: 'Had he had the help he needed then, he would not be where he is today.' },
  // what is right for the child: "I cannot see how that is in her best interests"
  { src: "\\b(?:in|against) (?:his|her|their|the child's|the children's|[a-z]'s) (?:best )?interests?\\b", example: 'I cannot see how another move is in her best interests.' },
  // a condition that must be met first
  { src: '\\bbefore (?:a|an|the|any|he|she|they|we|it|this|that) [^.;!?]{0,40}?\\b(?:can|could)\\b', example: 'Mother has to stop using before a plan for a return home can be made.' },
];

/** What is working and what is not: change, progress, what has or has not happened. */
export const WORKING: readonly Cue[] = [
  { src: '(?:is|are|was|were|has been|have been|been|not|is not|isn\'t) working|works? well|worked(?: well)?', example: 'Contact is working up to a point.' },
  { src: '(?:going|gone|went|goes) (?:(?:very|really|so|quite|extremely) )?(?:well|better|badly|wrong)', example: 'The visits have gone well lately.' },
  // settling after a move is a change under way ("settled" alone says nothing, see GENERIC)
  { src: '\\bsettling (?:in|down)\\b', example: 'He is settling in well after the quick move.' },
  { src: 'progress(?:ed)?\\b', example: 'She has made real progress with the key worker.' },
  { src: 'improv(?:e|ed|es|ing|ement)', example: 'His reading has improved.' },
  { src: 'better|worse|deteriorat', example: 'His behaviour is worse after weekends at home.' },
  { src: 'struggl|difficult|difficulties|hard (?:for|to)\\b', example: 'The transition to school has been very difficult for him.' },
  { src: 'broke(?:n)? down|breakdown|stalled|disrupted', example: 'The placement broke down in March.' },
  { src: "(?:has|have|had|did|does|do|was|were)(?:n't| not)\\b", example: 'The referral has not been made.' },
  { src: 'missed|failed|refus|disengag|frustrat', example: 'Mother has missed four of the last six sessions.' },
  { src: 'consisten|sporadic|reliabl|unpredictab', example: "Father's contact is consistent and warm." },
  { src: '\\bstill\\b|no longer|any ?more\\b', example: 'He still talks about his old school.' },
  // change over time ("quieter since"), not the date of the last meeting ("since the last supervision")
  { src: '\\b(?:\\w+er|more \\w+|less \\w+) since\\b', example: 'He is quieter since contact moved to the family centre.' },
  { src: 'success|succeed|achiev|thriv|flourish|confidence', example: 'The placement has been a success for both boys.' },
  { src: 'increas(?:e|ed|ing)ly|decreas|increas(?:ed|ing)\\b|dropped|fallen|grown', example: 'Her weight has dropped from the 50th to the 9th centile.' },
  // a change of mood or manner, said as a comparison with before
  { src: '\\b(?:happier|brighter|calmer|sadder|angrier|chattier|livelier|more (?:settled|relaxed|open|talkative)|less (?:anxious|angry|withdrawn|settled))\\b', example: 'She seems much happier now.' },
  { src: '\\b(?:find|finds|found|finding) (?:it |this |that |the \\w+ |(?:school|contact|bedtime|nursery) )?(?:very |really |quite )?(?:hard|tough)\\b', example: 'He has found the change hard.' },
  // the quality of a bond, good or poor: "she has a great relationship with her", "a strained relationship"
  { src: '\\b(?:great|good|strong|close|warm|positive|loving|secure|trusting|poor|strained|distant)(?: and \\w+)? (?:relationships?|bonds?|attachments?)\\b', example: 'She lives with a family friend, with whom she has a great relationship.' },
  // what has never happened: "none of the girls has ever been to school; their births were never registered"
  { src: '\\bnever\\b', example: 'Their births were never registered.' },
  // what has changed: "roles have become confused over the years", "she has become a little upset recently"
  { src: '\\b(?:has|have|had) (?:\\w+ )?become\\b', example: 'Their roles have become confused over the years.' },
  // what was planned against what happened
  { src: '\\b(?:was|were|is|are) (?:supposed|meant) to\\b', example: 'She was supposed to stay overnight but decided not to.' },
];

/** Risk and need: what worries us, harm, what the child needs. */
export const WORRY: readonly Cue[] = [
  { src: 'worr(?:y|ied|ies|ying)', example: 'The worry is the anniversary in December.' },
  { src: 'concern(?:s|ed|ing)?\\b', example: 'There are concerns about his weight.' },
  { src: '\\b(?:risks?|risky)\\b', example: 'The risk is now at home at weekends.' },
  { src: '\\b(?:danger|harm|unsafe|safe(?:ty|r)?\\b|protect)', example: 'He is not safe at home at weekends.' },
  { src: '\\b(?:anxious|anxiety|scared|scary|afraid|frighten\\w*|terrif\\w*|upset|distress\\w*|cried|cries|crying|tearful|startles|nightmares|lonely|sad|sadness|unhappy|miserable|hopeless|despair\\w*|angry|anger)\\b', example: 'She is always anxious to return to her carers after contact.' },
  { src: 'vulnerab|exploit|groom', example: 'She is vulnerable to older men she meets online.' },
  { src: 'neglect|abus|violen|assault|injur|hurt|bruis|trauma', example: 'J was hurt the last time Father was at home.' },
  { src: 'drink|drunk|alcohol|drugs?\\b|relapse|overdose|hungover|positive for', example: "Mother's drinking increased after the anniversary." },
  { src: '\\b(?:needs?|needed)\\b', example: 'He needs an adult outside the home to talk to.' },
  // the writer's doubt or fear that something will hold: "I doubt that grandmother can do this tomorrow"
  { src: "(?:^|[^a-z'])(?:i|we) (?:(?:still|now|also|really|do) )?(?:doubt|fear)(?:s|ed)?\\b|\\bnot (?:sure|convinced|confident) (?:that|whether|if)\\b", example: 'I doubt that grandmother can do this tomorrow.' },
  { src: 'missing|abscond|self-harm|self harm|police', example: 'She has been going missing for days at a time.' },
  { src: '\\b(?:crisis|chaotic|chaos|fights?|fighting|aggressi\\w*|volatile|shout\\w*|scream\\w*|yell\\w*)\\b|\\b(?:how|so|very) bad\\b', example: 'The home seems chaotic and there are fights most evenings.' },
];

/**
 * The child's life and voice. Counted only in a sentence about the child (a child word, an
 * initial, or he/she in a sentence that names no adult), except the entries of LIVED, which are
 * about the child wherever they stand.
 */
export const EXPERIENCE: readonly Cue[] = [
  { src: 'says|said|told|tells|asks|asked|wants|wanted|wishes|would like|likes|liked|loves|hates|enjoy|misses|missed (?:his|her|their)|calls (?:it|her|him)|decided|chose|chooses', example: 'J says he likes his carers.' },
  { src: '\\b(?:happy|unhappy|sad|upset|angry|anger|anxious|anxiety|nervous|scared|scary|afraid|frighten\\w*|terrif\\w*|lonely|miserable|confident|calm\\w*|quiet\\w*|excited|distress\\w*|bewilder\\w*|cries|cried|crying|tearful|startles|frustrated|remorseful|sadness)\\b', example: 'J is anxious on Monday mornings.' },
  { src: '\\b(?:school|nursery|cr[eè]che|class(?:room)?|teachers?|friends?|homework|exams?|attendance|reading)\\b', example: 'He has made two friends at his new placement.' },
  { src: '\\b(?:sleep\\w*|bed(?:time|room)?|wets?|wetting|eat(?:s|ing)?|food|hungry|fed|weight|milestones|routines?|toys|play(?:s|ing)?)\\b', example: 'The baby is feeding well and putting on weight.' },
  { src: '\\b(?:behaviour|tantrums?|meltdowns?|lash(?:es|ing)? out|temper)\\b', example: 'The four year old has temper tantrums at handover.' },
  { src: 'relationship|(?:his|her|their) (?:mum|mam|dad|mother|father|gran|grandparents|brother|sister|siblings?|friends)\\b', example: 'He sees his gran every Sunday.' },
  { src: '\\b(?:contact|access) (?:with|visits?)\\b|\\bfamily time\\b', example: 'Access visits are on Saturdays for the boy.' },
  { src: '\\b(?:life|lives)\\b', example: 'A period of stability would change the life of this child.' },
  { src: '\\b(?:keen to|looking forward|resents?|resented)\\b', example: 'The two children are keen to hurry things up.' },
  // where the child lives or goes: "been home for weekends", "living with her grandparents"
  { src: '\\b(?:living|lives|live) with\\b|\\b(?:return(?:s|ed|ing)?|go(?:es|ing)?|went|come|comes|coming|came|been|stay(?:s|ed|ing)?) home\\b', example: 'A and B have been home for weekends.' },
  // the child's own words, quoted
  { src: '[“"][^”"\\n]{3,80}[”"]', example: 'He described it as "my voice screaming in my head".' },
];

/** The child's experience named as such: counted wherever it stands. */
export const LIVED: readonly Cue[] = [
  { src: "lived experience|what (?:life|it) is like|day to day|daily life|in (?:his|her|their) (?:own )?words|(?:child|j)'s voice|wishes and feelings", example: "J's lived experience: he is seen alone at every visit." },
];

/** Words that name a child. Initials are read from the original text (see CHILD_INITIAL_RE). */
export const CHILD_WORDS: readonly Cue[] = [
  { src: 'child(?:ren)?(?:\'s)?|bab(?:y|ies)|infant|toddler|boy|girl|son|daughter|young (?:person|people)|teen(?:ager)?s?|pupil|youngest|eldest|twins', example: 'The child is anxious before contact.' },
  { src: 'siblings?|brothers?|sisters?|kids?\\b', example: 'His brother wants to see him at weekends.' },
  { src: '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)[- ]years?[- ]old', example: 'The four year old has tantrums at bedtime.' },
  { src: '(?:his|her|their) (?:mother|mum|mam|father|dad|parents|grandparents|gran|family|carers?|foster (?:carers?|parents|family))\\b', example: 'She was worried her mother was hungover when she visited.' },
];

/** Adults whose presence in a sentence means he/she there is not the child. */
export const ADULT_WORDS =
  'mother|mum|mam|father|dad|parents?|carers?|foster|grand(?:m|f|p|ad)|gran\\b|nan\\b|aunt|uncle|partner|boyfriend|girlfriend|worker|therapist|nurse|teacher|guardian|manager|\\bman\\b|woman|judge|solicitor|barrister|officer|wife|husband|psychiatrist|psychologist|doctor|consultant|paediatrician|visitor|\\bgp\\b|interpreter|colleague|principal|head ?teacher';

/** An initial standing for a child (J, K): a capital alone, not "I", not the article "A" unless a verb follows. */
export const CHILD_INITIAL_RE = /\b(?:[B-HJ-Z]|A(?= (?:is|was|has|had|says|said|told|wants|and|to|with)\b|'s\b))\b(?!\.)/g;

/**
 * Generic words a thin record leans on. They are quoted in the message ("'no concerns' says
 * nothing on its own"), and a short text made of little else is thin.
 */
export const GENERIC: readonly Cue[] = [
  { src: 'no (?:further )?(?:concerns?|issues?|problems?|worries)', example: 'No concerns.' },
  { src: '(?:doing|getting on|presenting|presented|coping) (?:very )?well', example: 'J is doing well.' },
  { src: 'progressing|on track|no change|nothing (?:new |further )?to (?:report|add)', example: 'Progressing.' },
  { src: '(?:continue|continues|continuing) (?:with|as|to monitor)|as per (?:the )?plan', example: 'Continue to monitor.' },
  { src: '(?:case|was) discussed|discussed in supervision|plan agreed|agree(?:d)? with (?:the )?plan', example: 'Discussed in supervision.' },
  { src: '\\bsettled\\b|\\bstable\\b|\\bfine\\b|appropriate|engag(?:e|es|ed|ing) well', example: 'Placement stable.' },
];

/**
 * A sentence that only reports what professionals or adults did: a visit, a meeting, a call, a
 * task, a piece of history or an incident. Its cues are not read for the parts (a reason for a
 * visit is not a reason for the plan, a worry voiced at a meeting is not the writer's analysis),
 * unless the sentence also takes a stance (STANCE). Each entry is one way a report is written.
 */
export const REPORT: readonly Cue[] = [
  // I or we, then what we did: "we warn mother", "I am arranging supports", "I will make a visit"
  {
    src: "(?:^|[^a-z'])(?:i|we) (?:(?:then|also|now|later|first|again|immediately|both|all|jointly|will|have|had|am|are|was|were|'ll|'ve) ){0,2}(?:visit|attend|meet|met|rang|ring|phon|call|e-?mail|talk|spoke|speak|explain|advis|warn|arrang|organis|refer|complet|finish|appl(?:y|ied)|agree|help|creat|point(?:ed)? out|go through|went through|travel|driv|drove|liais|contact|chas|offer|book|check|sought|seek|supervis|transfer|sign|updat|discuss|inform|remind|encourag|introduc)(?!(?<=(?:discuss|explain|agree|advis|inform|remind))[a-z]*\\s+that\\s+(?!(?:morning|afternoon|evening|night|day|week|weekend|meeting|visit|session)\\b))",
    example: 'We talk to the four-year-old in the bedroom, and we warn mother about the fire.',
  },
  // a professional or an agency, then what it did: "the health visitor does checks", "the department met"
  {
    src: "\\b(?:social workers?|health visitors?|family support workers?|support workers?|department|police|guardian|gal|iro|agency|agencies|doctors?|gp|nurses?|therapists?|(?:home |team |area )?manager|colleagues?|court|judge|solicitors?|staff) (?:(?:then|also|now|later|have|has|had|will|is|are|was|were|both) ){0,2}(?:visit|attend|meet|met|rang|ring|phon|call|e-?mail|talk|spoke|speak|explain|advis|warn|arrang|organis|refer|complet|finish|appl(?:y|ied)|agree|creat|travel|liais|contact|chas|offer|book|check|sought|seek|supervis|transfer|sign|updat|discuss|inform|does|did|do\\b|carr|restor|arrest|promis|sent|send|left|leav|gave|give|voic|rais|involv|drawn|ask|complain|frustrat)",
    example: 'The health visitor does checks on the children.',
  },
  // a meeting, a visit or a court date as the frame of what follows (not contact visits: those are the child's life)
  {
    src: "\\b(?:core group|case conference|child protection conference|strategy (?:meeting|discussion)|planning meeting|network meeting|professionals'? meeting|court date|joint visit|unannounced visit|statutory visit|home visit)\\b|\\b(?:on|at|during) (?:my|our|the|a|an|this|that|each) (?:\\w+ )?(?:visit|meeting|conference)\\b",
    example: 'The case conference decided to refer him to another agency.',
  },
  // the history or the hour of an event: "over time", "initially", "last night", "by 5pm"
  {
    src: "\\b(?:over time|initially|originally|last (?:night|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|this (?:morning|afternoon)|yesterday|on arrival|by \\d{1,2} ?(?:am|pm))\\b",
    example: 'Last night he went back to the house and an argument broke out.',
  },
  // a task done or set in train: "has been sourced", "was noted to", "are being arranged"
  {
    src: "\\b(?:has|have|had) been (?:made|sourced|secured|completed|arranged|carried out|held|set up|flagged|booked|sent|referred|transferred|spoken to|allocated|undertaken|submitted|requested|involved)\\b|\\b(?:is|are|was|were) (?:being )?(?:sourced|secured|carried out|held|flagged|booked|transferred|noted|undertaken|submitted|scheduled)\\b",
    example: 'A family support service has been sourced.',
  },
  // an adult's act, told as an event: "her mother came home and found", "the father broke into the house";
  // the adult is the one acting, not named after a preposition ("contact with Father moved" is about the contact)
  {
    src: "(?<!\\b(?:with|to|of|for|from|by|about|at|on|towards?) (?:(?:his|her|their|the) )?)\\b(?:mother|father|mum|dad|parents|partner|grandmother|grandfather|grandparents|the man|the woman|family) (?:(?:then|also|had|has|have|later|\\w+ly) )?(?:came|went|broke|found|left|took|arrived|returned|rang|called|sent|moved|turned up|got|complained|attended|met|told)\\b",
    example: 'Her mother came home and found her in the care of the new partner.',
  },
];

/**
 * A sentence that takes a stance: judges, infers, weighs, or says what must happen. A report that
 * takes a stance ("as he looks well nourished, we are sceptical") is analysis, not a report.
 */
export const STANCE: readonly Cue[] = [
  // the writer's own view: "we are sceptical", "I am concerned that", "I feel uneasy"
  {
    src: "(?:^|[^a-z'])(?:i|we) (?:am|are|was|were|'m|'re|feel|felt|remain|became|become)(?: (?:very|really|quite|increasingly|still|now|not|deeply|particularly|so))? (?:concerned|worried|sceptical|unsure|uncertain|confident|hopeful|clear|convinced|doubtful|pleased|encouraged|reassured|uneasy|anxious|surprised)\\b",
    example: 'As he looks well nourished with no visible injuries, we are sceptical.',
  },
  // what the writer thinks, fears, wonders, or needs to find out
  {
    src: "(?:^|[^a-z'])(?:i|we) (?:(?:still|now|also|really|do|don't|do not|can|cannot|can't|need to|well|fully) ){0,2}(?:think|thought|believe|fear|feared|suspect|wonder|doubt|doubted|expect|hope|see|know|understand|worry|question)\\b",
    example: 'I wonder if the injuries are really feelings of hurt at leaving care.',
  },
  // a judgement of what is seen: "it is a very despairing picture", "that is a lot to expect"
  {
    src: "\\b(?:it|this|that|which) (?:is|was|has been|seems|feels|looks|remains)(?: (?:a|an|very|really|quite|so|extremely|increasingly|not|still|most|more|less|lot|great|deal|clearly)){0,4} (?:clear|important|essential|vital|unusual|worrying|concerning|encouraging|positive|negative|despairing|bleak|telling|significant|striking|unacceptable|obvious|evident|unclear|hopeful|promising|to expect|of concern|a concern|a worry|a risk|a sign|a pattern|picture|step)",
    example: 'It is a very despairing picture until we talk about her sister.',
  },
  // the point named: "the priority is", "the worry is", "the question is"
  {
    src: "\\b(?:priority|worry|concern|risk|question|issue|aim|hope|fear|problem|danger|reality|truth|difficulty|challenge|focus|key|picture|impact) (?:here |now |for (?:him|her|them) )?(?:is|was|remains|will be)\\b",
    example: 'The priority is to find him and bring him back to the unit.',
  },
  // a potential, a risk, a sign, momentum: "there is a potential for drift"
  {
    src: "\\bthere (?:is|are|was|were|remains|remain|has been|have been|seems to be|appears to be)(?: (?:a|an|some|real|further|clear|significant|little|much|growing|ongoing|no|also|still|now)){0,4} (?:potential|risk|concern|worry|danger|need|chance|likelihood|question|doubt|evidence|sign|momentum|window|pattern)",
    example: 'There is a potential for drift with the changes of placement.',
  },
  // an inference from what is seen: "watching as if in case she says the wrong thing", "she seems to"
  {
    src: "\\b(?:seems?|seemed|appears?|appeared) to\\b|\\bas (?:if|though)\\b|\\b(?:likely|unlikely|probably|perhaps|possibly)\\b|\\b(?:may|might|could) (?:be|have|account for|explain|reflect|mean)\\b",
    example: 'When I visit, her dad is present, watching as if in case she says the wrong thing.',
  },
  // a reason found in how someone is: "does not attend school because she is terrified"
  {
    src: "\\b(?:because|since) (?:he|she|they|the (?:child|children|baby|boy|girl)) (?:is|was|are|were|feels?|felt|seems?|has been|had been)\\b",
    example: 'I talk to a seven-year-old who does not attend school because she is terrified of leaving her mother alone.',
  },
  // the writer's reading set against what is expected: "too young to understand", "more relaxed than you would expect"
  { src: "\\btoo (?:young|old|little|small|early|late) (?:to|for)\\b|\\bthan (?:you|one|we|i) (?:would|might) expect\\b|\\bthan expected\\b", example: 'The child is far too young to understand that this is the parent\'s problem.' },
  // what something calls into question: "this behaviour raises concerns about her attachments"
  { src: "\\b(?:raises?|raised|raising) (?:\\w+ )?(?:concerns?|questions?|doubts?|worries)\\b", example: 'This behaviour raises concerns about the security of her attachments.' },
  // what the child needs, said against what is given: "what the children need is her time and attention"
  { src: "\\bwhat (?:he|she|they|the (?:child|children|baby|boy|girl)|[a-z]) (?:really )?(?:needs?|wants?) (?:is|are|was)\\b|\\bneeds? more than\\b", example: 'Mother brings treats to access, when what the children need is her time and attention.' },
  // what must or should happen: a judgement of need
  { src: '\\b(?:should|must|ought to|needs? to|will have to|would need to)\\b', example: 'The child should remain with the current carers.' },
  // what the writer has come to know of the child: "we've learned that with this child it comes a day later"
  { src: "(?:^|[^a-z'])(?:i|we)(?:'ve| have| had)? (?:learned|learnt|noticed|realised|realized|come to (?:see|understand|realise|realize)) that\\b", example: "We've learned that if there is an emotional backlash, with this child it comes about 24 hours later." },
  // what it means for the child: "This, for her, was how loving relationships worked"
  { src: "\\b(?:this|that|it),? for (?:him|her|them|the (?:child|children|boy|girl|baby)),? (?:is|was|means|meant)\\b|\\bwhat (?:this|that|it) (?:means|meant) (?:for|to)\\b", example: 'This, for her, was how loving relationships worked.' },
  // what one behaviour hides: "angry bravado that masks her vulnerability"
  { src: '\\b(?:masks?|masked|masking|conceals?|concealed|concealing)\\b', example: 'She was full of angry street bravado, that hardened gloss that masks her deep vulnerability.' },
  // what something does to the child: "this affected the boy in every way"
  { src: "\\b(?:this|that|which|it) (?:has )?(?:affects?|affected|affecting|impacts?|impacted|impacting) (?:on )?(?:him|her|them|the (?:child|children|boy|girl|baby|young person))\\b", example: "The mother could not read the child's cues, and this affected the boy in every way." },
  // a pattern read from what keeps happening: "the pattern is that each time …", "pattern = drops when …"
  { src: "\\b(?:the|a|this|that) pattern (?:is|was|seems|here is)\\b|\\bpattern ?[=:]", example: 'Reading the file, the pattern is that each time Mother has had a new partner, neglect has followed within months.' },
  // the point turned round: "no concerns this month, and that is the worry"
  { src: "\\b(?:that|this|which) is (?:the|what) (?:worry|concern|risk|problem|danger|worrying)(?=\\s*(?:[.;,:!?)\\u2013\\u2014-]|$))", example: 'T has been quiet this month, and that is the worry.' },
  // a reading offered as such: "It looks like Mother can clean when she knows we are looking", "Reads as T going to find F"
  { src: "\\b(?:it|this|that) (?:looks|sounds|reads) (?:like|as if|as though)\\b|\\breads as\\b(?<=(?:^|[.;:\\n]\\s*|\\bwhich )reads as)", example: 'It looks like Mother can clean when she knows we are looking.' },
  // one thing weighed against another: "His stability outweighs the travel"
  { src: "\\boutweighs?\\b|\\boutweighed\\b|\\bweighed against\\b", example: 'His stability outweighs the travel.' },
  // two explanations held open: "So either the expectations are the wrong ones or the cause is medical"
  { src: "\\beither (?:[a-z']+ ){1,6}(?:is|are|was|were) [^.;!?]{1,60}?\\bor (?:the|it|he|she|they|we|this|that|there)\\b", example: 'Either the expectations are the wrong ones or the cause is medical.' },
  // the child's or a critic's view accepted: "he is right", "That is a fair criticism of us"
  { src: "\\b(?:he|she|they) (?:is|was|are|were) right(?=\\s*(?:[.;,:!?]|$|to |about |that ))|\\ba fair (?:criticism|point|challenge)\\b", example: 'Looking back at the last three reviews, he is right.' },
  // what the team takes from it: "Learning for us: an action with no cover is not really an action"
  { src: "\\blearning (?:for|from this for) (?:us|me|the team|the service)\\b", example: 'Learning for us: an action with no cover when the SW is away is not really an action.' },
  // a view shared with the worker: "SW and I both think it is the journey"
  { src: "(?:\\band|&) (?:i|we) (?:both|all|each) (?:think|thought|believe|feel|felt|agree)\\b", example: 'SW and I both think it is the journey.' },
  // the child summed up: "This is a child who is isolated, eating alone in her room"
  { src: "\\b(?:is|was) (?:a|an) (?:[a-z-]+ )?(?:child|girl|boy|baby|young person|teenager|youngster) who\\b", example: 'This is a child who is isolated, eating alone in her room.' },
];
