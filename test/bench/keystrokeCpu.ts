/**
 * What a keystroke costs the language server in CPU, and what the server holds, against the CPU
 * of parsing the same record with `yaml` (issue 15: CPU per keystroke at 100 lines ≤ 4× the parse). Each
 * keystroke is what VS Code sends while an author types: the edit, then completion and code
 * actions at the cursor; the server's diagnostics for it are waited for, and a key comes every
 * 150 ms, so the collection the server runs between keystrokes is counted too. The server's CPU
 * time and peak memory are read from /proc (Linux), its own figures, not the client's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { generateReview } from '../support/generate';
import { LspClient, pathToUri } from '../support/lspClient';

const SIZES = (process.env.CAREPLAN_BENCH_CPU_SIZES ?? '100,1000').split(',').map(Number);
const KEYS = Number(process.env.CAREPLAN_BENCH_CPU_KEYS ?? 60);
const PACE_MS = 150;
const WARM_UP = 10;


/** User + system CPU of a process in ms (clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime (fields 14 and 15 of stat)
}

/** Peak resident memory of a process in MiB. */
function peakMibOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmHWM:\s+(\d+) kB/m);
  return line ? Number(line[1]) / 1024 : NaN;
}

/** CPU time to `yaml.parse` the record `n` times in this process (each text one character longer, as typed), in ms. */
function parseCpuMs(text: string, n: number): number {
  const before = process.cpuUsage();
  for (let i = 0; i < n; i++) parse(`${text}# ${'a'.repeat(i % 50)}\n`);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

export async function benchKeystrokeCpu(): Promise<void> {
  if (process.platform !== 'linux') return;
  console.log('');
  console.log(`Server CPU per keystroke (edit, completion and code actions, diagnostics waited for; a key every ${PACE_MS} ms) against the CPU of yaml.parse of the record, measured in blocks between the keystrokes:`);
  for (const lines of SIZES) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'careplan-cpu-bench-'));
    writeFileSync(path.join(dir, '.careplan.yaml'), 'today: 2025-11-01\n');
    const record = generateReview(lines, 5);
    const rows = record.split('\n');
    const line = rows.indexOf('discussion: |') + 1; // typing in the minutes' first line
    const client = new LspClient({ transport: 'ipc' });
    try {
      await client.initialize(dir);
      const uri = pathToUri(path.join(dir, 'review-cpu.yaml'));
      client.open(uri, record);
      await client.diagnosticsFor(uri, 1, 60_000);
      let character = rows[line].length;
      const type = async () => {
        const started = performance.now();
        const at = { line, character };
        const version = client.edit(uri, [{ range: { start: at, end: at }, newText: 'a' }]);
        character++;
        const cursor = { line, character };
        await Promise.all([
          client.request('textDocument/completion', { textDocument: { uri }, position: cursor, context: { triggerKind: 1 } }),
          client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: cursor, end: cursor }, context: { diagnostics: [], triggerKind: 2 } }),
          client.diagnosticsFor(uri, version, 60_000),
        ]);
        await new Promise((r) => setTimeout(r, Math.max(0, PACE_MS - (performance.now() - started))));
      };
      for (let i = 0; i < WARM_UP; i++) await type();
      parseCpuMs(record, 20); // warm
      // in blocks, typing then parsing, so a change in the machine's load falls on both alike
      const pid = client.proc.pid!;
      let serverMs = 0;
      let parseMs = 0;
      const blocks = 4;
      for (let b = 0; b < blocks; b++) {
        const before = cpuMsOf(pid);
        for (let i = 0; i < KEYS / blocks; i++) await type();
        serverMs += cpuMsOf(pid) - before;
        parseMs += parseCpuMs(record, 50);
      }
      const perKey = serverMs / KEYS;
      const parsed = parseMs / (50 * blocks);
      console.log(
        `  ${String(lines).padStart(6)} lines: server ${perKey.toFixed(1)} ms CPU a keystroke, yaml.parse ${parsed.toFixed(2)} ms → ${(perKey / parsed).toFixed(1)}× (target ≤ 4× at 100 lines); server peak memory ${Math.round(peakMibOf(pid))} MiB after ${WARM_UP + KEYS} keystrokes`,
      );
    } finally {
      await client.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
