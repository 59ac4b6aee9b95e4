// Issue 13: a plaintext document that is minutes gets Referat. With referat.autoDetect
// "always" (what "Altid i denne mappe" stores) the language changes at once; other text
// files stay as they are; "Referat: Brug Referat til denne fil" switches any file. The
// files themselves are never changed.
import * as assert from 'assert';
import * as fs from 'fs';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAll, DOCUMENTS, EXTENSION_ID, openedWhere, workspaceUri } from './helpers';

/** The document at `uri` once it is open with `language` (now or after a language change, which reopens it). */
function openedAs(uri: vscode.Uri, language: string): Promise<vscode.TextDocument> {
  return openedWhere((d) => d.uri.toString() === uri.toString() && d.languageId === language);
}

suite('Minutes under any name', () => {
  const minutes = workspaceUri('Referat ØU 14-05-2024.txt');
  const notes = workspaceUri('noter.txt');

  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    fs.copyFileSync(workspaceUri(DOCUMENTS[0]).fsPath, minutes.fsPath);
    fs.writeFileSync(notes.fsPath, 'Husk at booke lokalet til mødet.\n');
    await vscode.workspace.getConfiguration('referat').update('autoDetect', 'always', vscode.ConfigurationTarget.Workspace);
  });
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('referat').update('autoDetect', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAll();
  });

  test('a plaintext file that is minutes is opened as a referat (autoDetect "always"), and the file is unchanged', async () => {
    const before = fs.readFileSync(minutes.fsPath);
    const becomes = openedAs(minutes, 'referat');
    const doc = await vscode.workspace.openTextDocument(minutes);
    await vscode.window.showTextDocument(doc);
    const referat = await becomes;
    assert.strictEqual(referat.languageId, 'referat');
    assert.ok(fs.readFileSync(minutes.fsPath).equals(before), 'the file on disk is untouched');
  });

  test('"Referat: Brug Referat til denne fil" switches a text file that is no minutes; until then it stays plaintext', async () => {
    const doc = await vscode.workspace.openTextDocument(notes);
    await vscode.window.showTextDocument(doc);
    // It is no minutes: the detection leaves it as it is.
    assert.strictEqual(doc.languageId, 'plaintext');
    const becomes = openedAs(notes, 'referat');
    await vscode.commands.executeCommand('referat.useForFile');
    assert.strictEqual((await becomes).languageId, 'referat');
  });
});
