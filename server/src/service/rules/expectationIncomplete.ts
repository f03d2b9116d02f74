import type { Rule } from './rule';
import { anchorsOf, eachExpectation, isObject, text } from './walk';
import type { Data } from './walk';
import type { Path } from '../types';
import { addDays, isCheckableDate, proposedDue } from '../dates';
import type { CodeFix } from '../features/types';
import { dateIn, leadingRole, one, valueAt, type FindingRef, type FixContext } from '../features/fixKit';
import { addFields, appendToTopLevelList, yamlScalar, type NewField } from '../features/yamlEdits';

// What every expectation of a parent needs besides its wording (DOMAIN.md): how it will be
// known, by when, and what help the council gives.
const PARTS = [
  { field: 'evidence', words: 'how it will be checked (`evidence:`)' },
  { field: 'by', words: 'by when (`by:`)' },
  { field: 'support', words: 'the support offered (`support:`)' },
] as const;

export const expectationIncomplete: Rule = {
  id: 'expectation-incomplete',
  defaultSeverity: 'warning',
  description: 'A parental expectation missing its evidence, its by-when date or the support offered; or a child placed with parents with no expectations written down.',
  check(ctx) {
    let count = 0;
    for (const { path, expectation } of eachExpectation(ctx.data)) {
      count++;
      if (text(expectation.expectation) === undefined) continue;
      const missing = PARTS.filter((p) => text(expectation[p.field]) === undefined).map((p) => p.words);
      if (!missing.length) continue;
      ctx.report({
        path,
        target: 'item',
        message: `This expectation does not say ${joinWords(missing)} — add ${missing.length === 1 ? 'it' : 'them'} so the parent knows what is asked and how it will be judged.`,
      });
    }
    const placement = ctx.data.placement;
    if (count === 0 && ctx.kind !== 'supervision' && isObject(placement) && placement.type === 'placed-with-parents') {
      ctx.report({
        path: ['placement', 'type'],
        data: { none: true },
        message: 'This child is placed with parents but no expectations of the parents are written down — add `parent_expectations:` saying what each parent will do, how it is checked, by when and with what support.',
      });
    }
  },
  fixes: expectationFixes,
};

/**
 * Prompts over the parts an author must write themselves: tab stops to type over, never blanks
 * (an empty field would be a new error) and never comments left behind. In ‹angle quotes›, as in
 * the templates, so a prompt nobody replaced is reported (template-placeholder) rather than read
 * as what was agreed.
 */
const PROMPTS = {
  evidence: '‹who checks it, what they see or hear, and how often›',
  support: '‹what the local authority will do to help›',
  if_not_met: '‹what happens if it is not met›',
  expectation: '‹what the parent will do that a visitor could see, and how often›',
} as const;

/** "checked by the social worker at each visit": the part of the wording that already says how it is checked. */
function evidenceIn(wording: string): string | undefined {
  const m = /\b((?:checked|evidenced|confirmed|monitored|seen|tested)\s+(?:by|through|at|in)\b[^.;]*)/i.exec(wording);
  return m ? m[1].trim() : undefined;
}

function firstDue(root: Data, ctx: FixContext): string | undefined {
  const four = addDays(ctx.today, 28);
  return proposedDue(anchorsOf(root)) ?? (isCheckableDate(four) ? four : undefined);
}

/**
 * The expectation at `itemPath` in the structured form: the parts it lacks, filled from its own
 * wording where the wording says them (the parent, a date, how it is checked), else prompts.
 */
export function structuredExpectationFixes(itemPath: Path, ctx: FixContext): CodeFix[] {
  const root = isObject(ctx.parsed.value) ? ctx.parsed.value : undefined;
  const item = root ? valueAt(root, itemPath) : undefined;
  if (!root || !isObject(item) || itemPath[0] !== 'parent_expectations') return [];
  const wording = text(item.expectation) ?? '';
  const fields: NewField[] = [];
  const role = leadingRole(wording);
  if (!('parent' in item)) fields.push({ key: 'parent', value: yamlScalar(role ?? 'Mother'), placeholder: true });
  if (!('evidence' in item)) fields.push({ key: 'evidence', value: yamlScalar(evidenceIn(wording) ?? PROMPTS.evidence), placeholder: true });
  const by = dateIn(wording) ?? firstDue(root, ctx);
  if (!('by' in item) && by) fields.push({ key: 'by', value: by, placeholder: true });
  if (!('support' in item)) fields.push({ key: 'support', value: yamlScalar(PROMPTS.support), placeholder: true });
  if (!('if_not_met' in item)) fields.push({ key: 'if_not_met', value: yamlScalar(PROMPTS.if_not_met), placeholder: true });
  if (!fields.length) return [];
  const after = 'expectation' in item ? 'expectation' : undefined;
  return one(`Write the expectation in full (add ${fields.map((f) => `\`${f.key}:\``).join(', ')})`, addFields(ctx.parsed, itemPath, fields, after));
}

/** No expectations at all: a first one to fill in, under `parent_expectations:`. */
function firstExpectationFixes(ctx: FixContext): CodeFix[] {
  const root = isObject(ctx.parsed.value) ? ctx.parsed.value : undefined;
  if (!root) return [];
  const by = firstDue(root, ctx);
  const fields: NewField[] = [
    { key: 'parent', value: 'Mother', placeholder: true },
    { key: 'expectation', value: yamlScalar(PROMPTS.expectation), placeholder: true },
    { key: 'evidence', value: yamlScalar(PROMPTS.evidence), placeholder: true },
    ...(by ? [{ key: 'by', value: by, placeholder: true }] : []),
    { key: 'support', value: yamlScalar(PROMPTS.support), placeholder: true },
  ];
  return one("Add 'parent_expectations:' with a first expectation to fill in", appendToTopLevelList(ctx.parsed, 'parent_expectations', fields));
}

function expectationFixes(finding: FindingRef, path: Path, ctx: FixContext): CodeFix[] {
  if (finding.data?.none === true) return firstExpectationFixes(ctx);
  return structuredExpectationFixes(path, ctx);
}

function joinWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(', ') + ' or ' + items[items.length - 1];
}
