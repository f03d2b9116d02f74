/**
 * Every place in a record that names another document — `doc:`, `path:`, `review.care_plan`, the
 * ids in an action's `references:` — and where each one leads. Go to definition and document
 * links are both read from this list.
 */
import { isScalar, Node } from 'yaml';
import type { ParsedDocument } from '../parse';
import type { DocumentIndex } from '../documentIndex';
import { findNode } from '../locate';
import { canonicalUri, resolveDocumentPath } from '../paths';
import { eachAction, isObject, text, wellFormed } from '../rules/walk';
import type { Path, Range } from '../types';
import type { DocumentLink, Location } from './types';
import { valueRange } from './nodeAt';

export interface ReferenceSite {
  /** The written value's source range. */
  range: Range;
  path: Path;
  written: string;
  via: 'doc' | 'path' | 'local';
  /** Where it leads, when that can be worked out. */
  target?: Location;
  /** What the link's tooltip says. */
  tooltip?: string;
}

const ZERO = { line: 0, character: 0 };

function docTarget(index: DocumentIndex, id: string): Location | undefined {
  const hit = index.findById(id)[0];
  if (!hit) return undefined;
  const line = hit.idLine ?? 0;
  return { uri: hit.uri, range: { start: { line, character: 0 }, end: { line, character: 0 } } };
}

function siteAt(parsed: ParsedDocument, path: Path): { range: Range; written: string } | undefined {
  const { node, depth } = findNode(parsed, path);
  if (depth !== path.length || !isScalar(node)) return undefined;
  const written = text((node as { value: unknown }).value);
  const range = valueRange(parsed, node as Node);
  return written !== undefined && range ? { range, written } : undefined;
}

/** All reference sites in the document, in document order of their kinds. */
export function referenceSites(parsed: ParsedDocument, uri: string, index: DocumentIndex, roots: readonly string[]): ReferenceSite[] {
  const data = parsed.value;
  if (!isObject(data)) return [];
  const out: ReferenceSite[] = [];
  const refs = Array.isArray(data.references) ? data.references : [];
  const local = new Map<string, number>();
  refs.forEach((ref, i) => {
    if (!isObject(ref)) return;
    const id = text(ref.id);
    if (id !== undefined && !local.has(id)) local.set(id, i);
    if (text(ref.doc) !== undefined) {
      const s = siteAt(parsed, ['references', i, 'doc']);
      if (s) out.push({ ...s, path: ['references', i, 'doc'], via: 'doc', target: docTarget(index, s.written), tooltip: `Open the document with id ${s.written}` });
    }
    if (text(ref.path) !== undefined) {
      const s = siteAt(parsed, ['references', i, 'path']);
      if (s) {
        const resolved = resolveDocumentPath(uri, wellFormed(s.written), roots);
        out.push({
          ...s,
          path: ['references', i, 'path'],
          via: 'path',
          target: resolved.inside ? { uri: resolved.uri, range: { start: ZERO, end: ZERO } } : undefined,
          tooltip: `Open ${s.written}`,
        });
      }
    }
  });
  if (isObject(data.review) && text(data.review.care_plan) !== undefined) {
    const s = siteAt(parsed, ['review', 'care_plan']);
    if (s) out.push({ ...s, path: ['review', 'care_plan'], via: 'doc', target: docTarget(index, s.written), tooltip: `Open the care plan ${s.written}` });
  }
  for (const { path, action } of eachAction(data)) {
    if (!Array.isArray(action.references)) continue;
    action.references.forEach((id, j) => {
      if (typeof id !== 'string') return;
      const s = siteAt(parsed, [...path, 'references', j]);
      if (!s) return;
      const at = local.get(id);
      if (at !== undefined) {
        const entry = siteAt(parsed, ['references', at, 'id']);
        out.push({ ...s, path: [...path, 'references', j], via: 'local', target: entry && { uri, range: entry.range }, tooltip: `Go to the reference ${id}` });
      } else {
        out.push({ ...s, path: [...path, 'references', j], via: 'doc', target: docTarget(index, id), tooltip: `Open the document with id ${id}` });
      }
    });
  }
  return out;
}

function contains(r: Range, line: number, character: number): boolean {
  const afterStart = line > r.start.line || (line === r.start.line && character >= r.start.character);
  const beforeEnd = line < r.end.line || (line === r.end.line && character <= r.end.character);
  return afterStart && beforeEnd;
}

/** Where the reference under the cursor leads (go to definition). */
export function definitionAt(sites: ReferenceSite[], line: number, character: number): Location | undefined {
  return sites.find((s) => s.target && contains(s.range, line, character))?.target;
}

/**
 * Clickable links for references that lead to another file. A link to a line in another
 * document carries `#L<line>` so the editor opens it there.
 */
export function documentLinks(sites: ReferenceSite[], uri: string): DocumentLink[] {
  const out: DocumentLink[] = [];
  const self = canonicalUri(uri);
  for (const s of sites) {
    if (!s.target || s.target.uri === self) continue;
    const line = s.target.range.start.line;
    out.push({ range: s.range, target: line > 0 ? `${s.target.uri}#L${line + 1}` : s.target.uri, tooltip: s.tooltip });
  }
  return out;
}
