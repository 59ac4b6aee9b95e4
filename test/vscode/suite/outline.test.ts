// The outline and folding reach VS Code: vscode.executeDocumentSymbolProvider gives the
// meeting with its punkter (test/golden/*.outline.txt), and every punkt folds.
import * as assert from 'assert';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAll, DOCUMENTS, EXTENSION_ID, goldenOutline, openDocument, type GoldenPunkt } from './helpers';

const punktName = (p: GoldenPunkt): string => (p.number === null ? p.title : `Punkt ${p.number}: ${p.title}`);

suite('Outline and folding', () => {
  suiteSetup(async () => {
    // Wait until the extension (and so its language client) has started; providers are registered then.
    await openDocument(DOCUMENTS[0]);
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });
  suiteTeardown(closeAll);

  for (const doc of DOCUMENTS) {
    test(`${doc}: the outline is the meeting with its punkter`, async () => {
      const editor = await openDocument(doc);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      assert.strictEqual(symbols.length, 1, 'one root symbol: the meeting');
      const root = symbols[0] as vscode.DocumentSymbol;
      assert.strictEqual(root.kind, vscode.SymbolKind.Namespace);
      const golden = goldenOutline(doc);
      const punkter = root.children.filter((s) => s.kind === vscode.SymbolKind.Class);
      assert.deepStrictEqual(
        punkter.map((s) => [s.name, s.range.start.line]),
        golden.punkter.map((p) => [punktName(p), p.line]),
      );
      assert.strictEqual(root.children.some((s) => s.kind === vscode.SymbolKind.Array), golden.tocEntries > 0, 'the TOC is a symbol when there is one');
      // Each punkt's sections are its children.
      assert.deepStrictEqual(
        punkter.map((p) => p.children.filter((c) => c.kind === vscode.SymbolKind.Field).length),
        golden.punkter.map((p) => p.sections),
      );
    });

    test(`${doc}: every punkt folds`, async () => {
      const editor = await openDocument(doc);
      const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri);
      const folds = new Set(ranges.map((r) => `${r.start}-${r.end}`));
      const golden = goldenOutline(doc);
      const missing = golden.punkter.filter((p) => !folds.has(`${p.line}-${p.lastLine}`)).map(punktName);
      assert.deepStrictEqual(missing, []);
      assert.ok(ranges.length > golden.punkter.length, 'sections fold too');
    });
  }
});
