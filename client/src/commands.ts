// The Referat commands in VS Code. Each one asks the server to do the work
// (workspace/executeCommand); the client only finds the active document, opens an
// untitled editor and shows the server's answer.
import { commands, l10n, Position, ProgressLocation, Range, Selection, SnippetString, Uri, window, workspace, type ExtensionContext } from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';
import { CLIENT_COMMANDS, SERVER_COMMANDS, type FromAgendaAnswer, type LintWorkspaceResult, type ServerCommand } from '../../server/src/protocol';
import { baseName } from './uris';

export function registerCommands(context: ExtensionContext, client: BaseLanguageClient): void {
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
    // The referat of a dagsorden: the active one (the server has its live text), a file from
    // the explorer, or one picked. The referat opens unsaved, at its first empty Beslutning.
    commands.registerCommand(CLIENT_COMMANDS.newFromAgenda, async (given?: Uri) => {
      const active = window.activeTextEditor?.document;
      let target = given instanceof Uri ? given : active !== undefined && (active.languageId === 'referat' || active.uri.scheme === 'file') ? active.uri : undefined;
      if (target === undefined) {
        const picked = await window.showOpenDialog({
          canSelectMany: false,
          openLabel: l10n.t('Create minutes'),
          filters: { [l10n.t('Agendas')]: ['referat', 'txt', 'md', 'docx', 'pdf'] },
        });
        target = picked?.[0];
      }
      if (target === undefined) return;
      const answer = await run<FromAgendaAnswer>(SERVER_COMMANDS.newFromAgenda, [client.code2ProtocolConverter.asUri(target)]);
      if (answer === null || !answer.ok) {
        void window.showErrorMessage(answer?.message ?? l10n.t('Referat could not create minutes from {0}.', baseName(target)));
        return;
      }
      const editor = await window.showTextDocument(await workspace.openTextDocument({ language: 'referat', content: answer.text }));
      const line = answer.decisions[0];
      if (line !== undefined) {
        const at = new Position(line, 0);
        editor.selection = new Selection(at, at);
        editor.revealRange(new Range(at, at));
      }
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
