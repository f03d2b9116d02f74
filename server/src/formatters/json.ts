import type { LintResult } from '../node/lint';
import type { StreamingFormatter } from './types';

/** One file's entry of the JSON contract. */
function entryOf(r: LintResult) {
  return {
    filePath: r.filePath,
    kind: r.kind ?? null,
    errorCount: r.findings.filter((f) => f.severity === 'error').length,
    warningCount: r.findings.filter((f) => f.severity === 'warning').length,
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      range: f.range,
      pointer: f.pointer,
      ...(f.related ? { related: f.related.map((r) => ({ uri: r.uri, range: r.range, message: r.message })) } : {}),
    })),
    // with --fix or --fix-dry-run, as ESLint: the fixed text, when a fix changed the file
    ...(r.output !== undefined ? { output: r.output, fixedCount: r.fixed ?? 0 } : {}),
  };
}

/**
 * The stable JSON contract (docs/cli.md): an array with one entry per checked file, each entry
 * compact on a line of its own. Positions are 0-based line/character, as in LSP.
 */
export const json: StreamingFormatter = () => {
  let any = false;
  return {
    add(r) {
      // one record to a line, as compact as ESLint's: a council's run writes tens of megabytes, and
      // indenting them cost a warm --cache run about a sixth of its time (jq or any parser reads it)
      const text = (any ? ',\n' : '[\n') + JSON.stringify(entryOf(r));
      any = true;
      return text;
    },
    end: () => (any ? '\n]\n' : '[]\n'),
  };
};
