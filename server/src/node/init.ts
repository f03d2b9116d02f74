/**
 * `careplan init`: what a team needs to adopt careplan in a git repository — a starter config, the
 * team's own copy of the templates, a GitHub Actions workflow (annotations on pull requests, SARIF
 * to code scanning) and a pre-commit hook. It writes only files that are not there yet and says
 * what it skipped; docs/teams.md walks through each file.
 */
import * as path from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Disk, nodeDiskCalls } from './disk';
import { ALREADY_EXISTS, createFileIn } from './createFile';

const TEMPLATE_DIR = 'templates';

export const CONFIG_TEXT = `# careplan settings for this repository; docs/teams.md in the careplan package explains each line.
root: true
extends: careplan:recommended
# The team's own templates, for \`careplan new\` and the editor's New commands (they are not records).
templates: ${TEMPLATE_DIR}
ignore:
  - ${TEMPLATE_DIR}/**
# Make a check stricter or quieter, or ask every record for the team's own sections:
# rules:
#   expectation-generic: error
#   required-fields:
#     fields:
#       care-plan: [placement.carer, health, education, contact.arrangements]
`;

export const WORKFLOW_TEXT = `# careplan: checks the records on every pull request (written by \`careplan init\`).
name: careplan
on:
  pull_request:
  push:
    branches: [main]
permissions:
  contents: read
  security-events: write
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - name: Check the records (findings shown on the pull request)
        run: npx careplan lint --format github
      - name: Write the findings for code scanning
        if: \${{ always() }}
        run: npx careplan lint --format sarif --output-file careplan.sarif || true
      - uses: github/codeql-action/upload-sarif@v3
        if: \${{ always() }}
        with:
          sarif_file: careplan.sarif
          category: careplan
`;

/** The plain git hook: the staged records, not the templates; a finding that is an error stops the commit. */
export const GIT_HOOK_TEXT = `#!/bin/sh
# careplan: checks the records being committed (written by \`careplan init\`; see docs/teams.md).
# Skip once with: git commit --no-verify
# --cache: the other records (read for ids and each child's chronology) are read again only once changed.
git diff --cached --name-only -z --diff-filter=ACMR -- '*.yaml' '*.yml' ':(exclude)${TEMPLATE_DIR}/' |
  xargs -0 -r npx --no-install careplan lint --cache --no-error-on-unmatched-pattern --
`;

export const GITIGNORE_TEXT = `node_modules/
careplan.sarif
.careplancache
`;

/** For teams that use the pre-commit framework instead of a plain hook. */
export const PRE_COMMIT_CONFIG_TEXT = `# careplan with the pre-commit framework (https://pre-commit.com), written by \`careplan init --pre-commit\`.
repos:
  - repo: local
    hooks:
      - id: careplan
        name: careplan
        entry: npx --no-install careplan lint --cache --no-error-on-unmatched-pattern --
        language: system
        files: \\.ya?ml$
        exclude: ^${TEMPLATE_DIR}/
`;

interface InitFlags {
  dir?: string;
  ci: boolean;
  hook: boolean;
  preCommit?: boolean;
  templates: boolean;
}

export interface InitHelpers {
  fail(message: string): never;
  /** The exit code of a run that could not write a file it was asked for (a usage error's). */
  failureExitCode: number;
}

function builtInTemplate(kind: string): string {
  return readFileSync(path.join(__dirname, '..', 'templates', `${kind}.yaml`), 'utf8');
}

/** A folder inside the project, made if missing; its real path, or the problem. */
async function folder(disk: Disk, root: string, rel: string): Promise<string> {
  let real = root;
  for (const part of rel.split('/').filter(Boolean)) {
    const next = path.join(real, part);
    const place = await disk.locate(next);
    if (place.kind === 'missing') mkdirSync(next);
    else if (place.kind !== 'directory') throw new Error(`${path.join(rel)} is not a folder inside the project`);
    real = place.kind === 'directory' ? place.real : next;
  }
  return real;
}

async function runInit(flags: InitFlags, cli: InitHelpers): Promise<void> {
  const dir = path.resolve(flags.dir ?? '.');
  const disk = new Disk([dir], nodeDiskCalls);
  const rootPlace = await disk.locate(dir);
  if (rootPlace.kind !== 'directory') cli.fail(`the folder ${dir} does not exist.`);
  const root = rootPlace.real;
  const gitPlace = (await disk.locate(path.join(root, '.git'))).kind;
  // a worktree or submodule has a .git file naming its git folder elsewhere: a repository, whose hooks are not here
  const hasGit = gitPlace === 'directory' || gitPlace === 'file';
  const hooksHere = gitPlace === 'directory';

  const wanted: { rel: string; text: string; mode?: number }[] = [{ rel: '.careplan.yaml', text: CONFIG_TEXT }];
  // `git add .` must not commit the installed packages (nor the hook check them); only when there is none
  if (hasGit) wanted.push({ rel: '.gitignore', text: GITIGNORE_TEXT });
  if (flags.templates) for (const kind of ['care-plan', 'review', 'supervision']) wanted.push({ rel: `${TEMPLATE_DIR}/${kind}.yaml`, text: builtInTemplate(kind) });
  if (flags.ci) wanted.push({ rel: '.github/workflows/careplan.yml', text: WORKFLOW_TEXT });
  if (flags.preCommit) wanted.push({ rel: '.pre-commit-config.yaml', text: PRE_COMMIT_CONFIG_TEXT });
  else if (flags.hook && hooksHere) wanted.push({ rel: '.git/hooks/pre-commit', text: GIT_HOOK_TEXT, mode: 0o755 });

  const lines: string[] = [];
  let failed = false;
  for (const { rel, text, mode } of wanted) {
    let problem: string | undefined;
    try {
      problem = await createFileIn(await folder(disk, root, path.posix.dirname(rel)), path.posix.basename(rel), text, mode);
    } catch (err) {
      problem = (err as Error).message;
    }
    // a file already there is the team's own (init run again): anything else is a failure, and says so in the exit code
    if (problem && problem !== ALREADY_EXISTS) failed = true;
    lines.push(!problem ? `  wrote   ${rel}` : problem === ALREADY_EXISTS ? `  skipped ${rel}: ${problem}` : `  could not write ${rel}: ${problem}`);
  }
  if (failed) process.exitCode = cli.failureExitCode;
  if (flags.hook && !flags.preCommit && !hasGit) lines.push('  no git hook: this folder is not a git repository (run git init first, then careplan init again)');
  if (flags.hook && !flags.preCommit && hasGit && !hooksHere) lines.push('  no git hook: this is a git worktree or submodule, whose hooks live in its git folder — use careplan init --pre-commit, or copy the hook from docs/teams.md');
  process.stdout.write(`careplan init in ${path.relative(process.cwd(), dir) || '.'}:\n${lines.join('\n')}\nNext: careplan new review --child CH-000123 --dir <folder>, then careplan lint.\n`);
}

export function registerInit(program: Command, cli: InitHelpers): void {
  program
    .command('init')
    .description('set a team repository up: .careplan.yaml, the templates, a GitHub Actions workflow and a pre-commit hook')
    .option('--dir <folder>', 'the repository (default: this folder)')
    .option('--no-ci', 'no GitHub Actions workflow')
    .option('--no-hook', 'no git pre-commit hook')
    .option('--pre-commit', 'a .pre-commit-config.yaml for the pre-commit framework instead of a plain git hook')
    .option('--no-templates', "no copy of careplan's templates to edit")
    .action(async (flags: InitFlags) => runInit(flags, cli));
}
