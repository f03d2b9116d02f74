/**
 * A learned second opinion on a supervision reflection (issue 11), as expectation-generic has one:
 * a logistic regression over the words and word pairs of the reflection and discussion
 * (wordScorer.ts), trained on the labelled domain and dev sets by
 * test/quality/reflectionScorer.ts and committed as data (data/reflection-scorer.json, and hashed
 * in reflection-scorer-hashed.json, both written by that script with --write). On four batches
 * labelled after the cues were written (two real, two written from DOMAIN.md: 320 items), with the
 * verdicts the rule recorded before it was tuned on them and the scorer trained without them, the
 * rule scored 0.768 (P 0.689), the words 0.857 (P 0.831), the two at this weight 0.839: reflective
 * writing has more ways to be put than the cues can list, and its words carry it. The structure
 * still explains a finding (the parts it found missing) and still decides a record too short to
 * say anything.
 */
import { wordLikelihood, wordModel, type PackedWeights, type WordModel } from '../wordScorer';

let committed: WordModel | undefined;

/** The committed model, read on first use (a run with no supervision record pays nothing). */
export function committedReflectionModel(): WordModel {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  committed ??= wordModel(require('../../data/reflection-scorer-hashed.json') as PackedWeights);
  return committed;
}

/**
 * How much the structure's verdict counts beside the scorer's probability: thin when
 * REFLECTION_RULE_WEIGHT × structure + (1 − REFLECTION_RULE_WEIGHT) × probability > 0.5, so the
 * words decide and the structure breaks near-ties (its "thin" stands above 0.44, the words alone
 * flag above 0.56). Lower weights did as well or a little better on those batches (0.05: 0.847,
 * none: 0.857); this keeps a finding and its explanation from the structure where the words are
 * unsure.
 */
export const REFLECTION_RULE_WEIGHT = 0.1;

/** The probability, by the committed weights, that the text is a thin reflection. */
export function thinLikelihood(text: string): number {
  return wordLikelihood(text, committedReflectionModel());
}

/** Thin, by the structure's verdict and the scorer's probability together. */
export function combineReflection(structuralThin: boolean, likelihood: number): boolean {
  return REFLECTION_RULE_WEIGHT * (structuralThin ? 1 : 0) + (1 - REFLECTION_RULE_WEIGHT) * likelihood > 0.5;
}
