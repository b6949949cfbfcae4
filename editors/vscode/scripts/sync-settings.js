#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Keeps the extension in step with the server's settings schema:
//  - copies <repo>/schema/modelfile-lint.schema.json to schema/ (a build
//    artifact, not committed: used for jsonValidation of .modelfile-lint.json
//    files and shipped in the .vsix);
//  - rewrites contributes.configuration in package.json: one VS Code setting
//    "modelfile-lint.<key>" per top-level schema property (same type, enum,
//    description, default), plus the client-only settings (server.*, trace.*).
// Usage: node scripts/sync-settings.js [--check|--copy-schema] [SCHEMA]
// --check: write nothing, exit 1 when package.json is stale.
// --copy-schema: only copy the schema (vscode:prepublish runs this).
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SECTION = 'modelfile-lint';
const CLIENT_ONLY = ['server', 'trace', 'enable', 'run', 'importStrategy', 'configPath'];

function deref(node, schema, seen = new Set()) {
  if (Array.isArray(node)) return node.map((n) => deref(n, schema, seen));
  if (!node || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
    if (seen.has(node.$ref)) return {}; // recursive schema: stop here
    const target = node.$ref.slice(2).split('/').reduce((o, k) => (o ? o[decodeURIComponent(k)] : undefined), schema);
    if (target === undefined) throw new Error(`unresolved $ref ${node.$ref}`);
    const rest = { ...node };
    delete rest.$ref;
    const next = new Set(seen).add(node.$ref);
    return { ...deref(target, schema, next), ...deref(rest, schema, next) };
  }
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$defs' || k === 'definitions' || k === '$schema' || k === '$id') continue;
    out[k] = deref(v, schema, seen);
  }
  return out;
}

// The VS Code setting for one schema property.
function settingFor(key, prop) {
  const s = { ...prop };
  if (s.description && !s.markdownDescription) {
    s.markdownDescription = s.description;
    delete s.description;
  }
  const same = `Same as \`${key}\` in \`.modelfile-lint.json\`.`;
  s.markdownDescription = s.markdownDescription ? `${s.markdownDescription}\n\n${same}` : same;
  s.scope = 'resource';
  return s;
}

function expected(schemaPath, pkg) {
  const raw = fs.readFileSync(schemaPath, 'utf8');
  const schema = JSON.parse(raw);
  if (!schema.properties || typeof schema.properties !== 'object') {
    throw new Error(`${schemaPath}: no top-level "properties"`);
  }
  const props = {};
  const old = pkg.contributes.configuration.properties;
  for (const [k, v] of Object.entries(old)) {
    if (CLIENT_ONLY.includes(k.slice(SECTION.length + 1).split('.')[0])) props[k] = v;
  }
  for (const [key, prop] of Object.entries(schema.properties)) {
    if (key === '$schema') continue;
    if (CLIENT_ONLY.includes(key)) throw new Error(`schema key "${key}" clashes with a client-only setting`);
    props[`${SECTION}.${key}`] = settingFor(key, deref(prop, schema));
  }
  const next = JSON.parse(JSON.stringify(pkg));
  next.contributes.configuration.properties = props;
  return { raw, next };
}

function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const copyOnly = args.includes('--copy-schema');
  const schemaPath = args.find((a) => !a.startsWith('--')) || process.env.MFL_SCHEMA ||
    path.resolve(ROOT, '..', '..', 'schema', 'modelfile-lint.schema.json');
  if (!fs.existsSync(schemaPath)) {
    console.error(`sync-settings: ${schemaPath} not found (the lead publishes it)`);
    process.exit(2);
  }
  const schemaCopy = path.join(ROOT, 'schema', 'modelfile-lint.schema.json');
  if (copyOnly) {
    fs.mkdirSync(path.dirname(schemaCopy), { recursive: true });
    fs.copyFileSync(schemaPath, schemaCopy);
    console.log(`sync-settings: copied ${schemaPath}`);
    return;
  }
  const pkgPath = path.join(ROOT, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
  const { next } = expected(schemaPath, pkg);
  const pkgText = JSON.stringify(next, null, 2) + '\n';
  const stale = [];
  if (fs.readFileSync(pkgPath, 'utf8') !== pkgText) stale.push('package.json');
  if (check) {
    if (stale.length) {
      console.error(`sync-settings: stale: ${stale.join(', ')} (run: npm run sync-settings)`);
      process.exit(1);
    }
    console.log('sync-settings: up to date');
    return;
  }
  fs.mkdirSync(path.dirname(schemaCopy), { recursive: true });
  fs.copyFileSync(schemaPath, schemaCopy);
  fs.writeFileSync(pkgPath, pkgText);
  console.log(stale.length ? `sync-settings: updated ${stale.join(', ')}` : 'sync-settings: up to date');
}

if (require.main === module) main();
module.exports = { deref, expected };
