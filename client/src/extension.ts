// The VS Code extension: starts the Referat language server and registers the commands and
// the task type, which hand their work to the server and the CLI.
import * as path from 'path';
import { l10n, workspace, type ExtensionContext } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { EXTRACTED_SCHEME } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { registerDetection } from './detect';
import { registerDocuments } from './documents';
import { adoptClient, stopClient } from './lifecycle';
import { registerReport } from './report';
import { registerTasks } from './tasks';


export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'referat' },
      { scheme: 'untitled', language: 'referat' },
      // The text of a Word or PDF file, read-only (documents.ts).
      { scheme: EXTRACTED_SCHEME, language: 'referat' },
    ],
    // In an untrusted workspace the server ignores custom patterns from workspace config (and says so).
    initializationOptions: { trusted: workspace.isTrusted },
  };
  const client = new LanguageClient('referat', l10n.t('Referat language server'), serverOptions, clientOptions);
  registerTasks(context);
  await client.start();
  registerCommands(context, client);
  registerDetection(context, client);
  registerDocuments(context, client);
  registerReport(context, client);
  adoptClient(context, client);
}

export function deactivate(): Promise<void> {
  return stopClient();
}
