/** What the author reads in hovers: holidays and months as proper names, one wording for "no date". */
import assert from 'node:assert/strict';
import { resolveTimescale } from '../../../server/src/service/dates';

function how(text: string, documentDate?: string): string {
  const r = resolveTimescale(text, documentDate ? { documentDate } : {});
  assert.ok('how' in r, `${text} resolves`);
  return (r as { how: string }).how;
}

describe('timescale wording', () => {
  it('writes holidays and months as proper names', () => {
    assert.match(how('by the october half term', '2025-09-01'), /^the October half term, taken as 24 October 2025/);
    assert.match(how('before xmas', '2025-09-01'), /^Christmas, taken as 25 December 2025/);
    assert.match(how('by the end of the easter holidays', '2025-09-01'), /the Easter holidays/);
  });

  it('says plainly when the record has no date to count from', () => {
    assert.match(how('within 2 weeks'), /this record has no date to count from/);
  });
});
