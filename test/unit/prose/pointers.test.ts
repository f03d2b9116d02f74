import assert from 'node:assert/strict';
import { findDocumentPointers, DOCUMENT_TYPES } from '../../../server/src/service/prose';

describe('prose: findDocumentPointers', () => {
  const rows: { text: string; expect: [phrase: string, docType: string, strength: 'pointer' | 'citation'][] }[] = [
    { text: 'Education: see the PEP dated 14/01/2025.', expect: [['see the PEP dated 14/01/2025', 'pep', 'pointer']] },
    { text: 'Contact arrangements are as per the contact plan.', expect: [['as per the contact plan', 'contact-plan', 'pointer']] },
    { text: 'Actions as per the CP plan.', expect: [['as per the CP plan', 'child-protection-plan', 'pointer']] },
    { text: 'The risks are set out in the parenting assessment.', expect: [['set out in the parenting assessment', 'parenting-assessment', 'pointer']] },
    { text: 'The chronology is attached as Appendix 2.', expect: [['chronology is attached as Appendix 2', 'chronology', 'pointer']] },
    { text: 'Attached as Appendix 3.', expect: [['Attached as Appendix 3', 'other', 'pointer']] },
    { text: 'As previously recorded, the concerns remain.', expect: [['As previously recorded', 'other', 'pointer']] },
    { text: "J's views are recorded in the minutes of the last LAC review.", expect: [['recorded in the minutes of the last LAC review', 'review-minutes', 'pointer']] },
    { text: 'Health: no change (see IHA).', expect: [['see IHA', 'health-assessment', 'pointer']] },
    { text: 'The hair strand test results are attached to these minutes.', expect: [['hair strand test results are attached', 'drug-test', 'pointer']] },
    { text: 'The RHA on 3 March found his immunisations up to date.', expect: [['RHA on 3 March', 'health-assessment', 'citation']] },
    { text: "According to the GP letter dated 5 March, Mother's medication has been increased.", expect: [['According to the GP letter dated 5 March', 'gp-letter', 'citation']] },
    // a fronted "for …" before see; read alongside; on file
    { text: 'For full details see the safety plan.', expect: [['see the safety plan', 'safety-plan', 'pointer']] },
    { text: "For J's dental needs see the health plan.", expect: [['see the health plan', 'health-assessment', 'pointer']] },
    { text: 'The review should be read alongside the pathway plan.', expect: [['alongside the pathway plan', 'pathway-plan', 'pointer']] },
    { text: 'The legal advice is stored on file.', expect: [['on file', 'other', 'pointer']] },
    { text: 'The legal advice is kept on the child file.', expect: [['kept on the child file', 'other', 'pointer']] },
    // an unfamiliar document after a strong cue
    { text: 'His wishes are recorded in the three houses worksheet form.', expect: [['recorded in the three houses worksheet form', 'other', 'pointer']] },
    // the document as the subject of a content verb
    { text: 'The PEP (spring term) outlines his literacy targets.', expect: [['PEP (spring term) outlines', 'pep', 'pointer']] },
    { text: 'The contact plan, which sets out the venue, is unchanged.', expect: [['contact plan, which sets out', 'contact-plan', 'pointer']] },
    // what it holds given item by item: cited, not left there
    {
      text: 'The care plan details how the school, the health visitor and the carers will share the work, including who attends each meeting.',
      expect: [['care plan details', 'care-plan', 'citation']],
    },
    // a cue opening the sentence, with the fact in the main clause: a citation
    { text: 'As per the safety plan, Mr B does not stay overnight on any day of the week.', expect: [['As per the safety plan', 'safety-plan', 'citation']] },
    { text: 'As per the safety plan, Mr B must not visit.', expect: [['As per the safety plan', 'safety-plan', 'pointer']] },
    // an open set of documents after a cue: procedures, sections, Title-Case names, quoted titles, "here"
    { text: 'It should be read in conjunction with the Court Proceedings Procedure.', expect: [['in conjunction with the Court Proceedings Procedure', 'other', 'pointer']] },
    { text: '(See Section 1.3.1, Obtaining Parental Consent).', expect: [['See Section 1.3.1', 'other', 'pointer']] },
    { text: 'See also Charter for Care Leavers.', expect: [['See also Charter for Care Leavers', 'other', 'pointer']] },
    // fresh real text (2026-12-07): the reader told where to find it, past what they will find; a cross-reference anywhere;
    // a numbered part; a guidance title ending in "Children"; a link clicked after "please"
    {
      text: 'You can find more information about foster carers in ‘Children Act 1989: fostering services’.',
      expect: [['find more information about foster carers in ‘Children Act 1989: fostering services’', 'other', 'pointer']],
    },
    { text: '1.2.8 Pre-birth Assessments See also: Relinquished Babies.', expect: [['See also: Relinquished Babies', 'other', 'pointer']] },
    { text: 'See 5573.4 for how visits are agreed.', expect: [['See 5573.4', 'other', 'pointer']] },
    // what is to be read with it, listed after a colon (or cut); a numbered part after "refer to"
    { text: 'This policy should be read alongside: ...', expect: [['alongside:', 'other', 'pointer']] },
    { text: 'This section should be read in conjunction with the following: the Fostering Regulations; the placement plan.', expect: [['in conjunction with the following:', 'other', 'pointer']] },
    { text: 'Where a child has a long-term guardian, refer to 5.9 Long-term guardianship.', expect: [['refer to 5.9', 'other', 'pointer']] },
    { text: 'The figures refer to the whole year.', expect: [] },
    // what the writer read to write this; a document still to be written
    { text: 'I have read all of the evidence contained in the Court Bundles, and heard from the witnesses.', expect: [] },
    { text: 'This will be explained to the parents and other family members, and set out in the contact agreement.', expect: [] },
    // a term or a duty left to the law that defines it; how it is done left to the plan; the text that follows is this one
    { text: "It includes any concern that reaches the threshold of harm as defined by the Children First Act.", expect: [['as defined by the Children First Act', 'other', 'pointer']] },
    { text: 'The costs are covered by the council.', expect: [] },
    { text: "Contact is maintained in a manner consistent with the child's Care Plan.", expect: [["in a manner consistent with the child's Care Plan", 'care-plan', 'pointer']] },
    { text: 'His account was consistent with the injuries seen at the hospital.', expect: [] },
    { text: 'The following practice guidance explains the purpose of working agreements.', expect: [] },
    // an aside that only says where to look; a colon after a closed aside is the sentence's
    { text: 'It is monitored and updated regularly (see case reviews).', expect: [['see case reviews', 'other', 'pointer']] },
    { text: 'He is doing well (see the chronology).', expect: [['see the chronology', 'chronology', 'pointer']] },
    { text: 'He said he would wait (see what happens).', expect: [] },
    { text: 'Contact is weekly (see Mum and Dad).', expect: [] },
    { text: 'The council acts in line with the corporate parenting principles.', expect: [['in line with the corporate parenting principles', 'other', 'pointer']] },
    // two verbs for one place; an appendix letter in quotes; a resolution that something be written in these minutes
    { text: 'Details of the options were set out and considered in the joint report.', expect: [['set out and considered in the joint report', 'other', 'pointer']] },
    { text: "A copy of the report appears as Appendix 'B' to these minutes.", expect: [["Appendix 'B'", 'other', 'pointer']] },
    { text: 'Agreed that further clarification be provided in the minutes on the value of this indicator.', expect: [] },
    // told to do what a document says; a page of the papers
    { text: 'Improvements would need to follow the latest government guidance on safeguarding.', expect: [['follow the latest government guidance', 'other', 'pointer']] },
    { text: 'The SW will follow up with the school.', expect: [] },
    { text: 'Details of the statutory duties were shown at the bottom of page 33.', expect: [['shown at the bottom of page 33', 'other', 'pointer']] },
    // a link at the sentence's end; reasons left to a document named again; a shared drive; back to a document just named
    { text: "The IRO's view of the revised plan is set out here.", expect: [['set out here', 'other', 'pointer']] },
    { text: 'The options are set out here: a) stay; b) move.', expect: [] },
    { text: 'The viability assessment was positive, for the reasons given in the assessment.', expect: [['viability assessment', 'viability-assessment', 'citation'], ['given in the assessment', 'viability-assessment', 'pointer']] },
    { text: 'The psychological assessment can be found on the shared drive.', expect: [['psychological assessment', 'psychological-assessment', 'citation'], ['can be found on the shared drive', 'psychological-assessment', 'pointer']] },
    { text: 'The disruption minutes were noted and learning from them has been incorporated as outlined therein.', expect: [['as outlined therein', 'disruption-minutes', 'pointer']] },
    { text: 'These questions are for each meeting (further detail provided in pointers for practice):', expect: [['provided in pointers for practice', 'other', 'pointer']] },
    { text: 'Guidance is contained in Working Together to Safeguard Children.', expect: [['contained in Working Together to Safeguard Children', 'other', 'pointer']] },
    { text: 'Please click here for the list of policies.', expect: [['Please click here', 'other', 'pointer']] },
    { text: 'The section was updated in line with case-law.', expect: [['in line with case-law', 'other', 'pointer']] },
    { text: 'The panel received the annual report (for copy of report see file of minutes).', expect: [['see file', 'other', 'pointer']] },
    { text: 'Reviews of child protection plans are covered separately.', expect: [['covered separately', 'other', 'pointer']] },
    // a Title-Case name the next word makes a team is not a document
    { text: 'CLA packs are available from the CLA Business Support team.', expect: [] },
    // an instruction to record, with an adverb, is about this record
    { text: 'Any dissenting view should be fully recorded in the minutes.', expect: [] },
    { text: "It should be read alongside the 'Single Inspection Framework'.", expect: [["alongside the 'Single Inspection Framework'", 'other', 'pointer']] },
    { text: 'The full minutes can be read here.', expect: [['can be read here', 'other', 'pointer']] },
    { text: 'Click here to view the review cycle.', expect: [['Click here', 'other', 'pointer']] },
    { text: 'Her progress is evident from the most recent assessment.', expect: [['evident from the most recent assessment', 'other', 'pointer']] },
    { text: 'Paragraph 5.61 of Working Together sets out the information needed.', expect: [['Paragraph 5.61 of Working Together', 'other', 'pointer']] },
    // not pointers: this record, an instruction to record, a bare "the plan" naming the plan already named, a body, content that follows
    { text: 'This chapter should be read in conjunction with this plan.', expect: [] },
    { text: "The name of the IRO must be recorded on the child's case record.", expect: [] },
    { text: 'In circumstances where views differ, this should be noted in the Plan.', expect: [] },
    { text: 'Minutes of other meetings should not be appended, but should be summarised.', expect: [] },
    { text: 'This alert will be recorded on the child’s file.', expect: [] },
    { text: 'A copy is kept on file.', expect: [] },
    { text: 'The IRO checks that the care plan reflects his needs and that the actions set out in the plan are met.', expect: [] },
    { text: 'A request will be referred to the Placement Matters Meeting.', expect: [] },
    { text: 'The Child’s Plan is referred to as the Plan.', expect: [] },
    { text: 'The decision was in line with the following guidance for a review: (a) abuse is suspected.', expect: [] },
    { text: 'See Mum and Dad every Saturday at the family centre.', expect: [] },
    { text: 'This publication is available at www.example.org/resources/1.', expect: [] },
    { text: 'The key aim of any review remains as set out in Working Together 2015:', expect: [] },
    { text: 'The Designated Teacher must ensure that the date is stated on the PEP.', expect: [] },
    { text: 'Please read the page on PEP statuses for more detail.', expect: [['Please read the page on PEP', 'pep', 'pointer']] },
    { text: 'To view this licence, visit www.example.org/licence.', expect: [['visit www.example.org/licence', 'other', 'pointer']] },
    // after an imperative to look, a name in sentence case is a title; a person's name is not
    { text: 'Please visit Support and advice for carers', expect: [['Please visit Support and advice for carers', 'other', 'pointer']] },
    { text: 'Visit Aunt B on Sundays.', expect: [] },
    // a place or a body by the word that ends its name or its head, not a document
    { text: 'Visit Oakfield Primary School on 3 June.', expect: [] },
    { text: "Visit Riverside Children's Centre weekly.", expect: [] },
    { text: 'Consult Virtual School Head about the tutoring.', expect: [] },
    { text: 'Please see Dr A for the medication.', expect: [] },
    { text: 'See also Fostering Services (England) Regulations 2011.', expect: [['See also Fostering Services (England) Regulations 2011', 'other', 'pointer']] },
    { text: 'See also Vol 2 of 2017: court sees video.', expect: [['See also Vol 2', 'other', 'pointer']] },
    // a quoted title read to its closing quote, past a full stop or the scan's window
    {
      text: "It should be read alongside the 'framework and evaluation schedule for the inspections of services for children in need of help and protection, children looked after and care leavers (the single inspection framework).'",
      expect: [["alongside the 'framework and evaluation schedule for the inspections of services for children in need of help and protection, children looked after and care leavers (the single inspection framework).'", 'other', 'pointer']],
    },
    { text: 'The earlier judgment is set out at G41 of the bundle.', expect: [['set out at G41 of the bundle', 'court-judgment', 'pointer']] },
    { text: 'Procedure is in line with the [regional] joint protocol.', expect: [['in line with the [regional] joint protocol', 'other', 'pointer']] },
    { text: 'This record is to be read in conjunction with the pathway plan.', expect: [['in conjunction with the pathway plan', 'pathway-plan', 'pointer']] },
    {
      text: 'A Brief Guide to Reviews: A new guide, published by the Knowledge Programme, provides additional information on reviews.',
      expect: [['A new guide', 'other', 'pointer']],
    },
    { text: 'The concerns I recorded in my report of 3 March remain.', expect: [['recorded in my report of 3 March', 'other', 'pointer']] },
    { text: 'It should be read in conjunction with the (Joint) Looked After Children Health Protocol.', expect: [['in conjunction with the (Joint) Looked After Children Health Protocol', 'other', 'pointer']] },
    // what a kind of child's record holds for any child defines the kind; this child's plan holds his detail
    { text: 'The Placement Plan sets out the day to day arrangements for the care of a child.', expect: [] },
    { text: "The placement plan sets out J's routines.", expect: [['placement plan sets out', 'placement-plan', 'pointer']] },
    { text: 'The Regulations and associated guidance set out detailed arrangements for looked after children.', expect: [['The Regulations and associated guidance', 'other', 'pointer']] },
    // a document said to exist with no place given; not support, not an absent report, not this record
    { text: 'A full version of our statement of purpose is available.', expect: [['A full version of our statement of purpose is available', 'other', 'pointer']] },
    { text: 'Advice on the plan is available.', expect: [] },
    // once the sentence has said the detail is elsewhere, whatever it names next holds it; not a person or a meeting
    { text: 'Further detail is provided in pointers for practice.', expect: [['provided in pointers for practice', 'other', 'pointer']] },
    { text: 'For more information see practice pointers.', expect: [['see practice pointers', 'other', 'pointer']] },
    { text: 'Further detail was given at the meeting.', expect: [] },
    { text: 'More information is available from the allocated social worker.', expect: [] },
    { text: 'More information was given in supervision on Monday.', expect: [] },
    { text: 'For more information see the social worker on duty.', expect: [] },
    // a state, not a place the detail is kept
    { text: 'More information is in the pipeline.', expect: [] },
    { text: 'Further details are on hold.', expect: [] },
    { text: 'Further details were provided in confidence.', expect: [] },
    // a document that gives or provides the detail, with a word for how much; "further" before its verb
    { text: 'The health assessment gives full details of his needs.', expect: [['health assessment gives full details', 'health-assessment', 'pointer']] },
    { text: 'The guidance provides detailed advice on how to conduct these visits.', expect: [['The guidance', 'other', 'pointer']] },
    { text: 'The local protocol further details the duties of guardians.', expect: [['The local protocol', 'other', 'pointer']] },
    { text: 'The PEP further details his targets.', expect: [['PEP further details', 'pep', 'pointer']] },
    // a document to be read holds what is meant; a bracketed date after it does not end the phrase
    { text: "For a full understanding of K's attachment needs the psychological assessment (May 2025) should be read.", expect: [["the psychological assessment (May 2025) should be read", 'psychological-assessment', 'pointer']] },
    { text: 'The letter should be read to Mother.', expect: [] },
    // committee minutes' cross-reference to the minute that holds the matter
    { text: 'The Chair admitted further information on external placements. (Minute No. 37 refers)', expect: [['Minute No. 37 refers', 'other', 'pointer']] },
    { text: 'The item refers to the budget.', expect: [] },
    { text: 'Item 4 refers to the budget.', expect: [] },
    // a web address after "visit" is where the reader is sent, wherever the word stands
    { text: 'For full agenda, attendance details and supporting documents visit: https://democracy.example.gov.uk/agenda', expect: [['visit: https://democracy.example.gov.uk/agenda', 'other', 'pointer']] },
    { text: 'We will visit the family at home.', expect: [] },
    { text: 'Find out more about J at the review.', expect: [] },
    { text: 'Officers were due to visit another authority to examine its arrangements (minute CPP/13/10 above also refers).', expect: [['minute CPP/13/10 above also refers', 'other', 'pointer']] },
    // a committee's filing note sends the reader to the file for the paper, with or without "of report"
    { text: 'The Senior Partnership Officer presented the Work Programme (for copy see file).', expect: [['see file', 'other', 'pointer']] },
    { text: 'Mother asked for a copy, see the SW.', expect: [] },
    { text: 'No report was available.', expect: [] },
    { text: 'If the report is available, it will be shared.', expect: [] },
    // a document to be followed holds what to do; a person's advice, or this procedure, is no other document
    { text: 'Where there are concerns about siblings the guidance in Chapter 6 of these procedures must be followed.', expect: [['the guidance in Chapter 6 of these procedures must be followed', 'other', 'pointer']] },
    { text: 'This procedure must be followed.', expect: [] },
    { text: "Mother's advice must be followed.", expect: [] },
    { text: 'C110A application form - submitted separately (pg.4)', expect: [['submitted separately', 'other', 'pointer']] },
    // a document made to hold the detail: "has been developed to set out"
    { text: 'A separate chapter has been developed to set out the responsibilities of the IRO.', expect: [['A separate chapter', 'other', 'pointer']] },
    { text: 'It is important to set out the plan clearly.', expect: [] },
    // what a document holds, when it is other documents named here, is not left in it
    { text: "The court bundle contained the parenting assessment, the guardian's analysis and the statements.", expect: [] },
    // the law an act is done under is cited; vague "recent case law" or a policy still sends the reader
    { text: 'Ofsted produces this report in accordance with section 152 of the Education and Inspections Act 2006.', expect: [['in accordance with section 152', 'other', 'citation']] },
    { text: 'Information was added in line with recent case law.', expect: [['in line with recent case law', 'other', 'pointer']] },
    { text: 'J is a child in need as defined in section 17 of the Children Act 1989.', expect: [['as defined in section 17', 'other', 'citation']] },
    { text: 'His support is as defined in the regulations and guidance on leaving care.', expect: [['as defined in the regulations and guidance', 'other', 'pointer']] },
    // a document's own predicate is about itself; a cue further on belongs to another subject
    { text: 'This framework is informed by the statutory guidance set out in Working Together to Safeguard Children (2023).', expect: [['set out in Working Together to Safeguard Children (2023)', 'other', 'pointer']] },
    // this record, the writer's own text, a point made again after "as stated above"
    { text: 'This publication is available here.', expect: [] },
    { text: 'This document outlines the fees for all foster carers.', expect: [] },
    { text: 'For reasons that I set out within my judgment, I approve the plan.', expect: [] },
    { text: 'As stated above, where age allows the child should be involved in deciding who attends.', expect: [['As stated above', 'other', 'citation']] },
    // after a word for the detail, any document-like phrase ("the pack", "Section 7", "the school's website")
    { text: 'Details of the plan are in the pack.', expect: [['Details of the plan are in the pack', 'other', 'pointer']] },
    { text: 'Information on contact is in Section 7.', expect: [['Information on contact is in Section 7', 'other', 'pointer']] },
    { text: "More information is on the school's website.", expect: [['is on the school\'s website', 'other', 'pointer']] },
    { text: 'Please find attached the parenting assessment.', expect: [['Please find attached the parenting assessment', 'parenting-assessment', 'pointer']] },
    // the document before "for further details"
    { text: '(Section 3 part 1 for information on preparing a chronology)', expect: [['Section 3 part 1 for information', 'other', 'pointer']] },
    { text: 'Check the PEP for details of his targets.', expect: [['PEP for details', 'pep', 'pointer']] },
    { text: 'See this report for further details.', expect: [] },
    { text: 'The report was shared for information.', expect: [] },
    { text: 'Contact the Virtual School for further information.', expect: [] },
    // looser cues: shown or evidenced in a document, a link, "see overleaf", told to note a document
    { text: 'This is evidenced in the case notes.', expect: [['evidenced in the case notes', 'other', 'pointer']] },
    { text: 'Use the link to the referral form.', expect: [['Use the link', 'other', 'pointer']] },
    { text: 'See overleaf.', expect: [['See overleaf', 'other', 'pointer']] },
    // the audience told where to look takes a title as the document; a person referred to a service does not
    { text: 'The Head of Service referred the Committee to the Corporate Parenting Strategy.', expect: [['referred the Committee to the Corporate Parenting Strategy', 'other', 'pointer']] },
    { text: 'J was referred to the Corporate Parenting Strategy.', expect: [] },
    { text: 'J was referred  to Early Help.', expect: [] },
    // told to look at something, and where it is: the place is the document
    { text: 'Please see the details on the council website.', expect: [['Please see the details on the council website', 'other', 'pointer']] },
    { text: 'Please see how J is doing on the attendance page.', expect: [] },
    { text: 'Please see the drawings on the kitchen table.', expect: [] },
    { text: 'J earns stickers as per his reward chart.', expect: [] },
    // a curly apostrophe, as pasted from a word processor, reads as a straight one
    { text: 'Contact will continue per J’s contact plan.', expect: [['per J’s contact plan', 'contact-plan', 'pointer']] },
    // "is here" only as its own words ("care here" is not "are here")
    { text: 'The report on his care here.', expect: [] },
    // a committee asked to note a report receives it; it is not sent to read it
    { text: 'The committee is asked to note the report from the Corporate Parenting Panel.', expect: [] },
    { text: 'Contact is as agreed in the safety plan.', expect: [['as agreed in the safety plan', 'safety-plan', 'pointer']] },
    { text: 'As agreed at the meeting, J stays with his carers.', expect: [] },
    { text: "Regard must be had to the child's wishes.", expect: [] },
    { text: 'I will not repeat the background set out in that report.', expect: [['set out in that report', 'other', 'pointer']] },
    { text: 'Please see that the plan is followed.', expect: [] },
    { text: 'Mother is aware of the written agreement.', expect: [] },
    { text: 'Staff should be aware of the risks.', expect: [] },
    // court bundles: a page or a tab, a document annexed
    { text: 'The parenting assessment is at E45 of the bundle.', expect: [['is at E45 of the bundle', 'parenting-assessment', 'pointer']] },
    { text: 'The chronology is set out at A4-A20.', expect: [['set out at A4-A20', 'chronology', 'pointer']] },
    { text: 'The threshold findings are annexed to this judgment.', expect: [['threshold findings are annexed', 'court-judgment', 'pointer']] },
    { text: 'J is at school and the plan is at an early stage.', expect: [] },
    { text: 'The risks are as detailed in S47 enquiries.', expect: [] },
    // a referral to a service is not a pointer; the reader told to refer to one is
    { text: 'J was referred to Early Help.', expect: [] },
    { text: "Mother was referred to Women's Aid and to the Freedom Programme.", expect: [] },
    { text: 'Refer to Early Help Assessment.', expect: [['Refer to Early Help Assessment', 'other', 'pointer']] },
    { text: 'Please note that the meeting is cancelled.', expect: [] },
    { text: 'The case should then be presented at Resource Management Panel.', expect: [] },
    { text: 'This guidance is available via the link below.', expect: [] },
    { text: 'Please note this FFA plan holds the following documents:', expect: [] },
    { text: 'The views of the child should be included and addressed within the care plan.', expect: [] },
    // not pointers
    { text: 'Mum is in agreement with the plan.', expect: [] },
    { text: 'The children are on a child protection plan.', expect: [] },
    { text: 'The letter is kept on the social work file.', expect: [] },
    { text: 'For a time he could not see the point of the PEP.', expect: [] },
    { text: 'The care plan details are unchanged.', expect: [] },
    { text: 'Father gave the contact details of his new GP.', expect: [] },
    { text: 'SW to update the PEP by 30/05/2025.', expect: [] },
    { text: 'IRO to chair the next review on 23/10/2025.', expect: [] },
    { text: 'Complete the parenting assessment by 14 June 2025.', expect: [] },
    { text: 'The care plan was discussed at the meeting.', expect: [] },
    { text: 'Mother asked to see the chronology.', expect: [] },
    { text: "Father's contact will be in line with J's wishes.", expect: [] },
    { text: 'J is securely attached to his foster carers.', expect: [] },
    { text: 'J enjoys football and goes to a club on Saturdays.', expect: [] },
  ];
  for (const r of rows) {
    it(`${r.expect.length ? r.expect[0][2] : 'none'}: ${r.text}`, () => {
      const got = findDocumentPointers(r.text);
      assert.deepEqual(
        got.map((p) => [p.phrase, p.docType, p.strength]),
        r.expect,
      );
      for (const p of got) assert.equal(r.text.slice(p.start, p.end), p.phrase);
    });
  }

  it('reads the date written after a document, and whether the sentence leaves the detail there', () => {
    const [p] = findDocumentPointers('For the detail of the actions, please refer to the PEP dated 14/10/2025.');
    assert.equal(p.date, '2025-10-14');
    assert.equal(p.target, 'PEP dated 14/10/2025');
    assert.equal(p.defersDetail, true);
    const [q] = findDocumentPointers('Education is as set out in the PEP of March 2025.');
    assert.equal(q.date, '2025-03');
    assert.equal(q.defersDetail, false);
  });

  it('finds several pointers in a paragraph, with offsets into the whole text', () => {
    const text = 'J is settled. Education is going well (see PEP). Health needs are met as per the RHA.';
    const got = findDocumentPointers(text);
    assert.deepEqual(got.map((p) => p.docType), ['pep', 'health-assessment']);
    assert.equal(text.slice(got[1].start, got[1].end), 'as per the RHA');
  });

  it('accepts extra document types', () => {
    const text = 'See the Signs of Safety map for the worries.';
    // any document-like phrase after a cue is a pointer; the team's type names which document
    assert.equal(findDocumentPointers(text)[0]?.docType ?? 'none', 'other');
    const got = findDocumentPointers(text, { extraDocumentTypes: { 'sos-map': ['signs of safety map'] } });
    assert.equal(got[0].docType, 'sos-map');
  });

  it('keeps the canonical document type ids', () => {
    assert.deepEqual(Object.keys(DOCUMENT_TYPES).sort(), [
      'care-plan', 'chronology', 'child-in-need-plan', 'child-protection-plan', 'contact-plan', 'court-judgment', 'court-order',
      'disruption-minutes', 'drug-test', 'ehcp', 'gp-letter', 'health-assessment', 'other', 'parenting-assessment', 'pathway-plan',
      'pep', 'placement-plan', 'police-disclosure', 'psychological-assessment', 'review-minutes', 'safety-plan', 'social-work-report',
      'supervision-record', 'viability-assessment',
    ].sort());
  });

});
