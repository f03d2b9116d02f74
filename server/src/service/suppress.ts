import type { Finding, Range, Severity } from './types';
import { closest, closestUnique } from './spelling';

/**
 * Suppression comments, shared by the editor and the CLI:
 *   # careplan-disable-line rule-a, rule-b      (this line)
 *   # careplan-disable-next-line rule-a         (the line below)
 *   # careplan-disable rule-a  …  # careplan-enable rule-a   (a block; no ids = every rule)
 * Without rule ids a comment applies to every rule. A comment naming a rule that does not exist is
 * reported (it hides nothing, and the author thinks it does); so, when asked, is one that hides
 * nothing (ESLint's --report-unused-disable-directives).
 */
const COMMENT = /#\s*careplan-(disable-next-line|disable-line|disable|enable)\b([^\n]*)/g;

/** The rule id findings about suppression comments are reported under. */
export const DISABLE_RULE_ID = 'disable-comment';

interface Id {
  id: string;
  /** Offset of the id in the text. */
  at: number;
}

interface Suppression {
  from: number;
  to: number;
  rules: Set<string> | 'all';
  /** The comment that made it: where it is and what it says. */
  comment: { at: number; end: number; kind: string; ids: Id[] };
}

export const SUPPRESSION_PREFIX = 'careplan-disable';

/** Line starts, and the line of an offset by binary search. */
function lines(text: string): { starts: number[]; lineOf(offset: number): number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    starts,
    lineOf(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}

/** Finds suppression comments (a cheap check first: most files have none). */
export function readSuppressions(text: string): Suppression[] {
  if (!text.includes('careplan-')) return [];
  const out: Suppression[] = [];
  const open = new Map<string, { line: number; comment: Suppression['comment'] }>();
  const { lineOf } = lines(text);
  for (const m of text.matchAll(COMMENT)) {
    const line = lineOf(m.index!);
    const ids = parseIds(m[2], m.index! + m[0].length - m[2].length);
    const rules: Set<string> | 'all' = ids.length ? new Set(ids.map((i) => i.id)) : 'all';
    const key = rules === 'all' ? '*' : [...rules].join(',');
    const comment = { at: m.index!, end: m.index! + m[0].trimEnd().length, kind: m[1], ids };
    switch (m[1]) {
      case 'disable-line':
        out.push({ from: line, to: line, rules, comment });
        break;
      case 'disable-next-line':
        out.push({ from: line + 1, to: line + 1, rules, comment });
        break;
      case 'disable':
        if (!open.has(key)) open.set(key, { line, comment });
        break;
      case 'enable': {
        const start = open.get(key);
        if (start !== undefined) {
          out.push({ from: start.line, to: line, rules, comment: start.comment });
          open.delete(key);
        }
        break;
      }
    }
  }
  for (const [key, start] of open) {
    out.push({ from: start.line, to: Number.MAX_SAFE_INTEGER, rules: key === '*' ? 'all' : new Set(key.split(',')), comment: start.comment });
  }
  return out;
}

/** The rule ids after the comment's keyword, with their offsets; "-- reason" after them is not read. */
function parseIds(rest: string, offset: number): Id[] {
  const reason = rest.indexOf('--');
  const idsPart = reason === -1 ? rest : rest.slice(0, reason);
  const out: Id[] = [];
  for (const m of idsPart.matchAll(/[^\s,]+/g)) if (/^[a-z][a-z0-9-]*$/.test(m[0])) out.push({ id: m[0], at: offset + m.index! });
  return out;
}

function covers(s: Suppression, f: Finding): boolean {
  return f.range.start.line >= s.from && f.range.start.line <= s.to && (s.rules === 'all' || s.rules.has(f.ruleId));
}

export interface DisableCommentOptions {
  /** Every rule id there is. */
  knownIds: readonly string[];
  /** The severity of findings about the comments, or off. */
  severity: Severity | 'off';
  /** Also report comments (or ids in them) that hide no finding. */
  reportUnused: boolean;
}

/**
 * Drops the findings the comments hide, and reports comments that name unknown rules and, when
 * asked, comments that hide nothing. Findings about comments cannot themselves be hidden.
 */
export function suppressWithReport(findings: Finding[], text: string, o: DisableCommentOptions): Finding[] {
  const sups = readSuppressions(text);
  if (!sups.length) return findings;
  const used = new Map<Suppression, Set<string>>();
  const kept = findings.filter((f) => {
    const by = sups.filter((s) => covers(s, f));
    for (const s of by) (used.get(s) ?? used.set(s, new Set()).get(s)!).add(f.ruleId);
    return by.length === 0;
  });
  if (o.severity === 'off') return kept;
  const { starts, lineOf } = lines(text);
  const rangeOf = (from: number, to: number): Range => {
    const l1 = lineOf(from);
    const l2 = lineOf(to);
    return { start: { line: l1, character: from - starts[l1] }, end: { line: l2, character: to - starts[l2] } };
  };
  const known = new Set(o.knownIds);
  const problems: Finding[] = [];
  const report = (from: number, to: number, message: string, data?: Record<string, unknown>) =>
    problems.push({ ruleId: DISABLE_RULE_ID, severity: o.severity as Severity, message, range: rangeOf(from, to), pointer: '', ...(data ? { data } : {}) });
  for (const s of sups) {
    const { ids, kind, at, end } = s.comment;
    for (const { id, at: idAt } of ids) {
      if (known.has(id)) continue;
      const guess = closest(id, o.knownIds);
      // the one id a misspelling can mean is the fix (the finding's range is exactly the id written)
      report(idAt, idAt + id.length, `'${id}' is not a careplan check, so this comment hides nothing for it — ${guess ? `did you mean '${guess}'?` : 'check the id (`careplan rules` lists them).'}`, guess && guess === closestUnique(id, o.knownIds) ? { ruleId: guess } : undefined);
    }
    if (!o.reportUnused) continue;
    const hid = used.get(s);
    if (s.rules === 'all') {
      if (!hid) report(at, end, `This careplan-${kind} comment hides no finding — remove it.`);
      continue;
    }
    const idle = ids.filter((i) => known.has(i.id) && !hid?.has(i.id));
    if (idle.length === ids.filter((i) => known.has(i.id)).length && idle.length) report(at, end, `This careplan-${kind} comment hides no finding — remove it.`);
    else for (const i of idle) report(i.at, i.at + i.id.length, `This comment hides no ${i.id} finding here — remove '${i.id}' from it.`);
  }
  return [...kept, ...problems];
}
