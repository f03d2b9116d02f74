/**
 * Opening a folder of 1,000 records across 100 children (issue 11): the time until every record's
 * diagnostics are published, with the checks across a child's records, against the same folder
 * checked one record at a time as before them (those checks switched off, so no record reads
 * another). Both in the same run, alternating, medians of RUNS. Target: within 1.2×.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, pathToUri } from '../support/lspClient';

const CHILDREN = Number(process.env.CAREPLAN_BENCH_CHILDREN ?? 100);
const RUNS = Number(process.env.CAREPLAN_BENCH_CHILD_RUNS ?? 3);
const TODAY = '2025-11-01';
/** The checks that read other records; off, each record is checked alone. */
const ACROSS = ['review-sequence', 'previous-actions', 'supervision-gap', 'permanence-drift', 'iro-escalation'];

const pad = (n: number) => String(n).padStart(2, '0');
const day = (month: number, d: number) => `${2024 + Math.floor((month - 1) / 12)}-${pad(((month - 1) % 12) + 1)}-${pad(d)}`;

/** Every record gets a finding, as closed records with none are never published (there is nothing to wait for). */
const VAGUE = 'actions:\n  - { id: A1, action: Support the carers with bedtime routines, owner: Social worker, timescale: ongoing }\n';

/** One child's year: a care plan, four reviews and five supervision records (10 records). */
export function childRecords(i: number): Record<string, string> {
  const child = `CH-${String(900000 + i)}`;
  const files: Record<string, string> = {};
  files['care-plan.yaml'] = `kind: care-plan\nid: cp-${i}\nchild: ${child}\ndate: ${day(10, 28)}\nlooked_after_since: ${day(10, 14)}\nlegal_status: care-order\nplacement: { type: foster-care, start_date: ${day(10, 14)} }\nwishes_and_feelings: { child: The child says they like their carers. }\n${VAGUE}`;
  const reviewMonths = [11, 15, 20, 22];
  reviewMonths.forEach((m, k) => {
    const n = k + 1;
    const prev = k ? `, previous_review_date: ${day(reviewMonths[k - 1], 7)}` : '';
    const previous = k ? `previous_actions:\n  - { id: A1, outcome: done }\n  - { id: A2, outcome: carried-forward, new_due: ${day(m + 2, 1)}, reason: The school could not meet before the holiday. }\n` : '';
    files[`review-${n}.yaml`] = `kind: review
id: rev-${i}-${n}
child: ${child}
date: ${day(m, 7)}
review: { number: ${n}${prev}, next_review_due: ${day(m + 5, 1)} }
wishes_and_feelings: { child: The child met the IRO alone and said they are happy at school. }
permanence:
  plan: long-term-fostering
  target_date: ${day(26, 1)}
  milestones:
    - { what: Matching panel, type: matching, due: ${day(m + 3, 1)}, status: ${k > 1 ? 'slipped' : 'open'} }
${previous}actions:
  - { id: A1, action: Book the health assessment, owner: Social worker, due: ${day(m + 1, 1)} }
  - { id: A2, action: Arrange the PEP meeting with the designated teacher, owner: Social worker, due: ${day(m + 1, 15)} }
  - { id: A3, action: Support the carers with bedtime routines, owner: Social worker, timescale: ongoing }
`;
  });
  [11, 12, 13, 17, 18].forEach((m, k) => {
    files[`supervision-${k + 1}.yaml`] = `kind: supervision
id: sup-${i}-${k + 1}
child: ${child}
date: ${day(m, 5)}
supervisee: Social worker
supervisor: Team manager
reflection: The child is settled at school and says they feel safe with the carers; contact with Mother is inconsistent, which worries us because the child is upset after missed sessions.
actions:
  - { id: A1, action: Agree a contact plan with Mother, owner: Social worker, due: ${day(m + 1, 1)} }
  - { id: A2, action: Support the carers with bedtime routines, owner: Social worker, timescale: ongoing }
next_supervision: ${day(m + 1, 5)}
`;
  });
  return files;
}

/** Opens the folder in a fresh server and waits until every record has had diagnostics published. */
async function timeToAllDiagnostics(dir: string, uris: string[]): Promise<number> {
  const client = new LspClient({ transport: 'ipc' });
  try {
    await client.initialize(dir);
    const started = performance.now();
    await client.waitForEvery(uris, 300_000);
    return performance.now() - started;
  } finally {
    await client.stop();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchChildren(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'careplan-lsp-bench-children-'));
  try {
    const uris: string[] = [];
    for (let i = 0; i < CHILDREN; i++) {
      const folder = path.join(dir, `child-${i}`);
      mkdirSync(folder);
      for (const [name, text] of Object.entries(childRecords(i))) {
        writeFileSync(path.join(folder, name), text);
        uris.push(pathToUri(path.join(folder, name)));
      }
    }
    const config = (alone: boolean) =>
      `today: ${TODAY}\n` + (alone ? `rules:\n${ACROSS.map((id) => `  ${id}: off`).join('\n')}\n` : '');
    const together: number[] = [];
    const alone: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      writeFileSync(path.join(dir, '.careplan.yaml'), config(true));
      alone.push(await timeToAllDiagnostics(dir, uris));
      writeFileSync(path.join(dir, '.careplan.yaml'), config(false));
      together.push(await timeToAllDiagnostics(dir, uris));
    }
    const a = median(alone);
    const t = median(together);
    console.log('');
    console.log(`Opening a folder of ${uris.length} records across ${CHILDREN} children, over Node IPC (median of ${RUNS}, alternating):`);
    console.log(`  each record checked alone (the checks across records off): ${(a / 1000).toFixed(2)} s`);
    console.log(`  with each child's records read together:                  ${(t / 1000).toFixed(2)} s  → ${(t / a).toFixed(2)}× (target ≤ 1.2×)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
