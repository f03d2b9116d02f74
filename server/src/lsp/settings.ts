/**
 * The configuration that applies to one document: the nearest `.careplan.yaml` (as the CLI
 * reads it), then the editor's `careplan.*` settings for that resource on top. Both are cached
 * and dropped when either changes, so a keystroke never waits for a round trip to the client.
 */
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { applyConfig, defaultConfig } from '../service';
import type { DocumentKind, RawConfig, ResolvedConfig, RuleSetting, Severity } from '../service';
import { ConfigError, ConfigResolver } from '../node/loadConfig';
import type { Disk } from '../node/disk';

/** The `careplan` section of the editor's settings. */
export interface ClientSettings {
  enable?: boolean;
  checkClosedFiles?: boolean;
  rules?: Record<string, Severity | 'off'>;
  today?: string;
}

export interface DocumentSettings {
  enabled: boolean;
  /** Whether the file is checked from disk while it is not open (`careplan.checkClosedFiles`). */
  checkClosedFiles: boolean;
  config: ResolvedConfig;
  /** Kind from the config's `documents:` globs, for files without `kind:`. */
  kindHint?: DocumentKind;
  /** The config file used, if any. */
  configFile?: string;
  /** The team's templates folder (`templates:` in the config), as a path; not checked to exist. */
  templatesDir?: string;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Editor settings as a config layer; anything malformed is left out rather than trusted. */
export function clientLayer(s: ClientSettings | undefined): RawConfig {
  const out: RawConfig = {};
  if (s && typeof s.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s.today)) out.today = s.today;
  if (s?.rules && typeof s.rules === 'object') {
    const rules: Record<string, RuleSetting> = {};
    for (const [id, sev] of Object.entries(s.rules)) if (typeof sev === 'string' && SEVERITIES.has(sev)) rules[id] = sev;
    out.rules = rules;
  }
  return out;
}

export interface SettingsSource {
  /** Fetches the editor's settings for a resource (undefined when the client cannot say). */
  fetch(uri: string): Promise<ClientSettings | undefined>;
  /** Workspace folder paths, to bound the search for config files. */
  roots(): string[];
  /** The workspace's disk, confined to its roots: config files are read through it. */
  disk(): Disk;
  log(message: string): void;
  /** A config file that cannot be used, with its problems (it is then ignored, as if absent). */
  brokenConfig?(file: string, error: ConfigError): void;
}

export class Settings {
  private readonly cache = new Map<string, Promise<DocumentSettings>>();
  private resolvers = new Map<string, ConfigResolver>();
  /** Settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
  global: ClientSettings | undefined;
  /** Config files that could not be used, with their problems (shown on the file when open). */
  readonly brokenConfigs = new Map<string, ConfigError>();

  constructor(private readonly source: SettingsSource) {}

  /** Forget everything (settings changed, or a config file changed). */
  reset(): void {
    this.cache.clear();
    this.resolvers = new Map();
    this.brokenConfigs.clear();
  }

  /** The cached settings when known, without waiting (for the fast path of a keystroke). */
  for(uri: string): Promise<DocumentSettings> {
    let hit = this.cache.get(uri);
    if (!hit) {
      hit = this.compute(uri);
      this.cache.set(uri, hit);
      // A failed lookup must not stick.
      hit.catch(() => this.cache.delete(uri));
    }
    return hit;
  }

  /** The `ignore:` globs of the config that applies to a workspace folder, for the workspace scan. */
  async ignoresFor(folder: string): Promise<string[]> {
    try {
      return (await this.resolverFor(folder).forFolder(folder)).config.ignore;
    } catch (err) {
      this.reportLoadFailure(err, folder);
      return [];
    }
  }

  /** Whether a file was read as a config, or as a file a config extends (its change is a config change). */
  usesConfigFile(fsPath: string): boolean {
    for (const r of this.resolvers.values()) if (r.hasRead(fsPath)) return true;
    return false;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private resolverFor(root: string): ConfigResolver {
    let resolver = this.resolvers.get(root);
    if (!resolver) this.resolvers.set(root, (resolver = new ConfigResolver(this.source.disk(), root)));
    return resolver;
  }

  private reportLoadFailure(err: unknown, forPath: string): void {
    if (!(err instanceof ConfigError)) {
      this.source.log(`careplan: could not read the config for ${forPath}: ${(err as Error).message}`);
      return;
    }
    if (this.brokenConfigs.has(err.file)) return; // said once per file until it changes
    this.brokenConfigs.set(err.file, err);
    this.source.log(`careplan: ${err.file} has problems, so its settings are not used: ${err.findings.map((f) => f.message).join('; ')}`);
    this.source.brokenConfig?.(err.file, err);
  }

  private async compute(uri: string): Promise<DocumentSettings> {
    const client = (await this.source.fetch(uri).catch(() => undefined)) ?? this.global;
    const enabled = client?.enable !== false;
    const checkClosedFiles = client?.checkClosedFiles !== false;
    let file: ResolvedConfig = defaultConfig();
    let configFile: string | undefined;
    let kindHint: DocumentKind | undefined;
    let templatesDir: string | undefined;
    const u = URI.parse(uri);
    if (u.scheme === 'file') {
      const fsPath = u.fsPath;
      const roots = this.source.roots();
      // A file outside the workspace folders gets no config from disk: nothing outside them is read.
      const root = roots.length ? roots.find((r) => isInside(fsPath, r)) : path.dirname(fsPath);
      if (root !== undefined) {
        try {
          const loaded = await this.resolverFor(root).forFile(fsPath);
          file = loaded.config;
          configFile = loaded.file;
          kindHint = loaded.kindHint;
          templatesDir = loaded.templatesDir;
        } catch (err) {
          this.reportLoadFailure(err, fsPath);
        }
      }
    }
    return { enabled, checkClosedFiles, config: applyConfig(file, clientLayer(client)), kindHint, configFile, templatesDir };
  }
}

function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return !!rel && !rel.startsWith('..') && !path.isAbsolute(rel);
}
