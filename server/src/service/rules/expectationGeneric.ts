import type { Rule } from './rule';
import { eachExpectation, stringList, text } from './walk';
import { analyseExpectation } from '../prose';

export const expectationGeneric: Rule = {
  id: 'expectation-generic',
  defaultSeverity: 'warning',
  description: 'A parental expectation whose wording has no behaviour a visitor could see, count or hear.',
  check(ctx) {
    const options = {
      extraVaguePhrases: [...ctx.config.expectations.extraVaguePhrases, ...stringList(ctx.options.vague_phrases)],
      minConcretisers: typeof ctx.options.min_concretisers === 'number' ? ctx.options.min_concretisers : ctx.config.expectations.minConcretisers,
    };
    const sig = 'expectation\0' + JSON.stringify(options);
    for (const { path, expectation } of eachExpectation(ctx.data)) {
      const wording = text(expectation.expectation);
      if (wording === undefined) continue;
      const fields = {
        expectation: wording,
        parent: text(expectation.parent),
        evidence: text(expectation.evidence),
        by: text(expectation.by),
        support: text(expectation.support),
        if_not_met: text(expectation.if_not_met),
      };
      const others = `${fields.parent}\0${fields.evidence}\0${fields.by}\0${fields.support}\0${fields.if_not_met}`;
      const analysis = ctx.memo(sig, `${wording}\0${others}`, () => analyseExpectation(fields, options));
      if (!analysis.generic) continue;
      ctx.report({
        path: [...path, 'expectation'],
        message: `This expectation is too general: ${analysis.explanation.replace(/\.$/, '')} — say what the parent will do that a visitor could see, how often, and who checks it.`,
        data: { rewrite: analysis.rewrite, missing: analysis.missing },
      });
    }
  },
};

