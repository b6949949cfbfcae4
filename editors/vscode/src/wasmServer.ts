// SPDX-License-Identifier: MIT
// The WebAssembly modelfile-lsp inside the extension host: the server's C
// code compiled to WASI (wasm/modelfile-lsp.wasm), driven in process through
// wasm/session.mjs, with vscode-languageclient talking to it over a message
// reader and writer instead of a child process's pipes. It reads the files
// VS Code's own process can (node:wasi, the whole file system preopened).
// vscode-jsonrpc is what vscode-languageclient is built on (the same
// classes, re-exported); importing it directly keeps this file testable
// without VS Code (test/wasmServer.test.mjs).
import { AbstractMessageReader, AbstractMessageWriter, DataCallback, Disposable, Message } from 'vscode-jsonrpc';
import type { MessageTransports } from 'vscode-languageclient/node';
import { ModelfileServer } from '../../../wasm/session.mjs';

class SessionReader extends AbstractMessageReader {
  constructor(private readonly server: ModelfileServer) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    // The session answers during send(): hand replies over after it returns.
    const sub = this.server.onMessage((m: unknown) => queueMicrotask(() => callback(m as Message)));
    return { dispose: () => sub.dispose() };
  }

  closed(): void {
    this.fireClose();
  }
}

class SessionWriter extends AbstractMessageWriter {
  private count = 0;

  constructor(private readonly server: ModelfileServer, private readonly reader: SessionReader) {
    super();
  }

  async write(msg: Message): Promise<void> {
    this.count++;
    try {
      this.server.send(msg);
    } catch (e) {
      this.fireError(e instanceof Error ? e : new Error(String(e)), msg, this.count);
      throw e;
    }
    if (this.server.exitCode >= 0) {
      // After `exit`: the connection is over, as when a process ends.
      queueMicrotask(() => {
        this.reader.closed();
        this.fireClose();
        this.server.dispose();
      });
    }
  }

  end(): void {}
}

export async function startWasmServer(wasmPath: string, env: NodeJS.ProcessEnv): Promise<MessageTransports> {
  const server = await ModelfileServer.create({ wasm: wasmPath, fileSystem: 'node', env });
  const reader = new SessionReader(server);
  const writer = new SessionWriter(server, reader);
  return { reader, writer };
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
