// Builds the VS Code extension package (.vsix).
//   node scripts/package.mjs           production bundles + vsce package -> careplan-<version>.vsix
//   node scripts/package.mjs --sync    rewrite the `careplan.rules` setting's rule ids from the
//                                      rule registry (server/src/service/rules RULE_INFO)
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

/** The `careplan.rules` properties that the rule registry implies. */
async function rulesSettingFromRegistry() {
  const { tsImport } = await import('tsx/esm/api');
  const { RULE_INFO } = await tsImport(join(root, 'server/src/service/rules/index.ts'), import.meta.url);
  const properties = {};
  for (const r of RULE_INFO) {
    properties[r.id] = {
      type: 'string',
      enum: ['error', 'warning', 'info', 'hint', 'off'],
      markdownDescription: `${r.description} Default: \`${r.defaultSeverity}\`.`,
    };
  }
  return properties;
}

function readManifest() {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
}

async function syncRulesSetting({ write }) {
  const wanted = await rulesSettingFromRegistry();
  const pkg = readManifest(); // re-read right before writing: others edit package.json too
  const setting = pkg.contributes.configuration.properties['careplan.rules'];
  const same = JSON.stringify(setting.properties ?? {}) === JSON.stringify(wanted);
  if (same) return true;
  if (!write) return false;
  setting.properties = wanted;
  writeFileSync(join(root, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  log(`careplan.rules now lists ${Object.keys(wanted).length} rule ids`);
  return true;
}

if (args.includes('--sync')) {
  await syncRulesSetting({ write: true });
  process.exit(0);
}

if (!(await syncRulesSetting({ write: false }))) {
  console.error('[package] the careplan.rules setting does not list the rule ids of the registry; run `node scripts/package.mjs --sync`');
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
