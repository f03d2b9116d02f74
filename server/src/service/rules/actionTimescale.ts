import type { Rule } from './rule';
import { eachAction, itemName, stringList, text } from './walk';
import { assessActionTimescale, formatUkDate, phrasesKey } from '../dates';

const MEETING = { review: 'this review', supervision: 'this supervision', 'care-plan': 'this plan' } as const;

export const actionTimescale: Rule = {
  id: 'action-timescale',
  defaultSeverity: 'warning',
  description: 'An action with no timescale, or a vague one (ongoing, ASAP, TBC…).',
  options: {
    vague_phrases: { type: 'phrases', description: 'More phrases your service treats as no timescale, added to `timescales.extra_vague_phrases`.' },
  },
  check(ctx) {
    const own = stringList(ctx.options.vague_phrases);
    const configured = ctx.config.timescales.extraVaguePhrases ?? [];
    const options = {
      ...ctx.config.timescales,
      // The config's own list when the rule adds none: the same array from check to check, so
      // the phrase matcher and signature built from it are reused (a team list can be long).
      extraVaguePhrases: own.length ? [...configured, ...own] : configured,
    };
    const anchors = ctx.anchors;
    // Everything a timescale's meaning depends on besides the item's own fields.
    const sig = 'timescale\0' + JSON.stringify([anchors, options.reviewIntervals]) + '\0' + phrasesKey(options.extraVaguePhrases);
    for (const { path, action } of eachAction(ctx.data)) {
      const wording = text(action.action);
      if (wording === undefined) continue;
      ctx.item(path, `the timescale of ${itemName('action', action, path)}`, () => {
        // A `due:` in a UK form is still a date here; the schema rule asks for year-month-day.
        const item = { action: wording, due: action.due, timescale: action.timescale };
        const a = ctx.memo(sig, `${wording}\0${String(item.due)}\0${String(item.timescale)}`, () => assessActionTimescale(item, anchors, options));
        if (a.clear) return;
        if (a.status === 'conflict' && a.conflict) {
          const c = a.conflict;
          ctx.report({
            path: [...path, c.fieldName],
            message: `The action says '${c.phrase}' (${formatUkDate(c.otherDate)}) but \`${c.fieldName}:\` comes to ${formatUkDate(c.fieldDate)} — make them agree so everyone works to one date.`,
            data: { status: 'conflict', textDate: c.otherDate, fieldDate: c.fieldDate },
          });
        } else if ((!a.field || !a.fieldName) && a.inTextVague) {
          // "within 10 days of the conference": say which date the record lacks.
          ctx.report({
            path,
            target: 'item',
            message: `${capitalise(a.inTextVague.why)} — give that date, or add \`due:\` with the date this is due.`,
            data: { status: 'vague' },
          });
        } else if (!a.field || !a.fieldName || a.field.status === 'none' && a.field.why === undefined) {
          ctx.report({
            path,
            target: 'item',
            message: `This action has no timescale — add \`due:\` with a date, or \`timescale:\` with a bounded one such as 'within 4 weeks of ${MEETING[ctx.kind]}'.`,
            data: { status: 'none' },
          });
        } else if (a.field.status === 'vague' || a.field.status === 'none' || a.field.status === 'unclear') {
          // An explicit vague value is flagged even when the wording gives a date: say where the date is.
          const fix = a.field.status === 'vague' && a.inText
            ? `the action says '${a.inText.phrase}' (${formatUkDate(a.inText.date)}): put that in \`${a.fieldName}:\``
            : a.field.suggestion.replace(/\.$/, '');
          ctx.report({
            path: [...path, a.fieldName],
            message: `${capitalise(a.field.why.replace(/\.$/, ''))} — ${fix}.`,
            // the wording's own date: the quick fix (and --fix) can write it as `due:`
            data: a.field.status === 'vague' && a.inText ? { status: a.field.status, textDate: a.inText.date } : { status: a.field.status },
          });
        }
      });
    }
  },
};

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
