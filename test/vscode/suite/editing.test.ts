// Authoring in VS Code: completion offers the heading the punkt lacks first, and a quick fix
// from vscode.executeCodeActionProvider, applied with workspace.applyEdit, removes its finding.
import * as assert from 'assert';
import { suite, suiteTeardown, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAll, diagnosticsWhen, labelOf, openDocument, scratchCopy } from './helpers';

const code = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const count = (ds: readonly vscode.Diagnostic[], rule: string): number => ds.filter((d) => code(d) === rule).length;

suite('Completion and quick fixes', () => {
  teardown(closeAll);
  suiteTeardown(closeAll);

  test('completion in a punkt without a Beslutning offers Beslutning first, and "Punkt N: "; choosing it removes the finding', async () => {
    const editor = await openDocument(await scratchCopy('viborg-2024-08-12.referat.md', 'completion'));
    const uri = editor.document.uri;
    await diagnosticsWhen(uri, (d) => d.length > 0);
    // Punkt 1 without its Beslutning (lines 38–45), and a blank line to type on.
    const missing = diagnosticsWhen(uri, (d) => count(d, 'missing-section') === 1);
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(37, 0, 45, 0), '\n')));
    const [finding] = (await missing).filter((d) => code(d) === 'missing-section');
    assert.strictEqual(finding?.message, 'Punkt 1 mangler afsnittet Beslutning.');

    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(37, 0));
    const items = [...list.items].sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)));
    const first = items[0];
    assert.ok(first !== undefined);
    assert.strictEqual(labelOf(first), 'Beslutning');
    assert.strictEqual(first.detail, 'Mangler i dette punkt');
    assert.ok(items.some((i) => /^Punkt \d+: $/.test(labelOf(i))), `a "Punkt N: " item among ${items.map(labelOf).join(', ')}`);

    // Accept it the way the editor does: replace its range with its text.
    const text = typeof first.insertText === 'string' ? first.insertText : (first.insertText?.value ?? labelOf(first));
    const range = first.range === undefined ? new vscode.Range(37, 0, 37, 0) : 'replacing' in first.range ? first.range.replacing : first.range;
    assert.strictEqual(text, '## Beslutning i Beskæftigelsesudvalget den 12-08-2024');
    const fixed = diagnosticsWhen(uri, (d) => d.length > 0 && count(d, 'missing-section') === 0);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, range, text);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await fixed;
    assert.strictEqual(editor.document.lineAt(37).text, '## Beslutning i Beskæftigelsesudvalget den 12-08-2024');
    await editor.document.save();
  });

  test('the merged-headings quick fix splits "BilagBeslutning" and removes that finding', async () => {
    const editor = await openDocument(await scratchCopy('ringkobing-skjern-2022-08-18.referat.txt', 'quickfix'));
    const uri = editor.document.uri;
    const before = await diagnosticsWhen(uri, (d) => d.length > 0);
    assert.strictEqual(count(before, 'merged-headings'), 4);
    const merged = before.find((d) => code(d) === 'merged-headings' && d.range.start.line === 87);
    assert.ok(merged !== undefined, 'the finding on line 88');
    assert.strictEqual(editor.document.lineAt(87).text, 'BilagBeslutning');

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      merged.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a): a is vscode.CodeAction => 'edit' in a && a.title === 'Skriv overskrifterne på hver sin linje');
    assert.ok(fix?.edit !== undefined, `the quick fix among ${actions.map((a) => a.title).join(' | ')}`);
    assert.strictEqual(fix.isPreferred, true);
    assert.ok(actions.some((a) => a.title === 'Ret alle 4 fund af merged-headings i dokumentet'));

    const after = diagnosticsWhen(uri, (d) => d.length > 0 && count(d, 'merged-headings') === 3);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.deepStrictEqual([87, 88, 89].map((l) => editor.document.lineAt(l).text), ['Bilag', '', 'Beslutning']);
    const ds = await after;
    assert.strictEqual(count(ds, 'export-debris'), 10);
    assert.ok(!ds.some((d) => code(d) === 'merged-headings' && d.range.start.line === 87));
    // Split apart, the Bilag heading shows that it has no text of its own.
    assert.deepStrictEqual(
      ds.filter((d) => count(before, code(d)) === 0).map((d) => [code(d), d.range.start.line]),
      [['empty-section', 87]],
    );
    await editor.document.save();
  });

  test('source.fixAll.referat fixes every safe finding at once', async () => {
    const editor = await openDocument(await scratchCopy('ringkobing-skjern-2022-08-18.referat.txt', 'fixall'));
    const uri = editor.document.uri;
    await diagnosticsWhen(uri, (d) => d.length > 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(0, 0, 0, 0),
      vscode.CodeActionKind.SourceFixAll.value,
    );
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.referat');
    assert.ok(fixAll?.edit !== undefined, 'source.fixAll.referat is offered');
    const fixed = diagnosticsWhen(uri, (d) => count(d, 'export-debris') + count(d, 'merged-headings') === 0);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    const ds = await fixed;
    assert.ok(!editor.document.getText().includes('Kopier link til punktet'));
    assert.ok(!editor.document.getText().includes('BilagBeslutning'));
    // What remains are the four Bilag headings without text that the split uncovered.
    assert.deepStrictEqual([...new Set(ds.map(code))], ['empty-section']);
    await editor.document.save();
  });
});
