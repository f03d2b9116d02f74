import * as path from 'node:path';
import pc from 'picocolors';
import { counts, Formatter } from './types';
import { visibleControls } from './plainText';

/** ESLint-style human output: a block per file, aligned columns, a summary line. */
export const stylish: Formatter = (results, ctx) => {
  const c = pc.createColors(ctx.color);
  const lines: string[] = [];
  for (const r of results) {
    if (!r.findings.length) continue;
    lines.push('', c.underline(visibleControls(path.relative(ctx.cwd, r.filePath) || r.filePath)));
    const rows = r.findings.map((f) => [
      `${f.range.start.line + 1}:${f.range.start.character + 1}`,
      f.severity,
      visibleControls(f.message),
      f.ruleId,
    ]);
    const w0 = Math.max(...rows.map((x) => x[0].length));
    const w1 = Math.max(...rows.map((x) => x[1].length));
    for (const [pos, sev, msg, id] of rows) {
      const colour = sev === 'error' ? c.red : sev === 'warning' ? c.yellow : c.blue;
      lines.push(`  ${c.dim(pos.padEnd(w0))}  ${colour(sev.padEnd(w1))}  ${msg}  ${c.dim(id)}`);
    }
  }
  const fixedCount = results.reduce((n, r) => n + (r.fixed ?? 0), 0);
  const { errors, warnings, infos } = counts(results);
  const total = errors + warnings + infos;
  const checked = results.filter((r) => r.kind).length;
  lines.push('');
  if (fixedCount) {
    const files = results.filter((r) => r.fixed).length;
    lines.push(c.green(`✔ ${fixedCount} problem${fixedCount === 1 ? '' : 's'} fixed in ${files} record${files === 1 ? '' : 's'}`));
  }
  for (const r of results) if (r.writeError) lines.push(c.red(`✖ ${visibleControls(path.relative(ctx.cwd, r.filePath) || r.filePath)} was not saved: ${r.writeError}`));
  if (total === 0) {
    lines.push(c.green(`✔ ${checked} record${checked === 1 ? '' : 's'} checked, no problems found`));
  } else {
    const parts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`];
    if (infos) parts.push(`${infos} note${infos === 1 ? '' : 's'}`);
    const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${checked} record${checked === 1 ? '' : 's'} checked`;
    lines.push((errors ? c.red : c.yellow)(c.bold(summary)));
  }
  return lines.join('\n') + '\n';
};
