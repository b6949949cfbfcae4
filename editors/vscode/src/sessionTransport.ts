// SPDX-License-Identifier: MIT
// A message reader and writer over the in-process WebAssembly server
// (wasm/session.mjs), for vscode-languageclient: what a child process's
// pipes are for a native server. Shared by the desktop extension
// (wasmServer.ts) and the web one (web.ts).
// vscode-jsonrpc is what vscode-languageclient is built on (the same
// classes, re-exported); its environment-neutral part works in both builds.
import { AbstractMessageReader, AbstractMessageWriter, DataCallback, Disposable, Message } from 'vscode-jsonrpc/lib/common/api.js';
import type { ModelfileServer } from '../../../wasm/session.mjs';

export class SessionReader extends AbstractMessageReader {
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

export class SessionWriter extends AbstractMessageWriter {
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

export function sessionTransports(server: ModelfileServer): { reader: SessionReader; writer: SessionWriter } {
  const reader = new SessionReader(server);
  return { reader, writer: new SessionWriter(server, reader) };
}
