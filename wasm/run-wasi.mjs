#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Runs a WASI module under Node (node:wasi): modelfile-lsp.wasm, a reactor,
// as the language server on this process's stdin and stdout (its blocking
// stdio transport), with its command line (--version, --help, --stdio); any
// other module with a _start as a WASI command. The file system is visible
// from / (on Windows, each drive as /c:, /d:, ...); the environment is the
// process's (OLLAMA_MODELS, MODELFILE_LSP_DEBOUNCE_MS, ...).
// Usage: node run-wasi.mjs MODULE.wasm [ARGS...]
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { hostPreopens } from './session.mjs';

// This process runs only the server: silence "WASI is an experimental feature".
process.removeAllListeners('warning');
const { WASI } = await import('node:wasi');
const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error('usage: run-wasi.mjs MODULE.wasm [ARGS...]');
  process.exit(2);
}

const wasi = new WASI({
  version: 'preview1',
  args: [basename(file, '.wasm'), ...args],
  env: process.env,
  preopens: await hostPreopens(),
  returnOnExit: true,
});
const module = await WebAssembly.compile(readFileSync(file));
const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
if (instance.exports._start) {
  process.exitCode = wasi.start(instance);
} else if (instance.exports.mfl_lsp_stdio_main) {
  wasi.initialize(instance);
  process.exitCode = instance.exports.mfl_lsp_stdio_main();
} else {
  console.error(`run-wasi.mjs: ${file} has neither _start nor mfl_lsp_stdio_main`);
  process.exitCode = 2;
}
