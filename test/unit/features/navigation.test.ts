import { strict as assert } from 'node:assert';
import {
  completionsAt,
  definitionAt,
  documentLinks,
  documentSymbols,
  hoverAt,
  inlayHints,
  referenceSites,
} from '../../../server/src/service/features';
import { REVIEW, URI, at, indexWith, parse } from './fixture';

const ROOTS = ['file:///ws/'];

describe('features: completion', () => {
  it('offers the fields an action may still have, required first, with descriptions', async () => {
    const text = REVIEW.replace('    timescale: ongoing\n', '    timescale: ongoing\n    \n');
    const pos = { line: at(text, 'ongoing\n    \n').line + 1, character: 4 };
    const items = await completionsAt(parse(text), pos, { uri: URI });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('due'));
    assert.ok(labels.includes('references'));
    assert.ok(!labels.includes('owner'), 'owner is already there');
    const due = items.find((i) => i.label === 'due')!;
    assert.equal(due.detail, 'Due date');
    assert.match(due.documentation!.value, /year-month-day/);
    assert.deepEqual(due.textEdit, { range: { start: pos, end: pos }, newText: 'due: ' });
    const refs = items.find((i) => i.label === 'references')!;
    assert.equal(refs.textEdit.newText, 'references:\n      - ');
  });

  it('offers the fixed choices for a value, with what each means', async () => {
    const text = REVIEW.replace('  - id: A2', '  - status: \n  - id: A2');
    const items = await completionsAt(parse(text), at(text, '  - status: ', 12), { uri: URI });
    assert.deepEqual(items.map((i) => i.label), ['open', 'done', 'dropped']);
    assert.equal(items[2].documentation?.value, 'No longer needed; say why in the record.');
  });

  it('offers choices inside a one-line mapping too: `placement: { type: `', async () => {
    const text = REVIEW.replace('placement: { type: placed-with-parents, start_date: 2025-01-06 }', 'placement: { type: ');
    const items = await completionsAt(parse(text), at(text, 'placement: { type: ', 19), { uri: URI });
    assert.ok(items.some((i) => i.label === 'placed-with-parents'), items.map((i) => i.label).join());
  });

  it('offers workspace document ids for `care_plan:`, not the record itself', async () => {
    const text = REVIEW.replace('care_plan: cp-CH000123-2025-01', 'care_plan: cp');
    const items = await completionsAt(parse(text), at(text, 'care_plan: cp', 13), { uri: URI, index: indexWith() });
    assert.deepEqual(items.map((i) => i.label), ['cp-CH000123-2025-01']);
    assert.equal(items[0].detail, 'care-plan');
    assert.deepEqual(items[0].textEdit.range.start, at(text, 'care_plan: cp', 11));
  });

  it("offers this record's reference ids (and other documents) in an action's references", async () => {
    const text = REVIEW.replace('references: [pep-2025-01]', 'references: [');
    const items = await completionsAt(parse(text), at(text, 'references: [', 13), { uri: URI, index: indexWith() });
    assert.deepEqual(items.map((i) => i.label), ['pep-2025-01', 'cp-CH000123-2025-01']);
  });

  it('offers relative paths for `path:`', async () => {
    const text = REVIEW.replace('path: ../education/pep-2025-01.md', 'path: ../edu');
    const listed: string[] = [];
    const items = await completionsAt(parse(text), at(text, 'path: ../edu', 12), {
      uri: URI,
      listDirectory: async (dir) => {
        listed.push(dir);
        return [{ name: 'education', isDirectory: true }, { name: 'notes.md', isDirectory: false }, { name: '.git', isDirectory: true }];
      },
    });
    assert.deepEqual(listed, ['file:///ws/']);
    assert.deepEqual(items.map((i) => i.textEdit.newText).sort(), ['../education/', '../notes.md']);
  });

  it('never lists a folder outside the workspace', async () => {
    const text = REVIEW.replace('path: ../education/pep-2025-01.md', 'path: ../../../etc/');
    const listed: string[] = [];
    const options = { uri: URI, listDirectory: async (dir: string) => (listed.push(dir), [{ name: 'passwd', isDirectory: false }]) };
    assert.deepEqual(await completionsAt(parse(text), at(text, 'path: ../../../etc/', 19), { ...options, roots: ['file:///ws'] }), []);
    assert.deepEqual(listed, []);
    const inside = REVIEW.replace('path: ../education/pep-2025-01.md', 'path: ../education/');
    await completionsAt(parse(inside), at(inside, 'path: ../education/', 19), { ...options, roots: ['file:///ws'] });
    assert.deepEqual(listed, ['file:///ws/education/']);
    // The workspace folder itself is listed too (a record beside it, or `../` up to it).
    const up = REVIEW.replace('path: ../education/pep-2025-01.md', 'path: ../');
    const items = await completionsAt(parse(up), at(up, 'path: ../', 9), { ...options, roots: ['file:///ws'] });
    assert.deepEqual(listed.at(-1), 'file:///ws/');
    assert.deepEqual(items.map((i) => i.textEdit.newText), ['../passwd']);
  });

  it('gives nothing in a YAML file that is not a care-plan record', async () => {
    const items = await completionsAt(parse('name: build\non:\n  push:\n    \n'), { line: 3, character: 4 }, { uri: URI });
    assert.deepEqual(items, []);
  });
});

describe('features: hover', () => {
  const options = { today: '2025-11-01', index: indexWith() };

  it('on a key: the schema title and description (with the statutory context)', () => {
    const h = hoverAt(parse(REVIEW), at(REVIEW, 'next_review_due', 2), options)!;
    assert.match(h.contents.value, /^\*\*Next review due\*\*/);
    assert.match(h.contents.value, /reg 33/);
  });

  it('on a relative timescale: the date it comes to and how', () => {
    const h = hoverAt(parse(REVIEW), at(REVIEW, 'within 10 working', 3), options)!;
    assert.match(h.contents.value, /Comes to Friday 9 May 2025\*\* \(2025-05-09/);
    assert.match(h.contents.value, /10 working days after .*24 April 2025/);
  });

  it('on a vague timescale: what a timescale should be, not why this one is not (the finding says so)', () => {
    const h = hoverAt(parse(REVIEW), at(REVIEW, 'timescale: ongoing', 12), options)!;
    assert.doesNotMatch(h.contents.value, /'ongoing' does not say when/);
    assert.match(h.contents.value, /ends on a date/);
  });

  it('on a date: the day of the week and how far from today', () => {
    const h = hoverAt(parse(REVIEW), at(REVIEW, '2025-10-23', 1), options)!;
    assert.match(h.contents.value, /^\*\*Thursday 23 October 2025\*\* — 9 days ago/);
  });

  it('on a chosen value: what that choice means', () => {
    const h = hoverAt(parse(REVIEW), at(REVIEW, 'placed-with-parents', 2), options)!;
    assert.match(h.contents.value, /`placed-with-parents`: /);
  });

  it('nothing for a YAML file that is not a record', () => {
    assert.equal(hoverAt(parse('kind: Deployment\nid: x\n'), { line: 1, character: 1 }, options), undefined);
  });
});

describe('features: references, links and symbols', () => {
  const parsed = parse(REVIEW);
  const sites = referenceSites(parsed, URI, indexWith(), ROOTS);

  it('go to definition: `care_plan:` opens the care plan at its id line', () => {
    const p = at(REVIEW, 'cp-CH000123-2025-01', 3);
    assert.deepEqual(definitionAt(sites, p.line, p.character), {
      uri: 'file:///ws/case/care-plan.yaml',
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
    });
  });

  it("go to definition: an action's reference id goes to the entry in `references:`", () => {
    const p = at(REVIEW, '[pep-2025-01]', 2);
    const target = at(REVIEW, '- id: pep-2025-01', 6);
    assert.deepEqual(definitionAt(sites, p.line, p.character), {
      uri: URI,
      range: { start: target, end: { line: target.line, character: target.character + 'pep-2025-01'.length } },
    });
  });

  it('document links for `care_plan:` and `path:`', () => {
    const links = documentLinks(sites, URI);
    assert.deepEqual(
      links.map((l) => l.target),
      ['file:///ws/education/pep-2025-01.md', 'file:///ws/case/care-plan.yaml#L2'],
    );
    assert.deepEqual(links[0].range.start, at(REVIEW, '../education', 0));
  });

  it('symbols: actions, expectations and references as children', () => {
    const symbols = documentSymbols(parsed);
    const byName = Object.fromEntries(symbols.map((s) => [s.name, s]));
    assert.deepEqual(byName.actions.children!.map((c) => c.name), [
      'A1 — Refer Mother to the Family Support Service parenting programme',
      'A2 — Share the plan with Father in plain English',
    ]);
    assert.equal(byName.actions.children![0].detail, 'Social worker · within 10 working days of this review · open');
    assert.deepEqual(byName.parent_expectations.children!.map((c) => c.name), ['E1 — Mother will engage with services']);
    assert.deepEqual(byName.references.children!.map((c) => c.name), ['pep-2025-01 — Personal education plan, spring term']);
    assert.equal(byName.discussion.kind, 'field');
  });

  it('inlay hints: the date beside each relative timescale that comes to one', () => {
    const hints = inlayHints(parsed);
    assert.equal(hints.length, 1);
    const end = at(REVIEW, 'within 10 working days of this review', 'within 10 working days of this review'.length);
    assert.deepEqual(hints[0].position, end);
    assert.equal(hints[0].label, '→ Friday 9 May 2025');
  });

  it('inlay hints and hovers count from the placement start and next supervision, as the rule does', () => {
    const text = REVIEW.replace('within 10 working days of this review', 'within 5 working days of the placement');
    const hints = inlayHints(parse(text));
    assert.deepEqual(hints.map((h) => h.label), ['→ Monday 13 January 2025']);
    const h = hoverAt(parse(text), at(text, 'within 5 working', 3), { today: '2025-11-01', index: indexWith() })!;
    assert.match(h.contents.value, /Comes to Monday 13 January 2025/);
  });
});
