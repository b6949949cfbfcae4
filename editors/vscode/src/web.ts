// SPDX-License-Identifier: MIT
// VS Code for the Web (vscode.dev, github.dev): no processes and no local
// files, so the server is the WebAssembly build in the extension host's web
// worker, with wasm/wasi-shim.mjs for WASI (models from the built-in table and
// the settings). Same client options as the desktop extension otherwise.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, MessageTransports } from 'vscode-languageclient/browser';
import { ModelfileServer } from '../../../wasm/session.mjs';
import { sessionTransports } from './sessionTransport';

const SECTION = 'modelfile-lint';
const CLIENT_ONLY = new Set(['server', 'trace', 'enable', 'run', 'importStrategy', 'configPath']);
let client: LanguageClient | undefined;

class WasmLanguageClient extends LanguageClient {
  constructor(private readonly wasm: Uint8Array, options: LanguageClientOptions) {
    // No worker: the server runs in this worker, in process.
    super(SECTION, 'Modelfile Lint', options, undefined as unknown as Worker);
  }

  protected async createMessageTransports(): Promise<MessageTransports> {
    return sessionTransports(await ModelfileServer.create({ wasm: this.wasm, fileSystem: 'none', env: {} }));
  }
}

function settings(): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const pkg = vscode.extensions.getExtension('modelfile-lint.modelfile-lint')?.packageJSON;
  const out: Record<string, unknown> = {};
  for (const full of Object.keys(pkg?.contributes?.configuration?.properties ?? {})) {
    const key = full.slice(SECTION.length + 1);
    if (CLIENT_ONLY.has(key.split('.')[0])) continue;
    const info = cfg.inspect(key);
    const v = info?.workspaceFolderValue ?? info?.workspaceValue ?? info?.globalValue;
    if (v !== undefined) out[key] = v;
  }
  return out;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  if (!cfg.get<boolean>('enable', true)) return;
  const wasm = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'wasm', 'modelfile-lsp.wasm'));
  client = new WasmLanguageClient(wasm, {
    documentSelector: [{ language: 'modelfile' }],
    initializationOptions: settings(),
    diagnosticPullOptions: { onChange: cfg.get<string>('run', 'onType') !== 'onSave', onSave: true },
    middleware: {
      workspace: {
        configuration: (params) => params.items.map((i) => (i.section === SECTION || i.section === undefined ? settings() : null)),
      },
    },
  });
  await client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
