// The bundled language server over stdio, compared with the pure feature functions on
// the same text. Needs `node esbuild.mjs` (or `npm test`) first.
import * as fs from 'fs';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocumentSyncKind, type DocumentSymbol, type FoldingRange, type SymbolInformation } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../package.json';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/folding';
import { containsRange } from '../../server/src/features/ranges';
import { parseReferat } from '../../server/src/parser/parse';
import { LspClient, ROOT, SERVER } from './lspClient';

const FILE = path.join(ROOT, 'test/fixtures/corpus/viborg-2024-08-12.referat.md');
const URI = `file://${FILE}`;
const TEXT = fs.readFileSync(FILE, 'utf8');

/** Round-trips through JSON, as the wire does (drops undefined properties). */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const symbolsOf = (text: string): DocumentSymbol[] => wire(documentSymbols(parseReferat(text)));
const foldsOf = (text: string): FoldingRange[] => wire(foldingRanges(parseReferat(text)));

function allSymbols(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...allSymbols(s.children ?? [])]);
}

const symbolRequest = (client: LspClient, uri = URI): Promise<DocumentSymbol[] | null> =>
  client.request('textDocument/documentSymbol', { textDocument: { uri } });
const foldingRequest = (client: LspClient, uri = URI): Promise<FoldingRange[] | null> =>
  client.request('textDocument/foldingRange', { textDocument: { uri } });

beforeAll(() => {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} findes ikke: kør 'node esbuild.mjs' (eller 'npm test') først`);
});

describe('language server over stdio', () => {
  let client: LspClient;
  beforeAll(() => {
    client = LspClient.start();
  });
  afterAll(() => client.dispose());

  it('initializes with the outline capabilities and serverInfo', async () => {
    const result = await client.initialize();
    expect(result.serverInfo).toEqual({ name: 'referat-language-server', version });
    const caps = result.capabilities;
    expect(caps.documentSymbolProvider).toBeTruthy();
    expect(caps.foldingRangeProvider).toBeTruthy();
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: TextDocumentSyncKind.Incremental });
  });

  it('answers documentSymbol and foldingRange as the pure functions do', async () => {
    await client.open(URI, TEXT);
    const symbols = await symbolRequest(client);
    expect(symbols).toEqual(symbolsOf(TEXT));
    const folds = await foldingRequest(client);
    expect(folds).toEqual(foldsOf(TEXT));

    // Structure that holds for any parser output.
    const list = symbols ?? [];
    expect(list).toHaveLength(1);
    const meeting = list[0] as DocumentSymbol;
    expect(meeting.range.start).toEqual({ line: 0, character: 0 });
    expect(meeting.range.end.line).toBe(TEXT.split('\n').length - 1);
    for (const s of allSymbols(list)) {
      expect(s.name.trim()).not.toBe('');
      expect(containsRange(s.range, s.selectionRange)).toBe(true);
    }
    const model = parseReferat(TEXT);
    expect(meeting.children ?? []).toHaveLength((model.toc === null ? 0 : 1) + model.punkter.length);
    const punkter = (meeting.children ?? []).filter((s) => s.name.startsWith('Punkt '));
    expect(punkter.map((s) => s.name.replace(/:.*/, ''))).toEqual(Array.from({ length: 10 }, (_, i) => `Punkt ${i + 1}`));
    expect(punkter[0]?.detail).toBe('24/19987');
    for (const f of folds ?? []) expect(f.endLine).toBeGreaterThan(f.startLine);
    const starts = (folds ?? []).map((f) => f.startLine);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('follows incremental changes (new version, new model)', async () => {
    const before = await symbolRequest(client);
    let doc = TextDocument.create(URI, 'referat', 1, TEXT);
    const end = doc.positionAt(TEXT.length);
    const changes = [
      // Append a punkt at the end …
      {
        range: { start: end, end },
        text: '\n# Punkt 11: Eventuelt\n\n21/99999\n\n## Beslutning i Beskæftigelsesudvalget den 12-08-2024\n\nIntet.\n\nSlut.\n',
      },
      // … and rewrite the title line.
      { range: { start: { line: 2, character: 2 }, end: { line: 2, character: 9 } }, text: 'BESLUTNINGSPROTOKOL' },
    ];
    doc = TextDocument.update(doc, changes, 2);
    await client.change(URI, 2, changes);

    const after = await symbolRequest(client);
    expect(after).toEqual(symbolsOf(doc.getText()));
    expect(after).not.toEqual(before);
    expect(after?.[0]?.range.end.line).toBe(doc.lineCount - 1);
    expect(await foldingRequest(client)).toEqual(foldsOf(doc.getText()));
  });

  it('forgets a closed document and parses it afresh when reopened with the same version', async () => {
    await client.close(URI);
    expect(await symbolRequest(client)).toEqual([]);
    expect(await foldingRequest(client)).toEqual([]);

    // Version 2 again, as the last change: a stale cache entry would answer for it.
    const small = '# Referat Testudvalget\n\n# Punkt 1: Godkendelse af dagsorden\n\n## Beslutning\n\nGodkendt.\n';
    await client.open(URI, small, 2);
    expect(await symbolRequest(client)).toEqual(symbolsOf(small));
    expect(await foldingRequest(client)).toEqual(foldsOf(small));
  });

  it('returns empty results for a document it was never given', async () => {
    expect(await symbolRequest(client, 'file:///findes/ikke.referat')).toEqual([]);
    expect(await foldingRequest(client, 'file:///findes/ikke.referat')).toEqual([]);
  });

  it('shuts down and exits with code 0', async () => {
    const status = await client.shutdown();
    expect(status).toEqual({ code: 0, signal: null });
    expect(client.stderr).toBe('');
  });
});

describe('language server for a client without hierarchical symbols', () => {
  it('returns flat SymbolInformation with containerName', async () => {
    const client = LspClient.start();
    try {
      await client.initialize({ capabilities: {} });
      await client.open(URI, TEXT);
      const flat = (await client.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri: URI } })) ?? [];
      const tree = symbolsOf(TEXT);
      expect(flat.map((s) => s.name)).toEqual(allSymbols(tree).map((s) => s.name));
      for (const s of flat) expect(s.location.uri).toBe(URI);
      expect(flat[0]).not.toHaveProperty('containerName');
      expect(flat.slice(1).every((s) => typeof s.containerName === 'string')).toBe(true);
      expect((await client.shutdown()).code).toBe(0);
    } finally {
      client.dispose();
    }
  });
});

describe('language server over node IPC (as VS Code starts it)', () => {
  it('initializes, answers documentSymbol and exits 0', async () => {
    const client = LspClient.start({ transport: 'ipc' });
    try {
      const result = await client.initialize();
      expect(result.serverInfo?.name).toBe('referat-language-server');
      await client.open(URI, TEXT);
      expect(await symbolRequest(client)).toEqual(symbolsOf(TEXT));
      expect((await client.shutdown()).code).toBe(0);
    } finally {
      client.dispose();
    }
  });
});

describe('language server executable', () => {
  it('prints its version and a Danish usage message without a transport', async () => {
    const { spawnSync } = await import('child_process');
    const v = spawnSync(process.execPath, [SERVER, '--version'], { encoding: 'utf8' });
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(version);
    const bare = spawnSync(process.execPath, [SERVER], { encoding: 'utf8' });
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('Brug: referat-language-server --stdio');
  });
});
