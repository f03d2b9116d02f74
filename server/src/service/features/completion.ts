/**
 * Completion: field names and fixed choices from the schema (with their descriptions), ids of
 * other documents where an id is expected, relative paths where a path is expected.
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

export interface DirectoryEntry {
  name: string;
  isDirectory: boolean;
}

export interface CompletionOptions {
  uri: string;
  index?: DocumentIndex;
  /** Lists a folder (by URI, ending in `/`) for `path:` completion; absent means no path completion. */
  listDirectory?: (uri: string) => Promise<DirectoryEntry[]>;
  /** Workspace roots: folders outside them are never listed. */
  roots?: readonly string[];
}

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
    if (shapeOf(schemas) !== 'object') return [];
    return propertiesOf(root, schemas)
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
  const inReferences = path[0] === 'references' && typeof path[1] === 'number';
  if (options.index && ((inReferences && last === 'doc') || (path[0] === 'review' && last === 'care_plan'))) {
    out.push(...documentIds(options, range, last === 'care_plan' ? 'care-plan' : undefined));
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
    if (options.index) out.push(...documentIds(options, range).map((i) => ({ ...i, sortText: `1${i.label}` })));
  }
  if (inReferences && last === 'path' && options.listDirectory) out.push(...(await pathCompletions(options, prefix, range)));
  return out;
}

/** `actions[i].references[j]`, also inside a care-plan section. */
function isActionReference(path: Path): boolean {
  const n = path.length;
  return n >= 4 && typeof path[n - 1] === 'number' && path[n - 2] === 'references' && typeof path[n - 3] === 'number' && path[n - 4] === 'actions';
}

function documentIds(options: CompletionOptions, range: Range, prefer?: DocumentKind): CompletionItem[] {
  const out: CompletionItem[] = [];
  const self = canonicalUri(options.uri);
  for (const d of options.index!.all()) {
    if (!d.id || d.uri === self) continue;
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
