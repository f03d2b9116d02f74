import assert from 'node:assert/strict';
import { scoreAll, FLOORS, Score } from './score';

describe('accuracy of the prose rules on the labelled sets', function () {
  this.timeout(120_000);
  let scores: Score[] = [];
  before(async () => {
    scores = await scoreAll();
  });
  for (const rule of ['expectation-generic', 'action-timescale', 'reference-unlinked']) {
    it(`${rule}: F1 ≥ ${FLOORS.f1} and precision ≥ ${FLOORS.precision}`, () => {
      const s = scores.find((x) => x.rule === rule)!;
      const detail = `P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} F1=${s.f1.toFixed(3)} on ${s.items} items\n${s.misses.join('\n')}`;
      assert.ok(s.items >= 60, `only ${s.items} items`);
      assert.ok(s.f1 >= FLOORS.f1, detail);
      assert.ok(s.precision >= FLOORS.precision, detail);
    });
  }
});
