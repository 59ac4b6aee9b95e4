// Issue 12: what a clumsy or hostile client sends must not crash, hang or blind the
// bundled server. Each test is named after the reproducer it guards.
import { spawn } from 'child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { LspClient, ROOT, SERVER } from './lspClient';

const URI = 'file:///robust/møde.referat';
const DOC = ['Referat', 'Økonomiudvalget 12-03-2024', '', 'Punkt 1: Budget', 'Sagsnr.: 24/1001', '', 'Indstilling', 'Godkendes.', '', 'Beslutning', 'Godkendt.', ''].join('\n');

interface ResponseFailure {
  code: number;
  message: string;
}

async function failure(p: Promise<unknown>): Promise<ResponseFailure> {
  try {
    await p;
  } catch (error) {
    return error as ResponseFailure;
  }
  throw new Error('the request succeeded');
}

/** Writes raw bytes to a fresh server's stdin; resolves with its exit code and stderr, or 'alive' once it answers an initialize sent after them. */
function raw(bytes: string): Promise<{ exit: number | null; stderr: string } | 'alive'> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: 'pipe' });
    let stderr = '';
    let stdout = '';
    p.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    p.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (stdout.includes('"id":1')) {
        p.kill();
        resolve('alive');
      }
    });
    p.on('exit', (code) => resolve({ exit: code, stderr }));
    const init = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    p.stdin.write(bytes + `Content-Length: ${Buffer.byteLength(init)}\r\n\r\n${init}`);
  });
}

describe('the server and a client that gets things wrong', () => {
  let client: LspClient;
  beforeAll(() => {
    client = LspClient.start();
  });
  afterAll(() => client.dispose());

  it('a request before initialize gets -32002 ServerNotInitialized, not []', async () => {
    const e = await failure(client.request('textDocument/documentSymbol', { textDocument: { uri: URI } }));
    expect(e.code).toBe(-32002);
    await client.initialize();
  });

  it('case 6: a malformed didOpen ({"textDocument":{}}, a numeric uri, no text) is dropped and the server lives on', async () => {
    await client.notify('textDocument/didOpen', { textDocument: {} });
    await client.notify('textDocument/didOpen', { textDocument: { uri: 42, languageId: 'referat', version: 1, text: 'x' } });
    await client.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'referat', version: 1 } });
    await client.notify('textDocument/didOpen');
    await client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range: { start: {} }, text: 'x' }] });
    await client.notify('textDocument/didClose', { textDocument: { uri: null } });
    const log = await client.waitForNotification<{ message: string }>('window/logMessage', (p) => p.message.includes('textDocument/didOpen'));
    expect(log.message).toMatch(/ugyldige parametre/);
    await client.open(URI, DOC);
    const d = await client.waitForDiagnostics(URI);
    expect(d.diagnostics).toEqual([]);
  });

  it('malformed request params get -32602 InvalidParams, not -32603', async () => {
    for (const [method, params] of [
      ['textDocument/hover', { textDocument: { uri: URI } }],
      ['textDocument/completion', { textDocument: { uri: URI }, position: { line: -1, character: 0 } }],
      ['textDocument/documentSymbol', { textDocument: {} }],
      ['textDocument/documentSymbol', undefined],
      ['textDocument/codeAction', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }],
      ['textDocument/foldingRange', { textDocument: { uri: 7 } }],
    ] as const) {
      const e = await failure(client.request(method, params));
      expect(e.code, method).toBe(-32602);
      // Without params the library refuses first, with its own words.
      if (params !== undefined) expect(e.message).toMatch(/Ugyldige parametre/);
    }
    // Still answering.
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri: URI } })).toHaveLength(1);
  });

  it('case 8: a repeated version number with another text gives the new text’s findings at once', async () => {
    const uri = 'file:///robust/gentaget.referat';
    await client.open(uri, DOC, 5);
    expect((await client.waitForDiagnostics(uri)).diagnostics).toEqual([]);
    await client.change(uri, 5, [{ text: DOC.replace('Beslutning\nGodkendt.\n', '') }]);
    const d = await client.waitForDiagnostics(uri, (p: PublishDiagnosticsParams) => p.diagnostics.length > 0);
    expect(d.diagnostics.map((x) => x.code)).toContain('missing-section');
  });

  it('a 50 MB didOpen is refused with one error at line 1, and the next request is answered', async () => {
    const uri = 'file:///robust/stor.referat';
    await client.open(uri, DOC.repeat(Math.ceil((50 * 1024 * 1024) / DOC.length)));
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    // Answered, from the empty model: no punkt is shown for text that was not read.
    expect(JSON.stringify(symbols)).not.toMatch(/Punkt 1/);
    const d = await client.waitForDiagnostics(uri, (p: PublishDiagnosticsParams) => p.diagnostics.length > 0, 60_000);
    expect(d.diagnostics.map((x) => [x.code, x.severity, x.range.start.line])).toEqual([['document-too-large', 1, 0]]);
    expect(d.diagnostics[0]?.message).toMatch(/grænsen er 10,0 MB/);
    await client.close(uri);
  }, 90_000);

  it('hostile documents get diagnostics, never a crash or a clean bill: binary junk, one 10 MB line, 10,000 punkter', async () => {
    const binary = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    const line = `Punkt 1: ${'ord '.repeat(2_500_000)}`;
    const many = Array.from({ length: 10_000 }, (_, i) => `Punkt ${i + 1}: Titel ${i}\nSagsnr.: 24/${1000 + i}\n\nIndstilling\nGodkendes.\n\nBeslutning\nGodkendt.\n`).join('\n');
    for (const [name, text, expected] of [
      ['binary', binary, 'unrecognized-layout'],
      ['line', line, 'unrecognized-layout'],
    ] as const) {
      const uri = `file:///robust/${name}.referat`;
      await client.open(uri, text);
      const d = await client.waitForDiagnostics(uri, () => true, 60_000);
      expect(d.diagnostics.map((x) => x.code), name).toContain(expected);
      await client.close(uri);
    }
    const uri = 'file:///robust/many.referat';
    await client.open(uri, many);
    expect((await client.waitForDiagnostics(uri, () => true, 60_000)).diagnostics).toEqual([]);
    const symbols = await client.request<{ children?: unknown[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols[0]?.children?.length ?? symbols.length).toBeGreaterThanOrEqual(9_999);
    await client.close(uri);
  }, 120_000);

  it('case 1: a CRLF document of 12,000 punkter is linted (it ran out of memory)', async () => {
    const uri = 'file:///robust/crlf.referat';
    await client.open(uri, 'Punkt 1: x\r\n'.repeat(12_000));
    const d = await client.waitForDiagnostics(uri, () => true, 60_000);
    expect(d.diagnostics.length).toBeGreaterThan(12_000);
  }, 90_000);
});

describe('the server and a broken stream', () => {
  it('broken framing (a Content-Length that is no number): the server says why and exits, so the client restarts it', async () => {
    const r = await raw('Content-Length: abc\r\n\r\n{}');
    expect(r).not.toBe('alive');
    if (r === 'alive') return;
    expect(r.exit).toBe(1);
    expect(r.stderr).toMatch(/kan ikke læse beskederne/);
  });

  it('a frame whose body is not JSON is skipped, and the next message is answered', async () => {
    expect(await raw('Content-Length: 5\r\n\r\n{xyz}')).toBe('alive');
  });
});
