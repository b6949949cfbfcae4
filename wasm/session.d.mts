// SPDX-License-Identifier: MIT
// Types of session.mjs (for TypeScript users such as the VS Code extension).
export interface ServerOptions {
  /** The module: bytes, a compiled WebAssembly.Module, or a path/URL. */
  wasm: ArrayBuffer | Uint8Array | WebAssembly.Module | string | URL;
  /** 'node': node:wasi with the file system; 'none': wasi-shim.mjs, no files. */
  fileSystem?: 'node' | 'none';
  env?: Record<string, string | undefined>;
  preopens?: Record<string, string>;
  stderr?: (text: string) => void;
}

export declare class ModelfileServer {
  static create(options: ServerOptions): Promise<ModelfileServer>;
  onMessage(listener: (message: unknown) => void): { dispose(): void };
  send(message: unknown, options?: { run?: boolean }): void;
  schedule(): void;
  readonly exitCode: number;
  dispose(): void;
}

export interface Position { line: number; character: number; }
export interface Range { start: Position; end: Position; }
export interface TextEdit { range: Range; newText: string; }
export declare function applyEdits(text: string, edits: TextEdit[]): string;
export declare function hostPreopens(): Promise<Record<string, string>>;

export declare class ModelfileTools {
  static create(options: ServerOptions & { settings?: Record<string, unknown> }): Promise<ModelfileTools>;
  readonly server: ModelfileServer;
  lint(text: string, options?: { uri?: string }): Array<{ range: Range; severity: number; code: string; message: string; data?: unknown }>;
  fix(text: string, options?: { uri?: string }): string;
  format(text: string, options?: { uri?: string }): string;
  hover(text: string, line: number, character: number, options?: { uri?: string }): string | null;
  dispose(): void;
}
