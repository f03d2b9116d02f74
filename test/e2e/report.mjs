// The permanence tracker's HTML in a real Chromium: `careplan report` writes it for the samples,
// the page is opened from disk, and its table, sorting (by mouse and by keyboard), filtering and
// charts are checked through the DOM; no request leaves the file and its content security policy
// lets its own script run. Screenshots: test-output/e2e/report-tracker.png (screen) and
// report-tracker-table.png (the whole table) and report-tracker-print.png (print stylesheet).
//   node test/e2e/report.mjs [workspace]   (default: the repository's samples)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OUTPUT, ROOT, isolate, launchChromium, log } from './lib.mjs';

isolate(process.env.CAREPLAN_E2E_RUN_DIR || mkdtempSync(join(tmpdir(), 'careplan-report-e2e-')));
const samples = process.argv[2] || join(ROOT, 'samples');
mkdirSync(OUTPUT, { recursive: true });
const file = join(OUTPUT, 'report-tracker.html');
execFileSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'report', samples, '--root', samples, '-o', file], { stdio: 'inherit' });

const problems = [];
const check = (ok, what) => { log('report', `${ok ? 'ok  ' : 'FAIL'} ${what}`); if (!ok) problems.push(what); };

const context = await launchChromium();
try {
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('#tracker tbody tr');

  const children = () => page.$$eval('#tracker tbody tr:not([hidden]) th[scope=row]', (ths) => ths.map((th) => th.textContent.trim()));
  check(JSON.stringify(await children()) === JSON.stringify(['CH-000123', 'CH-000456', 'CH-000789']), 'three rows, one per sample child, by case reference');
  check((await page.textContent('.notice')).includes('case data'), 'the page says first that it holds case data');

  await page.click('th[data-col="days-to-plan"] button');
  check(JSON.stringify(await children()) === JSON.stringify(['CH-000789', 'CH-000123', 'CH-000456']), 'a click on "Days to plan" sorts 14, 79, 283 days');
  check((await page.getAttribute('th[data-col="days-to-plan"]', 'aria-sort')) === 'ascending', 'the sorted column says so (aria-sort)');
  await page.click('th[data-col="days-to-plan"] button');
  check(JSON.stringify(await children()) === JSON.stringify(['CH-000456', 'CH-000123', 'CH-000789']), 'a second click sorts the other way');

  await page.focus('th[data-col="child"] button');
  await page.keyboard.press('Enter');
  check(JSON.stringify(await children()) === JSON.stringify(['CH-000123', 'CH-000456', 'CH-000789']), 'Enter on a focused heading sorts by it (keyboard)');

  await page.fill('#filter', '000456');
  check(JSON.stringify(await children()) === JSON.stringify(['CH-000456']), 'the filter keeps the rows that match');
  check((await page.textContent('#shown')).trim() === '1 of 3 children shown', 'the count of rows shown is announced');
  await page.fill('#filter', '');
  await page.selectOption('#plan-filter', 'long-term-fostering');
  check(JSON.stringify(await children()) === JSON.stringify(['CH-000789']), 'the plan filter keeps one plan');
  await page.selectOption('#plan-filter', '');

  const bars = await page.$$eval('#chart-plans rect', (rs) => rs.length);
  check(bars === 3, `the plans chart draws a bar per plan type (${bars})`);
  const label = await page.getAttribute('#chart-plans', 'aria-label');
  check(/long-term fostering 1/.test(label ?? ''), 'the plans chart says its figures to a screen reader');
  check((await page.$$eval('#chart-days rect', (rs) => rs.length)) === 5, 'the days-to-plan chart has its five bands');
  const slips = await page.$$eval('#tracker tbody tr', (trs) => trs.map((tr) => tr.querySelectorAll('svg.timeline .m-slip').length));
  check(JSON.stringify(slips) === JSON.stringify([0, 1, 2]), `each child's journey shows its slips (${slips})`);
  const box = await page.$eval('#chart-plans', (svg) => svg.getBoundingClientRect().width);
  check(box > 100, 'the chart is drawn at a readable size');

  await page.screenshot({ path: join(OUTPUT, 'report-tracker.png'), fullPage: true });
  // The whole table (flags and journeys are past the right edge at 1400 pixels).
  await page.setViewportSize({ width: 2200, height: 900 });
  await (await page.$('#tracker')).screenshot({ path: join(OUTPUT, 'report-tracker-table.png') });
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.emulateMedia({ media: 'print' });
  check(!(await page.isVisible('#filter')), 'the print stylesheet hides the controls');
  await page.screenshot({ path: join(OUTPUT, 'report-tracker-print.png'), fullPage: true });

  check(requests.length === 0, `no request leaves the file (${requests.join(', ') || 'none'})`);
  check(errors.length === 0, `no script error or policy violation (${errors.join(' | ') || 'none'})`);
} finally {
  await context.close();
}
log('report', problems.length ? `${problems.length} problem(s)` : 'all checks passed');
process.exit(problems.length ? 1 : 0);
