// SPDX-License-Identifier: MIT
// modelfile-lsp.wasm in process: the language server's C code compiled to
// WebAssembly, driven through its session functions (lsp/wasm.h) with no
// process and no stdio. Two layers:
//
//   ModelfileServer   a JSON-RPC endpoint: send(message), onMessage(callback).
//                     The VS Code extension connects vscode-languageclient to
//                     it; any LSP client library can.
//   ModelfileTools    lint / fix / format / hover on a text, for a web page
//                     (a playground) that wants answers, not a protocol.
//
// Every answer is the server's: no rule lives here.
// Host: Node (node:wasi, with the file system: local GGUF files, the Ollama
// store, .modelfile-lint.json) or a browser (wasi-shim.mjs: no files).

import { WasiShim } from './wasi-shim.mjs';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function nodeWasi(env, preopens) {
  // node:wasi warns that it is experimental when it loads: not our users'
  // concern, and other warnings of the host (VS Code's) stay as they are.
  const emit = process.emitWarning;
  process.emitWarning = (w, ...rest) => (/WASI/.test(String(w)) ? undefined : emit.call(process, w, ...rest));
  let WASI;
  try {
    ({ WASI } = await import('node:wasi'));
  } finally {
    process.emitWarning = emit;
  }
  return new WASI({ version: 'preview1', args: ['modelfile-lsp'], env, preopens, returnOnExit: true });
}

export class ModelfileServer {
  // wasm: the module's bytes, a WebAssembly.Module, or a URL to fetch.
  // fileSystem: 'node' (node:wasi; preopens as given, default / or drives)
  //             or 'none' (wasi-shim.mjs). Default: 'node' when available.
  // env: the server's environment (OLLAMA_MODELS, ...).
  // stderr: receives the server's log lines (the shim only; node:wasi
  //         writes them to the process's stderr).
  static async create({ wasm, fileSystem, env, preopens, stderr } = {}) {
    const inNode = typeof process !== 'undefined' && !!process.versions?.node;
    const fs = fileSystem ?? (inNode ? 'node' : 'none');
    let module = wasm;
    if (typeof wasm === 'string' || wasm instanceof URL) {
      if (inNode && !/^https?:/.test(String(wasm))) {
        const { readFile } = await import('node:fs/promises');
        module = await readFile(wasm instanceof URL ? wasm : String(wasm));
      } else {
        module = await (await fetch(wasm)).arrayBuffer();
      }
    }
    if (!(module instanceof WebAssembly.Module)) module = await WebAssembly.compile(module);
    let wasi;
    if (fs === 'node') {
      wasi = await nodeWasi(env ?? process.env, preopens ?? await hostPreopens());
    } else {
      wasi = new WasiShim({ env: env ?? {}, stderr: stderr ?? (() => {}) });
    }
    const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
    wasi.initialize(instance);
    return new ModelfileServer(instance);
  }

  constructor(instance) {
    this.x = instance.exports;
    this.session = this.x.mfl_session_new();
    if (!this.session) throw new Error('modelfile-lsp.wasm: out of memory');
    this.listeners = [];
    this.timer = undefined;
    this.disposed = false;
  }

  // Messages from the server: (message) => void, called synchronously
  // during send() and from timers (debounced diagnostics).
  onMessage(listener) {
    this.listeners.push(listener);
    return { dispose: () => { this.listeners = this.listeners.filter((l) => l !== listener); } };
  }

  // run: false leaves what the message made due (a debounced lint) to the
  // next schedule() (the benchmark times the two apart).
  send(message, { run = true } = {}) {
    if (this.disposed) throw new Error('modelfile-lsp.wasm: session disposed');
    const bytes = encoder.encode(typeof message === 'string' ? message : JSON.stringify(message));
    const ptr = this.x.mfl_wasm_alloc(bytes.length);
    new Uint8Array(this.x.memory.buffer, ptr, bytes.length).set(bytes);
    this.x.mfl_session_send(this.session, ptr, bytes.length);
    this.x.mfl_wasm_free(ptr);
    this.drain();
    if (run) this.schedule();
  }

  // -1 while running, else the exit code after the `exit` notification.
  get exitCode() { return this.x.mfl_session_exit_code(this.session); }

  drain() {
    const lenPtr = this.x.mfl_wasm_alloc(4);
    try {
      for (;;) {
        const p = this.x.mfl_session_next(this.session, lenPtr);
        if (!p) break;
        const len = new DataView(this.x.memory.buffer).getUint32(lenPtr, true);
        const msg = JSON.parse(decoder.decode(new Uint8Array(this.x.memory.buffer, p, len)));
        for (const l of this.listeners) l(msg);
      }
    } finally {
      this.x.mfl_wasm_free(lenPtr);
    }
  }

  schedule() {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.disposed || this.exitCode >= 0) return;
    const ms = this.x.mfl_session_tick(this.session);
    this.drain();
    if (ms >= 0) {
      this.timer = setTimeout(() => { this.timer = undefined; this.schedule(); }, ms);
      this.timer.unref?.();
    }
  }

  dispose() {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.x.mfl_session_free(this.session);
  }
}

// The folders the server may read: / (on Windows each drive as /c:, ...,
// which is how lsp/convert.c's WASI build maps file:///c%3A/... URIs).
export async function hostPreopens() {
  if (process.platform !== 'win32') return { '/': '/' };
  const { existsSync } = await import('node:fs');
  const dirs = {};
  for (let c = 97; c <= 122; c++) {
    const d = String.fromCharCode(c);
    if (existsSync(`${d}:\\`)) dirs[`/${d}:`] = `${d}:\\`;
  }
  return dirs;
}

// ---- answers for a web page ------------------------------------------------------

function offsetOf(text, pos) {
  let line = 0, i = 0;
  while (line < pos.line) {
    const nl = text.indexOf('\n', i);
    if (nl < 0) return text.length;
    i = nl + 1;
    line++;
  }
  const end = text.indexOf('\n', i);
  return Math.min(i + pos.character, end < 0 ? text.length : end);
}

// Applies LSP TextEdits (UTF-16 positions, JavaScript's own units).
export function applyEdits(text, edits) {
  const sorted = edits.map((e) => ({ s: offsetOf(text, e.range.start), e: offsetOf(text, e.range.end), t: e.newText }))
    .sort((a, b) => b.s - a.s || b.e - a.e);
  for (const x of sorted) text = text.slice(0, x.s) + x.t + text.slice(x.e);
  return text;
}

export class ModelfileTools {
  static async create(options = {}) {
    const tools = new ModelfileTools(await ModelfileServer.create(options), options.settings ?? {});
    tools.request('initialize', {
      processId: null, rootUri: null,
      capabilities: {
        general: { positionEncodings: ['utf-16'] },
        textDocument: {
          diagnostic: {}, hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
        },
        workspace: { configuration: true },
      },
      initializationOptions: tools.settings,
    });
    tools.server.send({ jsonrpc: '2.0', method: 'initialized', params: {} });
    return tools;
  }

  constructor(server, settings) {
    this.server = server;
    this.settings = settings;
    this.nextId = 1;
    this.replies = new Map();
    this.versions = new Map();
    this.texts = new Map();
    server.onMessage((m) => {
      if (m.id !== undefined && m.method === undefined) this.replies.set(m.id, m);
      else if (m.id !== undefined && m.method === 'workspace/configuration') {
        server.send({ jsonrpc: '2.0', id: m.id, result: m.params.items.map(() => this.settings) });
      } else if (m.id !== undefined) {
        server.send({ jsonrpc: '2.0', id: m.id, result: null });
      }
    });
  }

  // The session answers synchronously: the reply is there when send returns.
  request(method, params) {
    const id = this.nextId++;
    this.server.send({ jsonrpc: '2.0', id, method, params });
    const r = this.replies.get(id);
    this.replies.delete(id);
    if (!r) throw new Error(`${method}: no reply`);
    if (r.error) throw new Error(`${method}: ${r.error.message}`);
    return r.result;
  }

  open(text, uri) {
    const v = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, v);
    if (v === 1) {
      this.server.send({ jsonrpc: '2.0', method: 'textDocument/didOpen',
        params: { textDocument: { uri, languageId: 'modelfile', version: v, text } } });
    } else if (this.texts.get(uri) !== text) {
      this.server.send({ jsonrpc: '2.0', method: 'textDocument/didChange',
        params: { textDocument: { uri, version: v }, contentChanges: [{ text }] } });
    }
    this.texts.set(uri, text);
    return { uri };
  }

  // The diagnostics (LSP Diagnostic objects: range, severity, code, message, data.fix).
  lint(text, { uri = 'untitled:Modelfile' } = {}) {
    return this.request('textDocument/diagnostic', { textDocument: this.open(text, uri) }).items;
  }

  // The text with every safe fix applied (the CLI's --fix, the editor's fix-all).
  fix(text, { uri = 'untitled:Modelfile' } = {}) {
    const actions = this.request('textDocument/codeAction', {
      textDocument: this.open(text, uri),
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    }) ?? [];
    const all = actions.find((a) => a.kind && a.kind.startsWith('source.fixAll'));
    const edits = all?.edit?.changes?.[uri] ?? all?.edit?.documentChanges?.[0]?.edits ?? [];
    return applyEdits(text, edits);
  }

  format(text, { uri = 'untitled:Modelfile' } = {}) {
    const edits = this.request('textDocument/formatting', {
      textDocument: this.open(text, uri), options: { tabSize: 4, insertSpaces: true },
    }) ?? [];
    return applyEdits(text, edits);
  }

  // Hover text (Markdown) at a 0-based line and UTF-16 character, or null.
  hover(text, line, character, { uri = 'untitled:Modelfile' } = {}) {
    const h = this.request('textDocument/hover', { textDocument: this.open(text, uri), position: { line, character } });
    if (!h) return null;
    const c = h.contents;
    return typeof c === 'string' ? c : Array.isArray(c) ? c.map((x) => x.value ?? x).join('\n\n') : c.value;
  }

  dispose() {
    try {
      this.request('shutdown', null);
      this.server.send({ jsonrpc: '2.0', method: 'exit' });
    } finally {
      this.server.dispose();
    }
  }
}
