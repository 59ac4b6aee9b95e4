// The language server's adapter (server.ts) in this process, over a pair of streams:
// every handler once, so that a broken wire shows here and in the coverage (the
// protocol tests run the real bundle in a child process, which coverage cannot see).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PassThrough } from 'stream';
import { pathToFileURL } from 'url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures, type Connection, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { SERVER_COMMANDS, WORKSPACE_TRUSTED_NOTIFICATION, type LintWorkspaceResult } from '../../server/src/protocol';
import { serve } from '../../server/src/server';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.join(ROOT, 'test/fixtures/corpus/vesthimmerland-2024-05-14.referat.txt');

describe('the server adapter in process', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-inprocess-'));
  let server: Connection;
  let client: MessageConnection;
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  const logged: string[] = [];
  let applied: unknown[] = [];

  const diagnosticsFor = (test: (p: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams> =>
    new Promise((resolve) => {
      const seen = published.find(test);
      if (seen !== undefined) resolve(seen);
      else waiters.push({ test, resolve });
    });

  beforeAll(async () => {
    const up = new PassThrough();
    const down = new PassThrough();
    server = createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(down));
    serve(server);
    server.listen();
    client = createMessageConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
    client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      published.push(p);
      for (const w of [...waiters]) {
        if (!w.test(p)) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    });
    client.onNotification('window/logMessage', (p: { message: string }) => logged.push(p.message));
    client.onNotification('window/showMessage', () => undefined);
    client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ locale: 'da' })));
    client.onRequest('workspace/applyEdit', (p: unknown) => {
      applied.push(p);
      return { applied: true };
    });
    client.onRequest('client/registerCapability', () => null);
    client.listen();
    fs.writeFileSync(path.join(folder, 'other.referat.txt'), fs.readFileSync(CORPUS, 'utf8'));
    await client.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }],
      capabilities: {
        textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      },
      initializationOptions: { locale: 'da', trusted: true },
    });
    await client.sendNotification('initialized', {});
  });

  afterAll(() => {
    client.dispose();
    server.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const uri = pathToFileURL(path.join(folder, 'open.referat.txt')).href;
  const text = fs.readFileSync(CORPUS, 'utf8');

  it('publishes diagnostics for an opened document, with its version and doc links', async () => {
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'referat', version: 1, text } });
    const p = await diagnosticsFor((d) => d.uri === uri && d.version === 1);
    expect(p.diagnostics.map((d) => d.code)).toContain('case-number-mismatch');
    expect(p.diagnostics.every((d) => d.source === 'referat' && d.codeDescription?.href.endsWith(`/docs/rules/${String(d.code)}.md`) === true)).toBe(true);
  });

  it('answers the document features', async () => {
    const doc = { textDocument: { uri } };
    const symbols = (await client.sendRequest('textDocument/documentSymbol', doc)) as { name: string; children?: unknown[] }[];
    expect(symbols[0]?.children?.length).toBeGreaterThan(5);
    expect(((await client.sendRequest('textDocument/foldingRange', doc)) as unknown[]).length).toBeGreaterThan(5);
    const hover = (await client.sendRequest('textDocument/hover', { ...doc, position: { line: 28, character: 12 } })) as { contents: { value: string } } | null;
    expect(hover?.contents.value).toMatch(/KLE|Kommunens styrelse|sagsnummer/i);
    const items = (await client.sendRequest('textDocument/completion', { ...doc, position: { line: 0, character: 0 } })) as unknown[];
    expect(Array.isArray(items)).toBe(true);
    expect(await client.sendRequest('textDocument/documentLink', doc)).toEqual([]);
  });

  it('finds the case history across the workspace', async () => {
    const doc = { textDocument: { uri }, position: { line: 28, character: 12 } };
    const refs = (await client.sendRequest('textDocument/references', { ...doc, context: { includeDeclaration: true } })) as { uri: string }[] | null;
    expect(refs?.some((r) => r.uri.endsWith('other.referat.txt'))).toBe(true);
    expect(await client.sendRequest('textDocument/definition', doc)).not.toBeNull();
    const symbols = (await client.sendRequest('workspace/symbol', { query: 'budget' })) as unknown[];
    expect(Array.isArray(symbols)).toBe(true);
  });

  it('offers code actions for a published diagnostic', async () => {
    const p = await diagnosticsFor((d) => d.uri === uri && d.version === 1);
    const withFix = p.diagnostics.find((d) => d.code === 'missing-section') ?? p.diagnostics[0];
    const actions = (await client.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: withFix?.range,
      context: { diagnostics: withFix === undefined ? [] : [withFix] },
    })) as { title: string }[];
    expect(Array.isArray(actions)).toBe(true);
  });

  it('carries out the commands', async () => {
    applied = [];
    const toc = (await client.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.updateToc, arguments: [uri] })) as { changed: boolean };
    expect(typeof toc.changed).toBe('boolean');
    expect(toc.changed).toBe(applied.length > 0);
    const lint = (await client.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.lintWorkspace })) as LintWorkspaceResult;
    // One file on disk linted; the open one counts with its live findings.
    expect(lint.files).toBe(1);
    expect(lint.message).toMatch(/^Tjekkede 2 referater/);
    await diagnosticsFor((d) => d.uri.endsWith('other.referat.txt') && d.diagnostics.length > 0);
    const skeleton = (await client.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.skeleton, arguments: ['dagsorden'] })) as string;
    expect(skeleton).toContain('Punkt');
    expect(await client.sendRequest('workspace/executeCommand', { command: 'no.such.command' })).toBeNull();
  });

  it('re-lints on a change, on a new configuration and on trust, and clears a closed document', async () => {
    await client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
    });
    await diagnosticsFor((d) => d.uri === uri && d.version === 2);
    const before = published.length;
    await client.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await client.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION, { trusted: true });
    await diagnosticsFor((d) => d.uri === uri && published.indexOf(d) >= before);
    await client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(folder, 'other.referat.txt')).href, type: 3 }] });
    await diagnosticsFor((d) => d.uri.endsWith('other.referat.txt') && d.diagnostics.length === 0);
    const closedAt = published.length;
    await client.sendNotification('textDocument/didClose', { textDocument: { uri } });
    // Cleared on close; and, as the workspace was linted, looked up on disk again (it is not there: cleared again).
    const cleared = (d: PublishDiagnosticsParams): boolean => d.uri === uri && d.diagnostics.length === 0 && published.indexOf(d) >= closedAt;
    await diagnosticsFor((d) => cleared(d) && published.filter(cleared).length >= 2);
    // A request for a closed document gets the empty answer, and nothing failed along the way.
    expect(await client.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })).toEqual([]);
    expect(logged.filter((m) => m.startsWith('Fejl'))).toEqual([]);
  });
});
