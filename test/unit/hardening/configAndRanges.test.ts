/**
 * Issue 10, defect 9 (the parts in the core and the file reader): long team phrase lists cost
 * time in proportion to their length; UTF-16 files are read; "Rename to …" never writes a key
 * twice; yaml-syntax ranges stay on their line and never split an emoji.
 */
import assert from 'node:assert/strict';
import { createEngine, createMemoryHost, parseCarePlanDocument, parseConfigText } from '../../../server/src/service';
import type { Finding, Range } from '../../../server/src/service';
import { fixesFor } from '../../../server/src/service/features';
import { PhraseMatcher } from '../../../server/src/service/dates/explain';
import { phraseRegex } from '../../../server/src/service/dates/phrases';
import { decodeText } from '../../../server/src/node/readText';
import { check } from '../../support/check';

const URI = 'file:///ws/case/doc.yaml';

function reviewWithActions(n: number, timescale: (i: number) => string): string {
  const head = 'kind: review\nid: review-CH100001-x\nchild: CH-100001\ndate: 2025-04-24\nreview:\n  number: 1\n  chair: IRO\nactions:\n';
  return head + Array.from({ length: n }, (_, i) => `  - id: A${i}\n    action: Visit the child at home, visit ${i}\n    owner: Social worker\n    timescale: ${timescale(i)}\n`).join('');
}

/** `n` distinct team phrases; `tag` keeps each run's list new, so no cache from an earlier run helps. */
function phrases(n: number, tag: string): string[] {
  return Array.from({ length: n }, (_, i) => `when the ${tag} panel ${i} agrees`);
}

async function timeCheck(n: number, tag: string): Promise<number> {
  const text = reviewWithActions(30, (i) => `when the team can manage it ${i}`);
  const t0 = process.hrtime.bigint();
  await check(text, { only: ['action-timescale'], config: { timescales: { extra_vague_phrases: phrases(n, tag) } } });
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

describe('hardening: config lists, encodings, renames and syntax ranges (issue 10, defect 9)', () => {
  it('a phrase near the end of 20,000 team phrases is found (one regex of them all is too large for V8)', async () => {
    const list = phrases(20000, 'found');
    const text = reviewWithActions(2, (i) => (i === 1 ? list[19998]! : 'within 4 weeks of this review'));
    const f = await check(text, { only: ['action-timescale'], config: { timescales: { extra_vague_phrases: list } } });
    assert.deepEqual(f.map((x) => `${x.range.start.line + 1}: ${x.message}`), [
      "16: 'when the found panel 19998 agrees' is on this team's list of vague timescales — give a date (due: 2025-05-22) or a bounded timescale such as 'within 4 weeks of this review'.",
    ]);
  });

  it('time grows in proportion to the team phrase list: 20,000 phrases cost at most 15× 2,000', async () => {
    await timeCheck(2000, 'warm'); // load the date library and JIT the matcher first
    const small: number[] = [];
    const large: number[] = [];
    for (let run = 0; run < 3; run++) {
      small.push(await timeCheck(2000, `s${run}`));
      large.push(await timeCheck(20000, `l${run}`));
    }
    const ratio = Math.min(...large) / Math.min(...small);
    assert.ok(ratio <= 15, `2,000 phrases: ${small.map((t) => t.toFixed(0)).join('/')} ms; 20,000: ${large.map((t) => t.toFixed(0)).join('/')} ms; ratio ${ratio.toFixed(1)}`);
  });

  it('the phrase matcher finds what the phrase regex finds', () => {
    const words = ['when', 'capacity', 'allows', 'pending', 'a.s.a.p.', 'short-term', 'Team', 'TBC', 'x', 'é', '(tbc)'];
    const seps = [' ', '  ', '-', ' - ', ', ', '.', '\t', ''];
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    for (let t = 0; t < 3000; t++) {
      const list = Array.from({ length: 1 + rnd(4) }, () => Array.from({ length: 1 + rnd(3) }, () => words[rnd(words.length)]).join(seps[rnd(3)]));
      const text = Array.from({ length: rnd(10) }, () => words[rnd(words.length)] + seps[rnd(seps.length)]).join('');
      const a = phraseRegex(list).exec(text);
      const b = new PhraseMatcher(list).exec(text);
      assert.deepEqual(b && [b.index, b[0]], a && [a.index, a[0]], `${JSON.stringify(list)} in ${JSON.stringify(text)}`);
    }
  });

  describe('UTF-16 files', () => {
    const config = 'rules:\n  action-owner: off\n';
    const le = (s: string) => Buffer.from(s, 'utf16le');
    const be = (s: string) => Buffer.from(s, 'utf16le').swap16();
    const cases: [string, Buffer][] = [
      ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), le(config)])],
      ['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), be(config)])],
      ['UTF-16LE without a BOM', le(config)],
      ['UTF-16BE without a BOM', be(config)],
    ];
    for (const [name, bytes] of cases) {
      it(`a config saved as ${name} is read`, () => {
        const decoded = decodeText(bytes);
        assert.ok(decoded.ok, JSON.stringify(decoded));
        const { config: parsed, findings } = parseConfigText(decoded.text.replace(/^\uFEFF/, ''));
        assert.deepEqual(findings, []);
        assert.deepEqual(parsed, { rules: { 'action-owner': 'off' } });
      });
    }

    it('real binary is still refused, saying what careplan reads (not only records)', () => {
      const decoded = decodeText(Buffer.from([0x6b, 0x69, 0x00, 0x64, 0x00, 0x01, 0xff, 0x00]));
      assert.equal(decoded.ok, false);
      assert.match(!decoded.ok ? decoded.reason : '', /not text .* plain-text YAML files, saved as UTF-8/);
    });
  });

  describe("'Rename to …' never writes a key twice", () => {
    const text = 'kind: review\nid: review-CH100001-x\nchild: CH-100001\ndate: 2025-04-24\nactions:\n  - id: A1\n    action: Visit the child\n    owner: Social worker\n    due: 2025-05-09\n    deu: 2025-05-10\n';

    it('the schema does not suggest a key the mapping already has', async () => {
      const f = (await check(text, { only: ['schema'] })).find((x) => x.pointer === '/actions/0/deu');
      assert.ok(f, 'expected a finding on deu');
      assert.equal(f.data?.rename, undefined);
      assert.doesNotMatch(f.message, /did you mean `due`/);
    });

    it('a rename sent back by the editor is not offered when that key is now present', () => {
      const stale: Finding = {
        ruleId: 'schema', severity: 'error', message: '`deu` is not a field of an action — did you mean `due`?',
        range: { start: { line: 9, character: 4 }, end: { line: 9, character: 7 } }, pointer: '/actions/0/deu', data: { rename: 'due' },
      };
      const fixes = fixesFor(stale, { uri: URI, parsed: parseCarePlanDocument(text), today: '2025-11-01' });
      assert.ok(!fixes.some((x) => /^Rename/.test(x.title)), fixes.map((x) => x.title).join(' | '));
    });

    it('the rename is still offered when the key is free', async () => {
      const free = text.replace('    due: 2025-05-09\n', '');
      const f = (await check(free, { only: ['schema'] })).find((x) => x.pointer === '/actions/0/deu');
      assert.equal(f?.data?.rename, 'due');
      const fixes = fixesFor(f!, { uri: URI, parsed: parseCarePlanDocument(free), today: '2025-11-01' });
      assert.ok(fixes.some((x) => x.title === "Rename to 'due'"));
    });
  });

  describe('yaml-syntax ranges', () => {
    const samples = [
      'kind: review\nid: r1\ndate: 😀: x\n',
      'kind: review\nid: r1\nx: !😀 a\n',
      'kind: review\nid: r1\nx: a\n y: 😀😀\n',
      'kind: review\nid: r1\nx: |\n😀\n y\n',
      'kind: review\nid: r1\n---\n😀: 1\n',
      'kind: review\r\nid: r1\r\nx: "abc\r\n',
      'kind: review\nid: "😀😀😀\nchild: x\n',
      'kind: review\nid: r1\nx: [a, b\n',
    ];

    function problemsIn(range: Range, text: string): string[] {
      const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
      const offset = (p: Range['start']) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
      const splits = (o: number) => /[\uDC00-\uDFFF]/.test(text[o] ?? '') && /[\uD800-\uDBFF]/.test(text[o - 1] ?? '');
      const out: string[] = [];
      if (range.end.line !== range.start.line) out.push('spans lines');
      if (range.start.character > (lines[range.start.line] ?? '').length) out.push('starts past the line');
      if (range.end.character > (lines[range.end.line] ?? '').length) out.push('ends past the line');
      if (splits(offset(range.start)) || splits(offset(range.end))) out.push('splits a surrogate pair');
      return out;
    }

    for (const text of samples) {
      it(`stay on their line and whole characters: ${JSON.stringify(text.split('\n').slice(2).join('⏎'))}`, () => {
        const { problems } = parseCarePlanDocument(text);
        assert.ok(problems.length > 0);
        for (const p of problems) assert.deepEqual(problemsIn(p.range, text), [], JSON.stringify(p));
      });
    }

    it('in the config file too', () => {
      const text = 'rules:\n  x: !😀 a\n  y: 😀: z\n';
      const { findings } = parseConfigText(text);
      assert.ok(findings.length > 0);
      for (const f of findings) assert.deepEqual(problemsIn(f.range, text), [], JSON.stringify(f));
    });
  });
});

describe('fuzz finds (issue 10 harness)', () => {
  it('an alias inside its own anchor gives findings, not an exception', async () => {
    const engine = createEngine(createMemoryHost(['file:///ws/'], []));
    const text = 'kind: review\nlegal_status: interim-care-order\n  - id: A1\nx-self: &s [*s]\n';
    const result = await engine.check({ uri: 'file:///ws/r.yaml', text });
    assert.ok(result.findings.length > 0);
  });

  it('thousands of nested brackets or list items are refused before parsing, at the same place every time', () => {
    for (const deep of ['kind: review\nstart: ' + '['.repeat(4000) + '\n', 'kind: review\nx:\n' + '- '.repeat(5000) + 'a\n']) {
      const first = parseCarePlanDocument(deep).problems;
      assert.equal(first.length, 1);
      assert.match(first[0].message, /nested too deeply/);
      for (let i = 0; i < 3; i++) assert.deepEqual(parseCarePlanDocument(deep).problems, first);
    }
  });
});
