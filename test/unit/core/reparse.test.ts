/**
 * The re-read of an edited field (reparse.ts) must build what a full parse of the new text builds:
 * the same value, problems, lines and tree (every node's offsets, comments and blank lines).
 * Thousands of random edits and typed runs over the samples and templates compare the two.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { Document, isCollection, isNode, isPair, isScalar } from 'yaml';
import { parseCarePlanDocument, type ParsedDocument } from '../../../server/src/service/parse';
import { generateReview } from '../../support/generate';
import { mulberry32 as random } from '../../support/mutants';

const ROOT = path.join(__dirname, '..', '..', '..');

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...yamlFilesUnder(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

const TEXTS: string[] = [
  ...yamlFilesUnder(path.join(ROOT, 'samples')).map((f) => readFileSync(f, 'utf8')),
  ...yamlFilesUnder(path.join(ROOT, 'templates')).map((f) => readFileSync(f, 'utf8')),
  generateReview(100, 3),
].filter((t) => parseCarePlanDocument(t).kind);

/** Everything a rule, the locator or an edit can read from the tree, in document order. */
function treeOf(doc: Document.Parsed): unknown[] {
  const out: unknown[] = [['doc', doc.range, doc.comment, doc.commentBefore]];
  const walk = (node: unknown, depth: number) => {
    if (isPair(node)) {
      out.push([depth, 'pair']);
      walk(node.key, depth + 1);
      walk(node.value, depth + 1);
      return;
    }
    if (!isNode(node)) {
      out.push([depth, node]);
      return;
    }
    const n = node as unknown as Record<string, unknown>;
    out.push([depth, node.constructor.name, node.range, n.comment, n.commentBefore, n.spaceBefore ?? false, n.anchor, n.tag, n.type, n.flow, isScalar(node) ? node.value : undefined]);
    if (isCollection(node)) for (const item of node.items) walk(item, depth + 1);
  };
  walk(doc.contents, 0);
  return out;
}

function assertSameAsFullParse(incremental: ParsedDocument, text: string, context: string): void {
  const full = parseCarePlanDocument(text);
  assert.equal(incremental.text, full.text, context);
  assert.equal(incremental.kind, full.kind, context);
  assert.deepEqual(incremental.value, full.value, context);
  assert.deepEqual(incremental.problems, full.problems, context);
  assert.deepEqual(incremental.unread, full.unread, context);
  assert.deepEqual(incremental.lineCounter.lineStarts, full.lineCounter.lineStarts, context);
  assert.deepEqual(treeOf(incremental.doc), treeOf(full.doc), context);
  assert.equal(incremental.doc.errors.length, full.doc.errors.length, context);
  if (!full.doc.errors.length) assert.equal(written(incremental.doc), written(full.doc), context);
}

/** The tree written back out, as a quick fix's edit would write it (an alias left without its anchor cannot be). */
function written(doc: Document.Parsed): string {
  try {
    return doc.toString();
  } catch (err) {
    return `cannot be written: ${(err as Error).message}`;
  }
}

const SNIPPETS = ['a', ' ', 'x y', '\n', '\n  ', '\n    ', ':', ': ', '# ', ' #', '-', '- ', '\n- ', '"', "'", '|', '>', '[', ']', '{', '}', ',', '&a ', '*a', '\n---\n', '\n...\n', '\t', 'é', '😀', '\n\n', '\nnew: 1\n', ' ?', '!', '%', '`', '\\', '2025-01-01'];

/** The fields' offsets (shared before the edited field) show whether the edit took the field-only path. */
function tookFieldPath(before: ParsedDocument, after: ParsedDocument): boolean {
  const a = (before.doc.contents as { items?: unknown[] } | null)?.items;
  const b = (after.doc.contents as { items?: unknown[] } | null)?.items;
  return !!a && !!b && a.length > 1 && a[0] === b[0];
}

describe('re-reading an edited field (reparse)', () => {
  it('builds what a full parse builds, on random edits of every sample and template', function () {
    // thousands of full parses to compare with: 8-13 s alone, more than mocha's 20 s on a machine busy with other work
    this.timeout(180_000);
    const next = random(20261207); // seeded, so a failure can be replayed
    let fieldOnly = 0;
    let edits = 0;
    for (const base of TEXTS) {
      const previous = parseCarePlanDocument(base);
      for (let i = 0; i < 150; i++) {
        const at = Math.floor(next() * base.length);
        const cut = next() < 0.3 ? Math.floor(next() * 4) : 0;
        const insert = next() < 0.8 ? SNIPPETS[Math.floor(next() * SNIPPETS.length)] : '';
        const text = base.slice(0, at) + insert + base.slice(at + cut);
        const result = parseCarePlanDocument(text, undefined, previous);
        assertSameAsFullParse(result, text, `edit at ${at}: cut ${cut}, insert ${JSON.stringify(insert)} in:\n${base.slice(Math.max(0, at - 80), at + 80)}`);
        edits++;
        if (tookFieldPath(previous, result)) fieldOnly++;
      }
    }
    // most random edits fall inside a field's value: the fast path must be the common one
    assert.ok(fieldOnly > edits / 3, `${fieldOnly} of ${edits} edits re-read one field`);
  });

  it('builds what a full parse builds while an author types, keystroke after keystroke', function () {
    this.timeout(180_000);
    const next = random(7);
    const typed = 'Mother will attend: "the group" #3 - every week\n  and then - [x] {y}\n';
    let fieldOnly = 0;
    let keys = 0;
    for (const base of TEXTS) {
      for (let run = 0; run < 2; run++) {
        let text = base;
        let parsed = parseCarePlanDocument(text);
        let at = Math.floor(next() * text.length);
        for (const ch of typed) {
          text = text.slice(0, at) + ch + text.slice(at);
          at += ch.length;
          const result = parseCarePlanDocument(text, undefined, parsed);
          assertSameAsFullParse(result, text, `typing at ${at} in:\n${text.slice(Math.max(0, at - 80), at + 40)}`);
          if (tookFieldPath(parsed, result)) fieldOnly++;
          keys++;
          parsed = result;
        }
        // and deleting it again, key by key
        for (let k = 0; k < typed.length; k++) {
          text = text.slice(0, at - 1) + text.slice(at);
          at--;
          const result = parseCarePlanDocument(text, undefined, parsed);
          assertSameAsFullParse(result, text, `deleting at ${at} in:\n${text.slice(Math.max(0, at - 80), at + 40)}`);
          parsed = result;
        }
      }
    }
    assert.ok(fieldOnly > keys / 4, `${fieldOnly} of ${keys} keystrokes re-read one field`);
  });

  it('does not change the parse it started from', () => {
    const base = generateReview(100, 3);
    const previous = parseCarePlanDocument(base);
    const before = treeOf(previous.doc);
    const value = JSON.stringify(previous.value);
    const at = base.indexOf('discussion: |') + 20;
    const edited = parseCarePlanDocument(base.slice(0, at) + 'typed ' + base.slice(at), undefined, previous);
    assert.ok(tookFieldPath(previous, edited), 'the edit in the minutes re-read that field alone');
    assert.deepEqual(treeOf(previous.doc), before);
    assert.equal(JSON.stringify(previous.value), value);
  });

  it('builds what a full parse builds where the field alone would read differently (cases independent reviews found)', () => {
    const K = 'kind: review\n';
    const cases: [string, string][] = [
      // an indented top level, whose indentation indicator counts from another column
      ['  kind: review\n  a: |2\n      x\n  b: 1\n', '  kind: review\n  a: |2\n      xy\n  b: 1\n'],
      // YAML 1.1 reads `yes` and `010` otherwise
      ['%YAML 1.1\n---\nkind: review\na: x\nb: 1\n', '%YAML 1.1\n---\nkind: review\na: yes\nb: 1\n'],
      ['%YAML 1.1\n---\nkind: review\na: x\nb: 1\n', '%YAML 1.1\n---\nkind: review\na: 010\nb: 1\n'],
      // a tag or anchor before the field name
      [`${K}!!str a: x\nb: 1\n`, `${K}!!str a: xy\nb: 1\n`],
      [`${K}&k a: x\nb: 1\n`, `${K}&k a: xy\nb: 1\n`],
      // two names for one property: the later one wins
      [`${K}"1": a\n1: b\n`, `${K}"1": aa\n1: b\n`],
      // the last field's end is the document's
      [`${K}a:\n`, `${K}a: 1\n`],
      [`${K}a: 1\n\n\n`, `${K}a:\n\n\n`],
      [`${K}a:\n\n\n`, `${K}a: 1\n\n\n`],
      // a comment the value held goes to the next field's name
      [`${K}p:\n  - x\n  # c\nz: 1\n`, `${K}p:\n-  - x\n  # c\nz: 1\n`],
      // the next field's name read as part of the value
      [`${K}v:\n- b\na: x\n`, `${K}v:\n-\n#x\n b\na: x\n`],
      [`${K}v:\n  k: 1\na: x\n`, `${K}v:\n  k:\n#c\n   1\na: x\n`],
      // the nesting guard counts brackets across the whole text (a second review)
      [`${K}a: |\n  ${'['.repeat(100)}\nb: x\n`, `${K}a: |\n  ${'['.repeat(100)}\nb: x[\n`],
    ];
    for (const [base, text] of cases) assertSameAsFullParse(parseCarePlanDocument(text, undefined, parseCarePlanDocument(base)), text, text);
    // an anchor in an earlier field, an alias in a later one: every edit between them, one after another, is read in full
    let chained = parseCarePlanDocument(`${K}a: &x one\nb: mid\nc: *x\n`);
    for (const word of ['mid2', 'mid23']) {
      const text = `${K}a: &x one\nb: ${word}\nc: *x\n`;
      const next = parseCarePlanDocument(text, undefined, chained);
      assert.ok(!tookFieldPath(chained, next), text);
      assertSameAsFullParse(next, text, text);
      chained = next;
    }
    // the kind a path gave the last parse is not the kind of a parse without it
    const hinted = parseCarePlanDocument('a: x\nb: 1\n', 'review');
    assertSameAsFullParse(parseCarePlanDocument('a: xy\nb: 1\n', undefined, hinted), 'a: xy\nb: 1\n', 'no kind hint');
    // and the fast path still serves the usual edit: a word typed in a field followed by a guidance comment
    const template = `${K}discussion: |\n  Met with Mother.\n# what is the plan?\nactions: []\n`;
    const typed = template.replace('Mother.', 'Mother today.');
    const before = parseCarePlanDocument(template);
    const result = parseCarePlanDocument(typed, undefined, before);
    assert.ok(tookFieldPath(before, result), 'a word typed in the minutes re-read that field alone');
    assertSameAsFullParse(result, typed, typed);
  });

  it('reads the whole text again when the edit touches what ties fields together', () => {
    const base = 'kind: review\nid: r-1\nchild: CH-1\ndiscussion: |\n  Met with Mother.\n# guidance for the next field\nactions: []\n';
    const previous = parseCarePlanDocument(base);
    const cases = [
      base.replace('id: r-1', 'ix: r-1'), // a field name
      base.replace('kind: review', 'kind: care-plan'), // the record's kind
      base.replace('# guidance', '# more guidance'), // a comment between fields
      base.replace('child: CH-1', 'child: &c CH-1'), // an anchor
    ];
    for (const text of cases) {
      const result = parseCarePlanDocument(text, undefined, previous);
      assert.ok(!tookFieldPath(previous, result), text);
      assertSameAsFullParse(result, text, text);
    }
  });
});
