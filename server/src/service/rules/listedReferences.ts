/**
 * Which `references:` entry a pointer in the text means. A listed document excuses a pointer only
 * when it is the same document: the same type and, when both are dated, the same date ("the PEP
 * dated 14/10/2025" is not the PEP of January); or, for a document of no known type, a title that
 * holds the words the text names it by ("the Signs of Safety map").
 */
import type { DocumentPointer } from '../prose';
import { isObject } from './walk';

export interface ListedReference {
  type?: string;
  /** YYYY-MM-DD as written in the entry. */
  date?: string;
  /** The words of its title and id, lower case. */
  words: Set<string>;
  /** Years written in its title ("Working Together 2018"). */
  years: Set<string>;
}

/** A year as written in a title or a name: "Working Together to Safeguard Children 2023", "the 2019 chronology". */
const YEAR_RE = /\b(?:19|20)\d\d\b/g;

/** Words that name no particular document: they match any title, so they match none. */
const GENERIC = new Set(
  'a an the this that these those his her their its our of and or for to in on at by with from see also please here following above below latest last previous recent most current updated attached separate local national report reports document documents record records file minutes plan assessment letter form page section chapter part paragraph appendix annex dated'.split(' '),
);

function wordsOf(s: string): string[] {
  return s.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !/^\d+$/.test(w));
}

export function listedReferences(refs: unknown): ListedReference[] {
  if (!Array.isArray(refs)) return [];
  const out: ListedReference[] = [];
  for (const r of refs) {
    if (!isObject(r)) continue;
    const date = r.date instanceof Date ? r.date.toISOString().slice(0, 10) : typeof r.date === 'string' ? r.date : undefined;
    const words = new Set([...wordsOf(typeof r.title === 'string' ? r.title : ''), ...wordsOf(typeof r.id === 'string' ? r.id : '')]);
    const years = new Set(typeof r.title === 'string' ? r.title.match(YEAR_RE) ?? [] : []);
    out.push({ type: typeof r.type === 'string' ? r.type : undefined, date, words, years });
  }
  return out;
}

/** Same day, or the same month when the text gives only a month; no date on either side agrees. */
function datesAgree(listed: string | undefined, written: string | undefined): boolean {
  return !listed || !written || listed.startsWith(written);
}

/**
 * A year in the name the text gives ("Working Together 2023") must be the listed one's: the year in
 * its title, else the year of its date. Not read when the text dates the document itself (datesAgree
 * does), nor when the entry gives no year at all.
 */
function yearsAgree(r: ListedReference, p: DocumentPointer): boolean {
  if (p.date) return true;
  const written = p.target.match(YEAR_RE);
  if (!written) return true;
  const listed = r.years.size ? r.years : new Set(r.date ? [r.date.slice(0, 4)] : []);
  return !listed.size || written.some((y) => listed.has(y));
}

/** The words naming this particular document, if the text gives any beyond its kind. */
function namingWords(p: DocumentPointer): string[] {
  return wordsOf(p.target).filter((w) => !GENERIC.has(w) && !/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/.test(w));
}

export interface ListedMatch {
  /** The entry that is this document. */
  match?: ListedReference;
  /** An entry of the same type that is another version of it (a different date). */
  otherVersion?: ListedReference;
}

export function matchListed(listed: readonly ListedReference[], p: DocumentPointer): ListedMatch {
  const naming = namingWords(p);
  const titled = (r: ListedReference) => naming.length > 0 && naming.every((w) => r.words.has(w)) && yearsAgree(r, p);
  if (p.docType !== 'other') {
    const sameType = listed.filter((r) => r.type === p.docType);
    const match = sameType.find((r) => datesAgree(r.date, p.date) && yearsAgree(r, p)) ?? listed.find((r) => r.type === 'other' && titled(r));
    return match ? { match } : { otherVersion: sameType[0] };
  }
  // a document of no known type: its name must match; a bare "the report" matches any listed one
  const match = naming.length ? listed.find(titled) : listed.find((r) => r.type === 'other' && yearsAgree(r, p));
  return { match };
}
