/**
 * Hostile workspaces for the path-policy tests, built in a temp folder: `..` and encoded dots,
 * links to files and folders outside, link loops, named pipes, and a folder nobody may read.
 * Everything outside the workspace lives in a sibling folder `outside/`.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const RECORD = (id: string, extra = '') => `kind: review
id: ${id}
child: CH-000999
date: 2025-04-24
review: { number: 1, chair: IRO, next_review_due: 2025-07-24 }
${extra}actions:
  - id: A1
    action: Book the review health assessment
    owner: Social worker
    due: 2030-05-09
    status: open
`;

/** `references:` entries whose `path:` each try to reach `outside/secret.md`. */
export function hostileReferences(base: string): { written: string; line: number }[] {
  const written = [
    '../../outside/secret.md',
    '../outside/secret.md',
    `file://${base}/ws/%2e%2e/outside/secret.md`,
    `file://${base}/ws/.%2e/outside/secret.md`,
    `file://${base}/ws/case/..//../outside/secret.md`,
    '//../outside/secret.md',
    'linked/secret.md',
    'secret-link.md',
    'linked/new.md',
  ];
  return written.map((w, i) => ({ written: w, line: 6 + i }));
}

export interface HostileWorkspace {
  /** The folder holding `ws/` (the workspace root) and `outside/`. */
  base: string;
  root: string;
  outside: string;
  /** The record with the hostile references, relative to the root. */
  review: string;
  /** Whether reading a folder made unreadable with chmod 000 fails for this process (not for root). */
  lockedIsUnreadable: boolean;
  cleanup(): void;
}

export function hostileWorkspace(options: { loops?: boolean; fifos?: boolean; locked?: boolean } = {}): HostileWorkspace {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'careplan-hostile-')));
  fs.chmodSync(base, 0o755); // a test may run the CLI as another user
  const root = path.join(base, 'ws');
  const outside = path.join(base, 'outside');
  fs.mkdirSync(path.join(root, 'case'), { recursive: true });
  fs.mkdirSync(path.join(outside, 'deep'), { recursive: true });
  fs.writeFileSync(path.join(outside, 'secret.md'), '# not for careplan\n');
  fs.writeFileSync(path.join(outside, 'outside-record.yaml'), RECORD('outside-record').replace('due: 2030-05-09', 'timescale: ongoing'));
  fs.writeFileSync(path.join(outside, '.gitignore'), '*.md\n');
  fs.writeFileSync(path.join(outside, 'deep', 'deep.yaml'), RECORD('outside-deep'));
  const refs = hostileReferences(base)
    .map((r, i) => `  - { id: r${i}, type: pep, title: PEP, date: 2025-01-01, path: ${JSON.stringify(r.written)} }\n`)
    .join('');
  fs.writeFileSync(path.join(root, 'case', 'review.yaml'), RECORD('review-hostile', `references:\n${refs}`));
  fs.writeFileSync(path.join(root, 'case', 'inside.md'), '# inside\n');
  fs.writeFileSync(path.join(root, '.careplan.yaml'), 'today: 2025-11-01\n');
  fs.writeFileSync(path.join(root, '.gitignore'), 'ignored/\n');
  fs.mkdirSync(path.join(root, 'ignored'));
  fs.writeFileSync(path.join(root, 'ignored', 'ignored.yaml'), RECORD('ignored-record'));
  if (options.loops) {
    // Two self-links (a search that follows them never ends) and a link to itself.
    fs.symlinkSync('.', path.join(root, 'a'));
    fs.symlinkSync('.', path.join(root, 'b'));
    fs.symlinkSync('self', path.join(root, 'self'));
  }
  // Links to a folder and to files outside.
  fs.symlinkSync(outside, path.join(root, 'usr'));
  fs.symlinkSync('../../outside', path.join(root, 'case', 'linked'));
  fs.symlinkSync('../../outside/secret.md', path.join(root, 'case', 'secret-link.md'));
  fs.symlinkSync('../outside/outside-record.yaml', path.join(root, 'linked-record.yaml'));
  if (options.fifos) execFileSync('mkfifo', [path.join(root, 'case', 'pipe.yaml')]);
  let lockedIsUnreadable = false;
  if (options.locked) {
    fs.mkdirSync(path.join(root, 'locked'));
    fs.writeFileSync(path.join(root, 'locked', 'hidden.yaml'), RECORD('locked-record'));
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    try {
      fs.readdirSync(path.join(root, 'locked'));
    } catch {
      lockedIsUnreadable = true;
    }
  }
  return {
    base,
    root,
    outside,
    review: 'case/review.yaml',
    lockedIsUnreadable,
    cleanup: () => {
      if (options.locked) fs.chmodSync(path.join(root, 'locked'), 0o755);
      fs.rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Whether `p` is `dir` or lies under it. */
export function isUnderDir(p: string, dir: string): boolean {
  return p === dir || p.startsWith(dir + path.sep);
}
