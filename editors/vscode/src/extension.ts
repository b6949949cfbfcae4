// SPDX-License-Identifier: MIT
// VS Code client for modelfile-lsp. All language smarts live in the server;
// this file only finds the binary, starts it over stdio and forwards settings.
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

const SECTION = 'modelfile-lint';
const SERVER_NAME = 'modelfile-lsp';
/* Settings that belong to the client only and are never sent to the server. */
const CLIENT_ONLY = new Set(['server', 'trace']);

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, process.platform === 'win32' ? fs.constants.F_OK : fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function expand(p: string): string {
  let out = p.trim();
  if (out === '~' || out.startsWith('~/')) out = path.join(os.homedir(), out.slice(1));
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (folder) out = out.replace(/\$\{workspaceFolder\}/g, folder);
  return out;
}

/* The server binary: the configured path, else the one bundled in bin/, else
 * modelfile-lsp from PATH (resolved by the OS when the process starts). */
export function resolveServer(context: vscode.ExtensionContext): { command: string; source: string } {
  const configured = vscode.workspace.getConfiguration(SECTION).get<string>('server.path', '');
  if (configured && configured.trim() !== '') {
    return { command: expand(configured), source: 'setting modelfile-lint.server.path' };
  }
  const exe = process.platform === 'win32' ? `${SERVER_NAME}.exe` : SERVER_NAME;
  const bundled = context.asAbsolutePath(path.join('bin', exe));
  if (isExecutable(bundled)) return { command: bundled, source: 'bundled binary' };
  return { command: exe, source: 'PATH' };
}

/* The settings the user set explicitly (user, workspace or folder scope), with
 * the same keys as .modelfile-lint.json. Defaults are left out so that they
 * never override a project's config file. */
export function serverSettings(scope?: vscode.ConfigurationScope): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration(SECTION, scope);
  const result: Record<string, unknown> = {};
  const pkg = vscode.extensions.getExtension('modelfile-lint.modelfile-lint')?.packageJSON;
  const props: Record<string, unknown> = pkg?.contributes?.configuration?.properties ?? {};
  for (const full of Object.keys(props)) {
    const key = full.slice(SECTION.length + 1);
    if (!full.startsWith(SECTION + '.') || CLIENT_ONLY.has(key.split('.')[0])) continue;
    const info = cfg.inspect(key);
    const value =
      info?.workspaceFolderValue ?? info?.workspaceValue ?? info?.globalValue;
    if (value !== undefined) result[key] = value;
  }
  return result;
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  output ??= vscode.window.createOutputChannel('Modelfile Lint');
  const server = resolveServer(context);
  const args = vscode.workspace.getConfiguration(SECTION).get<string[]>('server.args', []);
  output.appendLine(`Starting ${server.command} (${server.source})`);

  const serverOptions: ServerOptions = {
    command: server.command,
    args,
    transport: TransportKind.stdio, // the client appends --stdio
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'modelfile' },
      { scheme: 'untitled', language: 'modelfile' },
    ],
    outputChannel: output,
    initializationOptions: serverSettings(),
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.modelfile-lint.json'),
    },
    middleware: {
      workspace: {
        // workspace/configuration pulls get the filtered settings for the
        // "modelfile-lint" section, per document folder.
        configuration: (params, token, next) => {
          const results: unknown[] = [];
          for (const item of params.items) {
            if (item.section === SECTION || item.section === undefined) {
              const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
              results.push(serverSettings(scope));
            } else {
              results.push(null);
            }
          }
          void next;
          void token;
          return results;
        },
      },
    },
  };

  client = new LanguageClient(SECTION, 'Modelfile Lint', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    void vscode.window.showErrorMessage(
      `Modelfile Lint: could not start ${server.command} (${server.source}): ${msg}. ` +
        'Install modelfile-lsp or set "modelfile-lint.server.path".',
    );
    client = undefined;
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand('modelfile-lint.restartServer', async () => {
      await stopClient();
      await startClient(context);
    }),
    vscode.commands.registerCommand('modelfile-lint.showOutput', () => output?.show(true)),
    vscode.commands.registerCommand('modelfile-lint.fixAll', () =>
      vscode.commands.executeCommand('editor.action.codeAction', {
        kind: 'source.fixAll.modelfile-lint',
        apply: 'first',
      }),
    ),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      if (e.affectsConfiguration(`${SECTION}.server`)) {
        await stopClient();
        await startClient(context);
      } else if (client) {
        // Same shape as Neovim's: { settings: { "modelfile-lint": {...} } }.
        await client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: { [SECTION]: serverSettings() },
        });
      }
    }),
  );
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
