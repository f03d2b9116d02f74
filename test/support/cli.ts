import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '../..');
export const CLI = path.join(REPO, 'dist', 'cli.js');

/** Runs the built CLI (npm test builds it first) and returns its exit code and output. */
export function runCli(args: string[], cwd = REPO): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' } });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder (by its real path) holding these files; with `git`, it is a project root. */
export function workspace(files: Record<string, string | Buffer>, options: { git?: boolean } = {}): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'careplan-cli-')));
  if (options.git) fs.mkdirSync(path.join(dir, '.git'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/**
 * A first review of a fictional child, dated far ahead so the real today never makes it overdue:
 * `actions` is the YAML under `actions:`, `extra` more top-level lines at the end.
 */
export function futureReview(child: string, actions: string, extra = ''): string {
  return `kind: review
id: review-${child.replace('-', '')}-2099-10-24
child: ${child}
date: 2099-10-24
review: { number: 1, chair: IRO, next_review_due: 2100-01-24 }
actions:
${actions}wishes_and_feelings: { child: J says he likes his carers and wants to keep playing football. }
${extra}`;
}

/** One open action of the social worker's with this timescale line (`timescale: …` or `due: …`). */
export function action(id: string, wording: string, when: string): string {
  return `  - id: ${id}\n    action: ${wording}\n    owner: Social worker\n    ${when}\n    status: open\n`;
}
