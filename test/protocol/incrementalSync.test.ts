// Issue 12: random edit sequences sent to the real server as incremental didChange
// events. After each sequence the diagnostics and the outline must equal those of a
// fresh open of the final text. Also: a client that types faster than results come
// back gets the latest version's diagnostics, and a thousand documents opened and
// closed leave nothing behind. LSP_FUZZ_RUNS sets the number of sequences (the long run
// in docs/reliability.md used 10,000).
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublishDiagnosticsParams, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspClient, ROOT } from './lspClient';

const RUNS = Number(process.env['LSP_FUZZ_RUNS'] ?? '150');
const DIALECTS = path.join(ROOT, 'test/fixtures/dialects');
const SOURCES = fs
  .readdirSync(DIALECTS)
  .filter((f) => f.endsWith('.referat.txt'))
  .sort()
  .map((f) => fs.readFileSync(path.join(DIALECTS, f), 'utf8'));

/** Bits of minutes an edit may insert: headings, case numbers, line breaks of every kind, junk. */
const PIECES = ['\n', '\r\n', '\r', 'Punkt 3: Budget\n', '\nBeslutning\n', 'Indstilling', 'Sagsnr.: 24/1001', '27.00.00-A00-3-24', '# ', '2. ', 'ø', 'Ã¸', '\u000b', '\t', '', 'Godkendt.'];

interface Edit {
  /** Where, as a fraction of the text. */
  at: number;
  /** How much to replace, as a fraction of what is left (kept small). */
  span: number;
  text: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  span: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.05, noNaN: true })),
  text: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })),
});

/** The LSP change for an edit of the current text (positions as the server counts them). */
function change(doc: TextDocument, e: Edit): TextDocumentContentChangeEvent {
  const text = doc.getText();
  const start = Math.floor(e.at * text.length);
  const end = Math.min(text.length, start + Math.floor(e.span * (text.length - start)));
  return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: e.text };
}

const strip = (p: PublishDiagnosticsParams): unknown => p.diagnostics.map((d) => [d.code, d.severity, d.range, d.message]);

describe('incremental sync against the real server', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = LspClient.start({ timeoutMs: 30_000 });
    await client.initialize();
  });
  afterAll(() => client.dispose());

  it(`${RUNS} random edit sequences give the diagnostics and outline of a fresh open`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(SOURCES.length - 1), fc.array(edit, { minLength: 1, maxLength: 8 }), fc.boolean(), async (source, edits, batched) => {
        n++;
        const uri = `file:///sync/${n}.referat`;
        const fresh = `file:///sync/${n}-fresh.referat`;
        let doc = TextDocument.create(uri, 'referat', 1, SOURCES[source] as string);
        await client.open(uri, doc.getText(), 1);
        // Sent one notification per edit, or all edits in one notification (as VS Code batches them).
        const changes: TextDocumentContentChangeEvent[] = [];
        for (const e of edits) {
          const c = change(doc, e);
          changes.push(c);
          doc = TextDocument.update(doc, [c], doc.version + 1);
          if (!batched) await client.change(uri, doc.version, [c]);
        }
        if (batched) {
          doc = TextDocument.create(uri, 'referat', 1 + edits.length, doc.getText());
          await client.change(uri, doc.version, changes);
        }
        const last = doc.version;
        const got = await client.waitForDiagnostics(uri, (p) => p.version === last);
        const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        const folds = await client.request('textDocument/foldingRange', { textDocument: { uri } });
        await client.open(fresh, doc.getText(), 1);
        const want = await client.waitForDiagnostics(fresh, (p) => p.version === 1);
        expect(strip(got)).toEqual(strip(want));
        expect(symbols).toEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: fresh } }));
        expect(folds).toEqual(await client.request('textDocument/foldingRange', { textDocument: { uri: fresh } }));
        await client.close(uri);
        await client.close(fresh);
      }),
      { numRuns: RUNS, seed: 20261201 },
    );
  }, 600_000);

  it('a client that types faster than results come back gets the last version’s diagnostics, and never an older version after a newer one', async () => {
    const uri = 'file:///sync/fast.referat';
    let doc = TextDocument.create(uri, 'referat', 1, SOURCES[0] as string);
    await client.open(uri, doc.getText(), 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const sent: Promise<void>[] = [];
    for (let k = 0; k < 300; k++) {
      const pos = doc.positionAt(Math.floor(doc.getText().length / 2));
      const c = { range: { start: pos, end: pos }, text: 'x' };
      doc = TextDocument.update(doc, [c], doc.version + 1);
      sent.push(client.change(uri, doc.version, [c]));
    }
    await Promise.all(sent);
    const got = await client.waitForDiagnostics(uri, (p) => p.version === 301);
    await client.open('file:///sync/fast-fresh.referat', doc.getText(), 1);
    const want = await client.waitForDiagnostics('file:///sync/fast-fresh.referat');
    expect(strip(got)).toEqual(strip(want));
    // However many were published on the way (one per burst of changes; how many bursts
    // depends on the machine), they came in version order: none older after a newer one.
    const versions = client.takeReceived<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri).map((p) => p.version ?? 0);
    expect(versions.every((v) => v < 301)).toBe(true);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });

  it('a thousand documents opened and closed: each close clears its diagnostics, and the server still answers', async () => {
    for (let k = 0; k < 1000; k++) {
      const uri = `file:///sync/many-${k}.referat`;
      await client.open(uri, SOURCES[k % SOURCES.length] as string, 1);
      await client.close(uri);
    }
    // The service's caches hold no closed document (service.test.ts checks it directly).
    const cleared = await client.waitForDiagnostics('file:///sync/many-999.referat', (p) => p.diagnostics.length === 0);
    expect(cleared.diagnostics).toEqual([]);
    expect(await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///sync/many-999.referat' } })).toEqual([]);
  });
});
