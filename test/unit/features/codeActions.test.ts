import { strict as assert } from 'node:assert';
import { applyConfig, createEngine, createMemoryHost, defaultConfig, parseCarePlanDocument, suppressWithReport } from '../../../server/src/service';
import type { Finding } from '../../../server/src/service';
import { fixesFor, refactoringsAt } from '../../../server/src/service/features';
import type { CodeFix, FixContext } from '../../../server/src/service/features';
import { applyEdits } from '../../support/lspClient';
import { REVIEW, URI, indexWith } from './fixture';

const CONFIG = applyConfig(defaultConfig(), { today: '2025-11-01' });

async function findings(text: string): Promise<Finding[]> {
  const engine = createEngine(createMemoryHost(['file:///ws/'], []));
  for (const d of indexWith().all()) engine.index.put(d);
  engine.index.set(URI, text);
  return (await engine.check({ uri: URI, text }, CONFIG)).findings;
}

function ctx(text: string): FixContext {
  return { uri: URI, parsed: parseCarePlanDocument(text), today: '2025-11-01', index: indexWith(), ruleDocUrl: (id) => `file:///docs/rules/${id}.md` };
}

async function fixes(text: string, ruleId: string): Promise<{ finding: Finding; fixes: CodeFix[] }> {
  const finding = (await findings(text)).find((f) => f.ruleId === ruleId);
  assert.ok(finding, `expected a ${ruleId} finding`);
  return { finding, fixes: fixesFor(finding, ctx(text)) };
}

function apply(text: string, fix: CodeFix | undefined): string {
  assert.ok(fix, 'expected a fix');
  assert.ok(fix.edits, `fix '${fix.title}' has no edits`);
  return applyEdits(text, fix.edits);
}

describe('features: code actions (edits leave the rest of the file byte-for-byte)', () => {
  it('when working out a fix fails, says so and still offers disable and documentation', async () => {
    const { finding } = await fixes(REVIEW, 'action-timescale');
    const failures: [string, unknown][] = [];
    const parsed = parseCarePlanDocument(REVIEW);
    // the record's value is what every rule's fix reads first; disabling needs only the text
    const broken = new Proxy(parsed, { get: (t, k) => { if (k === 'value') throw new Error('boom'); return Reflect.get(t, k); } });
    const offered = fixesFor(finding, { ...ctx(REVIEW), parsed: broken, fixFailed: (id, err) => failures.push([id, err]) });
    assert.deepEqual(failures.map(([id, err]) => [id, (err as Error).message]), [['action-timescale', 'boom']]);
    assert.ok(offered.some((f) => /^Disable action-timescale/.test(f.title)), offered.map((f) => f.title).join(' | '));
    assert.ok(offered.some((f) => f.command));
  });

  it('adds `due:` with the date a relative timescale comes to, after the timescale line', () => {
    const line = REVIEW.split('\n').findIndex((l) => l.includes('within 10 working days'));
    const [fix] = refactoringsAt({ start: { line, character: 0 }, end: { line, character: 0 } }, ctx(REVIEW));
    assert.equal(fix.title, "Add 'due: 2025-05-09' (9 May 2025, what the timescale comes to)");
    const expected = REVIEW.replace(
      '    timescale: within 10 working days of this review   # agreed at the meeting\n',
      '    timescale: within 10 working days of this review   # agreed at the meeting\n    due: 2025-05-09\n',
    );
    assert.equal(apply(REVIEW, fix), expected);
  });

  it('a vague timescale is replaced by the date the message proposes, with a tab stop over it and no comment', async () => {
    const { finding, fixes: list } = await fixes(REVIEW, 'action-timescale');
    assert.match(finding.message, /due: 2025-05-22/);
    const fix = list.find((f) => f.title.startsWith("Replace 'ongoing' with 'due: 2025-05-22'"));
    const expected = REVIEW.replace('    timescale: ongoing\n', '    due: 2025-05-22\n');
    assert.equal(apply(REVIEW, fix), expected);
    assert.equal(fix!.edits![0].snippet, 'due: ${1:2025-05-22}');
    assert.ok(!(await findings(expected)).some((f) => f.ruleId === 'action-timescale' || f.ruleId === 'schema'));
  });

  it('turns a generic expectation into the structured form, keeping its wording and leaving no comments', async () => {
    const { fixes: list } = await fixes(REVIEW, 'expectation-generic');
    const fix = list.find((f) => f.title.startsWith('Write the expectation in full'));
    const expected = REVIEW.replace(
      '    expectation: Mother will engage with services\n',
      '    expectation: Mother will engage with services\n' +
        '    evidence: ‹who checks it, what they see or hear, and how often›\n' +
        '    by: 2025-05-22\n' +
        '    support: ‹what the local authority will do to help›\n' +
        '    if_not_met: ‹what happens if it is not met›\n',
    );
    const out = apply(REVIEW, fix);
    assert.equal(out, expected);
    assert.ok(!out.slice(REVIEW.indexOf('parent_expectations:')).includes('#'));
    assert.match(fix!.edits![0].snippet!, /evidence: \$\{1:‹who checks it, what they see or hear, and how often›\}/);
    // a prompt left as it is is reported, as a template's placeholder is
    assert.equal((await findings(expected)).filter((f) => f.ruleId === 'template-placeholder').length, 3);
    // Still valid YAML with the same record otherwise.
    assert.equal(parseCarePlanDocument(expected).problems.length, 0);
    assert.ok(!(await findings(expected)).some((f) => f.ruleId === 'schema'));
  });

  it('adds a `references:` entry for a document named in the text, every field valid (no empty `path:`)', async () => {
    const { fixes: list } = await fixes(REVIEW, 'reference-unlinked');
    const fix = list.find((f) => f.title.includes("to 'references:'"));
    const expected =
      REVIEW +
      '  - id: health-assessment\n' +
      '    type: health-assessment\n' +
      '    title: Health assessment (IHA / RHA)\n';
    assert.equal(apply(REVIEW, fix), expected);
    const after = await findings(expected);
    assert.ok(!after.some((f) => f.ruleId === 'schema'), after.map((f) => f.message).join('\n'));
  });

  it('turns `references: []` into a block list, touching only ` []`', async () => {
    const text = REVIEW.slice(0, REVIEW.indexOf('references:\n  - id: pep')) + 'references: []   # none yet\n';
    const base = text.replace('    references: [pep-2025-01]\n', '');
    const { fixes: list } = await fixes(base, 'reference-unlinked');
    const fix = list.find((f) => f.title.includes("to 'references:'"));
    const out = apply(base, fix);
    assert.ok(out.startsWith(base.slice(0, base.indexOf('references: []'))));
    assert.ok(out.endsWith('\n    date: 2025-01-14   # none yet\n'), out);
    const parsed = parseCarePlanDocument(out);
    assert.equal(parsed.problems.length, 0);
    assert.deepEqual((parsed.value as { references: unknown[] }).references.length, 1);
  });

  it('creates `references:` at the end when there is none, keeping a missing final newline', async () => {
    const base = REVIEW.slice(0, REVIEW.indexOf('references:\n  - id: pep')).replace('    references: [pep-2025-01]\n', '').trimEnd();
    const { fixes: list } = await fixes(base, 'reference-unlinked');
    const out = apply(base, list.find((f) => f.title.includes("to 'references:'")));
    assert.equal(out.slice(0, base.length), base);
    assert.equal(out.slice(base.length).split('\n')[1], 'references:');
    assert.equal(parseCarePlanDocument(out).problems.length, 0);
  });

  it('disables the rule for the next line with a comment the engine honours', async () => {
    const { fixes: list } = await fixes(REVIEW, 'action-timescale');
    const fix = list.find((f) => f.title === 'Disable action-timescale for this line');
    const expected = REVIEW.replace('    timescale: ongoing\n', '    # careplan-disable-next-line action-timescale\n    timescale: ongoing\n');
    const out = apply(REVIEW, fix);
    assert.equal(out, expected);
    assert.ok(!(await findings(out)).some((f) => f.ruleId === 'action-timescale'));
  });

  it('inside a block of text, wraps the field in disable/enable comments instead', async () => {
    const { fixes: list } = await fixes(REVIEW, 'reference-unlinked');
    const fix = list.find((f) => f.title === 'Disable reference-unlinked for this line');
    const expected = REVIEW.replace('discussion: |\n', '# careplan-disable reference-unlinked\ndiscussion: |\n').replace(
      'review health assessment.\n',
      'review health assessment.\n# careplan-enable reference-unlinked\n',
    );
    const out = apply(REVIEW, fix);
    assert.equal(out, expected);
    assert.equal((parseCarePlanDocument(out).value as { discussion: string }).discussion, (parseCarePlanDocument(REVIEW).value as { discussion: string }).discussion);
    assert.ok(!(await findings(out)).some((f) => f.ruleId === 'reference-unlinked'));
  });

  it('offers to create a missing document named by id, from a template', async () => {
    const text = REVIEW.replace('care_plan: cp-CH000123-2025-01', 'care_plan: cp-CH000123-2025-09');
    const { fixes: list } = await fixes(text, 'reference-missing');
    const fix = list.find((f) => f.createFile);
    assert.ok(fix);
    assert.equal(fix.createFile!.uri, 'file:///ws/case/cp-CH000123-2025-09.yaml');
    const created = parseCarePlanDocument(fix.createFile!.text);
    assert.equal(created.kind, 'care-plan');
    assert.deepEqual((created.value as Record<string, unknown>).id, 'cp-CH000123-2025-09');
    assert.equal((created.value as Record<string, unknown>).child, 'CH-000123');
  });

  it('offers to create a missing Markdown file named by path', async () => {
    const { fixes: list } = await fixes(REVIEW, 'reference-missing');
    const fix = list.find((f) => f.createFile);
    assert.deepEqual(fix?.createFile, { uri: 'file:///ws/education/pep-2025-01.md', text: '# Personal education plan, spring term\n' });
  });

  it('every finding offers its documentation, as a command with the rule page URL', async () => {
    const list = await findings(REVIEW);
    assert.ok(list.length > 0, 'the fixture has findings');
    for (const f of list) {
      const docs = fixesFor(f, ctx(REVIEW)).find((x) => x.command);
      assert.deepEqual(docs?.command?.arguments, [`file:///docs/rules/${f.ruleId}.md`]);
      assert.equal(docs?.command?.command, 'careplan.showRuleDoc');
    }
  });

  it('keeps CRLF line endings in inserted lines', async () => {
    const crlf = REVIEW.replace(/\n/g, '\r\n');
    const { fixes: list } = await fixes(crlf, 'action-timescale');
    const out = apply(crlf, list.find((f) => f.title.startsWith('Disable')));
    assert.equal(out, crlf.replace('    timescale: ongoing\r\n', '    # careplan-disable-next-line action-timescale\r\n    timescale: ongoing\r\n'));
  });

  it('renames a misspelt field and rewrites a UK date as year-month-day', async () => {
    const text = REVIEW.replace('    owner: IRO\n', '    ownr: IRO\n').replace('date: 2025-04-24', 'date: 24/04/2025');
    const all = await findings(text);
    const outs = all
      .filter((f) => f.ruleId === 'schema')
      .map((f) => fixesFor(f, ctx(text)).find((x) => x.title.startsWith('Rename') || x.title.startsWith('Write the date')))
      .filter(Boolean)
      .reduce((t, fix) => apply(t, fix), text);
    assert.equal(outs, text.replace('    ownr: IRO\n', '    owner: IRO\n').replace('date: 24/04/2025', 'date: 2025-04-24'));
  });
});

describe('features: a misspelt id in a careplan-disable comment', () => {
  it('offers the id it can mean, in its place, as a safe fix', async () => {
    const text = `# careplan-disable-file action-ownr\n${REVIEW}`;
    const { fixes: offered } = await fixes(text, 'disable-comment');
    const fix = offered.find((f) => f.title === "Write 'action-owner'");
    assert.ok(fix?.safe, offered.map((f) => f.title).join(', '));
    assert.equal(apply(text, fix), `# careplan-disable-file action-owner\n${REVIEW}`);
  });

  it('offers nothing when two ids are as near (no fix to apply without asking)', () => {
    const [found] = suppressWithReport([], '# careplan-disable-file rule-a\nkind: review\n', { knownIds: ['rule-ab', 'rule-ac'], severity: 'warning', reportUnused: false });
    assert.match(found.message, /did you mean 'rule-ab'/);
    assert.deepEqual(fixesFor(found, ctx('# careplan-disable-file rule-a\nkind: review\n')).filter((f) => f.title.startsWith('Write')), []);
  });
});
