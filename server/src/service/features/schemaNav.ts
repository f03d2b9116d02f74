/**
 * Walks the shipped JSON Schemas along a document path, for completion and hover. Handles the
 * subset our schemas use: local `$ref` (with sibling keywords overriding the target, so a
 * property's own title wins), `allOf`/`anyOf`/`oneOf`, `if`/`then`/`else`, `items`,
 * `properties` and `patternProperties`. Boolean sub-schemas carry no annotations and are skipped.
 */
import type { Path } from '../types';
import { decodeUriText } from '../rules/walk';

export type SchemaNode = Record<string, unknown> & {
  title?: string;
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, SchemaNode | boolean>;
  required?: string[];
  enum?: unknown[];
  enumDescriptions?: string[];
  examples?: unknown[];
  type?: string | string[];
  format?: string;
  'x-label'?: string;
};

const MAX_DEPTH = 16;

function isSchema(v: unknown): v is SchemaNode {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Follows `$ref` (local `#/$defs/…` or `#/definitions/…`); keywords beside the ref win. */
export function resolveRef(root: SchemaNode, node: SchemaNode, depth = 0): SchemaNode {
  const ref = node.$ref;
  if (typeof ref !== 'string' || depth > MAX_DEPTH) return node;
  const target = lookupPointer(root, ref);
  if (!isSchema(target)) return node;
  const { $ref: _ignored, ...siblings } = node;
  return { ...resolveRef(root, target, depth + 1), ...siblings };
}

function lookupPointer(root: SchemaNode, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let cur: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const seg = decodeUriText(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isSchema(cur)) return undefined;
    cur = cur[seg];
  }
  return cur;
}

/** The node and every sub-schema that may also apply to the same value, each resolved. */
export function alternatives(root: SchemaNode, node: SchemaNode, depth = 0): SchemaNode[] {
  const resolved = resolveRef(root, node);
  const out = [resolved];
  if (depth > MAX_DEPTH) return out;
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = resolved[key];
    if (Array.isArray(list)) for (const s of list) if (isSchema(s)) out.push(...alternatives(root, s, depth + 1));
  }
  for (const key of ['then', 'else'] as const) {
    const s = resolved[key];
    if (isSchema(s)) out.push(...alternatives(root, s, depth + 1));
  }
  return out;
}

function childOf(node: SchemaNode, seg: string | number): SchemaNode[] {
  const out: SchemaNode[] = [];
  if (typeof seg === 'number') {
    if (isSchema(node.items)) out.push(node.items);
    return out;
  }
  const prop = node.properties?.[seg];
  if (isSchema(prop)) out.push(prop);
  if (isSchema(node.patternProperties)) {
    for (const [pattern, s] of Object.entries(node.patternProperties)) {
      if (isSchema(s) && safeTest(pattern, seg)) out.push(s);
    }
  }
  return out;
}

function safeTest(pattern: string, s: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(s);
  } catch {
    return false;
  }
}

/** Every schema that describes the value at `path` (empty when the path leaves the schema). */
export function schemasAt(root: SchemaNode, path: Path): SchemaNode[] {
  let current = alternatives(root, root);
  for (const seg of path) {
    const next: SchemaNode[] = [];
    for (const s of current) for (const c of childOf(s, seg)) next.push(...alternatives(root, c));
    if (!next.length) return [];
    current = next;
  }
  return current;
}

/** The first non-empty annotation among the schemas (the property's own wins over its type's). */
export function annotation(schemas: SchemaNode[], key: 'title' | 'description' | 'markdownDescription' | 'x-label'): string | undefined {
  for (const s of schemas) {
    const v = s[key];
    if (typeof v === 'string' && v) return v;
  }
  return undefined;
}

export interface PropertyInfo {
  name: string;
  schemas: SchemaNode[];
  required: boolean;
}

/** The fields a mapping at this place may have, merged over the alternatives, in schema order. */
export function propertiesOf(root: SchemaNode, schemas: SchemaNode[]): PropertyInfo[] {
  const byName = new Map<string, PropertyInfo>();
  const required = new Set<string>();
  for (const s of schemas) {
    // Only the node itself (not an if/then branch) makes a field required everywhere.
    for (const r of s.required ?? []) if (s === schemas[0]) required.add(r);
    for (const [name, prop] of Object.entries(s.properties ?? {})) {
      if (!isSchema(prop)) continue;
      const info = byName.get(name) ?? { name, schemas: [], required: false };
      info.schemas.push(...alternatives(root, prop));
      byName.set(name, info);
    }
  }
  for (const info of byName.values()) info.required = required.has(info.name);
  return [...byName.values()];
}

export interface EnumChoice {
  value: string | number | boolean;
  description?: string;
}

/** The fixed choices for a value (`enum`, `const`), with their descriptions where given. */
export function choicesOf(schemas: SchemaNode[]): EnumChoice[] {
  const seen = new Set<unknown>();
  const out: EnumChoice[] = [];
  const add = (value: unknown, description?: string) => {
    if (seen.has(value) || !(typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) return;
    seen.add(value);
    out.push({ value, description });
  };
  for (const s of schemas) {
    if (Array.isArray(s.enum)) s.enum.forEach((v, i) => add(v, s.enumDescriptions?.[i]));
    if ('const' in s) add(s.const);
  }
  return out;
}

/** Whether the value here is a mapping, a list, or a scalar. */
export function shapeOf(schemas: SchemaNode[]): 'object' | 'array' | 'scalar' | 'unknown' {
  for (const s of schemas) {
    const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
    if (types.includes('object') || s.properties) return 'object';
    if (types.includes('array') || s.items) return 'array';
    if (types.length || s.enum || 'const' in s) return 'scalar';
  }
  return 'unknown';
}

/** Whether a list's items are mappings (`- id: …`) rather than plain values. */
export function itemsAreObjects(root: SchemaNode, schemas: SchemaNode[]): boolean {
  return shapeOf(schemas.flatMap((s) => (isSchema(s.items) ? alternatives(root, s.items) : []))) === 'object';
}

/** True when the schemas describe a date written as year-month-day. */
export function isDateField(schemas: SchemaNode[]): boolean {
  return schemas.some((s) => s.format === 'date');
}
