// SPDX-License-Identifier: MIT
// The WebAssembly modelfile-lsp inside the extension host: the server's C
// code compiled to WASI (wasm/modelfile-lsp.wasm), driven in process through
// wasm/session.mjs, with vscode-languageclient talking to it over a message
// reader and writer instead of a child process's pipes. It reads the files
// VS Code's own process can (node:wasi, the whole file system preopened).
import type { MessageTransports } from 'vscode-languageclient/node';
import { ModelfileServer } from '../../../wasm/session.mjs';
import { sessionTransports } from './sessionTransport';

export async function startWasmServer(wasmPath: string, env: NodeJS.ProcessEnv): Promise<MessageTransports> {
  return sessionTransports(await ModelfileServer.create({ wasm: wasmPath, fileSystem: 'node', env }));
}

/** Whether the module is there and is our server. */
export async function probeWasm(wasmPath: string): Promise<string | undefined> {
  const { readFile } = await import('fs/promises');
  try {
    const m = await WebAssembly.compile(await readFile(wasmPath));
    const names = WebAssembly.Module.exports(m).map((e) => e.name);
    return names.includes('mfl_session_new') ? undefined : 'not a modelfile-lsp WebAssembly module';
  } catch (e) {
    return `cannot load ${wasmPath}: ${e instanceof Error ? e.message : String(e)}`;
  }
}
