/** Bad input never throws: it gives findings or a clear message, in the engine and the CLI. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check, brief } from '../../support/check';
import { decodeText } from '../../../server/src/node/readText';
import { generateReview } from '../../support/generate';
import { runCli } from '../../support/cli';

const HEAD = 'kind: review\nid: r1\nchild: CH-000123\ndate: 2025-04-24\nwishes_and_feelings: { child: K says she is happy at school. }\n';

describe('bad input', () => {
  it('broken YAML gives a syntax finding on the right line', async () => {
    const f = await check(HEAD + 'actions:\n  - id: A1\n    action: "unclosed\n');
    assert.ok(f.some((x) => x.ruleId === 'yaml-syntax'), JSON.stringify(brief(f)));
  });

  it('a tab used for indentation is explained', async () => {
    const f = await check(HEAD + 'actions:\n\t- id: A1\n');
    const syntax = f.filter((x) => x.ruleId === 'yaml-syntax');
    assert.ok(syntax.length >= 1);
    assert.ok(syntax.some((x) => /tab/i.test(x.message)), syntax.map((x) => x.message).join(' | '));
  });

  it('CRLF line endings give the same findings as LF', async () => {
    const text = HEAD + 'actions:\n  - id: A1\n    action: Refer Mother\n    owner: Social worker\n    timescale: ongoing\n';
    const lf = await check(text);
    const crlf = await check(text.replace(/\n/g, '\r\n'));
    assert.deepEqual(crlf.map((x) => [x.ruleId, x.range]), lf.map((x) => [x.ruleId, x.range]));
    assert.equal(lf.length, 1);
  });

  it('a BOM is stripped when reading files, and tolerated by the engine', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEAD)]);
    const decoded = decodeText(bytes);
    assert.ok(decoded.ok && decoded.text.startsWith('kind'));
    assert.deepEqual(await check('\uFEFF' + HEAD), []);
  });

  it('an empty file or a file of comments is not ours and gives nothing', async () => {
    assert.deepEqual(await check(''), []);
    assert.deepEqual(await check('# nothing here\n'), []);
  });

  it('binary bytes are refused with a reason', () => {
    const decoded = decodeText(Buffer.from([0x6b, 0x69, 0x6e, 0x64, 0x00, 0x01, 0xff]));
    assert.equal(decoded.ok, false);
    assert.match(!decoded.ok ? decoded.reason : '', /not text/);
  });

  it('Windows-1252 text is read with a note, not a crash', () => {
    const decoded = decodeText(Buffer.from([0x6b, 0x3a, 0x20, 0x93, 0x71, 0x94, 0x0a]));
    assert.ok(decoded.ok && decoded.text.includes('“q”') && decoded.note);
  });

  it('an alias bomb gives a finding, quickly', async () => {
    const lines = [HEAD.trim(), 'x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) {
      const prev = names[i - 1];
      lines.push(`x-${names[i]}: &${names[i]} [${Array(9).fill('*' + prev).join(',')}]`);
    }
    const f = await check(lines.join('\n') + '\n');
    assert.ok(f.some((x) => x.ruleId === 'yaml-syntax' && /aliases/.test(x.message)), JSON.stringify(brief(f)));
  });

  it('a 5 MB record is checked without error', async function () {
    this.timeout(120_000);
    let text = generateReview(150_000);
    assert.ok(text.length > 5_000_000, `generated ${text.length} bytes`);
    const f = await check(text);
    assert.ok(f.length > 100);
    text = '';
  });

  it('the CLI reports binary and non-UTF-8 files instead of crashing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'careplan-bad-'));
    fs.writeFileSync(path.join(dir, 'bin.yaml'), Buffer.from([0x00, 0x01, 0x02, 0xff]));
    fs.writeFileSync(path.join(dir, 'latin.yaml'), Buffer.concat([Buffer.from(HEAD.replace('id: r1', 'id: r2')), Buffer.from('x-note: caf\xe9\n', 'latin1')]));
    fs.writeFileSync(path.join(dir, 'broken.yaml'), HEAD.replace('id: r1', 'id: r3') + 'actions: [\n');
    const r = runCli(['lint', '-f', 'json', '.'], dir);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { filePath: string; findings: { message: string; ruleId: string }[] }[];
    const byName = Object.fromEntries(out.map((x) => [path.basename(x.filePath), x.findings]));
    assert.match(byName['bin.yaml'][0].message, /not text/);
    assert.match(byName['latin.yaml'][0].message, /not UTF-8/);
    assert.ok(byName['broken.yaml'].some((x) => x.ruleId === 'yaml-syntax'));
  });
});
