// SPDX-License-Identifier: MIT
// Which modelfile-lsp the extension runs. No `vscode` import: the order and
// the fall-through are tested under plain Node (test/serverChoice.test.mjs)
// for every platform name.
//
// Order, first that works:
//   1. the user's `modelfile-lint.server.path`;
//   2. an installed `modelfile-lsp` on PATH (importStrategy
//      "fromEnvironment", the default, as ruff's importStrategy);
//   3. the native binary bundled in a platform package (bin/);
//   4. the WebAssembly server (wasm/modelfile-lsp.wasm) in the extension host,
//      which runs wherever VS Code does.
// A candidate that does not answer `--version` as modelfile-lsp, or whose
// start fails, gives way to the next one, and the reason is reported.

export type ImportStrategy = 'fromEnvironment' | 'useBundled' | 'useWebAssembly';

export interface Candidate {
  kind: 'setting' | 'installed' | 'bundled' | 'wasm';
  /** The executable, or the .wasm module for kind "wasm". */
  path: string;
  /** For messages: "modelfile-lint.server.path (/usr/bin/modelfile-lsp)". */
  label: string;
}

export interface ChoiceEnv {
  /** process.platform, or "web" for VS Code for the Web (no processes). */
  platform: string;
  /** The user's modelfile-lint.server.path, expanded; empty when unset. */
  settingPath: string;
  strategy: ImportStrategy;
  /** The extension's bin/ folder (platform packages put modelfile-lsp there). */
  bundledDir: string;
  /** The extension's wasm/modelfile-lsp.wasm. */
  wasmPath: string;
  exists(path: string): boolean;
  /** PATH search (with PATHEXT on Windows); undefined when not found. */
  which(name: string): string | undefined;
  join(...parts: string[]): string;
}

export function executableName(platform: string): string {
  return platform === 'win32' ? 'modelfile-lsp.exe' : 'modelfile-lsp';
}

export function candidates(env: ChoiceEnv): Candidate[] {
  const out: Candidate[] = [];
  const processes = env.platform !== 'web';
  if (processes && env.settingPath) {
    out.push({ kind: 'setting', path: env.settingPath, label: `modelfile-lint.server.path (${env.settingPath})` });
  }
  if (processes && env.strategy === 'fromEnvironment') {
    const found = env.which('modelfile-lsp');
    if (found) out.push({ kind: 'installed', path: found, label: `the installed modelfile-lsp (${found})` });
  }
  if (processes && env.strategy !== 'useWebAssembly') {
    const bundled = env.join(env.bundledDir, executableName(env.platform));
    if (env.exists(bundled)) out.push({ kind: 'bundled', path: bundled, label: `the bundled modelfile-lsp (${bundled})` });
  }
  if (env.exists(env.wasmPath)) {
    out.push({ kind: 'wasm', path: env.wasmPath, label: 'the WebAssembly modelfile-lsp (in the extension host)' });
  }
  return out;
}

/** Returns undefined when the candidate can be used, else why not. */
export type Probe = (c: Candidate) => Promise<string | undefined>;
/** Starts the language client on a candidate; rejects when it cannot. */
export type Start = (c: Candidate) => Promise<void>;

export interface ChoiceResult {
  chosen?: Candidate;
  /** One line per candidate that gave way, in order. */
  fallthrough: string[];
}

export async function startFirstWorking(cands: Candidate[], probe: Probe, start: Start,
                                        log: (line: string) => void): Promise<ChoiceResult> {
  const fallthrough: string[] = [];
  for (const c of cands) {
    let why = await probe(c).catch((e: unknown) => String(e instanceof Error ? e.message : e));
    if (!why) {
      try {
        await start(c);
        log(`Using ${c.label}`);
        return { chosen: c, fallthrough };
      } catch (e) {
        why = `it did not start: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    const line = `${c.label}: ${why}; trying the next server`;
    fallthrough.push(line);
    log(line);
  }
  return { fallthrough };
}

/** PATH lookup as the OS does it (PATHEXT on Windows). */
export function whichIn(pathVar: string, platform: string, name: string, pathExt: string,
                        isFile: (p: string) => boolean, join: (...p: string[]) => string): string | undefined {
  const sep = platform === 'win32' ? ';' : ':';
  const exts = platform === 'win32' ? ['', ...pathExt.split(';').filter(Boolean).map((e) => e.toLowerCase())] : [''];
  for (const dir of pathVar.split(sep)) {
    if (!dir) continue;
    for (const ext of exts) {
      const p = join(dir, name + ext);
      if (isFile(p)) return p;
    }
  }
  return undefined;
}
