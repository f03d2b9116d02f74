import type { Rule, RuleContext } from './rule';
import type { DocumentKind, Path } from '../types';
import { isObject } from './walk';

const KIND_NAMES: Record<DocumentKind, string> = { 'care-plan': 'care plan', review: 'review record', supervision: 'supervision record' };

/** `health.summary` → ['health', 'summary']; a config entry names fields as the record writes them. */
function steps(field: string): string[] {
  return field.split('.').map((s) => s.trim()).filter(Boolean);
}

/** Present means written: an empty value, list or section is as good as missing. */
function written(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (isObject(v)) return Object.keys(v).length > 0;
  return true;
}

function check(ctx: RuleContext): void {
  const byKind = ctx.options.fields;
  if (!isObject(byKind)) return;
  const wanted = byKind[ctx.kind];
  if (!Array.isArray(wanted)) return;
  for (const field of wanted) {
    if (typeof field !== 'string') continue;
    const parts = steps(field);
    let here: unknown = ctx.data;
    let found: Path = [];
    for (const part of parts) {
      if (!isObject(here) || !written(here[part])) break;
      here = here[part];
      found = [...found, part];
    }
    if (found.length === parts.length) continue;
    const missing = parts[found.length];
    const where = found.length ? ` under \`${found.join(': ')}:\`` : '';
    ctx.report({
      path: found,
      target: found.length ? 'key' : 'item',
      message: `Your team asks every ${KIND_NAMES[ctx.kind]} to have \`${missing}:\`${where} — add it and fill it in.`,
      data: { field },
    });
  }
}

/** A team's own template: the sections and fields its records must have, beyond what the format requires. */
export const requiredFields: Rule = {
  id: 'required-fields',
  defaultSeverity: 'warning',
  description: "A section or field that the team's config asks every record of this kind to have, missing or left empty.",
  options: {
    fields: {
      type: 'fields-by-kind',
      description: 'The fields each kind of record must have, written as in the record (`health.summary` for `summary:` under `health:`), e.g. `{ care-plan: [health, education, contact.arrangements] }`.',
    },
  },
  check,
};
