/** What every form of the report says first: it holds case data. */
export const CASE_DATA_NOTICE =
  'This report contains case data about children looked after (case references, roles, dates and plan types). Store and share it as the records themselves: only with people who need it for their work.';

/** Plain words for the values the tracker shows (the records' fixed lists). */
export const WAITING_WORDS = {
  'matching-or-special-guardianship': 'matching or special guardianship',
  'discharge-of-order': 'discharge of the care order',
} as const;

/** "long-term-fostering" → "long-term fostering": a list value as people say it. */
export function words(value: string | undefined): string {
  if (!value) return '';
  return value === 'long-term-fostering' ? 'long-term fostering' : value === 'section-20' ? 'section 20' : value.replace(/-/g, ' ');
}

/** "5 of 7 (71%)". */
export function shareText(s: { count: number; of: number }): string {
  return s.of ? `${s.count} of ${s.of} (${Math.round((100 * s.count) / s.of)}%)` : 'none to count';
}

/** Text made safe inside HTML and SVG, in content and in quoted attributes. */
export const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
