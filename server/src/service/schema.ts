import { closest, closestUnique } from './spelling';
import type { default as Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';
import type addFormatsFunction from 'ajv-formats';
import { PRECOMPILED } from './schemaValidators';
import carePlanSchema from '../../../schemas/care-plan.schema.json';
import reviewSchema from '../../../schemas/review.schema.json';
import supervisionSchema from '../../../schemas/supervision.schema.json';
import configSchema from '../../../schemas/config.schema.json';
import type { DocumentKind, Path } from './types';
import { fromPointer } from './locate';
import type { Target } from './locate';
import { FIRST_YEAR, LAST_YEAR, isCheckableDate, parseUkDate } from './dates';

/** A schema problem as a path into the document and a sentence for the author. */
/**
 * What a schema finding carries for its fixes: the field name meant (`rename`, `renameSure` when
 * no other is as near), the date in ISO form (`iso`), the value to write instead (`replace`, a
 * near-miss `kind:`), or the field an item written as one line should be put in (`asFields`).
 */
export type SchemaFindingData = { rename?: string; renameSure?: boolean; iso?: string; replace?: string; asFields?: string };

export interface SchemaProblem {
  path: Path;
  target: Target;
  message: string;
  data?: SchemaFindingData;
}

type SchemaNode = Record<string, unknown> & {
  title?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  enum?: unknown[];
  'x-label'?: string;
  'x-hint'?: string;
};

/** Keywords our schemas carry for editors and messages; ajv must accept them. */
const ANNOTATION_KEYWORDS = ['x-label', 'x-hint', 'markdownDescription', 'enumDescriptions'];

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/**
 * ajv as careplan configures it. The build compiles the four schemas with it ahead of time
 * (ajv's standalone code, see scripts/build.mjs), so the bundles load ajv's compiler only when
 * something else must be compiled; `extra` is how the build asks for the code as source.
 */
export function createAjv(extra: Options = {}): Ajv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const AjvClass = (require('ajv') as { default: typeof Ajv }).default;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const addFormats = (require('ajv-formats') as { default: typeof addFormatsFunction }).default;
  const made = new AjvClass({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, ...extra });
  addFormats(made, ['date', 'uri-reference']);
  for (const k of ANNOTATION_KEYWORDS) made.addKeyword({ keyword: k, schemaType: ['string', 'object', 'array', 'boolean'] });
  return made;
}

function getAjv(): Ajv {
  return (ajv ??= createAjv());
}

/** The schemas by kind, for the build's precompiled validators. */
export function allSchemas(): Readonly<Record<DocumentKind | 'config', object>> {
  return SCHEMAS;
}

const SCHEMAS: Record<DocumentKind | 'config', object> = {
  'care-plan': carePlanSchema,
  review: reviewSchema,
  supervision: supervisionSchema,
  config: configSchema,
};

/** The JSON Schema of a document kind (or of the config file), as shipped in `schemas/`. */
export function schemaFor(kind: DocumentKind | 'config'): SchemaNode {
  return SCHEMAS[kind] as SchemaNode;
}

/** Compiled once per kind and kept: compiling is the expensive part. */
function validatorFor(kind: DocumentKind | 'config'): ValidateFunction {
  let v = validators.get(kind);
  if (!v) {
    v = PRECOMPILED[kind] ?? getAjv().compile(SCHEMAS[kind]);
    validators.set(kind, v);
  }
  return v;
}

/** Validates a plain value against the kind's schema; problems speak to the author. */
export function validateAgainstSchema(kind: DocumentKind | 'config', value: unknown): SchemaProblem[] {
  const validate = validatorFor(kind);
  if (validate(value)) return [];
  return describeErrors(validate.errors ?? []);
}

/** Turns ajv's errors into one problem per place, worded for a social worker. */
export function describeErrors(errors: ErrorObject[]): SchemaProblem[] {
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  // `if/then`, `oneOf` and `anyOf` add summary errors on top of the real ones; skip them.
  for (const e of errors) {
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf' && hasDeeper(errors, e)) continue;
    const problem = describe(e);
    if (!problem) continue;
    const key = problem.path.join('/') + '|' + problem.target;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out;
}

function hasDeeper(errors: ErrorObject[], e: ErrorObject): boolean {
  return errors.some((o) => o !== e && o.instancePath.startsWith(e.instancePath) && o.keyword !== 'oneOf');
}

function labelOf(schema: SchemaNode | undefined, fallback: string): string {
  return schema?.['x-label'] ?? (schema?.title ? schema.title.toLowerCase() : fallback);
}

function quote(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return 'a value that refers to itself'; // an alias inside its own anchor (`&s [*s]`)
  }
}

function describe(e: ErrorObject): SchemaProblem | undefined {
  const path = fromPointer(e.instancePath);
  const parent = e.parentSchema as SchemaNode | undefined;
  const field = String(path[path.length - 1] ?? '');
  const title = parent?.title ?? field;
  switch (e.keyword) {
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      const prop = parent?.properties?.[missing];
      const what = labelOf(parent, path.length ? 'entry' : 'record');
      const hint = prop?.['x-hint'] ?? (prop?.description ? firstSentence(prop.description) : '');
      return {
        path,
        target: 'item',
        message: `This ${what} has no \`${missing}:\` — add it${hint ? `: ${lowerFirst(hint)}` : '.'}`,
      };
    }
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(parent?.properties ?? {});
      // A name already used in the same mapping is not offered: renaming to it would write the field twice.
      const present = e.data !== null && typeof e.data === 'object' ? (e.data as Record<string, unknown>) : {};
      const free = known.filter((k) => !Object.hasOwn(present, k));
      const guess = closest(extra, free);
      // no other field as near: `careplan lint --fix` may rename it without asking
      const sure = guess !== undefined && closestUnique(extra, free) === guess;
      return {
        path: [...path, extra],
        target: 'key',
        ...(guess ? { data: sure ? { rename: guess, renameSure: true } : { rename: guess } } : {}),
        message:
          `\`${shortKey(extra)}\` is not a field of ${withArticle(labelOf(parent, 'record'))}` +
          (guess ? ` — did you mean \`${guess}\`?` : ` — check the spelling, or remove it (fields starting with \`x-\` are allowed for your team's own notes).`),
      };
    }
    case 'enum': {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      const list = allowed.length <= 12 ? `: ${allowed.map((a) => String(a)).join(', ')}` : '';
      return { path, target: 'value', message: `${quote(e.data)} is not one of the choices for ${lowerFirst(title)}${list}.` };
    }
    case 'const': {
      const allowed = (e.params as { allowedValue: unknown }).allowedValue;
      if (path.length === 1 && path[0] === 'kind' && typeof allowed === 'string') {
        // A near miss (`kind: Review`): the record is read as that kind; say how careplan spells it.
        return {
          path,
          target: 'value',
          data: { replace: allowed },
          message: `careplan knows this kind of record as \`${allowed}\`, written exactly so — change ${quote(e.data)} to ${allowed}.`,
        };
      }
      return { path, target: 'value', message: `${capitalise(title)} must be ${quote(allowed)}.` };
    }
    case 'format': {
      if ((e.params as { format: string }).format === 'date') {
        const read = typeof e.data === 'string' ? parseUkDate(e.data) : undefined;
        const iso = isCheckableDate(read) ? read : undefined; // never suggest a date the schema would refuse
        return {
          path,
          target: 'value',
          ...(iso ? { data: { iso } } : {}),
          message: iso
            ? `Write this date as ${iso} (year-month-day) so it can be checked.`
            : `${quote(e.data)} is not a date — write it as year-month-day, for example 2025-05-09.`,
        };
      }
      return { path, target: 'value', message: `${quote(e.data)} is not in the expected form for ${lowerFirst(title)}.` };
    }
    case 'type': {
      const expected = String((e.params as { type: string | string[] }).type);
      const asFields = typeof e.data === 'string' && expected === 'object' ? textFieldOf(parent) : undefined;
      if (asFields) {
        // `- Social worker to visit monthly` in a list of actions: the text is right, the shape is not.
        const what = labelOf(parent, 'entry');
        const rest = asFields === 'action' ? '`owner:` and `due:`' : asFields === 'expectation' ? '`parent:` and how it will be checked' : 'the other fields';
        return { path, target: 'value', data: { asFields }, message: `This ${what} is written as a single line — put its words after \`${asFields}:\` and add ${rest} below them.` };
      }
      return { path, target: 'value', message: `${capitalise(title)} should be ${typeWords(expected)}${e.data === null ? ' — it is empty' : ''}.` };
    }
    case 'pattern':
      if (parent?.format === 'date') {
        // The date pattern only limits the year (see common.json).
        return { path, target: 'value', message: `${quote(e.data)} is outside the years careplan can check (${FIRST_YEAR} to ${LAST_YEAR}) — check the year.` };
      }
      return {
        path,
        target: 'value',
        message: `${quote(e.data)} is not in the expected form for ${lowerFirst(title)}${parent?.['x-hint'] ? ` — ${lowerFirst(String(parent['x-hint']))}` : '.'}`,
      };
    case 'minimum':
    case 'maximum': {
      const limit = (e.params as { limit: number }).limit;
      return { path, target: 'value', message: `${capitalise(title)} must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${limit}${e.data !== undefined ? `, not ${JSON.stringify(e.data)}` : ''}.` };
    }
    case 'exclusiveMinimum':
      return { path, target: 'value', message: `${capitalise(title)} ${e.message ?? 'is out of range'}.` };
    case 'minLength':
    case 'minItems':
      return { path, target: 'value', message: `${capitalise(title)} is empty — fill it in or remove it.` };
    case 'not':
    case 'oneOf':
      return { path, target: 'item', message: `This ${labelOf(parent, 'entry')} ${firstSentence(String(parent?.['x-hint'] ?? 'combines fields that cannot go together'))}` };
    default:
      return { path, target: 'value', message: `${capitalise(title)} ${e.message ?? 'is not valid'}.` };
  }
}

/** The field that holds an item's words (`action:`, `expectation:`), when its schema has one. */
function textFieldOf(schema: SchemaNode | undefined): string | undefined {
  const props = schema?.properties ?? {};
  const required = (schema as { required?: string[] } | undefined)?.required ?? [];
  return ['action', 'expectation'].find((k) => required.includes(k) && props[k]?.type === 'string');
}

function typeWords(t: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    array: 'a list (lines starting with `- `)',
    object: 'a group of fields',
    boolean: 'yes or no (true/false)',
  };
  return t.split(',').map((x) => words[x] ?? x).join(' or ');
}

function firstSentence(s: string): string {
  const m = /^(.*?[.!?])(\s|$)/.exec(s);
  return (m ? m[1] : s).trim();
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** "an action", "a review record": the article a label takes. */
function withArticle(label: string): string {
  return `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
}

/** A key as quoted in a message: one line, and not a whole pasted paragraph. */
function shortKey(key: string): string {
  const flat = key.slice(0, 200).replace(/\s+/g, ' ');
  return flat.length > 60 ? flat.slice(0, 59).trimEnd() + '…' : flat;
}
