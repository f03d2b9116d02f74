import * as path from 'node:path';
import type { StreamingFormatter } from './types';
import { xmlSafe } from './plainText';

function xml(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * JUnit XML: a test suite per file, a failing test case per finding (clean files pass). The
 * opening tag carries the totals, so the suites are kept as text until the end.
 */
export const junit: StreamingFormatter = (ctx) => {
  const suites: string[] = [];
  let total = 0;
  let failures = 0;
  return {
    add(r) {
      total += Math.max(1, r.findings.length);
      failures += r.findings.length;
      const file = path.relative(ctx.cwd, r.filePath).split(path.sep).join('/');
      suites.push(`  <testsuite name="${xml(file)}" tests="${Math.max(1, r.findings.length)}" failures="${r.findings.length}" errors="0">`);
      if (!r.findings.length) suites.push(`    <testcase name="${xml(file)}" classname="careplan" />`);
      for (const f of r.findings) {
        const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
        suites.push(`    <testcase name="${xml(`${where} ${f.ruleId}`)}" classname="${xml(file)}">`);
        suites.push(`      <failure type="${f.severity}" message="${xml(f.message)}">${xml(`${file}:${where} ${f.severity} ${f.message} (${f.ruleId})`)}</failure>`);
        suites.push('    </testcase>');
      }
      suites.push('  </testsuite>');
      return '';
    },
    end: () => ['<?xml version="1.0" encoding="utf-8"?>', `<testsuites name="careplan" tests="${total}" failures="${failures}">`, ...suites, '</testsuites>'].join('\n') + '\n',
  };
};
