// Authoring help and navigation over LSP, against the real server, on corpus documents:
// quick fixes that remove exactly their finding, TOC regeneration, completion, hover,
// and the case history across a temporary workspace of two meetings.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApplyWorkspaceEditParams,
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentLink,
  Hover,
  Location,
  PublishDiagnosticsParams,
  SymbolInformation,
  TextEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, ROOT, SERVER, DEFAULT_CAPABILITIES } from './lspClient';

const CORPUS = path.join(ROOT, 'test/fixtures/corpus');
const VEST = fs.readFileSync(path.join(CORPUS, 'vesthimmerland-2024-05-14.referat.txt'), 'utf8');
const VIBORG = fs.readFileSync(path.join(CORPUS, 'viborg-2024-08-12.referat.md'), 'utf8');
/** The same committee a month earlier: the standing punkt carries the same KLE number. */
const VEST_APRIL = VEST.replace('REFERAT Beskæftigelsesudvalget d. 14-05-2024', 'REFERAT Beskæftigelsesudvalget d. 09-04-2024').replace(
  'Mødedato Tirsdag d. 14. maj 2024',
  'Mødedato Tirsdag d. 9. april 2024',
);
const BILAG = 'Status på mål i beskæftigelsesindsatsen for 2024 pr. 1. kvartal 2024.pdf';

const CAPABILITIES = {
  ...DEFAULT_CAPABILITIES,
  workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
};

const edit = (uri: string, text: string, edits: readonly TextEdit[]): string =>
  TextDocument.applyEdits(TextDocument.create(uri, 'referat', 1, text), [...edits]);
const lines = (text: string): string[] => text.split('\n');
const at = (line: number, character: number) => ({ line, character });
const summary = (ds: readonly Diagnostic[]): string[] => ds.map((d) => `${String(d.code)}: ${d.message}`).sort();

beforeAll(() => {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} findes ikke: kør 'node esbuild.mjs' (eller 'npm test') først`);
});

describe('authoring over LSP in a workspace of two meetings', () => {
  let client: LspClient;
  let dir: string;
  let uri: (rel: string) => string;
  let version = 1;

  /** Sends the whole text as a new version and returns its diagnostics. */
  async function replace(docUri: string, text: string): Promise<Diagnostic[]> {
    version++;
    const v = version;
    const waiting = client.waitForDiagnostics(docUri, (p) => p.version === v);
    await client.change(docUri, v, [{ text }]);
    return (await waiting).diagnostics;
  }

  beforeAll(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'referat-ws-')));
    fs.mkdirSync(path.join(dir, 'april'));
    fs.writeFileSync(path.join(dir, 'vesthimmerland-2024-05-14.referat.txt'), VEST);
    fs.writeFileSync(path.join(dir, 'april', 'vesthimmerland-2024-04-09.referat.txt'), VEST_APRIL);
    fs.writeFileSync(path.join(dir, 'viborg-2024-08-12.referat.md'), VIBORG);
    fs.writeFileSync(path.join(dir, BILAG), '%PDF-1.4\n');
    uri = (rel) => pathToFileURL(path.join(dir, rel)).href;
    client = LspClient.start();
    client.answers.set('workspace/applyEdit', () => ({ applied: true }));
    const result = await client.initialize({
      capabilities: CAPABILITIES,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'referater' }],
    });
    expect(result.capabilities).toMatchObject({
      completionProvider: { triggerCharacters: [':', '-', '#'] },
      hoverProvider: true,
      referencesProvider: true,
      definitionProvider: true,
      workspaceSymbolProvider: true,
      documentLinkProvider: { resolveProvider: false },
      executeCommandProvider: { commands: ['referat.server.updateToc', 'referat.server.lintWorkspace', 'referat.server.skeleton', 'referat.server.sniff', 'referat.server.extract', 'referat.server.report', 'referat.server.newFromAgenda'] },
    });
  });

  afterAll(() => {
    client.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('registers a file watcher for referat files', async () => {
    const waiting = client.waitForDiagnostics(uri('vesthimmerland-2024-05-14.referat.txt'), (p) => p.version === 1);
    await client.open(uri('vesthimmerland-2024-05-14.referat.txt'), VEST, 1);
    await waiting;
    const registrations = client.serverRequests
      .filter((r) => r.method === 'client/registerCapability')
      .flatMap((r) => (r.params as { registrations: { method: string; registerOptions: { watchers: { globPattern: string }[] } }[] }).registrations)
      .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
      .flatMap((r) => r.registerOptions.watchers.map((w) => w.globPattern));
    expect(registrations).toEqual(expect.arrayContaining(['**/*.referat', '**/*.referat.txt', '**/*.referat.md']));
  });

  it('hover on 00.13.06-P22-2-23 names hovedgruppe 00 Kommunens styrelse and facet category P, and the case history', async () => {
    const h = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: uri('vesthimmerland-2024-05-14.referat.txt') },
      position: at(24, 5),
    });
    const value = (h?.contents as { value: string }).value;
    expect(value).toContain('Hovedgruppe **00**: Kommunens styrelse');
    expect(value).toContain('kategori P – Planlægning, regler og principper');
    expect(value).toContain('Løbenummer 2');
    expect(value).toContain('År 23 (2023)');
    expect(h?.range).toEqual({ start: at(24, 0), end: at(24, 17) });
  });

  it('references and definition on a sagsnummer list the punkt in both meetings, newest first', async () => {
    const params = { textDocument: { uri: uri('vesthimmerland-2024-05-14.referat.txt') }, position: at(24, 5), context: { includeDeclaration: true } };
    const refs = await client.request<Location[] | null>('textDocument/references', params);
    expect(refs?.map((l) => [l.uri, l.range.start.line])).toEqual([
      [uri('vesthimmerland-2024-05-14.referat.txt'), 22],
      [uri('april/vesthimmerland-2024-04-09.referat.txt'), 22],
    ]);
    const defs = await client.request<Location[] | null>('textDocument/definition', params);
    expect(defs).toEqual(refs);
    // Off a case number there is nothing.
    expect(await client.request('textDocument/references', { ...params, position: at(40, 3) })).toBeNull();
  });

  it('follows watched-file events: a new meeting joins the history, a deleted one leaves it', async () => {
    const extra = VEST.replace('d. 14-05-2024', 'd. 11-06-2024').replace('Tirsdag d. 14. maj 2024', 'Tirsdag d. 11. juni 2024');
    fs.writeFileSync(path.join(dir, 'juni.referat'), extra);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('juni.referat'), type: 1 }] });
    const params = { textDocument: { uri: uri('vesthimmerland-2024-05-14.referat.txt') }, position: at(24, 5), context: { includeDeclaration: true } };
    const three = await client.request<Location[]>('textDocument/references', params);
    expect(three.map((l) => l.uri)).toEqual([
      uri('juni.referat'),
      uri('vesthimmerland-2024-05-14.referat.txt'),
      uri('april/vesthimmerland-2024-04-09.referat.txt'),
    ]);
    fs.rmSync(path.join(dir, 'juni.referat'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('juni.referat'), type: 3 }] });
    expect((await client.request<Location[]>('textDocument/references', params)).map((l) => l.uri)).not.toContain(uri('juni.referat'));
  });

  it('workspace symbols find punkter by title and by sagsnummer', async () => {
    const byTitle = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'Ekspertgruppens anbefalinger' });
    expect(byTitle.map((s) => [s.name, s.location.uri])).toEqual([
      ['Punkt 1: Ekspertgruppens anbefalinger til fremtidens beskæftigelsesindsats', uri('viborg-2024-08-12.referat.md')],
    ]);
    expect(byTitle[0]?.containerName).toBe('Beskæftigelsesudvalget (2022-2025) 2024-08-12');
    const byCase = await client.request<SymbolInformation[]>('workspace/symbol', { query: '00.13.06-P22-2-23' });
    expect(byCase.map((s) => s.name)).toEqual([
      '00.13.06-P22-2-23 · Punkt 46: Godkendelse af dagsorden',
      '00.13.06-P22-2-23 · Punkt 46: Godkendelse af dagsorden',
    ]);
  });

  it('links a bilag name to the file of that name next to the document', async () => {
    await client.open(uri('viborg-2024-08-12.referat.md'), VIBORG, 1);
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: uri('viborg-2024-08-12.referat.md') } });
    expect(links.map((l) => [l.range.start.line, l.target])).toEqual([[443, uri(BILAG)]]);
  });

  it('completion inside a punkt without a Beslutning offers Beslutning first; choosing it removes the finding', async () => {
    const docUri = uri('viborg-2024-08-12.referat.md');
    const original = lines(VIBORG);
    // Punkt 1 without its Beslutning (lines 37–44), and a fresh line to type on.
    const text = [...original.slice(0, 37), '', ...original.slice(45)].join('\n');
    const before = await replace(docUri, text);
    expect(before.filter((d) => d.code === 'missing-section').map((d) => d.message)).toEqual(['Punkt 1 mangler afsnittet Beslutning.']);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: docUri }, position: at(37, 0) });
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    expect(sorted[0]).toMatchObject({ label: 'Beslutning', preselect: true, detail: 'Mangler i dette punkt' });
    const chosen = sorted[0]?.textEdit as TextEdit;
    expect(chosen.newText).toBe('## Beslutning i Beskæftigelsesudvalget den 12-08-2024');
    const after = await replace(docUri, edit(docUri, text, [chosen]));
    expect(after.filter((d) => d.code === 'missing-section')).toEqual([]);
  });

  it('the missing-section quick fix inserts the heading after Indstilling and changes nothing else', async () => {
    const docUri = uri('viborg-2024-08-12.referat.md');
    const original = lines(VIBORG);
    const text = [...original.slice(0, 37), ...original.slice(45)].join('\n');
    const before = await replace(docUri, text);
    const finding = before.find((d) => d.code === 'missing-section');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: docUri },
      range: finding?.range,
      context: { diagnostics: [finding] },
    });
    const fix = actions.find((a) => a.title === 'Indsæt afsnittet Beslutning');
    const fixed = edit(docUri, text, fix?.edit?.changes?.[docUri] ?? []);
    expect(lines(fixed)).toEqual([...lines(text).slice(0, 36), '', '## Beslutning', '', '…', ...lines(text).slice(36)]);
    const after = await replace(docUri, fixed);
    expect(summary(after)).toEqual(summary(before.filter((d) => d !== finding)));
    // Applying again: no finding, so no fix.
    const again = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: docUri },
      range: finding?.range,
      context: { diagnostics: after.filter((d) => d.code === 'missing-section') },
    });
    expect(again.filter((a) => a.kind === 'quickfix')).toEqual([]);
  });

  it('regenerating the TOC removes the toc-mismatch finding and changes nothing else', async () => {
    const docUri = uri('vesthimmerland-2024-05-14.referat.txt');
    const before = await replace(docUri, VEST);
    expect(before.filter((d) => d.code === 'toc-mismatch')).toHaveLength(1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: docUri },
      range: { start: at(8, 0), end: at(8, 0) },
      context: { diagnostics: [] },
    });
    const toc = actions.find((a) => a.title === 'Opdater indholdsfortegnelsen ud fra punkterne');
    expect(toc?.kind).toBe('refactor.rewrite');
    const fixed = edit(docUri, VEST, toc?.edit?.changes?.[docUri] ?? []);
    const changed = lines(fixed).flatMap((l, i) => (l === lines(VEST)[i] ? [] : [i]));
    expect(changed).toEqual([17]);
    const after = await replace(docUri, fixed);
    expect(summary(after)).toEqual(summary(before.filter((d) => d.code !== 'toc-mismatch')));
  });

  it('"Opdater indholdsfortegnelse" applies the edit through the client, and says so when there is nothing to do', async () => {
    const docUri = uri('vesthimmerland-2024-05-14.referat.txt');
    await replace(docUri, VEST);
    const result = await client.request<{ changed: boolean }>('workspace/executeCommand', { command: 'referat.server.updateToc', arguments: [docUri] });
    expect(result).toEqual({ changed: true });
    const applied = client.serverRequests.filter((r) => r.method === 'workspace/applyEdit').pop()?.params as ApplyWorkspaceEditParams;
    const fixed = edit(docUri, VEST, applied.edit.changes?.[docUri] ?? []);
    expect(await replace(docUri, fixed)).not.toContainEqual(expect.objectContaining({ code: 'toc-mismatch' }));
    const shown = client.waitForNotification<{ message: string }>('window/showMessage');
    expect(await client.request('workspace/executeCommand', { command: 'referat.server.updateToc', arguments: [docUri] })).toMatchObject({ changed: false });
    expect((await shown).message).toBe('Indholdsfortegnelsen passer allerede med punkterne.');
  });

  it('"Tjek alle referater" publishes findings for the files that are not open', async () => {
    const april = uri('april/vesthimmerland-2024-04-09.referat.txt');
    const published = client.waitForDiagnostics(april);
    const result = await client.request<{ files: number; error: number; message: string }>('workspace/executeCommand', {
      command: 'referat.server.lintWorkspace',
    });
    const diagnostics = (await published as PublishDiagnosticsParams).diagnostics;
    expect(diagnostics.map((d) => d.code)).toContain('toc-mismatch');
    expect(result.files).toBe(1);
    expect(result.message).toMatch(/^Tjekkede 3 referater i arbejdsområdet: \d+ fejl/);
  });

  it('"Nyt referat" gets a skeleton snippet', async () => {
    const snippet = await client.request<string>('workspace/executeCommand', { command: 'referat.server.skeleton' });
    expect(snippet).toContain('REFERAT ${1:Udvalget} d. ${2:');
    expect(snippet).toContain('Punkt 3: Eventuelt');
  });

  it('the sniff command says whether a document head is minutes (the VS Code offer asks it)', async () => {
    const corpus = fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus/vejen-2023-11-28.referat.txt'), 'utf8');
    expect(await client.request('workspace/executeCommand', { command: 'referat.server.sniff', arguments: [corpus] })).toEqual({ minutes: true });
    expect(await client.request('workspace/executeCommand', { command: 'referat.server.sniff', arguments: ['Husk kaffe.\n'] })).toEqual({ minutes: false });
    expect(await client.request('workspace/executeCommand', { command: 'referat.server.sniff', arguments: [42] })).toEqual({ minutes: false });
  });

  it('shuts down cleanly with nothing on stderr', async () => {
    expect((await client.shutdown()).code).toBe(0);
    expect(client.stderr).toBe('');
  });
});
