/**
 * Reading the clauses of an expectation: where the parent's verb phrases are (after will / must /
 * to, at the start, coordinated with one, or elaborating one: "by going…"), whose they are, and
 * where each one's object ends.
 */
import { tokenizeLower, type Token } from '../tokens';
import { VERB_CLASS, PHRASE_CLASS, EVALUATIVE, SOFT_EVALUATIVE, GENERAL_PLACES, PARENT_RE, ROLE_RE, DETERMINERS, type VerbClass } from '../lexicon';
import { OBJECT_TAIL_RE } from '../concretisers';
import { MODALS, SKIP, CLAUSE_BREAK, TO_GOVERNORS, classOf, lemmaOf, isWord, isGerund, phrasesStartingWith } from './grammar';
import type { Slot } from './types';

const MAX_SLOTS = 40;

/** Words that may sit between a coordinator and the next verb ("and then also collect"). */
const COORD_FILLER = new Set(['and', 'then', 'also', 'not', 'will', 'to']);
/** Words that introduce an elaboration of the verb before ("by going…", "including taking…"). */
const ELABORATORS = new Set(['by', 'through', 'via', 'including', 'e.g', 'e.g.']);
/** Words between an object and the verb coordinated after it ("… J, and then collect him"). */
const OBJECT_TRAILERS = new Set(['and', 'or', ',', 'then', 'by', 'through', 'including', 'will', 'also', 'not', 'to']);

export class Clauses {
  readonly toks: Token[];
  readonly lower: string;
  /** spans of the caller's extra vague phrases */
  readonly extra: { start: number; end: number }[] = [];
  /** character offsets where the object tail (checked by…, with the support of…) starts */
  readonly tails = new Set<number>();
  /** someone other than the parent is the subject of a clause (so someone else is involved) */
  checkerClause = false;
  /** Offsets into `lower` and `text` agree (lower-casing kept the length), so `lower` at a token starts with its word. */
  readonly aligned: boolean;
  private generalPlace: boolean | undefined;

  constructor(readonly text: string, extra: RegExp | null) {
    this.lower = text.toLowerCase().replace(/’/g, "'");
    this.toks = tokenizeLower(text, this.lower);
    this.aligned = this.lower.length === text.length;
    if (extra) {
      extra.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = extra.exec(this.lower)) !== null) this.extra.push({ start: m.index, end: m.index + m[0].length });
    }
    OBJECT_TAIL_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = OBJECT_TAIL_RE.exec(this.lower)) !== null) this.tails.add(m.index);
  }

  /** Some token names the home in general ("the home", "the property"). */
  get hasGeneralPlace(): boolean {
    if (this.generalPlace === undefined) {
      this.generalPlace = false;
      for (const t of this.toks) if (GENERAL_PLACES.has(t.w)) this.generalPlace = true;
    }
    return this.generalPlace;
  }

  /** The PHRASE_CLASS entries that can match at a token reading `w`. */
  phrasesAt(w: string): readonly (readonly [RegExp, VerbClass])[] {
    return this.aligned ? phrasesStartingWith(w) : PHRASE_CLASS;
  }

  /** Does the subject of the clause starting at `region`, ending before `modalAt`, name someone other than the parent? */
  private actorOf(region: number, modalAt: number): 'parent' | 'other' {
    const toks = this.toks;
    const breakTok = toks[region - 1];
    if (region >= modalAt) {
      if (breakTok && (breakTok.w === 'who' || breakTok.w === 'which')) {
        const noun = toks.slice(Math.max(0, region - 6), region - 1).map((t) => t.w).join(' ');
        return PARENT_RE.test(noun) ? 'parent' : 'other';
      }
      return 'parent';
    }
    const subj = this.lower.slice(toks[region].start, toks[modalAt - 1].end);
    if (PARENT_RE.test(subj) || /^(?:she|he|they|i|we)\b/.test(subj)) return 'parent';
    if (ROLE_RE.test(subj)) return 'other';
    return 'parent';
  }

  private regionStart(i: number): number {
    let r = i;
    while (r > 0 && !CLAUSE_BREAK.has(this.toks[r - 1].w)) r--;
    return r;
  }

  /** Finds the verb phrases of the expectation, in text order. */
  slots(): Slot[] {
    const toks = this.toks;
    const out: Slot[] = [];
    const seen = new Set<number>();
    const push = (s: Slot | undefined) => {
      if (s && !seen.has(s.verb)) {
        seen.add(s.verb);
        out.push(s);
      }
    };
    for (let i = 0; i < toks.length; i++) {
      const w = toks[i].w;
      // imperative or bare start: "Ensure J…", "Attend…"
      if (i === 0 && VERB_CLASS.has(w) && !MODALS.has(w) && !PARENT_RE.test(w)) {
        push({ verb: 0, region: 0, actor: 'parent', gerund: false, purpose: false });
        continue;
      }
      const prev = out[out.length - 1];
      if (MODALS.has(w)) push(this.modalSlot(i, prev));
      else if (prev && (w === 'and' || w === 'or' || w === 'then' || w === ',')) push(this.coordinatedSlot(i, prev));
      else if (prev && ELABORATORS.has(w) && isGerund(toks[i + 1])) push({ verb: i + 1, region: i + 1, actor: prev.actor, gerund: true, purpose: false });
    }
    if (out.length === 0) push(this.bareSlot());
    return out.sort((a, b) => a.verb - b.verb).slice(0, MAX_SLOTS);
  }

  /** "to" before a verb is an obligation when something governs it ("agreed to", "Mother to"). */
  private governsTo(i: number): boolean {
    const prev = this.toks[i - 1];
    return i === 0 || (!!prev && (TO_GOVERNORS.has(prev.w) || PARENT_RE.test(prev.w)));
  }

  /** The verb after the modal at `i` ("will take", "must not let", "Mother to attend"). */
  private modalSlot(i: number, prevSlot: Slot | undefined): Slot | undefined {
    const toks = this.toks;
    const w = toks[i].w;
    // "in May 2025", "by 12 May": the month, not the modal
    if (w === 'may' && i > 0 && (/^\d/.test(toks[i + 1]?.w ?? '') || /^(?:\d.*|in|by|of|from|until|till|before|after|since|during|early|late|mid|end|-|,)$/.test(toks[i - 1].w))) return undefined;
    const governed = this.governsTo(i);
    if (w === 'to' && !governed) {
      const next = toks[i + 1];
      if (!(next && classOf(next.w) && next.w === lemmaOf(next.w))) return undefined;
    }
    let j = i + 1;
    while (j < toks.length && SKIP.has(toks[j].w) && toks[j].w !== 'be') j++;
    const t = toks[j];
    if (!isWord(t) || DETERMINERS.has(t.w) || MODALS.has(t.w)) return undefined;
    if (w === 'to' && !classOf(t.w)) return undefined;
    const purpose = w === 'to' && i > 0 && !governed && j === i + 1;
    const floor = prevSlot ? prevSlot.verb + 1 : 0;
    const region = w === 'to' ? i : Math.max(floor, this.regionStart(i));
    // "show she can parent J": the clause after show / demonstrate is its complement, not a behaviour
    if (w !== 'to' && prevSlot && this.complementOf(prevSlot, i)) return undefined;
    const actor = w === 'to' ? (prevSlot ? prevSlot.actor : 'parent') : this.actorOf(region, i);
    if (actor === 'other') this.checkerClause = true;
    return { verb: j, region, actor, gerund: false, purpose };
  }

  /** Is the modal at `i` inside the complement clause of a show / abstract verb at `prev`? */
  private complementOf(prev: Slot, i: number): boolean {
    const pc = classOf(this.toks[prev.verb].w);
    if (pc !== 'show' && pc !== 'abstract') return false;
    for (let k = prev.verb + 1; k < i; k++) if (CLAUSE_BREAK.has(this.toks[k].w) && this.toks[k].w !== 'that') return false;
    return true;
  }

  /** A verb coordinated with the one before: "… and collect him at 3pm", "…, sign his reading record". */
  private coordinatedSlot(i: number, prevSlot: Slot): Slot | undefined {
    const toks = this.toks;
    let j = i + 1;
    while (j < toks.length && COORD_FILLER.has(toks[j].w)) j++;
    const t = toks[j];
    // "a safe and clean home": adjectives, not a second verb
    const before = toks[i - 1]?.w ?? '';
    if (!t || j <= prevSlot.verb || EVALUATIVE.has(before) || SOFT_EVALUATIVE.has(before)) return undefined;
    const cls = classOf(t.w);
    const baseForm = VERB_CLASS.has(t.w) || this.phrasesAt(t.w).some(([re]) => re.test(this.lower.slice(t.start)));
    const ok = (cls || baseForm) && (prevSlot.gerund ? isGerund(t) : baseForm);
    return ok ? { verb: j, region: prevSlot.region, actor: prevSlot.actor, gerund: prevSlot.gerund, purpose: prevSlot.purpose } : undefined;
  }

  /** No modal, no imperative: "Mother takes J…", or an -ing list. */
  private bareSlot(): Slot | undefined {
    const toks = this.toks;
    for (let i = 1; i < toks.length; i++) {
      const t = toks[i];
      if (classOf(t.w) && (PARENT_RE.test(toks[i - 1].w) || isGerund(t))) return { verb: i, region: 0, actor: 'parent', gerund: isGerund(t), purpose: false };
    }
    return undefined;
  }

  /** Token index (exclusive) where the object of the verb at `v` ends. */
  objectEnd(v: number, next: Slot | undefined): number {
    const toks = this.toks;
    // a coordinated verb shares the clause (region) of the first: its own verb bounds the object
    let end = next ? Math.max(v + 1, Math.min(next.region > v ? next.region : next.verb, next.verb)) : toks.length;
    // stop at the clause before a coordinated verb ("… and collect him")
    if (next && (next.region === next.verb || next.region <= v)) {
      let k = next.verb - 1;
      while (k > v && OBJECT_TRAILERS.has(toks[k].w)) k--;
      end = Math.min(end, k + 1);
    }
    while (end > v + 1 && !isWord(toks[end - 1])) end--;
    for (let k = v + 1; k < end; k++) {
      if (toks[k].w === ';') return k;
      if (this.tails.has(toks[k].start) || (toks[k].w === ',' && toks[k + 1] && this.tails.has(toks[k + 1].start))) return k;
    }
    return end;
  }
}
