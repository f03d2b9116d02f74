import * as path from 'node:path';
import pc from 'picocolors';
import { counts, type StreamingFormatter } from './types';
import type { LintResult } from '../node/lint';
import { visibleControls } from './plainText';

/** ESLint-style human output: a block per file, aligned columns, a summary line. */
export const stylish: StreamingFormatter = (ctx) => {
  const c = pc.createColors(ctx.color);
  const shown = (r: LintResult) => visibleControls(path.relative(ctx.cwd, r.filePath) || r.filePath);
  // what the summary needs, kept as the results go by (not the results themselves)
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let checked = 0;
  let fixedCount = 0;
  let fixedFiles = 0;
  const unsaved: string[] = [];
  return {
    add(r) {
      const tally = counts([r]);
      errors += tally.errors;
      warnings += tally.warnings;
      infos += tally.infos;
      if (r.kind) checked++;
      if (r.fixed) {
        fixedCount += r.fixed;
        fixedFiles++;
      }
      if (r.writeError) unsaved.push(c.red(`✖ ${shown(r)} was not saved: ${r.writeError}`));
      if (!r.findings.length) return '';
      const lines = ['', c.underline(shown(r))];
      const rows = r.findings.map((f) => [`${f.range.start.line + 1}:${f.range.start.character + 1}`, f.severity, visibleControls(f.message), f.ruleId]);
      const w0 = Math.max(...rows.map((x) => x[0].length));
      const w1 = Math.max(...rows.map((x) => x[1].length));
      for (const [pos, sev, msg, id] of rows) {
        const colour = sev === 'error' ? c.red : sev === 'warning' ? c.yellow : c.blue;
        lines.push(`  ${c.dim(pos.padEnd(w0))}  ${colour(sev.padEnd(w1))}  ${msg}  ${c.dim(id)}`);
      }
      return lines.map((l) => l + '\n').join('');
    },
    end() {
      const lines = [''];
      if (fixedCount) lines.push(c.green(`✔ ${fixedCount} problem${fixedCount === 1 ? '' : 's'} fixed in ${fixedFiles} record${fixedFiles === 1 ? '' : 's'}`));
      lines.push(...unsaved);
      const total = errors + warnings + infos;
      if (total === 0) {
        lines.push(c.green(`✔ ${checked} record${checked === 1 ? '' : 's'} checked, no problems found`));
      } else {
        const parts = [`${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`];
        if (infos) parts.push(`${infos} note${infos === 1 ? '' : 's'}`);
        const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${checked} record${checked === 1 ? '' : 's'} checked`;
        lines.push((errors ? c.red : c.yellow)(c.bold(summary)));
      }
      return lines.map((l) => l + '\n').join('');
    },
  };
};
