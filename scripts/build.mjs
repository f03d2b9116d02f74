// One esbuild script, one bundle per front end (vscode-eslint's pattern).
//   node scripts/build.mjs            build once
//   node scripts/build.mjs --watch    rebuild on change
//   node scripts/build.mjs --production  minify (for the .vsix)
import * as esbuild from 'esbuild';
import { existsSync, chmodSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entries = [
  { in: 'client/src/extension.ts', out: 'client', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'server' },
  { in: 'server/src/cli.ts', out: 'cli' },
  { in: 'test/bench/bench.ts', out: 'bench' },
  { in: 'test/bench/lsp.ts', out: 'lsp-bench' },
].filter((e) => existsSync(e.in));

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({
      entryPoints: { [e.out]: e.in },
      outdir: 'dist',
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: !production,
      minify: production,
      external: e.external ?? [],
      banner: e.banner ? { js: e.banner } : undefined,
      logLevel: 'warning',
      legalComments: 'none',
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
  console.log(`watching ${entries.map((e) => e.in).join(', ')}`);
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  for (const bin of ['dist/cli.js', 'dist/server.js']) if (existsSync(bin)) chmodSync(bin, 0o755);
}
