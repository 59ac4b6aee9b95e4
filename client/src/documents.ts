// "Referat: Tjek Word- eller PDF-fil": the server reads the file (mammoth or pdf.js, loaded
// on first use) and the client shows its text as a read-only document of its own scheme,
// with the language set to referat, so that the findings and the outline come as for any
// referat. Each finding also says where it is in the file ("side 3:linje 12"). The file
// itself is only read.
import { commands, EventEmitter, l10n, languages, ProgressLocation, Uri, window, workspace, type ExtensionContext, type TextDocument } from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';
import { CLIENT_COMMANDS, EXTRACTED_SCHEME, SERVER_COMMANDS, sourceOfExtracted, type ExtractAnswer } from '../../server/src/protocol';
import { baseName } from './uris';

export function registerDocuments(context: ExtensionContext, client: BaseLanguageClient): void {
  /** The text of each open extracted document, by its URI. */
  const texts = new Map<string, string>();
  const changed = new EventEmitter<Uri>();

  const extract = async (file: Uri): Promise<ExtractAnswer> => {
    const answer = (await client.sendRequest(ExecuteCommandRequest.type, {
      command: SERVER_COMMANDS.extract,
      arguments: [client.code2ProtocolConverter.asUri(file)],
    })) as ExtractAnswer | null;
    return answer ?? { ok: false, message: l10n.t('Referat could not read {0}.', baseName(file)) };
  };

  // The language comes from the name (.pdf, .docx: plaintext); these documents are referater.
  const asReferat = (document: TextDocument): void => {
    if (document.uri.scheme === EXTRACTED_SCHEME && document.languageId !== 'referat') void languages.setTextDocumentLanguage(document, 'referat');
  };

  context.subscriptions.push(
    changed,
    workspace.registerTextDocumentContentProvider(EXTRACTED_SCHEME, {
      onDidChange: changed.event,
      // A document restored with the window asks the server again.
      async provideTextDocumentContent(uri) {
        const known = texts.get(uri.toString());
        if (known !== undefined) return known;
        const source = sourceOfExtracted(uri.toString());
        if (source === null) return '';
        const answer = await extract(Uri.parse(source));
        if (!answer.ok) {
          void window.showErrorMessage(answer.message);
          return '';
        }
        texts.set(uri.toString(), answer.text);
        return answer.text;
      },
    }),
    workspace.onDidOpenTextDocument(asReferat),
    workspace.onDidCloseTextDocument((d) => {
      // A language change closes and reopens the document: its text is kept until it is really gone.
      if (d.uri.scheme === EXTRACTED_SCHEME && !workspace.textDocuments.some((o) => o.uri.toString() === d.uri.toString())) texts.delete(d.uri.toString());
    }),
    commands.registerCommand(CLIENT_COMMANDS.checkDocument, async (given?: Uri) => {
      const file =
        given instanceof Uri
          ? given
          : (
              await window.showOpenDialog({
                canSelectMany: false,
                openLabel: l10n.t('Check'),
                filters: { [l10n.t('Word and PDF files')]: ['docx', 'pdf'] },
              })
            )?.[0];
      if (file === undefined) return;
      if (file.scheme !== 'file') {
        void window.showErrorMessage(l10n.t('Referat reads Word and PDF files on this computer only.'));
        return;
      }
      const answer = await window.withProgress({ location: ProgressLocation.Notification, title: l10n.t('Reading {0} …', baseName(file)) }, () => extract(file));
      if (!answer.ok) {
        void window.showErrorMessage(answer.message);
        return;
      }
      const uri = file.with({ scheme: EXTRACTED_SCHEME });
      const refresh = texts.has(uri.toString());
      texts.set(uri.toString(), answer.text);
      if (refresh) changed.fire(uri);
      const document = await workspace.openTextDocument(uri);
      await window.showTextDocument(document, { preview: false });
      asReferat(document);
    }),
  );
  for (const d of workspace.textDocuments) asReferat(d);
}
