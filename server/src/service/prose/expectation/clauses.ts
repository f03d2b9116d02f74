/**
 * Reading the clauses of an expectation: where the parent's verb phrases are (after will / must /
 * to, at the start, coordinated with one, or elaborating one: "by going…"), whose they are, and
 * where each one's object ends.
 */
import { tokenizeLower, joinAbbreviations, lemmaCandidates, type Token } from '../tokens';
import { VERB_CLASS, PHRASE_CLASS, EVALUATIVE, SOFT_EVALUATIVE, GENERAL_PLACES, PARENT_RE, ROLE_RE, DETERMINERS, type VerbClass } from '../lexicon';
import { OBJECT_TAIL_RE } from '../concretisers';
import { MODALS, SKIP, CLAUSE_BREAK, SUBORDINATORS, TO_GOVERNORS, classOf, lemmaOf, isWord, isGerund, phrasesStartingWith } from './grammar';
import type { Slot } from './types';

const MAX_SLOTS = 40;

/** Words that may sit between a coordinator and the next verb ("and then also collect"). */
const COORD_FILLER = new Set(['and', 'then', 'also', 'not', 'will', 'to']);
/** Words that introduce an elaboration of the verb before ("by going…", "including taking…"). */
const ELABORATORS = new Set(['by', 'through', 'via', 'including', 'e.g', 'e.g.']);
/**
 * Words after which the rest of the sentence gives examples of, or defines, what came before:
 * "positive discipline such as praising…", "rules, for example not drinking…", "i.e. no visitors".
 * (Two-word definers are keyed on their last word: "such as" on "as" after "such", "for example" on "example".)
 */
/** Pronouns a parent's own agreement or goal is written in ("I will…", "I want…", "We keep…"). */
const SPEAKERS = new Set(['i', 'we']);
/** Auxiliaries: after "I" / "we" the verb they carry is the one judged. */
const AUXILIARIES = new Set(['have', 'has', 'had', 'do', 'does', 'did', 'am', 'are', 'was', 'were', 'be']);

const DEFINERS = new Set(['example', 'e.g', 'e.g.', 'i.e', 'i.e.', 'including', 'namely', 'meaning', 'specifically']);
/** Words that open a subordinate clause besides SUBORDINATORS: "as if you were…", "indicating that…", "such time as…". */
const SUBORDINATE_OPENERS = new Set([...SUBORDINATORS, 'indicating', 'provided', 'providing', 'once', 'before', 'after']);
/** Words that end a subordinate clause (and a definition: ";" and "."). */
const SUBORDINATE_END = new Set([',', ';', '.', ':', '—', '–']);
/** Words that start a prohibition when they open a clause: "No contact between…", "Nobody … to be…". */
const PROHIBITORS = new Set(['no', 'nobody', 'none']);
/** Tokens after which a clause can open with "no": "…; no drinking", "there must be no arguing", "for example, no visitors". */
const PROHIBITION_OPENERS = new Set([',', ';', ':', '.', '(', 'and', 'or', 'be', 'example', 'e.g', 'e.g.', 'i.e', 'i.e.', 'including']);
/** -ing forms that open a sentence as prepositions, not verbs: "Following a hearing, the court…". */
const PREPOSITIONAL_ING = new Set(['following', 'regarding', 'concerning', 'considering', 'including', 'according', 'pending', 'during', 'excluding', 'notwithstanding']);
/** Words after a modal that show it has no verb of its own: "as you would for your own child". */
const PREPOSITIONS = new Set(['for', 'in', 'at', 'with', 'of', 'by', 'on', 'from', 'about', 'into', 'than']);
/** Pronouns that follow a modal only when subject and modal are inverted ("nor will she…"). */
const INVERTED_SUBJECTS = new Set(['she', 'he', 'they', 'i', 'we', 'you']);
/** Verbs of definition: "adequate housing means a two-bedroom flat". */
const DEFINING_VERBS = new Set(['means', 'meaning']);
/** Subjects that refer back to what was just said: "this will help…", "which will mean…". */
const REFERRING_SUBJECTS = new Set(['this', 'that', 'which']);
/** Subjects that make an existential or impersonal clause: "There will be…", "It will be important…". */
const IMPERSONAL_SUBJECTS = new Set(['there', 'it']);
/** Words between an object and the verb coordinated after it ("… J, and then collect him"). */
/** Subjects of a purpose clause after "so": "so they can…", "so J will…". */
const CLAUSE_OPENERS_OF_PURPOSE = new Set(['they', 'she', 'he', 'j', 'it', 'we', 'you', 'i']);
/** Words that make "<what> is …" an impersonal rule. */
const REQUIREMENT_WORDS = new Set(['required', 'expected', 'mandatory', 'needed', 'allowed', 'permitted', 'prohibited', 'forbidden', 'banned', 'compulsory']);
/** Where the subject of such a rule starts, looking back. */
const SUBJECT_STOPS = new Set([':', ';', '.', '(', ')']);
/** Verbs by which someone else asks a parent to act: "ask you to", "require Mother to", "want you to". */
const ASKING_VERBS = new Set(['ask', 'want', 'require', 'expect', 'direct', 'order', 'tell', 'advise', 'recommend', 'encourage', 'instruct', 'invite', 'urge', 'remind', 'need']);
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
  /** A vague word or verb is defined, counted or explained by an act in the same sentence ("adequate housing, meaning…", "engage … by going…"). */
  explained = false;
  /** Offsets into `lower` and `text` agree (lower-casing kept the length), so `lower` at a token starts with its word. */
  readonly aligned: boolean;
  private generalPlace: boolean | undefined;

  constructor(readonly text: string, extra: RegExp | null) {
    this.lower = text.toLowerCase().replace(/’/g, "'");
    this.toks = joinAbbreviations(tokenizeLower(text, this.lower));
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

  /** Where the clause holding token `i` starts; a bracketed aside is part of it ("MGM (maternal grandma) will come"). */
  private regionStart(i: number): number {
    let r = i;
    while (r > 0) {
      const w = this.toks[r - 1].w;
      if (w === ')') {
        let k = r - 2;
        while (k > 0 && this.toks[k].w !== '(' && r - k < 12) k--;
        if (this.toks[k]?.w === '(' && k > 0) {
          r = k;
          continue;
        }
      }
      if (CLAUSE_BREAK.has(w)) break;
      r--;
    }
    return r;
  }

  /** Finds the verb phrases of the expectation, in text order. */
  slots(): Slot[] {
    const toks = this.toks;
    const out: Slot[] = [];
    const seen = new Set<number>();
    // inside a subordinate clause, or a definition, from this token on (reset at the clause's end)
    let subordinate = false;
    let defining = false;
    const push = (s: Slot | undefined) => {
      if (s && !seen.has(s.verb)) {
        seen.add(s.verb);
        if (subordinate) s.subordinate = true;
        if (defining) s.defining = true;
        out.push(s);
      }
    };
    for (let i = 0; i < toks.length; i++) {
      const w = toks[i].w;
      if (SUBORDINATE_END.has(w)) subordinate = false;
      if (w === ';' || w === '.') defining = false;
      if (this.opensSubordinate(i)) subordinate = true;
      if (this.isDefiner(i)) defining = true;
      const prev = out[out.length - 1];
      if (i === this.leadingMarks() && this.startsWithVerb()) push({ verb: this.firstVerb(), region: 0, actor: 'parent', gerund: false, purpose: false });
      else if (PROHIBITORS.has(w) && this.opensProhibition(i)) push({ verb: i, region: i, actor: 'parent', gerund: defining, purpose: false, state: true });
      else if (MODALS.has(w)) push(this.modalSlot(i, prev));
      else if (prev && (w === 'and' || w === 'or' || w === 'then' || w === ',')) push(this.coordinatedSlot(i, prev));
      else if (prev && (ELABORATORS.has(w) || (defining && this.isDefiner(i))) && isGerund(this.afterNot(i + 1))) {
        const v = toks[i + 1].w === 'not' ? i + 2 : i + 1;
        push({ verb: v, region: v, actor: prev.actor, gerund: true, purpose: false });
      } else if (defining && prev && w === ',' && isGerund(this.afterNot(i + 1))) push({ verb: toks[i + 1].w === 'not' ? i + 2 : i + 1, region: i + 1, actor: prev.actor, gerund: true, purpose: false });
    }
    if (out.length === 0) push(this.bareSlot() ?? this.fragmentSlot());
    return out.sort((a, b) => a.verb - b.verb).slice(0, MAX_SLOTS);
  }

  /** The token at `k`, or the one after it when it is "not" ("for example not drinking"). */
  private afterNot(k: number): Token | undefined {
    return this.toks[k]?.w === 'not' ? this.toks[k + 1] : this.toks[k];
  }

  /** Does token `i` open a definition or a list of examples ("such as", "for example", "i.e.")? */
  private isDefiner(i: number): boolean {
    const w = this.toks[i].w;
    if (w === 'as') return this.toks[i - 1]?.w === 'such';
    if (w === 'example') return this.toks[i - 1]?.w === 'for';
    return DEFINERS.has(w);
  }

  /** Does token `i` open a condition or time clause ("until such time as…", "… where he will be")? */
  private opensSubordinate(i: number): boolean {
    const w = this.toks[i].w;
    if (w === 'as') return this.toks[i + 1]?.w === 'if' || this.toks[i - 1]?.w === 'time';
    // "so that …", "so they can feel better": a purpose, not an obligation
    if (w === 'so') return this.toks[i + 1]?.w === 'that' || (CLAUSE_OPENERS_OF_PURPOSE.has(this.toks[i + 1]?.w ?? '') && MODALS.has(this.toks[i + 2]?.w ?? ''));
    // "Failure to attend could result in …": what happens if it is not met, not a second obligation
    if ((w === 'failure' || w === 'failing') && this.toks[i + 1]?.w === 'to') return true;
    return SUBORDINATE_OPENERS.has(w) && i > 0;
  }

  /** "No" opening a clause: a prohibition ("No contact between…"), not "at no time" or "no longer". */
  private opensProhibition(i: number): boolean {
    const next = this.toks[i + 1]?.w ?? '';
    if (next === 'time' || next === 'longer' || next === 'later' || next === 'more' || next === 'less' || next === 'fewer') return false;
    return i === 0 || PROHIBITION_OPENERS.has(this.toks[i - 1].w);
  }

  /** The text opens with a verb: an imperative ("Ensure J…", "Never criticise…") or an -ing form ("Thinking about…"). */
  private startsWithVerb(): boolean {
    const t = this.toks[this.firstVerb()];
    if (!t || MODALS.has(t.w) || PARENT_RE.test(t.w) || PREPOSITIONAL_ING.has(t.w)) return false;
    // "Never criticise…": after a leading adverb any word is the verb
    if (this.firstVerb() > this.leadingMarks()) return isWord(t) && !DETERMINERS.has(t.w);
    return VERB_CLASS.has(t.w) || (isGerund(t) && !!classOf(t.w));
  }

  private marks: number | undefined;
  /** Marks before the first word: an ellipsis or a bullet where a quotation was cut ("...communicate with …"). */
  private leadingMarks(): number {
    if (this.marks !== undefined) return this.marks;
    let k = 0;
    while (k < 4 && k < this.toks.length && !isWord(this.toks[k])) k++;
    return (this.marks = k);
  }

  /** Index of the first token after leading marks and adverbs ("Never", "Always", "Do not"). */
  private firstVerb(): number {
    let k = this.leadingMarks();
    while (k < this.leadingMarks() + 3 && k < this.toks.length && (this.toks[k].w === 'never' || this.toks[k].w === 'always' || this.toks[k].w === 'do' || this.toks[k].w === 'not' || this.toks[k].w === 'please')) k++;
    return k;
  }

  /** "to" before a verb is an obligation when something governs it ("agreed to", "Mother to"). */
  private governsTo(i: number): boolean {
    const prev = this.toks[i - 1];
    return i === 0 || (!!prev && (TO_GOVERNORS.has(prev.w) || PARENT_RE.test(prev.w) || (prev.w === 'you' && this.asksParentTo(i - 2)))) || this.subjectBefore(i);
  }

  /**
   * Someone asks the parent to do something: "the ministry might ask you to go…", "requiring Mother
   * to complete…". The verb at `j` is the asker's; the obligation is the verb after "to".
   */
  private asksParentTo(j: number): boolean {
    const t = this.toks[j];
    if (!t || !lemmaCandidates(t.w).some((w) => ASKING_VERBS.has(w))) return false;
    let k = j + 1;
    while (k < this.toks.length && k <= j + 2 && (this.toks[k].w === 'the' || this.toks[k].w === 'both')) k++;
    const o = this.toks[k];
    return !!o && (o.w === 'you' || PARENT_RE.test(o.w)) && this.toks[k + 1]?.w === 'to';
  }

  /** Only a noun phrase precedes token `i` in its sentence: "Both parties to contact…", "All visitors to…". */
  private subjectBefore(i: number): boolean {
    let k = i - 1;
    while (k >= 0 && this.toks[k].w !== '.' && this.toks[k].w !== ';' && this.toks[k].w !== ':') {
      if (!isWord(this.toks[k]) || classOf(this.toks[k].w) || MODALS.has(this.toks[k].w)) return false;
      k--;
    }
    return k < i - 1;
  }

  /** The verb after the modal at `i` ("will take", "must not let", "Mother to attend"). */
  private modalSlot(i: number, prevSlot: Slot | undefined): Slot | undefined {
    const toks = this.toks;
    const w = toks[i].w;
    // "in May 2025", "by 12 May": the month, not the modal
    if (w === 'may' && i > 0 && (/^\d/.test(toks[i + 1]?.w ?? '') || /^(?:\d.*|in|by|of|from|until|till|before|after|since|during|early|late|mid|end|-|,)$/.test(toks[i - 1].w))) return undefined;
    // "do all you can to…", "whatever she can": an effort, not a modal with a verb of its own
    if ((w === 'can' || w === 'could') && i > 1 && INVERTED_SUBJECTS.has(toks[i - 1].w) && /^(?:all|everything|whatever|what)$/.test(toks[i - 2].w)) return undefined;
    const governed = this.governsTo(i);
    if (w === 'to' && !governed) {
      const next = toks[i + 1];
      if (!(next && classOf(next.w) && next.w === lemmaOf(next.w))) return undefined;
    }
    let j = i + 1;
    // "At no time will Mother engage…": the subject after the modal (an inverted question or negative)
    if (w !== 'to' && (PARENT_RE.test(toks[j]?.w ?? '') || INVERTED_SUBJECTS.has(toks[j]?.w ?? ''))) j++;
    while (j < toks.length && SKIP.has(toks[j].w) && toks[j].w !== 'be') j++;
    const t = toks[j];
    if (!isWord(t) || DETERMINERS.has(t.w) || MODALS.has(t.w) || PREPOSITIONS.has(t.w)) return undefined;
    // "will be required to adhere", "may be asked to provide": the verb after "to" carries the obligation
    if (t.w === 'be' && this.passesToInfinitive(j)) return undefined;
    // "might ask you to go …": the asking is someone else's; the slot is the verb after "to"
    if (this.asksParentTo(j)) return undefined;
    // after a governed "to" any word may be the verb ("agrees to live", "Both parties to contact")
    if (w === 'to' && !classOf(t.w) && !(governed && j === i + 1 && /^[a-z]+$/.test(t.w) && !PARENT_RE.test(t.w))) return undefined;
    const clause = this.regionStart(i);
    // "There will be no…", "It will be important…": no one's behaviour
    if (IMPERSONAL_SUBJECTS.has(this.toks[clause]?.w) && clause === i - 1 && t.w === 'be') return undefined;
    // "…; this will help their relationship": what the act before will do, a reason, not an obligation
    const effect = REFERRING_SUBJECTS.has(this.toks[clause]?.w) && clause === i - 1 && w !== 'to';
    // "Nobody using the centre to be under the influence": what must not be
    const state = PROHIBITORS.has(this.toks[clause]?.w);
    const purpose = w === 'to' && i > 0 && !governed && j === i + 1 && !state;
    const floor = prevSlot ? prevSlot.verb + 1 : 0;
    const region = w === 'to' ? i : Math.max(floor, clause);
    // "show she can parent J": the clause after show / demonstrate is its complement, not a behaviour
    if (w !== 'to' && prevSlot && this.complementOf(prevSlot, i)) return undefined;
    const actor = w === 'to' ? (prevSlot ? prevSlot.actor : 'parent') : this.actorOf(region, i);
    if (actor === 'other') this.checkerClause = true;
    return { verb: j, region, actor, gerund: false, purpose, ...(state ? { state } : {}), ...(effect ? { subordinate: true } : {}) };
  }

  /** "be" at `j` leads through "required / asked / expected / able" to a "to": "be asked to leave". */
  private passesToInfinitive(j: number): boolean {
    let k = j + 1;
    while (k < this.toks.length && SKIP.has(this.toks[k].w) && this.toks[k].w !== 'to' && this.toks[k].w !== 'be') k++;
    return k > j + 1 && this.toks[k]?.w === 'to';
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

  /** No verb at all: the whole text, from its first word, is what is asked ("proof of housing"). */
  private fragmentSlot(): Slot | undefined {
    const first = this.leadingMarks();
    return first < this.toks.length ? { verb: first, region: first, actor: 'parent', gerund: false, purpose: false, fragment: true } : undefined;
  }

  /** No modal, no imperative: "Mother takes J…", or an -ing list. */
  private bareSlot(): Slot | undefined {
    const toks = this.toks;
    for (let i = 1; i < toks.length; i++) {
      const t = toks[i];
      // "adequate housing means a two-bedroom flat": a standard defined, judged on what it names
      if (DEFINING_VERBS.has(t.w)) return { verb: i, region: 0, actor: 'parent', gerund: false, purpose: false, state: true };
      // "Mother attends…", and in the parent's own words "I want…", "We keep…" ("we have both
      // completed…": the verb after the auxiliary)
      if (SPEAKERS.has(toks[i - 1].w) && AUXILIARIES.has(t.w)) {
        for (let j = i + 1; j < Math.min(i + 4, toks.length); j++) if (classOf(toks[j].w) && !AUXILIARIES.has(toks[j].w)) return { verb: j, region: 0, actor: 'parent', gerund: false, purpose: false };
        continue;
      }
      if (classOf(t.w) && (PARENT_RE.test(toks[i - 1].w) || SPEAKERS.has(toks[i - 1].w) || isGerund(t))) return { verb: i, region: 0, actor: 'parent', gerund: isGerund(t), purpose: false };
    }
    const rule = this.requirementSlot();
    if (rule) return rule;
    // "J is always supervised by…": a passive with the child as subject
    for (let i = 1; i < Math.min(4, toks.length); i++) {
      if (toks[i].w === 'is' || toks[i].w === 'are') return { verb: i, region: 0, actor: 'parent', gerund: false, purpose: false };
    }
    return undefined;
  }

  /**
   * An impersonal rule: "a 24 hour notice is required", "Whispering, passing notes and hand signals
   * are not allowed". The last one in the text (after any fronted "When …" clause) is the rule.
   */
  private requirementSlot(): Slot | undefined {
    const toks = this.toks;
    for (let i = toks.length - 2; i >= 1; i--) {
      if (toks[i].w !== 'is' && toks[i].w !== 'are') continue;
      let j = i + 1;
      while (j < toks.length && (toks[j].w === 'not' || toks[j].w === 'strictly' || toks[j].w === 'also')) j++;
      if (!REQUIREMENT_WORDS.has(toks[j]?.w ?? '')) continue;
      let k = i - 1;
      while (k > 0 && i - k < 12 && !SUBJECT_STOPS.has(toks[k - 1].w) && !SUBORDINATORS.has(toks[k - 1].w) && !/ed$/.test(toks[k - 1].w)) k--;
      return { verb: i, region: k, actor: 'parent', gerund: false, purpose: false, requirement: { subject: k } };
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
