// The shipped bundle is the production build (minified, the dialect tables' notes on
// where a layout was seen left out); every other test runs the development build. This
// one builds the production bundle and checks that it tells the same as the tested one:
// the same diagnostics and the same outline for the corpus and the dialect fixtures.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { LspClient, ROOT, SERVER } from './lspClient';

const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-production-'));

function documents(): { uri: string; text: string }[] {
  const out: { uri: string; text: string }[] = [];
  for (const dir of ['test/fixtures/corpus', 'test/fixtures/dialects']) {
    for (const name of fs.readdirSync(path.join(ROOT, dir)).sort()) {
      if (!name.endsWith('.referat.txt')) continue;
      const file = path.join(ROOT, dir, name);
      out.push({ uri: `file://${file}`, text: fs.readFileSync(file, 'utf8') });
    }
  }
  return out;
}

// The doc links point next to each bundle, so they differ by where it was built.
const comparable = (ds: Diagnostic[]): unknown[] => ds.map(({ codeDescription: _link, ...rest }) => rest);

describe('the production bundle', () => {
  let dev: LspClient;
  let prod: LspClient;
  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs'), '--production', `--outdir=${outdir}`], { cwd: ROOT });
    dev = LspClient.start({ serverPath: SERVER });
    prod = LspClient.start({ serverPath: path.join(outdir, 'server.js') });
    await Promise.all([dev.initialize(), prod.initialize()]);
  });
  afterAll(() => {
    dev?.dispose();
    prod?.dispose();
    fs.rmSync(outdir, { recursive: true, force: true });
  });

  it('is minified and carries no notes on where a layout was seen', () => {
    const bundle = fs.readFileSync(path.join(outdir, 'server.js'), 'utf8');
    expect(bundle.split('\n').length).toBeLessThan(200);
    expect(bundle).not.toContain('Vesthimmerland, Herning, Vejen, Viborg (korpus)');
  });

  it('gives the same diagnostics and outline as the development build', async () => {
    const docs = documents();
    expect(docs.length).toBeGreaterThan(50);
    for (const { uri, text } of docs) {
      const [a, b] = await Promise.all(
        [dev, prod].map(async (client) => {
          const published = client.waitForDiagnostics(uri, (p) => p.version === 1);
          await client.open(uri, text, 1);
          const diagnostics = (await published).diagnostics;
          const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
          return { diagnostics: comparable(diagnostics), symbols };
        }),
      );
      expect(b, uri).toEqual(a);
    }
  });
});
