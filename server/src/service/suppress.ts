import type { Finding } from './types';

/**
 * Suppression comments, shared by the editor and the CLI:
 *   # careplan-disable-line rule-a, rule-b      (this line)
 *   # careplan-disable-next-line rule-a         (the line below)
 *   # careplan-disable rule-a  …  # careplan-enable rule-a   (a block; no ids = every rule)
 * Without rule ids a comment applies to every rule.
 */
const COMMENT = /#\s*careplan-(disable-next-line|disable-line|disable|enable)\b([^\n]*)/g;

interface Suppression {
  from: number;
  to: number;
  rules: Set<string> | 'all';
}

export const SUPPRESSION_PREFIX = 'careplan-disable';

/** Finds suppression comments (a cheap check first: most files have none). */
export function readSuppressions(text: string): Suppression[] {
  if (!text.includes('careplan-')) return [];
  const out: Suppression[] = [];
  const open = new Map<string, number>();
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const m of text.matchAll(COMMENT)) {
    const line = lineOf(m.index!);
    const ids = parseIds(m[2]);
    const key = ids === 'all' ? '*' : [...ids].join(',');
    switch (m[1]) {
      case 'disable-line':
        out.push({ from: line, to: line, rules: ids });
        break;
      case 'disable-next-line':
        out.push({ from: line + 1, to: line + 1, rules: ids });
        break;
      case 'disable':
        if (!open.has(key)) open.set(key, line);
        break;
      case 'enable': {
        const start = open.get(key);
        if (start !== undefined) {
          out.push({ from: start, to: line, rules: ids });
          open.delete(key);
        }
        break;
      }
    }
  }
  for (const [key, start] of open) {
    out.push({ from: start, to: Number.MAX_SAFE_INTEGER, rules: key === '*' ? 'all' : new Set(key.split(',')) });
  }
  return out;
}

function parseIds(rest: string): Set<string> | 'all' {
  const ids = rest
    .replace(/--.*$/, '') // "-- reason" after the ids, as in ESLint
    .split(/[\s,]+/)
    .filter((s) => /^[a-z][a-z0-9-]*$/.test(s));
  return ids.length ? new Set(ids) : 'all';
}

/** Drops findings covered by a suppression comment. */
export function applySuppressions(findings: Finding[], text: string): Finding[] {
  const sups = readSuppressions(text);
  if (!sups.length) return findings;
  return findings.filter(
    (f) => !sups.some((s) => f.range.start.line >= s.from && f.range.start.line <= s.to && (s.rules === 'all' || s.rules.has(f.ruleId))),
  );
}
