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

// VS Code for the Web (src/web.ts): the same transports over the module with
// the browser's WASI shim (no files), from bytes as the web extension reads them.
test('the web extension\'s server: bytes, no file system, vscode-jsonrpc', { skip: !wasm || !existsSync(wasm) ? 'MFL_WASM not set' : false }, async () => {
  const { readFileSync } = await import('node:fs');
  const { ModelfileServer } = await import('../../../wasm/session.mjs');
  const { sessionTransports } = await import('../out/test/sessionTransport.mjs');
  const { reader, writer } = sessionTransports(await ModelfileServer.create({
    wasm: new Uint8Array(readFileSync(wasm)), fileSystem: 'none', env: {} }));
  const conn = rpc.createMessageConnection(reader, writer);
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  conn.listen();
  await conn.sendRequest('initialize', { processId: null, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } });
  await conn.sendNotification('initialized', {});
  const uri = 'vscode-vfs://github/x/y/Modelfile';
  await conn.sendNotification('textDocument/didOpen', { textDocument: {
    uri, languageId: 'modelfile', version: 1, text: 'FROM llama3.2\nMESSAGE User hi\n' } });
  const rep = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  assert.ok(rep.items.some((d) => d.code === 'MF006'), JSON.stringify(rep.items));
  await conn.sendRequest('shutdown');
  conn.dispose();
});
