import assert from 'node:assert/strict';
import { analyseExpectation } from '../../../server/src/service/prose';
import { scorerFeatures, scorerFlags, genericLikelihood, likelihoodOf, FLAG_ABOVE, CLEAR_BELOW } from '../../../server/src/service/prose/expectation/scorer';
import { BIAS, WEIGHTS } from '../../../server/src/service/prose/expectation/scorerWeights';
import { trainOnLabelledSets } from '../../quality/expectationScorer';

describe('prose: the learned expectation scorer', () => {
  it('reads words (numbers as one word) and pairs of neighbouring words', () => {
    assert.deepEqual([...scorerFeatures('Take J to the GP on 12/3 at 10am')], [
      'w:take', 'w:j', 'b:take j', 'w:to', 'b:j to', 'w:the', 'b:to the', 'w:gp', 'b:the gp', 'w:on', 'b:gp on',
      'w:0', 'b:on 0', 'b:0 0', 'w:at', 'b:0 at', 'b:at 0', 'w:am', 'b:0 am',
    ]);
    assert.equal(scorerFeatures('').size, 0);
  });

  it('adds a finding the structure missed, in plain words that say what to add', () => {
    const text = 'First, they want you to take drug and alcohol tests.';
    assert.ok(scorerFlags(text), 'the scorer is confident this reads as a general requirement');
    const a = analyseExpectation({ expectation: text, parent: 'Parent' });
    assert.equal(a.generic, true);
    assert.ok(!a.present.includes('behaviour'));
    assert.match(a.explanation, /does not say what Parent will do that a visitor could see/);
    assert.match(a.explanation, /no frequency/);
  });

  it('leaves a clear act with a time and a place alone', () => {
    for (const text of ['Mother will get J to school by 8.50am every school day.', 'Father will not drink alcohol during contact at the family centre on Saturdays.']) {
      assert.equal(scorerFlags(text), false, text);
      assert.equal(analyseExpectation({ expectation: text, parent: 'Mother' }).generic, false, text);
    }
  });

  it('clears what the structure flagged only when it is sure the wording is specific', () => {
    const text = 'Keep an attendance chart at home. At the end of the week, I will recognize my child for attending preschool every day with a visit to the park, a new book, a special treat or a hug.';
    assert.ok(genericLikelihood(text) < CLEAR_BELOW);
    assert.equal(analyseExpectation({ expectation: text, parent: 'Mother' }, { scorer: false }).generic, true, 'the structure alone flags "recognize"');
    assert.equal(analyseExpectation({ expectation: text, parent: 'Mother' }).generic, false);
    // an aim with nothing concrete stays flagged
    assert.equal(analyseExpectation({ expectation: 'Mother will recognise the impact of her drinking on J.', parent: 'Mother' }).generic, true);
  });

  it('flags only above its threshold', () => {
    const f = scorerFeatures('Mother will take part.');
    assert.equal(likelihoodOf(f, new Map(), 0), 0.5);
    assert.ok(FLAG_ABOVE > 0.5 && FLAG_ABOVE < 1);
  });

  it('is the model the training script writes from the labelled sets (regenerate with --write)', () => {
    const m = trainOnLabelledSets();
    assert.equal(Math.round(m.bias * 10000) / 10000, BIAS);
    assert.equal(m.w.size, WEIGHTS.size, 'as many weights as the script keeps');
    for (const [k, x] of m.w) assert.equal(Math.round(x * 10000) / 10000, WEIGHTS.get(k), k);
  });
});
