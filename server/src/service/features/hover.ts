/**
 * Hover text: what a field is for (its schema title and description, which carry the statutory
 * context), the meaning of a chosen value, and on a timescale or date the day it comes to.
 */
import type { ParsedDocument } from '../parse';
import { schemaFor } from '../schema';
import { resolveTimescale, daysBetween, isIsoDate } from '../dates';
import type { TimescaleOptions } from '../dates';
import { formatUkDateWithDay } from '../dates/calendar';
import { anchorsOf, isObject } from '../rules/walk';
import type { DocumentIndex } from '../documentIndex';
import type { Position } from '../types';
import { annotation, choicesOf, schemasAt, SchemaNode } from './schemaNav';
import { nodeAt, offsetAt, scalarText } from './nodeAt';
import type { Hover } from './types';

export interface HoverOptions {
  /** The date "overdue" and "in 3 weeks" are judged against. */
  today: string;
  timescales?: TimescaleOptions;
  index?: DocumentIndex;
}

/** Says how far a date is from today in words: "in 12 days", "3 days ago", "today". */
export function fromToday(date: string, today: string): string {
  const d = daysBetween(today, date);
  if (d === 0) return 'today';
  const n = Math.abs(d);
  const words = n >= 14 ? `${Math.round(n / 7)} weeks` : `${n} day${n === 1 ? '' : 's'}`;
  return d > 0 ? `in ${words}` : `${words} ago`;
}

function fieldText(schemas: SchemaNode[]): string | undefined {
  const title = annotation(schemas, 'title');
  const description = annotation(schemas, 'markdownDescription') ?? annotation(schemas, 'description');
  if (!title && !description) return undefined;
  return [title && `**${title}**`, description].filter(Boolean).join('\n\n');
}

/** The hover for the position, or undefined when there is nothing useful to say. */
export function hoverAt(parsed: ParsedDocument, pos: Position, options: HoverOptions): Hover | undefined {
  if (!parsed.kind) return undefined;
  const at = nodeAt(parsed, offsetAt(parsed, pos));
  if (!at) return undefined;
  const root = schemaFor(parsed.kind);
  // A list item's own schema rarely has a title; describe the list it belongs to.
  const schemas = schemasAt(root, at.path);
  const last = at.path[at.path.length - 1];
  const sections: string[] = [];

  if (at.part === 'value') {
    const value = scalarText(at.node);
    const data = isObject(parsed.value) ? parsed.value : {};
    if (value !== undefined && last === 'timescale') {
      const described = describeTimescale(value, data, options);
      if (described) sections.push(described);
    } else if (value !== undefined && isIsoDate(value) && schemas.some((s) => s.format === 'date')) {
      sections.push(`**${formatUkDateWithDay(value)}** — ${fromToday(value, options.today)}`);
    }
    const choice = value !== undefined ? choicesOf(schemas).find((c) => String(c.value) === value) : undefined;
    if (choice?.description) sections.push(`\`${value}\`: ${choice.description}`);
    if (value !== undefined && options.index && (last === 'doc' || last === 'care_plan' || at.path[at.path.length - 2] === 'references')) {
      const hit = options.index.findById(value)[0];
      if (hit) sections.push(`Opens the ${hit.kind ?? 'document'} \`${value}\` (${hit.uri.split('/').pop()}).`);
    }
  }
  const described = fieldText(schemas.length ? schemas : schemasAt(root, at.path.slice(0, -1)));
  if (described && (at.part === 'key' || sections.length === 0 || !sections.some((s) => s.includes(described)))) sections.push(described);
  if (at.part === 'key' && at.path.length === 1 && last === 'kind') {
    const about = annotation([root], 'description');
    if (about) sections.push(about);
  }
  if (!sections.length) return undefined;
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') }, range: at.range };
}

/**
 * What a timescale comes to. A timescale no one can check is the action-timescale finding's to
 * explain: VS Code shows the finding in the same hover, so saying it again here only doubles it.
 */
function describeTimescale(value: string, data: Record<string, unknown>, options: HoverOptions): string | undefined {
  let r: ReturnType<typeof resolveTimescale>;
  try {
    r = resolveTimescale(value, anchorsOf(data), options.timescales);
  } catch {
    // The field's own description still shows; the action-timescale rule reports the failure.
    return '**careplan could not work out what this timescale comes to**';
  }
  switch (r.status) {
    case 'date':
      return `**Comes to ${formatUkDateWithDay(r.date)}** (${r.date}, ${fromToday(r.date, options.today)})\n\n${r.how}`;
    case 'anchored':
    case 'recurring':
      return `**A clear timescale**\n\n${r.how}`;
    case 'vague':
    case 'none':
    case 'unclear':
      return undefined;
  }
}
