/**
 * The report page's one stylesheet and one script, inline in the file (allowed by hash in its
 * content security policy). Plain DOM: sorting by header buttons (aria-sort), filtering by text
 * and plan, a live count of the rows shown.
 */

export const REPORT_STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; padding: 0 1.25rem 2rem; }
.notice { background: #fff4ce; border: 2px solid #7a5d00; border-radius: 4px; padding: .6rem .9rem; margin: 1rem 0; }
h1 { color: #1f4e79; margin: .4rem 0 1rem; }
h2 { color: #1f4e79; border-bottom: 2px solid #1f4e79; padding-bottom: .2rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
.sub { color: #4a4a4a; font-size: .88em; font-weight: normal; }
.badge { display: inline-block; background: #fde7e9; color: #a4000f; border: 1px solid #a4000f; border-radius: 3px; padding: 0 .3em; font-size: .8em; font-weight: 600; white-space: nowrap; }
.none { color: #595959; }
dl.summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: .6rem; margin: 0; }
dl.summary div { border: 1px solid #c8c8c8; border-radius: 4px; padding: .5rem .7rem; }
dt { font-weight: 600; color: #1f4e79; }
dd { margin: .2rem 0 0; }
.flag-counts { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; padding: 0; list-style: none; margin: 0; }
.flag-id { font-family: ui-monospace, Consolas, monospace; font-size: .9em; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem 3rem; }
.charts h2 { flex-basis: 100%; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-top: .3rem; }
svg text { font: 13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; fill: #1a1a1a; }
.controls { margin: .6rem 0; display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
#shown { color: #4a4a4a; margin-left: .5rem; }
input, select { font: inherit; padding: .25rem .4rem; border: 1px solid #595959; border-radius: 3px; background: #fff; color: #1a1a1a; }
input#filter { min-width: 18rem; }
input:focus-visible, select:focus-visible { outline: 3px solid #1f4e79; outline-offset: 1px; }
.legend { font-size: .88em; color: #333; }
.legend span { margin-right: .9rem; white-space: nowrap; }
.legend svg { vertical-align: middle; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; color: #4a4a4a; padding: .3rem 0; caption-side: top; }
#tracker th, #tracker td, .completeness th, .completeness td { border-bottom: 1px solid #d0d0d0; padding: .35rem .45rem; vertical-align: top; text-align: left; }
#tracker { font-size: 13px; }
#tracker thead th { position: sticky; top: 0; background: #eef3f8; z-index: 1; min-width: 4.5rem; }
#tracker tbody th { white-space: nowrap; position: sticky; left: 0; background: #fff; }
#tracker thead th:first-child { left: 0; z-index: 2; }
#tracker td.flag-cell { min-width: 15rem; }
#tracker tbody tr:hover, #tracker tbody tr:hover th { background: #f5f8fb; }
#tracker tbody tr.opens { cursor: pointer; }
.completeness thead th { background: #eef3f8; }
button.sort { font: inherit; font-weight: 600; color: #1a1a1a; background: none; border: 0; padding: 0; cursor: pointer; text-align: left; }
button.sort:hover { text-decoration: underline; }
button.sort:focus-visible { outline: 3px solid #1f4e79; outline-offset: 2px; }
th[aria-sort="ascending"] .arrow::after { content: " \\25B2"; }
th[aria-sort="descending"] .arrow::after { content: " \\25BC"; }
.num { text-align: right !important; font-variant-numeric: tabular-nums; }
.where { margin: 0; padding-left: 1rem; font-size: .88em; }
.flags { margin: 0; padding: 0; list-style: none; font-size: .92em; }
.flags li { display: inline; }
.flags li + li::before { content: ", "; }
code { font-family: ui-monospace, Consolas, monospace; font-size: .9em; }
.journey { min-width: 260px; }
.completeness { max-width: 1100px; }
footer { margin-top: 2rem; color: #4a4a4a; font-size: .88em; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 9pt; max-width: none; padding: 0; }
  .controls, .arrow { display: none; }
  .notice { border-width: 1px; }
  #tracker thead th, #tracker tbody th { position: static; }
  #tracker thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .scroll { overflow: visible; }
  section { break-inside: auto; }
  .charts figure { break-inside: avoid; }
}
`;

export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('tracker');
  if (!table) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  var filter = document.getElementById('filter');
  var plan = document.getElementById('plan-filter');
  var shown = document.getElementById('shown');

  function apply() {
    var q = filter.value.trim().toLowerCase();
    var p = plan.value;
    var n = 0;
    rows.forEach(function (r, i) {
      var ok = (!q || texts[i].indexOf(q) >= 0) && (!p || r.getAttribute('data-plan-type') === p);
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = n + ' of ' + rows.length + ' children shown';
  }
  filter.addEventListener('input', apply);
  plan.addEventListener('change', apply);

  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells).filter(function (th) { return th.hasAttribute('data-col'); });
  heads.forEach(function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var attr = 'data-' + th.getAttribute('data-col');
      var numeric = th.hasAttribute('data-numeric');
      var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      heads.forEach(function (o) { o.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', dir);
      var sign = dir === 'ascending' ? 1 : -1;
      var keyed = rows.map(function (r, i) { var v = r.getAttribute(attr); return { r: r, i: i, v: v === null || v === '' ? null : numeric ? Number(v) : v }; });
      keyed.sort(function (a, b) {
        // A blank stays at the bottom whichever way the column is sorted.
        if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
        var c = a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
        return c * sign || a.i - b.i;
      });
      var frag = document.createDocumentFragment();
      keyed.forEach(function (k) { frag.appendChild(k.r); });
      tbody.appendChild(frag);
    });
  });

  // In the editor, a row opens the child's records (the host page defines careplanOpen).
  var open = window.careplanOpen;
  if (typeof open === 'function') {
    rows.forEach(function (r) {
      r.classList.add('opens');
      r.tabIndex = 0;
      var go = function () { open(r.getAttribute('data-child'), (r.getAttribute('data-records') || '').split('\\n')); };
      r.addEventListener('click', go);
      r.addEventListener('keydown', function (e) { if (e.key === 'Enter') go(); });
    });
  }
})();
`;
