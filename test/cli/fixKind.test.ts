/** careplan lint on a record whose `kind:` is nearly right (issue 14): reported, and fixed by --fix. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, runCli, workspace } from '../support/cli';

const RECORD = (kind: string) => `kind: ${kind}   # as typed
id: review-CH000993-2099-10-24
child: CH-000993
date: 2099-10-24
review: { number: 1, chair: IRO, next_review_due: 2099-11-21 }
wishes_and_feelings: { child: J says he likes his carers and wants to keep playing football. }
`;

describe('careplan lint: a near-miss kind:', () => {
  before(() => assert.ok(fs.existsSync(CLI), 'run npm run build first'));

  it('reports kind: Review instead of skipping the file, and --fix writes kind: review', () => {
    const dir = workspace({ 'r.yaml': RECORD('Review') });
    const r = runCli(['lint', '--format', 'json', '.'], dir);
    const [file] = JSON.parse(r.stdout);
    assert.deepEqual(file.findings.map((f: { ruleId: string; pointer?: string }) => f.ruleId), ['schema'], r.stdout);
    assert.match(file.findings[0].message, /careplan knows this kind of record as `review`/);
    const fixed = runCli(['lint', '--fix', '.'], dir);
    assert.equal(fixed.code, 0, fixed.stdout + fixed.stderr);
    assert.equal(fs.readFileSync(path.join(dir, 'r.yaml'), 'utf8'), RECORD('review'));
  });

  it('kind: care plan is a care plan with one finding; kind: Deployment is not a record', () => {
    const dir = workspace({ 'cp.yaml': 'kind: care plan\nid: cp-1\nchild: CH-000993\ndate: 2099-10-24\n', 'k8s.yaml': 'kind: Deployment\nmetadata: { name: x }\n' });
    const r = runCli(['lint', '--format', 'json', '.'], dir);
    const files = JSON.parse(r.stdout) as { filePath: string; findings: { pointer?: string; message: string }[] }[];
    const cp = files.find((f) => f.filePath.endsWith('cp.yaml'));
    assert.ok(cp?.findings.some((f) => /as `care-plan`/.test(f.message)), r.stdout);
    assert.ok(!files.some((f) => f.filePath.endsWith('k8s.yaml') && f.findings.length), r.stdout);
  });
});
