import type { Rule } from './rule';
import { eachAction, text } from './walk';
import { findDeadlineInText, formatUkDate, resolveTimescale } from '../dates';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
// Only a deadline written with a day ("by 14 March 2025", "before 02/06/2025") is firm enough
// to contradict the date field; "the autumn term PEP meeting" or "over December" is not.
const FIRM_DEADLINE = /^(?:by|before|on or before|no later than|not later than|deadline)\b.*\d/i;
const CLEAR_EXAMPLE = "add `due:` with a date, or `timescale:` with a bounded one such as 'within 4 weeks of this review'";

export const actionTimescale: Rule = {
  id: 'action-timescale',
  defaultSeverity: 'warning',
  description: 'An action with no timescale, or a vague one (ongoing, ASAP, TBC…).',
  check(ctx) {
    const options = {
      ...ctx.config.timescales,
      extraVaguePhrases: [...(ctx.config.timescales.extraVaguePhrases ?? []), ...stringList(ctx.options.vague_phrases)],
    };
    for (const { path, action } of eachAction(ctx.data)) {
      const wording = text(action.action);
      if (wording === undefined) continue;
      const due = text(action.due);
      const timescale = action.timescale;
      const inText = findDeadlineInText(wording, ctx.anchors, options);
      const firm = inText && FIRM_DEADLINE.test(inText.phrase) ? inText : undefined;

      if (due !== undefined) {
        // A malformed date is the schema rule's finding; only a real date can conflict.
        if (ISO.test(due) && firm && firm.date !== due) {
          ctx.report({
            path: [...path, 'due'],
            message: `The action says '${firm.phrase}' (${formatUkDate(firm.date)}) but \`due:\` is ${formatUkDate(due)} — make them agree so everyone works to one date.`,
            data: { textDate: firm.date, due },
          });
        }
        continue;
      }
      if (timescale === undefined || timescale === null) {
        if (inText) continue; // "… by 14 March 2025" in the wording is a timescale
        ctx.report({ path, target: 'item', message: `This action has no timescale — ${CLEAR_EXAMPLE}.` });
        continue;
      }
      const result = resolveTimescale(typeof timescale === 'string' ? timescale : String(timescale), ctx.anchors, options);
      switch (result.status) {
        case 'date':
          if (firm && firm.date !== result.date) {
            ctx.report({
              path: [...path, 'timescale'],
              message: `The action says '${firm.phrase}' (${formatUkDate(firm.date)}) but the timescale comes to ${formatUkDate(result.date)} — make them agree.`,
              data: { textDate: firm.date, resolvedDue: result.date },
            });
          }
          break;
        case 'anchored':
        case 'recurring':
          break;
        case 'vague':
        case 'none':
        case 'unclear':
          if (inText) break;
          ctx.report({
            path: [...path, 'timescale'],
            message: `${capitalise(result.why.replace(/\.$/, ''))} — ${result.suggestion.replace(/\.$/, '')}.`,
            data: { status: result.status },
          });
          break;
      }
    }
  },
};

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
