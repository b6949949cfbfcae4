// SPDX-License-Identifier: MIT
// Drives modelfile-lsp the way VS Code does: vscode-jsonrpc framing, UTF-16
// positions only, incremental sync and pull diagnostics.
import { spawn } from 'node:child_process';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  InitializeRequest, InitializedNotification, DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  DocumentDiagnosticRequest, CodeActionRequest, HoverRequest, CompletionRequest,
  DocumentFormattingRequest, DocumentSymbolRequest, FoldingRangeRequest,
  ShutdownRequest, ExitNotification, PublishDiagnosticsNotification,
} from 'vscode-languageserver-protocol/node';

const server = process.argv[2];
assert.ok(server, 'usage: node test.mjs SERVER');
const proc = spawn(server, ['--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const exited = new Promise((resolve) => proc.on('exit', (code) => resolve(code)));
const conn = createProtocolConnection(new StreamMessageReader(proc.stdout),
                                      new StreamMessageWriter(proc.stdin));
const pushed = [];
conn.onNotification(PublishDiagnosticsNotification.type, (p) => pushed.push(p));
conn.onRequest('client/registerCapability', () => null);
conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
conn.listen();

const uri = 'file:///tmp/modelfile-lsp-node/Modelfile';
// The emoji is two UTF-16 code units and four UTF-8 bytes: every position
// after it on its line differs between the encodings.
const text = 'FROM qwen3-coder:30b\nPARAMETER num_ctx 131072\nsystem "😀 be brief"   \n';

after(() => { if (proc.exitCode === null) proc.kill(); });

test('initialize negotiates UTF-16 with a UTF-16-only client', async () => {
  const res = await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    clientInfo: { name: 'node-test', version: '1' },
    capabilities: {
      general: { positionEncodings: ['utf-16'] },
      textDocument: {
        synchronization: { dynamicRegistration: true, didSave: true },
        diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: false,
                              codeDescriptionSupport: true, dataSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } },
                      isPreferredSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'] } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        foldingRange: { lineFoldingOnly: true },
      },
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true },
                   diagnostics: { refreshSupport: true } },
    },
    initializationOptions: {},
  });
  // vscode-languageclient throws on anything but utf-16.
  assert.equal(res.capabilities.positionEncoding, 'utf-16');
  assert.equal(res.capabilities.textDocumentSync.change, 2);
  assert.equal(res.capabilities.diagnosticProvider.identifier, 'modelfile-lint');
  await conn.sendNotification(InitializedNotification.type, {});
});

let firstResultId;
test('didOpen, then pull diagnostics with codes, links and fixes', async () => {
  await conn.sendNotification(DidOpenTextDocumentNotification.type,
    { textDocument: { uri, languageId: 'modelfile', version: 1, text } });
  const rep = await conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  assert.equal(rep.kind, 'full');
  firstResultId = rep.resultId;
  for (const d of rep.items) {
    assert.match(String(d.code), /^MF\d{3}$/);
    assert.equal(d.source, 'modelfile-lint');
    assert.ok(d.codeDescription.href.length > 0);
  }
  const ctx = rep.items.find((d) => d.range.start.line === 1);
  assert.ok(ctx, 'a diagnostic on the num_ctx line: ' + JSON.stringify(rep.items));
  // A pull client never gets pushed diagnostics.
  assert.equal(pushed.length, 0);
});

test('quick fix rewrites num_ctx to the native context', async () => {
  const actions = await conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 24 } },
    context: { diagnostics: [] },
  });
  const edits = actions.flatMap((a) => (a.edit?.changes?.[uri] ?? []));
  assert.ok(edits.some((e) => e.newText.includes('262144')), JSON.stringify(actions));
  assert.ok(actions.some((a) => a.kind === 'quickfix' && a.title.startsWith('Suppress')));
});

test('hover on num_ctx shows the memory arithmetic', async () => {
  const h = await conn.sendRequest(HoverRequest.type,
    { textDocument: { uri }, position: { line: 1, character: 12 } });
  assert.equal(h.contents.kind, 'markdown');
  assert.match(h.contents.value, /num_ctx/);
  assert.match(h.contents.value, /KV/);
});

test('completion after FROM offers families, then the tags after "family:"', async () => {
  const fam = await conn.sendRequest(CompletionRequest.type,
    { textDocument: { uri }, position: { line: 0, character: 5 } });
  assert.equal(fam.isIncomplete, true);
  assert.ok(fam.items.some((i) => i.label === 'qwen3-coder' && /native context 262144/.test(i.detail)));
  // Installed models sort first ("0..."); the data's items are families, and
  // the families the library has only as cloud models come as their cloud name.
  assert.ok(!fam.items.some((i) => i.sortText.startsWith('1') && i.label.includes(':') && !/^cloud model/.test(i.detail)));
  assert.ok(fam.items.some((i) => i.label === 'glm-5:cloud' && /^cloud model/.test(i.detail)));
  const tags = await conn.sendRequest(CompletionRequest.type,
    { textDocument: { uri }, position: { line: 0, character: 17 } });
  assert.ok(tags.items.some((i) => i.label === 'qwen3-coder:30b'));
  assert.ok(tags.items.every((i) => i.sortText.startsWith('0') || i.label.startsWith('qwen3-coder:')));
});

test('formatting counts UTF-16 units after the emoji', async () => {
  const edits = await conn.sendRequest(DocumentFormattingRequest.type,
    { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
  // 'system "😀 be brief"' is 20 UTF-16 units (the emoji counts 2).
  assert.deepEqual(edits, [
    { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } }, newText: 'SYSTEM' },
    { range: { start: { line: 2, character: 20 }, end: { line: 2, character: 23 } }, newText: '' },
  ]);
});

test('incremental didChange, then the diagnostic is gone', async () => {
  await conn.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version: 2 },
    contentChanges: [
      { range: { start: { line: 1, character: 18 }, end: { line: 1, character: 24 } }, text: '262144' },
      // After the emoji: character 20 in UTF-16 is byte 22 in UTF-8.
      { range: { start: { line: 2, character: 20 }, end: { line: 2, character: 23 } }, text: '' },
    ],
  });
  const rep = await conn.sendRequest(DocumentDiagnosticRequest.type,
    { textDocument: { uri }, previousResultId: firstResultId });
  assert.equal(rep.kind, 'full');
  assert.ok(!rep.items.some((d) => d.range.start.line === 1), JSON.stringify(rep.items));
  const again = await conn.sendRequest(DocumentDiagnosticRequest.type,
    { textDocument: { uri }, previousResultId: rep.resultId });
  assert.equal(again.kind, 'unchanged');
  const edits = await conn.sendRequest(DocumentFormattingRequest.type,
    { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
  assert.deepEqual(edits.map((e) => e.newText), ['SYSTEM']);
});

test('outline and folding', async () => {
  const syms = await conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  assert.deepEqual(syms.map((s) => s.name), ['FROM', 'PARAMETER num_ctx', 'SYSTEM']);
  assert.equal(syms[0].detail, 'qwen3-coder:30b');
  const folds = await conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
  assert.deepEqual(folds, []);
});

test('didClose, shutdown and exit with status 0', async () => {
  await conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  await conn.sendRequest(ShutdownRequest.type);
  await conn.sendNotification(ExitNotification.type);
  assert.equal(await exited, 0);
});
