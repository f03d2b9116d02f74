// The three findings the product exists for, as a practitioner sees them in VS Code: an action
// with no timescale, a generic expectation of a parent, a reference to a missing document.
// Each sample marks its findings with `# expect: rule-id`; the editor must agree line by line.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, describe as list, diagnosticKeys, expectedMarkers, openSample, ruleId, waitForDiagnostics } from './support';

const CASES = [
  { rule: 'action-timescale', sample: ['CH-000456', 'review-1.yaml'] },
  { rule: 'expectation-generic', sample: ['CH-000456', 'care-plan.yaml'] },
  { rule: 'reference-missing', sample: ['CH-000456', 'review-3.yaml'] },
] as const;

describe('careplan diagnostics in the editor', () => {
  afterEach(closeAll);

  for (const { rule, sample } of CASES) {
    it(`${rule}: every marked line of ${sample.join('/')} has the finding, with its rule id and range`, async () => {
      const editor = await openSample(...sample);
      const doc = editor.document;
      const expected = expectedMarkers(doc, [rule]);
      assert.ok(expected.length > 0, `${sample.join('/')} should mark at least one ${rule} finding`);

      const diags = await waitForDiagnostics(doc.uri, (d) => d.some((x) => ruleId(x) === rule), `${rule} on ${sample.join('/')}`);
      assert.deepEqual(diagnosticKeys(diags, [rule]), expected, `lines of the ${rule} findings; got ${list(diags)}`);

      for (const d of diags.filter((x) => ruleId(x) === rule)) {
        // The rule id links to its documentation: `code` is { value, target } or a plain string.
        if (typeof d.code === 'object') assert.ok(String(d.code.target).includes(rule), `code.target of ${rule} should point at its doc: ${d.code.target}`);
        assert.ok(!d.range.isEmpty, `the ${rule} finding on line ${d.range.start.line + 1} should cover the offending YAML node`);
        assert.ok(d.range.end.line < doc.lineCount, 'range inside the document');
        const covered = doc.getText(d.range);
        assert.ok(covered.trim().length > 0, `the range of ${rule} should cover text, got ${JSON.stringify(covered)}`);
        assert.ok(d.message.length > 20 && !/must have required property/.test(d.message), `a message a social worker understands: ${d.message}`);
        assert.equal(d.source, 'careplan');
      }
    });
  }

  it('checks an unsaved, untitled document as it is typed', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'yaml',
      content: 'kind: review\nid: review-untitled\nchild: CH-000999\ndate: 2025-10-01\nactions:\n  - id: A1\n    action: Visit the child at home\n    owner: Social worker\n    status: open\n',
    });
    await vscode.window.showTextDocument(doc);
    const diags = await waitForDiagnostics(doc.uri, (d) => d.some((x) => ruleId(x) === 'action-timescale'), 'action-timescale on an untitled document');
    assert.deepEqual(diagnosticKeys(diags, ['action-timescale']), ['5:action-timescale']);
  });
});
