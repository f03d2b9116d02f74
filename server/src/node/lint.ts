import * as path from 'node:path';
import picomatch from 'picomatch';
import { URI } from 'vscode-uri';
import { createEngine, DocumentKind, Finding, ResolvedConfig, todayIso } from '../service';
import { Disk, DiskCalls, isUnder, nodeDiskCalls } from './disk';
import { createFsHost } from './fsHost';
import { DecodedText, decodeText, encodeLike, fileFinding, readTextFile, unreadablePlaceReason } from './readText';
import { fixRecord } from '../service/features';
import { findYamlFiles, Skipped } from './findFiles';
import { ConfigResolver, type LoadedConfig } from './loadConfig';
import type { RawConfig } from '../service';

export interface LintResult {
  filePath: string;
  kind: DocumentKind | undefined;
  findings: Finding[];
  /** With --fix or --fix-dry-run: the fixed text, when a fix changed it. */
  output?: string;
  /** How many findings the fixes mended. */
  fixed?: number;
  /** With --fix: why the fixed text could not be written back, if it could not. */
  writeError?: string;
}

export interface LintOptions {
  root: string;
  configFile?: string;
  overrides?: RawConfig;
  /** The system calls to make (tests record them); the real file system by default. */
  calls?: DiskCalls;
  /** Accept a path or glob that matches nothing (by default it stops the run: it is usually a typo). */
  allowUnmatched?: boolean;
  /**
   * Check this text instead of the paths (an editor or a hook piping a buffer): checked as if it
   * were the file `filename` (its config, kind and place among the other records), which it replaces.
   */
  stdin?: { bytes: Uint8Array; filename?: string };
  /** Apply the safe quick fixes: 'write' saves each fixed file, 'dry-run' only reports the fixed text. */
  fix?: 'write' | 'dry-run';
}

/** The name a piped text is reported under when it is given none. */
export const STDIN_NAME = '<stdin>';

/** The workspace root cannot be used (it does not exist, or is not a folder): a usage error. */
export class RootError extends Error {}

/** A path or glob on the command line matches nothing: a usage error, as in ESLint. */
export class UnmatchedError extends Error {
  constructor(readonly args: readonly string[]) {
    super(
      `${args.length === 1 ? `'${args[0]}' matches` : `${args.map((a) => `'${a}'`).join(', ')} match`} no file or folder — check the spelling, or pass --no-error-on-unmatched-pattern to allow it.`,
    );
  }
}

/** The config that applies to a file, as lint would use it (for --print-config). */
export async function configFor(file: string, options: LintOptions): Promise<LoadedConfig> {
  const configFile = options.configFile && path.resolve(options.configFile);
  const disk = new Disk([options.root], options.calls ?? nodeDiskCalls, configFile ? [configFile] : []);
  const root = await realRoot(disk, options.root);
  const place = await disk.locate(file);
  if (place.kind === 'outside') throw new RootError(`${file} is outside the workspace root ${root} — give --root the folder that holds it.`);
  const real = place.kind === 'file' || place.kind === 'directory' ? place.real : file;
  return new ConfigResolver(disk, root, configFile, options.overrides).forFile(real);
}

/** Lints files, folders or globs with the shared engine; the CLI's whole job minus printing. */
export async function lintPaths(args: readonly string[], options: LintOptions): Promise<LintResult[]> {
  const calls = options.calls ?? nodeDiskCalls;
  const configFile = options.configFile && path.resolve(options.configFile);
  const disk = new Disk([options.root], calls, configFile ? [configFile] : []);
  const root = await realRoot(disk, options.root);
  const resolver = new ConfigResolver(disk, root, configFile, options.overrides);
  const rootConfig = await resolver.forFolder(root);
  const texts = new Map<string, DecodedText>();
  const textOf = (uri: string) => {
    const decoded = texts.get(URI.parse(uri).fsPath);
    return decoded?.ok ? decoded.text : undefined;
  };
  const engine = createEngine(createFsHost(disk, [root], textOf));

  // Index every document under the root first, so ids in closed files resolve. Read together,
  // indexed in path order (not as the reads finish): a duplicate id's related list follows it.
  const workspace = await findYamlFiles(disk, root, rootConfig.config.ignore);
  const files = [...workspace.files].sort();
  const read = await Promise.all(files.map((file) => readTextFile(disk, file)));
  files.forEach((file, i) => {
    const decoded = read[i];
    if (!decoded) return; // deleted since it was listed
    texts.set(file, decoded);
    if (decoded.ok) engine.index.set(URI.file(file).toString(), decoded.text);
  });

  if (options.stdin) {
    const file = path.resolve(options.stdin.filename ?? path.join(root, STDIN_NAME));
    if (!isUnder(file, root) && !isUnder(file, path.resolve(options.root))) throw new RootError(`--stdin-filename ${file} is outside the workspace root ${root} — give --root the folder that holds it.`);
    const decoded = decodeText(options.stdin.bytes);
    texts.set(file, decoded);
    if (decoded.ok) engine.index.set(URI.file(file).toString(), decoded.text);
    const { config, kindHint } = await resolver.forFile(file);
    const result = await lintFile(disk, engine, file, decoded, config, kindHint, options.fix && 'dry-run');
    return result.kind !== undefined || result.findings.length > 0 ? [result] : [];
  }

  const targets = await selectTargets(disk, args, workspace.files, workspace.skipped);
  if (targets.unmatched.length && !options.allowUnmatched) throw new UnmatchedError(targets.unmatched);
  const results: LintResult[] = [];
  for (const file of targets.files) {
    const { config, kindHint } = await resolver.forFile(file);
    results.push(await lintFile(disk, engine, file, texts.get(file), config, kindHint, options.fix));
  }
  for (const s of targets.skipped) results.push({ filePath: s.path, kind: undefined, findings: [fileFinding(s.reason)] });
  results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  return results.filter((r) => r.kind !== undefined || r.findings.length > 0);
}

/** The root's real path, or a RootError saying what is wrong with it. */
async function realRoot(disk: Disk, given: string): Promise<string> {
  const [real] = await disk.realRoots();
  if (real) return real;
  const place = await disk.rootProblem(given);
  const shown = path.resolve(given);
  if (place === 'missing') throw new RootError(`the workspace root ${shown} does not exist — give --root a folder that holds the records.`);
  if (place === 'not-folder') throw new RootError(`the workspace root ${shown} is a file, not a folder — give --root the folder that holds the records.`);
  throw new RootError(`the workspace root ${shown} cannot be opened (${place}).`);
}

/**
 * The files the arguments name: a file itself (even when ignored), the records found under a
 * folder, or the records a glob matches. Nothing outside the root is looked at: such an
 * argument is reported instead.
 */
async function selectTargets(
  disk: Disk,
  args: readonly string[],
  found: readonly string[],
  skippedInRoot: readonly Skipped[],
): Promise<{ files: string[]; skipped: Skipped[]; unmatched: string[] }> {
  const files = new Set<string>();
  const skipped = new Map<string, Skipped>();
  const unmatched: string[] = [];
  for (const arg of args.length ? args : ['.']) {
    const abs = path.resolve(arg);
    if (picomatch.scan(arg).isGlob) {
      const matches = picomatch(toPosix(abs), { dot: true });
      let any = false;
      for (const f of found) {
        if (matches(toPosix(f))) {
          files.add(f);
          any = true;
        }
      }
      if (!any) unmatched.push(arg);
      continue;
    }
    const place = await disk.locate(abs);
    if (place.kind === 'file') files.add(place.real);
    else if (place.kind === 'directory') {
      for (const f of found) if (isUnder(f, place.real)) files.add(f);
      for (const s of skippedInRoot) if (isUnder(s.path, place.real)) skipped.set(s.path, s);
    } else if (place.kind === 'outside') {
      skipped.set(abs, { path: abs, reason: 'This path is outside the workspace root, so careplan did not open it — run careplan from the folder that holds it, or give that folder as --root.' });
    } else if (place.kind === 'missing') {
      unmatched.push(arg);
    } else {
      const reason = unreadablePlaceReason(place);
      if (reason) skipped.set(abs, { path: abs, reason });
    }
  }
  return { files: [...files].sort(), skipped: [...skipped.values()], unmatched };
}

async function lintFile(
  disk: Disk,
  engine: ReturnType<typeof createEngine>,
  file: string,
  known: DecodedText | undefined,
  config: ResolvedConfig,
  kindHint: DocumentKind | undefined,
  fix?: 'write' | 'dry-run',
): Promise<LintResult> {
  let decoded = known;
  const uri = URI.file(file).toString();
  if (decoded === undefined) {
    decoded = (await readTextFile(disk, file)) ?? { ok: false, reason: 'This file cannot be read: it no longer exists.' };
    if (decoded.ok) engine.index.set(uri, decoded.text);
  }
  if (!decoded.ok) return { filePath: file, kind: undefined, findings: [fileFinding(decoded.reason)] };
  const { note } = decoded;
  let { text } = decoded;
  const check = (t: string) => engine.check({ uri, text: t, kindHint }, config);
  // with --fix, the fixing's last check is of the text reported: the record is not checked twice
  const fixing = fix && encodeLike('', decoded.encoding) !== undefined ? await fixText(check, uri, config, text) : undefined;
  let writeError: string | undefined;
  if (fixing?.fixed) {
    text = fixing.text;
    engine.index.set(uri, text);
    if (fix === 'write') writeError = await disk.write(file, encodeLike(text, decoded.encoding)!);
  }
  const result = fixing?.last ?? (await check(text));
  const findings = note && result.kind ? [fileFinding(note, 'warning'), ...result.findings] : result.findings;
  const fixed = fixing?.fixed ? { output: text, fixed: fixing.fixed, ...(writeError ? { writeError } : {}) } : {};
  return { filePath: file, kind: result.kind, findings, ...fixed };
}

/** The record with its safe fixes made, pass by pass, as the editor would make them. */
function fixText(check: (text: string) => ReturnType<ReturnType<typeof createEngine>['check']>, uri: string, config: ResolvedConfig, text: string) {
  const today = config.today ?? todayIso();
  return fixRecord(text, check, () => ({ uri, today, timescales: config.timescales }));
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
