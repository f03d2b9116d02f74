/**
 * The tracker as one self-contained HTML file: no network, nothing fetched; its one script and
 * one stylesheet are inline and allowed by hash in its content security policy. The table is a
 * real table (sortable by header buttons, filterable), the charts are hand-written SVG with text
 * equivalents, and it prints.
 */
import { createHash } from 'node:crypto';
import { formatUkDate } from '../../service/dates/calendar';
import { TRACKER_FLAGS } from '../../service/tracker/checks';
import type { Tracker, TrackerRow } from '../../service/tracker';
import { CASE_DATA_NOTICE, esc, shareText, WAITING_WORDS, words } from './notice';
import { daysToPlanChart, plansByTypeChart, TIMELINE_LEGEND, timelineChart, timelineSpan } from './charts';
import { REPORT_SCRIPT, REPORT_STYLE } from './htmlAssets';

const ukDate = (d: string | undefined): string => (d ? formatUkDate(d) : '');
const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy of the page: nothing from anywhere, except its own inline scripts and style. */
export function reportCsp(scripts: readonly string[] = [REPORT_SCRIPT], style: string = REPORT_STYLE): string {
  return `default-src 'none'; script-src ${scripts.map(sha256).join(' ')}; style-src ${sha256(style)}; img-src data:; base-uri 'none'; form-action 'none'`;
}

export interface HtmlOptions {
  /** A script of the page's host, run before the page's own (the editor's view defines careplanOpen in it). */
  readonly hostScript?: string;
}

interface Column {
  readonly id: string;
  readonly title: string;
  /** The sort key: a number, or text (dates as YYYY-MM-DD sort as text). */
  readonly sort: (r: TrackerRow) => string | number | undefined;
  readonly cell: (r: TrackerRow) => string;
  readonly numeric?: boolean;
}

const badge = (text: string): string => ` <strong class="badge">${esc(text)}</strong>`;
const plain = (v: string | undefined, none = '—'): string => (v ? esc(v) : `<span class="none">${none}</span>`);

const COLUMNS: readonly Column[] = [
  { id: 'child', title: 'Child', sort: (r) => r.child, cell: (r) => `<th scope="row">${esc(r.child)}</th>` },
  { id: 'looked-after', title: 'Looked after since', sort: (r) => r.lookedAfterSince, cell: (r) => `<td>${plain(ukDate(r.lookedAfterSince))}</td>` },
  { id: 'legal', title: 'Legal status', sort: (r) => r.legalStatus, cell: (r) => `<td>${plain(words(r.legalStatus))}</td>` },
  {
    id: 'placement',
    title: 'Placement (since)',
    sort: (r) => r.placementType,
    cell: (r) => `<td>${plain(words(r.placementType))}${r.placementStart ? `<br><span class="sub">${esc(ukDate(r.placementStart))}</span>` : ''}</td>`,
  },
  {
    id: 'plan',
    title: 'Permanence plan',
    sort: (r) => r.plan ?? '',
    cell: (r) =>
      `<td>${r.plan ? esc(words(r.plan)) : badge('none')}${r.planAgreedAtReview !== undefined ? `<br><span class="sub">agreed at review ${r.planAgreedAtReview}</span>` : ''}${r.parallelPlan ? `<br><span class="sub">parallel: ${esc(words(r.parallelPlan))}</span>` : r.parallelPlanExpected ? `<br>${badge('no parallel plan')}` : ''}</td>`,
  },
  { id: 'days-to-plan', title: 'Days to plan', numeric: true, sort: (r) => r.daysToPlan, cell: (r) => `<td class="num">${r.daysToPlan ?? '<span class="none">—</span>'}</td>` },
  {
    id: 'target',
    title: 'Target date',
    sort: (r) => r.targetDate,
    cell: (r) => `<td>${plain(ukDate(r.targetDate))}${r.targetPassed ? badge('passed') : ''}</td>`,
  },
  {
    id: 'milestone',
    title: 'Next milestone',
    sort: (r) => r.nextMilestone?.due,
    cell: (r) => `<td>${r.nextMilestone ? `${esc(r.nextMilestone.what)}${r.nextMilestone.due ? `<br><span class="sub">${esc(ukDate(r.nextMilestone.due))}</span>` : ''}` : plain(undefined)}</td>`,
  },
  {
    id: 'slipped',
    title: 'Slipped',
    numeric: true,
    sort: (r) => r.slippedMilestones.length,
    cell: (r) => `<td class="num">${r.slippedMilestones.length ? `<span title="${esc(r.slippedMilestones.map((m) => m.what).join('; '))}">${r.slippedMilestones.length}</span>` : '0'}</td>`,
  },
  {
    id: 'last-review',
    title: 'Last review',
    sort: (r) => r.lastReviewDate,
    cell: (r) => `<td>${r.lastReviewDate ? `${r.lastReviewNumber !== undefined ? `review ${r.lastReviewNumber}<br>` : ''}<span class="sub">${esc(ukDate(r.lastReviewDate))}</span>` : plain(undefined, 'none')}</td>`,
  },
  {
    id: 'next-review',
    title: 'Next review due',
    sort: (r) => r.nextReviewDue,
    cell: (r) => `<td>${plain(ukDate(r.nextReviewDue))}${r.reviewOverdue ? badge('overdue') : ''}</td>`,
  },
  {
    id: 'actions',
    title: 'Open actions',
    numeric: true,
    sort: (r) => r.overdueActions * 10000 + r.openActions,
    cell: (r) => `<td class="num">${r.openActions}${r.overdueActions ? badge(`${r.overdueActions} overdue`) : ''}</td>`,
  },
  {
    id: 'supervision',
    title: 'Last supervision',
    sort: (r) => r.daysSinceSupervision,
    cell: (r) =>
      `<td>${r.lastSupervision ? `${esc(ukDate(r.lastSupervision))}<br><span class="sub">${r.daysSinceSupervision} days ago</span>` : plain(undefined, 'none')}${r.supervisionOverdue ? badge('overdue') : ''}</td>`,
  },
  {
    id: 'flags',
    title: 'Flags',
    numeric: true,
    sort: (r) => Object.values(r.flags).reduce((a, b) => a + b, 0) + (r.waiting ? 1 : 0),
    cell: (r) => {
      const list = Object.entries(r.flags).map(([id, n]) => `<li>${esc(id)}${n > 1 ? ` ×${n}` : ''}</li>`);
      if (r.waiting) list.unshift(`<li>waiting for ${esc(WAITING_WORDS[r.waiting.step])}</li>`);
      return `<td class="flag-cell">${list.length ? `<ul class="flags">${list.join('')}</ul>` : '<span class="none">none</span>'}</td>`;
    },
  },
];

function summary(t: Tracker): string {
  const s = t.summary;
  const item = (term: string, value: string): string => `<div><dt>${esc(term)}</dt><dd>${value}</dd></div>`;
  const list = (xs: readonly string[]): string => (xs.length ? esc(xs.join(', ')) : 'none');
  const spread = s.daysToPlan
    ? `median <strong>${s.daysToPlan.median}</strong> days<br><span class="sub">middle half ${s.daysToPlan.lowerQuartile}–${s.daysToPlan.upperQuartile}, range ${s.daysToPlan.min}–${s.daysToPlan.max}, ${s.daysToPlan.count} children</span>`
    : 'no child has both dates';
  return `<dl class="summary">
${item('Children', `<strong>${s.children}</strong> <span class="sub">(${s.records} records)</span>`)}
${item('Permanence plan by the second review', esc(shareText(s.planBySecondReview)))}
${item('Becoming looked after to the first plan', spread)}
${item('Placed with parents (forum list)', list(s.placedWithParents))}
${item('Waiting beyond the set months', s.waiting.length ? s.waiting.map((w) => `${esc(w.child)}: ${esc(WAITING_WORDS[w.step])} since ${esc(ukDate(w.since))}`).join('<br>') : 'none')}
${item('Reviews held in time', esc(shareText(s.reviewsInTime)))}
${item('Next review overdue', list(s.reviewsOverdue))}
${item('Open actions with a clear timescale', esc(shareText(s.actionsWithClearTimescale)))}
${item('Overdue actions', String(s.overdueActions))}
${item('Supervision overdue', list(s.supervisionOverdue))}
</dl>
<h3>Children with findings across their records</h3>
<ul class="flag-counts">${TRACKER_FLAGS.map((id) => `<li><span class="flag-id">${esc(id)}</span> ${s.flags[id] ?? 0}</li>`).join('')}</ul>`;
}

function completeness(t: Tracker): string {
  const rows = t.completeness
    .map(
      (c) =>
        `<tr><th scope="row">${esc(c.label)}<br><code>${esc(c.field)}</code></th><td class="num">${c.missing.length}</td><td>${
          c.missing.length ? `<ul class="where">${c.missing.map((m) => `<li>${esc(m.child)}: ${m.record ? `<code>${esc(m.record)}</code>` : 'no record yet'}</li>`).join('')}</ul>` : '<span class="none">complete</span>'
        }</td></tr>`,
    )
    .join('\n');
  return `<table class="completeness"><caption>Fields the tracker needs, and the children whose records lack them</caption>
<thead><tr><th scope="col">Field</th><th scope="col">Children lacking it</th><th scope="col">Where to add it</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

function table(t: Tracker): string {
  const span = timelineSpan(t.rows);
  const head = COLUMNS.map(
    (c) => `<th scope="col" data-col="${c.id}"${c.numeric ? ' data-numeric=""' : ''}><button type="button" class="sort">${esc(c.title)}<span class="arrow" aria-hidden="true"></span></button></th>`,
  ).join('');
  const plans = [...new Set(t.rows.map((r) => r.plan ?? 'none'))].sort();
  const body = t.rows
    .map((r) => {
      const keys = COLUMNS.map((c) => {
        const v = c.sort(r);
        return v === undefined ? '' : ` data-${c.id}="${esc(String(v))}"`;
      }).join('');
      const journey = `<td class="journey">${timelineChart(r, span)}</td>`;
      return `<tr data-plan-type="${esc(r.plan ?? 'none')}" data-records="${esc(r.records.join('\n'))}"${keys}>${COLUMNS.map((c) => c.cell(r)).join('')}${journey}</tr>`;
    })
    .join('\n');
  return `<div class="controls" role="search">
<label for="filter">Filter</label> <input id="filter" type="search" placeholder="case reference, plan, status…" autocomplete="off">
<label for="plan-filter">Plan</label> <select id="plan-filter"><option value="">all plans</option>${plans.map((p) => `<option value="${esc(p)}">${esc(p === 'none' ? 'no plan' : words(p))}</option>`).join('')}</select>
<span id="shown" aria-live="polite">${t.rows.length} of ${t.rows.length} children shown</span>
</div>
${TIMELINE_LEGEND}
<div class="scroll"><table id="tracker"><caption>One row per child. Select a column heading to sort by it.</caption>
<thead><tr>${head}<th scope="col">Journey (${esc(ukDate(span.from))} to ${esc(ukDate(span.to))})</th></tr></thead>
<tbody>
${body}
</tbody></table></div>`;
}

export function formatReportHtml(t: Tracker, options: HtmlOptions = {}): string {
  const scripts = options.hostScript ? [options.hostScript, REPORT_SCRIPT] : [REPORT_SCRIPT];
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp(scripts)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Permanence tracker, ${esc(ukDate(t.today))}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header>
<p class="notice" role="note"><strong>Case data.</strong> ${esc(CASE_DATA_NOTICE)}</p>
<h1>Permanence tracker <span class="sub">as at ${esc(ukDate(t.today))}</span></h1>
</header>
<main>
<section aria-labelledby="summary-h"><h2 id="summary-h">Summary for the permanency forum</h2>
${summary(t)}
</section>
<section aria-labelledby="charts-h" class="charts"><h2 id="charts-h">Charts</h2>
<figure>${plansByTypeChart(t.summary.byPlanType)}<figcaption>Children by permanence plan<br><span class="sub">red: no plan recorded</span></figcaption></figure>
<figure>${daysToPlanChart(t.rows)}<figcaption>Days from becoming looked after to the first permanence plan<br><span class="sub">red: six months or more</span></figcaption></figure>
</section>
<section aria-labelledby="children-h"><h2 id="children-h">Children</h2>
${table(t)}
</section>
<section aria-labelledby="complete-h"><h2 id="complete-h">Data completeness</h2>
<p>What the tracker needs and the records lack: the first thing to put right, or the figures above cannot be trusted.</p>
${completeness(t)}
</section>
</main>
<footer><p>Written by careplan from the records themselves. The first permanence plan is dated by the first record that has one; a review is held in time when it falls within the statutory interval from the review record before it (the first, from becoming looked after).</p></footer>
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}
