// Diagnostics reach VS Code: each corpus document gets exactly its reviewed findings
// (test/golden/*.lint.json), with rule ids as codes, severities, ranges and messages.
import * as assert from 'assert';
import { suite, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import {
  asGolden,
  byPosition,
  closeAll,
  diagnosticsWhen,
  DOCUMENTS,
  EXTENSION_ID,
  goldenFindings,
  goldenLine,
  openDocument,
  scratchCopy,
} from './helpers';

suite('Diagnostics', () => {
  suiteTeardown(closeAll);

  test('opening a referat activates the extension and starts the language server', async () => {
    const editor = await openDocument('ringkobing-skjern-2022-08-18.referat.txt');
    assert.strictEqual(editor.document.languageId, 'referat');
    const ds = await diagnosticsWhen(editor.document.uri, (d) => d.length > 0);
    assert.ok(ds.length > 0);
    assert.strictEqual(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
  });

  for (const doc of DOCUMENTS.filter((d) => !d.startsWith('vejen'))) {
    test(`${doc}: the reviewed findings with their codes, severities and ranges`, async () => {
      const editor = await openDocument(doc);
      const expected = goldenFindings(doc).map(goldenLine).sort(byPosition);
      assert.ok(expected.length > 0);
      const ds = await diagnosticsWhen(editor.document.uri, (d) => d.length > 0);
      assert.deepStrictEqual(ds.map(asGolden).sort(byPosition), expected);
      for (const d of ds) {
        assert.strictEqual(d.source, 'referat');
        // The code links to the rule's page.
        assert.ok(typeof d.code === 'object' && d.code.target.toString().includes(`${String(d.code.value)}.md`), JSON.stringify(d.code));
      }
    });
  }

  test('vejen-2023-11-28.referat.txt has no findings until a line of export debris is typed', async () => {
    const editor = await openDocument(await scratchCopy('vejen-2023-11-28.referat.txt', 'debris'));
    assert.deepStrictEqual(goldenFindings('vejen-2023-11-28.referat.txt'), []);
    // The whole document is linted on every change, so the one finding proves there are no others.
    const waiting = diagnosticsWhen(editor.document.uri, (d) => d.length > 0);
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'Til toppen\n')));
    const ds = await waiting;
    assert.deepStrictEqual(ds.map(asGolden), ['2:1-2:11 warning export-debris Rester fra webeksport: "Til toppen".']);
    // Undo: the finding goes away again.
    await vscode.commands.executeCommand('undo');
    await diagnosticsWhen(editor.document.uri, (d) => d.length === 0);
    assert.strictEqual(editor.document.lineAt(1).text, '');
    await editor.document.save();
  });
});
