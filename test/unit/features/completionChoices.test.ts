// Completion of what the author writes most (issue 14, item 7): owners' roles with the team's own,
// timescale phrases with the date each comes to, ids of the same child's records only, and one
// snippet where a new entry starts (never in a value). Hover leaves a finding's text to the finding.
import { strict as assert } from 'node:assert';
import { completionsAt, hoverAt } from '../../../server/src/service/features';
import { applyConfig, defaultConfig, parseConfigText } from '../../../server/src/service';
import { check } from '../../support/check';
import { REVIEW, URI, at, indexWith, parse } from './fixture';

const labels = (items: { label: string }[]) => items.map((i) => i.label);

describe('features: completion of owners, timescales, ids and entries', () => {
  it('offers roles for an action\'s owner, the team\'s own (roles: in the config) first', async () => {
    const text = REVIEW.replace('    owner: IRO\n', '    owner: \n');
    const pos = at(text, '    owner: \n', 11);
    const items = await completionsAt(parse(text), pos, { uri: URI, roles: ['Edge of care worker'] });
    const names = labels(items);
    assert.equal(names[0], 'Edge of care worker');
    for (const role of ['Social worker', 'IRO', 'Foster carer', 'Designated teacher', 'Mother']) assert.ok(names.includes(role), `offers ${role}: ${names}`);
    for (const group of ['All', 'Professionals', 'The LA']) assert.ok(!names.includes(group), `never a group the action-owner check flags (${group})`);
    const team = items.find((i) => i.label === 'Edge of care worker')!;
    assert.ok(team.sortText! < items.find((i) => i.label === 'Social worker')!.sortText!);
    assert.deepEqual(team.textEdit, { range: { start: pos, end: pos }, newText: 'Edge of care worker' });
  });

  it('reads the team\'s roles from `roles:` in .careplan.yaml, adding up over configs', () => {
    assert.deepEqual(parseConfigText('roles: [Edge of care worker, Virtual school head]\n'), {
      config: { roles: ['Edge of care worker', 'Virtual school head'] },
      findings: [],
    });
    const base = applyConfig(defaultConfig(), { roles: ['Edge of care worker'] });
    assert.deepEqual(applyConfig(base, { roles: ['Virtual school head', 'Edge of care worker'] }).roles, ['Edge of care worker', 'Virtual school head']);
  });

  it('offers timescale phrases with the date each comes to in this record, none of them flagged', async () => {
    const text = REVIEW.replace('    timescale: ongoing\n', '    timescale: \n');
    const pos = at(text, '    timescale: \n', 15);
    const items = await completionsAt(parse(text), pos, { uri: URI, today: '2025-04-30' });
    const ten = items.find((i) => i.label === 'within 10 working days of this review');
    assert.ok(ten, labels(items).join(' | '));
    // 24 April 2025 + 10 working days (weekends, Good Friday and Easter Monday are before; 5 May is a bank holiday).
    assert.match(ten.detail!, /May 2025/);
    assert.match(ten.detail!, /in \d+ days/);
    assert.ok(items.find((i) => i.label === 'by the next review')!.detail!.includes('23 October 2025'), 'the next review is due 2025-10-23');
    assert.ok(!items.some((i) => /next supervision|this plan/.test(i.label)), 'phrases for a review, not for other records');
    // Each phrase, written in, passes the timescale check.
    for (const item of items) {
      const written = text.replace('    timescale: \n', `    timescale: ${item.label}\n`);
      const findings = await check(written, { only: ['action-timescale'] });
      assert.deepEqual(findings.filter((f) => f.range.start.line === pos.line).map((f) => f.message), [], item.label);
    }
  });

  it('offers the phrases of the kind of record: a supervision counts to the next supervision', async () => {
    const text = 'kind: supervision\nid: sup-1\nchild: CH-000123\ndate: 2025-05-06\nnext_supervision: 2025-06-17\nactions:\n  - action: Visit the child\n    owner: Social worker\n    timescale: \n';
    const items = await completionsAt(parse(text), at(text, '    timescale: \n', 15), { uri: URI });
    assert.ok(!items.some((i) => /review|plan/.test(i.label)), labels(items).join(' | '));
    assert.match(items.find((i) => i.label === 'by the next supervision')!.detail!, /17 June 2025/);
  });

  it("offers only the same child's records as ids", async () => {
    const index = indexWith({
      'file:///ws/other/care-plan.yaml': 'kind: care-plan\nid: cp-CH000999-2025-02\nchild: CH-000999\ndate: 2025-02-01\n',
      'file:///ws/case/review-1.yaml': 'kind: review\nid: review-CH000123-2025-01\nchild: CH-000123\ndate: 2025-01-20\n',
    });
    const text = REVIEW.replace('care_plan: cp-CH000123-2025-01', 'care_plan: ');
    const items = await completionsAt(parse(text), at(text, 'care_plan: ', 11), { uri: URI, index });
    assert.deepEqual(labels(items).sort(), ['cp-CH000123-2025-01', 'review-CH000123-2025-01']);
    const refs = REVIEW.replace('references: [pep-2025-01]', 'references: [');
    const refItems = await completionsAt(parse(refs), at(refs, 'references: [', 13), { uri: URI, index });
    assert.ok(!labels(refItems).includes('cp-CH000999-2025-02'), labels(refItems).join());
  });

  it('offers one snippet where a new action starts, with the next id, roles as choices and the record\'s date', async () => {
    const text = REVIEW.replace('parent_expectations:', '  - \nparent_expectations:');
    const pos = at(text, '  - \nparent_expectations:', 4);
    const items = await completionsAt(parse(text), pos, { uri: URI, snippets: true, roles: ['Edge of care worker'] });
    const snippets = items.filter((i) => i.snippet);
    assert.deepEqual(labels(snippets), ['new action']);
    const body = snippets[0].textEdit.newText;
    assert.match(body, /^id: \$\{1:A3\}\n {4}action: \$\{2:‹[^›]+›\}\n {4}owner: \$\{3\|Edge of care worker,Social worker,/);
    assert.match(body, /\n {4}due: \$\{4:2025-04-24\}\n {4}status: open\$0$/);
    // On an empty line in the list, the snippet writes the dash too.
    const blank = REVIEW.replace('parent_expectations:', '  \nparent_expectations:');
    const onBlank = (await completionsAt(parse(blank), at(blank, '  \nparent_expectations:', 2), { uri: URI, snippets: true })).filter((i) => i.snippet);
    assert.equal(onBlank.length, 1);
    assert.match(onBlank[0].textEdit.newText, /^- id: \$\{1:A3\}\n {4}action: /);
  });

  it('offers an expectation snippet in parent_expectations and a reference snippet in references, one each', async () => {
    const exp = REVIEW.replace('references:\n  - id: pep', 'references:\n  - id: pep').replace('    expectation: Mother will engage with services\n', '    expectation: Mother will engage with services\n  - \n');
    const e = (await completionsAt(parse(exp), at(exp, 'services\n  - \n', 13), { uri: URI, snippets: true })).filter((i) => i.snippet);
    assert.deepEqual(labels(e), ['new parental expectation']);
    assert.match(e[0].textEdit.newText, /^id: \$\{1:E2\}/);
    const ref = REVIEW + '  - \n';
    const r = (await completionsAt(parse(ref), { line: ref.split('\n').length - 2, character: 4 }, { uri: URI, snippets: true })).filter((i) => i.snippet);
    assert.deepEqual(labels(r), ['new reference']);
    assert.match(r[0].textEdit.newText, /type: \$\{2\|pep,/);
  });

  it('offers no snippet in a value, on a field already begun, in an action\'s own references, or to a client without snippets', async () => {
    const places: [string, string, number][] = [
      [REVIEW.replace('    owner: IRO\n', '    owner: \n'), '    owner: \n', 11],
      [REVIEW.replace('    timescale: ongoing\n', '    timescale: ongoing\n    \n'), 'ongoing\n    \n', 12],
      [REVIEW.replace('    references: [pep-2025-01]\n', '    references:\n      - \n'), '      - \n', 8],
      [REVIEW, 'kind: review', 0],
    ];
    for (const [text, needle, delta] of places) {
      const items = await completionsAt(parse(text), at(text, needle, delta), { uri: URI, snippets: true });
      assert.deepEqual(items.filter((i) => i.snippet).map((i) => i.label), [], `${needle.trim()}: ${labels(items)}`);
    }
    const text = REVIEW.replace('parent_expectations:', '  - \nparent_expectations:');
    const items = await completionsAt(parse(text), at(text, '  - \nparent_expectations:', 4), { uri: URI });
    assert.equal(items.filter((i) => i.snippet).length, 0, 'no snippet unless the client says it takes them');
  });
});

describe('features: hover beside a finding', () => {
  it('does not repeat the finding\'s text on a vague timescale (VS Code shows the finding in the same hover)', async () => {
    const hover = hoverAt(parse(REVIEW), at(REVIEW, 'timescale: ongoing', 13), { today: '2025-05-01' });
    const findings = await check(REVIEW, { uri: URI, only: ['action-timescale'] });
    const finding = findings.find((f) => f.message.includes("'ongoing'"));
    assert.ok(finding, 'the fixture\'s vague timescale is a finding');
    const value = hover!.contents.value;
    for (const clause of finding.message.split(/ — |; /)) assert.ok(!value.includes(clause.replace(/\.$/, '')), `the hover repeats "${clause}": ${value}`);
    assert.match(value, /Timescale/, 'the field is still explained');
  });

  it('still names the date a clear timescale comes to', () => {
    const hover = hoverAt(parse(REVIEW), at(REVIEW, 'within 10 working', 3), { today: '2025-05-01' });
    assert.match(hover!.contents.value, /Comes to .*May 2025/);
  });
});
