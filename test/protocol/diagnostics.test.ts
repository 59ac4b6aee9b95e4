// Diagnostics over LSP: the real server, real corpus documents, pushed after each
// change for the latest version only.
import * as fs from 'fs';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { LspClient, ROOT, SERVER } from './lspClient';

const corpus = (name: string): { uri: string; text: string } => {
  const file = path.join(ROOT, 'test/fixtures/corpus', name);
  return { uri: `file://${file}`, text: fs.readFileSync(file, 'utf8') };
};
const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code));

beforeAll(() => {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} findes ikke: kør 'node esbuild.mjs' (eller 'npm test') først`);
});

describe('diagnostics over stdio', () => {
  let client: LspClient;
  beforeAll(async () => {
    client = LspClient.start();
    await client.initialize();
  });
  afterAll(() => client.dispose());

  it('publishes the real defects of a corpus document with codes, source and doc links', async () => {
    const { uri, text } = corpus('vesthimmerland-2024-05-14.referat.txt');
    const waiting = client.waitForDiagnostics(uri, (p) => p.version === 1);
    await client.open(uri, text, 1);
    const published = await waiting;
    const ds = published.diagnostics;
    const mismatch = ds.find((d) => d.code === 'case-number-mismatch');
    expect(mismatch).toMatchObject({
      source: 'referat',
      severity: 1,
      message: 'Sagsnummeret i feltet Sagsnr. (00.13.00-P22-2-23) stemmer ikke med nummeret under overskriften (00.13.06-P22-2-23).',
      range: { start: { line: 28, character: 9 }, end: { line: 28, character: 26 } },
    });
    expect(mismatch?.codeDescription?.href).toMatch(/^file:\/\/.*\/docs\/rules\/case-number-mismatch\.md$/);
    expect(fs.existsSync(new URL(mismatch?.codeDescription?.href ?? '').pathname)).toBe(true);
    expect(codes(ds)).toContain('toc-mismatch');
    expect(codes(ds)).toContain('encoding-damage');
    expect(codes(ds)).not.toContain('missing-section');
  });

  it('follows edits: a deleted Beslutning is reported for the new version only', async () => {
    const { uri, text } = corpus('herning-2022-11-22.referat.txt');
    const first = client.waitForDiagnostics(uri, (p) => p.version === 1);
    await client.open(uri, text, 1);
    expect(codes((await first).diagnostics)).not.toContain('missing-section');
    // Line 48 (0-based 47) is "Beslutning" in Punkt 90: rename it, as a typist would, in two quick edits.
    const edit = (version: number, character: number, newText: string): Promise<void> =>
      client.change(uri, version, [{ range: { start: { line: 47, character }, end: { line: 47, character } }, text: newText }]);
    const seen: PublishDiagnosticsParams[] = [];
    const third = client.waitForDiagnostics(uri, (p) => {
      seen.push(p);
      return p.version === 3;
    });
    await edit(2, 0, 'X');
    await edit(3, 0, 'Y');
    const latest = await third;
    const missing = latest.diagnostics.filter((d) => d.code === 'missing-section');
    expect(missing.map((d) => d.message)).toEqual(['Punkt 90 mangler afsnittet Beslutning.']);
    // Versions only move forward; nothing older than the latest arrives after it.
    const versions = seen.map((p) => p.version ?? 0);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });

  it('clears diagnostics when a document is closed', async () => {
    const { uri, text } = corpus('viborg-2024-08-12.referat.md');
    const opened = client.waitForDiagnostics(uri, (p) => p.version === 1);
    await client.open(uri, text, 1);
    expect((await opened).diagnostics.length).toBeGreaterThan(0);
    const cleared = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.close(uri);
    expect((await cleared).diagnostics).toEqual([]);
  });
});

describe('diagnostics in English', () => {
  it('follows the locale from initializationOptions', async () => {
    const client = LspClient.start();
    try {
      await client.initialize({ initializationOptions: { locale: 'en' } });
      const { uri, text } = corpus('vesthimmerland-2024-05-14.referat.txt');
      const waiting = client.waitForDiagnostics(uri, () => true);
      await client.open(uri, text, 1);
      const ds = (await waiting).diagnostics;
      const mismatch = ds.find((d) => d.code === 'case-number-mismatch');
      expect(mismatch?.message).toMatch(/^The case number/);
    } finally {
      client.dispose();
    }
  });
});
