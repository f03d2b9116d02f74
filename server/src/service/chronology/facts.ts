/**
 * What one record contributes to a child's chronology: the few dated facts the checks across
 * records need, read from the parse the engine made anyway. Small and plain, so a workspace's
 * worth can be kept, and compared to tell whether a change to a record changes anything for the
 * child's other records.
 */
import type { ParsedDocument } from '../parse';
import { keyLine } from '../locate';
import { isCheckableDate } from '../dates/calendar';
import type { DocumentKind, IsoDate } from '../types';

export interface ActionFact {
  readonly id?: string;
  readonly status?: string;
  readonly due?: IsoDate;
  /** The action's own words, cut short, for messages that name it. */
  readonly text?: string;
}

export interface MilestoneFact {
  readonly what: string;
  readonly type?: string;
  readonly due?: IsoDate;
  readonly status?: string;
  readonly achieved?: IsoDate;
}

/** What a review says happened to one of the previous review's actions. */
export interface PreviousActionFact {
  readonly id: string;
  readonly outcome?: string;
}

export interface EscalationFact {
  readonly stage?: string;
  readonly date?: IsoDate;
}

export interface RecordFacts {
  readonly uri: string;
  readonly kind: DocumentKind;
  readonly id?: string;
  readonly children: readonly string[];
  readonly date?: IsoDate;
  /** 0-based line of the top-level `date:` (or 0), for related information pointing here. */
  readonly line: number;
  readonly review?: { readonly number?: number; readonly previousDate?: IsoDate; readonly nextDue?: IsoDate };
  readonly actions: readonly ActionFact[];
  /** A review's account of the previous review's actions. */
  readonly previousActions: readonly PreviousActionFact[];
  /** Challenges the IRO recorded at a review. */
  readonly escalations: readonly EscalationFact[];
  readonly nextSupervision?: IsoDate;
  readonly lookedAfterSince?: IsoDate;
  readonly legalStatus?: string;
  readonly placement?: { readonly type?: string; readonly start?: IsoDate };
  readonly permanence?: {
    readonly plan?: string;
    readonly parallelPlan?: string;
    readonly agreedAtReview?: number;
    readonly targetDate?: IsoDate;
    readonly milestones: readonly MilestoneFact[];
  };
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
// A date the checks can count from: a real calendar date in the years the calendar knows (30 February is the schema's finding).
const date = (v: unknown): IsoDate | undefined => (isCheckableDate(v) ? v : undefined);
const int = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Drops undefined fields, so two facts read from equal records compare equal. */
function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function childrenOf(data: Obj): string[] {
  const one = str(data.child);
  if (one) return [one];
  return [...new Set(list(data.children).map(str).filter((c): c is string => c !== undefined))];
}

/** The facts of a parsed record, or undefined when it is not a record. */
export function factsOf(uri: string, parsed: ParsedDocument): RecordFacts | undefined {
  const data = obj(parsed.value);
  if (!parsed.kind || !data) return undefined;
  const review = obj(data.review);
  const placement = obj(data.placement);
  const permanence = obj(data.permanence);
  return compact<RecordFacts>({
    uri,
    kind: parsed.kind,
    id: str(data.id),
    children: childrenOf(data),
    date: date(data.date),
    line: keyLine(parsed, ['date']) ?? 0,
    review: review && compact({ number: int(review.number), previousDate: date(review.previous_review_date), nextDue: date(review.next_review_due) }),
    actions: list(data.actions).map((a) => {
      const o = obj(a) ?? {};
      return compact<ActionFact>({ id: str(o.id), status: str(o.status), due: date(o.due), text: str(o.action)?.slice(0, 80) });
    }),
    previousActions: list(data.previous_actions).flatMap((a) => {
      const o = obj(a);
      const id = o && (str(o.id) ?? (typeof o.id === 'number' ? String(o.id) : undefined));
      return id ? [compact<PreviousActionFact>({ id, outcome: str(o.outcome) })] : [];
    }),
    escalations: list(obj(data.iro_oversight)?.escalations).flatMap((e) => {
      const o = obj(e);
      return o ? [compact<EscalationFact>({ stage: str(o.stage), date: date(o.date) })] : [];
    }),
    nextSupervision: date(data.next_supervision),
    lookedAfterSince: date(data.looked_after_since),
    legalStatus: str(data.legal_status),
    placement: placement && compact({ type: str(placement.type), start: date(placement.start_date) }),
    permanence:
      permanence &&
      compact({
        plan: str(permanence.plan),
        parallelPlan: str(permanence.parallel_plan),
        agreedAtReview: int(permanence.agreed_at_review),
        targetDate: date(permanence.target_date),
        milestones: list(permanence.milestones).flatMap((m) => {
          const o = obj(m);
          const what = o && str(o.what);
          return what ? [compact<MilestoneFact>({ what, type: str(o.type), due: date(o.due), status: str(o.status), achieved: date(o.achieved) })] : [];
        }),
      }),
  });
}

/** A fingerprint of the facts: equal for records that say the same things, whatever else changed. */
export function factsKey(f: RecordFacts): string {
  return JSON.stringify(f);
}
