/** The starting text of a document created by a quick fix (a referenced document that is missing). */
import type { DocumentKind } from '../types';
import { DOCUMENT_TYPES } from '../prose';

/** Which kind of careplan document an id or a reference type most likely names. */
export function guessKind(id: string, referenceType?: string): DocumentKind {
  if (referenceType === 'review-minutes') return 'review';
  if (referenceType === 'supervision-record') return 'supervision';
  if (referenceType === 'care-plan') return 'care-plan';
  if (/^(?:review|rev)\b|review/i.test(id)) return 'review';
  if (/^sup|supervision/i.test(id)) return 'supervision';
  return 'care-plan';
}

/** A minimal record of `kind` with the given id: the required fields, and comments saying what next. */
export function newDocumentText(kind: DocumentKind, id: string, fields: { child?: string; date: string }, eol = '\n'): string {
  const lines = [
    `kind: ${kind}`,
    `# Created by careplan because another record refers to '${id}'. Fill in the rest;`,
    '# people are named by role only.',
    `id: ${id}`,
    `child: ${fields.child ?? 'CH-000000'}`,
    `date: ${fields.date}`,
  ];
  if (kind === 'supervision') lines.push('supervisee: Social worker', 'supervisor: Team manager');
  lines.push('actions: []');
  return lines.join(eol) + eol;
}

/** Text for a missing plain file named in `path:` (only kinds of file we can start as text). */
export function newFileText(fileName: string, title: string | undefined, referenceType: string | undefined, eol = '\n'): string | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const heading = title ?? (referenceType ? DOCUMENT_TYPES[referenceType]?.label : undefined) ?? fileName.replace(/\.[^.]+$/, '');
  if (ext === 'md' || ext === 'markdown') return `# ${heading}${eol}`;
  if (ext === 'txt') return `${heading}${eol}`;
  return undefined;
}
