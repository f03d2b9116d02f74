import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Formatter } from './types';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

/** SARIF 2.1.0, for GitHub code scanning and other CI dashboards. Columns are 1-based. */
export const sarif: Formatter = (results, ctx) => {
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
            informationUri: ctx.ruleDocUrl(''),
            rules: ctx.rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              helpUri: ctx.ruleDocUrl(r.id),
              defaultConfiguration: { level: LEVEL[r.defaultSeverity as keyof typeof LEVEL] ?? 'warning' },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(ctx.cwd + path.sep).href } },
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.ruleId,
            ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
            level: LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: path.relative(ctx.cwd, r.filePath).split(path.sep).join('/'), uriBaseId: 'SRCROOT' },
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
          })),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
