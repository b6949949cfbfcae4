// SPDX-License-Identifier: MIT
// VS Code client for modelfile-lsp. All language smarts live in the server;
// this file only chooses a server (serverChoice.ts), starts it over stdio or
// in process (the WebAssembly build, wasmServer.ts) and forwards settings.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { probeExecutable } from './probe';
import { Candidate, ImportStrategy, candidates, startFirstWorking, whichIn } from './serverChoice';
import { probeWasm, startWasmServer } from './wasmServer';

const SECTION = 'modelfile-lint';
/* Settings of the client itself, never sent to the server. */
const CLIENT_ONLY = new Set(['server', 'trace', 'enable', 'run', 'importStrategy', 'configPath']);

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
let configWatcher: vscode.FileSystemWatcher | undefined;

function expand(p: string): string {
  let out = p.trim();
  if (out === '~' || out.startsWith('~/') || out.startsWith('~\\')) out = path.join(os.homedir(), out.slice(1));
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder) out = out.replace(/\$\{workspaceFolder\}/g, folder);
  if (folder && out && !path.isAbsolute(out)) out = path.join(folder, out);
  return out;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/* The file named by modelfile-lint.configPath, read as settings (the same
 * keys as .modelfile-lint.json); {} when unset. */
function configFileSettings(): Record<string, unknown> {
  const p = vscode.workspace.getConfiguration(SECTION).get<string>('configPath', '');
  if (!p || !p.trim()) return {};
  const file = expand(p);
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    throw new Error('not a JSON object');
  } catch (e) {
    const msg = `Modelfile Lint: modelfile-lint.configPath ${file}: ${e instanceof Error ? e.message : String(e)}`;
    output?.appendLine(msg);
    void vscode.window.showWarningMessage(msg);
    return {};
  }
}

/* The settings the server gets, with the keys of .modelfile-lint.json: the
 * configPath file's, under the modelfile-lint.* settings the user set
 * explicitly (user, workspace or folder). Defaults are left out so that they
 * never override a project's own .modelfile-lint.json, which the server
 * layers over these. */
export function serverSettings(scope?: vscode.ConfigurationScope): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration(SECTION, scope);
  const result: Record<string, unknown> = { ...configFileSettings() };
  const pkg = vscode.extensions.getExtension('modelfile-lint.modelfile-lint')?.packageJSON;
  const props: Record<string, unknown> = pkg?.contributes?.configuration?.properties ?? {};
  for (const full of Object.keys(props)) {
    const key = full.slice(SECTION.length + 1);
    if (!full.startsWith(SECTION + '.') || CLIENT_ONLY.has(key.split('.')[0])) continue;
    const info = cfg.inspect(key);
    const value = info?.workspaceFolderValue ?? info?.workspaceValue ?? info?.globalValue;
    if (value !== undefined) result[key] = value;
  }
  return result;
}

function clientOptions(): LanguageClientOptions {
  const run = vscode.workspace.getConfiguration(SECTION).get<string>('run', 'onType');
  return {
    documentSelector: [
      { scheme: 'file', language: 'modelfile' },
      { scheme: 'untitled', language: 'modelfile' },
    ],
    outputChannel: output,
    initializationOptions: serverSettings(),
    // "onSave": diagnostics are pulled when a file is saved, not as you type.
    diagnosticPullOptions: { onChange: run !== 'onSave', onSave: true },
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.modelfile-lint.json'),
    },
    middleware: {
      workspace: {
        // workspace/configuration pulls get the filtered settings for the
        // "modelfile-lint" section, per document folder.
        configuration: (params) => {
          const results: unknown[] = [];
          for (const item of params.items) {
            if (item.section === SECTION || item.section === undefined) {
              const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
              results.push(serverSettings(scope));
            } else {
              results.push(null);
            }
          }
          return results;
        },
      },
    },
  };
}

function serverOptionsFor(c: Candidate): ServerOptions {
  if (c.kind === 'wasm') return () => startWasmServer(c.path, process.env);
  const args = vscode.workspace.getConfiguration(SECTION).get<string[]>('server.args', []);
  return { command: c.path, args, transport: TransportKind.stdio }; // the client appends --stdio
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  output ??= vscode.window.createOutputChannel('Modelfile Lint');
  const cfg = vscode.workspace.getConfiguration(SECTION);
  if (!cfg.get<boolean>('enable', true)) {
    output.appendLine('modelfile-lint.enable is false: no server started');
    return;
  }
  const configured = cfg.get<string>('server.path', '');
  const cands = candidates({
    platform: vscode.env.uiKind === vscode.UIKind.Web && typeof process === 'undefined' ? 'web' : process.platform,
    settingPath: configured && configured.trim() ? expand(configured) : '',
    strategy: cfg.get<ImportStrategy>('importStrategy', 'fromEnvironment'),
    bundledDir: context.asAbsolutePath('bin'),
    wasmPath: context.asAbsolutePath(path.join('wasm', 'modelfile-lsp.wasm')),
    exists: isFile,
    which: (name) => whichIn(process.env.PATH ?? '', process.platform, name, process.env.PATHEXT ?? '.EXE',
                             isFile, path.join),
    join: path.join,
  });
  const result = await startFirstWorking(
    cands,
    (c) => (c.kind === 'wasm' ? probeWasm(c.path) : probeExecutable(c.path)),
    async (c) => {
      const lc = new LanguageClient(SECTION, 'Modelfile Lint', serverOptionsFor(c), clientOptions());
      try {
        await lc.start();
      } catch (e) {
        await lc.dispose().catch(() => undefined);
        throw e;
      }
      client = lc;
    },
    (line) => output?.appendLine(line),
  );
  if (result.fallthrough.length && result.chosen) {
    void vscode.window.showWarningMessage(
      `Modelfile Lint: ${result.fallthrough[0]}. Now using ${result.chosen.label}.`);
  } else if (!result.chosen) {
    void vscode.window.showErrorMessage(
      'Modelfile Lint: no language server could start' +
        (result.fallthrough.length ? ` (${result.fallthrough.join('; ')})` : '') +
        '. Install modelfile-lsp or set "modelfile-lint.server.path".');
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop().catch(() => undefined);
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stopClient();
  await startClient(context);
}

function watchConfigPath(context: vscode.ExtensionContext): void {
  configWatcher?.dispose();
  configWatcher = undefined;
  const p = vscode.workspace.getConfiguration(SECTION).get<string>('configPath', '');
  if (!p || !p.trim()) return;
  const file = expand(p);
  configWatcher = vscode.workspace.createFileSystemWatcher(
    new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
  const resend = () => {
    if (client) {
      void client.sendNotification(DidChangeConfigurationNotification.type, {
        settings: { [SECTION]: serverSettings() },
      });
    }
  };
  configWatcher.onDidChange(resend);
  configWatcher.onDidCreate(resend);
  configWatcher.onDidDelete(resend);
  context.subscriptions.push(configWatcher);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('modelfile-lint.restartServer', () => restart(context)),
    vscode.commands.registerCommand('modelfile-lint.showOutput', () => output?.show(true)),
    vscode.commands.registerCommand('modelfile-lint.fixAll', () =>
      vscode.commands.executeCommand('editor.action.codeAction', {
        kind: 'source.fixAll.modelfile-lint',
        apply: 'first',
      }),
    ),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      const clientSide = ['server', 'enable', 'run', 'importStrategy'].some((k) =>
        e.affectsConfiguration(`${SECTION}.${k}`));
      if (e.affectsConfiguration(`${SECTION}.configPath`)) watchConfigPath(context);
      if (clientSide) {
        await restart(context);
      } else if (client) {
        // Same shape as Neovim's: { settings: { "modelfile-lint": {...} } }.
        await client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: { [SECTION]: serverSettings() },
        });
      }
    }),
  );
  watchConfigPath(context);
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
