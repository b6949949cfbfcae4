// SPDX-License-Identifier: MIT
// The extension's choice of server (src/serverChoice.ts, src/probe.ts), on
// every platform name VS Code runs on and on the web: the user's setting,
// then an installed modelfile-lsp, then the bundled binary, then the
// WebAssembly server; a binary that fails (as a glibc build does on Alpine,
// or any broken install) gives way to the next, with the reason. The
// executables here are real programs that succeed or fail; only the
// platform name, PATH and the extension's folder are set per case.
// Run: npm test (builds out/test/*.mjs with esbuild first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, statSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { candidates, startFirstWorking, whichIn, executableName } from '../out/test/serverChoice.mjs';
import { probeExecutable } from '../out/test/probe.mjs';

const root = mkdtempSync(join(tmpdir(), 'mfl-choice-'));
process.on('exit', () => rmSync(root, { recursive: true, force: true }));

function script(path, body) {
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}
const good = 'echo "modelfile-lsp 0.1.0"';
const broken = 'echo "modelfile-lsp: error while loading shared libraries: libuv.so.1" >&2; exit 127';
const isFile = (p) => { try { return statSync(p).isFile(); } catch { return false; } };

// A machine: folders on PATH holding modelfile-lsp, the extension's bin/ and wasm/.
function machine(name, platform, { installed, bundled, wasm = true }) {
  const dir = join(root, name);
  const exe = executableName(platform);
  mkdirSync(join(dir, 'path'), { recursive: true });
  mkdirSync(join(dir, 'ext', 'bin'), { recursive: true });
  mkdirSync(join(dir, 'ext', 'wasm'), { recursive: true });
  if (installed) script(join(dir, 'path', exe), installed);
  if (bundled) script(join(dir, 'ext', 'bin', exe), bundled);
  if (wasm) writeFileSync(join(dir, 'ext', 'wasm', 'modelfile-lsp.wasm'), '');
  const setting = script(join(dir, 'broken-setting'), broken);
  const env = (strategy = 'fromEnvironment', settingPath = '') => ({
    platform, settingPath, strategy,
    bundledDir: join(dir, 'ext', 'bin'),
    wasmPath: join(dir, 'ext', 'wasm', 'modelfile-lsp.wasm'),
    exists: isFile,
    which: (n) => whichIn(join(dir, 'path') + (platform === 'win32' ? ';' : ':') + '/nonexistent',
                          platform, n, '.COM;.EXE', isFile, join),
    join,
  });
  return { env, setting };
}

// Native candidates are really run (`--version`); the WebAssembly one is
// taken as loadable here (tests/wasm covers the module itself).
const probe = (c) => (c.kind === 'wasm' ? Promise.resolve(undefined) : probeExecutable(c.path, 3000));

async function choose(env, failStart = new Set()) {
  const log = [];
  const r = await startFirstWorking(candidates(env), probe,
    async (c) => { if (failStart.has(c.kind)) throw new Error('initialize failed'); },
    (l) => log.push(l));
  return { kind: r.chosen?.kind, fallthrough: r.fallthrough, log };
}

// [VS Code platform, has a platform package with a bundled binary]
const platforms = [
  ['linux', true],   // linux-x64, linux-arm64 packages
  ['win32', true],   // win32-x64 package
  ['darwin', false], // universal package: WebAssembly
  ['freebsd', false],
];

for (const [platform, packaged] of platforms) {
  test(`${platform}: a broken setting, a broken install and a broken bundle fall through to WebAssembly`, async () => {
    const m = machine(`${platform}-all-broken`, platform, { installed: broken, bundled: packaged ? broken : undefined });
    const r = await choose(m.env('fromEnvironment', m.setting));
    assert.equal(r.kind, 'wasm');
    assert.equal(r.fallthrough.length, packaged ? 3 : 2);
    assert.match(r.fallthrough[0], /modelfile-lint\.server\.path .*exited with 127: .*libuv\.so\.1/);
    assert.match(r.fallthrough[1], /the installed modelfile-lsp/);
    if (packaged) assert.match(r.fallthrough[2], /the bundled modelfile-lsp/);
    assert.ok(r.log.at(-1).startsWith('Using the WebAssembly modelfile-lsp'));
  });

  test(`${platform}: a working installed modelfile-lsp comes before the bundled one`, async () => {
    const m = machine(`${platform}-installed`, platform, { installed: good, bundled: packaged ? good : undefined });
    assert.equal((await choose(m.env())).kind, 'installed');
    // A broken setting falls through to it, with the reason.
    const r = await choose(m.env('fromEnvironment', m.setting));
    assert.equal(r.kind, 'installed');
    assert.equal(r.fallthrough.length, 1);
  });

  test(`${platform}: useBundled skips PATH; without a bundle, WebAssembly`, async () => {
    const m = machine(`${platform}-bundled`, platform, { installed: good, bundled: packaged ? good : undefined });
    assert.equal((await choose(m.env('useBundled'))).kind, packaged ? 'bundled' : 'wasm');
  });

  test(`${platform}: a server that answers --version but fails to start gives way`, async () => {
    const m = machine(`${platform}-nostart`, platform, { installed: good, bundled: packaged ? good : undefined });
    const r = await choose(m.env(), new Set(['installed']));
    assert.equal(r.kind, packaged ? 'bundled' : 'wasm');
    assert.match(r.fallthrough[0], /did not start: initialize failed/);
  });

  test(`${platform}: useWebAssembly runs the WebAssembly server even with a working install`, async () => {
    const m = machine(`${platform}-wasm`, platform, { installed: good, bundled: packaged ? good : undefined });
    assert.equal((await choose(m.env('useWebAssembly'))).kind, 'wasm');
  });
}

test('web (VS Code for the Web): no processes, WebAssembly only, even with a setting', async () => {
  const m = machine('web', 'web', { installed: good, bundled: good });
  const r = await choose(m.env('fromEnvironment', m.setting));
  assert.equal(r.kind, 'wasm');
  assert.equal(r.fallthrough.length, 0);
});

test('nothing works: no server, every reason reported', async () => {
  const m = machine('none', 'linux', { installed: broken, bundled: broken, wasm: false });
  const r = await choose(m.env('fromEnvironment', m.setting));
  assert.equal(r.kind, undefined);
  assert.equal(r.fallthrough.length, 3);
});

test('win32 finds modelfile-lsp.exe on PATH through PATHEXT', () => {
  const m = machine('pathext', 'win32', { installed: good });
  assert.match(m.env().which('modelfile-lsp'), /modelfile-lsp\.exe$/);
});
