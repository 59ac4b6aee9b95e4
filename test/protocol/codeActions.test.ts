// Quick fixes over LSP on a real document: applying one removes its finding and
// changes nothing else; source.fixAll.referat applies every safe fix at once.
import * as fs from 'fs';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, ROOT, SERVER } from './lspClient';

const FILE = path.join(ROOT, 'test/fixtures/corpus/ringkobing-skjern-2022-08-18.referat.txt');
const URI = `file://${FILE}`;
const TEXT = fs.readFileSync(FILE, 'utf8');

const applyAction = (text: string, action: CodeAction): string =>
  TextDocument.applyEdits(TextDocument.create(URI, 'referat', 1, text), (action.edit?.changes?.[URI] ?? []) as TextEdit[]);

beforeAll(() => {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} findes ikke: kør 'node esbuild.mjs' (eller 'npm test') først`);
});

describe('code actions over stdio', () => {
  let client: LspClient;
  let diagnostics: Diagnostic[];
  beforeAll(async () => {
    client = LspClient.start();
    await client.initialize();
    const waiting = client.waitForDiagnostics(URI, (p) => p.version === 1);
    await client.open(URI, TEXT, 1);
    diagnostics = (await waiting).diagnostics;
  });
  afterAll(() => client.dispose());

  it('offers a quick fix that removes exactly its finding and nothing else', async () => {
    const merged = diagnostics.find((d) => d.code === 'merged-headings');
    expect(merged).toBeDefined();
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: merged?.range,
      context: { diagnostics: [merged] },
    });
    const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.length === 1);
    expect(fix?.title).toBe('Skriv overskrifterne på hver sin linje');
    expect(fix?.isPreferred).toBe(true);
    const fixed = applyAction(TEXT, fix as CodeAction);
    // Only line 88 changed: "BilagBeslutning" became "Bilag", "", "Beslutning".
    const before = TEXT.split('\n');
    const after = fixed.split('\n');
    expect(after.slice(0, 87)).toEqual(before.slice(0, 87));
    expect(after.slice(87, 90)).toEqual(['Bilag', '', 'Beslutning']);
    expect(after.slice(90)).toEqual(before.slice(88));

    const next = client.waitForDiagnostics(URI, (p) => p.version === 2);
    await client.change(URI, 2, [{ text: fixed }]);
    const after2 = (await next).diagnostics;
    const remaining = after2.filter((d) => d.code === 'merged-headings');
    expect(remaining).toHaveLength(3);
    expect(after2.filter((d) => d.code === 'export-debris')).toHaveLength(10);
  });

  it('offers "fix all of this rule" and source.fixAll.referat; applying twice changes nothing', async () => {
    const version = 3;
    const reset = client.waitForDiagnostics(URI, (p) => p.version === version);
    await client.change(URI, version, [{ text: TEXT }]);
    const ds = (await reset).diagnostics;
    const debris = ds.find((d) => d.code === 'export-debris');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: debris?.range,
      context: { diagnostics: [debris] },
    });
    expect(actions.map((a) => a.title)).toContain('Ret alle 10 fund af export-debris i dokumentet');

    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(fixAll.map((a) => a.kind)).toEqual(['source.fixAll.referat']);
    const once = applyAction(TEXT, fixAll[0] as CodeAction);
    expect(once).not.toContain('Kopier link til punktet');
    expect(once).not.toContain('BilagBeslutning');

    const settled = client.waitForDiagnostics(URI, (p) => p.version === version + 1);
    await client.change(URI, version + 1, [{ text: once }]);
    await settled;
    const again = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.referat'] },
    });
    expect(again).toEqual([]);
  });
});
