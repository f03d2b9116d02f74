/**
 * `careplan report`: the permanence tracker from the records on disk. The records are found,
 * configured and checked exactly as `careplan lint` does (it calls lintPaths), with only the
 * checks the tracker counts switched on; each record is then read for its facts, a few at a
 * time, so memory holds the facts and rows, not the texts.
 */
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import picomatch from 'picomatch';
import { factsOf, type RecordFacts } from '../service/chronology';
import { parseCarePlanDocument, type RawConfig } from '../service';
import { isCheckableDate } from '../service/dates';
import { buildTracker, groupByChild, onlyTrackerChecks, TRACKER_CHECKS, trackerOptions, type RecordFinding, type Tracker } from '../service/tracker';
import { visibleControls } from '../formatters/plainText';
import { REPORT_FORMATTERS } from '../formatters/report';
import { Disk, isUnder, nodeDiskCalls, nodeDiskCallsSync, type DiskCalls } from './disk';
import { lintPaths } from './lint';
import { ConfigResolver } from './loadConfig';
import { findProjectRoot, searchStart } from './projectRoot';
import { readTextFile } from './readText';

export interface ReportOptions {
  root: string;
  configFile?: string;
  today?: string;
  allowUnmatched?: boolean;
  calls?: DiskCalls;
}

/** Records read at once for their facts, for disk calls that wait (see lint.ts's READS_AT_ONCE): few enough that texts do not pile up. */
const READS_AT_ONCE = 16;

/** The tracker for the records under `args` (files, folders or globs; default the root). */
export async function reportPaths(args: readonly string[], options: ReportOptions): Promise<Tracker> {
  const overrides: RawConfig = { ...(options.today ? { today: options.today } : {}), rules: onlyTrackerChecks() };
  // The calls are passed on only when given: lint checks on worker threads with the real disk.
  const results = await lintPaths(args, { root: options.root, configFile: options.configFile, overrides, allowUnmatched: options.allowUnmatched, ...(options.calls ? { calls: options.calls } : {}) });

  const configFile = options.configFile && path.resolve(options.configFile);
  const disk = new Disk([options.root], options.calls ?? nodeDiskCallsSync, configFile ? [configFile] : []);
  const [root] = await disk.realRoots(); // lintPaths has already refused a root that is not there
  const records = results.filter((r) => r.kind !== undefined);
  // The settings of the folder that holds all the records reported (samples/ has its own today:).
  const folder = records.length ? records.map((r) => path.dirname(r.filePath)).reduce(commonFolder) : root!;
  const folderConfig = await new ConfigResolver(disk, root!, configFile, overrides).forFolder(folder);
  const name = (file: string): string => path.relative(root!, file).split(path.sep).join('/');

  const facts: RecordFacts[] = [];
  const findings: RecordFinding[] = [];
  for (let at = 0; at < records.length; at += READS_AT_ONCE) {
    const batch = records.slice(at, at + READS_AT_ONCE);
    const texts = await Promise.all(batch.map((r) => readTextFile(disk, r.filePath)));
    batch.forEach((result, i) => {
      const record = name(result.filePath);
      for (const f of result.findings) if (TRACKER_CHECKS.includes(f.ruleId)) findings.push({ record, ruleId: f.ruleId, pointer: f.pointer });
      const decoded = texts[i];
      const read = decoded?.ok ? factsOf(record, parseCarePlanDocument(decoded.text, result.kind)) : undefined;
      // An action's words are not part of the tracker: they are dropped before the facts are kept.
      if (read) facts.push({ ...read, actions: read.actions.map(({ text: _words, ...a }) => a) });
    });
  }
  return buildTracker(groupByChild(facts, findings), trackerOptions(folderConfig.config));
}

/** The deepest folder holding both. */
function commonFolder(a: string, b: string): string {
  while (a !== b && !isUnder(b, a)) {
    const up = path.dirname(a);
    if (up === a) break;
    a = up;
  }
  return a;
}

interface ReportFlags {
  format: string;
  config?: string;
  today?: string;
  outputFile?: string;
  root?: string;
  errorOnUnmatchedPattern: boolean;
}

/** What the CLI lends the subcommand: its usage error and its report-file writer. */
export interface CliHelpers {
  fail(message: string): never;
  writeReport(file: string, output: string): void;
}

/** The project the paths are in (nearest `.git` or `root: true` config above them), else this folder, as lint finds it. */
async function projectRoot(paths: readonly string[]): Promise<string> {
  const start = searchStart(paths, process.cwd(), (arg) => (picomatch.scan(arg).isGlob ? picomatch.scan(arg).base || '.' : arg));
  return (await findProjectRoot(nodeDiskCalls, start)) ?? process.cwd();
}

/** Adds `careplan report` to the program. */
export function registerReport(program: Command, cli: CliHelpers): void {
  program
    .command('report')
    .description('write the permanence tracker for the records under the given files, folders or globs (default: this folder)')
    .argument('[paths...]', 'files, folders or globs')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(REPORT_FORMATTERS)).default('html'))
    .option('-o, --output-file <file>', 'write the tracker to a file instead of the terminal')
    .option('--today <YYYY-MM-DD>', 'the date the tracker counts from (default: today, or today: in .careplan.yaml)')
    .option('-c, --config <file>', 'use this config file instead of looking for .careplan.yaml')
    .option('--root <folder>', 'workspace root (default: the nearest folder above the files with .git or a config with root: true, else this folder)')
    .option('--no-error-on-unmatched-pattern', 'do not stop when a path or glob matches nothing')
    .action(async (paths: string[], flags: ReportFlags) => {
      if (flags.today !== undefined && !isCheckableDate(flags.today)) cli.fail(`--today takes a real date as YYYY-MM-DD, not '${visibleControls(flags.today)}'.`);
      const root = flags.root !== undefined ? path.resolve(flags.root) : await projectRoot(paths);
      if (path.parse(root).root === root) cli.fail(`the workspace root would be ${root}, the whole file system — run careplan in the folder that holds the records, or give that folder as --root.`);
      const tracker = await reportPaths(paths, { root, configFile: flags.config, today: flags.today, allowUnmatched: !flags.errorOnUnmatchedPattern });
      const output = REPORT_FORMATTERS[flags.format]!(tracker);
      if (flags.outputFile) cli.writeReport(flags.outputFile, output);
      else process.stdout.write(output);
    });
}
