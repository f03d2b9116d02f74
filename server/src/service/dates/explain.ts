/**
 * Plain-words explanations shared by the timescale readers: quoting what was written, the
 * suggestion to give a date, why a vague phrase is vague, and the team's own vague phrases.
 */
import { addDays, isCheckableDate } from './calendar';
import type { VagueClass } from './phrases';
import type { TimescaleAnchors, TimescaleResult } from './types';

export function quote(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return `'${t.length > 60 ? `${t.slice(0, 57)}…` : t}'`;
}

/** The date the messages propose for an action with no real timescale: four weeks after the record's date. */
export function proposedDue(anchors: TimescaleAnchors): string | undefined {
  const four = anchors.documentDate ? addDays(anchors.documentDate, 28) : undefined;
  return isCheckableDate(four) ? four : undefined; // never a date the schema would refuse
}

export function example(anchors: TimescaleAnchors): string {
  const due = proposedDue(anchors) ?? 'YYYY-MM-DD';
  const bounded = anchors.reviewNumber !== undefined ? "'within 4 weeks of this review'" : "'within 4 weeks'";
  return `give a date (due: ${due}) or a bounded timescale such as ${bounded}`;
}

export const WHY: Readonly<Record<VagueClass | 'contingent' | 'team', (q: string) => string>> = {
  ongoing: (q) => `${q} does not say when this will be done or checked`,
  urgency: (q) => `${q} gives no date, so nobody can tell when it is late`,
  deferral: (q) => `${q} leaves the timing open`,
  undecided: (q) => `${q} leaves the timescale to be decided later`,
  frequency: (q) => `${q} does not say how often or until when`,
  period: (q) => `${q} is not a period anyone can check`,
  status: (q) => `${q} is a progress note, not a timescale`,
  contingent: (q) => `${q} waits on something with no date, so it does not say when this will be done`,
  team: (q) => `${q} is on this team's list of vague timescales`,
};

export function vague(phrase: string, cls: VagueClass | 'contingent' | 'team', anchors: TimescaleAnchors, why?: string): TimescaleResult {
  const suggestion = cls === 'frequency'
    ? "say how often and until when, such as 'every 6 weeks until the next review'"
    : cls === 'contingent'
      ? `${example(anchors)}, or add an end date to the event it waits on`
      : example(anchors);
  return { status: 'vague', phrase, why: why ?? WHY[cls](quote(phrase)), suggestion };
}

// Team phrases: the config's extra vague phrases, compiled once per list.

/** A team phrase found in a text: the words as written there (`[0]`) and where they start. */
export type PhraseMatch = [string] & { index: number };

/**
 * Finds the first of a list of phrases in a text, as whole words, ignoring case, with any run of
 * spaces and hyphens standing for one space (as phraseRegex does). A team may list thousands of
 * phrases: they go in one Set, looked up from each word start only for the lengths of phrases
 * that begin with that word, so the time depends on the text, not on the length of the list
 * (one regex of 20,000 alternatives is slow, and too large for V8 beyond that).
 */
export class PhraseMatcher {
  private readonly phrases = new Set<string>();
  /** For each first word (or first character, if not a word character): the phrase lengths, longest first. */
  private readonly lengthsByStart = new Map<string, number[]>();

  constructor(list: readonly unknown[]) {
    for (const p of list) {
      if (typeof p !== 'string') continue;
      const n = normalise(p.trim()).text;
      if (!n || this.phrases.has(n)) continue;
      this.phrases.add(n);
      const start = firstWord(n, 0);
      const lengths = this.lengthsByStart.get(start) ?? [];
      if (!lengths.includes(n.length)) lengths.push(n.length);
      this.lengthsByStart.set(start, lengths);
    }
    for (const l of this.lengthsByStart.values()) l.sort((a, b) => b - a);
  }

  exec(text: string): PhraseMatch | null {
    if (this.phrases.size === 0) return null;
    const { text: n, at } = normalise(text);
    for (let i = 0; i < n.length; i++) {
      if (i > 0 && isWordChar(n.charCodeAt(i - 1))) continue;
      const lengths = this.lengthsByStart.get(firstWord(n, i));
      if (!lengths) continue;
      for (const len of lengths) {
        const end = i + len;
        if (end > n.length || (end < n.length && isWordChar(n.charCodeAt(end)))) continue;
        if (!this.phrases.has(n.slice(i, end))) continue;
        const m = [text.slice(at[i], at[end - 1]! + 1)] as PhraseMatch;
        m.index = at[i]!;
        return m;
      }
    }
    return null;
  }
}

/** `\w` as regexes read it: ASCII letters, digits and underscore. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** The word starting at `i` (or the one character there, if it is not a word character). */
function firstWord(n: string, i: number): string {
  let j = i;
  while (j < n.length && isWordChar(n.charCodeAt(j))) j++;
  return j === i ? n.charAt(i) : n.slice(i, j);
}

/** Lower case, each run of spaces and hyphens one space; `at[k]` is where character k came from. */
function normalise(s: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  let inSpace = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (SPACE_OR_HYPHEN.test(ch)) {
      if (inSpace) continue;
      inSpace = true;
      text += ' ';
    } else {
      inSpace = false;
      const lower = ch.toLowerCase();
      text += lower.length === 1 ? lower : ch; // one character for one, so `at` stays true
    }
    at.push(i);
  }
  return { text, at };
}

const SPACE_OR_HYPHEN = /[\s-]/;

// A short key per distinct list, for memo signatures: the list itself may be megabytes.
const keyOfList = new WeakMap<readonly string[], string>();
const keyOfText = new Map<string, string>();
let nextKey = 0;

/** A short key that is the same for two lists with the same phrases in the same order, and different otherwise. */
export function phrasesKey(phrases: readonly string[] | undefined): string {
  if (!phrases || phrases.length === 0) return '';
  let key = keyOfList.get(phrases);
  if (key !== undefined) return key;
  const joined = phrases.join('\u0000');
  key = keyOfText.get(joined);
  if (key === undefined) {
    if (keyOfText.size >= 32) keyOfText.clear(); // keys are never reused, so clearing is safe
    key = `phrases#${nextKey++}`;
    keyOfText.set(joined, key);
  }
  keyOfList.set(phrases, key);
  return key;
}

const matchers = new Map<string, PhraseMatcher>();

/** The matcher for the team's phrases (built once per list), or undefined when there are none. */
export function teamRegex(phrases: readonly string[] | undefined): PhraseMatcher | undefined {
  if (!phrases || phrases.length === 0) return undefined;
  const key = phrasesKey(phrases);
  let m = matchers.get(key);
  if (!m) {
    if (matchers.size >= 32) matchers.clear();
    m = new PhraseMatcher(phrases);
    matchers.set(key, m);
  }
  return m;
}
