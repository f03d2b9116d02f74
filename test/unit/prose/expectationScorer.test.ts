import assert from 'node:assert/strict';
import { loadedAround } from '../../support/firstUse';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyseExpectation } from '../../../server/src/service/prose';
import { scorerFeatures, genericLikelihood, likelihoodOf, combine, RULE_WEIGHT, committedModel, hashWeights, HashTable } from '../../../server/src/service/prose/expectation/scorer';
import { pack, unpack } from '../../../server/src/service/prose/wordScorer';

const DATA = path.join(__dirname, '../../../server/src/service/data');
const readable = JSON.parse(readFileSync(path.join(DATA, 'expectation-scorer.json'), 'utf8')) as { bias: number; weights: Record<string, number> };
const BIAS = readable.bias;
const WEIGHTS = new Map(Object.entries(readable.weights));
const { unigrams, pairs } = committedModel();
import { trainOnLabelledSets } from '../../quality/expectationScorer';
import { loadCases } from '../../quality/sets';

describe('prose: the learned expectation scorer, weighed with the structure', () => {
  it('reads words (numbers as one word) and pairs of neighbouring words', () => {
    assert.deepEqual([...scorerFeatures('Take J to the GP on 12/3 at 10am')], [
      'w:take', 'w:j', 'b:take j', 'w:to', 'b:j to', 'w:the', 'b:to the', 'w:gp', 'b:the gp', 'w:on', 'b:gp on',
      'w:0', 'b:on 0', 'b:0 0', 'w:at', 'b:0 at', 'b:at 0', 'w:am', 'b:0 am',
    ]);
    assert.equal(scorerFeatures('').size, 0);
    assert.equal(likelihoodOf(scorerFeatures('Mother will take part.'), new Map(), 0), 0.5);
  });

  it('reads the hashed weights the training script wrote beside the readable ones, and they are those weights', () => {
    const packed = JSON.parse(readFileSync(path.join(DATA, 'expectation-scorer-hashed.json'), 'utf8')) as { bias: number; unigrams: string; pairs: string };
    const expected = hashWeights(BIAS, WEIGHTS);
    assert.equal(packed.bias, BIAS);
    assert.deepEqual(unpack(packed.unigrams), [...new HashTable(expected.unigrams).entries()].flat());
    assert.deepEqual(unpack(packed.pairs), [...new HashTable(expected.pairs).entries()].flat());
    assert.equal(committedModel().bias, BIAS);
  });

  it('packs a table as base64 and reads it back: sorted by hash, the whole 32-bit range, signed weights in ten-thousandths', () => {
    const flat = [0xffffffff, -2.5, 7, 0.0001, 0, 3.1416, 7, -0.0042];
    const back = unpack(pack(flat));
    assert.deepEqual(back, [0, 3.1416, 7, -0.0042, 0xffffffff, -2.5]);
    assert.match(pack(flat), /^[A-Za-z0-9+/]+=*$/);
    assert.deepEqual(unpack(pack([])), []);
  });

  it('looks weights up by hash: a hash written twice keeps its last weight and counts once, the whole 32-bit range', () => {
    const t = new HashTable([5, 1, 3, 2, 5, 9, 0xffffffff, 7, 0, 4]);
    assert.equal(t.size, 4);
    assert.deepEqual([t.get(5), t.get(3), t.get(0xffffffff), t.get(0), t.get(6)], [9, 2, 7, 4, undefined]);
    assert.equal(new HashTable([]).get(1), undefined);
  });

  it('scores in one hashed pass exactly as the features and weights say, with no two weights on one hash', () => {
    assert.equal(unigrams.size + pairs.size, WEIGHTS.size);
    const texts = [...loadCases('expectation-generic', 'dev'), ...loadCases('expectation-generic', 'domain')].map((c) => c.text);
    texts.push("J’s mum's appointment at 10am, don't 90's x'y ''a", '', '...', 'x'.repeat(3000));
    for (const t of texts) assert.equal(genericLikelihood(t), likelihoodOf(scorerFeatures(t), WEIGHTS, BIAS), t);
  });

  it('combines: a structural finding stands above 1/3, one is added above 2/3, a defined word keeps "specific"', () => {
    assert.equal(RULE_WEIGHT, 0.25);
    assert.equal(combine(true, false, 0.34), true);
    assert.equal(combine(true, false, 0.33), false);
    assert.equal(combine(false, false, 0.67), true);
    assert.equal(combine(false, false, 0.66), false);
    assert.equal(combine(false, true, 0.99), false);
  });

  it('adds a finding the structure missed, in plain words that say what to add', () => {
    const text = 'First, they want you to take drug and alcohol tests.';
    assert.equal(analyseExpectation({ expectation: text, parent: 'Parent' }, { scorer: false }).generic, false, 'the structure alone passes it');
    const a = analyseExpectation({ expectation: text, parent: 'Parent' });
    assert.equal(a.generic, true);
    assert.ok(!a.present.includes('behaviour'));
    assert.match(a.explanation, /does not say what Parent will do that a visitor could see/);
    assert.match(a.explanation, /no frequency/);
  });

  it('clears a structural finding when the words read as clearly specific', () => {
    const text = 'Keep an attendance chart at home. At the end of the week, I will recognize my child for attending preschool every day with a visit to the park, a new book, a special treat or a hug.';
    assert.ok(genericLikelihood(text) < 1 / 3);
    assert.equal(analyseExpectation({ expectation: text, parent: 'Mother' }, { scorer: false }).generic, true, 'the structure alone flags "recognize"');
    assert.equal(analyseExpectation({ expectation: text, parent: 'Mother' }).generic, false);
    // an aim with nothing concrete stays flagged
    assert.equal(analyseExpectation({ expectation: 'Mother will recognise the impact of her drinking on J.', parent: 'Mother' }).generic, true);
  });

  it('keeps "specific" where the sentence defines its own vague word, which the words alone cannot see', () => {
    for (const text of ['Mother will provide adequate housing, meaning a two-bedroom flat with running water.', 'Mother will use positive discipline, i.e. praising good behaviour and saying what is expected.']) {
      const a = analyseExpectation({ expectation: text, parent: 'Mother' });
      assert.ok(a.structure.explained, text);
      assert.equal(combine(false, false, genericLikelihood(text)), true, `the words alone would flag: ${text}`);
      assert.equal(a.generic, false, text);
    }
  });

  it('leaves a clear act with a time and a place alone', () => {
    for (const text of ['Mother will get J to school by 8.50am every school day.', 'Father will not drink alcohol during contact at the family centre on Saturdays.']) {
      assert.equal(analyseExpectation({ expectation: text, parent: 'Mother' }).generic, false, text);
    }
  });

  it('does not override the concretisers a service asks for', () => {
    const f = { expectation: 'Mother will cook a hot evening meal for J at least five days a week.', parent: 'Mother' };
    assert.equal(analyseExpectation(f).generic, false);
    assert.equal(analyseExpectation(f, { minConcretisers: 4 }).generic, true);
  });

  it('is the model the training script writes from the labelled sets (regenerate with --write)', () => {
    const m = trainOnLabelledSets();
    assert.equal(Math.round(m.bias * 10000) / 10000, BIAS);
    assert.equal(m.w.size, WEIGHTS.size, 'as many weights as the script keeps');
    for (const [k, x] of m.w) assert.equal(Math.round(x * 10000) / 10000, WEIGHTS.get(k), k);
  });
});

describe('prose: the learned scorer is built on first use', () => {
  it('a run that checks no expectation never reads the weights; the first expectation does', () => {
    const out = loadedAround('expectation-scorer-hashed.json', { uri: 'file:///w/supervision.yaml', sample: 'CH-000123/supervision-2025-10-09.yaml' }, { uri: 'file:///w/care-plan.yaml', sample: 'CH-000456/care-plan.yaml' });
    assert.deepEqual(out, { before: false, after: true });
  });
});
