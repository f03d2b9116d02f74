/**
 * New records from templates: the built-in ones in templates/ or a team's own (`templates:` in
 * .careplan.yaml). The CLI's `careplan new` and the editor's New commands both fill them here, so
 * a record starts the same wherever it is made.
 *
 * Tokens: `{{today}}`; `{{today+N}}` N calendar days on; `{{today+Nm}}` N calendar months on (the
 * statutory review intervals are in months: 30 November + 3 months is 28 February, not 1 March);
 * `{{child}}` the child's case reference. Anything the author must still write is a placeholder in
 * ‹angle quotes›, which the `template-placeholder` check reports until it is replaced.
 */
import type { DocumentKind, IsoDate } from './types';
import { addDays, addMonths } from './dates/calendar';

/** The case reference a template carries until a child is chosen; a record that keeps it is flagged. */
export const PLACEHOLDER_CHILD = 'CH-000000';

/** A template's or a quick fix's ‹guidance› for the author to write over, as a regex source (an unclosed one runs to the end). */
export const GUIDANCE_SOURCE = '‹[^›]*›?';

/** Text that still holds ‹guidance›: template-placeholder asks for it to be written, so no other check reads it as the writer's words. */
export const holdsGuidance = (text: string | undefined): boolean => text !== undefined && text.includes('‹');

export interface TemplateValues {
  today: IsoDate;
  /** The child's case reference; the placeholder when not yet known. */
  child?: string;
}

// Each part has one way to match (no optional space next to optional space), so a run of spaces
// inside a broken token costs linear time.
const TOKEN = /\{\{\s*(today|child)(?:\s*\+\s*(\d{1,7})(?:\s*(m))?)?\s*\}\}/g;

/** The template's text with its tokens filled in; unknown or impossible `{{…}}` tokens are left for the check to find. */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(TOKEN, (whole, name: string, n: string | undefined, months: string | undefined) => {
    if (name === 'child') return n === undefined ? (values.child ?? PLACEHOLDER_CHILD) : whole;
    const count = Number(n ?? 0);
    try {
      return months ? addMonths(values.today, count) : addDays(values.today, count);
    } catch {
      return whole; // a date past the calendar's end: left as written, and reported
    }
  });
}

/**
 * The file name a new record gets, so a child's folder reads in date order: `care-plan-2026-12-06.yaml`,
 * `review-2026-12-06.yaml`, `supervision-2026-12-06.yaml`; `-2`, `-3`… when that name is taken.
 */
export function recordFileName(kind: DocumentKind, date: IsoDate, taken: (name: string) => boolean = () => false): string {
  const base = `${kind}-${date}`;
  if (!taken(`${base}.yaml`)) return `${base}.yaml`;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}.yaml`)) return `${base}-${n}.yaml`;
}

/** Names are compared without case: on Windows and macOS Review-….yaml and review-….yaml are one file. */
export function takenNames(names: Iterable<string>): (name: string) => boolean {
  const taken = new Set([...names].map((n) => n.toLowerCase()));
  return (name) => taken.has(name.toLowerCase());
}

/** How many names are tried before giving up (each try asks the editor or the disk to create a file). */
export const MAX_NAME_TRIES = 20;

/**
 * Creates the record under the first free documented name (`review-2026-01-05.yaml`, then `-2`,
 * `-3`…). `create` must refuse to replace a file (false when the name is taken by then, as when
 * another window made it meanwhile); the next name is tried. The name made, or undefined.
 */
export async function createUnderFreeName(
  kind: DocumentKind,
  date: IsoDate,
  existing: Iterable<string>,
  create: (name: string) => Promise<boolean>,
): Promise<string | undefined> {
  const names = [...existing];
  const tried: string[] = [];
  for (let i = 0; i < MAX_NAME_TRIES; i++) {
    const name = recordFileName(kind, date, takenNames([...names, ...tried]));
    if (await create(name)) return name;
    tried.push(name);
  }
  return undefined;
}

/** A case reference as the schemas take it (CH-000123), and not the template's placeholder. */
export function isCaseReference(child: string): boolean {
  return /^CH-?\d{4,}$/.test(child) && child !== PLACEHOLDER_CHILD;
}
