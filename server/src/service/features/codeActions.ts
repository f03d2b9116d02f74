/**
 * Quick fixes (vscode-eslint's grouping: the fix, "disable for this line", "show the
 * documentation") and the one refactoring offered without a finding: writing the date a
 * relative timescale comes to as `due:`. Each rule owns its fixes (`Rule.fixes`); the checks
 * the engine makes itself (YAML syntax, structure) have theirs in engineFixes.ts. Every edit is
 * minimal (see yamlEdits.ts).
 */
import { fromPointer } from '../locate';
import { resolveTimescale, formatUkDate, isCheckableDate } from '../dates';
import { anchorsOf, eachAction, isObject, text } from '../rules/walk';
import { DISABLE_RULE_ID, RULES, SCHEMA_RULE_ID, SYNTAX_RULE_ID } from '../rules';
import { dueEdit } from '../rules/actionTimescale';
import type { ParsedDocument } from '../parse';
import type { Path, Range } from '../types';
import type { CodeFix } from './types';
import type { FindingRef, FixContext, FixProvider } from './fixKit';
import { disableRuleEdits } from './yamlEdits';
import { disableCommentFixes, schemaFixes, syntaxFixes } from './engineFixes';

export type { FindingRef, FixContext } from './fixKit';

/** The command that opens a rule's documentation (the server implements it). */
export const SHOW_RULE_DOC_COMMAND = 'careplan.showRuleDoc';

/** Each check's fixes by its id. */
const FIXES: ReadonlyMap<string, FixProvider> = new Map<string, FixProvider>([
  [SYNTAX_RULE_ID, syntaxFixes],
  [SCHEMA_RULE_ID, schemaFixes],
  [DISABLE_RULE_ID, disableCommentFixes],
  ...RULES.flatMap((r): [string, FixProvider][] => (r.fixes ? [[r.id, r.fixes]] : [])),
]);

/** Quick fixes for one finding, best first, ending with "disable" and "show documentation". */
export function fixesFor(finding: FindingRef, ctx: FixContext): CodeFix[] {
  const fixes: CodeFix[] = [];
  try {
    const own = FIXES.get(finding.ruleId);
    if (own) fixes.push(...own(finding, fromPointer(finding.pointer), ctx).map((f) => ({ ...f, ruleId: finding.ruleId })));
  } catch (err) {
    // The user still gets "disable" and "show documentation"; the bug goes to the log.
    ctx.fixFailed?.(finding.ruleId, err);
  }
  if (finding.ruleId !== SYNTAX_RULE_ID || ctx.parsed.doc.errors.length === 0) {
    const edits = disableRuleEdits(ctx.parsed, finding.range.start.line, finding.ruleId);
    if (edits.length) {
      fixes.push({ title: `Disable ${finding.ruleId} for this line`, kind: 'quickfix', ruleId: finding.ruleId, edits });
    }
  }
  if (ctx.ruleDocUrl) {
    fixes.push({
      title: `Show documentation for ${finding.ruleId}`,
      kind: 'quickfix',
      ruleId: finding.ruleId,
      command: { title: `Show documentation for ${finding.ruleId}`, command: SHOW_RULE_DOC_COMMAND, arguments: [ctx.ruleDocUrl(finding.ruleId)] },
    });
  }
  return fixes;
}

/**
 * The refactoring offered on any action whose timescale comes to a date: write that date as
 * `due:`, so the overdue check can follow it.
 */
export function refactoringsAt(range: Range, ctx: FixContext): CodeFix[] {
  const data = isObject(ctx.parsed.value) ? ctx.parsed.value : undefined;
  if (!ctx.parsed.kind || !data) return [];
  const out: CodeFix[] = [];
  for (const { path, action } of eachAction(data)) {
    if (text(action.due) !== undefined || typeof action.timescale !== 'string') continue;
    const item = itemLines(ctx.parsed, path);
    if (!item || range.end.line < item.start || range.start.line > item.end) continue;
    let r: ReturnType<typeof resolveTimescale>;
    try {
      r = resolveTimescale(action.timescale, anchorsOf(data), ctx.timescales);
    } catch {
      continue; // one action the reader cannot work out does not hide the others' refactorings
    }
    if (r.status !== 'date' || !isCheckableDate(r.date)) continue;
    const edit = dueEdit(ctx, path, action, r.date);
    if (edit) out.push({ title: `Add 'due: ${r.date}' (${formatUkDate(r.date)}, what the timescale comes to)`, kind: 'refactor.rewrite', edits: [edit] });
  }
  return out;
}

function itemLines(parsed: ParsedDocument, path: Path): { start: number; end: number } | undefined {
  let node: unknown = parsed.doc.contents;
  for (const seg of path) {
    const n = node as { get?: (k: unknown, keep: boolean) => unknown };
    if (!n?.get) return undefined;
    node = n.get(seg, true);
  }
  const range = (node as { range?: [number, number, number] })?.range;
  if (!range) return undefined;
  return { start: parsed.lineCounter.linePos(range[0]).line - 1, end: parsed.lineCounter.linePos(Math.max(range[0], range[1] - 1)).line - 1 };
}
