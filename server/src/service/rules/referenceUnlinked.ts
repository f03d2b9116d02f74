import type { Rule } from './rule';
import type { Path } from '../types';
import { CARE_PLAN_SECTIONS, Data, eachAction, eachExpectation, isObject, text, writtenText } from './walk';
import { DOCUMENT_TYPES, findDocumentPointers, type DocumentPointer } from '../prose';
import { formatUkDate, isIsoDate } from '../dates';
import { monthName } from '../dates/calendar';
import { listedReferences, matchListed, type ListedReference } from './listedReferences';
import type { CodeFix } from '../features/types';
import { dateIn, one, read, type FindingRef, type FixContext } from '../features/fixKit';
import { appendToTopLevelList, yamlScalar, type NewField } from '../features/yamlEdits';

/** What a reference-unlinked finding carries for its fix: the document's type and the words naming it. */
export type UnlinkedFindingData = { docType: string; phrase: string };

/** Free-text fields where authors write prose that may point elsewhere. */
function* freeText(data: Data): Generator<{ path: Path; value: string }> {
  for (const key of ['discussion', 'reflection', 'summary', 'notes']) {
    const v = writtenText(data[key]);
    if (v) yield { path: [key], value: v };
  }
  if (isObject(data.wishes_and_feelings)) {
    for (const [who, v] of Object.entries(data.wishes_and_feelings)) {
      const written = writtenText(v);
      if (written) yield { path: ['wishes_and_feelings', who], value: written };
    }
  }
  for (const section of CARE_PLAN_SECTIONS) {
    const s = data[section];
    if (!isObject(s)) continue;
    for (const key of ['summary', 'arrangements']) {
      const v = writtenText(s[key]);
      if (v) yield { path: [section, key], value: v };
    }
  }
  for (const { path, action } of eachAction(data)) {
    const v = writtenText(action.action);
    if (v) yield { path: [...path, 'action'], value: v };
  }
  for (const { path, expectation } of eachExpectation(data)) {
    const v = writtenText(expectation.expectation);
    if (v) yield { path: [...path, 'expectation'], value: v };
  }
}

export const referenceUnlinked: Rule = {
  id: 'reference-unlinked',
  defaultSeverity: 'warning',
  description: 'Text that sends the reader to another document that is not listed in `references:`.',
  options: {
    include_citations: {
      type: 'boolean',
      default: false,
      description: 'Also flag citations that state their key fact here ("the PEP of 14/10/2025 found reading at age level"); off by default because the detail is in the record.',
    },
    flag_listed_detail: {
      type: 'boolean',
      default: false,
      description: 'Keep flagging "for the detail see …" even when the document is listed in `references:`: the minutes still hold no detail (off by default).',
    },
    document_types: {
      type: 'document-types',
      description: 'More document types for this rule only, each with the phrases that name it (as `references.extra_document_types`).',
    },
  },
  check(ctx) {
    const listed = listedReferences(ctx.data.references);
    const includeCitations = ctx.options.include_citations === true;
    // "for the detail, see the parenting assessment" leaves the detail out even when it is listed
    const flagListedDetail = ctx.options.flag_listed_detail === true;
    const options = { extraDocumentTypes: { ...ctx.config.extraDocumentTypes, ...documentTypeOption(ctx.options.document_types) } };
    const sig = 'pointers\0' + JSON.stringify(options);
    for (const { path, value } of freeText(ctx.data)) {
      for (const p of ctx.memo(sig, value, () => findDocumentPointers(value, options))) {
        // A citation states its key fact here, so the detail is not left elsewhere (DOMAIN.md).
        if (p.strength === 'citation' && !includeCitations) continue;
        const { match, otherVersion } = matchListed(listed, p);
        const detailLeftOut = flagListedDetail && p.strength === 'pointer' && p.defersDetail;
        if (match && !detailLeftOut) continue;
        ctx.report({ path, span: { start: p.start, end: p.end }, message: messageFor(p, !!match, otherVersion), data: { docType: p.docType, phrase: p.phrase } satisfies UnlinkedFindingData });
      }
    }
  },
  fixes: unlinkedFixes,
};

/**
 * A `references:` entry for the document the text names: its id, type, title and date when the
 * text gives one — every field valid as written. A paper record needs nothing more; the author
 * adds `path:` or `doc:` where the document can be opened.
 */
function unlinkedFixes(finding: FindingRef, _path: Path, ctx: FixContext): CodeFix[] {
  const docType = read.string(finding.data?.docType);
  const data = isObject(ctx.parsed.value) ? ctx.parsed.value : undefined;
  if (!docType || !data) return [];
  const phrase = read.string(finding.data?.phrase) ?? '';
  const label = DOCUMENT_TYPES[docType]?.label ?? docType;
  const date = dateIn(phrase);
  const taken = new Set((Array.isArray(data.references) ? data.references : []).filter(isObject).map((r) => text(r.id)));
  const base = date ? `${docType}-${date}` : docType;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  const fields: NewField[] = [
    { key: 'id', value: yamlScalar(id) },
    { key: 'type', value: DOCUMENT_TYPES[docType] || docType === 'other' ? docType : 'other' },
    { key: 'title', value: yamlScalar(docType === 'other' && phrase ? phrase : label), placeholder: true },
  ];
  if (date) fields.push({ key: 'date', value: date });
  return one(`Add the ${docType === 'other' ? 'document' : label} to 'references:'`, appendToTopLevelList(ctx.parsed, 'references', fields));
}

function nameOf(p: DocumentPointer): string {
  // a document of no known type is named by the words the text uses for it ("the Court Proceedings Procedure")
  if (p.docType === 'other') {
    const words = p.target.trim();
    if (!words || words.length > 60 || /^here$/i.test(words)) return 'another document';
    // a bare number is a numbered part ("see 4.2.1", "refer to 5.9"): said as one, not quoted as a name
    if (/^\d+(?:\.\d+)+[a-z]?$/i.test(words)) return `part ${words}`;
    // a bare common noun reads as a place, not a title: "see file" sends the reader to the file
    return /^[a-z][a-z'-]*$/.test(words) ? `the ${words}` : `'${words}'`;
  }
  return `the ${DOCUMENT_TYPES[p.docType]?.label ?? p.docType}`;
}

/** "14 October 2025", or "October 2025" for a month; as written when it is neither. */
function spoken(date: string): string {
  if (isIsoDate(date)) return formatUkDate(date);
  const m = /^(\d{4})-(\d\d)$/.exec(date);
  return m ? `${monthName(+m[2])} ${m[1]}` : date;
}

function messageFor(p: DocumentPointer, listed: boolean, otherVersion: ListedReference | undefined): string {
  const name = nameOf(p);
  if (listed) return `This leaves the detail to ${name} — write the detail of the issues and actions here; listing the document in \`references:\` does not put it in this record.`;
  if (otherVersion?.date && p.date) {
    return `This sends the reader to ${name} of ${spoken(p.date)}, but \`references:\` lists only the one of ${spoken(otherVersion.date)} — add the one meant, with its date and path or id, or write the detail here.`;
  }
  if (p.strength === 'citation') return `This cites ${name}, which is not listed in \`references:\` — add it to \`references:\` with its path or document id.`;
  return `This sends the reader to ${name} for the detail, but it is not listed in \`references:\` — write the detail here, or add the document to \`references:\` with its path or id.`;
}

function documentTypeOption(v: unknown): Record<string, string[]> {
  return isObject(v) ? (v as Record<string, string[]>) : {};
}
