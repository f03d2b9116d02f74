/**
 * Is a parental expectation specific? Finds the parent's verb phrases (clauses.ts), judges each
 * from its parts — the verb's class and its object (judge.ts, vagueness.ts) — and then counts the
 * concretisers from the text and the other fields (explain.ts words the result).
 * A learned scorer over the wording's words (scorer.ts) can add a finding the structure missed.
 * Pure, cheap (no NLP library on this path): a few regexes and map lookups per call.
 */
import { SOFT_HEDGES, PARENT_RE, EFFORT_HEDGES } from '../lexicon';
import { FREQUENCY_RE, DATE_RE, CHECKER_RE, EVIDENCE_RE, SUPPORT_RE, CONSEQUENCE_RE } from '../concretisers';
import { Clauses } from './clauses';
import { judge } from './judge';
import { extraRegex } from './vagueness';
import { ownerIsParent, parentSubject } from './subject';
import { explain, rewrite, type Verdict } from './explain';
import { scorerVerdict } from './scorer';
import { CONCRETISERS, ELEMENTS, type ExpectationAnalysis, type ExpectationElement, type ExpectationFields, type ExpectationOptions, type Judgement } from './types';

export type { ExpectationAnalysis, ExpectationElement, ExpectationFields, ExpectationOptions } from './types';

/** Effort in place of the act: "try to" (judge.ts), "do my best to", "all you can" (lexicon.ts). */
const EFFORT_RE = new RegExp(String.raw`^(?:(?:try|tries|tried|trying)\b|(?:${EFFORT_HEDGES})\b)`);

/**
 * A hedge the learned scorer may not overrule: effort in place of the act, or a phrase the team's
 * config names as vague. Other hedges ("relevant", "any concerns") are weighed with the rest of the
 * wording ("hand the relevant consent form to the school office by Friday 3 May" is specific).
 */
function hedgeOverrulesScorer(c: Clauses, bad: Judgement): boolean {
  if (bad.start === undefined || bad.end === undefined) return false;
  return c.extra.some((x) => x.start === bad.start) || EFFORT_RE.test(c.lower.slice(bad.start, bad.end));
}

/** A real expectation is a sentence or two; the work on pasted essays is capped. */
const MAX_CHARS = 2000;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Each obligation (a verb after will / must / to…, or coordinated with one) is judged on its own:
 * the expectation is observable only if every obligation is — an abstract one counts as met when
 * an elaboration says how it is done ("engage with X by attending …").
 */
function judgeObligations(c: Clauses, fieldsLower: () => string): { observable: boolean; bad?: Judgement } {
  const slots = c.slots();
  // a condition or time clause ("until the GAL agrees that she is able to…") is not an obligation,
  // unless nothing else is
  const main = slots.some((s) => s.actor === 'parent' && !s.subordinate);
  let anyObservable = false;
  let firstBad: Judgement | undefined;
  const heads: { ok: boolean; j: Judgement; explained?: boolean }[] = [];
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i];
    if (slot.actor !== 'parent' || (main && slot.subordinate)) continue;
    let j = judge(c, slots, i, fieldsLower);
    // an example names acts: "such as praising good behaviour" is heard whatever is praised
    if (slot.defining && !j.observable && (j.kind === 'evaluative' || j.kind === 'vague-noun')) {
      j = { observable: true, vpStart: j.vpStart, vpEnd: j.vpEnd };
      c.explained = true;
    }
    if (j.observable) anyObservable = true;
    else firstBad ??= j;
    if (slot.gerund) {
      // an elaboration or an example that names an act explains the verb before ("engage … by going…");
      // examples that are themselves vague leave it vague ("actions such as attending courses")
      if (j.observable && heads.length) {
        if (!heads[heads.length - 1].ok) c.explained = true;
        heads[heads.length - 1].ok = true;
      }
      else if (slot.defining && heads.length && !heads[heads.length - 1].explained) heads[heads.length - 1].ok = false;
      if (j.observable && heads.length) heads[heads.length - 1].explained = true;
    } else if (!slot.purpose) heads.push({ ok: j.observable, j });
  }
  const failing = heads.find((h) => !h.ok);
  return { observable: heads.length ? !failing : anyObservable, bad: failing ? failing.j : firstBad };
}

/** The phrase to point at: what made it vague, else any soft hedge worth pointing at. */
function triggerOf(text: string, lower: string, bad: Judgement | undefined): ExpectationAnalysis['trigger'] {
  if (bad && bad.start !== undefined && bad.end !== undefined) return { start: bad.start, end: bad.end, text: text.slice(bad.start, bad.end) };
  const s = SOFT_HEDGES.exec(lower);
  return s ? { start: s.index, end: s.index + s[0].length, text: text.slice(s.index, s.index + s[0].length) } : undefined;
}

/** Judges whether a parental expectation names an observable behaviour and what concretises it. */
export function analyseExpectation(fields: ExpectationFields, options: ExpectationOptions = {}): ExpectationAnalysis {
  const full = fields.expectation ?? '';
  const text = full.length > MAX_CHARS ? full.slice(0, MAX_CHARS) : full;
  const min = options.minConcretisers ?? 1;
  const c = new Clauses(text, extraRegex(options.extraVaguePhrases));
  const lower = c.lower;
  // the other fields, lower-cased: built only if a rule needs to look at them
  let fieldsText: string | undefined;
  const fieldsLower = (): string =>
    (fieldsText ??= [fields.evidence, fields.by, fields.support, fields.if_not_met]
      .filter((x): x is string => typeof x === 'string')
      .join(' ; ')
      .toLowerCase());

  const judged = judgeObligations(c, fieldsLower);
  const parentMatch = PARENT_RE.exec(lower);
  const parentName = fields.parent?.trim() || (parentMatch ? capitalise(text.substr(parentMatch.index, parentMatch[0].length)) : '');
  const has: Record<ExpectationElement, boolean> = {
    behaviour: judged.observable,
    parent: !!parentName,
    frequency: FREQUENCY_RE.test(lower),
    checker: c.checkerClause || CHECKER_RE.test(lower) || CHECKER_RE.test(fieldsLower()),
    evidence: !!fields.evidence?.trim() || EVIDENCE_RE.test(lower),
    date: !!fields.by?.trim() || DATE_RE.test(lower),
    support: !!fields.support?.trim() || SUPPORT_RE.test(lower),
    consequence: !!fields.if_not_met?.trim() || CONSEQUENCE_RE.test(lower),
  };
  const count = CONCRETISERS.filter((e) => has[e]).length;
  const structural = !judged.observable || count < min;
  // the learned scorer (scorer.ts) weighs in on whether a behaviour is named; the concretisers a
  // service asks for (minConcretisers) stay a requirement of their own
  // a hedge is decisive ("try to", "as and when needed", a phrase the team's config names as vague): words
  // around it cannot make the act any less open, so the scorer does not overrule it
  const hedged = !judged.observable && judged.bad?.kind === 'hedge' && hedgeOverrulesScorer(c, judged.bad);
  const generic = count < min || (options.scorer === false ? !judged.observable : hedged || scorerVerdict(!judged.observable, c.explained, text));
  // a finding the structure did not make: the wording reads as an aim, so no behaviour is named
  const added = generic && !structural;
  if (added) has.behaviour = false;
  const observable = has.behaviour;
  const bad = added ? undefined : judged.bad;
  const present = ELEMENTS.filter((e) => has[e]);
  const missing = CONCRETISERS.filter((e) => !has[e]);
  const trigger = triggerOf(text, lower, bad);
  const verdict: Verdict = { observable, bad, trigger: trigger?.text, who: parentName || 'The parent', has, missing, count, min };
  return {
    generic,
    structure: { generic: structural, explained: c.explained },
    present,
    missing,
    explanation: explain(verdict),
    rewrite: rewrite(verdict, full),
    ...(trigger ? { trigger } : {}),
  };
}

/**
 * The parent an action is expected of: its owner when that is a parent, else the parent its
 * wording makes the subject ("Mother to engage with services", "It is recommended that the
 * father attends…"). Undefined for anyone else's action.
 */
export function actionParent(owner: string | undefined, wording: string): string | undefined {
  return ownerIsParent(owner) ?? parentSubject(wording, !owner?.trim());
}
