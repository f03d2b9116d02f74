/**
 * One snippet per list, offered only where a new entry starts: on the `- ` of a new action,
 * parental expectation or reference, or on an empty line inside that list. Never in a value, and
 * never the other lists' snippets (VS Code's static snippets showed all of them everywhere).
 * What the author must still write is a placeholder in ‹angle quotes›, which the
 * template-placeholder check reports if it is left in.
 */
import type { CompletionItem, Range } from './types';

export type SnippetList = 'actions' | 'parent_expectations' | 'references';

export interface SnippetPlace {
  list: SnippetList;
  /** The cursor is on an empty line of the list, so the snippet writes the `- ` too. */
  withDash: boolean;
  range: Range;
  /** Column where the entry's fields start (after `- ` when the dash is already typed). */
  column: number;
  eol: string;
  /** Ids already used in this list: the new entry gets the next free one (A3 after A1, A2). */
  usedIds: readonly string[];
  roles: readonly string[];
  /** The date the entry's by-when placeholder starts from (the record's date or today). */
  dateHint?: string;
  referenceTypes: readonly string[];
}

/** Escapes text for a snippet body: `$`, `}` and `\` are snippet syntax. */
function esc(s: string): string {
  return s.replace(/[$}\\]/g, '\\$&');
}

function choice(n: number, values: readonly string[]): string {
  return `\${${n}|${values.map((v) => v.replace(/[$}\\,|]/g, '\\$&')).join(',')}|}`;
}

function nextId(prefix: string, used: readonly string[]): string {
  let max = 0;
  for (const id of used) {
    const m = new RegExp(`^${prefix}(\\d+)$`).exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return `${prefix}${max + 1}`;
}

function fields(p: SnippetPlace): { label: string; detail: string; lines: string[] } {
  const date = p.dateHint ? esc(p.dateHint) : '‹year-month-day›';
  switch (p.list) {
    case 'actions':
      return {
        label: 'new action',
        detail: 'what, who owns it, by when',
        lines: [
          `id: \${1:${esc(nextId('A', p.usedIds))}}`,
          'action: ${2:‹what will be done, for the child›}',
          `owner: ${choice(3, p.roles)}`,
          `due: \${4:${date}}`,
          'status: open',
        ],
      };
    case 'parent_expectations':
      return {
        label: 'new parental expectation',
        detail: 'what can be seen, evidence, by when, support, if not met',
        lines: [
          `id: \${1:${esc(nextId('E', p.usedIds))}}`,
          `parent: ${choice(2, ['Mother', 'Father'])}`,
          'expectation: ${3:‹what the parent will do, that a visitor could see or count›}',
          'evidence: ${4:‹who records it, how often, and what counts as met›}',
          `by: \${5:${date}}`,
          'support: ${6:‹the help offered to meet it›}',
          'if_not_met: ${7:‹what will happen, and when›}',
        ],
      };
    case 'references':
      return {
        label: 'new reference',
        detail: 'a document this record relies on',
        lines: [
          'id: ${1:‹short-id›}',
          `type: ${p.referenceTypes.length ? choice(2, p.referenceTypes) : '${2:other}'}`,
          'title: ${3:‹the document’s title›}',
          `date: \${4:${date}}`,
          'path: ${5:‹file in this workspace›}',
        ],
      };
  }
}

export function itemSnippet(p: SnippetPlace): CompletionItem {
  const { label, detail, lines } = fields(p);
  const indent = ' '.repeat(p.column + (p.withDash ? 2 : 0));
  const body = lines.map((l, i) => (i === 0 ? l : indent + l)).join(p.eol) + '$0';
  return {
    label,
    kind: 'snippet',
    detail,
    textEdit: { range: p.range, newText: (p.withDash ? '- ' : '') + body },
    snippet: true,
    // Before the field names: on an empty entry, a whole entry is the likelier wish.
    sortText: '0000',
    filterText: p.withDash ? `- ${label}` : label,
  };
}
