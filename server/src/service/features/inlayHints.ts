/** Inlay hints: the date each relative timescale comes to, written beside it. */
import { isScalar, Node } from 'yaml';
import type { ParsedDocument } from '../parse';
import { isCheckableDate, resolveTimescale } from '../dates';
import type { TimescaleOptions } from '../dates';
import { formatUkDateWithDay } from '../dates/calendar';
import { findNode } from '../locate';
import { anchorsOf, eachAction, isObject } from '../rules/walk';
import type { Range } from '../types';
import type { InlayHint } from './types';
import { valueRange } from './nodeAt';

function overlaps(a: Range, b: Range): boolean {
  return !(a.end.line < b.start.line || a.start.line > b.end.line);
}

/** One hint per action whose `timescale:` resolves to a date, within `range` when given. */
export function inlayHints(parsed: ParsedDocument, range?: Range, timescales?: TimescaleOptions): InlayHint[] {
  const data = parsed.value;
  if (!parsed.kind || !isObject(data)) return [];
  const anchors = anchorsOf(data);
  const out: InlayHint[] = [];
  for (const { path, action } of eachAction(data)) {
    if (typeof action.timescale !== 'string') continue;
    const { node, depth } = findNode(parsed, [...path, 'timescale']);
    if (depth !== path.length + 1 || !isScalar(node)) continue;
    const at = valueRange(parsed, node as Node);
    if (!at || (range && !overlaps(at, range))) continue;
    try {
      const r = resolveTimescale(action.timescale, anchors, timescales);
      if (r.status !== 'date' || !isCheckableDate(r.date)) continue;
      out.push({ position: at.end, label: `→ ${formatUkDateWithDay(r.date)}`, tooltip: `${r.date}: ${r.how}`, paddingLeft: true });
    } catch {
      // A hint is a nicety: one that cannot be worked out is left out, and the others still show
      // (the action-timescale rule says what could not be checked).
    }
  }
  return out;
}
