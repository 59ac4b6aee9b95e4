// "Referat: Klar til offentliggørelse?": the server renders the open referat's publication
// report (the same HTML as `referat report --format html`) and the client shows it in a
// webview panel beside the document. The webview runs no script (enableScripts: false) and
// the HTML's own Content-Security-Policy allows nothing but its one style sheet; its links
// are command: URIs of one command, the only one the webview may run, which opens the
// document at the line. The panel follows the document's edits.
import { commands, l10n, Position, Range, Selection, TextEditorRevealType, Uri, ViewColumn, window, workspace, type ExtensionContext, type TextDocument, type WebviewPanel } from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';
import { CLIENT_COMMANDS, EXTRACTED_SCHEME, REVEAL_LINE_COMMAND, SERVER_COMMANDS, type ReportAnswer } from '../../server/src/protocol';
import { baseName } from './uris';

/** The webview panels' type, for VS Code's panel restoration (none is registered: a closed window closes them). */
const VIEW_TYPE = 'referat.publicationReport';
/** Edits come in bursts: the report follows once they pause. */
const REFRESH_MS = 400;
/** The schemes of documents the report may open at a line (the browser adds its workspace's). */
const REVEALABLE = ['file', 'untitled', EXTRACTED_SCHEME];

const isIndex = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

export function registerReport(context: ExtensionContext, client: BaseLanguageClient, schemes: readonly string[] = []): void {
  const revealable = new Set([...REVEALABLE, ...schemes]);
  /** One panel per document, by its URI. */
  const panels = new Map<string, WebviewPanel>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const render = async (document: TextDocument): Promise<ReportAnswer> => {
    const answer = (await client.sendRequest(ExecuteCommandRequest.type, {
      command: SERVER_COMMANDS.report,
      arguments: [client.code2ProtocolConverter.asUri(document.uri)],
    })) as ReportAnswer | null;
    return answer ?? { ok: false, message: l10n.t('Referat could not make the report for {0}.', baseName(document.uri)) };
  };

  const show = async (document: TextDocument, reveal: boolean): Promise<void> => {
    const key = document.uri.toString();
    const answer = await render(document);
    if (!answer.ok) {
      if (reveal) void window.showErrorMessage(answer.message);
      return;
    }
    let panel = panels.get(key);
    if (panel === undefined) {
      if (!reveal) return;
      panel = window.createWebviewPanel(VIEW_TYPE, answer.title, { viewColumn: ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        enableForms: false,
        enableCommandUris: [REVEAL_LINE_COMMAND],
        // Nothing from disk either: the report is one self-contained page.
        localResourceRoots: [],
      });
      const created = panel;
      panels.set(key, created);
      created.onDidDispose(() => {
        if (panels.get(key) === created) panels.delete(key);
      });
    } else if (reveal) panel.reveal(undefined, true);
    panel.title = answer.title;
    panel.webview.html = answer.html;
  };

  context.subscriptions.push(
    commands.registerCommand(CLIENT_COMMANDS.publicationReport, async (given?: Uri) => {
      const document = given instanceof Uri ? await workspace.openTextDocument(given) : window.activeTextEditor?.document;
      if (document === undefined || document.languageId !== 'referat') {
        void window.showInformationMessage(l10n.t('Open a referat to see whether it is ready for publication.'));
        return;
      }
      await show(document, true);
    }),
    // The report's links: [uri, line, character], from a command: URI in the webview.
    commands.registerCommand(REVEAL_LINE_COMMAND, async (uri: unknown, line: unknown, character: unknown) => {
      if (typeof uri !== 'string' || !isIndex(line) || !isIndex(character)) return;
      const target = client.protocol2CodeConverter.asUri(uri);
      if (!revealable.has(target.scheme)) return;
      const document = await workspace.openTextDocument(target);
      const at = new Position(line, character);
      // In the editor that already shows the document, else the first column (the report is beside it).
      const column = window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString())?.viewColumn ?? ViewColumn.One;
      const editor = await window.showTextDocument(document, { viewColumn: column, preserveFocus: false, preview: false });
      editor.selection = new Selection(at, at);
      editor.revealRange(new Range(at, at), TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    workspace.onDidChangeTextDocument((event) => {
      const key = event.document.uri.toString();
      if (!panels.has(key) || event.contentChanges.length === 0) return;
      clearTimeout(timers.get(key));
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          void show(event.document, false);
        }, REFRESH_MS),
      );
    }),
    workspace.onDidCloseTextDocument((document) => {
      const key = document.uri.toString();
      clearTimeout(timers.get(key));
      timers.delete(key);
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
}
