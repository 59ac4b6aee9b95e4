// Emacs (Debian's 28.2 with elpa-eglot 1.9), --batch, with the README's configuration against
// `node dist/server.js --stdio`: see emacs/client.el for what it does in the editor.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { expectCompletion, expectFindings, expectFolds, type CompletionLike, type Finding } from './expectations';
import { corpusWorkspace, goldenPunkter, onPath, punktName, ROOT, runProcess, SERVER, tempDir, type Results } from './lib';

export const GROUP = 'Emacs eglot';

interface EmacsDiagnostic {
  /** What Flymake shows: "referat [rule-id]: message". */
  text: string;
  type: string;
  severity: 1 | 2 | 3 | 4;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

interface EmacsDocument {
  mode: string;
  punkter: { name: string; line: number }[];
  folding: { startLine: number; endLine: number }[];
  diagnostics?: EmacsDiagnostic[];
  afterDebris?: EmacsDiagnostic[];
  afterUndo?: EmacsDiagnostic[];
  missing?: EmacsDiagnostic[];
  completion?: CompletionLike[];
}

interface EmacsResult {
  version?: string;
  error?: string;
  documents?: Record<string, EmacsDocument>;
}

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' } as const;
const FLYMAKE_TYPE = { 1: 'eglot-error', 2: 'eglot-warning', 3: 'eglot-note', 4: 'eglot-note' } as const;

function toFinding(d: EmacsDiagnostic): Finding {
  const m = /^referat \[([^\]]+)\]: ([\s\S]*)$/.exec(d.text);
  assert.ok(m !== null, `Flymake text "${d.text}" names source and rule`);
  assert.strictEqual(d.type, FLYMAKE_TYPE[d.severity]);
  return {
    code: m[1] ?? '',
    severity: SEVERITY[d.severity],
    message: m[2] ?? '',
    range: { start: { line: d.line, character: d.character }, end: { line: d.endLine, character: d.endCharacter } },
  };
}

const list = <T>(v: T[] | null | undefined): T[] => (Array.isArray(v) ? v : []);

export async function runEmacs(results: Results): Promise<void> {
  if (!onPath('emacs')) {
    results.add({ group: GROUP, name: 'start', ok: false, ms: 0, detail: 'emacs is not installed: run .ci/setup-editors.sh' });
    return;
  }
  const started = Date.now();
  const tmp = tempDir('emacs');
  const workspace = corpusWorkspace(tmp);
  const home = path.join(tmp, 'home');
  fs.mkdirSync(home);
  const resultFile = path.join(tmp, 'result.json');
  let result: EmacsResult | undefined;
  const ran = await results.check(GROUP, 'emacs --batch runs the client script', async () => {
    const r = await runProcess('emacs', ['--batch', '-Q', '-l', path.join(ROOT, 'test/editors/emacs/client.el')], {
      cwd: workspace,
      ms: 120_000,
      env: {
        ...process.env,
        LANG: 'C.UTF-8',
        HOME: home, // nothing of Emacs's own state in the real HOME
        REFERAT_WORKSPACE: workspace,
        REFERAT_RESULT: resultFile,
        REFERAT_CONFIG: path.join(ROOT, 'test/editors/emacs/referat.el'),
        REFERAT_SERVER_CMD: `${process.execPath} ${SERVER} --stdio`,
      },
    });
    if (fs.existsSync(resultFile)) result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as EmacsResult;
    if (r.code !== 0 || result === undefined || result.error !== undefined) {
      throw new Error(`emacs exited ${String(r.code)}${result?.error !== undefined ? `: ${result.error}` : ''}\n${r.stderr}`.trim());
    }
  });
  if (!ran || result?.documents === undefined) {
    fs.rmSync(tmp, { recursive: true, force: true });
    return;
  }
  const documents = result.documents;
  console.log(`  (${String(result.version)}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const docs = Object.keys(documents).sort();
  const doc = (name: string): EmacsDocument => {
    const d = documents[name];
    if (d === undefined) throw new Error(`no record of ${name}`);
    return d;
  };

  await results.check(GROUP, 'referat-mode and eglot managing every document (README config)', async () => {
    assert.deepStrictEqual(docs, fs.readdirSync(workspace).sort());
    assert.deepStrictEqual(docs.map((n) => [n, doc(n).mode]), docs.map((n) => [n, 'referat-mode']));
  });
  for (const name of docs.filter((n) => !n.startsWith('vejen'))) {
    await results.check(GROUP, `Flymake: ${name} has its reviewed findings`, async () => {
      expectFindings(name, list(doc(name).diagnostics).map(toFinding));
    });
  }
  await results.check(GROUP, 'Flymake: vejen has none until a line of export debris is typed, and none after deleting it', async () => {
    const d = doc('vejen-2023-11-28.referat.txt');
    assert.deepStrictEqual(list(d.afterDebris).map(toFinding).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.code}`), ['1:0 export-debris']);
    assert.deepStrictEqual(list(d.afterUndo), []);
  });
  for (const name of docs) {
    await results.check(GROUP, `imenu (documentSymbol): ${name} lists its punkter`, async () => {
      assert.deepStrictEqual(
        list(doc(name).punkter).map((p) => [p.name, p.line]),
        goldenPunkter(name).map((p) => [punktName(p), p.line]),
      );
    });
    await results.check(GROUP, `foldingRange over eglot's connection: every punkt of ${name} folds`, async () => expectFolds(name, list(doc(name).folding)));
  }
  await results.check(GROUP, 'completion-at-point in a punkt without a Beslutning offers Beslutning first', async () => {
    const d = doc('viborg-2024-08-12.referat.md');
    assert.deepStrictEqual(
      list(d.missing).map(toFinding).filter((f) => f.code === 'missing-section').map((f) => f.message),
      ['Punkt 1 mangler afsnittet Beslutning.'],
    );
    const items = list(d.completion);
    // Shown in sortText order (eglot's display-sort-function): the first is what Emacs offers first.
    assert.strictEqual(items[0]?.label, 'Beslutning');
    expectCompletion(items);
  });
  fs.rmSync(tmp, { recursive: true, force: true });
}
