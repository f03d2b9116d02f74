import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { createEngine, DocumentKind, Finding, ResolvedConfig } from '../service';
import { createFsHost } from './fsHost';
import { DecodedText, fileFinding, readTextFile } from './readText';
import { findYamlFiles } from './findFiles';
import { ConfigResolver } from './loadConfig';
import type { RawConfig } from '../service';
import { kindFromGlobs } from './kinds';

export interface LintResult {
  filePath: string;
  kind: DocumentKind | undefined;
  findings: Finding[];
}

export interface LintOptions {
  root: string;
  configFile?: string;
  overrides?: RawConfig;
}

/** Lints files, folders or globs with the shared engine; the CLI's whole job minus printing. */
export async function lintPaths(args: readonly string[], options: LintOptions): Promise<LintResult[]> {
  const resolver = new ConfigResolver(options.root, options.configFile, options.overrides);
  const rootConfig = await resolver.forFolder(options.root);
  const engine = createEngine(createFsHost([options.root]));

  // Index every document under the root first, so ids in closed files resolve.
  const workspaceFiles = await findYamlFiles([options.root], options.root, rootConfig.config.ignore);
  const texts = new Map<string, DecodedText>();
  await Promise.all(
    workspaceFiles.map(async (file) => {
      const decoded = await readTextFile(file);
      if (!decoded) return; // deleted since it was listed
      texts.set(file, decoded);
      if (decoded.ok) engine.index.set(URI.file(file).toString(), decoded.text);
    }),
  );

  const targets = await findYamlFiles(args, options.root, rootConfig.config.ignore);
  const results: LintResult[] = [];
  for (const file of targets) {
    const { config, file: configFile } = await resolver.forFile(file);
    const kindHint = kindFromGlobs(file, config, configFile ? path.dirname(configFile) : options.root);
    results.push(await lintFile(engine, file, texts.get(file), config, kindHint));
  }
  return results.filter((r) => r.kind !== undefined || r.findings.length > 0);
}

async function lintFile(
  engine: ReturnType<typeof createEngine>,
  file: string,
  known: DecodedText | undefined,
  config: ResolvedConfig,
  kindHint: DocumentKind | undefined,
): Promise<LintResult> {
  let decoded = known;
  const uri = URI.file(file).toString();
  if (decoded === undefined) {
    decoded = (await readTextFile(file)) ?? { ok: false, reason: 'This file cannot be read: it no longer exists.' };
    if (decoded.ok) engine.index.set(uri, decoded.text);
  }
  if (!decoded.ok) return { filePath: file, kind: undefined, findings: [fileFinding(decoded.reason)] };
  const { text, note } = decoded;
  const result = await engine.check({ uri, text, kindHint }, config);
  const findings = note && result.kind ? [fileFinding(note, 'warning'), ...result.findings] : result.findings;
  return { filePath: file, kind: result.kind, findings };
}
