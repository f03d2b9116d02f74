import type { Rule, RuleContext } from './rule';
import type { Path } from '../types';
import { isObject } from './walk';
import { GUIDANCE_SOURCE, PLACEHOLDER_CHILD } from '../templates';

/** What a template leaves for the author to write: ‹guidance›, the placeholder child, an unfilled {{token}}. */
const PLACEHOLDER = new RegExp(`${GUIDANCE_SOURCE}|${PLACEHOLDER_CHILD}|\\{\\{[^}]*\\}\\}`, 'g');

/**
 * Every string value in the record with its path (keys are the template's own words, not
 * placeholders). Each list or mapping is read once: an alias makes the data a graph, maybe a cycle.
 */
function* strings(v: unknown, path: Path, seen = new Set<object>()): Generator<{ path: Path; value: string }> {
  if (typeof v === 'string') yield { path, value: v };
  if (v === null || typeof v !== 'object' || seen.has(v)) return;
  seen.add(v);
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* strings(v[i], [...path, i], seen);
  else if (isObject(v)) for (const [k, x] of Object.entries(v)) yield* strings(x, [...path, k], seen);
}

function messageFor(found: string): string {
  if (found === PLACEHOLDER_CHILD) return `${PLACEHOLDER_CHILD} is the template's placeholder — put the child's case reference here.`;
  if (found.startsWith('{{')) return `${found} was not filled in from the template — replace it with the value it stands for.`;
  const words = found.replace(/^‹|›$/g, '').trim();
  const shown = words.length > 60 ? `${words.slice(0, 57).replace(/\s+\S*$/, '')}…` : words;
  return `Still the template's guidance ("${shown}") — write what it asks for in its place.`;
}

function check(ctx: RuleContext): void {
  for (const { path, value } of strings(ctx.data, [])) {
    for (const m of value.matchAll(PLACEHOLDER)) {
      const start = m.index ?? 0;
      ctx.report({ path, span: { start, end: start + m[0].length }, message: messageFor(m[0]) });
    }
  }
}

/** Text left from a template, so a record that was never filled in cannot pass as finished. */
export const templatePlaceholder: Rule = {
  id: 'template-placeholder',
  defaultSeverity: 'warning',
  description: "Text left from a template that was never filled in: ‹guidance in angle quotes›, the placeholder case reference CH-000000, or a {{token}}.",
  check,
};
