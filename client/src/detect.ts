// Minutes under any name: a plaintext or Markdown document that the server says is
// minutes (the same evidence as the folder walk, parser/sniff.ts) gets a one-time offer
// to use Referat for it. "Always in this folder" sets referat.autoDetect to "always" in
// the folder's settings. Nothing changes the user's file or settings without a click:
// the language mode is only the editor's view of the file.
import { commands, ConfigurationTarget, l10n, languages, Range, window, workspace, type ExtensionContext, type TextDocument } from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';
import { CLIENT_COMMANDS, SERVER_COMMANDS, type SniffResult } from '../../server/src/protocol';
import { baseName } from './uris';

const OFFERED_KEY = 'referat.offered';
/** The head sent to the server: minutes show their first punkt well before this. */
const HEAD_CHARS = 24 * 1024;

/** `schemes`: the documents that may be minutes (the browser adds its workspace's, such as vscode-vfs). */
export function registerDetection(context: ExtensionContext, client: BaseLanguageClient, schemes: readonly string[] = ['file', 'untitled']): void {
  const offered = new Set(context.workspaceState.get<string[]>(OFFERED_KEY, []));

  const sniff = async (document: TextDocument): Promise<boolean> => {
    const head = document.getText(new Range(0, 0, Math.min(document.lineCount, 4000), 0)).slice(0, HEAD_CHARS);
    const answer = (await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.sniff, arguments: [head] })) as SniffResult | null;
    return answer?.minutes === true;
  };

  const check = async (document: TextDocument): Promise<void> => {
    if (document.languageId !== 'plaintext' && document.languageId !== 'markdown') return;
    if (!schemes.includes(document.uri.scheme)) return;
    const mode = workspace.getConfiguration('referat', document.uri).get<string>('autoDetect') ?? 'ask';
    const key = document.uri.toString();
    if (mode === 'never' || (mode === 'ask' && offered.has(key))) return;
    if (!(await sniff(document))) return;
    if (mode === 'always') {
      await languages.setTextDocumentLanguage(document, 'referat');
      return;
    }
    // One offer per file, whatever the answer.
    offered.add(key);
    await context.workspaceState.update(OFFERED_KEY, [...offered]);
    const folder = workspace.getWorkspaceFolder(document.uri);
    const use = l10n.t('Use Referat');
    const always = l10n.t('Always in this folder');
    const choices = folder !== undefined ? [use, always] : [use];
    const name = document.uri.scheme === 'untitled' ? document.uri.path : baseName(document.uri);
    const pick = await window.showInformationMessage(l10n.t('{0} looks like minutes. Use Referat for it?', name), ...choices);
    if (pick === always && folder !== undefined) {
      await workspace.getConfiguration('referat', folder.uri).update('autoDetect', 'always', ConfigurationTarget.WorkspaceFolder);
    }
    if (pick === use || pick === always) await languages.setTextDocumentLanguage(document, 'referat');
  };

  context.subscriptions.push(
    workspace.onDidOpenTextDocument((d) => void check(d)),
    commands.registerCommand(CLIENT_COMMANDS.useForFile, async () => {
      const document = window.activeTextEditor?.document;
      if (document === undefined) {
        void window.showInformationMessage(l10n.t('Open a file to use Referat for it.'));
        return;
      }
      if (document.languageId !== 'referat') await languages.setTextDocumentLanguage(document, 'referat');
    }),
  );
  for (const d of workspace.textDocuments) void check(d);
}
