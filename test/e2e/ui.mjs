// UI test through the browser: the packaged .vsix installed into code-server, walked as a
// practitioner walks it, and what they see read back from the page and saved as screenshots:
//   0 a folder of records (no settings file) opened: the Problems panel fills, no file opened
//   1-6 a sample opened with Quick Open: squiggles, hovers, Problems rows, the status bar counts,
//       a finding across a child's records
//   7 a new review from the explorer's context menu on the child's folder: saved, named, filled
//   8 an action typed into it with a vague timescale: flagged, and counted in the status bar
//   9 the rule id of a finding in the Problems panel clicked: the rule page opens rendered
//   10-12 quick fixes in a record with one finding of each (written before the editor starts):
//       the due fix inserts the proposed date with the cursor on it (typed over), the expectation
//       fix keeps the wording and fills in the fields, the reference fix leaves no error
// Usage: node ui.mjs <vsix> <workspace>       (screenshots: test-output/e2e/ui-*.png)
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { OUTPUT, installExitHooks, installVsix, isolate, launchChromium, log, startCodeServer, stopGroup, tempDir } from './lib.mjs';

const [vsix, workspace] = process.argv.slice(2);
// The same records without .careplan.yaml: opening this folder must fill the Problems panel by
// itself (the extension used to start only for a settings file or an opened YAML file).
const bareWorkspace = `${workspace}-no-settings`;
cpSync(workspace, bareWorkspace, { recursive: true, filter: (src) => basename(src) !== '.careplan.yaml' });
// A record with one finding per fix walked in steps 9-12, for a child with no other records.
const FIXES = ['CH-000999', 'review-1.yaml'];
const FIXES_TEXT = `kind: review
id: review-CH000999-2025-10-20
child: CH-000999
date: 2025-10-20
review: { number: 1, chair: IRO, next_review_due: 2026-01-20 }
wishes_and_feelings: { child: J says he likes his carers and wants to keep playing football. }
discussion: The concerns are set out in the parenting assessment.
actions:
  - id: A1
    action: Book the health assessment
    owner: Social worker
parent_expectations:
  - id: E1
    expectation: Mother will attend every contact session, checked by the contact supervisor, by 1 February 2026
`;
mkdirSync(join(workspace, FIXES[0]), { recursive: true });
writeFileSync(join(workspace, ...FIXES), FIXES_TEXT);
const NEW_REVIEW_FOLDER = 'CH-000456';
const SAMPLE = ['CH-000456', 'review-1.yaml'];
const RULES = ['action-timescale', 'expectation-generic', 'reference-missing'];
// A record whose finding depends on the child's other records, and its line.
const ACROSS = ['CH-000789', 'review-3.yaml'];
isolate();
installExitHooks();
const logs = join(OUTPUT, 'logs');
mkdirSync(logs, { recursive: true });
const shot = (page, name) => { const path = join(OUTPUT, `ui-${name}.png`); log('ui', `screenshot ${path}`); return page.screenshot({ path }); };
/** Opens `folder/file` with Quick Open, as a keyboard user does, and waits for its tab to be the active one. */
async function quickOpen([folder, file], rowLabel = file) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15_000 });
  await page.keyboard.type(`${folder}/${file}`);
  await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${rowLabel}"]`, { timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab.active[data-resource-name="${file}"]`, { timeout: 30_000 });
}
const squiggles = '.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info';

// Which findings the sample marks, by rule id (the same markers the golden tests read).
const expected = new Map();
let firstMarkedLine = 0; // 1-based
readFileSync(join(workspace, ...SAMPLE), 'utf8').split('\n').forEach((line, i) => {
  const m = /#\s*expect:\s*(.+)$/.exec(line);
  if (m && !firstMarkedLine) firstMarkedLine = i + 1;
  for (const rule of m ? m[1].split(',').map((s) => s.trim()) : []) expected.set(rule, (expected.get(rule) ?? 0) + 1);
});

const acrossLine = readFileSync(join(workspace, ...ACROSS), 'utf8').split('\n').findIndex((l) => /#\s*expect:.*previous-actions/.test(l)) + 1;

let server, browser, page, failures = [];
const timer = setTimeout(async () => {
  log('ui', 'TIMEOUT');
  await page?.screenshot({ path: join(OUTPUT, 'ui-timeout.png') }).catch(() => {});
  process.exit(124); // exit hooks stop code-server and Chromium
}, Number(process.env.CAREPLAN_UI_TIMEOUT_MS || 180_000));

try {
  const extensionsDir = tempDir('cs-exts');
  await installVsix(vsix, extensionsDir, join(logs, 'ui-install-extension.log'));
  log('ui', `installed ${vsix}`);
  server = await startCodeServer({ extensionsDir, logFile: join(logs, 'ui-code-server.log') });
  browser = await launchChromium();
  page = browser.pages()[0] || (await browser.newPage());
  page.on('console', (m) => { if (m.type() === 'error') log('ui:console', m.text().slice(0, 300)); });
  const rowTextsOf = async (rows) => (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());

  // 0) a folder of records, no settings file, no file opened: the Problems panel fills by itself.
  await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(bareWorkspace)}`);
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
  await page.keyboard.press('Control+Shift+M');
  const bareRows = page.locator('.markers-panel .monaco-list-row');
  let bare = [];
  for (let i = 0; i < 150 && !bare.some((t) => /careplan/.test(t)); i++) {
    bare = await rowTextsOf(bareRows).catch(() => []);
    await page.waitForTimeout(200);
  }
  const openTabs = await page.locator('.tabs-container .tab').count();
  log('ui', `folder opened, no file open (${openTabs} tabs); Problems rows:\n  ${bare.slice(0, 8).join('\n  ')}`);
  await shot(page, '0-folder-problems');
  if (!bare.some((t) => /careplan/.test(t))) failures.push('opening a folder of records (no .careplan.yaml) should fill the Problems panel without opening a file');
  if (openTabs !== 0) failures.push(`no file should be open for step 0, ${openTabs} tabs are`);

  await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(workspace)}`);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
  log('ui', 'workbench loaded');

  // Open the sample with Quick Open, as a person would.
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
  await quickOpen(SAMPLE);
  await page.waitForSelector('.monaco-editor .view-lines', { timeout: 30_000 });
  log('ui', `opened ${SAMPLE.join('/')}`);

  // 1) squiggles under the findings
  await page.waitForSelector(squiggles, { timeout: 60_000 });
  const nSquiggles = await page.locator(squiggles).count();
  log('ui', `squiggles: ${nSquiggles}`);
  await shot(page, '1-editor');

  // 2) hover over the first finding: the careplan message and its rule id. Go to its line
  // first (Ctrl+G), so the squiggle is well inside the view, not half under its bottom edge.
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15_000 });
  await page.keyboard.type(String(firstMarkedLine));
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout: 15_000 }).catch(() => {});
  let hover = '';
  for (let i = 0; i < 50 && !/careplan|timescale/i.test(hover); i++) {
    // A squiggle still being laid out is "not visible" for a moment: try again.
    const hovered = await page.locator(squiggles).first().hover({ force: true, timeout: 2_000 }).then(() => true, () => false);
    if (!hovered) {
      await page.waitForTimeout(200);
      continue;
    }
    hover = (await page.locator('.monaco-hover:visible').allInnerTexts().catch(() => [])).map((t) => t.replace(/\s+/g, ' ').trim()).join(' | ');
    if (!hover) await page.waitForTimeout(200); // hover text appears after the editor's own hover delay: poll
  }
  log('ui', `hover: ${hover}`);
  await shot(page, '2-hover');
  if (!/action-timescale/.test(hover)) failures.push(`the hover over the first squiggle should name the rule (action-timescale): ${JSON.stringify(hover)}`);

  // 3) the Problems panel rows
  await page.keyboard.press('Escape');
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  await rows.first().waitFor({ timeout: 30_000 });
  const rowTexts = async () => (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  // Records that are not open are listed too (checked from disk): a file header other than the open one.
  const otherFile = (t) => /^[\w.-]+\.yaml/.test(t) && !t.startsWith(SAMPLE[1]); // a file's header row
  let all = [];
  for (let i = 0; i < 50 && !all.some(otherFile); i++) {
    all = await rowTexts();
    await page.waitForTimeout(200);
  }
  log('ui', `Problems panel, first rows (all files):\n  ${all.join('\n  ')}`);
  await shot(page, '3-problems-all');
  if (!all.some(otherFile)) failures.push('the Problems panel should list findings in records that are not open');
  // Then only the open record's rows.
  await page.locator('.part.panel').getByPlaceholder(/^Filter \(e\.g\./).fill(`**/${SAMPLE[1]}`);
  let problems = [];
  for (let i = 0; i < 50; i++) {
    problems = await rowTexts();
    if (problems.some((t) => t.includes('action-timescale'))) break;
    await page.waitForTimeout(200);
  }
  log('ui', `Problems panel rows (filtered to ${SAMPLE[1]}):\n  ${problems.join('\n  ')}`);
  await shot(page, '3-problems');
  for (const rule of RULES.filter((r) => expected.has(r))) {
    if (!problems.some((t) => t.includes(rule))) failures.push(`no Problems row for ${rule}`);
  }
  if (nSquiggles === 0) failures.push('no squiggles');

  // 4) the careplan status bar item: the finding counts of the active document, in the bar itself
  await page.keyboard.press('Escape');
  const statusItem = page.locator('.statusbar-item', { hasText: /careplan/ }).first();
  let status = '';
  const counted = /careplan: (\d+ errors?, )?\d+ warnings?/;
  for (let i = 0; i < 50 && !counted.test(status); i++) {
    status = (await statusItem.innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
    if (!counted.test(status)) await page.waitForTimeout(200);
  }
  log('ui', `status bar: ${status}`);
  await shot(page, '4-status-bar');
  // review-1.yaml has warnings and no errors (all its findings are warnings at the default severities)
  if (!/careplan: \d+ warnings?/.test(status)) failures.push(`the status bar should count the findings: ${JSON.stringify(status)}`);

  // 5) hover over a field name: what the field is for, from the schema (back at the top, where it is)
  await page.keyboard.press('Escape');
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  await page.locator('.monaco-editor .view-line span', { hasText: /^next_review_due$/ }).first().hover();
  let fieldHover = '';
  for (let i = 0; i < 50 && fieldHover.length < 20; i++) {
    fieldHover = (await page.locator('.monaco-hover:visible').allInnerTexts().catch(() => [])).join(' | ').replace(/\s+/g, ' ').trim();
    if (fieldHover.length < 20) await page.waitForTimeout(200);
  }
  log('ui', `field hover: ${fieldHover}`);
  await shot(page, '5-field-hover');
  if (fieldHover.length < 20) failures.push('no hover text on the next_review_due field');

  // 6) a finding that depends on the child's other records: the IRO opens review 3 of child T,
  // where an action of review 2 is not accounted for, and hovers it; the hover names review 2 and
  // links to it (relatedInformation).
  await page.keyboard.press('Escape');
  await quickOpen(ACROSS);
  // Go to the finding's line; the go-to-line box must be open before the number is typed (a clean-clone
  // run once typed it into the editor's void and hovered line 1)
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15_000 });
  await page.keyboard.type(String(acrossLine));
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout: 15_000 }).catch(() => {});
  // The hover at the cursor (Ctrl+K Ctrl+I), as a keyboard user shows it: the finding starts at column 1.
  let acrossHover = '';
  for (let i = 0; i < 50 && !/previous-actions/.test(acrossHover); i++) {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.waitForTimeout(300);
    acrossHover = (await page.locator('.monaco-hover:visible').allInnerTexts().catch(() => [])).map((t) => t.replace(/\s+/g, ' ').trim()).join(' | ');
  }
  log('ui', `hover on a finding across records: ${acrossHover}`);
  await shot(page, '6-across-records');
  if (!/from review 2 held on 13 March 2025 \(review-2\.yaml\)/.test(acrossHover)) failures.push(`the hover should name review 2 and its file: ${JSON.stringify(acrossHover)}`);
  if (!/review-2\.yaml\(\d+, \d+\)|review-2\.yaml:/.test(acrossHover)) failures.push(`the hover should link to review 2 (related information): ${JSON.stringify(acrossHover)}`);

  // 7) a new review from the explorer: right-click the child's folder, New careplan record…, Review record.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+E');
  const folderRow = page.locator('.explorer-folders-view .monaco-list-row', { hasText: new RegExp(`^\\s*${NEW_REVIEW_FOLDER}\\s*$`) }).first();
  await folderRow.click({ button: 'right' });
  const menuItem = page.locator('.context-view .action-item', { hasText: 'New careplan record' }).first();
  await menuItem.waitFor({ timeout: 15_000 });
  await shot(page, '7-explorer-menu');
  await menuItem.click();
  await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15_000 });
  await page.keyboard.type('Review record');
  await page.keyboard.press('Enter');
  const newTab = page.locator('.tab.active', { hasText: /review-\d{4}-\d{2}-\d{2}(-\d+)?\.yaml/ });
  await newTab.waitFor({ timeout: 30_000 });
  const newName = (await newTab.innerText()).match(/review-[\d-]+\.yaml/)[0];
  const newPath = join(workspace, NEW_REVIEW_FOLDER, newName);
  log('ui', `new review: ${newPath} (on disk: ${existsSync(newPath)})`);
  await page.waitForTimeout(500);
  await shot(page, '7-new-review');
  if (!existsSync(newPath)) failures.push(`the new review should be saved in ${NEW_REVIEW_FOLDER}/: ${newPath}`);
  else {
    const written = readFileSync(newPath, 'utf8');
    if (!/^child: CH-000456$/m.test(written)) failures.push('the new review should name the child of the folder it was made in');
    if (!/^  number: 4$/m.test(written)) failures.push('the new review should be number 4 (the folder holds reviews 1-3)');
  }
  if (await page.locator('.tab', { hasText: /^Untitled/ }).count()) failures.push('no untitled buffer should be opened');

  // 8) typed actions flagged: an action with a vague timescale, typed at the end of the new review.
  await page.keyboard.press('Control+End');
  // Typed on the last (empty) line, on one line: with no Enter, neither the editor's auto-indent
  // nor an open suggestion list can change what is typed. The closing brace the editor adds
  // for `{` is typed over.
  await page.keyboard.type('  - { id: A2, action: Visit the child at home and see them alone, owner: Social worker, timescale: ongoing }');
  await page.keyboard.press('Escape');
  let flagged = [];
  for (let i = 0; i < 50 && !flagged.some((t) => /'ongoing'.*action-timescale/.test(t)); i++) {
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.part.panel').getByPlaceholder(/^Filter \(e\.g\./).fill(newName);
    flagged = await rowTextsOf(page.locator('.markers-panel .monaco-list-row')).catch(() => []);
    if (!flagged.some((t) => /'ongoing'.*action-timescale/.test(t))) await page.waitForTimeout(300);
  }
  log('ui', `typed action, Problems rows for ${newName}:\n  ${flagged.join('\n  ')}`);
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await shot(page, '8-typed-action-flagged');
  if (!flagged.some((t) => /'ongoing'.*action-timescale/.test(t))) failures.push(`the typed action's vague timescale should be flagged: ${JSON.stringify(flagged)}`);
  const newStatus = (await page.locator('.statusbar-item', { hasText: /careplan/ }).first().innerText().catch(() => '')).replace(/\s+/g, ' ');
  log('ui', `status bar on the new review: ${newStatus}`);
  if (!/careplan: .*warning/.test(newStatus)) failures.push(`the status bar should count the new review's warnings: ${JSON.stringify(newStatus)}`);

  // 9-12) a record with one finding of each kind of fix, opened with Quick Open.
  await page.keyboard.press('Escape');
  await quickOpen(FIXES, FIXES[0]); // two folders hold a review-1.yaml: the row is found by its folder
  // let the opened editor take focus before anything is typed into the Problems filter: a clean-clone
  // run once had the editor take it in the middle, and the filter's text went into the record
  await page.waitForSelector('.monaco-editor.focused', { timeout: 10_000 }).catch(() => {});
  await page.waitForTimeout(500);
  const fixesPath = join(workspace, ...FIXES);
  /** The Problems rows of the fixes record (polled until `accept` holds, or the last seen). */
  const fixesRows = async (accept) => {
    let seen = [];
    for (let i = 0; i < 60; i++) {
      if (!(await page.locator('.markers-panel').isVisible().catch(() => false))) {
        // the key toggles the panel: give it time to open before looking again, or the next press closes it
        await page.keyboard.press('Control+Shift+M');
        await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 2_000 }).catch(() => {});
        continue;
      }
      // typed only when not already there: a fill is keystrokes, and the editor taking focus in the
      // middle of one (after a preview tab closed) once put the filter's text into the record
      const filter = page.locator('.part.panel').getByPlaceholder(/^Filter \(e\.g\./);
      const wanted = `**/${FIXES.join('/')}`;
      if ((await filter.inputValue().catch(() => '')) !== wanted) await filter.fill(wanted).catch(() => {});
      seen = await rowTextsOf(page.locator('.markers-panel .monaco-list-row')).catch(() => []);
      if (accept(seen)) break;
      if (i % 8 === 7) {
        // the file's node may have been collapsed (a click on a row's link can do it): open it again
        const fileRow = page.locator('.markers-panel .monaco-list-row[aria-expanded="false"]').first();
        if (await fileRow.count().catch(() => 0)) {
          await fileRow.click().catch(() => {});
          await page.keyboard.press('ArrowRight');
        }
      }
      await page.waitForTimeout(250);
    }
    return seen;
  };
  /** Goes to the rule's finding from its Problems row (the cursor lands on it), opens Quick Fix and picks the fix. */
  const applyFix = async (rule, title) => {
    await fixesRows((rows) => rows.some((t) => t.includes(rule)));
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: rule }).first();
    // The Quick Fix menu, then the fix picked with the keyboard (the menu's rows move under a pointer).
    const actions = page.locator('.action-widget .monaco-list-row.action');
    let labels = [];
    for (let i = 0; i < 20 && !labels.some((l) => l.includes(title)); i++) {
      if (i % 5 === 0) {
        // open the finding in the editor, focused (again, if focus went elsewhere: a clean-clone run
        // once found no fixes because the editor had not taken focus after a preview tab closed)
        await row.click();
        await page.keyboard.press('Enter');
        await page.waitForTimeout(300);
      }
      await page.keyboard.press('Control+.');
      await actions.first().waitFor({ timeout: 2_000 }).catch(() => {});
      labels = (await actions.allInnerTexts().catch(() => [])).map((t) => t.replace(/\s+/g, ' ').trim());
      if (!labels.some((l) => l.includes(title))) await page.keyboard.press('Escape');
    }
    const at = labels.findIndex((l) => l.includes(title));
    if (at < 0) throw new Error(`no quick fix ${title} for ${rule}: ${JSON.stringify(labels)}`);
    log('ui', `quick fix for ${rule}: ${labels[at]}`);
    for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    return labels[at];
  };
  /** Saves the editor and waits for the file on disk to satisfy `accept`. */
  const saved = async (accept) => {
    await page.keyboard.press('Control+S');
    let text = '';
    for (let i = 0; i < 50; i++) {
      text = readFileSync(fixesPath, 'utf8');
      if (accept(text)) break;
      await page.waitForTimeout(200);
    }
    return text;
  };

  // 9) the rule id in the Problems panel is a link that opens the rule's page rendered.
  const before = await fixesRows((rows) => ['reference-unlinked', 'action-timescale', 'expectation-incomplete'].every((r) => rows.some((t) => t.includes(r))));
  log('ui', `Problems rows for ${FIXES.join('/')}:\n  ${before.join('\n  ')}`);
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'action-timescale' }).first().locator('a', { hasText: 'action-timescale' }).click();
  const previewTab = page.locator('.tab', { hasText: /Preview action-timescale\.md/ });
  const previewed = await previewTab.waitFor({ timeout: 20_000 }).then(() => true, () => false);
  // The preview is a webview (nested frames): wait for the page's heading to be painted in one of them.
  let rendered = '';
  for (let i = 0; i < 50 && !/action-timescale/.test(rendered); i++) {
    for (const frame of page.frames()) {
      const h1 = await frame.locator('h1').first().innerText({ timeout: 200 }).catch(() => '');
      if (/action-timescale/.test(h1)) rendered = h1;
    }
    if (!rendered) await page.waitForTimeout(200);
  }
  log('ui', `rule page preview: ${previewed ? 'tab open' : 'no tab'}, heading ${JSON.stringify(rendered)}`);
  await shot(page, '9-rule-page-rendered');
  if (!previewed || !rendered) failures.push('clicking the rule id in the Problems panel should open the rule page as a Markdown preview, rendered');
  if (await page.locator('.tab', { hasText: /^action-timescale\.md/ }).count()) failures.push('the rule page should not open as an editable file');
  if (previewed) {
    await previewTab.click();
    await page.keyboard.press('Control+W');
  }

  // 10) the due fix: the proposed date is written as `due:` and selected, so typing the agreed date replaces it.
  const dueTitle = await applyFix('action-timescale', "Add 'due:");
  const proposed = /due: (\d{4}-\d{2}-\d{2})/.exec(dueTitle)?.[1];
  await page.waitForTimeout(300);
  const selectedText = (await page.locator('.monaco-editor.focused .view-line', { hasText: 'due:' }).allInnerTexts().catch(() => [])).map((t) => t.replace(/\s+/g, ' ').trim());
  log('ui', `after the due fix (proposed ${proposed}): ${JSON.stringify(selectedText)}`);
  // The cursor is placed on the date, selected whole (the editor's status bar: "Ln 12, Col 20 (10 selected)").
  const cursorAt = (await page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().innerText().catch(() => '')).replace(/\s+/g, ' ').trim();
  log('ui', `cursor after the due fix: ${cursorAt}`);
  await shot(page, '10-due-fix-date-selected');
  if (!cursorAt.includes(`(${'2025-11-17'.length} selected)`)) failures.push(`the due fix should leave the proposed date selected: ${JSON.stringify(cursorAt)}`);
  if (!proposed || !selectedText.some((t) => t === `due: ${proposed}`)) failures.push(`the due fix should write the proposed date (${proposed}): ${JSON.stringify(selectedText)}`);
  await page.keyboard.type('2025-12-01'); // the cursor is on the date: typing replaces it
  await page.keyboard.press('Escape');
  let text = await saved((t) => t.includes('due: 2025-12-01'));
  if (!text.includes('    owner: Social worker\n    due: 2025-12-01\n')) failures.push(`typing after the due fix should replace the proposed date under the action: ${JSON.stringify(text)}`);

  // 11) the expectation fix keeps the wording and fills in who, by when and how it is checked.
  const expectation = FIXES_TEXT.split('\n').find((l) => l.includes('expectation: Mother'));
  await applyFix('expectation-incomplete', 'Write the expectation in full');
  await page.keyboard.press('Escape');
  text = await saved((t) => /\n {4}parent: Mother\n/.test(t));
  await page.waitForTimeout(300);
  await shot(page, '11-expectation-fix');
  log('ui', `after the expectation fix:\n${text.slice(text.indexOf('parent_expectations:'))}`);
  if (!text.includes(`${expectation}\n`)) failures.push('the expectation fix should keep the wording as written');
  if (!/\n {4}parent: Mother\n/.test(text) || !/\n {4}by: 2026-02-01\n/.test(text)) failures.push(`the expectation fix should fill in the parent and the date from the wording: ${JSON.stringify(text)}`);

  // 12) the reference fix adds the document to references: and leaves no error.
  await applyFix('reference-unlinked', "to 'references:'");
  await page.keyboard.press('Escape');
  text = await saved((t) => t.includes('references:'));
  const after = await fixesRows((rows) => !rows.some((t) => /reference-unlinked|action-timescale|expectation-incomplete/.test(t)));
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await shot(page, '12-reference-fix-no-error');
  const fixStatus = (await page.locator('.statusbar-item', { hasText: /careplan/ }).first().innerText().catch(() => '')).replace(/\s+/g, ' ');
  log('ui', `after the three fixes, Problems rows: ${JSON.stringify(after)}; status bar: ${fixStatus}; references:\n${text.slice(text.indexOf('references:'))}`);
  if (!/\nreferences:\n {2}- id: /.test(text)) failures.push(`the reference fix should add the document to references: ${JSON.stringify(text)}`);
  if (after.some((t) => /reference-unlinked|action-timescale|expectation-incomplete/.test(t))) failures.push(`the three findings should be gone after their fixes: ${JSON.stringify(after)}`);
  if (/error/i.test(fixStatus) || after.some((t) => /schema|yaml-syntax/.test(t))) failures.push(`the fixes should leave no error: ${JSON.stringify(after)} ${fixStatus}`);
} catch (e) {
  failures.push(String(e?.stack ?? e));
  await page?.screenshot({ path: join(OUTPUT, 'ui-error.png') }).catch(() => {});
} finally {
  clearTimeout(timer);
  await browser?.close().catch(() => {});
  await stopGroup(server?.child);
}
for (const f of failures) console.error(`[ui] FAIL: ${f}`);
log('ui', failures.length ? 'FAILED' : 'PASSED');
process.exit(failures.length ? 1 : 0);
