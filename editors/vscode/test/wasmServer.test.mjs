// SPDX-License-Identifier: MIT
// The WebAssembly server as the extension runs it inside the extension host
// (src/wasmServer.ts): the packaged module, in process, behind the message
// reader and writer vscode-languageclient uses, driven here by the same
// vscode-jsonrpc connection VS Code's client is built on.
// Needs MFL_WASM=path/to/modelfile-lsp.wasm (skipped without it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import rpc from 'vscode-jsonrpc/node.js';
import { startWasmServer, probeWasm } from '../out/test/wasmServer.mjs';

const wasm = process.env.MFL_WASM;

test('the WebAssembly server in process answers vscode-jsonrpc', { skip: !wasm || !existsSync(wasm) ? 'MFL_WASM not set' : false }, async () => {
  assert.equal(await probeWasm(wasm), undefined);
  assert.match(await probeWasm(new URL(import.meta.url).pathname), /cannot load/);
  const { reader, writer } = await startWasmServer(wasm, {});
  const conn = rpc.createMessageConnection(reader, writer);
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  let closed = false;
  conn.onClose(() => { closed = true; });
  conn.listen();
  const init = await conn.sendRequest('initialize', {
    processId: process.pid, rootUri: null,
    capabilities: { general: { positionEncodings: ['utf-16'] }, textDocument: { diagnostic: {} },
                    workspace: { configuration: true } },
  });
  assert.equal(init.capabilities.positionEncoding, 'utf-16');
  await conn.sendNotification('initialized', {});
  const uri = 'untitled:Untitled-1';
  await conn.sendNotification('textDocument/didOpen', { textDocument: {
    uri, languageId: 'modelfile', version: 1, text: 'FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n' } });
  const rep = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  assert.ok(rep.items.some((d) => d.code === 'MF301'), JSON.stringify(rep.items));
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  for (let i = 0; i < 50 && !closed; i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(closed, 'the connection closes after exit, as when a process ends');
  conn.dispose();
});
