import assert from 'node:assert/strict';
import { check } from '../support/check';
import { ruleTable } from '../support/table';

const HEAD = `kind: supervision
id: sup-CH000123-2025-10-09
child: CH-000123
date: 2025-10-09
supervisor: Team manager
`;

const REFLECTIVE =
  'J has been home for seven weeks and says he is happy; his attendance this term is 99%. Mother has kept every key-work session. ' +
  'The worry is December, when her drinking increased last year, so the December period needs more support, planned now.';

const ACTION = `actions:
  - id: A1
    action: Agree a written plan with Mother for extra support over December
    owner: Social worker
    due: 2025-11-28
`;

const DECISION = `decisions:
  - decision: J stays at home with extra support over December
    reason: Every test has been clear since August; the risk is the anniversary
`;

ruleTable('supervision-reflection', [
  { name: 'a reflective record with an action', yaml: `${HEAD}reflection: ${REFLECTIVE}\n${ACTION}`, expect: [] },
  { name: 'a reflective record with a decision and no action', yaml: `${HEAD}reflection: ${REFLECTIVE}\n${DECISION}`, expect: [] },
  {
    name: 'the brief record inspectors find',
    yaml: `${HEAD}reflection: Case discussed, no concerns.\n${ACTION}`,
    expect: ['6:/reflection'],
    messages: [/too little reflection: it is 4 words and does not say what life is like for the child, what is working or not, what worries you or why the plan is right \('case discussed', 'no concerns' say nothing on their own\) — add them/],
  },
  {
    name: 'a reflection in a block scalar is reported on its key',
    yaml: `${HEAD}reflection: |\n  Progressing,\n  continue with plan.\n${ACTION}`,
    expect: ['6:/reflection'],
    messages: ["'progressing'"],
  },
  {
    name: 'no reflection: reported at the start of the record',
    yaml: `${HEAD}${ACTION}`,
    expect: ['1:'],
    messages: [/has no reflection — write what life is like for the child now/],
  },
  {
    name: 'an empty reflection is reported on its key',
    yaml: `${HEAD}reflection: ''\n${ACTION}`,
    expect: ['6:/reflection'],
    messages: ['no reflection'],
  },
  {
    name: "the child's day described, with no evaluation, worry or reason",
    yaml: `${HEAD}reflection: J was seen at home on 3 October. He showed me his bedroom and his football kit, and we played a board game together before tea with his mum.\n${ACTION}`,
    expect: ['6:/reflection'],
    messages: [/does not say what is working or not, what worries you or why the plan is right — add them/],
  },
  {
    name: 'a reflective record with no decision and no action',
    yaml: `${HEAD}reflection: ${REFLECTIVE}\n`,
    expect: ['6:/reflection'],
    messages: [/^This supervision record has no decision or action — add `decisions:`, each with its reason, or actions with an owner and a date\.$/],
  },
  {
    name: 'thin and no direction: one finding naming both',
    yaml: `${HEAD}reflection: Fine.\n`,
    expect: ['6:/reflection'],
    messages: [/too little reflection: it is one word.*; and no decision or action/],
  },
  { name: 'a decision does not rescue a thin reflection', yaml: `${HEAD}reflection: Case discussed, no concerns.\n${DECISION}`, expect: ['6:/reflection'] },
  {
    name: 'empty lists and a decision with no text are no direction',
    yaml: `${HEAD}reflection: ${REFLECTIVE}\nactions: []\ndecisions:\n  - reason: Because\n`,
    expect: ['6:/reflection'],
    messages: ['no decision or action'],
  },
  { name: 'the reflection may be written in the discussion', yaml: `${HEAD}reflection: See below.\ndiscussion: ${REFLECTIVE}\n${ACTION}`, expect: [] },
  {
    name: 'a thin discussion does not make a thin reflection reflective',
    yaml: `${HEAD}reflection: Discussed.\ndiscussion: 'Management oversight: J continues to do well at home. Agree with plan.'\n${ACTION}`,
    expect: ['6:/reflection'],
  },
  {
    name: 'weighing explanations is reflection',
    yaml: `${HEAD}reflection: Mother may be presenting well because the final hearing is close. Against this, the unannounced visits give the same picture as the planned ones. On balance the plan to return home stays right for J.\n${ACTION}`,
    expect: [],
  },
  {
    // everyday writing: an inference ("seem to"), a comparison with before ("happier"), "found … hard", a clause after ", as"
    name: 'everyday reflective writing is reflection',
    yaml: `${HEAD}reflection: The two children are keen to go home, and convincing them we have to go slowly is hard. They seem to have forgotten how bad things were before they came into care, as mum has also played it down. J is happier at school now.\n${ACTION}`,
    expect: [],
  },
  {
    // every part's words are there ("anxious", "struggling", "because"), but inside sentences that report visits and meetings
    name: 'an account of visits and meetings is thin, whatever words it carries',
    yaml: `${HEAD}reflection: Core group this morning. We visit the family and talk to Mother about the damp in the bedroom, and she says J is anxious and struggling at school because of the move. The health visitor checks the baby's weight. I will make an unannounced visit next week.\n${ACTION}`,
    expect: ['6:/reflection'],
    messages: [/too little reflection: it mostly reports what was done and does not say what life is like for the child, what is working or not, what worries you or why the plan is right/],
  },
  {
    // told as a visit, but two sentences analyse: an inference ("I think") and what should happen
    name: 'an account of a visit that analyses what it saw is reflection',
    yaml: `${HEAD}reflection: The visit is after school. J looks tired and tells me he has not slept since the contact moved. I think the new venue has unsettled him more than the contact itself. The carer should ask him, before the next contact, what would help.\n${ACTION}`,
    expect: [],
  },
  {
    // two parts only (the child's life and a reason) and one sentence that analyses, but room to say it
    name: 'a long reflection reaching two parts with a view of what they mean is reflection',
    yaml: `${HEAD}reflection: J moved to his new carers in March. He walks to school with their son, plays football on Saturdays and has started swimming lessons, which he talks about at every visit. His reading has come on by a year since the move. I think the routine of the carers' home has steadied him, more than any extra help at school could.\n${ACTION}`,
    expect: [],
  },
  {
    name: 'a report that takes a stance is analysis',
    yaml: `${HEAD}reflection: On my visit J says the carers shout at him. As he looks well and the school have seen nothing, we are sceptical, but he has never said this before. I visit the carers tomorrow and we need to see J alone again before the review.\n${ACTION}`,
    expect: [],
  },
  {
    // the child's life and a worry, judged by the writer ("a very despairing picture"), with room to say it
    name: "the child's life and what worries, with the writer's view of it, is reflection",
    yaml: `${HEAD}reflection: J is very unhappy at school. He argues with his carers, goes off with older boys and cannot see any future for himself. In lessons he messes about and has been sent home twice this term. It is a very despairing picture until we talk about his little sister; then he smiles.\n${ACTION}`,
    expect: [],
  },
  {
    // "asked why" is the police's question, not a reason; what the police felt is a report
    name: "someone else's question is not a reason for the plan",
    yaml: `${HEAD}reflection: J was reported missing to the police every night for two weeks. The police were frustrated about the time it took and asked why we could not manage him.\n${ACTION}`,
    expect: ['6:/reflection'],
  },
  {
    // template-placeholder asks for the writing; the guidance is not read as the writer's reflection
    name: "a reflection still holding the template's guidance is left to template-placeholder",
    yaml: `${HEAD}reflection: |\n  ‹The child's lived experience; what is going well; what worries us; other explanations\n  considered; what this means for the plan.›\n${ACTION}`,
    expect: [],
  },
  // "what an experience means to the child is a reason" and "three parts about the adults only are thin" are the
  // structure's readings, tested as such in test/unit/prose/reflectionScorer.test.ts: the learned scorer, which has
  // the larger say, reads those two texts the other way
  {
    // no cue the structure knows, but a child's life read for what it costs him: the words carry it (reflection/scorer.ts)
    name: 'a reflection on a child’s life without the cue words is reflection',
    yaml: `${HEAD}reflection: J is carrying the household. At nine he gets his sister up, makes toast and walks her to school, and his own attendance has fallen to 70%. He is proud of this and will not say he is tired. Left as it is, his childhood is being used up looking after others.\n${ACTION}`,
    expect: [],
  },
  {
    name: 'the same three parts with the child in them are reflection',
    yaml: `${HEAD}reflection: The father is expected at anger management but has missed two sessions, because he says he only gets angry when his wife provokes him. His drinking is getting worse and J hides in his bedroom when the police are called.\n${ACTION}`,
    expect: [],
  },
  {
    // "although", "because", "coping" in one sentence: reasons named, not weighed
    name: 'several reasons in one sentence are not reasons weighed',
    yaml: `${HEAD}reflection: Our seven-year-old has got used to the new routine quite well, and although homework is hard because of his poor concentration, we are coping with it at home.\n${ACTION}`,
    expect: ['6:/reflection'],
  },
  {
    name: 'reasons weighed across two sentences are reflection',
    yaml: `${HEAD}reflection: Homework is hard for our seven-year-old because of his poor concentration, although he tries. I think this is why he is so tired on Mondays, rather than the contact at the weekend.\n${ACTION}`,
    expect: [],
  },
  {
    name: 'a short everyday note is still thin',
    yaml: `${HEAD}reflection: J seems happier now and is keen to see his mum.\n${ACTION}`,
    expect: ['6:/reflection'],
  },
  { name: 'a review is not a supervision record', yaml: `kind: review\nid: r1\nchild: CH-000123\ndate: 2025-04-24\ndiscussion: Case discussed, no concerns.\n`, expect: [] },
  {
    name: 'a long reflection is judged on its first 20,000 characters',
    yaml: `${HEAD}reflection: ${REFLECTIVE} ${'He enjoys football. '.repeat(2000)}Case discussed.\n${ACTION}`,
    expect: [],
  },
]);

describe('schema: decisions in a supervision record', () => {
  const schemaOf = async (yaml: string) => (await check(yaml, { only: ['schema'] })).map((f) => `${f.range.start.line + 1}:${f.message}`);
  it('accepts decisions with a decision and a reason, and records without decisions', async () => {
    assert.deepEqual(await schemaOf(`${HEAD}reflection: ${REFLECTIVE}\n${DECISION}`), []);
    assert.deepEqual(await schemaOf(`${HEAD}reflection: ${REFLECTIVE}\n${ACTION}`), []);
    assert.deepEqual(await schemaOf(`${HEAD}decisions:\n  - decision: J stays with his carers\n`), []);
  });
  it('a decision needs its text, and unknown fields are refused', async () => {
    const missing = await schemaOf(`${HEAD}decisions:\n  - reason: He is settled\n`);
    assert.equal(missing.length, 1, missing.join('\n'));
    assert.match(missing[0], /^7:.*decision/);
    const unknown = await schemaOf(`${HEAD}decisions:\n  - decision: J stays\n    why: He is settled\n`);
    assert.equal(unknown.length, 1, unknown.join('\n'));
    assert.match(unknown[0], /^8:.*why/);
  });
});
