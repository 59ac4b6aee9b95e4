// The Referat commands in VS Code. Each one asks the server to do the work
// (workspace/executeCommand); the client only finds the active document, opens an
// untitled editor and shows the server's answer.
import { commands, l10n, ProgressLocation, SnippetString, window, workspace, type ExtensionContext } from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { CLIENT_COMMANDS, SERVER_COMMANDS, type LintWorkspaceResult, type ServerCommand } from '../../server/src/protocol';

export function registerCommands(context: ExtensionContext, client: LanguageClient): void {
  const run = async <R>(command: ServerCommand, args: unknown[] = []): Promise<R | null> =>
    (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args })) as R | null;

  context.subscriptions.push(
    commands.registerCommand(CLIENT_COMMANDS.updateToc, async () => {
      const document = window.activeTextEditor?.document;
      if (document === undefined || document.languageId !== 'referat') {
        void window.showInformationMessage(l10n.t('Open a referat to update its table of contents.'));
        return;
      }
      await run(SERVER_COMMANDS.updateToc, [client.code2ProtocolConverter.asUri(document.uri)]);
    }),
    commands.registerCommand(CLIENT_COMMANDS.newReferat, async () => {
      const snippet = await run<string>(SERVER_COMMANDS.skeleton);
      const editor = await window.showTextDocument(await workspace.openTextDocument({ language: 'referat' }));
      if (typeof snippet === 'string') await editor.insertSnippet(new SnippetString(snippet));
    }),
    commands.registerCommand(CLIENT_COMMANDS.lintWorkspace, async () => {
      const result = await window.withProgress(
        { location: ProgressLocation.Notification, title: l10n.t('Checking the referat files in the workspace …') },
        () => run<LintWorkspaceResult>(SERVER_COMMANDS.lintWorkspace),
      );
      if (result === null) return;
      const show = l10n.t('Show problems');
      if ((await window.showInformationMessage(result.message, show)) === show) await commands.executeCommand('workbench.actions.view.problems');
    }),
  );
}
