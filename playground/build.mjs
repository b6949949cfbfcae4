#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Builds the playground into a folder of static files:
//   index.html, app.js (the page, CodeMirror and wasm/session.mjs bundled by
//   esbuild), app.css, modelfile-lsp.wasm (the server), sw.js (the offline
//   copy), LICENSES.txt (the bundled packages' licences), sizes.json.
// Usage: node playground/build.mjs --wasm MODELFILE-LSP.wasm --out DIR --modules NODE_MODULES
// tools/playground.sh runs it (after npm ci into the build folder, never here).
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (v.startsWith('--') ? [...a, [v.slice(2), all[i + 1]]] : a), []));
for (const k of ['wasm', 'out', 'modules']) {
  if (!args[k]) {
    console.error('usage: build.mjs --wasm MODELFILE-LSP.wasm --out DIR --modules NODE_MODULES');
    process.exit(2);
  }
}
const out = resolve(args.out), modules = resolve(args.modules);
if (!existsSync(args.wasm)) {
  console.error(`build.mjs: ${args.wasm}: no such file (build the WebAssembly server first)`);
  process.exit(2);
}
const esbuild = createRequire(join(modules, 'noop.js'))('esbuild');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const common = { bundle: true, minify: true, logLevel: 'warning', nodePaths: [modules], metafile: true, legalComments: 'none' };
const js = await esbuild.build({
  ...common,
  entryPoints: [join(here, 'src/main.js')],
  outfile: join(out, 'app.js'),
  format: 'esm',
  target: ['es2022'],
  // session.mjs loads node:wasi and node:fs only under Node, never here.
  external: ['node:*'],
  loader: { '.scm': 'text', '.v-128k': 'text' },
});
await esbuild.build({ ...common, entryPoints: [join(here, 'src/style.css')], outfile: join(out, 'app.css') });
copyFileSync(join(here, 'index.html'), join(out, 'index.html'));
copyFileSync(args.wasm, join(out, 'modelfile-lsp.wasm'));

// The licences of the npm packages in the bundle.
const pkgs = new Map();
for (const input of Object.keys(js.metafile.inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/\\/g, '/'));
  if (m) pkgs.set(m[1], join(modules, m[1]));
}
let licences = 'The playground bundles these npm packages (app.js):\n';
for (const [name, dir] of [...pkgs].sort()) {
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  licences += `\n==== ${name} ${meta.version} (${meta.license})\n${file ? readFileSync(join(dir, file), 'utf8').trim() : '(no licence file)'}\n`;
}
writeFileSync(join(out, 'LICENSES.txt'), licences);

// The service worker: the page's files and a version made of their contents.
const files = ['index.html', 'app.js', 'app.css', 'modelfile-lsp.wasm', 'LICENSES.txt'];
const hash = createHash('sha256');
for (const f of files) hash.update(readFileSync(join(out, f)));
const sw = readFileSync(join(here, 'src/sw.js'), 'utf8')
  .replace('__VERSION__', hash.digest('hex').slice(0, 16))
  .replace('__FILES__', JSON.stringify(['./', ...files]));
writeFileSync(join(out, 'sw.js'), sw);

// Sizes: what a first visit downloads (every file), raw and gzip -9.
const sizes = { files: {}, total: 0, gzip: 0 };
for (const f of [...files, 'sw.js']) {
  const b = readFileSync(join(out, f));
  const g = gzipSync(b, { level: 9 }).length;
  sizes.files[f] = { bytes: b.length, gzip: g };
  sizes.total += b.length;
  sizes.gzip += g;
}
writeFileSync(join(out, 'sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
for (const [f, s] of Object.entries(sizes.files)) console.log(`  ${f.padEnd(20)} ${kb(s.bytes).padStart(10)}  gzip ${kb(s.gzip).padStart(9)}`);
console.log(`  ${'total'.padEnd(20)} ${kb(sizes.total).padStart(10)}  gzip ${kb(sizes.gzip).padStart(9)}`);
console.log(`playground: ${relative(process.cwd(), out) || '.'}`);
