// Neovim (Debian's 0.7.2), headless, with the README's configuration against
// `node dist/server.js --stdio`: see neovim/client.lua for what it does in the editor.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { expectCompletion, expectFindings, expectFolds, expectPunkter, type CompletionLike, type Finding, type SymbolLike } from './expectations';
import { corpusWorkspace, onPath, ROOT, runProcess, SERVER, tempDir, type Results } from './lib';

export const GROUP = 'Neovim';

interface NvimDiagnostic {
  code: string | null;
  severity: 1 | 2 | 3 | 4;
  message: string;
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
}

interface NvimDocument {
  filetype: string;
  symbols: SymbolLike[] | null;
  folding: { startLine: number; endLine: number }[] | null;
  diagnostics?: NvimDiagnostic[];
  after_debris?: NvimDiagnostic[];
  after_undo?: NvimDiagnostic[];
  missing?: NvimDiagnostic[];
  completion?: CompletionLike[];
}

interface NvimResult {
  version: string;
  error?: string;
  documents: Record<string, NvimDocument>;
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' } as const;

/** vim.diagnostic columns are byte offsets in the line; LSP's are UTF-16 code units. */
function toFinding(d: NvimDiagnostic, lines: readonly string[]): Finding {
  const utf16 = (line: number, byteCol: number): number => Buffer.from(lines[line] ?? '', 'utf8').subarray(0, byteCol).toString('utf8').length;
  return {
    code: String(d.code),
    severity: SEVERITY[d.severity],
    message: d.message,
    range: { start: { line: d.lnum, character: utf16(d.lnum, d.col) }, end: { line: d.end_lnum, character: utf16(d.end_lnum, d.end_col) } },
  };
}

/** vim.json encodes an empty list as {}. */
const list = <T>(v: T[] | Record<string, never> | null | undefined): T[] => (Array.isArray(v) ? v : []);

export async function runNeovim(results: Results): Promise<void> {
  if (!onPath('nvim')) {
    results.add({ group: GROUP, name: 'start', ok: false, ms: 0, detail: 'nvim is not installed: run .ci/setup-editors.sh' });
    return;
  }
  const started = Date.now();
  const tmp = tempDir('nvim');
  const workspace = corpusWorkspace(tmp);
  const resultFile = path.join(tmp, 'result.json');
  const cache = path.join(tmp, 'cache');
  let result: NvimResult | undefined;
  const ran = await results.check(GROUP, 'nvim --headless runs the client script', async () => {
    const r = await runProcess('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-c', `luafile ${path.join(ROOT, 'test/editors/neovim/client.lua')}`], {
      cwd: workspace,
      ms: 120_000,
      env: {
        ...process.env,
        XDG_CACHE_HOME: cache, // lsp.log stays out of HOME
        XDG_STATE_HOME: cache,
        REFERAT_WORKSPACE: workspace,
        REFERAT_RESULT: resultFile,
        REFERAT_CONFIG: path.join(ROOT, 'test/editors/neovim/referat.lua'),
        REFERAT_SERVER_CMD: `${process.execPath} ${SERVER} --stdio`,
      },
    });
    if (fs.existsSync(resultFile)) result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as NvimResult;
    if (r.code !== 0 || result === undefined || result.error !== undefined) {
      throw new Error(`nvim exited ${String(r.code)}${result?.error !== undefined ? `: ${result.error}` : ''}\n${r.stderr}`.trim());
    }
  });
  if (!ran || result === undefined) {
    fs.rmSync(tmp, { recursive: true, force: true });
    return;
  }
  const res = result;
  console.log(`  (Neovim ${res.version}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const docs = Object.keys(res.documents).sort();
  const doc = (name: string): NvimDocument => {
    const d = res.documents[name];
    if (d === undefined) throw new Error(`no record of ${name}`);
    return d;
  };
  const lines = (name: string): string[] => fs.readFileSync(path.join(workspace, name), 'utf8').split('\n');

  await results.check(GROUP, 'filetype referat and the server attached for every document (README config)', async () => {
    assert.deepStrictEqual(docs, fs.readdirSync(workspace).sort());
    assert.deepStrictEqual(docs.map((n) => [n, doc(n).filetype]), docs.map((n) => [n, 'referat']));
  });
  for (const name of docs.filter((n) => !n.startsWith('vejen'))) {
    await results.check(GROUP, `diagnostics: ${name} has its reviewed findings`, async () => {
      expectFindings(name, list(doc(name).diagnostics).map((d) => toFinding(d, lines(name))));
    });
  }
  await results.check(GROUP, 'diagnostics: vejen has none until a line of export debris is typed, and none after undo', async () => {
    const d = doc('vejen-2023-11-28.referat.txt');
    const original = lines('vejen-2023-11-28.referat.txt');
    const withDebris = [original[0] ?? '', 'Til toppen', ...original.slice(1)];
    assert.deepStrictEqual(
      list(d.after_debris).map((x) => toFinding(x, withDebris)).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.code}`),
      ['1:0 export-debris'],
    );
    assert.deepStrictEqual(list(d.after_undo), []);
  });
  for (const name of docs) {
    await results.check(GROUP, `documentSymbol: ${name} lists its punkter`, async () => expectPunkter(name, doc(name).symbols));
    await results.check(GROUP, `foldingRange: every punkt of ${name} folds`, async () => expectFolds(name, doc(name).folding));
  }
  await results.check(GROUP, 'completion in a punkt without a Beslutning offers Beslutning first', async () => {
    const d = doc('viborg-2024-08-12.referat.md');
    assert.deepStrictEqual(list(d.missing).filter((x) => x.code === 'missing-section').map((x) => x.message), ['Punkt 1 mangler afsnittet Beslutning.']);
    expectCompletion(list(d.completion));
  });
  fs.rmSync(tmp, { recursive: true, force: true });
}
