/**
 * Issue 10: what the 100,000-record fuzz run still found after the first round of hardening.
 * - A config file had none of a record's guards: `rules:` followed by 50,000 `- ` took the
 *   process down (out of memory), and 50,000 `[` gave 784 stack-overflow findings.
 * - With a field written twice, the rules read the last value but its findings underlined the
 *   first, so a phrase's range could point into another value (or past it).
 * - Findings at the same place from rules that finish in a different order came out in a
 *   different order (the fuzz compares the editor's findings with the CLI's).
 */
import assert from 'node:assert/strict';
import { applyConfig, createEngine, createMemoryHost, defaultConfig, parseConfigText } from '../../../server/src/service';
import type { Rule } from '../../../server/src/service/rules/rule';
import { check } from '../../support/check';

describe('hardening: config guards, duplicate fields and a fixed finding order (issue 10, fuzz)', () => {
  it('a config nested thousands of levels deep is refused with one finding, like a record', () => {
    for (const text of ['rules:\n' + '- '.repeat(50000) + 'x\n', 'rules: ' + '['.repeat(50000)]) {
      const { config, findings } = parseConfigText(text);
      assert.equal(config, undefined);
      assert.equal(findings.length, 1, findings.slice(0, 3).map((f) => f.message).join('\n'));
      assert.match(findings[0]!.message, /^The config file cannot be read: its values are nested too deeply/);
    }
  });

  it('a config the parser cannot read says so in plain words, without the parser\'s wording', () => {
    const { findings } = parseConfigText('rules:\n  action-timescale: warning\n  action-timescale: off\n');
    assert.deepEqual(findings.map((f) => [f.range.start.line, f.message]), [[2, 'This field appears twice in the same place — keep one and delete the other.']]);
  });

  it('a field written twice: the finding underlines the value the rules read (the last)', async () => {
    const text = [
      'kind: review',
      'id: review-CH100001-1',
      'child: CH-100001',
      'date: 2025-04-24',
      'actions:',
      '  - id: A1',
      '    action: Visit the child at home',
      '    owner: Social worker',
      '    timescale: within 4 weeks of this review',
      '    timescale: ongoing',
      '',
    ].join('\n');
    const f = await check(text, { only: ['action-timescale'] });
    assert.deepEqual(f.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character]), [[9, 15, 22]]);
  });

  it('equal findings come out in the same order whichever rule finishes first', async () => {
    const text = 'kind: review\nid: review-CH100001-1\nchild: CH-100001\ndate: 2025-04-24\n';
    const runs: string[][] = [];
    for (const slowFirst of [true, false]) {
      const rule = (id: string, message: string, delay: number): Rule => ({
        id,
        defaultSeverity: 'warning',
        description: 'test',
        async check(ctx) {
          await new Promise((resolve) => setTimeout(resolve, delay));
          ctx.report({ path: ['child'], message: `${message} b` });
          ctx.report({ path: ['child'], message: `${message} a` });
        },
      });
      const rules = [rule('same-rule', 'first', slowFirst ? 20 : 0), rule('same-rule', 'second', slowFirst ? 0 : 20)];
      const engine = createEngine(createMemoryHost(['file:///ws/'], [], new Map()), rules);
      const uri = 'file:///ws/r.yaml';
      engine.index.set(uri, text);
      const result = await engine.check({ uri, text }, applyConfig(defaultConfig(), { today: '2025-11-01' }));
      runs.push(result.findings.map((x) => x.message));
    }
    assert.deepEqual(runs[0], ['first a', 'first b', 'second a', 'second b']);
    assert.deepEqual(runs[1], runs[0]);
  });
});
