/**
 * A learned second opinion on an expectation (issue 9): a logistic regression over the words and
 * word pairs of its wording, trained on the labelled domain and dev sets by
 * test/quality/expectationScorer.ts and committed as data (scorerWeights.ts, written by that
 * script with --write). The rule's structural judgement comes first; the scorer only overrides it
 * when it is confident: it adds a finding when the wording reads as a general aim the rule took
 * for an act, and clears one when the wording reads as clearly specific. The figures that decided
 * both thresholds are in that script's header.
 */
import { BIAS, WEIGHTS } from './scorerWeights';

/** How sure the scorer must be before it flags what the rule passed. */
export const FLAG_ABOVE = 0.8;
/** How sure it must be that the wording is specific before it clears what the rule flagged. */
export const CLEAR_BELOW = 0.1;

/** The features of a wording: its words (any run of digits as "0") and each pair of neighbouring words. */
export function scorerFeatures(text: string): Set<string> {
  const words = text.toLowerCase().replace(/’/g, "'").replace(/\d+/g, ' 0 ').match(/[a-z0]+(?:'[a-z]+)?/g) ?? [];
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    out.add(`w:${words[i]}`);
    if (i) out.add(`b:${words[i - 1]} ${words[i]}`);
  }
  return out;
}

/** The probability that a wording is generic, from its features and a set of weights. */
export function likelihoodOf(features: Iterable<string>, weights: ReadonlyMap<string, number>, bias: number): number {
  let z = bias;
  for (const k of features) z += weights.get(k) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** The probability, by the committed weights, that the wording is generic. */
export function genericLikelihood(text: string): number {
  return likelihoodOf(scorerFeatures(text), WEIGHTS, BIAS);
}

/** Is the scorer confident, by the committed weights, that the wording is generic? */
export function scorerFlags(text: string): boolean {
  return genericLikelihood(text) > FLAG_ABOVE;
}
