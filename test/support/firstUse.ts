import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Whether a data file of the engine (by the end of its name) is loaded, in a fresh process, after
 * checking the sample `first` and then after checking the sample `then`: what a lazily read
 * model promises is { before: false, after: true } when only `then` needs it.
 */
export function loadedAround(dataFile: string, first: { uri: string; sample: string }, then: { uri: string; sample: string }): { before: boolean; after: boolean } {
  const service = JSON.stringify(path.join(__dirname, '../../server/src/service'));
  const sample = (f: string) => JSON.stringify(readFileSync(path.join(__dirname, '../../samples', f), 'utf8'));
  const script = `
    const { createEngine, createMemoryHost, defaultConfig } = require(${service});
    const loaded = () => Object.keys(require.cache).some((f) => f.endsWith(${JSON.stringify(dataFile)}));
    (async () => {
      const engine = createEngine(createMemoryHost(['file:///w/'], []));
      await engine.check({ uri: ${JSON.stringify(first.uri)}, text: ${sample(first.sample)} }, defaultConfig());
      const before = loaded();
      await engine.check({ uri: ${JSON.stringify(then.uri)}, text: ${sample(then.sample)} }, defaultConfig());
      process.stdout.write(JSON.stringify({ before, after: loaded() }));
    })();`;
  return JSON.parse(execFileSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { encoding: 'utf8' })) as { before: boolean; after: boolean };
}
