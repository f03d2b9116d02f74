/**
 * Issue 14, part A: quick fixes that fill in the answer (the value the message proposes, as a
 * tab stop), fixes for what had none, syntax findings in plain words without knock-on findings,
 * and a near-miss `kind:` caught. Each test applies the fix and checks the record after it.
 */
import { strict as assert } from 'node:assert';
import { applyConfig, createEngine, createMemoryHost, defaultConfig, parseCarePlanDocument } from '../../../server/src/service';
import type { Finding } from '../../../server/src/service';
import { RULES } from '../../../server/src/service/rules';
import { fixesFor } from '../../../server/src/service/features';
import type { CodeFix, FixContext } from '../../../server/src/service/features';
import { applyEdits } from '../../support/lspClient';
import { LINEAR_LIMIT, sizeRatio } from '../../support/linearTime';

const URI = 'file:///ws/case/review-2.yaml';
const CONFIG = applyConfig(defaultConfig(), { today: '2025-05-01' });

const HEAD = `kind: review
id: review-CH000123-2025-04-24
child: CH-000123
date: 2025-04-24
review: { number: 1, chair: IRO, next_review_due: 2025-07-24 }
wishes_and_feelings: { child: J says he likes his carers and wants to keep playing football. }
`;

async function check(text: string): Promise<Finding[]> {
  const engine = createEngine(createMemoryHost(['file:///ws/'], []));
  engine.index.set(URI, text);
  return (await engine.check({ uri: URI, text }, CONFIG)).findings;
}

function ctx(text: string): FixContext {
  return { uri: URI, parsed: parseCarePlanDocument(text), today: '2025-05-01' };
}

async function only(text: string, ruleId: string, test: (f: Finding) => boolean = () => true): Promise<Finding> {
  const found = (await check(text)).filter((f) => f.ruleId === ruleId && test(f));
  assert.equal(found.length, 1, `one ${ruleId} finding: ${JSON.stringify(found.map((f) => f.message))}`);
  return found[0];
}

function fix(text: string, finding: Finding, title: RegExp): CodeFix {
  const offered = fixesFor(finding, ctx(text));
  const found = offered.find((f) => title.test(f.title));
  assert.ok(found?.edits, `a fix ${title}; offered: ${offered.map((f) => f.title).join(' | ')}`);
  return found;
}

const apply = (text: string, f: CodeFix) => applyEdits(text, f.edits!);

describe('features: fixes that fill in the answer (issue 14)', () => {
  it('an action with no timescale: the message proposes a date and "Add due" writes that date, as a tab stop', async () => {
    const text = `${HEAD}actions:\n  - id: A1\n    action: Book the health assessment\n    owner: Social worker\n`;
    const finding = await only(text, 'action-timescale');
    assert.match(finding.message, /such as 2025-05-22/);
    const f = fix(text, finding, /^Add 'due: 2025-05-22'/);
    assert.equal(apply(text, f), `${text}    due: 2025-05-22\n`);
    assert.equal(f.edits![0].snippet, '    due: ${1:2025-05-22}\n');
    assert.ok(!f.safe, 'a proposal is the author\'s to confirm: --fix leaves it');
    assert.deepEqual((await check(apply(text, f))).map((x) => x.ruleId), []);
  });

  it('a vague owner is replaced by the role the wording starts with, the cursor on it', async () => {
    const text = `${HEAD}actions:\n  - id: A1\n    action: IRO to write to the head of service\n    owner: all professionals   # agreed\n    due: 2025-06-01\n`;
    const f = fix(text, await only(text, 'action-owner'), /^Make 'IRO' the owner/);
    assert.equal(apply(text, f), text.replace('owner: all professionals', 'owner: IRO'));
    assert.equal(f.edits![0].snippet, '${1:IRO}');
  });

  it('the structured expectation carries what its wording says: the parent, the date and how it is checked', async () => {
    const text = `${HEAD}parent_expectations:\n  - id: E1\n    expectation: Mother will attend every contact session, checked by the contact supervisor, by 1 June 2025\n`;
    const finding = await only(text, 'expectation-incomplete');
    const out = apply(text, fix(text, finding, /^Write the expectation in full/));
    const e = (parseCarePlanDocument(out).value as { parent_expectations: Record<string, string>[] }).parent_expectations[0];
    assert.equal(e.parent, 'Mother');
    assert.equal(e.evidence, 'checked by the contact supervisor, by 1 June 2025');
    assert.equal(e.by, '2025-06-01');
    assert.equal(e.expectation, 'Mother will attend every contact session, checked by the contact supervisor, by 1 June 2025');
    assert.ok(!out.includes('#'), 'no comments left behind');
    assert.ok(!(await check(out)).some((x) => x.ruleId === 'schema' || x.ruleId === 'expectation-incomplete'));
  });

  it('no expectations written down: a fix adds a first one to fill in, and the finding goes', async () => {
    const text = `${HEAD}placement: { type: placed-with-parents, start_date: 2025-01-06 }\n`;
    const finding = await only(text, 'expectation-incomplete');
    const out = apply(text, fix(text, finding, /^Add 'parent_expectations:'/));
    const after = await check(out);
    assert.ok(!after.some((x) => x.ruleId === 'schema' || x.ruleId === 'expectation-incomplete'), JSON.stringify(after.map((x) => x.message)));
    assert.ok(out.startsWith(text) && /\nparent_expectations:\n {2}- parent: Mother\n/.test(out), out);
  });

  it('actions and expectations written as one line: a plain message, and a fix that keeps the words', async () => {
    const text = `${HEAD}actions:\n  - Social worker to visit Mother monthly   # from the meeting\nparent_expectations:\n  - "Father will ring J every Sunday"\n`;
    const findings = (await check(text)).filter((f) => f.ruleId === 'schema');
    assert.equal(findings.length, 2, JSON.stringify(findings.map((f) => f.message)));
    for (const f of findings) {
      assert.match(f.message, /is written as a single line — put its words after `(action|expectation):`/);
      assert.doesNotMatch(f.message, /group of fields|should be/);
    }
    const [action, expectation] = findings;
    let out = apply(text, fix(text, expectation, /^Write as an expectation/));
    out = apply(out, fix(out, (await check(out)).find((f) => f.ruleId === 'schema')!, /^Write as an action/));
    assert.equal(
      out,
      `${HEAD}actions:\n  - action: Social worker to visit Mother monthly   # from the meeting\n    owner: Social worker\n    due: 2025-05-22\n` +
        `parent_expectations:\n  - parent: Father\n    expectation: "Father will ring J every Sunday"\n`,
    );
    assert.ok(!(await check(out)).some((x) => x.ruleId === 'schema'));
    void action;
  });

  it('every rule with fixes owns them (typed data read back by the rule, no central switch)', () => {
    const owners = RULES.filter((r) => r.fixes).map((r) => r.id).sort();
    assert.deepEqual(owners, ['action-overdue', 'action-owner', 'action-timescale', 'expectation-generic', 'expectation-incomplete', 'reference-missing', 'reference-unlinked']);
  });

  it('data the editor sends back in the wrong shape gives no fix, never a bad edit', async () => {
    const text = `${HEAD}actions:\n  - id: A1\n    action: Book the health assessment\n    owner: Social worker\n    timescale: ongoing\n`;
    const finding = await only(text, 'action-timescale');
    const offered = fixesFor({ ...finding, data: { status: 'vague', textDate: '2025-02-30', proposedDue: 7 } }, ctx(text));
    for (const f of offered) for (const e of f.edits ?? []) assert.doesNotMatch(e.newText, /2025-02-30|\b7\b/);
  });
});

describe('features: syntax findings in plain words (issue 14)', () => {
  it('one finding per problem, no parser wording, and no knock-on findings in the item it spoils', async () => {
    const text = `${HEAD}actions:\n  - id: A1\n    action: Book the health assessment\n    owner Social worker\n    timescale within 4 weeks\n`;
    const findings = await check(text);
    const syntax = findings.filter((f) => f.ruleId === 'yaml-syntax');
    assert.equal(syntax.length, 1, JSON.stringify(syntax.map((f) => f.message)));
    assert.equal(syntax[0].message, '`owner Social worker` has no colon after the field name — write it as `name: value`, for example `owner: Social worker`.');
    assert.equal(syntax[0].range.start.line, 9);
    assert.deepEqual(findings.filter((f) => f.ruleId !== 'yaml-syntax').map((f) => `${f.ruleId}: ${f.message}`), []);
    // the colon is put back where the word is one of the record's fields; one problem at a time
    let out = apply(text, fix(text, syntax[0], /^Add the colon: 'owner:'$/));
    const next = (await check(out)).find((f) => f.ruleId === 'yaml-syntax')!;
    out = apply(out, fix(out, next, /^Add the colon: 'timescale:'$/));
    assert.equal(out, text.replace('owner Social', 'owner: Social').replace('timescale within', 'timescale: within'));
    assert.deepEqual((await check(out)).map((f) => f.ruleId), []);
  });

  it('a quotation mark never closed, a value with a second colon: said in plain words', async () => {
    const quote = await check(`${HEAD}summary: "the plan is working\n`);
    assert.deepEqual(quote.filter((f) => f.ruleId === 'yaml-syntax').map((f) => f.message), ['A quotation mark opened here is never closed — close it at the end of the text, or remove it.']);
    const colon = await check(`${HEAD}actions:\n  - action: Mother said: no contact\n    owner: Social worker\n    due: 2025-06-01\n`);
    const messages = colon.filter((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'schema').map((f) => f.message);
    assert.deepEqual(messages, ['`- action: Mother said: no contact` has a second colon followed by a space, which starts a new field — put the whole value in double quotes.']);
  });

  it(`finding what each problem spoils is linear: 10× as many broken items take at most ${LINEAR_LIMIT}× as long`, function () {
    this.timeout(300_000);
    const item = '- x: 1\n  y z\n';
    const { ratio, detail } = sizeRatio((n) => {
      const text = `kind: review\nactions:\n${item.repeat(Math.ceil(n / item.length))}`;
      return () => parseCarePlanDocument(text);
    }, { maxReps: 1 });
    assert.ok(ratio <= LINEAR_LIMIT, detail);
  });

  it('a tab: one finding, no knock-on about the field above it, and a fix that writes spaces', async () => {
    const text = 'kind: review\nid: r1\nchild: CH-000123\ndate: 2025-04-24\nreview:\n\tnumber: 1\n\tchair: IRO\n';
    const findings = await check(text);
    assert.deepEqual(findings.filter((f) => f.ruleId === 'schema').map((f) => f.message), []);
    const tabs = findings.filter((f) => f.ruleId === 'yaml-syntax');
    assert.equal(tabs.length, 2);
    let out = text;
    for (let i = 0; i < 2; i++) {
      const tab = (await check(out)).find((f) => f.ruleId === 'yaml-syntax')!;
      out = apply(out, fix(out, tab, /^Replace the tab with spaces$/));
    }
    assert.equal(out, text.replace(/\t/g, '  '));
    assert.ok(!(await check(out)).some((f) => f.ruleId === 'yaml-syntax' || f.ruleId === 'schema'));
  });
});

describe('features: a near-miss kind: is a finding with a fix (issue 14)', () => {
  for (const [written, kind] of [['Review', 'review'], ['care plan', 'care-plan'], ['careplan', 'care-plan'], ['"Care-Plan"', 'care-plan'], ['supervison', 'supervision'], ['Supervision record', 'supervision']] as const) {
    it(`kind: ${written} is checked as ${kind}, and the fix writes kind: ${kind}`, async () => {
      const text = `kind: ${written}\nid: x1\nchild: CH-000123\ndate: 2025-04-24\n`;
      assert.equal(parseCarePlanDocument(text).kind, kind);
      const finding = await only(text, 'schema', (f) => f.pointer === '/kind');
      assert.match(finding.message, new RegExp(`careplan knows this kind of record as \`${kind}\``));
      const f = fix(text, finding, new RegExp(`^Write 'kind: ${kind}'$`));
      assert.ok(f.safe, 'one spelling is meant: --fix may make it');
      assert.ok(apply(text, f).startsWith(`kind: ${kind}\n`));
      assert.ok(!(await check(apply(text, f))).some((x) => x.pointer === '/kind'));
    });
  }

  it('a kind: that names none of them is still not a record (kind: Deployment, kind: view, kind: Preview)', () => {
    for (const k of ['Deployment', 'view', 'plan', 'reviews-and-more-words', 'Preview', 'Service']) assert.equal(parseCarePlanDocument(`kind: ${k}\n`).kind, undefined, k);
  });
});
