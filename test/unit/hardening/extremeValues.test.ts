/**
 * Issue 10, defect 6: dates and numbers at the edges of their ranges. They are refused by the
 * schema in plain words; every rule still reports what it finds elsewhere in the record; a rule
 * that fails on one item names that item; no date outside the years careplan reads is suggested.
 */
import assert from 'node:assert/strict';
import { applyConfig, createEngine, createMemoryHost, defaultConfig, parseConfigText, parseCarePlanDocument } from '../../../server/src/service';
import type { Rule } from '../../../server/src/service/rules/rule';
import { RULES } from '../../../server/src/service/rules';
import { completionsAt, documentLinks, fixesFor, hoverAt, inlayHints, referenceSites, refactoringsAt } from '../../../server/src/service/features';
import { addDays, addMonths } from '../../../server/src/service/dates';
import { check } from '../../support/check';

const URI = 'file:///ws/case/doc.yaml';

/** A review dated `date`, with a relative timescale first and a vague one after it. */
function review(date: string): string {
  return [
    'kind: review',
    'id: review-CH100001-x',
    'child: CH-100001',
    `date: ${date}`,
    `looked_after_since: ${date}`,
    'review:',
    '  number: 3',
    '  chair: IRO',
    `  previous_review_date: ${date}`,
    `  next_review_due: ${date}`,
    'permanence:',
    '  plan: return-home',
    'actions:',
    '  - id: A1',
    '    action: Visit the child at home',
    '    owner: Social worker',
    '    timescale: within 4 weeks of this review',
    '  - id: A2',
    '    action: Refer Mother to the parenting programme',
    '    owner: Social worker',
    '    timescale: ongoing',
    '',
  ].join('\n');
}

const FIVE_DIGIT_YEAR = /\b\d{5,}-\d\d-\d\d\b/;

describe('hardening: extreme dates and numbers (issue 10, defect 6)', () => {
  for (const date of ['9999-12-31', '0000-01-01', '0001-01-01', '10000-01-01', '1899-12-31', '2201-01-01']) {
    it(`date: ${date} is a plain schema finding, and the real 'ongoing' warning is still reported`, async () => {
      const f = await check(review(date));
      const messages = f.map((x) => `${x.range.start.line + 1}:${x.ruleId}: ${x.message}`);
      const onDate = f.find((x) => x.ruleId === 'schema' && x.range.start.line === 3);
      assert.ok(onDate, messages.join('\n'));
      assert.match(onDate.message, /outside the years careplan can check \(1900 to 2200\)/);
      assert.ok(f.some((x) => x.ruleId === 'action-timescale' && x.range.start.line === 20 && /'ongoing'/.test(x.message)), messages.join('\n'));
      assert.ok(!f.some((x) => /could not/.test(x.message)), messages.join('\n'));
      // No rule suggests a date in a year that cannot be written (the schema quotes what was written).
      assert.ok(!f.some((x) => x.ruleId !== 'schema' && (FIVE_DIGIT_YEAR.test(x.message) || /\b0000-/.test(x.message))), messages.join('\n'));
    });
  }

  it('dates at the ends of the range are read and checked as usual', async () => {
    for (const date of ['1900-01-01', '2200-12-31']) {
      const f = await check(review(date));
      assert.ok(!f.some((x) => x.ruleId === 'schema' || /could not/.test(x.message)), JSON.stringify(f.map((x) => x.message)));
      // No suggestion past the range either: 2200-12-31 plus 4 weeks is not offered.
      assert.ok(!f.some((x) => /\b22\d\d-/.test(x.message) && !/2200-/.test(x.message)), JSON.stringify(f.map((x) => x.message)));
    }
  });

  it('a date written in UK form with a far-off year is not offered back as year-month-day', async () => {
    const f = await check(review('2025-04-24').replace('date: 2025-04-24\n', 'date: 31/12/9999\n'));
    const onDate = f.find((x) => x.ruleId === 'schema' && x.range.start.line === 3);
    assert.ok(onDate && !onDate.data?.iso, JSON.stringify(onDate));
    assert.ok(!/9999-12-31/.test(onDate.message));
  });

  it('first_working_days: 99999999 is refused by the config schema in plain words', () => {
    const { config, findings } = parseConfigText('timescales:\n  review_intervals:\n    first_working_days: 99999999\n    later_months: 0\n');
    assert.equal(config, undefined);
    assert.deepEqual(findings.map((x) => x.message), [
      'First review (working days) must be at most 260, not 99999999.',
      'Later reviews (months) must be at least 1, not 0.',
    ]);
  });

  it('review intervals that did not pass the config schema fall back to the defaults instead of failing the check', async () => {
    const text = review('2025-04-24').replace('number: 3', 'number: 1');
    const f = await check(text, { config: { timescales: { review_intervals: { first_working_days: 99999999, later_months: 1e9 } } } });
    assert.ok(!f.some((x) => /could not/.test(x.message)), JSON.stringify(f.map((x) => x.message)));
  });

  it('a rule that fails on one item still reports the other items, and names the item it could not check', async () => {
    const rule: Rule = {
      id: 'test-items',
      defaultSeverity: 'warning',
      description: 'Test rule.',
      check(ctx) {
        const actions = ctx.data.actions as { id: string }[];
        actions.forEach((a, i) => {
          ctx.item(['actions', i], `the timescale of action ${a.id}`, () => {
            if (a.id === 'A1') throw new RangeError('date out of range');
            ctx.report({ path: ['actions', i], target: 'item', message: `checked ${a.id}` });
          });
        });
      },
    };
    const engine = createEngine(createMemoryHost(['file:///ws/'], []), [rule, ...RULES]);
    const text = review('2025-04-24');
    const { findings } = await engine.check({ uri: URI, text }, applyConfig(defaultConfig(), { today: '2025-11-01' }));
    const mine = findings.filter((x) => x.ruleId === 'test-items').map((x) => `${x.range.start.line + 1}: ${x.message}`);
    assert.deepEqual(mine, [
      '14: careplan could not check the timescale of action A1 (date out of range). Please report this.',
      '18: checked A2',
    ]);
    // The other rules' findings are all there.
    assert.ok(findings.some((x) => x.ruleId === 'action-timescale' && /'ongoing'/.test(x.message)));
  });

  it('a rule that throws outright keeps what it reported before, and the other rules run', async () => {
    const rule: Rule = {
      id: 'test-throws',
      defaultSeverity: 'warning',
      description: 'Test rule.',
      check(ctx) {
        ctx.report({ path: ['date'], message: 'before the failure' });
        throw new Error('boom');
      },
    };
    const engine = createEngine(createMemoryHost(['file:///ws/'], []), [rule, ...RULES]);
    const { findings } = await engine.check({ uri: URI, text: review('2025-04-24') }, applyConfig(defaultConfig(), { today: '2025-11-01' }));
    assert.deepEqual(findings.filter((x) => x.ruleId === 'test-throws').map((x) => x.message), [
      'careplan could not run the test-throws check on this file (boom). Please report this.',
      'before the failure',
    ]);
    assert.ok(findings.some((x) => x.ruleId === 'action-timescale'));
  });

  it('date arithmetic never writes a year outside 0001–9999', () => {
    assert.throws(() => addDays('9999-12-31', 1), RangeError);
    assert.throws(() => addDays('0001-01-01', -1), RangeError);
    assert.throws(() => addMonths('9999-12-31', 1), RangeError);
    assert.equal(addDays('9999-12-30', 1), '9999-12-31');
  });

  it('hover, inlay hints and refactorings work on records with extreme dates', () => {
    for (const date of ['9999-12-31', '9999-12-20', '0001-01-01', '2200-12-31']) {
      const text = review(date);
      const parsed = parseCarePlanDocument(text);
      inlayHints(parsed);
      const lines = text.split('\n');
      for (let line = 0; line < lines.length; line++) {
        for (let character = 0; character <= lines[line].length; character += 3) {
          hoverAt(parsed, { line, character }, { today: '2025-11-01' });
          for (const fix of refactoringsAt({ start: { line, character }, end: { line, character } }, { uri: URI, parsed, today: '2025-11-01' })) {
            assert.ok(!/\b(?:\d{5,}|0\d\d\d|1[0-8]\d\d|22(?:0[1-9]|[1-9]\d)|2[3-9]\d\d|[3-9]\d\d\d)-\d\d-\d\d/.test(fix.title), fix.title);
          }
        }
      }
    }
  });

  it('a lone surrogate (half an emoji) in a path is an ordinary finding; links, fixes and completion carry on', async () => {
    const text = review('2025-04-24') + 'references:\n  - id: pep-1\n    type: pep\n    title: PEP\n    path: "../pep-\\uD83D.pdf"\n';
    const engine = createEngine(createMemoryHost(['file:///ws/'], []));
    engine.index.set(URI, text);
    const { findings, parsed } = await engine.check({ uri: URI, text }, applyConfig(defaultConfig(), { today: '2025-11-01' }));
    const missing = findings.filter((x) => x.ruleId === 'reference-missing');
    assert.deepEqual(missing.map((x) => x.range.start.line + 1), [26], JSON.stringify(findings.map((x) => x.message)));
    assert.match(missing[0]!.message, /There is no file at/);
    const sites = referenceSites(parsed, URI, engine.index, ['file:///ws/']);
    documentLinks(sites, URI);
    for (const f of findings) fixesFor(f, { uri: URI, parsed, today: '2025-11-01', index: engine.index });
    // A finding sent back by the editor with a malformed URI in its data.
    fixesFor({ ...missing[0]!, data: { uri: 'file:///ws/%E0%A4%A.pdf' } }, { uri: URI, parsed, today: '2025-11-01' });
    const pathLine = text.split('\n').findIndex((l) => l.includes('path: "../pep'));
    await completionsAt(parsed, { line: pathLine, character: 14 }, {
      uri: URI, roots: ['file:///ws/'], index: engine.index,
      listDirectory: async () => [{ name: 'pep-\uD83D.pdf', isDirectory: false }],
    } as Parameters<typeof completionsAt>[2]);
  });
});
