// SPDX-License-Identifier: MIT
// The page's client of modelfile-lsp.wasm, driven in process (wasm/session.mjs):
// one document kept in sync with the editor by incremental edits, and the
// server's answers (diagnostics, code actions, hover, completion, the custom
// modelfile-lint/* requests). The session answers synchronously. Nothing here
// decides anything about a Modelfile: every answer is the server's.
import { ModelfileServer } from '../../wasm/session.mjs';

export const URI = 'untitled:Modelfile';

export class Client {
  static async create(wasmUrl) {
    const server = await ModelfileServer.create({ wasm: wasmUrl, fileSystem: 'none', env: {} });
    const c = new Client(server);
    c.request('initialize', {
      processId: null,
      rootUri: null,
      capabilities: {
        general: { positionEncodings: ['utf-16'] },
        textDocument: {
          diagnostic: {},
          hover: { contentFormat: ['plaintext', 'markdown'] },
          completion: { completionItem: { documentationFormat: ['plaintext'] } },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
        },
      },
    });
    c.notify('initialized', {});
    return c;
  }

  constructor(server) {
    this.server = server;
    this.nextId = 1;
    this.replies = new Map();
    this.messages = []; // window/showMessage from the server (settings errors)
    this.versions = new Map();
    server.onMessage((m) => {
      if (m.id !== undefined && m.method === undefined) this.replies.set(m.id, m);
      else if (m.method === 'window/showMessage') this.messages.push(m.params);
      else if (m.id !== undefined) server.send({ jsonrpc: '2.0', id: m.id, result: null });
    });
  }

  request(method, params) {
    const id = this.nextId++;
    this.server.send({ jsonrpc: '2.0', id, method, params });
    const r = this.replies.get(id);
    this.replies.delete(id);
    if (!r) throw new Error(`${method}: no reply`);
    if (r.error) throw new Error(`${method}: ${r.error.message}`);
    return r.result;
  }

  notify(method, params) {
    this.server.send({ jsonrpc: '2.0', method, params });
  }

  open(text, uri = URI) {
    if (this.versions.has(uri)) this.notify('textDocument/didClose', { textDocument: { uri } });
    this.versions.set(uri, 1);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'modelfile', version: 1, text } });
  }

  // changes: LSP TextDocumentContentChangeEvents, applied in order.
  change(changes, uri = URI) {
    const v = this.versions.get(uri) + 1;
    this.versions.set(uri, v);
    this.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: changes });
  }

  // The settings of .modelfile-lint.json (hardware, memory, prefill-rate,
  // client-timeout, kv-cache-type). Returns the server's error, or null.
  configure(settings) {
    const before = this.messages.length;
    this.notify('workspace/didChangeConfiguration', { settings: { 'modelfile-lint': settings } });
    const errors = this.messages.slice(before).filter((m) => m.type === 1);
    return errors.length ? errors.map((m) => m.message).join('\n') : null;
  }

  diagnostics(uri = URI) {
    return this.request('textDocument/diagnostic', { textDocument: { uri } }).items;
  }

  codeActions(range, only, uri = URI) {
    return this.request('textDocument/codeAction', {
      textDocument: { uri }, range, context: { diagnostics: [], ...(only ? { only } : {}) },
    }) ?? [];
  }

  // The edits of the server's fix-all (the CLI's --fix), or [].
  fixAllEdits(uri = URI) {
    const end = { line: 1 << 30, character: 0 };
    const all = this.codeActions({ start: { line: 0, character: 0 }, end }, ['source.fixAll'], uri)
      .find((a) => a.kind && a.kind.startsWith('source.fixAll'));
    return all?.edit?.changes?.[uri] ?? [];
  }

  hover(position, uri = URI) {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  completion(position, uri = URI) {
    return this.request('textDocument/completion', { textDocument: { uri }, position });
  }

  context(contexts, uri = URI) {
    return this.request('modelfile-lint/context', { textDocument: { uri }, contexts });
  }

  query(query, range, uri = URI) {
    return this.request('modelfile-lint/query', { textDocument: { uri }, query, ...(range ? { range } : {}) }).captures;
  }

  hardware() { return this.request('modelfile-lint/hardware', null); }
  models() { return this.request('modelfile-lint/models', null); }
}
