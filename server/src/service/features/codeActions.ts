/**
 * Quick fixes per rule (vscode-eslint's grouping: the fix, "disable for this line", "show the
 * documentation") and the one refactoring offered without a finding: writing the date a
 * relative timescale comes to as `due:`. Every edit is minimal (see yamlEdits.ts).
 */
import type { ParsedDocument } from '../parse';
import type { DocumentIndex } from '../documentIndex';
import { fromPointer } from '../locate';
import { resolveTimescale, parseUkDate, formatUkDate, isCheckableDate } from '../dates';
import type { TimescaleOptions } from '../dates';
import { DOCUMENT_TYPES } from '../prose';
import { anchorsOf, decodeUriText, eachAction, isObject, text, wellFormed } from '../rules/walk';
import type { Data } from '../rules/walk';
import type { Path, Range } from '../types';
import type { CodeFix, TextEdit } from './types';
import { addFields, appendToTopLevelList, disableRuleEdits, eolOf, NewField, renameKey, replaceScalar, yamlScalar } from './yamlEdits';
import { guessKind, newDocumentText, newFileText } from './newDocument';

/** What a fix needs to know about a finding (a Finding, or a diagnostic the editor sent back). */
export interface FindingRef {
  ruleId: string;
  range: Range;
  pointer: string;
  message?: string;
  data?: Record<string, unknown>;
}

export interface FixContext {
  uri: string;
  parsed: ParsedDocument;
  /** The date new documents are dated. */
  today: string;
  timescales?: TimescaleOptions;
  index?: DocumentIndex;
  /** The URL of a rule's documentation; no "show documentation" action without it. */
  ruleDocUrl?: (ruleId: string) => string;
  /** Told when working out a rule's fix failed (a bug): the other actions are still offered. */
  fixFailed?: (ruleId: string, error: unknown) => void;
}

/** The command that opens a rule's documentation (the server implements it). */
export const SHOW_RULE_DOC_COMMAND = 'careplan.showRuleDoc';

const HINTS: Record<string, string> = {
  due: 'the date it will be done by, as year-month-day',
  owner: 'the one role responsible, for example Social worker',
  parent: 'which parent, as a role: Mother, Father',
  evidence: 'how it will be checked: who sees, counts or hears what, and how often',
  by: 'the date it must be happening by, as year-month-day',
  support: 'what the local authority will do to help',
  if_not_met: 'what happens if it is not met',
};

const EXPECTATION_PARTS = ['evidence', 'by', 'support', 'if_not_met'] as const;

function valueAt(data: unknown, path: Path): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** Quick fixes for one finding, best first, ending with "disable" and "show documentation". */
export function fixesFor(finding: FindingRef, ctx: FixContext): CodeFix[] {
  const fixes: CodeFix[] = [];
  try {
    fixes.push(...ruleFixes(finding, ctx).map((f) => ({ ...f, ruleId: finding.ruleId })));
  } catch (err) {
    // The user still gets "disable" and "show documentation"; the bug goes to the log.
    ctx.fixFailed?.(finding.ruleId, err);
  }
  if (finding.ruleId !== 'yaml-syntax' || ctx.parsed.doc.errors.length === 0) {
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

function ruleFixes(finding: FindingRef, ctx: FixContext): CodeFix[] {
  const path = fromPointer(finding.pointer);
  const data = isObject(ctx.parsed.value) ? ctx.parsed.value : undefined;
  if (!data) return [];
  switch (finding.ruleId) {
    case 'action-timescale':
      return timescaleFixes(path, finding, data, ctx);
    case 'action-owner': {
      const action = valueAt(data, path);
      if (!isObject(action) || 'owner' in action) return [];
      return one("Add 'owner:'", addFields(ctx.parsed, path, [{ key: 'owner', comment: HINTS.owner }], 'action'));
    }
    case 'action-overdue': {
      const actionPath = path.slice(0, -1);
      const action = valueAt(data, actionPath);
      if (!isObject(action)) return [];
      const edit = 'status' in action ? replaceScalar(ctx.parsed, [...actionPath, 'status'], 'done') : addFields(ctx.parsed, actionPath, [{ key: 'status', value: 'done' }]);
      return one('Mark this action done', edit);
    }
    case 'expectation-generic':
    case 'expectation-incomplete':
      return expectationFixes(path, finding, data, ctx);
    case 'reference-missing':
      return referenceMissingFixes(path, finding, data, ctx);
    case 'reference-unlinked':
      return referenceUnlinkedFixes(finding, data, ctx);
    case 'schema':
      return schemaFixes(path, finding, ctx);
    default:
      return [];
  }
}

function one(title: string, edit: TextEdit | undefined, isPreferred = true, safe = false): CodeFix[] {
  return edit ? [{ title, kind: 'quickfix', isPreferred, edits: [edit], ...(safe ? { safe } : {}) }] : [];
}

function timescaleFixes(path: Path, finding: FindingRef, data: Data, ctx: FixContext): CodeFix[] {
  const last = path[path.length - 1];
  const actionPath = last === 'due' || last === 'timescale' ? path.slice(0, -1) : path;
  const action = valueAt(data, actionPath);
  if (!isObject(action)) return [];
  const fixes: CodeFix[] = [];
  // Only dates the schema accepts are offered (a finding sent back by the editor may hold anything).
  const textDate = isCheckableDate(finding.data?.textDate) ? finding.data.textDate : undefined;
  if (last === 'due' && textDate) {
    // The wording and `due:` disagree: offer the wording's date.
    fixes.push(...one(`Change 'due:' to ${textDate} (${formatUkDate(textDate)}, as the wording says)`, replaceScalar(ctx.parsed, actionPath.concat('due'), textDate)));
    return fixes;
  }
  if (text(action.due) !== undefined) return fixes;
  if (textDate) fixes.push(...one(`Add 'due: ${textDate}' (${formatUkDate(textDate)}, as the wording says)`, addDue(ctx, actionPath, action, textDate), true, true));
  const resolved = resolvedDue(action, data, ctx, finding.data);
  if (resolved && resolved !== textDate) fixes.push(...one(`Add 'due: ${resolved}' (what the timescale comes to)`, addDue(ctx, actionPath, action, resolved), !textDate, !textDate));
  if (!textDate && !resolved) {
    const edit = addDue(ctx, actionPath, action, undefined);
    fixes.push(...one("Add 'due:' with the date it will be done by", edit));
  }
  return fixes;
}

function resolvedDue(action: Data, data: Data, ctx: FixContext, findingData?: Record<string, unknown>): string | undefined {
  if (isCheckableDate(findingData?.resolvedDue)) return findingData.resolvedDue;
  if (typeof action.timescale !== 'string') return undefined;
  const r = resolveTimescale(action.timescale, anchorsOf(data), ctx.timescales);
  return r.status === 'date' && isCheckableDate(r.date) ? r.date : undefined;
}

function addDue(ctx: FixContext, actionPath: Path, action: Data, date: string | undefined): TextEdit | undefined {
  const after = 'timescale' in action ? 'timescale' : 'owner' in action ? 'owner' : 'action';
  const field: NewField = date ? { key: 'due', value: date } : { key: 'due', comment: HINTS.due };
  return addFields(ctx.parsed, actionPath, [field], after);
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
    const edit = addDue(ctx, path, action, r.date);
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

function expectationFixes(path: Path, finding: FindingRef, data: Data, ctx: FixContext): CodeFix[] {
  const itemPath = path[path.length - 1] === 'expectation' ? path.slice(0, -1) : path;
  const item = valueAt(data, itemPath);
  if (!isObject(item)) return [];
  const missing: NewField[] = [];
  if (!('parent' in item)) missing.push({ key: 'parent', comment: HINTS.parent });
  for (const part of EXPECTATION_PARTS) if (!(part in item)) missing.push({ key: part, comment: HINTS[part] });
  const edits: TextEdit[] = [];
  const add = missing.length ? addFields(ctx.parsed, itemPath, missing) : undefined;
  if (add) edits.push(add);
  const rewrite = typeof finding.data?.rewrite === 'string' ? finding.data.rewrite : undefined;
  if (finding.ruleId === 'expectation-generic' && rewrite) {
    // Show the pattern next to the wording; the author rewrites it in their own words.
    const keyLine = finding.range.start.line;
    const lineStart = ctx.parsed.lineCounter.lineStarts[keyLine] ?? 0;
    const indent = /^[ \t]*/.exec(ctx.parsed.text.slice(lineStart, lineStart + 200))![0];
    const at = { line: keyLine, character: 0 };
    edits.unshift({ range: { start: at, end: at }, newText: `${indent}# Rewrite as: ${rewrite}${eolOf(ctx.parsed.text)}` });
  }
  if (!edits.length) return [];
  const title = missing.length
    ? `Turn into a structured expectation (add ${missing.map((m) => `\`${m.key}:\``).join(', ')})`
    : 'Add the rewrite pattern as a comment';
  return [{ title, kind: 'quickfix', isPreferred: true, edits }];
}

function referenceMissingFixes(path: Path, finding: FindingRef, data: Data, ctx: FixContext): CodeFix[] {
  const last = path[path.length - 1];
  const eol = eolOf(ctx.parsed.text);
  const dir = ctx.uri.slice(0, ctx.uri.lastIndexOf('/') + 1);
  const child = text(data.child);
  if (last === 'doc' || last === 'care_plan') {
    const id = typeof finding.data?.id === 'string' ? finding.data.id : text(valueAt(data, path));
    if (!id || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id)) return [];
    const refType = last === 'doc' ? text(valueAt(data, [...path.slice(0, -1), 'type'])) : 'care-plan';
    const kind = last === 'care_plan' ? 'care-plan' : guessKind(id, refType);
    return [
      {
        title: `Create the ${kind} document '${id}' (${id}.yaml)`,
        kind: 'quickfix',
        createFile: { uri: `${dir}${encodeURIComponent(wellFormed(id))}.yaml`, text: newDocumentText(kind, id, { child, date: ctx.today }, eol) },
      },
    ];
  }
  if (last === 'path') {
    const uri = typeof finding.data?.uri === 'string' ? finding.data.uri : undefined;
    const written = text(valueAt(data, path));
    if (!uri || !written) return [];
    const entry = valueAt(data, path.slice(0, -1));
    const title = isObject(entry) ? text(entry.title) : undefined;
    const type = isObject(entry) ? text(entry.type) : undefined;
    const name = decodeUriText(uri.slice(uri.lastIndexOf('/') + 1));
    let content = newFileText(name, title, type, eol);
    if (content === undefined && /\.ya?ml$/i.test(name)) {
      const id = name.replace(/\.ya?ml$/i, '');
      content = newDocumentText(guessKind(id, type), id, { child, date: ctx.today }, eol);
    }
    return content === undefined ? [] : [{ title: `Create the file ${written}`, kind: 'quickfix', createFile: { uri, text: content } }];
  }
  if (typeof last === 'number' && path[path.length - 2] === 'references') {
    const id = text(valueAt(data, path));
    if (!id) return [];
    const edit = appendToTopLevelList(ctx.parsed, 'references', [
      { key: 'id', value: yamlScalar(id) },
      { key: 'type', value: 'other' },
      { key: 'title', value: yamlScalar(id), comment: 'what the document is called; add path: or doc: so it can be opened' },
    ]);
    return one(`Add '${id}' to 'references:'`, edit);
  }
  return [];
}

function referenceUnlinkedFixes(finding: FindingRef, data: Data, ctx: FixContext): CodeFix[] {
  const docType = typeof finding.data?.docType === 'string' ? finding.data.docType : undefined;
  if (!docType) return [];
  const phrase = typeof finding.data?.phrase === 'string' ? finding.data.phrase : '';
  const label = DOCUMENT_TYPES[docType]?.label ?? docType;
  const date = dateIn(phrase);
  const taken = new Set((Array.isArray(data.references) ? data.references : []).filter(isObject).map((r) => text(r.id)));
  const base = date ? `${docType}-${date}` : docType;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const fields: NewField[] = [
    { key: 'id', value: yamlScalar(id) },
    { key: 'type', value: docType },
    { key: 'title', value: yamlScalar(docType === 'other' && phrase ? phrase : label) },
  ];
  if (date) fields.push({ key: 'date', value: date });
  fields.push({ key: 'path', comment: 'where the file is, relative to this document (or use doc: with a document id)' });
  const edit = appendToTopLevelList(ctx.parsed, 'references', fields);
  return one(`Add the ${docType === 'other' ? 'document' : label} to 'references:'`, edit);
}

/** A date written in a phrase such as "the PEP dated 14/01/2025", as year-month-day. */
function dateIn(phrase: string): string | undefined {
  const m = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4}\b/.exec(phrase);
  const d = m ? parseUkDate(m[0]) : undefined;
  return isCheckableDate(d) ? d : undefined;
}

function schemaFixes(path: Path, finding: FindingRef, ctx: FixContext): CodeFix[] {
  const guess = typeof finding.data?.rename === 'string' ? finding.data.rename : undefined;
  if (guess) {
    // The finding may be older than the text: never rename to a key the mapping already has.
    const parent = isObject(ctx.parsed.value) ? valueAt(ctx.parsed.value, path.slice(0, -1)) : undefined;
    if (isObject(parent) && Object.hasOwn(parent, guess)) return [];
    return one(`Rename to '${guess}'`, renameKey(ctx.parsed, path, guess), true, finding.data?.renameSure === true);
  }
  const iso = typeof finding.data?.iso === 'string' && isCheckableDate(finding.data.iso) ? finding.data.iso : undefined;
  if (iso) return one(`Write the date as ${iso}`, replaceScalar(ctx.parsed, path, iso), true, true);
  return [];
}
