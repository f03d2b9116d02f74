/**
 * The server's transport (stdio, node IPC, socket or pipe, chosen by the usual command-line
 * flags), with a look at every message as it is read — before it waits its turn in the
 * connection's queue. That is how the server knows that a newer version of a document has
 * already arrived while it is still checking an older one.
 */
import {
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  Message,
  MessageReader,
  MessageWriter,
  NotificationMessage,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

/** The newest version of each open document that has been read off the wire. */
export class ArrivedVersions {
  private readonly latest = new Map<string, number>();
  private readonly readAt = new Map<string, number>();
  /** When the client last sent a request or notification (performance.now()): it may be waiting. */
  lastReadAt = -Infinity;
  /** The client's requests read and not yet answered: the person at the keyboard is waiting on them. */
  private readonly unanswered = new Set<string | number>();
  private waiters: (() => void)[] = [];

  note(message: Message): void {
    if (Message.isResponse(message)) return; // an answer to the server's own question
    this.lastReadAt = performance.now();
    if (Message.isRequest(message) && message.id !== null) this.unanswered.add(message.id);
    if (!Message.isNotification(message)) return;
    const n = message as NotificationMessage;
    const doc = (n.params as { textDocument?: { uri?: string; version?: number } } | undefined)?.textDocument;
    if (!doc?.uri) return;
    if (n.method === 'textDocument/didChange' || n.method === 'textDocument/didOpen') {
      if (typeof doc.version === 'number' && doc.version > (this.latest.get(doc.uri) ?? -Infinity)) {
        this.latest.set(doc.uri, doc.version);
        this.readAt.set(doc.uri, performance.now());
      }
    } else if (n.method === 'textDocument/didClose') {
      this.latest.delete(doc.uri);
      this.readAt.delete(doc.uri);
    }
  }

  /** When this version was read off the wire (performance.now()), if it is the newest one. */
  readTime(uri: string, version: number): number | undefined {
    return this.latest.get(uri) === version ? this.readAt.get(uri) : undefined;
  }

  /** The server wrote a message: an answer ends the wait for its request. */
  sent(message: Message): void {
    if (!Message.isResponse(message) || message.id === null || !this.unanswered.delete(message.id) || this.unanswered.size) return;
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }

  /**
   * Runs `then` once every request read so far has been answered, or after `maxWaitMs`: a check
   * waits for the completion list or the code actions asked for with the keystroke that started
   * it (they were read together but would otherwise queue behind it), and never for long.
   */
  afterAnswers(then: () => void, maxWaitMs: number): void {
    if (!this.unanswered.size) {
      then();
      return;
    }
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      then();
    };
    const timer = setTimeout(once, maxWaitMs);
    this.waiters.push(once);
  }

  /** True when a version newer than `version` has been read (it may not be applied yet). */
  newerThan(uri: string, version: number): boolean {
    const v = this.latest.get(uri);
    return v !== undefined && v > version;
  }
}

function observe(reader: MessageReader, seen: ArrivedVersions): MessageReader {
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    listen: (callback) =>
      reader.listen((message) => {
        try {
          seen.note(message);
        } finally {
          callback(message);
        }
      }),
    dispose: () => reader.dispose(),
  };
}

function observeWriter(writer: MessageWriter, seen: ArrivedVersions): MessageWriter {
  return {
    onError: writer.onError,
    onClose: writer.onClose,
    write: (message) => {
      seen.sent(message);
      return writer.write(message);
    },
    end: () => writer.end(),
    dispose: () => writer.dispose(),
  };
}

export interface Transport {
  reader: MessageReader;
  writer: MessageWriter;
  /** Whether the transport is stdout, which must never carry anything but protocol messages. */
  stdio: boolean;
}

/** Picks the transport from argv: `--stdio` (the default), `--node-ipc`, `--socket=N`, `--pipe=NAME`. */
export function createTransport(argv: readonly string[], seen: ArrivedVersions): Transport {
  const value = (flag: string) => {
    const i = argv.findIndex((a) => a === flag || a.startsWith(flag + '='));
    if (i === -1) return undefined;
    return argv[i].includes('=') ? argv[i].slice(flag.length + 1) : argv[i + 1];
  };
  let reader: MessageReader;
  let writer: MessageWriter;
  let stdio = false;
  if (argv.includes('--node-ipc')) {
    reader = new IPCMessageReader(process);
    writer = new IPCMessageWriter(process);
  } else if (value('--socket')) {
    [reader, writer] = createServerSocketTransport(Number(value('--socket')));
  } else if (value('--pipe')) {
    [reader, writer] = createServerPipeTransport(value('--pipe')!);
  } else {
    reader = new StreamMessageReader(process.stdin);
    writer = new StreamMessageWriter(process.stdout);
    stdio = true;
  }
  return { reader: observe(reader, seen), writer: observeWriter(writer, seen), stdio };
}
