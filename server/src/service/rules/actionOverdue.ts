import type { Rule } from './rule';
import { dateField, eachAction, isObject, text } from './walk';
import type { Path } from '../types';
import type { CodeFix } from '../features/types';
import { one, valueAt, type FindingRef, type FixContext } from '../features/fixKit';
import { addFields, replaceScalar } from '../features/yamlEdits';
import { formatUkDate } from '../dates';
import { isOpenAction } from '../chronology/measures';

export const actionOverdue: Rule = {
  id: 'action-overdue',
  defaultSeverity: 'warning',
  description: 'An action whose due date has passed and that is not marked done or dropped.',
  check(ctx) {
    for (const { path, action } of eachAction(ctx.data)) {
      const due = dateField(action.due);
      if (!due) continue;
      if (!isOpenAction({ status: text(action.status) })) continue;
      if (due < ctx.today) {
        ctx.report({
          path: [...path, 'due'],
          message: `This action was due on ${formatUkDate(due)} and is not marked done — update \`status:\` to done or dropped, or agree a new date and record why.`,
          data: { due, today: ctx.today },
        });
      }
    }
  },
  fixes: overdueFixes,
};

function overdueFixes(_finding: FindingRef, path: Path, ctx: FixContext): CodeFix[] {
  const actionPath = path.slice(0, -1);
  const action = isObject(ctx.parsed.value) ? valueAt(ctx.parsed.value, actionPath) : undefined;
  if (!isObject(action)) return [];
  const edit = 'status' in action ? replaceScalar(ctx.parsed, [...actionPath, 'status'], 'done') : addFields(ctx.parsed, actionPath, [{ key: 'status', value: 'done' }]);
  return one('Mark this action done', edit);
}
