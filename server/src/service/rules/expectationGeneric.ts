import type { Rule, RuleContext } from './rule';
import type { Path } from '../types';
import { eachExpectation, eachActionWording, stringList, text, writtenText } from './walk';
import { analyseExpectation, actionParent } from '../prose/expectation';
import type { ExpectationFields, ExpectationOptions } from '../prose';
import { structuredExpectationFixes } from './expectationIncomplete';

/** Judges one expectation, wherever it is written, and reports it at `path` when it is too general. */
function judgeAt(ctx: RuleContext, path: Path, fields: ExpectationFields, options: ExpectationOptions, sig: string, what: string): void {
  const others = `${fields.parent}\0${fields.evidence}\0${fields.by}\0${fields.support}\0${fields.if_not_met}`;
  const analysis = ctx.memo(sig, `${fields.expectation}\0${others}`, () => analyseExpectation(fields, options));
  if (!analysis.generic) return;
  ctx.report({
    path,
    message: `This ${what} is too general: ${analysis.explanation.replace(/\.$/, '')} — say what the parent will do that a visitor could see, how often, and who checks it.`,
  });
}

export const expectationGeneric: Rule = {
  id: 'expectation-generic',
  defaultSeverity: 'warning',
  // also judged where an expectation is written as an action a parent owns, or a recommendation of what a parent will do
  description: 'A parental expectation whose wording has no behaviour a visitor could see, count or hear.',
  options: {
    vague_phrases: { type: 'phrases', description: 'More phrases your service treats as generic, added to `expectations.extra_vague_phrases`.' },
    min_concretisers: {
      type: 'integer',
      minimum: 0,
      maximum: 10,
      default: 1,
      description: 'How many concrete details (frequency, threshold, who checks, date, condition …) an expectation needs besides an observable behaviour, for this rule (default 1, as `expectations.min_concretisers`).',
    },
  },
  check(ctx) {
    const options = {
      extraVaguePhrases: [...ctx.config.expectations.extraVaguePhrases, ...stringList(ctx.options.vague_phrases)],
      minConcretisers: typeof ctx.options.min_concretisers === 'number' ? ctx.options.min_concretisers : ctx.config.expectations.minConcretisers,
    };
    const sig = 'expectation\0' + JSON.stringify(options);
    for (const { path, expectation } of eachExpectation(ctx.data)) {
      const wording = writtenText(expectation.expectation);
      if (wording === undefined) continue;
      // a part still holding a quick fix's ‹prompt› is not yet written: it backs nothing
      const fields = {
        expectation: wording,
        parent: text(expectation.parent),
        evidence: writtenText(expectation.evidence),
        by: text(expectation.by),
        support: writtenText(expectation.support),
        if_not_met: writtenText(expectation.if_not_met),
      };
      judgeAt(ctx, [...path, 'expectation'], fields, options, sig, 'expectation');
    }
    // the same expectation written as an action: "owner: Mother", "Father to…", "It is recommended that the mother…"
    for (const { path, wording, owner, due } of eachActionWording(ctx.data)) {
      const parent = actionParent(owner, wording);
      if (parent) judgeAt(ctx, [...path, 'action'], { expectation: wording, parent, by: due }, options, sig, 'expectation');
    }
  },
  // the path is the expectation's wording; the fix works on its item
  fixes: (_finding, path, ctx) => structuredExpectationFixes(path[path.length - 1] === 'expectation' ? path.slice(0, -1) : path, ctx),
};
