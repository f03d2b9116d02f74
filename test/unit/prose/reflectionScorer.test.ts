import assert from 'node:assert/strict';
import { loadedAround } from '../../support/firstUse';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { judgeReflection, MIN_WORDS } from '../../../server/src/service/prose/reflection';
import { combineReflection, committedReflectionModel, REFLECTION_RULE_WEIGHT, thinLikelihood } from '../../../server/src/service/prose/reflection/scorer';
import { HashTable, hashWeights, likelihoodOf, scorerFeatures, unpack } from '../../../server/src/service/prose/wordScorer';
import { trainOnLabelledSets } from '../../quality/reflectionScorer';
import { loadCases } from '../../quality/sets';

const DATA = path.join(__dirname, '../../../server/src/service/data');
const readable = JSON.parse(readFileSync(path.join(DATA, 'reflection-scorer.json'), 'utf8')) as { bias: number; weights: Record<string, number> };
const WEIGHTS = new Map(Object.entries(readable.weights));

describe('prose: the learned reflection scorer, weighed with the structure', () => {
  it('reads the hashed weights written beside the readable ones, and they are those weights', () => {
    const packed = JSON.parse(readFileSync(path.join(DATA, 'reflection-scorer-hashed.json'), 'utf8')) as { bias: number; unigrams: string; pairs: string };
    const expected = hashWeights(readable.bias, WEIGHTS);
    assert.equal(packed.bias, readable.bias);
    assert.deepEqual(unpack(packed.unigrams), [...new HashTable(expected.unigrams).entries()].flat());
    assert.deepEqual(unpack(packed.pairs), [...new HashTable(expected.pairs).entries()].flat());
    const { unigrams, pairs } = committedReflectionModel();
    assert.equal(unigrams.size + pairs.size, WEIGHTS.size);
  });

  it('scores in one hashed pass exactly as the features and weights say', () => {
    const texts = [...loadCases('supervision-reflection', 'domain'), ...loadCases('supervision-reflection', 'dev')].map((c) => c.text.split(' | ')[0]);
    texts.push('J’s mum\'s 3rd visit, don\'t 90\'s', '', 'x'.repeat(3000));
    for (const t of texts) assert.equal(thinLikelihood(t), likelihoodOf(scorerFeatures(t), WEIGHTS, readable.bias), t);
  });

  it('is the model the training script writes from the labelled sets (regenerate with --write)', () => {
    const m = trainOnLabelledSets();
    assert.equal(Math.round(m.bias * 10000) / 10000, readable.bias);
    assert.equal(m.w.size, WEIGHTS.size, 'as many weights as the script keeps');
    for (const [k, x] of m.w) assert.equal(Math.round(x * 10000) / 10000, WEIGHTS.get(k), k);
  });

  it('combines: the structure’s "thin" stands above 0.44, the words alone flag above 0.56', () => {
    assert.equal(REFLECTION_RULE_WEIGHT, 0.1);
    assert.equal(combineReflection(true, 0.45), true);
    assert.equal(combineReflection(true, 0.44), false);
    assert.equal(combineReflection(false, 0.56), true);
    assert.equal(combineReflection(false, 0.55), false);
  });

  it('passes a reflection that reads a child’s life without the cue words the structure looks for', () => {
    const text = 'J is carrying the household. At nine he gets his sister up, makes toast and walks her to school, and his own attendance has fallen to 70%. He is proud of this and will not say he is tired. Left as it is, his childhood is being used up looking after others.';
    assert.equal(judgeReflection({ reflection: text }, { scorer: false }).thin, true, 'the structure alone flags it');
    const j = judgeReflection({ reflection: text });
    assert.equal(j.thin, false);
    assert.equal(j.explanation, '');
  });

  it('flags reasons that rest on attendance and "no concerns", with what is missing in plain words', () => {
    const text = 'Because Mother has attended every session and because the school reports no concerns, the plan is working and should continue as agreed. The risk is low because the professionals agree. The case can step down at the next review because everything is on track and nothing has changed.';
    assert.equal(judgeReflection({ reflection: text }, { scorer: false }).thin, false, 'the structure alone passes it');
    const j = judgeReflection({ reflection: text });
    assert.equal(j.thin, true);
    assert.match(j.explanation, /does not say what life is like for the child/);
  });

  it('keeps a record too short to say anything thin, whatever its words', () => {
    // reasons and worry words, and nothing about a child: a line or two is thin however it is put
    const text = 'I am worried because the risk may be higher than we think, so on balance we should think about why, because the reasons matter.';
    assert.ok(thinLikelihood(text) < 0.5, 'the words alone would pass it');
    const j = judgeReflection({ reflection: text });
    assert.ok(j.words < MIN_WORDS);
    assert.equal(j.thin, true);
  });
});

describe('prose: the structure under the reflection scorer (it explains a finding and breaks near-ties)', () => {
  const structure = (reflection: string) => judgeReflection({ reflection }, { scorer: false });
  it('reads what an experience means to the child as a reason', () => {
    const j = structure("J is sad and anxious at bedtime and often cries when his carer turns the light off. He talks a lot about his old bedroom at his mum's. He blames himself for the move and thinks he was sent away for being naughty.");
    assert.equal(j.thin, false);
    assert.ok(j.present.includes('why'), j.present.join());
  });

  it('reads three parts about the adults only as thin, with nothing on the child', () => {
    const j = structure('The father is expected at anger management but has missed two sessions, because he says he only gets angry when his wife provokes him. His drinking is getting worse and the police have been called twice this month.');
    assert.equal(j.thin, true);
    assert.match(j.explanation, /does not say what life is like for the child/);
  });
});

describe('prose: the reflection scorer is built on first use', () => {
  it('a run that checks no supervision record never reads its weights; the first supervision record does', () => {
    const out = loadedAround('reflection-scorer-hashed.json', { uri: 'file:///w/care-plan.yaml', sample: 'CH-000456/care-plan.yaml' }, { uri: 'file:///w/supervision.yaml', sample: 'CH-000123/supervision-2025-10-09.yaml' });
    assert.deepEqual(out, { before: false, after: true });
  });
});
