import * as path from 'node:path';
import type { Disk } from './disk';
import { readTextFile } from './readText';
import { applyConfig, defaultConfig, parseConfigText, Finding, ResolvedConfig, RawConfig } from '../service';

export const CONFIG_FILE_NAMES = ['.careplan.yaml', '.careplan.yml', 'careplan.config.yaml'];

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The config file used, if any. */
  file?: string;
}

export class ConfigError extends Error {
  constructor(readonly file: string, readonly findings: Finding[]) {
    super(`The config file ${file} has problems`);
  }
}

/**
 * Finds each file's config: `--config` when given, else the nearest config file in the file's
 * folder or above it, up to the workspace root. `overrides` (command-line flags) apply last.
 */
export class ConfigResolver {
  private readonly cache = new Map<string, Promise<LoadedConfig>>();

  constructor(private readonly disk: Disk, private readonly root: string, private readonly explicit?: string, private readonly overrides?: RawConfig) {}

  async forFile(file: string): Promise<LoadedConfig> {
    if (this.explicit) return this.load(path.resolve(this.explicit));
    return this.forDir(path.dirname(file));
  }

  /** The config that applies to a folder (for the workspace-wide ignore list). */
  forFolder(dir: string): Promise<LoadedConfig> {
    return this.explicit ? this.load(path.resolve(this.explicit)) : this.forDir(dir);
  }

  private forDir(dir: string): Promise<LoadedConfig> {
    let hit = this.cache.get(dir);
    if (!hit) {
      hit = this.lookUp(dir);
      this.cache.set(dir, hit);
    }
    return hit;
  }

  private async lookUp(dir: string): Promise<LoadedConfig> {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if ((await this.disk.locate(candidate)).kind === 'file') return this.load(candidate);
    }
    const parent = path.dirname(dir);
    const insideRoot = !path.relative(this.root, dir).startsWith('..') && dir !== this.root;
    if (parent === dir || !insideRoot) return { config: applyConfig(defaultConfig(), this.overrides) };
    return this.forDir(parent);
  }

  private async load(file: string): Promise<LoadedConfig> {
    const decoded = (await readTextFile(this.disk, file)) ?? { ok: false, reason: 'there is no such file' };
    if (!decoded.ok) {
      throw new ConfigError(file, [{ ruleId: 'schema', severity: 'error', message: `The config file cannot be opened: ${decoded.reason}`, range: zero(), pointer: '' }]);
    }
    const { config, findings } = parseConfigText(decoded.text);
    if (!config) throw new ConfigError(file, findings);
    return { config: applyConfig(applyConfig(defaultConfig(), config), this.overrides), file };
  }
}

function zero() {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}
