// SPDX-License-Identifier: MIT
// A model pulled into the Ollama store while a document is open re-lints it:
// the server watches the store's blobs/ folder and asks a pull client to
// refresh. The store and its GGUF header are built here (no weights).
import { spawn } from 'node:child_process';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest, ShutdownRequest, ExitNotification,
} from 'vscode-languageserver-protocol/node';

const server = process.argv[2];
const store = mkdtempSync(join(tmpdir(), 'mfl-store-'));
mkdirSync(join(store, 'blobs'), { recursive: true });
mkdirSync(join(store, 'manifests'), { recursive: true });
after(() => rmSync(store, { recursive: true, force: true }));

const proc = spawn(server, ['--stdio'], {
  stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, OLLAMA_MODELS: store } });
const conn = createProtocolConnection(new StreamMessageReader(proc.stdout),
                                      new StreamMessageWriter(proc.stdin));
let refreshed;
const refresh = new Promise((resolve) => { refreshed = resolve; });
conn.onRequest('workspace/diagnostic/refresh', () => { refreshed(); return null; });
conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
conn.onRequest('client/registerCapability', () => null);
conn.listen();
after(() => { if (proc.exitCode === null) proc.kill(); });

// A GGUF v3 header: the metadata the linter reads, no tensors.
function gguf(kv) {
  const parts = [Buffer.from('GGUF'), u32(3), u64(0), u64(kv.length)];
  for (const [k, type, v] of kv) {
    parts.push(str(k), u32(type));
    parts.push(type === 8 ? str(v) : u32(v));
  }
  return Buffer.concat(parts);
}
function u32(n) { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; }
function u64(n) { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(n)); return b; }
function str(s) { const b = Buffer.from(s); return Buffer.concat([u64(b.length), b]); }

const uri = `file://${store}/project/Modelfile`;
const pull = async () => (await conn.sendRequest(DocumentDiagnosticRequest.type,
  { textDocument: { uri } })).items.map((d) => d.code);

test('an unknown model becomes known when it lands in the store', async () => {
  await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: null,
    capabilities: { textDocument: { diagnostic: {} },
                    workspace: { diagnostics: { refreshSupport: true } } },
  });
  conn.sendNotification(InitializedNotification.type, {});
  conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: {
    uri, languageId: 'modelfile', version: 1, text: 'FROM corp/coder:7b\n' } });
  assert.deepEqual(await pull(), ['MF300']);

  const blob = gguf([['general.architecture', 8, 'llama'], ['llama.context_length', 4, 32768],
                     ['llama.block_count', 4, 32], ['llama.attention.head_count', 4, 32],
                     ['llama.attention.head_count_kv', 4, 8], ['llama.embedding_length', 4, 4096]]);
  const digest = createHash('sha256').update(blob).digest('hex');
  writeFileSync(join(store, 'blobs', `sha256-${digest}`), blob);
  const mdir = join(store, 'manifests', 'registry.ollama.ai', 'corp', 'coder');
  mkdirSync(mdir, { recursive: true });
  writeFileSync(join(mdir, '7b'), JSON.stringify({ schemaVersion: 2, layers: [
    { mediaType: 'application/vnd.ollama.image.model', digest: `sha256:${digest}`, size: blob.length }] }));

  let timer;
  await Promise.race([refresh, new Promise((_, rej) => {
    timer = setTimeout(() => rej(new Error('the server did not ask for a refresh')), 10000);
  })]);
  clearTimeout(timer);
  const codes = await pull();
  assert.ok(!codes.includes('MF300'), `still unknown: ${codes}`);
  assert.ok(codes.includes('MF302'), `expected num-ctx-missing now that the model is known: ${codes}`);

  await conn.sendRequest(ShutdownRequest.type);
  conn.sendNotification(ExitNotification.type);
  assert.equal(await new Promise((resolve) => proc.on('exit', resolve)), 0);
  conn.dispose();
});
