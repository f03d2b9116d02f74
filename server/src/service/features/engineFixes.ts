/**
 * Fixes for the findings the engine makes itself: YAML that cannot be read (a tab) and the
 * structure the schema asks for (a misspelt field, a UK date, a near-miss `kind:`, an item
 * written as one line of text).
 */
import { isScalar } from 'yaml';
import { findNode } from '../locate';
import { addDays, isCheckableDate, proposedDue } from '../dates';
import { anchorsOf, isObject } from '../rules/walk';
import type { Path } from '../types';
import { schemaFor, type SchemaFindingData } from '../schema';
import type { DocumentKind } from '../types';
import type { CodeFix, TextEdit } from './types';
import { leadingRole, one, read, valueAt, type FindingRef, type FixContext } from './fixKit';
import { renameKey, replaceItemByFields, replaceScalar, yamlScalar, type NewField } from './yamlEdits';

function readSchemaData(data: Record<string, unknown> | undefined): SchemaFindingData {
  return {
    rename: read.string(data?.rename),
    renameSure: data?.renameSure === true,
    iso: read.date(data?.iso),
    replace: read.string(data?.replace),
    asFields: read.string(data?.asFields),
  };
}

export function schemaFixes(finding: FindingRef, path: Path, ctx: FixContext): CodeFix[] {
  const d = readSchemaData(finding.data);
  if (d.rename) {
    // The finding may be older than the text: never rename to a key the mapping already has.
    const parent = isObject(ctx.parsed.value) ? valueAt(ctx.parsed.value, path.slice(0, -1)) : undefined;
    if (isObject(parent) && Object.hasOwn(parent, d.rename)) return [];
    return one(`Rename to '${d.rename}'`, renameKey(ctx.parsed, path, d.rename), { safe: d.renameSure });
  }
  if (d.iso) return one(`Write the date as ${d.iso}`, replaceScalar(ctx.parsed, path, d.iso), { safe: true });
  if (d.replace && path.length === 1 && path[0] === 'kind' && ctx.parsed.kind === d.replace) {
    // the spelling careplan reads the record by; nothing else about the record changes
    return one(`Write 'kind: ${d.replace}'`, replaceScalar(ctx.parsed, path, d.replace), { safe: true });
  }
  if (d.asFields === 'action' || d.asFields === 'expectation') return itemAsFields(path, d.asFields, ctx);
  return [];
}

/**
 * An action or expectation written as one line of text, as a group of fields: the text kept as
 * written (quotes and all) under `action:` / `expectation:`, with the fields it lacks proposed
 * from its words (the role it starts with) as tab stops.
 */
function itemAsFields(path: Path, field: 'action' | 'expectation', ctx: FixContext): CodeFix[] {
  const root = isObject(ctx.parsed.value) ? ctx.parsed.value : undefined;
  const words = root ? valueAt(root, path) : undefined;
  const { node, depth } = findNode(ctx.parsed, path);
  if (!root || typeof words !== 'string' || depth !== path.length || !isScalar(node) || !node.range) return [];
  let end = node.range[1];
  while (end > node.range[0] && /\s/.test(ctx.parsed.text[end - 1])) end--;
  const source = ctx.parsed.text.slice(node.range[0], end);
  if (source.includes('\n')) return [];
  const role = leadingRole(words);
  const fields: NewField[] = [];
  if (field === 'action') {
    const four = addDays(ctx.today, 28);
    const due = proposedDue(anchorsOf(root)) ?? (isCheckableDate(four) ? four : undefined);
    fields.push({ key: 'action', value: source });
    fields.push({ key: 'owner', value: yamlScalar(role ?? 'Social worker'), placeholder: true });
    if (due) fields.push({ key: 'due', value: due, placeholder: true });
  } else {
    fields.push({ key: 'parent', value: yamlScalar(role ?? 'Mother'), placeholder: true });
    fields.push({ key: 'expectation', value: source });
  }
  const edit: TextEdit | undefined = replaceItemByFields(ctx.parsed, path, fields);
  const title = field === 'action' ? 'Write as an action with an owner and a due date' : "Write as an expectation with the parent it is for";
  return one(title, edit);
}

/**
 * A tab in a line's indentation: the indentation again in spaces (a tab counted as two). A field
 * name with no colon after it (`owner Social worker`): the colon, when the word is a field of
 * this kind of record.
 */
export function syntaxFixes(finding: FindingRef, _path: Path, ctx: FixContext): CodeFix[] {
  const line = finding.range.start.line;
  const start = ctx.parsed.lineCounter.lineStarts[line];
  if (start === undefined) return [];
  const next = ctx.parsed.lineCounter.lineStarts[line + 1] ?? ctx.parsed.text.length;
  const text = ctx.parsed.text.slice(start, Math.min(next, start + 1000)).replace(/\r?\n$/, '');
  const indent = /^[ \t]*/.exec(text)![0];
  if (indent.includes('\t')) {
    const edit: TextEdit = { range: { start: { line, character: 0 }, end: { line, character: indent.length } }, newText: indent.replace(/\t/g, '  ') };
    return one('Replace the tab with spaces', edit);
  }
  const m = /^([ \t]*(?:-[ \t]+)?)([a-z][a-z_]*)[ \t]+[^:\s#]/.exec(text);
  if (m && !/:(?:\s|$)/.test(text) && ctx.parsed.kind && fieldNames(ctx.parsed.kind).has(m[2])) {
    const at = { line, character: m[1].length + m[2].length };
    return one(`Add the colon: '${m[2]}:'`, { range: { start: at, end: at }, newText: ':' });
  }
  return [];
}

const FIELD_NAMES = new Map<DocumentKind, Set<string>>();

/** Every field name the kind's schema knows, at any depth. */
function fieldNames(kind: DocumentKind): Set<string> {
  let names = FIELD_NAMES.get(kind);
  if (names) return names;
  names = new Set<string>();
  const stack: unknown[] = [schemaFor(kind)];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    const props = (node as { properties?: unknown }).properties;
    if (props && typeof props === 'object') for (const k of Object.keys(props)) names.add(k);
    stack.push(...Object.values(node as Record<string, unknown>));
  }
  FIELD_NAMES.set(kind, names);
  return names;
}

/** A misspelt id in a careplan-disable comment: the one check it can mean, written in its place. */
export function disableCommentFixes(finding: FindingRef, _path: Path, _ctx: FixContext): CodeFix[] {
  const id = read.string(finding.data?.ruleId);
  if (!id || !/^[a-z][a-z-]*$/.test(id)) return [];
  return one(`Write '${id}'`, { range: finding.range, newText: id }, { safe: true });
}
