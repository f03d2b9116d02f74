// Builds the VS Code extension package (.vsix).
//   node scripts/package.mjs           production bundles + vsce package -> careplan-<version>.vsix
//   (it stops when a file the rule registry generates is out of date: `npm run sync` rewrites them)
//   node scripts/package.mjs --out F   write the .vsix to F
//
// Why a staging folder: package.json's `files` (what `npm pack` ships for the CLI) and
// .vscodeignore (what the .vsix ships) cannot both be present for vsce, so vsce runs on a copy
// whose manifest has no `files`. .vscodeignore stays the one list of what goes into the .vsix.
// The details page shows client/README-extension.md, written for practitioners (vsce's
// --readme-path, which ships it as the package's readme); README.md, the developer README, stays out. Relative links in it stay relative
// (docs/ ships inside the .vsix); there is no public repository to point them at.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const log = (...a) => console.log('[package]', ...a);

function readManifest() {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
}

/** The files the rule registry generates (scripts/sync-registry.ts) that differ from what it implies. */
async function staleGenerated() {
  const { tsImport } = await import('tsx/esm/api');
  const { SYNCED } = await tsImport(join(root, 'scripts/sync-registry.ts'), import.meta.url);
  return SYNCED.filter(({ file, sync }) => {
    const text = readFileSync(join(root, file), 'utf8');
    return sync(text) !== text;
  }).map(({ file }) => file);
}

const stale = await staleGenerated();
if (stale.length) {
  console.error(`[package] generated from the rule registry but out of date: ${stale.join(', ')} — run \`npm run sync\``);
  process.exit(1);
}

const t0 = Date.now();
execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production'], { cwd: root, stdio: 'inherit' });
for (const f of ['dist/client.js', 'dist/server.js']) {
  if (!existsSync(join(root, f))) { console.error(`[package] ${f} was not built`); process.exit(1); }
}

const manifest = readManifest();
const outIndex = args.indexOf('--out');
const out = resolve(outIndex >= 0 ? args[outIndex + 1] : join(root, `${manifest.name}-${manifest.version}.vsix`));

const stage = join(root, '.cache', 'vsix-stage');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const entry of ['dist', 'docs', 'schemas', 'templates', 'client/images', 'client/media', 'client/README-extension.md', 'LICENSE', '.vscodeignore']) {
  if (existsSync(join(root, entry))) cpSync(join(root, entry), join(stage, entry), { recursive: true });
}
const staged = { ...manifest };
delete staged.files; // see the note at the top
delete staged.devDependencies;
staged.scripts = {}; // the bundles are built already; no vscode:prepublish in the stage
writeFileSync(join(stage, 'package.json'), JSON.stringify(staged, null, 2) + '\n');

const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository',
  '--readme-path', 'client/README-extension.md', '--out', out], { cwd: stage, stdio: 'inherit' });
rmSync(stage, { recursive: true, force: true });

log(`${out} — ${(statSync(out).size / 1024).toFixed(1)} KiB, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
