// Issue 14, item 2: the status item is honest — a YAML file careplan does not check is "not a
// record", never "no findings"; a record not yet checked is "checking"; counts are in the text
// itself (the status bar), not behind the language-status icon.
import { strict as assert } from 'node:assert';
import { statusText } from '../../../client/src/statusText';

const none = { errors: 0, warnings: 0, others: 0 };

describe('client: the status item\'s words', () => {
  it('says "not a record" for a YAML file careplan does not check, with no tick', () => {
    const s = statusText({ state: 'not-record' }, none);
    assert.match(s.text, /not a record/);
    assert.doesNotMatch(s.text, /no findings|check\)/);
  });

  it('says "no findings" only for a record whose check is in', () => {
    assert.match(statusText({ state: 'record', kind: 'review', checked: true }, none).text, /^\$\(check\) careplan: no findings$/);
    assert.match(statusText({ state: 'record', kind: 'review', checked: false }, none).text, /checking/);
    assert.doesNotMatch(statusText({ state: 'unknown' }, none).text, /no findings/);
  });

  it('puts the counts in the text', () => {
    assert.equal(statusText({ state: 'record', kind: 'review', checked: true }, { errors: 1, warnings: 3, others: 0 }).text, '$(error) careplan: 1 error, 3 warnings');
    assert.equal(statusText({ state: 'record', kind: 'care-plan', checked: true }, { errors: 0, warnings: 1, others: 2 }).text, '$(warning) careplan: 1 warning, 2 notes');
  });

  it('shows findings on a file careplan could not read as a record (a near-miss kind:)', () => {
    assert.equal(statusText({ state: 'not-record' }, { errors: 1, warnings: 0, others: 0 }).text, '$(error) careplan: 1 error');
  });

  it('says when the checks are off', () => {
    assert.match(statusText({ state: 'off' }, none).text, /off/);
  });
});
