#!/usr/bin/env node
/** `careplan` command line: a thin adapter over the shared engine (see docs/cli.md). */
// V8's code cache for what loads later (workers, late-loaded libraries), where Node has it (22.1 on).
(require('node:module') as { enableCompileCache?: () => unknown }).enableCompileCache?.();
import { limitHeapGrowth } from './node/heapGrowth';
import { Command, CommanderError, Option } from 'commander';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { OutputFileError, writeOutputFile } from './node/outputFile';
import pc from 'picocolors';
import { RULE_INFO } from './service';
import { isCheckableDate } from './service/dates';
import { visibleControls } from './formatters/plainText';
import type { RawConfig, Severity } from './service';
import picomatch from 'picomatch';
import { configFor, lintPaths, RootError, UnmatchedError, type Concurrency } from './node/lint';
import type { Shard } from './node/shard';
import { DEFAULT_CACHE_LOCATION } from './node/cache';
import { ReportWriter } from './node/streamReport';
import type { LintResult } from './node/checkFile';
import { ConfigError, type LoadedConfig } from './node/loadConfig';
import { nodeDiskCalls } from './node/disk';
import { findProjectRoot, searchStart } from './node/projectRoot';
import { REPORT_STREAMS, counts } from './formatters';
import { registerNew } from './node/newRecord';
import { registerInit } from './node/init';
import { registerReport } from './node/report';
import { version } from '../../package.json';

// the heap kept near what the run holds, not what it has thrown away (see heapGrowth.ts)
limitHeapGrowth();

const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_USAGE = 2;

/** A rule's page from the installed package (the tool's own files, not the workspace's). */
function ruleHelp(id: string): string | undefined {
  try {
    return readFileSync(path.join(__dirname, '..', 'docs', 'rules', `${id}.md`), 'utf8');
  } catch {
    return undefined;
  }
}

interface LintFlags {
  format: string;
  config?: string;
  today?: string;
  quiet?: boolean;
  maxWarnings?: string;
  outputFile?: string;
  color: boolean;
  root?: string;
  errorOnUnmatchedPattern: boolean;
  printConfig?: string;
  reportUnusedDisableDirectives?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  concurrency: string;
  cache?: boolean;
  cacheLocation: string;
  shard?: string;
}

/** Everything piped in, as bytes (decoded as a file would be: BOM, UTF-16). */
async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function fail(message: string): never {
  throw new CommanderError(EXIT_USAGE, 'careplan.usage', message);
}

async function runLint(paths: string[], flags: LintFlags): Promise<number> {
  const format = REPORT_STREAMS[flags.format];
  if (!format) fail(`Unknown format '${flags.format}'. Use one of: ${Object.keys(REPORT_STREAMS).join(', ')}.`);
  if (flags.today !== undefined && !isCheckableDate(flags.today)) fail(`--today takes a real date as YYYY-MM-DD, not '${visibleControls(flags.today)}'.`);
  const maxWarnings = flags.maxWarnings === undefined ? -1 : /^\d+$/.test(flags.maxWarnings.trim()) ? Number(flags.maxWarnings) : NaN;
  if (!Number.isSafeInteger(maxWarnings)) fail(`--max-warnings takes a whole number, 0 or more, not '${visibleControls(flags.maxWarnings ?? '')}'.`);

  const root = flags.root !== undefined ? path.resolve(flags.root) : await projectRoot(flags.stdinFilename !== undefined ? [flags.stdinFilename] : paths);
  if (path.parse(root).root === root) {
    fail(
      flags.root === undefined
        ? `the workspace root would be ${root}, the whole file system — run careplan in the folder that holds the records, or give that folder as --root.`
        : `--root ${root} is the whole file system — give the folder that holds the records.`,
    );
  }
  const overrides: RawConfig = {
    ...(flags.today ? { today: flags.today } : {}),
    ...(flags.reportUnusedDisableDirectives ? { report_unused_disable_directives: true } : {}),
  };
  if (flags.printConfig !== undefined) {
    const loaded = await configFor(path.resolve(flags.printConfig), { root, configFile: flags.config, overrides });
    process.stdout.write(`${JSON.stringify(printable(loaded), null, 2)}\n`);
    return EXIT_CLEAN;
  }
  if (flags.stdinFilename !== undefined && !flags.stdin) fail('--stdin-filename names the text given with --stdin: add --stdin.');
  if (flags.stdin && paths.length) fail('--stdin checks the text piped in: give no paths with it (name the file with --stdin-filename).');
  const stdin = flags.stdin ? { bytes: await readStdin(), filename: flags.stdinFilename && path.resolve(flags.stdinFilename) } : undefined;
  if (flags.fix && flags.fixDryRun) fail('--fix saves the fixes and --fix-dry-run only shows them: give one of them.');
  if (flags.fix && flags.stdin) fail('--fix cannot save a piped text: use --fix-dry-run with --stdin (the fixed text is in --format json output).');
  const fix = flags.fix ? 'write' : flags.fixDryRun ? 'dry-run' : undefined;
  const concurrency = parseConcurrency(flags.concurrency);
  const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
  const cache = flags.cache ? { location: path.resolve(flags.cacheLocation), version, onSaveError: (m: string) => process.stderr.write(`careplan: ${m}\n`) } : undefined;
  const ctx = { cwd: process.cwd(), root, color: flags.color && !flags.outputFile && pc.isColorSupported, rules: RULE_INFO, ruleHelp, version };
  // written file by file as the records are checked: the results are not all held
  const stream = format(ctx);
  const writer = new ReportWriter(flags.outputFile);
  let errors = 0;
  let warnings = 0;
  let unsaved = false;
  const onResult = (given: LintResult) => {
    const r = flags.quiet ? { ...given, findings: given.findings.filter((f) => f.severity === 'error') } : given;
    const tally = counts([r]);
    errors += tally.errors;
    warnings += tally.warnings;
    unsaved ||= r.writeError !== undefined;
    writer.write(stream.add(r));
  };
  await lintPaths(paths, { root, configFile: flags.config, overrides, allowUnmatched: !flags.errorOnUnmatchedPattern, stdin, fix, concurrency, shard, cache, onResult });
  writer.write(stream.end());
  writer.close();
  if (writer.failure !== undefined) reportFailure(flags.outputFile!, writer.failure);
  if (unsaved) return EXIT_USAGE;
  if (errors > 0) return EXIT_FINDINGS;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    process.stderr.write(`careplan found ${warnings} warnings, more than --max-warnings ${maxWarnings}.\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_CLEAN;
}

/** `--concurrency`: a number of threads, `auto` or `off`. */
function parseConcurrency(given: string): Concurrency {
  const value = given.trim().toLowerCase();
  if (value === 'auto' || value === 'off') return value;
  if (/^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= 256) return Number(value);
  fail(`--concurrency takes a number of threads (1 or more), auto or off, not '${visibleControls(given)}'.`);
}

/** `--shard i/n`: this run checks the i-th of n parts (1-based, as CI matrices count). */
function parseShard(given: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(given);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(count >= 1 && count <= 10_000 && index >= 1 && index <= count)) fail(`--shard takes i/n, the part to check and how many parts there are, with 1 ≤ i ≤ n (for example 2/4), not '${visibleControls(given)}'.`);
  return { index, count };
}

/** Writes the report file; a folder that is not there is the user's to fix, not a crash. */
function writeReport(file: string, output: string): void {
  try {
    writeOutputFile(file, output);
  } catch (err) {
    reportFailure(file, err);
  }
}

/** A report that cannot be written is the user's to fix, said plainly (exit 2), not a crash. */
function reportFailure(file: string, err: unknown): never {
  if (err instanceof OutputFileError) fail(`cannot write the report to ${file}: ${err.reason}.`);
  const code = (err as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (err as Error).message;
  fail(`cannot write the report to ${file}: ${why}.`);
}

/** The project the paths are in (nearest `.git` or `root: true` config above them), else this folder. */
async function projectRoot(paths: readonly string[]): Promise<string> {
  const start = searchStart(paths, process.cwd(), (arg) => (picomatch.scan(arg).isGlob ? picomatch.scan(arg).base || '.' : arg));
  return (await findProjectRoot(nodeDiskCalls, start)) ?? process.cwd();
}

/** What --print-config shows: the configs used and every setting, in the words of the config file. */
function printable(loaded: LoadedConfig): Record<string, unknown> {
  const { config } = loaded;
  const rules = Object.fromEntries(
    RULE_INFO.map((r) => {
      const set = config.rules[r.id];
      return [r.id, { severity: set?.severity ?? r.defaultSeverity, ...set?.options }];
    }),
  );
  const intervals = config.timescales.reviewIntervals;
  return {
    configFiles: loaded.files.map((f) => (path.isAbsolute(f) ? path.relative(process.cwd(), f) || f : f)),
    kind: loaded.kindHint,
    today: config.today,
    report_unused_disable_directives: config.reportUnusedDisableDirectives,
    rules,
    documents: config.documents,
    ignore: config.ignore,
    timescales: {
      extra_vague_phrases: config.timescales.extraVaguePhrases,
      review_intervals: intervals && { first_working_days: intervals.firstWorkingDays, second_months: intervals.secondMonths, later_months: intervals.laterMonths },
    },
    references: { extra_document_types: config.extraDocumentTypes },
    expectations: { extra_vague_phrases: config.expectations.extraVaguePhrases, min_concretisers: config.expectations.minConcretisers },
    roles: config.roles,
    templates: loaded.templatesDir && (path.relative(process.cwd(), loaded.templatesDir) || '.'),
  };
}

function listRules(): void {
  const width = Math.max(...RULE_INFO.map((r) => r.id.length));
  for (const r of RULE_INFO) {
    process.stdout.write(`${r.id.padEnd(width)}  ${(r.defaultSeverity as Severity).padEnd(7)}  ${r.description}\n`);
  }
}

export function buildProgram(): Command {
  const program = new Command('careplan')
    .description('Checks care plans, review records and supervision records for children looked after.')
    .version(version)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('lint')
    .description('check YAML records under the given files, folders or globs (default: this folder)')
    .argument('[paths...]', 'files, folders or globs')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(REPORT_STREAMS)).default('stylish'))
    .option('-c, --config <file>', 'use this config file instead of looking for .careplan.yaml')
    .option('--today <YYYY-MM-DD>', 'the date overdue actions are judged against (default: today)')
    .option('-q, --quiet', 'report errors only, not warnings')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('-o, --output-file <file>', 'write the report to a file instead of the terminal')
    .option('--root <folder>', 'workspace root that references may not leave (default: the nearest folder above the files with .git or a config with root: true, else this folder)')
    .option('--print-config <file>', 'print the settings that apply to this file, and the config files they come from, then stop')
    .option('--fix', 'make the safe fixes (ISO dates, due: from a timescale that comes to a date, a misspelt field with one meaning) and save the files')
    .option('--fix-dry-run', 'work out the safe fixes without saving (the fixed text is in --format json output)')
    .option('--stdin', 'check the text piped in instead of files')
    .option('--stdin-filename <file>', 'the file the piped text is (for its config, its kind and the report)')
    .option('--report-unused-disable-directives', 'report careplan-disable comments that hide no finding')
    .option('--cache', 'only check records that changed (or whose related records changed) since the last run with --cache')
    .option('--cache-location <path>', 'the cache file', DEFAULT_CACHE_LOCATION)
    .option('--concurrency <n|auto|off>', 'threads to check on, the main one included: a number, auto (every core, once there are enough records) or off', 'auto')
    .option('--shard <i/n>', 'check only the i-th of n parts of the records (for CI jobs in parallel; see docs/cli.md)')
    .option('--no-color', 'plain output without colours')
    .option('--no-error-on-unmatched-pattern', 'do not stop when a path or glob matches nothing')
    .action(async (paths: string[], flags: LintFlags) => {
      process.exitCode = await runLint(paths, flags);
    });

  program.command('rules').description('list the rule ids, their default severity and what they find').action(listRules);
  registerReport(program, { fail, writeReport });
  registerNew(program, { fail, projectRoot });
  registerInit(program, { fail, failureExitCode: EXIT_USAGE });
  return program;
}

/** Runs the command line (dist/cli.js calls it, after its V8 settings; run directly, this file calls it). */
export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'careplan.usage') process.stderr.write(`careplan: ${err.message}\n`);
      // Help and version are not failures; every other usage problem is exit 2.
      process.exitCode = err.exitCode === 0 ? EXIT_CLEAN : EXIT_USAGE;
      return;
    }
    if (err instanceof RootError || err instanceof UnmatchedError) {
      process.stderr.write(`careplan: ${err.message}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`careplan: the config file ${path.relative(process.cwd(), err.file) || err.file} has problems:\n`);
      for (const f of err.findings) process.stderr.write(`  ${f.range.start.line + 1}:${f.range.start.character + 1}  ${visibleControls(f.message)}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    process.stderr.write(`careplan: internal error: ${(err as Error).stack ?? err}\nPlease report this.\n`);
    process.exitCode = EXIT_USAGE;
  }
}

if (require.main === module) void main(process.argv);
