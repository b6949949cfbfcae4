#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Starts a modelfile-lsp binary the way vscode-languageclient does (stdio,
// "--stdio" appended, UTF-16 as the only position encoding) with the client
// libraries VS Code's own client is built on, opens the story's Modelfile and
// waits for the num_ctx diagnostic. Used on the binary bundled in the .vsix.
// Usage: node scripts/smoke-server.js SERVER
'use strict';
const cp = require('child_process');
const rpc = require('vscode-jsonrpc/node');

const server = process.argv[2];
if (!server) {
  console.error('usage: smoke-server.js SERVER');
  process.exit(2);
}
const text = 'FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\n';
const uri = 'file:///tmp/smoke/Modelfile';

const child = cp.spawn(server, ['--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const conn = rpc.createMessageConnection(
  new rpc.StreamMessageReader(child.stdout),
  new rpc.StreamMessageWriter(child.stdin),
);
const timer = setTimeout(() => {
  console.error('FAIL: no diagnostics for num_ctx within 10 s');
  child.kill();
  process.exit(1);
}, 10000);

let done = false;
conn.onNotification('textDocument/publishDiagnostics', async (p) => {
  if (done || p.uri !== uri || !p.diagnostics.length) return;
  const d = p.diagnostics.find((x) => x.range.start.line === 1);
  if (!d) return;
  done = true;
  clearTimeout(timer);
  console.log(`smoke-server: ${d.code} "${d.message}" at 2:${d.range.start.character + 1}`);
  await conn.sendRequest('shutdown');
  conn.sendNotification('exit');
  child.on('exit', (code) => {
    if (code !== 0) {
      console.error(`FAIL: server exited with ${code} after shutdown/exit`);
      process.exit(1);
    }
    process.exit(0);
  });
});
conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
conn.onRequest('client/registerCapability', () => null);
conn.onRequest('window/workDoneProgress/create', () => null);
conn.listen();

(async () => {
  const init = await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true } },
      workspace: { configuration: true },
    },
    initializationOptions: {},
  });
  const enc = init.capabilities.positionEncoding;
  if (enc !== undefined && enc !== 'utf-16') {
    console.error(`FAIL: server chose position encoding ${enc}; VS Code accepts only utf-16`);
    process.exit(1);
  }
  conn.sendNotification('initialized', {});
  conn.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'modelfile', version: 1, text },
  });
})().catch((e) => {
  console.error(`FAIL: ${e.message || e}`);
  process.exit(1);
});
