/**
 * A learned second opinion on an expectation (issue 9): a logistic regression over the words and
 * word pairs of its wording, trained on the labelled domain and dev sets by
 * test/quality/expectationScorer.ts and committed as data (data/expectation-scorer.json, and the
 * same weights hashed in expectation-scorer-hashed.json, both written by that script with --write).
 * Its probability is weighed with the structural judgement (combine): on batches of real text the
 * rule had not been tuned on, the words generalised better than the structure alone, and the two
 * together better than either. The figures are in that script's header.
 */
import { wordLikelihood, wordModel, type PackedWeights, type WordModel } from '../wordScorer';

export { HashTable, hashWeights, likelihoodOf, scorerFeatures } from '../wordScorer';

let committed: WordModel | undefined;

/**
 * The committed model, read on first use (a run with no expectation in it pays nothing). It is
 * read in its hashed form, written beside the readable weights by the training script: building it
 * from the 12,000 readable weights cost about 60 ms a process (parse, a map of strings, hashing);
 * this form about 10 ms, most of it reading the file.
 */
export function committedModel(): WordModel {
  if (!committed) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const data = require('../../data/expectation-scorer-hashed.json') as PackedWeights;
    committed = wordModel(data);
  }
  return committed;
}

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

/** The probability, by the committed weights, that the wording is generic. */
export function genericLikelihood(text: string): number {
  return wordLikelihood(text, committedModel());
}

/** Is the wording generic, by the structure's verdict and the committed weights together? */
export function scorerVerdict(structural: boolean, explained: boolean, text: string): boolean {
  return combine(structural, explained, genericLikelihood(text));
}
