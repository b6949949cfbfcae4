// SPDX-License-Identifier: MIT
// modelfile-lsp.wasm in process (wasm/session.mjs), as a web page or VS Code's
// extension host uses it: lint, fix, format and hover give the server's own
// answers, with node:wasi (files visible) and with the browser shim (no files).
// Usage: node --test session.test.mjs MODELFILE-LSP.wasm
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ModelfileServer, ModelfileTools, applyEdits } from '../../wasm/session.mjs';

const wasm = process.argv[2];
assert.ok(wasm, 'usage: node --test session.test.mjs MODELFILE-LSP.wasm');
const story = 'FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n';

for (const fileSystem of ['node', 'none']) {
  test(`lint, fix, format and hover in process (${fileSystem === 'node' ? 'node:wasi' : 'browser shim'})`, async () => {
    const tools = await ModelfileTools.create({ wasm, fileSystem, env: {} });
    const diags = tools.lint(story);
    const d = diags.find((x) => x.code === 'MF301');
    assert.ok(d, JSON.stringify(diags));
    assert.deepEqual(d.range.start, { line: 1, character: 18 });
    // Without a memory budget raising a deliberate context is unsafe: the
    // safe fix-all leaves it (and fixes what is safe: here a lower-case keyword).
    assert.equal(tools.fix(story), story);
    assert.equal(tools.fix('FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\nPARAMETER stop \'<|im_end|>\'\n').includes('num_ctx 131072'), true);
    assert.equal(tools.format('from qwen3-coder:30b\nparameter num_ctx 8192\n'),
      'FROM qwen3-coder:30b\nPARAMETER num_ctx 8192\n');
    const h = tools.hover(story, 1, 12);
    assert.match(h, /262,144/);
    // UTF-16 positions after an emoji (two units) land on the right character.
    const emoji = 'FROM qwen3-coder:30b\nSYSTEM "😀"\nMESSAGE User hi\n';
    const m = tools.lint(emoji).find((x) => x.code === 'MF006');
    assert.deepEqual(m.range.start, { line: 2, character: 8 });
    tools.dispose();
    assert.equal(tools.server.exitCode, 0);
  });
}

test('a config file beside the Modelfile applies (node:wasi sees the disk)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mfl-wasm-'));
  try {
    writeFileSync(join(dir, '.modelfile-lint.json'), '{"rules": {"MF006": "hint"}}');
    const uri = pathToFileURL(join(dir, 'Modelfile')).href;
    const tools = await ModelfileTools.create({ wasm, fileSystem: 'node', env: {} });
    const m = tools.lint('FROM llama3.2\nMESSAGE User hi\n', { uri }).find((x) => x.code === 'MF006');
    assert.equal(m.severity, 4);
    tools.dispose();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('push diagnostics arrive from the debounce timer', async () => {
  const server = await ModelfileServer.create({ wasm, fileSystem: 'none', env: { MODELFILE_LSP_DEBOUNCE_MS: '20' } });
  const got = [];
  server.onMessage((m) => got.push(m));
  server.send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  server.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
  server.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: {
    uri: 'untitled:a', languageId: 'modelfile', version: 1, text: story } } });
  const deadline = Date.now() + 5000;
  while (!got.some((m) => m.method === 'textDocument/publishDiagnostics') && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10));
  }
  const pub = got.find((m) => m.method === 'textDocument/publishDiagnostics');
  assert.ok(pub, 'no publishDiagnostics');
  assert.ok(pub.params.diagnostics.some((x) => x.code === 'MF301'));
  server.dispose();
});

test('applyEdits counts UTF-16 units', () => {
  assert.equal(applyEdits('a😀b\n', [{ range: { start: { line: 0, character: 3 }, end: { line: 0, character: 4 } }, newText: 'c' }]), 'a😀c\n');
});
