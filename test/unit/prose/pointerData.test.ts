/**
 * The pointer scan's word lists as reviewed data: every cue and every document word has a
 * sentence it is there for. With the entry, that sentence holds a pointer; without it, the cue (or
 * the document's name) is no longer found — so an entry nothing needs cannot stay unnoticed.
 */
import assert from 'node:assert/strict';
import { findDocumentPointers } from '../../../server/src/service/prose';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { CUE_GROUPS, CUE_RE, PREFILTER, cueRegex } from '../../../server/src/service/prose/pointers/cues';
import { KEY_RE } from '../../../server/src/service/prose/pointers/citations';
import { DOCUMENT_HEADS, headPhraseRegex } from '../../../server/src/service/prose/pointers/targets';

function cueStarts(re: RegExp, text: string): Map<number, string> {
  const lower = text.toLowerCase();
  const out = new Map<number, string>();
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(lower)) !== null) out.set(m.index, m[0]);
  return out;
}

describe('prose: pointer cues, each with the sentence it is for', () => {
  CUE_GROUPS.forEach(([kind, entries], g) => {
    entries.forEach((entry, i) => {
      it(`${kind}: ${entry.example}`, () => {
        assert.ok(findDocumentPointers(entry.example).some((p) => p.strength === 'pointer'), 'no pointer found with the entry');
        const without = cueRegex(CUE_GROUPS.map(([k, xs], h) => [k, h === g ? xs.filter((_, j) => j !== i) : xs] as const));
        const withAll = cueStarts(cueRegex(CUE_GROUPS), entry.example);
        const rest = cueStarts(without, entry.example);
        const needed = [...withAll].some(([at, cue]) => rest.get(at) !== cue);
        assert.ok(needed, 'another entry finds the same cue: this one is not needed');
      });
    });
  });
});

describe('prose: document words, each with the phrase it is for', () => {
  DOCUMENT_HEADS.forEach((entry, i) => {
    it(`${entry.src}: ${entry.example}`, () => {
      const phrase = entry.example.toLowerCase();
      const whole = (re: RegExp) => {
        re.lastIndex = 0;
        return re.test(phrase) && re.lastIndex === phrase.length;
      };
      assert.ok(whole(headPhraseRegex(DOCUMENT_HEADS)), 'the phrase is not read as a document');
      assert.ok(!whole(headPhraseRegex(DOCUMENT_HEADS.filter((_, j) => j !== i))), 'another word reads it: this entry is not needed');
    });
  });
});

describe('prose: the pointer pre-filter is a fast copy of the cues', () => {
  // PREFILTER is written by hand so it stays cheap; it must let through every text a cue or a
  // content or reporting verb matches, or a pointer is lost without any other test noticing
  const texts: { text: string; blind: boolean }[] = CUE_GROUPS.flatMap(([, xs]) => xs.map((x) => ({ text: x.example, blind: false })));
  for (const f of ['domain/minutes.yaml', 'real/dev/minutes.yaml', 'real/blind/minutes.yaml', 'real/blind/minutes-2.yaml']) {
    for (const item of parse(readFileSync(`test/quality/${f}`, 'utf8')).items) texts.push({ text: String(item.text), blind: f.includes('blind') });
  }
  it(`lets through every one of ${texts.length} labelled and example sentences holding a cue or a key verb`, () => {
    const lost = texts.filter(({ text }) => {
      const lower = text.toLowerCase();
      CUE_RE.lastIndex = 0;
      KEY_RE.lastIndex = 0;
      return (CUE_RE.test(lower) || KEY_RE.test(lower)) && !PREFILTER.test(text);
    });
    // a blind item's words are never shown (they must not steer a fix): only that one was lost
    assert.deepEqual(lost.map((t) => (t.blind ? '(a blind item)' : t.text)), []);
  });
});
