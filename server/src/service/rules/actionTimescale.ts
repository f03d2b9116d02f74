import type { Rule } from './rule';
import { holdsGuidance } from '../templates';
import { eachAction, isObject, itemName, stringList, text, writtenText } from './walk';
import type { Data } from './walk';
import { addDays, assessActionTimescale, formatUkDate, isCheckableDate, phrasesKey, proposedDue } from '../dates';
import type { Path } from '../types';
import type { CodeFix, TextEdit } from '../features/types';
import { one, read, valueAt, type FindingRef, type FixContext } from '../features/fixKit';
import { addFields, replaceField, replaceScalar } from '../features/yamlEdits';

/** What an action-timescale finding carries for its fixes. */
export type TimescaleFindingData = {
  status: 'conflict' | 'vague' | 'none' | 'unclear';
  /** The date the action's wording gives. */
  textDate?: string;
  /** The date the field comes to (a conflict). */
  fieldDate?: string;
  /** The date the message proposes (four weeks after the record's date). */
  proposedDue?: string;
};

function readData(data: Record<string, unknown> | undefined): Partial<TimescaleFindingData> {
  const status = read.string(data?.status);
  return {
    status: status === 'conflict' || status === 'vague' || status === 'none' || status === 'unclear' ? status : undefined,
    textDate: read.date(data?.textDate),
    proposedDue: read.date(data?.proposedDue),
  };
}

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
    const proposed = proposedDue(anchors);
    // The fix writes the date the message proposes, so only when the message proposes it.
    const withProposal = (message: string, data: TimescaleFindingData): TimescaleFindingData =>
      proposed && message.includes(proposed) ? { ...data, proposedDue: proposed } : data;
    // Everything a timescale's meaning depends on besides the item's own fields.
    const sig = 'timescale\0' + JSON.stringify([anchors, options.reviewIntervals]) + '\0' + phrasesKey(options.extraVaguePhrases);
    for (const { path, action } of eachAction(ctx.data)) {
      const wording = writtenText(action.action);
      // a timescale still holding ‹guidance› is template-placeholder's to ask for, not a timescale to read
      if (wording === undefined || holdsGuidance(text(action.timescale)) || holdsGuidance(text(action.due))) continue;
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
            data: { status: 'conflict', textDate: c.otherDate, fieldDate: c.fieldDate } satisfies TimescaleFindingData,
          });
        } else if ((!a.field || !a.fieldName) && a.inTextVague) {
          // "within 10 days of the conference": say which date the record lacks.
          ctx.report({
            path,
            target: 'item',
            message: `${capitalise(a.inTextVague.why)} — give that date, or add \`due:\` with the date this is due.`,
            data: { status: 'vague' } satisfies TimescaleFindingData,
          });
        } else if (!a.field || !a.fieldName || a.field.status === 'none' && a.field.why === undefined) {
          const message = `This action has no timescale — add \`due:\` with a date${proposed ? ` (such as ${proposed})` : ''}, or \`timescale:\` with a bounded one such as 'within 4 weeks of ${MEETING[ctx.kind]}'.`;
          ctx.report({ path, target: 'item', message, data: withProposal(message, { status: 'none' }) });
        } else if (a.field.status === 'vague' || a.field.status === 'none' || a.field.status === 'unclear') {
          // An explicit vague value is flagged even when the wording gives a date: say where the date is.
          const fix = a.field.status === 'vague' && a.inText
            ? `the action says '${a.inText.phrase}' (${formatUkDate(a.inText.date)}): put that in \`${a.fieldName}:\``
            : a.field.suggestion.replace(/\.$/, '');
          const message = `${capitalise(a.field.why.replace(/\.$/, ''))} — ${fix}.`;
          ctx.report({
            path: [...path, a.fieldName],
            message,
            // the wording's own date: the quick fix (and --fix) can write it as `due:`
            data: a.field.status === 'vague' && a.inText ? { status: a.field.status, textDate: a.inText.date } : withProposal(message, { status: a.field.status }),
          });
        }
      });
    }
  },
  fixes: timescaleFixes,
};

/**
 * The fixes write the date as `due:`: the wording's, or the one the message proposes. A vague or
 * empty `timescale:` is replaced by it (nothing in it is worth keeping beside a date).
 */
function timescaleFixes(finding: FindingRef, path: Path, ctx: FixContext): CodeFix[] {
  const root = isObject(ctx.parsed.value) ? ctx.parsed.value : undefined;
  if (!root) return [];
  const d = readData(finding.data);
  const last = path[path.length - 1];
  const actionPath = last === 'due' || last === 'timescale' ? path.slice(0, -1) : path;
  const action = valueAt(root, actionPath);
  if (!isObject(action)) return [];
  if (last === 'due' && d.textDate) {
    // The wording and `due:` disagree: offer the wording's date.
    return one(`Change 'due:' to ${d.textDate} (${formatUkDate(d.textDate)}, as the wording says)`, replaceScalar(ctx.parsed, actionPath.concat('due'), d.textDate));
  }
  if (text(action.due) !== undefined) return [];
  const replacesTimescale = last === 'timescale' && d.status !== 'conflict';
  // The date is a tab stop either way: the cursor lands on it, ready to change.
  const write = (date: string): TextEdit | undefined =>
    replacesTimescale
      ? replaceField(ctx.parsed, actionPath.concat('timescale'), { key: 'due', value: date, placeholder: true })
      : dueEdit(ctx, actionPath, action, date);
  const verb = replacesTimescale ? `Replace '${String(action.timescale)}' with` : 'Add';
  const fixes: CodeFix[] = [];
  if (d.textDate) {
    fixes.push(...one(`${verb} 'due: ${d.textDate}' (${formatUkDate(d.textDate)}, as the wording says)`, write(d.textDate), { safe: d.status !== 'conflict' }));
    return fixes;
  }
  // The date the message proposes, for the author to confirm or change (never written without asking).
  const proposed = d.proposedDue ?? (isCheckableDate(addDays(ctx.today, 28)) ? addDays(ctx.today, 28) : undefined);
  if (proposed) fixes.push(...one(`${verb} 'due: ${proposed}' (${formatUkDate(proposed)}) — change the date if another was agreed`, write(proposed)));
  return fixes;
}

/** `due:` added after the action's timescale (or owner, or wording), with a tab stop over the date. */
export function dueEdit(ctx: FixContext, actionPath: Path, action: Data, date: string): TextEdit | undefined {
  const after = 'timescale' in action ? 'timescale' : 'owner' in action ? 'owner' : 'action';
  return addFields(ctx.parsed, actionPath, [{ key: 'due', value: date, placeholder: true }], after);
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
