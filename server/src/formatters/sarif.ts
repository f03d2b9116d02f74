import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Finding } from '../service';
import { indentJson, type StreamingFormatter } from './types';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** The first paragraph of a rule page after its heading lines, as plain text. */
function summaryOf(markdown: string): string {
  const paragraphs = markdown.split(/\n\s*\n/).map((p) => p.trim());
  const first = paragraphs.find((p) => p && !p.startsWith('#') && !p.startsWith('**Default severity'));
  return (first ?? '').replace(/\s*\n\s*/g, ' ').replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*/g, '$1');
}

/**
 * A finding's identity that survives lines added above it: the rule, the file, the field and the
 * message, and which occurrence of those it is. Code scanning uses it to track an alert across
 * commits instead of closing it and opening a new one.
 */
function fingerprinter(): (file: string, f: Finding) => string {
  const seen = new Map<string, number>();
  return (file, f) => {
    const key = `${f.ruleId}\0${file}\0${f.pointer}\0${f.message}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${createHash('sha256').update(`${key}\0${n}`).digest('hex').slice(0, 32)}:${n}`;
  };
}

/**
 * SARIF 2.1.0, for GitHub code scanning and other CI dashboards. Columns are 1-based. Each rule
 * carries its page as help (code scanning shows it beside the alert); no help address and no
 * absolute path are given, since a path on the machine that ran the lint works for nobody else.
 * Written as `JSON.stringify(log, null, 2)` would write the whole log, one file's results at a time.
 */
export const sarif: StreamingFormatter = (ctx) => {
  const ruleIndex = new Map(ctx.rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'careplan',
            version: ctx.version,
            rules: ctx.rules.map((r) => {
              const page = ctx.ruleHelp(r.id);
              return {
                id: r.id,
                shortDescription: { text: r.description },
                ...(page ? { fullDescription: { text: summaryOf(page) }, help: { text: summaryOf(page), markdown: page } } : {}),
                defaultConfiguration: { level: LEVEL[r.defaultSeverity as keyof typeof LEVEL] ?? 'warning' },
              };
            }),
          },
        },
        results: [] as unknown[],
      },
    ],
  };
  // the log around its results: `"results": []` is where they go
  const [head, tail] = JSON.stringify(log, null, 2).split('"results": []');
  const INDENT = '        '; // a result's depth in the log
  let any = false;
  return {
    add(r) {
      if (!r.findings.length) return '';
      // from the project root, as code scanning reads paths in the repository, wherever the lint ran
      const file = path.relative(ctx.root ?? ctx.cwd, r.filePath).split(path.sep).join('/');
      const fingerprint = fingerprinter(); // its occurrences are counted within the file
      let text = '';
      for (const f of r.findings) {
        const result = {
          ruleId: f.ruleId,
          ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: file, uriBaseId: 'SRCROOT' },
                region: {
                  startLine: f.range.start.line + 1,
                  startColumn: f.range.start.character + 1,
                  endLine: f.range.end.line + 1,
                  endColumn: f.range.end.character + 1,
                },
              },
              logicalLocations: f.pointer ? [{ fullyQualifiedName: f.pointer, kind: 'member' }] : undefined,
            },
          ],
          partialFingerprints: { 'careplanFinding/v1': fingerprint(file, f) },
        };
        text += (any ? ',\n' : `${head}"results": [\n`) + indentJson(JSON.stringify(result, null, 2), INDENT);
        any = true;
      }
      return text;
    },
    end: () => (any ? `\n${INDENT.slice(2)}]${tail}\n` : `${head}"results": []${tail}\n`),
  };
};
