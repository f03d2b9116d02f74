/**
 * The tracker's charts as hand-written SVG: plain bars and marks need no library, and SVG drawn
 * here prints, scales and carries its own text (each chart is an image with a label saying what
 * it shows, and the numbers are written on it). Colours pass 4.5:1 on white; marks differ by
 * shape as well as colour.
 */
import { daysBetween, formatUkDate } from '../../service/dates/calendar';
import type { TimelineEvent, TrackerRow } from '../../service/tracker';
import { esc, words } from './notice';

const BLUE = '#1f4e79';
const GREY = '#595959';

/** Horizontal bars: children by plan type, most common first. */
export function plansByTypeChart(byPlanType: Readonly<Record<string, number>>): string {
  const entries = Object.entries(byPlanType);
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const rowH = 26;
  const labelW = 190;
  const barW = 280;
  const h = Math.max(1, entries.length) * rowH + 8;
  const bars = entries
    .map(([plan, n], i) => {
      const y = 4 + i * rowH;
      const w = Math.max(2, Math.round((n / max) * barW));
      const label = plan === 'none' ? 'no plan' : words(plan);
      return `<g><text x="${labelW - 8}" y="${y + 16}" text-anchor="end">${esc(label)}</text><rect x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 8}" fill="${plan === 'none' ? '#a4000f' : BLUE}"><title>${esc(label)}: ${n}</title></rect><text x="${labelW + w + 6}" y="${y + 16}">${n}</text></g>`;
    })
    .join('');
  const said = entries.map(([p, n]) => `${p === 'none' ? 'no plan' : words(p)} ${n}`).join(', ');
  return `<svg class="chart" id="chart-plans" role="img" aria-label="Children by permanence plan: ${esc(said || 'no children')}" viewBox="0 0 ${labelW + barW + 50} ${h}" width="${labelW + barW + 50}" height="${h}">${bars}</svg>`;
}

/** Bands of days, as a forum would talk about them. */
const BANDS: readonly { readonly label: string; readonly upTo: number }[] = [
  { label: '≤ 4 weeks', upTo: 28 },
  { label: '1–3 months', upTo: 91 },
  { label: '3–6 months', upTo: 182 },
  { label: '6–12 months', upTo: 365 },
  { label: 'over a year', upTo: Infinity },
];

/** Columns: how many children waited how long for their first permanence plan. */
export function daysToPlanChart(rows: readonly TrackerRow[]): string {
  const counts = BANDS.map(() => 0);
  for (const r of rows) {
    if (r.daysToPlan === undefined) continue;
    counts[BANDS.findIndex((b) => r.daysToPlan! <= b.upTo)]! += 1;
  }
  const max = Math.max(1, ...counts);
  const colW = 96;
  const chartH = 140;
  const bars = BANDS.map((b, i) => {
    const h = Math.round((counts[i]! / max) * chartH);
    const x = 10 + i * colW;
    return `<g><rect x="${x + 12}" y="${20 + chartH - h}" width="${colW - 24}" height="${Math.max(h, 1)}" fill="${i >= 3 ? '#a4000f' : BLUE}"><title>${b.label}: ${counts[i]}</title></rect><text x="${x + colW / 2}" y="${14 + chartH - h}" text-anchor="middle">${counts[i]}</text><text x="${x + colW / 2}" y="${chartH + 38}" text-anchor="middle">${b.label}</text></g>`;
  }).join('');
  const said = BANDS.map((b, i) => `${b.label} ${counts[i]}`).join(', ');
  const w = 20 + BANDS.length * colW;
  return `<svg class="chart" id="chart-days" role="img" aria-label="Children by days to their first permanence plan: ${esc(said)}" viewBox="0 0 ${w} ${chartH + 48}" width="${w}" height="${chartH + 48}"><line x1="10" y1="${chartH + 20}" x2="${w - 10}" y2="${chartH + 20}" stroke="${GREY}"/>${bars}</svg>`;
}

/** The dates every row's timeline shares, so children's journeys can be compared down the table. */
export function timelineSpan(rows: readonly TrackerRow[]): { from: string; to: string } {
  let from: string | undefined;
  let to: string | undefined;
  for (const r of rows) {
    for (const e of r.timeline) {
      if (!from || e.date < from) from = e.date;
      if (!to || e.date > to) to = e.date;
    }
  }
  return { from: from ?? '2000-01-01', to: to ?? '2000-01-02' };
}

const W = 260;
const H = 34;

function mark(e: TimelineEvent, x: number): string {
  const t = `<title>${esc(`${e.label}, ${formatUkDate(e.date)}`)}</title>`;
  switch (e.kind) {
    case 'looked-after':
      return `<line x1="${x}" y1="6" x2="${x}" y2="28" stroke="${BLUE}" stroke-width="2">${t}</line>`;
    case 'care-plan':
      return `<rect x="${x - 4}" y="13" width="8" height="8" fill="#fff" stroke="${BLUE}" stroke-width="2">${t}</rect>`;
    case 'review':
      return `<circle class="m-review" cx="${x}" cy="17" r="4.5" fill="${BLUE}">${t}</circle>`;
    case 'supervision':
      return `<line x1="${x}" y1="24" x2="${x}" y2="31" stroke="${GREY}" stroke-width="1.5">${t}</line>`;
    case 'milestone-due':
      return `<path d="M${x} 3 l5 5 l-5 5 l-5 -5 z" fill="#fff" stroke="#7a4100" stroke-width="1.5">${t}</path>`;
    case 'milestone-achieved':
      return `<path d="M${x} 3 l5 5 l-5 5 l-5 -5 z" fill="#0b6e2e">${t}</path>`;
    case 'slip':
      return `<path class="m-slip" d="M${x - 5} 3 h10 l-5 9 z" fill="#b00020">${t}</path>`;
    case 'target':
      return `<line x1="${x}" y1="2" x2="${x}" y2="32" stroke="#000" stroke-width="1.5" stroke-dasharray="3 2">${t}</line>`;
  }
}

/** A child's journey on the shared dates: reviews, supervision, milestones due and achieved, slips, the target. */
export function timelineChart(row: TrackerRow, span: { from: string; to: string }): string {
  const total = Math.max(1, daysBetween(span.from, span.to));
  const x = (d: string) => (6 + (daysBetween(span.from, d) / total) * (W - 12)).toFixed(1);
  const reviews = row.timeline.filter((e) => e.kind === 'review').length;
  const slips = row.timeline.filter((e) => e.kind === 'slip').length;
  const said = `${row.child}: ${reviews} review${reviews === 1 ? '' : 's'}, ${slips} slip${slips === 1 ? '' : 's'}${row.targetDate ? `, target ${formatUkDate(row.targetDate)}` : ''}`;
  return `<svg class="timeline" role="img" aria-label="${esc(said)}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}"><line x1="6" y1="17" x2="${W - 6}" y2="17" stroke="#c8c8c8"/>${row.timeline.map((e) => mark(e, Number(x(e.date)))).join('')}</svg>`;
}

/** The key to the timeline marks, drawn with the same marks. */
export const TIMELINE_LEGEND = `<p class="legend" aria-label="Key to the journey timelines">Journey key:
<span><svg width="14" height="14" aria-hidden="true"><line x1="7" y1="1" x2="7" y2="13" stroke="${BLUE}" stroke-width="2"/></svg> became looked after</span>
<span><svg width="14" height="14" aria-hidden="true"><rect x="3" y="3" width="8" height="8" fill="#fff" stroke="${BLUE}" stroke-width="2"/></svg> care plan</span>
<span><svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="4.5" fill="${BLUE}"/></svg> review</span>
<span><svg width="14" height="14" aria-hidden="true"><line x1="7" y1="3" x2="7" y2="11" stroke="${GREY}" stroke-width="1.5"/></svg> supervision</span>
<span><svg width="14" height="14" aria-hidden="true"><path d="M7 1 l5 5 l-5 5 l-5 -5 z" fill="#fff" stroke="#7a4100" stroke-width="1.5"/></svg> milestone due</span>
<span><svg width="14" height="14" aria-hidden="true"><path d="M7 1 l5 5 l-5 5 l-5 -5 z" fill="#0b6e2e"/></svg> milestone achieved</span>
<span><svg width="14" height="14" aria-hidden="true"><path d="M2 2 h10 l-5 9 z" fill="#b00020"/></svg> milestone slipped</span>
<span><svg width="14" height="14" aria-hidden="true"><line x1="7" y1="0" x2="7" y2="14" stroke="#000" stroke-width="1.5" stroke-dasharray="3 2"/></svg> permanence target</span>
</p>`;
