/**
 * A learned second opinion on an expectation (issue 9): a logistic regression over the words and
 * word pairs of its wording, trained on the labelled domain and dev sets by
 * test/quality/expectationScorer.ts and committed as data (scorerWeights.ts, written by that
 * script with --write). Its probability is weighed with the structural judgement (combine): on
 * batches of real text the rule had not been tuned on, the words generalised better than the
 * structure alone, and the two together better than either. The figures are in that script's header.
 */
import { BIAS, WEIGHTS } from './scorerWeights';

/**
 * How much the structure's verdict counts beside the scorer's probability (which counts for the
 * rest): generic when RULE_WEIGHT × structure + (1 − RULE_WEIGHT) × probability > 0.5, i.e. a
 * finding the structure makes stands when the scorer gives more than 1/3, and one it does not
 * make is added above 2/3. Chosen on batches the rule had not been tuned on (see the script).
 */
export const RULE_WEIGHT = 0.25;

/**
 * The verdict from the structure's and the scorer's together. When the structure found the
 * sentence defining or explaining its own vague word ("adequate housing, meaning a two-bedroom
 * flat"), its "specific" stands: a list of words cannot see that.
 */
export function combine(structural: boolean, explained: boolean, likelihood: number): boolean {
  if (!structural && explained) return false;
  return RULE_WEIGHT * (structural ? 1 : 0) + (1 - RULE_WEIGHT) * likelihood > 0.5;
}

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

/** Is the wording generic, by the structure's verdict and the committed weights together? */
export function scorerVerdict(structural: boolean, explained: boolean, text: string): boolean {
  return combine(structural, explained, genericLikelihood(text));
}
