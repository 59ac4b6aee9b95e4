// The extension in the browser (vscode.dev, github.dev): the language server runs in a
// web worker (dist/web/server.js) and reads the workspace through this client
// (workspaceFiles.ts). The commands are the desktop's, but for what needs Node: the
// `referat` task type (it runs the CLI) is not there, and "Tjek Word- eller PDF-fil"
// (mammoth and pdf.js in the server's Node) says that it needs VS Code on the desktop.
import { commands, l10n, Uri, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { CLIENT_COMMANDS } from '../../server/src/protocol';
import { registerCommands } from './commands';
import { registerDetection } from './detect';
import { adoptClient, stopClient } from './lifecycle';
import { registerReport } from './report';
import { answerFileRequests } from './workspaceFiles';

/** The web extension host's Worker (no DOM types in this project): what LanguageClient takes. */
declare const Worker: new (scriptUrl: string) => ConstructorParameters<typeof LanguageClient>[3];

/**
 * The server's worker. VS Code's web worker host cannot start a worker from a
 * vscode-remote: URI (an extension installed on a remote, such as code-server's, run in
 * the browser): there the script is read through workspace.fs and handed over as a blob.
 */
async function serverWorker(context: ExtensionContext): Promise<ConstructorParameters<typeof LanguageClient>[3]> {
  const script = Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  if (script.scheme !== 'vscode-remote') return new Worker(script.toString(true));
  const bytes = await workspace.fs.readFile(script);
  return new Worker(URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' })));
}


export async function activate(context: ExtensionContext): Promise<void> {
  // The workspace's own schemes (vscode-vfs in github.dev, …) besides the desktop's.
  const schemes = [...new Set(['file', 'untitled', ...(workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)])];
  const clientOptions: LanguageClientOptions = {
    documentSelector: schemes.map((scheme) => ({ scheme, language: 'referat' })),
    // In an untrusted workspace the server ignores custom patterns from workspace config (and says so).
    // The rule pages ship inside the extension; the worker cannot know where that is.
    initializationOptions: { trusted: workspace.isTrusted, docsUri: Uri.joinPath(context.extensionUri, 'docs', 'rules').toString() },
  };
  const client = new LanguageClient('referat', l10n.t('Referat language server'), clientOptions, await serverWorker(context));
  context.subscriptions.push(...answerFileRequests(client));
  await client.start();
  registerCommands(context, client);
  registerDetection(context, client, schemes);
  registerReport(context, client, schemes);
  adoptClient(context, client);
  context.subscriptions.push(
    commands.registerCommand(CLIENT_COMMANDS.checkDocument, () => {
      void window.showInformationMessage(l10n.t('Checking a Word or PDF file needs VS Code on the desktop: Referat reads them with Node, which the browser does not have.'));
    }),
  );
}

export function deactivate(): Promise<void> {
  return stopClient();
}
