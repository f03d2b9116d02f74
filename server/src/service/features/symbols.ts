/** The outline of a record: its sections, actions, expectations and references. */
import { isMap, isScalar, isSeq, Node, Pair, Scalar, YAMLMap } from 'yaml';
import type { ParsedDocument } from '../parse';
import { rangeOf } from '../parse';
import { CARE_PLAN_SECTIONS } from '../rules/walk';
import type { Range } from '../types';
import type { DocumentSymbol, SymbolKind } from './types';

const NAME_LENGTH = 80;

function trimmedRange(parsed: ParsedDocument, start: number, end: number): Range {
  let e = end;
  while (e > start && /\s/.test(parsed.text[e - 1])) e--;
  return rangeOf(parsed.lineCounter, start, e);
}

function nodeRange(parsed: ParsedDocument, node: Node): Range {
  return trimmedRange(parsed, node.range![0], node.range![1]);
}

function field(map: YAMLMap, key: string): string | undefined {
  const v = map.get(key, true);
  if (!isScalar(v)) return undefined;
  const s = (v as Scalar).value;
  return typeof s === 'string' || typeof s === 'number' ? String(s).replace(/\s+/g, ' ').trim() || undefined : undefined;
}

function short(s: string): string {
  return s.length > NAME_LENGTH ? s.slice(0, NAME_LENGTH - 1).trimEnd() + '…' : s;
}

type Describe = (item: YAMLMap, index: number) => { name: string; detail?: string; kind: SymbolKind };

const describeAction: Describe = (item, i) => {
  const id = field(item, 'id');
  const what = field(item, 'action');
  const when = field(item, 'due') ?? field(item, 'timescale');
  const owner = field(item, 'owner');
  return {
    name: [id, what && short(what)].filter(Boolean).join(' — ') || `Action ${i + 1}`,
    detail: [owner, when, field(item, 'status')].filter(Boolean).join(' · ') || undefined,
    kind: 'event',
  };
};

const describeExpectation: Describe = (item, i) => {
  const id = field(item, 'id');
  const parent = field(item, 'parent');
  const what = field(item, 'expectation');
  return {
    name: [id, what && short(what)].filter(Boolean).join(' — ') || `Expectation ${i + 1}`,
    detail: [parent, field(item, 'by')].filter(Boolean).join(' · ') || undefined,
    kind: 'field',
  };
};

const describeReference: Describe = (item, i) => {
  const id = field(item, 'id');
  const title = field(item, 'title');
  return {
    name: [id, title && short(title)].filter(Boolean).join(' — ') || `Reference ${i + 1}`,
    detail: [field(item, 'type'), field(item, 'date'), field(item, 'path') ?? field(item, 'doc')].filter(Boolean).join(' · ') || undefined,
    kind: 'file',
  };
};

const describeMilestone: Describe = (item, i) => ({
  name: short(field(item, 'what') ?? `Milestone ${i + 1}`),
  detail: [field(item, 'due'), field(item, 'status')].filter(Boolean).join(' · ') || undefined,
  kind: 'event',
});

function listSymbols(parsed: ParsedDocument, seq: Node | null, describe: Describe): DocumentSymbol[] {
  if (!isSeq(seq)) return [];
  const out: DocumentSymbol[] = [];
  seq.items.forEach((item, i) => {
    const node = item as Node;
    if (!isMap(node) || !node.range) return;
    const d = describe(node, i);
    const range = nodeRange(parsed, node);
    const first = node.items[0] as Pair | undefined;
    const selStart = isScalar(first?.key) && (first!.key as Scalar).range ? (first!.key as Scalar).range![0] : node.range[0];
    const lineEnd = parsed.text.indexOf('\n', selStart);
    const selectionRange = trimmedRange(parsed, selStart, lineEnd === -1 || lineEnd > node.range[1] ? node.range[1] : lineEnd);
    out.push({ ...d, range, selectionRange });
  });
  return out;
}

const LISTS: Record<string, Describe> = {
  actions: describeAction,
  parent_expectations: describeExpectation,
  references: describeReference,
};

/** Document symbols: one per top-level field, with the list entries and sections as children. */
export function documentSymbols(parsed: ParsedDocument): DocumentSymbol[] {
  if (!parsed.kind) return [];
  const root = parsed.doc.contents as Node | null;
  if (!isMap(root)) return [];
  const out: DocumentSymbol[] = [];
  for (const p of root.items) {
    const pair = p as Pair;
    if (!isScalar(pair.key) || !(pair.key as Scalar).range) continue;
    const key = String((pair.key as Scalar).value);
    const keyRange = (pair.key as Scalar).range!;
    const value = pair.value as Node | null;
    const end = value?.range ? value.range[1] : keyRange[1];
    const range = trimmedRange(parsed, keyRange[0], end);
    const selectionRange = rangeOf(parsed.lineCounter, keyRange[0], keyRange[1]);
    let children: DocumentSymbol[] | undefined;
    let kind: SymbolKind = isMap(value) ? 'object' : isSeq(value) ? 'array' : 'field';
    let detail: string | undefined;
    if (LISTS[key]) {
      children = listSymbols(parsed, value, LISTS[key]);
      detail = `${children.length}`;
    } else if ((CARE_PLAN_SECTIONS as readonly string[]).includes(key) && isMap(value)) {
      kind = 'namespace';
      children = listSymbols(parsed, value.get('actions', true) as Node | null, describeAction);
    } else if (key === 'permanence' && isMap(value)) {
      detail = field(value, 'plan');
      children = listSymbols(parsed, value.get('milestones', true) as Node | null, describeMilestone);
    } else if (isScalar(value)) {
      const v = (value as Scalar).value;
      if (typeof v === 'string' || typeof v === 'number') detail = short(String(v).replace(/\s+/g, ' ').trim());
      kind = key === 'id' || key === 'kind' ? 'key' : 'field';
    }
    out.push({ name: key, detail, kind, range, selectionRange, ...(children?.length ? { children } : {}) });
  }
  return out;
}
