#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Checks an unpacked .vsix (the folder holding extension/ and
// extension.vsixmanifest) against the server's settings schema:
//  - the manifest registers language "modelfile" for Modelfile, *.Modelfile,
//    *.modelfile and Modelfile.*, with a grammar and a language configuration
//    that are in the package and valid;
//  - the TextMate grammar compiles with VS Code's own engine (vscode-textmate +
//    vscode-oniguruma) and tokenizes a sample as intended (the TEMPLATE body as
//    an embedded Go template);
//  - every top-level key of the schema is a setting "modelfile-lint.<key>" of
//    the same type (and enum), no setting exists that the server does not read
//    (besides the client-only server.* and trace.*), and the packaged schema is
//    byte-identical to the repository's;
//  - the entry point and (when bundled) the server binary are in the package.
//  - every package has the WebAssembly server; platform packages the native
//    one for their target; the icon and changelog exist; setting descriptions
//    name no source paths; engines.vscode covers the API, the client library
//    and the README's settings.
// Usage: node scripts/check-package.js UNPACKED_DIR SCHEMA [BUNDLED_SERVER_EXPECTED=0|1]
//        [--target=linux-x64|linux-arm64|win32-x64] [--wasm=no] [--source=EXTENSION_DIR]
'use strict';
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');
const { deref } = require('./sync-settings.js');

const SECTION = 'modelfile-lint';
const CLIENT_ONLY = ['server', 'trace', 'enable', 'run', 'importStrategy', 'configPath'];
const failures = [];
function check(cond, msg) {
  if (!cond) failures.push(msg);
  return cond;
}

function typesOf(s) {
  if (s === undefined || s.type === undefined) return [];
  return (Array.isArray(s.type) ? s.type : [s.type]).slice().sort();
}

async function tokenizeCheck(grammarPath) {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (p) => new oniguruma.OnigScanner(p),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => {
      if (scope !== 'source.modelfile') return null;
      return vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath);
    },
  });
  const grammar = await registry.loadGrammar('source.modelfile');
  if (!check(grammar, 'grammar source.modelfile did not load')) return;
  const text = [
    '# a comment',
    'FROM qwen3-coder:30b',
    'PARAMETER num_ctx 131072',
    'PARAMETER stop "<|im_end|>"',
    'TEMPLATE """{{ if .System }}<|im_start|>system',
    '{{ .System }}<|im_end|>{{ end }}',
    '{{ range .Messages }}{{ json .Content }}{{ end }}"""',
    'SYSTEM You are helpful.',
    'MESSAGE user hello',
    'BOGUS x',
  ];
  const scopesAt = {};
  let rule = vsctm.INITIAL;
  text.forEach((line, i) => {
    const r = grammar.tokenizeLine(line, rule);
    for (const t of r.tokens) {
      const s = line.slice(t.startIndex, t.endIndex);
      scopesAt[`${i}:${s}`] = t.scopes;
    }
    rule = r.ruleStack;
  });
  const has = (line, textPart, scope) => {
    const onLine = Object.keys(scopesAt).filter((k) => k.startsWith(`${line}:`));
    const tok = (k) => k.slice(String(line).length + 1);
    const key = onLine.find((k) => tok(k).trim() === textPart) || onLine.find((k) => tok(k).includes(textPart));
    const ok = key && scopesAt[key].some((s) => s.startsWith(scope));
    check(ok, `grammar: line ${line + 1} "${textPart}" should have scope ${scope}; got ${key ? scopesAt[key].join(' ') : 'no token'}`);
  };
  has(0, 'a comment', 'comment.line');
  has(1, 'FROM', 'keyword.other.instruction');
  has(1, 'qwen3-coder:30b', 'entity.name.type.model');
  has(2, 'num_ctx', 'variable.parameter');
  has(2, '131072', 'constant.numeric');
  has(3, '<|im_end|>', 'string.quoted.double');
  has(4, 'TEMPLATE', 'keyword.other.instruction');
  has(4, 'if', 'keyword.control.gotmpl');
  has(4, '.System', 'variable.other.property.gotmpl');
  has(4, '<|im_start|>system', 'meta.embedded.block.gotmpl');
  has(5, '.System', 'meta.embedded.block.gotmpl');
  has(5, 'end', 'keyword.control.gotmpl');
  has(6, 'json', 'support.function.builtin.gotmpl');
  has(7, 'SYSTEM', 'keyword.other.instruction');
  has(7, 'You are helpful.', 'string.unquoted');
  has(8, 'user', 'support.constant.role');
  has(9, 'BOGUS', 'invalid.illegal');
}

async function main() {
  const [dir, schemaPath, wantBin] = process.argv.slice(2);
  if (!dir || !schemaPath) {
    console.error('usage: check-package.js UNPACKED_DIR SCHEMA [BUNDLED_SERVER_EXPECTED]');
    process.exit(2);
  }
  const ext = path.join(dir, 'extension');
  const pkg = JSON.parse(fs.readFileSync(path.join(ext, 'package.json'), 'utf8'));
  check(fs.existsSync(path.join(dir, 'extension.vsixmanifest')), 'extension.vsixmanifest missing');

  // Language registration.
  const lang = (pkg.contributes?.languages || []).find((l) => l.id === 'modelfile');
  if (check(lang, 'no contributes.languages entry with id "modelfile"')) {
    check((lang.filenames || []).includes('Modelfile'), 'language: filenames lacks "Modelfile"');
    for (const p of ['Modelfile.*', '*.Modelfile', '*.modelfile']) {
      check((lang.filenamePatterns || []).includes(p), `language: filenamePatterns lacks "${p}"`);
    }
    const lcPath = path.join(ext, lang.configuration || '');
    if (check(lang.configuration && fs.existsSync(lcPath), 'language configuration missing from package')) {
      const lc = JSON.parse(fs.readFileSync(lcPath, 'utf8'));
      check(lc.comments?.lineComment === '#', 'language configuration: lineComment should be "#"');
      check((lc.autoClosingPairs || []).some((p) => p.open === '"'), 'language configuration: no quote pair');
    }
  }
  check((pkg.activationEvents || []).includes('onLanguage:modelfile'), 'activationEvents lacks onLanguage:modelfile');
  check(pkg.main && fs.existsSync(path.join(ext, pkg.main)), `entry point ${pkg.main} missing from package`);
  // VS Code for the Web loads the "browser" entry (the WebAssembly server only).
  check(pkg.browser && fs.existsSync(path.join(ext, pkg.browser)), `web entry point ${pkg.browser} missing from package`);

  // Grammar.
  const g = (pkg.contributes?.grammars || []).find((x) => x.language === 'modelfile');
  if (check(g, 'no contributes.grammars entry for language modelfile')) {
    const gp = path.join(ext, g.path);
    if (check(fs.existsSync(gp), `grammar ${g.path} missing from package`)) {
      const raw = JSON.parse(fs.readFileSync(gp, 'utf8'));
      check(raw.scopeName === g.scopeName, `grammar scopeName ${raw.scopeName} != manifest ${g.scopeName}`);
      check(Object.keys(g.embeddedLanguages || {}).includes('meta.embedded.block.gotmpl'),
        'grammar entry does not declare the gotmpl embedded scope');
      await tokenizeCheck(gp);
    }
  }

  // Settings against the schema.
  const schemaRaw = fs.readFileSync(schemaPath, 'utf8');
  const schema = JSON.parse(schemaRaw);
  const props = pkg.contributes?.configuration?.properties || {};
  const schemaKeys = Object.keys(schema.properties || {}).filter((k) => k !== '$schema');
  check(schemaKeys.length > 0, 'schema has no top-level properties');
  for (const key of schemaKeys) {
    const setting = props[`${SECTION}.${key}`];
    if (!check(setting, `schema key "${key}" has no setting ${SECTION}.${key}`)) continue;
    const want = deref(schema.properties[key], schema);
    check(JSON.stringify(typesOf(setting)) === JSON.stringify(typesOf(want)),
      `setting ${SECTION}.${key}: type ${typesOf(setting)} != schema ${typesOf(want)}`);
    if (want.enum) {
      check(JSON.stringify(setting.enum) === JSON.stringify(want.enum), `setting ${SECTION}.${key}: enum differs from schema`);
    }
    if (want.default !== undefined) {
      check(JSON.stringify(setting.default) === JSON.stringify(want.default), `setting ${SECTION}.${key}: default differs from schema`);
    }
  }
  for (const name of Object.keys(props)) {
    check(name.startsWith(SECTION + '.'), `setting ${name} is outside the ${SECTION} section`);
    const key = name.slice(SECTION.length + 1);
    if (CLIENT_ONLY.includes(key.split('.')[0])) continue;
    check(schemaKeys.includes(key), `setting ${name} is not a key of the schema`);
  }
  check(props[`${SECTION}.server.path`], `client setting ${SECTION}.server.path missing`);
  const jv = (pkg.contributes?.jsonValidation || []).find((j) => j.fileMatch === '.modelfile-lint.json');
  if (check(jv, 'no jsonValidation for .modelfile-lint.json')) {
    const packed = path.join(ext, jv.url);
    if (check(fs.existsSync(packed), `schema ${jv.url} missing from package`)) {
      check(fs.readFileSync(packed, 'utf8') === schemaRaw, 'packaged schema differs from the repository schema');
    }
  }

  // Bundled server: bin/modelfile-lsp (bin/modelfile-lsp.exe in a win32 package).
  const opts = Object.fromEntries(process.argv.slice(5).map((a) => a.replace(/^--/, '').split('=')));
  const exe = (opts.target || '').startsWith('win32') ? 'modelfile-lsp.exe' : 'modelfile-lsp';
  const bin = path.join(ext, 'bin', exe);
  if (wantBin === '1') {
    if (check(fs.existsSync(bin), `bin/${exe} not in package`)) {
      check(exe.endsWith('.exe') || (fs.statSync(bin).mode & 0o111) !== 0, `bin/${exe} is not executable in the package`);
    }
  } else {
    check(!fs.existsSync(path.join(ext, 'bin', 'modelfile-lsp')) && !fs.existsSync(path.join(ext, 'bin', 'modelfile-lsp.exe')),
      'a universal package must not bundle a native server');
  }
  // The WebAssembly server, the last fallback, is in every package.
  if (opts.wasm !== 'no') {
    const wasm = path.join(ext, 'wasm', 'modelfile-lsp.wasm');
    if (check(fs.existsSync(wasm), 'wasm/modelfile-lsp.wasm not in package')) {
      const names = WebAssembly.Module.exports(new WebAssembly.Module(fs.readFileSync(wasm))).map((e) => e.name);
      check(names.includes('mfl_session_new'), 'wasm/modelfile-lsp.wasm has no session entry points');
    }
  }

  // What .vscodeignore lets in and the manifest names is there.
  check(pkg.icon && fs.existsSync(path.join(ext, pkg.icon)), `icon ${pkg.icon} missing from package`);
  // vsce stores README.md and CHANGELOG.md as readme.md and changelog.md.
  const packed = (name) => [name, name.toLowerCase()].map((n) => path.join(ext, n)).find((p) => fs.existsSync(p));
  check(packed('CHANGELOG.md'), 'CHANGELOG.md missing from package');
  if (opts.source) {
    const ignore = fs.readFileSync(path.join(opts.source, '.vscodeignore'), 'utf8').split('\n');
    for (const line of ignore) {
      const m = /^!([^*?]+)$/.exec(line.trim());
      if (!m || /^(out|bin|schema|wasm)\//.test(m[1])) continue; // build outputs
      check(fs.existsSync(path.join(opts.source, m[1])), `.vscodeignore names ${m[1]}, which does not exist`);
    }
  }

  // Setting descriptions speak to users: no source paths.
  for (const [name, setting] of Object.entries(props)) {
    const text = [setting.description, setting.markdownDescription, ...(setting.enumDescriptions || []),
      ...(setting.markdownEnumDescriptions || [])].filter(Boolean).join(' ');
    const src = /(^|[\s(`'"])((lint|lsp|grammar|tests?|tools|src|editors|fuzz|bench)\/[\w./-]+)/.exec(text);
    check(!src, `setting ${name}: its description names the source path ${src && src[2]}`);
  }

  // engines.vscode is at least what the extension's code and README need.
  const minOf = (range) => {
    const m = /(\d+)\.(\d+)/.exec(range || '');
    return m ? [Number(m[1]), Number(m[2])] : null;
  };
  const ge = (a, b) => a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);
  const engine = minOf(pkg.engines && pkg.engines.vscode);
  if (check(engine, 'engines.vscode missing')) {
    const types = minOf(pkg.devDependencies && pkg.devDependencies['@types/vscode']);
    check(types && ge(engine, types), `engines.vscode ${pkg.engines.vscode} is older than the API used (@types/vscode ${pkg.devDependencies['@types/vscode']})`);
    try {
      const lc = JSON.parse(fs.readFileSync(require.resolve('vscode-languageclient/package.json'), 'utf8'));
      const need = minOf(lc.engines && lc.engines.vscode);
      check(!need || ge(engine, need), `engines.vscode ${pkg.engines.vscode} is older than vscode-languageclient ${lc.version} needs (${lc.engines.vscode})`);
    } catch { /* not installed here */ }
    const readme = fs.readFileSync(packed('README.md'), 'utf8');
    // "editor.codeActionsOnSave" values "explicit"/"always": VS Code 1.85.
    if (/codeActionsOnSave[\s\S]{0,200}"(explicit|always)"/.test(readme)) {
      check(ge(engine, [1, 85]), `the README's "codeActionsOnSave": "explicit" needs VS Code 1.85, engines.vscode is ${pkg.engines.vscode}`);
    }
  }

  if (failures.length) {
    for (const f of failures) console.error(`FAIL: ${f}`);
    process.exit(1);
  }
  console.log(`check-package: OK (${schemaKeys.length} schema settings, grammar tokenizes, language registered)`);
}

main().catch((e) => {
  console.error(`FAIL: ${e.stack || e}`);
  process.exit(1);
});
