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

/**
 * A report written file by file as the records are checked, so the CLI need not hold every
 * result: `add` gives the text for one file's result, `end` what closes the report.
 */
export interface ReportStream {
  add(result: LintResult): string;
  end(): string;
}

/** Every format is written as a stream; a whole report is the same text, all at once. */
export type StreamingFormatter = (ctx: FormatContext) => ReportStream;

/** The whole report, byte for byte what the stream writes. */
export function wholeReport(stream: StreamingFormatter): Formatter {
  return (results, ctx) => {
    const s = stream(ctx);
    let text = '';
    for (const r of results) text += s.add(r);
    return text + s.end();
  };
}

/** Each line of a JSON text indented by `by` spaces (JSON strings hold no raw line breaks). */
export function indentJson(json: string, by: string): string {
  return by + json.replace(/\n/g, `\n${by}`);
}

export function counts(results: readonly Pick<LintResult, 'findings'>[]) {
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
