import * as path from 'node:path';
import { isUnder, type Disk } from './disk';
import { readTextFile, unreadablePlaceReason } from './readText';
import { kindFromGlobs, matchesGlob } from './kinds';
import { applyConfig, defaultConfig, parseConfigText, preset, PRESET_PREFIX } from '../service';
import type { DocumentKind, Finding, RawConfig, ResolvedConfig } from '../service';

export const CONFIG_FILE_NAMES = ['.careplan.yaml', '.careplan.yml', 'careplan.config.yaml'];

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The nearest config file used, if any. */
  file?: string;
  /** Every config that went into it, the furthest first (presets by name). */
  files: string[];
  /** The kind the configs' `documents:` globs give the file, the nearest config's first. */
  kindHint?: DocumentKind;
  /** The team's template folder, from the nearest config that names one (`templates:`), relative to it. */
  templatesDir?: string;
}

export class ConfigError extends Error {
  constructor(readonly file: string, readonly findings: Finding[]) {
    super(`The config file ${file} has problems`);
  }
}

/** One config as read, with the folder its globs are relative to. */
interface Layer {
  dir: string;
  /** Its path, or the preset's name. */
  source: string;
  raw: RawConfig;
}

/** The file a shared-config package holds its settings in. */
export const SHARED_CONFIG_FILE = 'careplan.yaml';

/** `extends:` names a package (`@council/careplan-config`) rather than a file or a preset. */
function isPackageName(name: string): boolean {
  return /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/.test(name) && !/\.ya?ml$/.test(name);
}

function asList<T>(v: T | T[] | undefined): T[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function problem(message: string): Finding {
  const zero = { line: 0, character: 0 };
  return { ruleId: 'schema', severity: 'error', message, range: { start: zero, end: zero }, pointer: '' };
}

/**
 * Finds each file's config, as ESLint's cascade does: every config file from the workspace root
 * (or the nearest one with `root: true`) down to the file's folder, the nearer over the further;
 * each config's `extends:` under it and its matching `overrides:` over it. `--config` replaces
 * the search. `overrides` (command-line flags) apply last.
 */
export class ConfigResolver {
  private readonly chains = new Map<string, Promise<Layer[]>>();
  private readonly loaded = new Map<string, Promise<Layer[]>>();

  constructor(private readonly disk: Disk, private readonly root: string, private readonly explicit?: string, private readonly overrides?: RawConfig) {}

  /** Whether this config file has been read (as a config or as one a config extends): its change changes settings. */
  hasRead(file: string): boolean {
    return this.loaded.has(path.resolve(file));
  }

  async forFile(file: string): Promise<LoadedConfig> {
    return this.resolve(await this.layersFor(path.dirname(file)), file);
  }

  /** The config that applies to a folder (for the workspace-wide ignore list). */
  async forFolder(dir: string): Promise<LoadedConfig> {
    return this.resolve(await this.layersFor(dir), undefined);
  }

  private layersFor(dir: string): Promise<Layer[]> {
    return this.explicit ? this.fileLayers(path.resolve(this.explicit), []) : this.chain(dir);
  }

  private resolve(layers: readonly Layer[], file: string | undefined): LoadedConfig {
    let config = defaultConfig();
    let kindHint: DocumentKind | undefined;
    for (const { dir, raw } of layers) {
      config = applyConfig(config, raw);
      if (file === undefined) continue;
      for (const o of raw.overrides ?? []) if (asList(o.files).some((g) => matchesGlob(g, file, dir))) config = applyConfig(config, o);
      kindHint = kindFromGlobs(file, raw.documents ?? {}, dir) ?? kindHint;
    }
    const files = [...new Set(layers.map((l) => l.source))];
    const nearest = [...layers].reverse().find((l) => !l.source.startsWith(PRESET_PREFIX));
    const withTemplates = [...layers].reverse().find((l) => l.raw.templates !== undefined);
    const templatesDir = withTemplates && path.resolve(withTemplates.dir, withTemplates.raw.templates!);
    return { config: applyConfig(config, this.overrides), file: nearest?.source, files, kindHint, templatesDir };
  }

  /** The layers for a folder: its parent's, then its own config's (unless that says `root: true`). */
  private chain(dir: string): Promise<Layer[]> {
    let hit = this.chains.get(dir);
    if (!hit) {
      hit = this.lookUp(dir);
      this.chains.set(dir, hit);
    }
    return hit;
  }

  private async lookUp(dir: string): Promise<Layer[]> {
    if (!isUnder(dir, this.root)) return [];
    const above = async () => (dir === this.root || path.dirname(dir) === dir ? [] : this.chain(path.dirname(dir)));
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if ((await this.disk.locate(candidate)).kind !== 'file') continue;
      const own = await this.fileLayers(candidate, []);
      return own[own.length - 1].raw.root === true ? own : [...(await above()), ...own];
    }
    return above();
  }

  /** A config file with what it extends under it (each read once). */
  private fileLayers(file: string, extending: readonly string[]): Promise<Layer[]> {
    if (extending.includes(file)) {
      const cycle = [...extending.slice(extending.indexOf(file)), file].map((f) => path.basename(f)).join(' → ');
      return Promise.reject(new ConfigError(extending[extending.length - 1], [problem(`The configs extend each other in a loop (${cycle}) — remove one of the \`extends:\`.`)]));
    }
    let hit = this.loaded.get(file);
    if (!hit) {
      hit = this.load(file, extending);
      this.loaded.set(file, hit);
    }
    return hit;
  }

  private async load(file: string, extending: readonly string[]): Promise<Layer[]> {
    const decoded = (await readTextFile(this.disk, file)) ?? { ok: false, reason: 'there is no such file' };
    if (!decoded.ok) throw new ConfigError(file, [problem(`The config file cannot be opened: ${decoded.reason}`)]);
    const { config, findings } = parseConfigText(decoded.text);
    if (!config) throw new ConfigError(file, findings);
    const dir = path.dirname(file);
    const under: Layer[] = [];
    for (const name of asList(config.extends)) {
      const builtIn = name.startsWith(PRESET_PREFIX) ? preset(name) : undefined;
      if (builtIn) under.push({ dir, source: name, raw: builtIn });
      else if (isPackageName(name)) under.push(...(await this.extended(file, await this.sharedConfig(file, dir, name), extending)));
      else under.push(...(await this.extended(file, path.resolve(dir, name), extending)));
    }
    return [...under, { dir, source: file, raw: config }];
  }

  /**
   * A shared config installed as an npm package: its `careplan.yaml`, in the nearest `node_modules`
   * from the extending file's folder up to the root (never above it). Read as YAML; nothing of the
   * package runs.
   */
  private async sharedConfig(file: string, dir: string, name: string): Promise<string> {
    for (let at = dir; isUnder(at, this.root); at = path.dirname(at)) {
      const candidate = path.join(at, 'node_modules', ...name.split('/'), SHARED_CONFIG_FILE);
      const place = await this.disk.locate(candidate);
      if (place.kind === 'file') return candidate;
      // there, but not readable as a config: say why, rather than "not installed"
      if (place.kind !== 'missing') throw new ConfigError(file, [problem(`The shared config '${name}' cannot be used (${path.relative(dir, candidate)}): ${unreadablePlaceReason(place) ?? 'it is not an ordinary file.'}`)]);
      if (at === this.root || path.dirname(at) === at) break;
    }
    throw new ConfigError(file, [problem(`The shared config '${name}' is not installed in this project: there is no node_modules/${name}/${SHARED_CONFIG_FILE} — run npm install, or check the name.`)]);
  }

  /** An extended config file; its problems are the extending file's, which names it. */
  private async extended(file: string, target: string, extending: readonly string[]): Promise<Layer[]> {
    try {
      return await this.fileLayers(target, [...extending, file]);
    } catch (err) {
      if (!(err instanceof ConfigError) || err.file === file) throw err;
      const shown = path.relative(path.dirname(file), err.file);
      throw new ConfigError(file, err.findings.map((f) => ({ ...f, message: `In ${shown}, which this file extends: ${f.message}` })));
    }
  }
}
