/**
 * The known document types as one alias table (the built-in types plus a team's own), and the
 * look-ups the pointer scan makes in it. Every look-up is bounded to a window of the text.
 */
import { DOCUMENT_TYPES } from '../documentTypes';

export interface PointerOptions {
  /** Extra document types: id → aliases. */
  extraDocumentTypes?: Record<string, string[]>;
}

export interface AliasTable {
  re: RegExp; // global, on lower-cased text
  ids: Map<string, string>; // alias → id
  /** No alias contains a sentence stop ([.;!?]), so no match spans one: a scan may restart after one. */
  stopFree: boolean;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]").replace(/ /g, '\\s+');
}

function buildAliases(extra?: Record<string, string[]>): AliasTable {
  const ids = new Map<string, string>();
  const add = (id: string, alias: string) => {
    const a = alias.trim().toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
    if (a && (!ids.has(a) || id !== 'other')) ids.set(a, id);
  };
  for (const [id, { aliases }] of Object.entries(DOCUMENT_TYPES)) for (const a of aliases) add(id, a);
  if (extra) for (const [id, aliases] of Object.entries(extra)) for (const a of aliases) add(id, a);
  const sorted = [...ids.keys()].sort((a, b) => b.length - a.length);
  return {
    re: new RegExp(`\\b(?:${sorted.map(escape).join('|')})(?![\\w-])`, 'g'),
    ids,
    stopFree: !sorted.some((a) => /[.;!?]/.test(a)),
  };
}

let DEFAULT_ALIASES = buildAliases();
let aliasCache = new WeakMap<Record<string, string[]>, AliasTable>();
/** Callers build a fresh options object per check, so tables are also cached by content. */
const aliasByContent = new Map<string, AliasTable>();

/** Builds the tables again after DOCUMENT_TYPES changed (test/quality/pointerLoso.ts). */
export function resetAliasTables(): void {
  DEFAULT_ALIASES = buildAliases();
  aliasCache = new WeakMap();
  aliasByContent.clear();
}

/** A key naming the content of `extra` exactly, or undefined when it is not plain lists of strings. */
function contentKey(extra: Record<string, string[]>): string | undefined {
  let key = '';
  for (const [id, aliases] of Object.entries(extra)) {
    if (!Array.isArray(aliases)) return undefined;
    key += `${id.length}:${id}${aliases.length}:`;
    for (const a of aliases) {
      if (typeof a !== 'string') return undefined;
      key += `${a.length}:${a}`;
    }
  }
  return key;
}

export function aliasesFor(options?: PointerOptions): AliasTable {
  const extra = options?.extraDocumentTypes;
  if (!extra) return DEFAULT_ALIASES;
  let t = aliasCache.get(extra);
  if (t) return t;
  const key = contentKey(extra);
  if (key === '') t = DEFAULT_ALIASES;
  else if (key !== undefined) {
    t = aliasByContent.get(key);
    if (!t) {
      t = buildAliases(extra);
      if (aliasByContent.size >= 64) aliasByContent.clear();
      aliasByContent.set(key, t);
    }
  } else t = buildAliases(extra);
  aliasCache.set(extra, t);
  return t;
}

export interface AliasHit {
  start: number;
  end: number;
  id: string;
}

export function idOf(table: AliasTable, matched: string): string {
  // keys are normalised; a match needing normalisation never equals one as it stands
  return table.ids.get(matched) ?? table.ids.get(matched.replace(/’/g, "'").replace(/\s+/g, ' ')) ?? 'other';
}

/**
 * The alias matches lying wholly in [from, to). The scan runs on that slice alone, never on to the
 * end of the text, so a text full of cues with no document after them stays linear.
 */
export function aliasHits(table: AliasTable, lower: string, from: number, to: number, first = false): AliasHit[] {
  const out: AliasHit[] = [];
  if (from >= to) return out;
  const slice = lower.slice(from, to);
  const re = table.re;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    // \b at the slice's start: the caller's `from` is always at a word boundary of the text
    out.push({ start: from + m.index, end: from + m.index + m[0].length, id: idOf(table, m[0]) });
    if (first) break;
  }
  return out;
}

/** aliasHits(table, lower, from, to)[0], without looking further. */
export function firstAliasHit(table: AliasTable, lower: string, from: number, to: number): AliasHit | undefined {
  return aliasHits(table, lower, from, to, true)[0];
}

/**
 * The hits of a whole-text alias scan that end within `gap` characters before one of `keys` (sorted
 * starts of reporting verbs) — the only hits that can be citations. Needs a stop-free table: a
 * scan restarted just after a sentence stop sees the same matches as one from the start of text.
 */
export function hitsBeforeKeys(table: AliasTable, lower: string, keys: number[], gap: number): AliasHit[] {
  const out: AliasHit[] = [];
  const re = table.re;
  let cursor = 0; // never strictly inside a whole-text match
  // the next whole-text match from cursor (-1: not looked for; pStart -2: there is none)
  let pStart = -1;
  let pEnd = 0;
  let pText = '';
  let checked = 0; // every stop in [0, checked) is known: the last one is lastStop
  let lastStop = -1;
  for (const k of keys) {
    const lo = k - gap;
    // a hit ending at or after lo spans no stop, so it starts after any stop before lo
    if (lo > checked) {
      for (let i = lo - 1; i >= checked; i--) {
        const c = lower.charCodeAt(i);
        if (c === 46 || c === 33 || c === 63 || c === 59) {
          lastStop = i;
          break;
        }
      }
      checked = lo;
    }
    if (lastStop + 1 > cursor) {
      cursor = lastStop + 1;
      if (pStart >= 0 && pStart < cursor) pStart = -1;
    }
    for (;;) {
      if (pStart === -1) {
        re.lastIndex = cursor;
        const m = re.exec(lower);
        if (m) {
          pStart = m.index;
          pText = m[0];
          pEnd = pStart + pText.length;
        } else pStart = -2;
      }
      if (pStart === -2 || pStart >= k || pEnd > k) break;
      if (pEnd >= lo) out.push({ start: pStart, end: pEnd, id: idOf(table, pText) });
      cursor = pEnd;
      pStart = -1;
    }
  }
  return out;
}

