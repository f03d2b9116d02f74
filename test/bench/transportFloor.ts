/**
 * The transport floor: what a language server on vscode-languageserver pays to receive one keystroke and send
 * back a given list of diagnostics, measured with a stand-in server that does no work of its
 * own. It uses the same JSON-RPC library and transport as the real server, stays busy for the
 * engine's time (so the processes sleep and wake as they do around a real check), and answers
 * with the real server's diagnostics. Nothing careplan does can make a keystroke cheaper than this.
 */
import { ChildProcess, fork } from 'node:child_process';
import type { Diagnostic } from 'vscode-languageserver/node';
import { connectToChild, connectToParent, Transport } from '../support/lspClient';

export const ECHO_FLAG = '--echo-server';

interface Setup {
  diagnostics: Diagnostic[];
  busyMs: number;
}

/** The stand-in server (run in a child process started with ECHO_FLAG). */
export function runEchoServer(transport: Transport): void {
  const connection = connectToParent(transport);
  let setup: Setup = { diagnostics: [], busyMs: 0 };
  connection.onRequest('echo/setup', (s: Setup) => {
    setup = s;
    return null;
  });
  connection.onNotification('textDocument/didChange', (p: { textDocument: { uri: string; version: number } }) => {
    const until = performance.now() + setup.busyMs;
    while (performance.now() < until) {
      // busy, as the engine would be
    }
    void connection.sendNotification('textDocument/publishDiagnostics', { uri: p.textDocument.uri, version: p.textDocument.version, diagnostics: setup.diagnostics });
  });
  connection.onRequest('shutdown', () => null);
  connection.onNotification('exit', () => process.exit(0));
  connection.listen();
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/**
 * Median time the stand-in adds beyond `busyMs` for one keystroke: `runs` didChange
 * notifications, each answered with `diagnostics`, with the client idle for `busyMs` between
 * them as the benchmark's client is while the engine runs alone.
 */
export async function transportFloor(script: string, transport: Transport, diagnostics: Diagnostic[], busyMs: number, runs: number): Promise<number> {
  const child: ChildProcess =
    transport === 'ipc'
      ? fork(script, [ECHO_FLAG, 'ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
      : fork(script, [ECHO_FLAG, 'stdio'], { stdio: ['pipe', 'pipe', 'inherit', 'ipc'] });
  const connection = connectToChild(transport, child);
  let waiting: ((at: number) => void) | undefined;
  connection.onNotification('textDocument/publishDiagnostics', () => waiting?.(performance.now()));
  connection.listen();
  try {
    await connection.sendRequest('echo/setup', { diagnostics, busyMs } satisfies Setup);
    const uri = 'file:///bench/floor.yaml';
    const extra: number[] = [];
    for (let i = 0; i < runs + 5; i++) {
      const at = { line: 12 + (i % 8), character: 2 };
      const arrived = new Promise<number>((resolve) => (waiting = resolve));
      const sent = performance.now();
      void connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: i + 2 },
        contentChanges: [{ range: { start: at, end: at }, text: 'a' }],
      });
      const received = await arrived;
      if (i >= 5) extra.push(received - sent - busyMs);
      await new Promise((r) => setTimeout(r, busyMs));
    }
    return quantile(extra, 0.5);
  } finally {
    await connection.sendRequest('shutdown').catch(() => undefined);
    void connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
    child.kill();
  }
}
