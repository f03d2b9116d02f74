// One esbuild script, one bundle per front end (vscode-eslint's pattern).
//   node scripts/build.mjs            build once
//   node scripts/build.mjs --watch    rebuild on change
//   node scripts/build.mjs --production  minify (for the .vsix)
import * as esbuild from 'esbuild';
import { existsSync, chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { dirname, resolve } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const entries = [
  { in: 'client/src/extension.ts', out: 'client', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'server' },
  // dist/cli.js (the bin) is a few lines that set V8's young generation before loading the CLI's bundle
  { in: 'server/src/cliStart.ts', out: 'cli' },
  // ends with this build's id, which its code cache names (codeCache.ts): a cache of another build is not used
  // (its white space and syntax minified, names kept for readable stack traces: a third less to
  // read at each start, with the source map beside it)
  { in: 'server/src/cli.ts', out: 'cli-main', footer: `//# careplan-build ${randomUUID()}`, compact: true, late: true },
  // run once the bundles are built: dist/cli-main.js.cache, the CLI's compiled code (codeCache.ts)
  { in: 'server/src/cliCodeCache.ts', out: 'cli-code-cache' },
  { in: 'server/src/node/worker.ts', out: 'worker' },
  { in: 'test/bench/bench.ts', out: 'bench' },
  { in: 'test/bench/lsp.ts', out: 'lsp-bench' },
].filter((e) => existsSync(e.in));

// Libraries only some checks need (bank holidays, free-text dates: 2.5 of the 4.5 MB) go in
// bundles of their own, loaded on first use, so a lint that never needs them never parses them.
const VENDOR = ['date-holidays', 'chrono-node'];
const vendorFile = (name) => `./vendor/${name}.js`;
const lateVendors = {
  name: 'late-vendors',
  setup(build) {
    const filter = new RegExp(`^(${VENDOR.join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: vendorFile(args.path), external: true }));
  },
};
// Node modules the CLI's start-up need not load: commander requires child_process (with net and
// dgram, about 5 ms of a one-file lint) for sub-commands run as programs, which careplan has none
// of. A stand-in requires it when first used. (For CommonJS requires only: esbuild's wrapper of
// an ES import reads the module's keys at once.)
const LATE_BUILTINS = ['node:child_process'];
const lateBuiltins = {
  name: 'late-builtins',
  setup(build) {
    const filter = new RegExp(`^(${LATE_BUILTINS.join('|')})$`);
    // the stand-in's own require is of the module itself
    build.onResolve({ filter }, (args) => (args.namespace === 'late-builtin' ? { path: args.path, external: true } : { path: args.path, namespace: 'late-builtin' }));
    build.onLoad({ filter: /.*/, namespace: 'late-builtin' }, (args) => ({
      contents: `let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require(${JSON.stringify(args.path)}))[key] });`,
      loader: 'js',
    }));
  },
};
const vendorEntries = VENDOR.map((name) => ({ in: name, out: `vendor/${name}`, vendor: true }));

// The schema validators, compiled ahead of time with ajv's standalone code (as careplan's own
// ajv set-up compiles them: createAjv in schema.ts), so no run pays for compiling them or loads
// ajv's compiler. Each kind's is a bundle of its own (dist/validators/), loaded when a record of
// that kind is first checked. Generated under node_modules/.cache; the bundles take the index in
// place of the empty server/src/service/schemaValidators.ts that running from source uses.
const VALIDATORS = resolve('node_modules/.cache/careplan/schema-validators.cjs');
const validatorSource = (kind) => resolve(`node_modules/.cache/careplan/validators/${kind}.cjs`);
async function precompileValidators() {
  const generator = await esbuild.build({
    stdin: {
      contents: `import standaloneCode from 'ajv/dist/standalone';
import { allSchemas, createAjv } from './server/src/service/schema';
const ajv = createAjv({ code: { source: true } });
const refs: Record<string, string> = {};
for (const [kind, schema] of Object.entries(allSchemas())) {
  ajv.addSchema(schema);
  refs[kind] = (schema as { $id: string }).$id;
}
export const code = Object.fromEntries(Object.entries(refs).map(([kind, id]) => [kind, standaloneCode(ajv, { [kind]: id })]));`,
      resolveDir: '.',
      loader: 'ts',
      sourcefile: 'precompile-validators.ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(dirname(validatorSource('x')), { recursive: true });
  const script = VALIDATORS.replace(/\.cjs$/, '-generator.cjs');
  writeFileSync(script, generator.outputFiles[0].text);
  const { code } = createRequire(import.meta.url)(script);
  const header = `// Generated by scripts/build.mjs from schemas/*.schema.json with ajv's standalone code; do not edit.\n`;
  for (const [kind, source] of Object.entries(code)) writeFileSync(validatorSource(kind), header + source);
  const getters = Object.keys(code).map((kind) => `  get ${JSON.stringify(kind)}() { return require(${JSON.stringify(`./validators/${kind}.js`)})[${JSON.stringify(kind)}]; },`);
  writeFileSync(VALIDATORS, `${header}exports.PRECOMPILED = {\n${getters.join('\n')}\n};\n`);
  return Object.keys(code);
}
const validatorKinds = await precompileValidators();
const validatorEntries = validatorKinds.map((kind) => ({ in: validatorSource(kind), out: `validators/${kind}`, plain: true }));
const precompiledValidators = {
  name: 'precompiled-validators',
  setup(build) {
    build.onResolve({ filter: /^\.\/schemaValidators$/ }, (args) => (args.importer.endsWith('schema.ts') ? { path: VALIDATORS } : undefined));
    build.onResolve({ filter: /^\.\/validators\// }, (args) => (args.importer === VALIDATORS ? { path: args.path, external: true } : undefined));
  },
};

const contexts = await Promise.all(
  [...entries, ...vendorEntries, ...validatorEntries].map((e) =>
    esbuild.context({
      // a vendor bundle exports what `require` gives (the CommonJS build), as the code expects
      ...(e.vendor
        ? { stdin: { contents: `module.exports = require(${JSON.stringify(e.in)});`, resolveDir: '.', sourcefile: `${e.out}.js` }, outfile: `dist/${e.out}.js` }
        : { entryPoints: { [e.out]: e.in }, outdir: 'dist' }),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: !production,
      minify: production,
      ...(e.compact && !production ? { minifyWhitespace: true, minifySyntax: true } : {}),
      external: e.external ?? [],
      banner: e.banner ? { js: e.banner } : undefined,
      footer: e.footer ? { js: e.footer } : undefined,
      logLevel: 'warning',
      legalComments: 'none',
      plugins: e.vendor || e.plain || e.out === 'client' ? [] : [lateVendors, precompiledValidators, ...(e.late ? [lateBuiltins] : [])],
    }),
  ),
);

if (watch) {
  // a cache of an older bundle is not used (codeCache.ts); rebuilt by a build without --watch
  rmSync('dist/cli-main.js.cache', { force: true });
  await Promise.all(contexts.map((c) => c.watch()));
  console.log(`watching ${entries.map((e) => e.in).join(', ')}`);
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  for (const bin of ['dist/cli.js', 'dist/server.js']) if (existsSync(bin)) chmodSync(bin, 0o755);
  execFileSync(process.execPath, ['dist/cli-code-cache.js'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
