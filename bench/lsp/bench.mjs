#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Benchmark (not a test) for modelfile-lsp: initialize time, server time per
// keystroke (didChange + lint + publishDiagnostics) on a typical Modelfile
// and on a 1 MB one with a huge LICENSE, and resident memory with ten open
// documents. No npm packages: it frames messages itself.
//
//   node bench/lsp/bench.mjs path/to/modelfile-lsp [keystrokes]
//
// Server time comes from the server's own MODELFILE_LSP_TIMING log (stderr);
// the debounce is set to 0 so that every keystroke is linted.
//
// SERVER may be the WebAssembly build: its run/ wrapper (the module under
// Node, speaking stdio: the same measurement), or the .wasm itself, which is
// then driven in process as the VS Code extension does (wasm/session.mjs; the
// server time is the time of the calls into the module, there is no pipe).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const server = process.argv[2];
const strokes = Number(process.argv[3] ?? 200);
if (!server) {
  console.error('usage: bench.mjs SERVER|MODELFILE-LSP.wasm [keystrokes]');
  process.exit(2);
}
const inProcess = server.endsWith('.wasm');
const { ModelfileServer } = inProcess ? await import('../../wasm/session.mjs') : {};

// The same interface as Client, over the module in this process.
class SessionClient {
  static async create() {
    const c = new SessionClient();
    c.server = await ModelfileServer.create({
      wasm: server, fileSystem: 'node', env: { ...process.env, MODELFILE_LSP_DEBOUNCE_MS: '0' } });
    c.server.onMessage((m) => c.onMessage(m));
    return c;
  }
  constructor() {
    this.waiters = [];
    this.pending = [];
    this.timings = [];
    this.nextId = 1;
  }
  onMessage(msg) {
    const w = this.waiters.findIndex((x) => x.pred(msg));
    if (w >= 0) this.waiters.splice(w, 1)[0].resolve(msg);
    else this.pending.push(msg);
  }
  wait(pred) {
    const i = this.pending.findIndex(pred);
    if (i >= 0) return Promise.resolve(this.pending.splice(i, 1)[0]);
    return new Promise((resolve) => this.waiters.push({ pred, resolve }));
  }
  send(msg) {
    const t0 = process.hrtime.bigint();
    this.server.send({ jsonrpc: '2.0', ...msg }, { run: false });
    const t1 = process.hrtime.bigint();
    // The debounce is 0: the lint timer is due now.
    this.server.schedule();
    const t2 = process.hrtime.bigint();
    if (msg.method) this.timings.push({ what: msg.method, ms: Number(t1 - t0) / 1e6 });
    if (msg.method === 'textDocument/didChange') this.timings.push({ what: 'lint+publish', ms: Number(t2 - t1) / 1e6 });
  }
  request(method, params) {
    const id = this.nextId++;
    const p = this.wait((m) => m.id === id);
    this.send({ id, method, params });
    return p;
  }
  notify(method, params) {
    this.send({ method, params });
  }
  rss() {
    const m = process.memoryUsage();
    return { rss: m.rss / 1048576, hwm: m.rss / 1048576 };
  }
  async close() {
    await this.request('shutdown');
    this.notify('exit');
    this.server.dispose();
  }
}

class Client {
  constructor() {
    this.proc = spawn(server, ['--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, MODELFILE_LSP_TIMING: '1', MODELFILE_LSP_DEBOUNCE_MS: '0' },
    });
    this.buf = Buffer.alloc(0);
    this.waiters = [];
    this.timings = [];
    this.nextId = 1;
    this.proc.stdout.on('data', (d) => this.onData(d));
    let err = '';
    this.proc.stderr.on('data', (d) => {
      err += d.toString();
      let i;
      while ((i = err.indexOf('\n')) >= 0) {
        const line = err.slice(0, i);
        err = err.slice(i + 1);
        const m = /timing (\S+) ([\d.]+) ms/.exec(line);
        if (m) this.timings.push({ what: m[1], ms: Number(m[2]) });
      }
    });
  }
  onData(d) {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const h = this.buf.indexOf('\r\n\r\n');
      if (h < 0) return;
      const len = Number(/Content-Length: (\d+)/.exec(this.buf.subarray(0, h).toString())[1]);
      if (this.buf.length < h + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(h + 4, h + 4 + len).toString());
      this.buf = this.buf.subarray(h + 4 + len);
      const w = this.waiters.findIndex((x) => x.pred(msg));
      if (w >= 0) this.waiters.splice(w, 1)[0].resolve(msg);
    }
  }
  send(msg) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }));
    this.proc.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin.write(body);
  }
  wait(pred) {
    return new Promise((resolve) => this.waiters.push({ pred, resolve }));
  }
  request(method, params) {
    const id = this.nextId++;
    const p = this.wait((m) => m.id === id);
    this.send({ id, method, params });
    return p;
  }
  notify(method, params) {
    this.send({ method, params });
  }
  rss() {
    const s = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)[1]);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  }
  async close() {
    await this.request('shutdown');
    const done = new Promise((r) => this.proc.on('exit', r));
    this.notify('exit');
    return done;
  }
}

const typical = `# A typical Modelfile
FROM qwen3-coder:30b
PARAMETER num_ctx 131072
PARAMETER temperature 0.7
PARAMETER top_p 0.8
PARAMETER stop "<|im_end|>"
TEMPLATE """{{ if .System }}<|im_start|>system
{{ .System }}<|im_end|>
{{ end }}{{ range .Messages }}<|im_start|>{{ .Role }}
{{ .Content }}<|im_end|>
{{ end }}<|im_start|>assistant
"""
SYSTEM """You are a careful coding assistant."""
MESSAGE user Hello
MESSAGE assistant Hi! How can I help?
`;
const licenseLine = 'Permission is hereby granted, free of charge, to any person obtaining a copy of this software.\n';
const huge = typical + 'LICENSE """' + licenseLine.repeat(Math.ceil((1 << 20) / licenseLine.length)) + '"""\n';

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p90: q(0.9), max: s[s.length - 1] };
};
const fmt = (x) => x.toFixed(3);

async function initialize(c) {
  const t0 = process.hrtime.bigint();
  await c.request('initialize', { processId: process.pid, capabilities: {}, rootUri: null });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  c.notify('initialized', {});
  return ms;
}

async function keystrokes(c, uri, text, n) {
  const published = () => c.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
  let p = published();
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'modelfile', version: 1, text } });
  await p;
  // Type a comment at the end of the PARAMETER num_ctx line's neighbour:
  // a new line after line 2, one character per keystroke.
  const line = 3;
  c.timings.length = 0;
  const wall = [];
  for (let i = 0; i < n; i++) {
    const range = i === 0
      ? { start: { line, character: 0 }, end: { line, character: 0 } }
      : { start: { line, character: i + 1 }, end: { line, character: i + 1 } };
    p = published();
    const t0 = process.hrtime.bigint();
    c.notify('textDocument/didChange', {
      textDocument: { uri, version: i + 2 },
      contentChanges: [{ range, text: i === 0 ? '# \n' : 'x' }],
    });
    await p;
    wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  await new Promise((r) => setTimeout(r, 50));
  const change = c.timings.filter((t) => t.what === 'textDocument/didChange').map((t) => t.ms);
  const lint = c.timings.filter((t) => t.what === 'lint+publish').map((t) => t.ms);
  const server = change.map((x, i) => x + (lint[i] ?? 0));
  return { server: stats(server), change: stats(change), lint: stats(lint), wall: stats(wall) };
}

const report = (name, r, mem) => {
  console.log(`${name}:`);
  console.log(`  server time per keystroke (didChange + lint + publish): median ${fmt(r.server.median)} ms, p90 ${fmt(r.server.p90)} ms, max ${fmt(r.server.max)} ms`);
  console.log(`    didChange (edit + incremental reparse): median ${fmt(r.change.median)} ms; lint + publish: median ${fmt(r.lint.median)} ms`);
  console.log(`  client round trip: median ${fmt(r.wall.median)} ms, p90 ${fmt(r.wall.p90)} ms`);
  console.log(`  RSS ${mem.rss.toFixed(1)} MB (peak ${mem.hwm.toFixed(1)} MB)`);
};

const newClient = () => (inProcess ? SessionClient.create() : new Client());
if (inProcess) console.log(`in process: ${server} (wasm/session.mjs, node:wasi); RSS is the whole Node process's`);
const inits = [], creates = [];
for (let i = 0; i < 10; i++) {
  const t0 = process.hrtime.bigint();
  const c = await newClient();
  creates.push(Number(process.hrtime.bigint() - t0) / 1e6);
  inits.push(await initialize(c));
  await c.close();
}
if (inProcess) {
  console.log(`start (reading, compiling and instantiating the module, a session), 10 runs: median ${fmt(stats(creates).median)} ms, max ${fmt(stats(creates).max)} ms`);
  console.log(`initialize, in process: median ${fmt(stats(inits).median)} ms`);
} else {
  console.log(`initialize round trip including process start (10 runs): median ${fmt(stats(inits).median)} ms, max ${fmt(stats(inits).max)} ms`);
}

{
  const c = await newClient();
  await initialize(c);
  report(`typical Modelfile (${typical.length} bytes), ${strokes} keystrokes`,
         await keystrokes(c, 'file:///bench/typical/Modelfile', typical, strokes), c.rss());
  await c.close();
}
{
  const c = await newClient();
  await initialize(c);
  report(`1 MB Modelfile (${huge.length} bytes, LICENSE), ${strokes} keystrokes`,
         await keystrokes(c, 'file:///bench/huge/Modelfile', huge, strokes), c.rss());
  await c.close();
}
{
  const c = await newClient();
  await initialize(c);
  for (let i = 0; i < 10; i++) {
    const uri = `file:///bench/ten/${i}/Modelfile`;
    const p = c.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
    c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'modelfile', version: 1, text: typical } });
    await p;
  }
  const m = c.rss();
  console.log(`ten open typical documents: RSS ${m.rss.toFixed(1)} MB (peak ${m.hwm.toFixed(1)} MB)`);
  const uri = 'file:///bench/ten/huge/Modelfile';
  const p = c.wait((x) => x.method === 'textDocument/publishDiagnostics' && x.params.uri === uri);
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'modelfile', version: 1, text: huge } });
  await p;
  const m2 = c.rss();
  console.log(`  plus the 1 MB document: RSS ${m2.rss.toFixed(1)} MB (peak ${m2.hwm.toFixed(1)} MB)`);
  await c.close();
}
{
  // Completion of the model after FROM: the client's round trip and the size
  // of the answer, at the start of the name and after "family:".
  const c = await newClient();
  await initialize(c);
  const uri = 'file:///bench/completion/Modelfile';
  const p = c.wait((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'modelfile', version: 1, text: 'FROM qwen:\n' } });
  await p;
  for (const [what, character] of [['after "FROM "', 5], ['after "FROM qwen:"', 10]]) {
    const wall = [];
    let bytes = 0, items = 0;
    for (let i = 0; i < 50; i++) {
      const t0 = process.hrtime.bigint();
      const r = await c.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character } });
      wall.push(Number(process.hrtime.bigint() - t0) / 1e6);
      bytes = JSON.stringify(r).length;
      items = r.result.items.length;
    }
    const s = stats(wall);
    console.log(`completion ${what}, 50 requests: round trip median ${fmt(s.median)} ms, p90 ${fmt(s.p90)} ms; ${items} items, ${(bytes / 1024).toFixed(1)} KiB`);
  }
  await c.close();
}
