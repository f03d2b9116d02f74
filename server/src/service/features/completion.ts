/**
 * Completion: field names and fixed choices from the schema (with their descriptions), roles for
 * an owner, timescale phrases with the date each comes to, ids of the same child's other
 * records where an id is expected, relative paths where a path is expected, and one snippet
 * where a new action, expectation or reference starts.
 */
import type { ParsedDocument } from '../parse';
import { schemaFor } from '../schema';
import type { DocumentIndex } from '../documentIndex';
import { decodeUriText, isObject, text, wellFormed } from '../rules/walk';
import type { DocumentKind, Path, Position, Range } from '../types';
import { annotation, choicesOf, propertiesOf, schemasAt, shapeOf, SchemaNode } from './schemaNav';
import { cursorContext } from './textContext';
import { canonicalUri, resolveDocumentPath } from '../paths';
import type { CompletionItem, Markdown } from './types';
import type { DirectoryEntry } from '../host';
import type { TimescaleOptions } from '../dates';
import { anchorsOf } from '../rules/walk';
import { DEFAULT_ROLES, roleCompletions } from './roles';
import { timescaleCompletions } from './timescaleChoices';
import { itemSnippet, type SnippetList } from './itemSnippets';

export type { DirectoryEntry };

export interface CompletionOptions {
  uri: string;
  index?: DocumentIndex;
  /** Lists a folder (by URI, ending in `/`) for `path:` completion; absent means no path completion. */
  listDirectory?: (uri: string) => Promise<DirectoryEntry[]>;
  /** Workspace roots: folders outside them are never listed. */
  roots?: readonly string[];
  /** The date "in 12 days" is counted from, beside each timescale phrase. */
  today?: string;
  timescales?: TimescaleOptions;
  /** The team's own roles (`roles:` in .careplan.yaml), offered for an owner with the usual ones. */
  roles?: readonly string[];
  /** The client inserts snippets (tab stops); without it no snippet is offered. */
  snippets?: boolean;
}

const SNIPPET_LISTS: ReadonlySet<string> = new Set<SnippetList>(['actions', 'parent_expectations', 'references']);

function docs(schemas: SchemaNode[]): Markdown | undefined {
  const value = annotation(schemas, 'markdownDescription') ?? annotation(schemas, 'description');
  return value ? { kind: 'markdown', value } : undefined;
}

/** Completions at `pos`; empty for files that are not care-plan documents. */
export async function completionsAt(parsed: ParsedDocument, pos: Position, options: CompletionOptions): Promise<CompletionItem[]> {
  if (!parsed.kind) return [];
  const ctx = cursorContext(parsed.text, pos);
  if (ctx.kind === 'none') return [];
  const root = schemaFor(parsed.kind);
  const schemas = schemasAt(root, ctx.path);
  if (ctx.kind === 'key') {
    const last = ctx.path[ctx.path.length - 1];
    // `- partial` in a list of plain values is a value, not a field name.
    if (typeof last === 'number' && shapeOf(schemas) !== 'object') return valueCompletions(parsed, ctx.path, ctx.prefix, ctx.range, schemas, options);
    const snippet = options.snippets && !ctx.flow ? snippetAt(parsed, ctx, options) : undefined;
    if (shapeOf(schemas) !== 'object') return snippet ? [snippet] : [];
    const fields = propertiesOf(root, schemas)
      .filter((p) => !ctx.siblings.has(p.name))
      .map((p, i) => {
        const shape = shapeOf(p.schemas);
        const inner = ' '.repeat(ctx.column + 2);
        const eol = parsed.text.includes('\r\n') ? '\r\n' : '\n';
        const newText =
          ctx.flow || shape === 'scalar' || shape === 'unknown'
            ? `${p.name}: `
            : shape === 'object'
              ? `${p.name}:${eol}${inner}`
              : `${p.name}:${eol}${inner}- `;
        return {
          label: p.name,
          kind: 'property' as const,
          detail: annotation(p.schemas, 'title') + (p.required ? ' (required)' : ''),
          documentation: docs(p.schemas),
          textEdit: { range: ctx.range, newText },
          sortText: `${p.required ? 0 : 1}${String(i).padStart(3, '0')}`,
          filterText: p.name,
        };
      });
    return snippet ? [snippet, ...fields] : fields;
  }
  return valueCompletions(parsed, ctx.path, ctx.prefix, ctx.range, schemas, options);
}

async function valueCompletions(
  parsed: ParsedDocument,
  path: Path,
  prefix: string,
  range: Range,
  schemas: SchemaNode[],
  options: CompletionOptions,
): Promise<CompletionItem[]> {
  const out: CompletionItem[] = [];
  const title = annotation(schemas, 'title');
  for (const c of choicesOf(schemas)) {
    out.push({
      label: String(c.value),
      kind: 'enum',
      detail: title,
      documentation: c.description ? { kind: 'markdown', value: c.description } : undefined,
      textEdit: { range, newText: String(c.value) },
    });
  }
  const last = path[path.length - 1];
  const data = isObject(parsed.value) ? parsed.value : {};
  if (isActionField(path, 'owner')) out.push(...roleCompletions(options.roles ?? [], range));
  if (isActionField(path, 'timescale') && parsed.kind) {
    out.push(...timescaleCompletions(parsed.kind, anchorsOf(data), range, { today: options.today, timescales: options.timescales }));
  }
  const inReferences = path[0] === 'references' && typeof path[1] === 'number';
  if (options.index && ((inReferences && last === 'doc') || (path[0] === 'review' && last === 'care_plan'))) {
    out.push(...documentIds(options, range, last === 'care_plan' ? 'care-plan' : undefined, childrenOf(data)));
  }
  if (isActionReference(path)) {
    const refs = Array.isArray(data.references) ? data.references.filter(isObject) : [];
    for (const r of refs) {
      const id = text(r.id);
      if (!id) continue;
      out.push({
        label: id,
        kind: 'reference',
        detail: [text(r.type), text(r.title)].filter(Boolean).join(': ') || 'reference in this record',
        textEdit: { range, newText: id },
        sortText: `0${id}`,
      });
    }
    if (options.index) out.push(...documentIds(options, range, undefined, childrenOf(data)).map((i) => ({ ...i, sortText: `1${i.label}` })));
  }
  if (inReferences && last === 'path' && options.listDirectory) out.push(...(await pathCompletions(options, prefix, range)));
  return out;
}

/** `actions[i].<field>`, also inside a care-plan section. */
function isActionField(path: Path, field: string): boolean {
  const n = path.length;
  return n >= 3 && path[n - 1] === field && typeof path[n - 2] === 'number' && path[n - 3] === 'actions';
}

/** The children this record is about (`child:` or `children:`). */
function childrenOf(data: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  const one = text(data.child);
  if (one) out.add(one);
  if (Array.isArray(data.children)) for (const c of data.children) if (text(c)) out.add(text(c)!);
  return out;
}

type KeyContext = Extract<ReturnType<typeof cursorContext>, { kind: 'key' }>;

/** The snippet for a new entry when the cursor starts one: `- ` with nothing after it, or an empty line in the list. */
function snippetAt(parsed: ParsedDocument, ctx: KeyContext, options: CompletionOptions): CompletionItem | undefined {
  const path = ctx.path;
  const last = path[path.length - 1];
  const onNewItem = typeof last === 'number' && ctx.siblings.size === 0;
  const list = onNewItem ? path[path.length - 2] : last;
  if (typeof list !== 'string' || !SNIPPET_LISTS.has(list)) return undefined;
  // Only the list of actions anywhere; expectations and references at the top of the record.
  const listPath = onNewItem ? path.slice(0, -1) : path;
  if (list !== 'actions' && listPath.length !== 1) return undefined;
  const line = parsed.text.split(/\r?\n/)[ctx.range.start.line] ?? '';
  if (line.slice(ctx.range.end.character).trim() !== '') return undefined;
  const data = isObject(parsed.value) ? parsed.value : {};
  const entries = valueAtPath(data, listPath);
  const usedIds = Array.isArray(entries) ? entries.filter(isObject).map((e) => text(e.id)).filter((id): id is string => !!id) : [];
  const referenceTypes = choicesOf(schemasAt(schemaFor(parsed.kind!), ['references', 0, 'type'])).map((c) => String(c.value));
  const roles = [...new Set([...(options.roles ?? []), ...DEFAULT_ROLES])];
  return itemSnippet({
    list: list as SnippetList,
    withDash: !onNewItem,
    range: ctx.range,
    column: ctx.column,
    eol: parsed.text.includes('\r\n') ? '\r\n' : '\n',
    usedIds,
    roles,
    dateHint: text(data.date) ?? options.today,
    referenceTypes,
  });
}

function valueAtPath(data: unknown, path: Path): unknown {
  let at = data;
  for (const seg of path) {
    if (typeof seg === 'number') at = Array.isArray(at) ? at[seg] : undefined;
    else at = isObject(at) ? at[seg] : undefined;
  }
  return at;
}

/** `actions[i].references[j]`, also inside a care-plan section. */
function isActionReference(path: Path): boolean {
  const n = path.length;
  return n >= 4 && typeof path[n - 1] === 'number' && path[n - 2] === 'references' && typeof path[n - 3] === 'number' && path[n - 4] === 'actions';
}

/** Ids of other documents; when this record names its child, only the records about that child (and documents about no child). */
function documentIds(options: CompletionOptions, range: Range, prefer: DocumentKind | undefined, children: ReadonlySet<string>): CompletionItem[] {
  const out: CompletionItem[] = [];
  const self = canonicalUri(options.uri);
  for (const d of options.index!.all()) {
    if (!d.id || d.uri === self) continue;
    if (children.size && d.children?.length && !d.children.some((c) => children.has(c))) continue;
    out.push({
      label: d.id,
      kind: 'reference',
      detail: d.kind,
      documentation: { kind: 'markdown', value: `\`${decodeUriText(d.uri.split('/').slice(-2).join('/'))}\`` },
      textEdit: { range, newText: d.id },
      sortText: `${prefer && d.kind !== prefer ? 1 : 0}${d.id}`,
    });
  }
  return out;
}

async function pathCompletions(options: CompletionOptions, prefix: string, range: Range): Promise<CompletionItem[]> {
  const slash = prefix.lastIndexOf('/');
  const dirPart = slash === -1 ? '' : prefix.slice(0, slash + 1);
  const folder = resolveDocumentPath(options.uri, wellFormed(dirPart) || '.', options.roots ?? []);
  if (options.roots && !folder.inside) return [];
  let entries: DirectoryEntry[];
  try {
    entries = await options.listDirectory!(folder.uri.endsWith('/') ? folder.uri : folder.uri + '/');
  } catch {
    return [];
  }
  return entries
    .filter((e) => !e.name.startsWith('.'))
    .map((e) => {
      const written = dirPart + e.name + (e.isDirectory ? '/' : '');
      return {
        label: e.name + (e.isDirectory ? '/' : ''),
        kind: e.isDirectory ? ('folder' as const) : ('file' as const),
        textEdit: { range, newText: written },
        filterText: written,
        sortText: `${e.isDirectory ? 1 : 0}${e.name}`,
      };
    });
}
