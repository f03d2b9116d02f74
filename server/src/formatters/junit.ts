import * as path from 'node:path';
import type { Formatter } from './types';
import { xmlSafe } from './plainText';

function xml(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** JUnit XML: a test suite per file, a failing test case per finding (clean files pass). */
export const junit: Formatter = (results, ctx) => {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  const total = results.reduce((n, r) => n + Math.max(1, r.findings.length), 0);
  const failures = results.reduce((n, r) => n + r.findings.length, 0);
  out.push(`<testsuites name="careplan" tests="${total}" failures="${failures}">`);
  for (const r of results) {
    const file = path.relative(ctx.cwd, r.filePath).split(path.sep).join('/');
    out.push(`  <testsuite name="${xml(file)}" tests="${Math.max(1, r.findings.length)}" failures="${r.findings.length}" errors="0">`);
    if (!r.findings.length) out.push(`    <testcase name="${xml(file)}" classname="careplan" />`);
    for (const f of r.findings) {
      const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      out.push(`    <testcase name="${xml(`${where} ${f.ruleId}`)}" classname="${xml(file)}">`);
      out.push(`      <failure type="${f.severity}" message="${xml(f.message)}">${xml(`${file}:${where} ${f.severity} ${f.message} (${f.ruleId})`)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
