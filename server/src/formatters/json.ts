import type { Formatter } from './types';

/**
 * The stable JSON contract (docs/cli.md): an array with one entry per checked file.
 * Positions are 0-based line/character, as in LSP.
 */
export const json: Formatter = (results) =>
  JSON.stringify(
    results.map((r) => ({
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
        ...(f.related ? { related: f.related } : {}),
      })),
      // with --fix or --fix-dry-run, as ESLint: the fixed text, when a fix changed the file
      ...(r.output !== undefined ? { output: r.output, fixedCount: r.fixed ?? 0 } : {}),
    })),
    null,
    2,
  ) + '\n';
