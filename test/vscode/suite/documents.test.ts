// Issue 13: "Referat: Tjek Word- eller PDF-fil" opens a PDF's text read-only, as a
// referat: the diagnostics say where each finding is in the PDF, the outline has the
// source text's punkter, an edit is refused, and the PDF itself is untouched.
import * as assert from 'assert';
import * as fs from 'fs';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { pdfFromText } from '../../helpers/documents';
import { closeAll, diagnosticsWhen, DOCUMENTS, EXTENSION_ID, goldenOutline, openedWhere, workspaceUri } from './helpers';

const SOURCE = DOCUMENTS[1];

/** The next document opened with the scheme and language, or one already open. */
function openedWith(scheme: string, language: string): Promise<vscode.TextDocument> {
  return openedWhere((d) => d.uri.scheme === scheme && d.languageId === language);
}

suite('Word and PDF files', () => {
  const pdf = workspaceUri('Referat BEU 18-08-2022.pdf');

  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const text = fs.readFileSync(workspaceUri(SOURCE).fsPath, 'utf8');
    fs.writeFileSync(pdf.fsPath, (await pdfFromText(text, { header: 'Beskæftigelsesudvalget 18-08-2022' })).bytes);
  });
  suiteTeardown(async () => {
    await closeAll();
    fs.rmSync(pdf.fsPath, { force: true });
  });

  test('the PDF’s text opens read-only as a referat, with findings at page and line and the source’s outline', async () => {
    const before = fs.readFileSync(pdf.fsPath);
    const opened = openedWith('referat-extract', 'referat');
    await vscode.commands.executeCommand('referat.checkDocument', pdf);
    const doc = await opened;
    assert.strictEqual(doc.uri.path, pdf.path);

    const diagnostics = await diagnosticsWhen(doc.uri, (ds) => ds.length > 0);
    for (const d of diagnostics) assert.match(d.message, /\(side \d+:linje \d+\)$/, d.message);

    const names = (list: readonly vscode.DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children)]);
    const symbols = async (uri: vscode.Uri): Promise<string[]> =>
      names((await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', uri)) ?? []);
    const outline = await symbols(doc.uri);
    assert.strictEqual(outline.filter((n) => n.startsWith('Punkt ')).length, goldenOutline(SOURCE).punkter.length);
    await vscode.workspace.openTextDocument(workspaceUri(SOURCE));
    assert.deepStrictEqual(outline, await symbols(workspaceUri(SOURCE)));

    // Typing in its editor changes nothing (VS Code's editor for a content provider's document is read-only).
    const text = doc.getText();
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('type', { text: 'x' });
    assert.strictEqual(doc.getText(), text, 'the extracted text is read-only');
    assert.strictEqual(doc.isDirty, false);
    assert.ok(fs.readFileSync(pdf.fsPath).equals(before), 'the PDF on disk is untouched');
  });
});
