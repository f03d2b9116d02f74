#!/usr/bin/env node
// Builds the self-contained schemas in schemas/ from the sources in schemas/src.
//
// Sources refer to shared definitions as `common.json#/$defs/<name>`. Other YAML tools load each
// schema by file with no cross-file $ref and no network, so every generated schema carries its
// own copy of the definitions it needs (followed transitively) and refers to them as
// `#/$defs/<name>`.
//
//   node scripts/build-schemas.mjs           write schemas/<kind>.schema.json
//   node scripts/build-schemas.mjs --check   exit 1 if a generated file is missing or stale

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SRC_DIR = join(ROOT, 'schemas', 'src');
const OUT_DIR = join(ROOT, 'schemas');
const SCHEMAS = ['care-plan', 'review', 'supervision', 'config'];
const COMMENT = 'Generated from schemas/src by scripts/build-schemas.mjs; edit the sources';
const COMMON_REF = 'common.json#/$defs/';
const LOCAL_REF = '#/$defs/';

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${relative(ROOT, path)}: ${err.message}`);
  }
}

/** First segment of a `$defs/...` pointer tail, unescaped (RFC 6901), and the rest as written. */
function splitDefPointer(tail) {
  const slash = tail.indexOf('/');
  const head = slash < 0 ? tail : tail.slice(0, slash);
  const rest = slash < 0 ? '' : tail.slice(slash);
  return { name: head.replace(/~1/g, '/').replace(/~0/g, '~'), rest };
}

/**
 * Copies `node`, rewriting each $ref. `scope` says where the node comes from: 'kind' (the kind's
 * own source, where `#/$defs/x` is a local definition) or 'common' (common.json, where
 * `#/$defs/x` is another common definition). `need(name)` is called for every common definition
 * referred to.
 */
function rewrite(node, scope, need, where) {
  if (Array.isArray(node)) return node.map((item, i) => rewrite(item, scope, need, `${where}/${i}`));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      out[key] = rewriteRef(value, scope, need, where);
    } else {
      out[key] = rewrite(value, scope, need, `${where}/${key}`);
    }
  }
  return out;
}

function rewriteRef(ref, scope, need, where) {
  if (ref.startsWith(COMMON_REF)) {
    const { name } = splitDefPointer(ref.slice(COMMON_REF.length));
    need(name, where);
    return ref.slice('common.json'.length);
  }
  if (ref.startsWith(LOCAL_REF)) {
    if (scope === 'common') need(splitDefPointer(ref.slice(LOCAL_REF.length)).name, where);
    return ref;
  }
  if (ref === '#') return ref;
  throw new Error(`${where}: $ref "${ref}" must point at common.json#/$defs/… or #/$defs/… (no other files, no network)`);
}

/** Checks that every enumDescriptions list matches its enum, so editors pair them correctly. */
function checkEnumDescriptions(node, where) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => checkEnumDescriptions(item, `${where}/${i}`));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  if (node.enumDescriptions && (!Array.isArray(node.enum) || node.enum.length !== node.enumDescriptions.length)) {
    throw new Error(`${where}: enumDescriptions has ${node.enumDescriptions.length} entries but enum has ${node.enum?.length ?? 0}`);
  }
  for (const [key, value] of Object.entries(node)) checkEnumDescriptions(value, `${where}/${key}`);
}

/** Returns the self-contained schema for one kind, as the text to write. */
export function buildSchema(kind, common = readJson(join(SRC_DIR, 'common.json'))) {
  const srcPath = join(SRC_DIR, `${kind}.json`);
  const source = readJson(srcPath);
  const file = relative(ROOT, srcPath);
  const expectedId = `urn:careplan:schema:${kind}:1`;
  if (source.$id !== expectedId) throw new Error(`${file}: $id must be "${expectedId}"`);

  const commonDefs = common.$defs ?? {};
  const localDefs = source.$defs ?? {};
  const needed = new Set();
  const queue = [];
  const need = (name, where) => {
    if (!Object.hasOwn(commonDefs, name)) throw new Error(`${where}: common.json has no $defs/${name}`);
    if (Object.hasOwn(localDefs, name)) throw new Error(`${file}: local $defs/${name} clashes with common.json`);
    if (!needed.has(name)) {
      needed.add(name);
      queue.push(name);
    }
  };

  const out = { $comment: COMMENT };
  for (const [key, value] of Object.entries(source)) {
    if (key === '$defs' || key === '$comment') continue;
    out[key] = rewrite(value, 'kind', need, `${file}#/${key}`);
  }
  const defs = {};
  for (const [name, def] of Object.entries(localDefs)) {
    defs[name] = rewrite(def, 'kind', need, `${file}#/$defs/${name}`);
  }
  const copied = {};
  while (queue.length > 0) {
    const name = queue.shift();
    copied[name] = rewrite(commonDefs[name], 'common', need, `schemas/src/common.json#/$defs/${name}`);
  }
  // Common definitions in the order they are written in common.json, so diffs stay small.
  for (const name of Object.keys(commonDefs)) if (Object.hasOwn(copied, name)) defs[name] = copied[name];
  if (Object.keys(defs).length > 0) out.$defs = defs;

  for (const ref of collectLocalRefs(out)) {
    if (!Object.hasOwn(defs, ref)) throw new Error(`${file}: #/$defs/${ref} is referred to but not defined`);
  }
  checkEnumDescriptions(out, file);
  return `${JSON.stringify(out, null, 2)}\n`;
}

function collectLocalRefs(node, found = new Set()) {
  if (Array.isArray(node)) node.forEach((item) => collectLocalRefs(item, found));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith(LOCAL_REF)) {
        found.add(splitDefPointer(value.slice(LOCAL_REF.length)).name);
      } else collectLocalRefs(value, found);
    }
  }
  return found;
}

function main(argv) {
  const check = argv.includes('--check');
  const unknown = argv.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`build-schemas: unknown argument ${unknown.join(' ')}\nusage: node scripts/build-schemas.mjs [--check]\n`);
    return 2;
  }
  const common = readJson(join(SRC_DIR, 'common.json'));
  const stale = [];
  for (const kind of SCHEMAS) {
    const outPath = join(OUT_DIR, `${kind}.schema.json`);
    const text = buildSchema(kind, common);
    const current = existsSync(outPath) ? readFileSync(outPath, 'utf8') : null;
    if (current === text) continue;
    if (check) {
      stale.push(relative(ROOT, outPath));
    } else {
      writeFileSync(outPath, text);
      process.stdout.write(`wrote ${relative(ROOT, outPath)}\n`);
    }
  }
  if (check && stale.length > 0) {
    process.stderr.write(
      `These schemas are out of date with schemas/src: ${stale.join(', ')}\nRun: node scripts/build-schemas.mjs\n`,
    );
    return 1;
  }
  if (check) process.stdout.write('schemas are up to date\n');
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`build-schemas: ${err.message}\n`);
    process.exitCode = 2;
  }
}
