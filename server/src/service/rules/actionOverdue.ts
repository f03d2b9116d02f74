import type { Rule } from './rule';
import { dateField, eachAction, text } from './walk';
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
};
