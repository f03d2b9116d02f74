/**
 * `careplan new <kind>`: a record started from the team's template (`templates:` in .careplan.yaml)
 * or careplan's own, filled in and saved under the name convention of server/src/service/templates.ts.
 * It never writes over a file and never writes outside the project.
 */
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { ALREADY_EXISTS, createFileIn } from './createFile';
import type { Command } from 'commander';
import { Disk, nodeDiskCalls } from './disk';
import { readTextFile } from './readText';
import { configFor } from './lint';
import { createUnderFreeName, fillTemplate, isCaseReference } from '../service/templates';
import { isCheckableDate } from '../service/dates';
import { todayIso } from '../service';
import type { DocumentKind } from '../service';

const KINDS: readonly DocumentKind[] = ['care-plan', 'review', 'supervision'];

interface NewFlags {
  child?: string;
  dir?: string;
  date?: string;
  stdout?: boolean;
}

export interface NewHelpers {
  fail(message: string): never;
  projectRoot(paths: readonly string[]): Promise<string>;
}

/** careplan's own template, shipped beside the bundle (dist/../templates). */
function builtInTemplate(kind: DocumentKind): string {
  return readFileSync(path.join(__dirname, '..', 'templates', `${kind}.yaml`), 'utf8');
}

/** The template text for `kind` in `dir`: the team's when its config names a folder that has one. */
async function templateFor(kind: DocumentKind, dir: string, root: string, cli: NewHelpers): Promise<{ text: string; from: string }> {
  const loaded = await configFor(path.join(dir, `${kind}.yaml`), { root });
  if (!loaded.templatesDir) return { text: builtInTemplate(kind), from: 'careplan' };
  const file = path.join(loaded.templatesDir, `${kind}.yaml`);
  const decoded = await readTextFile(new Disk([root], nodeDiskCalls), file);
  if (decoded === undefined) return { text: builtInTemplate(kind), from: 'careplan' };
  if (!decoded.ok) cli.fail(`the team's template ${path.relative(process.cwd(), file)} cannot be used: ${decoded.reason}`);
  return { text: decoded.text, from: path.relative(process.cwd(), file) || file };
}

async function runNew(kind: string, flags: NewFlags, cli: NewHelpers): Promise<void> {
  if (!KINDS.includes(kind as DocumentKind)) cli.fail(`'${kind}' is not a kind of record: use one of ${KINDS.join(', ')}.`);
  if (flags.child !== undefined && !isCaseReference(flags.child)) cli.fail(`--child takes the child's case reference, such as CH-000123, not '${flags.child}'.`);
  if (flags.date !== undefined && !isCheckableDate(flags.date)) cli.fail(`--date takes a real date as YYYY-MM-DD, not '${flags.date}'.`);
  const dir = path.resolve(flags.dir ?? '.');
  const root = await cli.projectRoot([dir]);
  const today = flags.date ?? todayIso();
  const disk = new Disk([root], nodeDiskCalls);
  const place = await disk.locate(dir);
  if (place.kind !== 'directory') cli.fail(place.kind === 'outside' ? `${dir} is outside the project ${root}.` : `the folder ${dir} does not exist — create it first.`);
  // the folder where it really is, so the configs above it (and the team's templates) are found
  const { text, from } = await templateFor(kind as DocumentKind, place.real, root, cli);
  const filled = fillTemplate(text, { today, child: flags.child });
  if (flags.stdout) {
    process.stdout.write(filled);
    return;
  }
  const listed = await disk.list(place.real);
  const existing = 'entries' in listed ? listed.entries.map((e) => e.name) : [];
  // the same naming as the editor's New commands: case aside, and the next name when one is taken meanwhile
  let problem: string | undefined;
  const name = await createUnderFreeName(kind as DocumentKind, today, existing, async (candidate) => {
    problem = await createFileIn(place.real, candidate, filled);
    if (problem === ALREADY_EXISTS) return false;
    if (problem) cli.fail(`cannot write ${path.join(dir, candidate)}: ${problem}.`);
    return true;
  });
  if (!name) cli.fail(`no free file name in ${dir}: ${problem}.`);
  const file = path.join(dir, name);
  const shown = path.relative(process.cwd(), file) || file;
  process.stdout.write(`Created ${shown} from the ${from === 'careplan' ? "careplan template" : `template ${from}`}. Replace each ‹placeholder›${flags.child ? '' : ' and the case reference CH-000000'}, then run careplan lint.\n`);
}

export function registerNew(program: Command, cli: NewHelpers): void {
  program
    .command('new')
    .description("start a record from the team's template (templates: in .careplan.yaml) or careplan's own")
    .argument('<kind>', KINDS.join(' | '))
    .option('--child <ref>', "the child's case reference, such as CH-000123")
    .option('--dir <folder>', 'the folder to save it in (default: this folder)')
    .option('--date <YYYY-MM-DD>', "the record's date (default: today)")
    .option('--stdout', 'print the record instead of saving it')
    .action(async (kind: string, flags: NewFlags) => runNew(kind, flags, cli));
}
