/** The tracker as Markdown, for a forum's papers or a wiki page. */
import { TRACKER_FLAGS } from '../../service/tracker/checks';
import { COMPLETENESS_FIELDS } from '../../service/tracker/completeness';
import type { Tracker } from '../../service/tracker';
import { formatUkDate } from '../../service/dates/calendar';
import { CASE_DATA_NOTICE, shareText, WAITING_WORDS, words } from './notice';

const date = (d: string | undefined): string => (d ? formatUkDate(d) : '—');
/** A value in a table cell: no pipes or line breaks can end the cell early. */
const md = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

export function formatReportMarkdown(t: Tracker): string {
  const s = t.summary;
  const out: string[] = [];
  out.push(`# Permanence tracker, ${formatUkDate(t.today)}`, '', `> **${CASE_DATA_NOTICE}**`, '');
  out.push('## Summary for the permanency forum', '');
  out.push(`- Children: ${s.children} (${s.records} records)`);
  out.push(`- With a permanence plan by the second review: ${shareText(s.planBySecondReview)}`);
  if (s.daysToPlan) out.push(`- Days from becoming looked after to the first permanence plan: median ${s.daysToPlan.median} (middle half ${s.daysToPlan.lowerQuartile}–${s.daysToPlan.upperQuartile}, range ${s.daysToPlan.min}–${s.daysToPlan.max}, ${s.daysToPlan.count} children)`);
  out.push(`- Children by plan: ${Object.entries(s.byPlanType).map(([p, n]) => `${p === 'none' ? 'no plan' : words(p)} ${n}`).join(', ')}`);
  out.push(`- Placed with parents (the forum list): ${s.placedWithParents.join(', ') || 'none'}`);
  out.push(`- Waiting beyond the set months: ${s.waiting.map((w) => `${w.child} for ${WAITING_WORDS[w.step]} since ${formatUkDate(w.since)}`).join('; ') || 'none'}`);
  out.push(`- Reviews held in time: ${shareText(s.reviewsInTime)}; next review overdue: ${s.reviewsOverdue.join(', ') || 'none'}`);
  out.push(`- Open actions with a clear timescale: ${shareText(s.actionsWithClearTimescale)}; overdue actions: ${s.overdueActions}`);
  out.push(`- Supervision overdue: ${s.supervisionOverdue.join(', ') || 'none'}`);
  out.push(`- Children with findings across records: ${TRACKER_FLAGS.map((id) => `${id} ${s.flags[id] ?? 0}`).join(', ')}`, '');

  out.push('## Children', '');
  out.push('| Child | Looked after since | Legal status | Placement (since) | Plan (agreed at review) | Parallel plan | Target | Next milestone | Slipped | Last review | Next review due | Open / overdue actions | Last supervision | Flags |');
  out.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of t.rows) {
    const flags = Object.entries(r.flags).map(([id, n]) => `${id} ${n}`).join(', ');
    out.push(
      `| ${[
        r.child,
        date(r.lookedAfterSince),
        words(r.legalStatus) || '—',
        r.placementType ? `${words(r.placementType)} (${date(r.placementStart)})` : '—',
        r.plan ? `${words(r.plan)}${r.planAgreedAtReview !== undefined ? ` (review ${r.planAgreedAtReview})` : ''}` : '**none**',
        words(r.parallelPlan) || (r.parallelPlanExpected ? '**none**' : '—'),
        r.targetDate ? `${date(r.targetDate)}${r.targetPassed ? ' **passed**' : ''}` : '—',
        r.nextMilestone ? `${r.nextMilestone.what} (${date(r.nextMilestone.due)})` : '—',
        String(r.slippedMilestones.length),
        r.lastReviewDate ? `${r.lastReviewNumber !== undefined ? `review ${r.lastReviewNumber}, ` : ''}${date(r.lastReviewDate)}` : '—',
        r.nextReviewDue ? `${date(r.nextReviewDue)}${r.reviewOverdue ? ' **overdue**' : ''}` : '—',
        `${r.openActions} / ${r.overdueActions}`,
        r.lastSupervision ? `${date(r.lastSupervision)} (${r.daysSinceSupervision} days)${r.supervisionOverdue ? ' **overdue**' : ''}` : '—',
        flags || '—',
      ]
        .map(md)
        .join(' | ')} |`,
    );
  }
  out.push('', '## Data completeness', '', 'What the tracker needs and the records lack it — the first thing to put right.', '');
  out.push('| Field | Children lacking it | Where to add it |', '|---|---|---|');
  for (const c of t.completeness) {
    const label = COMPLETENESS_FIELDS.find((f) => f.field === c.field)?.label ?? c.field;
    out.push(`| ${md(label)} (\`${c.field}\`) | ${c.missing.length} | ${md(c.missing.map((m) => (m.record ? `${m.child}: ${m.record}` : `${m.child}: no record yet`)).join('; ')) || '—'} |`);
  }
  out.push('', 'The first permanence plan is dated by the first record that has one. A review is held in time when it falls within the statutory interval from the review record before it (the first, from becoming looked after).', '');
  return out.join('\n');
}
