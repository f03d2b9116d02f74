import type { LintResult } from '../node/lint';
import type { RuleInfo } from '../service';

export interface FormatContext {
  /** Folder that file paths are shown relative to. */
  cwd: string;
  /** The project root, for reports read elsewhere (SARIF paths are relative to it). */
  root?: string;
  color: boolean;
  rules: readonly RuleInfo[];
  /** A rule's documentation page (markdown), when the installed package has it. */
  ruleHelp(id: string): string | undefined;
  version: string;
}

export type Formatter = (results: readonly LintResult[], ctx: FormatContext) => string;

export function counts(results: readonly LintResult[]) {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) {
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
    }
  }
  return { errors, warnings, infos };
}
