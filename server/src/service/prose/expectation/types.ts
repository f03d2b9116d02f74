/** The shapes the expectation analysis reads and returns, and the parts it passes between its stages. */

export interface ExpectationFields {
  expectation: string;
  parent?: string;
  evidence?: string;
  by?: string;
  support?: string;
  if_not_met?: string;
}

export type ExpectationElement =
  | 'behaviour'
  | 'frequency'
  | 'checker'
  | 'evidence'
  | 'date'
  | 'support'
  | 'consequence'
  | 'parent';

export interface ExpectationAnalysis {
  /** No observable behaviour (a date or a number does not rescue it), or too few concretisers. */
  generic: boolean;
  present: ExpectationElement[];
  /** Concretisers not found. */
  missing: ExpectationElement[];
  /** Plain words naming what is missing. */
  explanation: string;
  /** A worked rewrite pattern for this expectation. */
  rewrite: string;
  /** The structural judgement alone, before the learned scorer weighs in (scorer.ts). */
  structure: { generic: boolean; explained: boolean };
  /** The vague phrase in the expectation text, if any (offsets into `expectation`). */
  trigger?: { start: number; end: number; text: string };
}

export interface ExpectationOptions {
  extraVaguePhrases?: string[];
  /** Concretisers needed besides the behaviour; default 1. */
  minConcretisers?: number;
  /** false: the structural judgement alone, without the learned scorer (to measure the scorer against it). */
  scorer?: boolean;
}

export const CONCRETISERS: readonly ExpectationElement[] = ['parent', 'frequency', 'checker', 'evidence', 'date', 'support', 'consequence'];
export const ELEMENTS: readonly ExpectationElement[] = ['behaviour', ...CONCRETISERS];

/** One verb phrase the parent is asked to carry out. */
export interface Slot {
  /** token index of the verb */
  verb: number;
  /** token index where its clause (subject) begins */
  region: number;
  actor: 'parent' | 'other';
  /** -ing form (elaboration: "by going…") */
  gerund: boolean;
  /** an ungoverned infinitive ("… every Tuesday to learn about …"): a purpose, not an obligation */
  purpose: boolean;
  /**
   * A clause that states what must (not) be rather than what the parent does — "No contact
   * between…", "Nobody … to be under the influence", "adequate housing means a two-bedroom flat":
   * observable unless what it names is vague.
   */
  state?: boolean;
  /** "<what> is required / not allowed": an impersonal rule, judged on what it names, from token `subject` */
  requirement?: { subject: number };
  /** inside a condition or time clause ("… until the GAL agrees that …", "… where he will be") */
  subordinate?: boolean;
  /** an example or definition of the phrase before ("such as praising…", "for example not drinking…") */
  defining?: boolean;
  /**
   * No verb found: a noun phrase ("proof of housing", "Parenting courses to help you…") or an
   * imperative the lexicon does not know ("Discuss your progress…"), judged on the words it names.
   */
  fragment?: boolean;
}

export type VagueKind = 'abstract' | 'copula' | 'process' | 'evaluative' | 'vague-noun' | 'hedge' | 'none';

/** The verdict on one verb phrase. */
export interface Judgement {
  observable: boolean;
  kind?: VagueKind;
  /** character span of what made it vague */
  start?: number;
  end?: number;
  /** character span of the verb phrase (verb to end of object) */
  vpStart: number;
  vpEnd: number;
}
