/**
 * Which kind of record a `kind:` value names. The exact spellings are the schema's; a near miss
 * — other capitals, a space for the hyphen, no hyphen, one slip of the keyboard, a trailing
 * 'record' (`kind: Review`, `kind: care plan`, `kind: careplan`, `kind: reveiw`, `kind:
 * Supervision record`) — still names that kind, so the record is checked and the spelling is a
 * finding with its fix rather than a file silently left alone.
 */
import { DOCUMENT_KINDS, type DocumentKind } from './types';
import { closestUnique } from './spelling';

/** Letters only, lower case, without a trailing 'record' or 'minutes': 'Care Plan', 'care_plan', 'careplan' and 'Review record' read alike. */
function squashed(s: string): string {
  const letters = s.toLowerCase().replace(/[^a-z]/g, '');
  return letters.replace(/(?:records?|minutes)$/, '') || letters;
}

const BY_SQUASHED = new Map<string, DocumentKind>(DOCUMENT_KINDS.map((k) => [squashed(k), k]));

/** The kind a `kind:` value names, exactly or nearly; undefined when it names none. */
export function kindNamed(written: unknown): DocumentKind | undefined {
  if (typeof written !== 'string' || written.length > 40) return undefined;
  if ((DOCUMENT_KINDS as readonly string[]).includes(written)) return written as DocumentKind;
  const s = squashed(written);
  const exact = BY_SQUASHED.get(s);
  // Short words are too easily near something else (`kind: view`): only longer ones may slip,
  // and not in their first letter (`kind: Preview` is some other tool's).
  if (exact || s.length < 6) return exact;
  const near = closestUnique(s, [...BY_SQUASHED.keys()]);
  return near && near[0] === s[0] ? BY_SQUASHED.get(near) : undefined;
}
