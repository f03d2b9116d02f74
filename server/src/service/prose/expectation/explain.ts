/** The plain words of a finding: what made the expectation vague, what is missing, and a rewrite pattern. */
import { isSpaceCode } from '../tokens';
import type { ExpectationElement, Judgement } from './types';

const MISSING_WORDS: Record<ExpectationElement, string> = {
  behaviour: 'no behaviour a visitor could see',
  parent: 'no parent named',
  frequency: 'no frequency',
  checker: 'no one checks it',
  evidence: 'no evidence named',
  date: 'no date',
  support: 'no support named',
  consequence: 'nothing on what happens if it is not met',
};

/** `s.replace(/[.;,\s]+$/, '')` without the regex's retry at every punctuation run. */
function trimEndPunctuation(s: string): string {
  let e = s.length;
  while (e > 0) {
    const c = s.charCodeAt(e - 1);
    if (c === 46 || c === 59 || c === 44 || isSpaceCode(c)) e--;
    else break;
  }
  return e === s.length ? s : s.slice(0, e);
}

export function pronounFor(parent: string): string {
  const p = parent.toLowerCase();
  if (/\b(?:mother|mum|ms|mrs|miss|grandmother|nan|aunt|stepmother|step-mother)\b/.test(p)) return 'she';
  if (/\b(?:father|dad|mr|grandfather|uncle|stepfather|step-father)\b/.test(p)) return 'he';
  return 'they';
}

/** Why the behaviour is not observable, in words naming the trigger phrase. */
function whyNotObservable(bad: Judgement | undefined, trigger: string | undefined, who: string): string {
  const phrase = trigger ? `'${trigger}'` : '';
  const pron = pronounFor(who);
  switch (bad?.kind) {
    case 'copula':
      return `says what ${who} should be, not what ${pron} will do`;
    case 'process':
      return `${phrase} is a process, not a change a visitor could see`;
    case 'evaluative':
      return `${phrase} has no standard anyone could check`;
    case 'vague-noun':
      return `${phrase} does not say what ${who} will actually do`;
    case 'hedge':
      return `${phrase} leaves open what ${who} will do`;
    case 'abstract':
      return `${phrase} is an aim or attitude, not something a visitor could see or count`;
    default:
      return `does not say what ${who} will do that a visitor could see`;
  }
}

export interface Verdict {
  observable: boolean;
  /** the first verb phrase found vague */
  bad?: Judgement;
  trigger?: string;
  who: string;
  has: Record<ExpectationElement, boolean>;
  missing: ExpectationElement[];
  /** concretisers present, and how many are needed */
  count: number;
  min: number;
}

/** The explanation: what is vague, then the concretisers missing. */
export function explain(v: Verdict): string {
  const parts: string[] = [];
  if (!v.observable) parts.push(whyNotObservable(v.bad, v.trigger, v.who));
  // support and consequence are optional extras: not worth naming while the behaviour itself is missing
  const shown = v.observable ? v.missing : v.missing.filter((e) => e !== 'support' && e !== 'consequence');
  for (const e of shown) parts.push(MISSING_WORDS[e]);
  if (v.observable && v.count < v.min) parts.unshift(`needs at least ${v.min} of: named parent, frequency, who checks, evidence, date, support, consequence`);
  return parts.length ? parts.join('; ') : 'specific: an observable behaviour with what makes it checkable';
}

/** A worked rewrite: the behaviour kept when it is observable, with placeholders for what is missing. */
export function rewrite(v: Verdict, text: string): string {
  const tailParts: string[] = [];
  if (!v.has.checker) tailParts.push('checked by <who>');
  if (!v.has.evidence) tailParts.push('evidenced by <what>');
  if (!v.has.date) tailParts.push('by <date>');
  const tail = tailParts.length ? ` — ${tailParts.join(', ')}` : '';
  const often = v.has.frequency ? '' : ' <how often>';
  if (v.observable) return `${trimEndPunctuation(text.trim())}${often}${tail}`;
  return `${v.who} will <do something a visitor could see>${often}${tail}`;
}
