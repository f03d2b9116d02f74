import type { Rule } from './rule';
import { dateField, eachAction, text } from './walk';
import { formatUkDate } from '../dates';

const DONE = new Set(['done', 'dropped', 'completed', 'complete']);

export const actionOverdue: Rule = {
  id: 'action-overdue',
  defaultSeverity: 'warning',
  description: 'An action whose due date has passed and that is not marked done or dropped.',
  check(ctx) {
    for (const { path, action } of eachAction(ctx.data)) {
      const due = dateField(action.due);
      if (!due) continue;
      const status = (text(action.status) ?? 'open').toLowerCase();
      if (DONE.has(status)) continue;
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
