// "Referat: Tjek Word- eller PDF-fil" over LSP, against the built server (dist/server.js,
// which loads its readers from dist/lazy/documents.js and the libraries from beside it):
// referat.server.extract reads a .docx or .pdf made from a corpus document; its text,
// opened under the extracted scheme, gets the findings of the source text, each saying
// where it is in the file; anything else gets a clear answer, never an error.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver';
import { parseReferat } from '../../server/src/parser/parse';
import type { ExtractAnswer } from '../../server/src/protocol';
import { docxFromText, pdfFromText } from '../helpers/documents';
import { LspClient, ROOT, SERVER } from './lspClient';

const SOURCE = path.join(ROOT, 'test/fixtures/corpus/ringkobing-skjern-2022-08-18.referat.txt');
const TEXT = fs.readFileSync(SOURCE, 'utf8');

describe('Word and PDF files in the language server', () => {
  let client: LspClient;
  let dir: string;
  const fileUri = (name: string): string => pathToFileURL(path.join(dir, name)).href;
  const extract = (uri: unknown): Promise<ExtractAnswer> => client.request<ExtractAnswer>('workspace/executeCommand', { command: 'referat.server.extract', arguments: [uri] });

  beforeAll(async () => {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} findes ikke: kør 'node esbuild.mjs' (eller 'npm test') først`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-extract-'));
    fs.writeFileSync(path.join(dir, 'Referat.docx'), (await docxFromText(TEXT, parseReferat(TEXT))).bytes);
    fs.writeFileSync(path.join(dir, 'Referat.pdf'), (await pdfFromText(TEXT, { header: 'Beskæftigelsesudvalget 18-08-2022' })).bytes);
    fs.writeFileSync(path.join(dir, 'noter.txt'), 'Husk kaffe.\n');
    fs.writeFileSync(path.join(dir, 'ødelagt.pdf'), '%PDF-1.7\nikke mere\n');
    client = LspClient.start({ serverPath: SERVER });
    await client.initialize();
  });
  afterAll(() => {
    client?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['docx', /\(afsnit \d+(:linje \d+)?\)$/],
    ['pdf', /\(side \d+:linje \d+\)$/],
  ] as const)('a .%s: its text, the source text’s punkter, and findings that say where they are in the file', async (format, place) => {
    const answer = await extract(fileUri(`Referat.${format}`));
    if (!answer.ok) throw new Error(answer.message);
    expect(answer.format).toBe(format);
    expect(answer.uri).toBe(fileUri(`Referat.${format}`).replace(/^file:\/\//, 'referat-extract:'));
    const waiting = client.waitForDiagnostics(answer.uri);
    await client.open(answer.uri, answer.text);
    const diagnostics: Diagnostic[] = (await waiting).diagnostics;
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) expect(d.message).toMatch(place);
    // The same findings as the text itself, rule by rule.
    const plain = client.waitForDiagnostics(pathToFileURL(SOURCE).href, (p) => p.version !== undefined);
    await client.open(pathToFileURL(SOURCE).href, TEXT);
    const rules = (ds: readonly Diagnostic[]): string[] => ds.map((d) => String(d.code)).sort();
    expect(rules(diagnostics)).toEqual(rules((await plain).diagnostics));
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: answer.uri } });
    const names = (list: readonly DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children ?? [])]);
    const source = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: pathToFileURL(SOURCE).href } });
    expect(names(symbols).filter((n) => n.startsWith('Punkt '))).toHaveLength(parseReferat(TEXT).punkter.length);
    expect(names(symbols)).toEqual(names(source));
    await client.close(pathToFileURL(SOURCE).href);
  }, 60_000);

  it('a text file, a broken PDF, a missing file and a bad argument: a message in Danish, no error', async () => {
    expect(await extract(fileUri('noter.txt'))).toEqual({ ok: false, message: 'Referat kan ikke læse noter.txt: filen er hverken en Word-fil (.docx) eller en PDF-fil.' });
    expect(await extract(fileUri('ødelagt.pdf'))).toMatchObject({ ok: false, message: expect.stringMatching(/^Referat kan ikke læse ødelagt\.pdf: PDF-filen kan ikke læses/) });
    expect(await extract(fileUri('væk.pdf'))).toEqual({ ok: false, message: 'Referat kan ikke læse væk.pdf: findes ikke.' });
    expect(await extract(42)).toMatchObject({ ok: false });
    expect(await extract('untitled:Untitled-1')).toMatchObject({ ok: false });
  });
});
