// Issue 14: "Referat: Opret referat fra dagsorden" opens the referat of the active
// dagsorden as a new, unsaved referat document, with the cursor on the first empty
// Beslutning; the dagsorden itself is left as it was.
import * as assert from 'assert';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAll, EXTENSION_ID } from './helpers';
import { sampleAgenda } from '../../helpers/sampleAgenda';

const AGENDA = sampleAgenda({ second: false, eventuelt: true });

/** The next editor that shows a document other than `not`. */
function nextEditor(not: vscode.TextDocument): Promise<vscode.TextEditor> {
  return new Promise((resolve) => {
    const sub = vscode.window.onDidChangeActiveTextEditor((e) => {
      if (e !== undefined && e.document !== not) {
        sub.dispose();
        resolve(e);
      }
    });
  });
}

suite('From agenda to minutes', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });
  suiteTeardown(closeAll);

  test('the referat of the active dagsorden opens unsaved, at its first empty Beslutning', async () => {
    const agenda = await vscode.workspace.openTextDocument({ language: 'referat', content: AGENDA });
    await vscode.window.showTextDocument(agenda);
    const opened = nextEditor(agenda);
    await vscode.commands.executeCommand('referat.newFromAgenda');
    const editor = await opened;
    const doc = editor.document;
    assert.strictEqual(doc.isUntitled, true);
    assert.strictEqual(doc.languageId, 'referat');
    assert.strictEqual(doc.lineAt(0).text, 'REFERAT Kultur- og Fritidsudvalget d. 03-09-2024');
    const line = editor.selection.active.line;
    assert.strictEqual(doc.lineAt(line).text, '');
    const above = [...Array(line).keys()].reverse().map((l) => doc.lineAt(l).text).find((t) => t !== '');
    assert.strictEqual(above, 'Beslutning');
    assert.strictEqual(agenda.getText(), AGENDA);
  });
});
