// A dagsorden and its referat over LSP, against the real server: the server command
// behind "Referat: Opret referat fra dagsorden" (an open dagsorden, a file on disk, and
// what is no dagsorden), and agenda-mismatch in a workspace: the referat compared with
// the dagsorden on disk once the scan is in, and with the open dagsorden as it is edited.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { DEFAULT_CAPABILITIES, LspClient, ROOT, SERVER } from './lspClient';
import { sampleAgenda } from '../helpers/sampleAgenda';

const AGENDA = sampleAgenda({ mødedato: true });

type Answer = { ok: true; text: string; decisions: number[] } | { ok: false; message: string };

const mismatches = (ds: readonly Diagnostic[]): string[] => ds.filter((d) => d.code === 'agenda-mismatch').map((d) => d.message);

beforeAll(() => {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} findes ikke: kør 'node esbuild.mjs' (eller 'npm test') først`);
});

describe('from agenda to minutes over LSP', () => {
  let client: LspClient;
  let dir: string;
  const uri = (name: string): string => pathToFileURL(path.join(dir, name)).href;

  beforeAll(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'referat-agenda-')));
    fs.writeFileSync(path.join(dir, 'dagsorden-kfu-2024-09-03.referat.txt'), AGENDA);
    client = LspClient.start();
    await client.initialize({
      capabilities: { ...DEFAULT_CAPABILITIES, workspace: { workspaceFolders: true } },
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'møder' }],
    });
  });

  afterAll(() => {
    client.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const newFromAgenda = (target: unknown): Promise<Answer> => client.request<Answer>('workspace/executeCommand', { command: 'referat.server.newFromAgenda', arguments: [target] });

  it('writes the referat of a dagsorden on disk, in its layout, with the lines to write the decisions on', async () => {
    const answer = await newFromAgenda(uri('dagsorden-kfu-2024-09-03.referat.txt'));
    if (!answer.ok) throw new Error(answer.message);
    const lines = answer.text.split('\n');
    expect(lines[0]).toBe('REFERAT Kultur- og Fritidsudvalget d. 03-09-2024');
    expect(lines.filter((l) => l === 'Beslutning')).toHaveLength(2);
    expect(answer.decisions.map((l) => lines[l])).toEqual(['', '']);
    expect(answer.decisions.map((l) => lines.slice(0, l).reverse().find((x) => x !== ''))).toEqual(['Beslutning', 'Beslutning']);
  });

  it('writes it from the open document’s live text, and refuses a referat and what cannot be read', async () => {
    const untitled = 'untitled:Dagsorden-1';
    await client.open(untitled, AGENDA.replace('Ny belysning på stadion', 'Ny belysning på idrætsanlægget'));
    const answer = await newFromAgenda(untitled);
    expect(answer.ok && answer.text).toContain('Punkt 2: Ny belysning på idrætsanlægget (B)');
    const referat = fs.readFileSync(path.join(ROOT, 'test/fixtures/corpus/vejen-2023-11-28.referat.txt'), 'utf8');
    await client.open('untitled:Referat-1', referat);
    expect(await newFromAgenda('untitled:Referat-1')).toEqual({
      ok: false,
      message: 'Referat-1 er allerede et referat (det har beslutninger), ikke en dagsorden. Åbn dagsordenen, referatet skal skrives ud fra.',
    });
    expect(await newFromAgenda(uri('findes-ikke.txt'))).toEqual({ ok: false, message: 'Referat kan ikke læse findes-ikke.txt: findes ikke.' });
    expect(await newFromAgenda(42)).toMatchObject({ ok: false });
  });

  it('compares an open referat with the dagsorden of its meeting, on disk and then as it is edited', async () => {
    const answer = await newFromAgenda(uri('dagsorden-kfu-2024-09-03.referat.txt'));
    if (!answer.ok) throw new Error(answer.message);
    const referatUri = uri('referat-kfu-2024-09-03.referat.txt');
    // The referat as written from the dagsorden, with one sagsnummer changed.
    const referat = answer.text.replace('24/10877', '24/10878');
    const first = client.waitForDiagnostics(referatUri, (p) => mismatches(p.diagnostics).length > 0);
    await client.open(referatUri, referat);
    expect(mismatches((await first).diagnostics)).toEqual([
      'Punkt 2 har sagsnummer 24/10877 i dagsordenen (dagsorden-kfu-2024-09-03.referat.txt), men 24/10878 i referatet.',
    ]);
    // The dagsorden opened and corrected: the referat is compared with its live text.
    const agendaUri = uri('dagsorden-kfu-2024-09-03.referat.txt');
    const cleared = client.waitForDiagnostics(referatUri, (p) => mismatches(p.diagnostics).length === 0);
    await client.open(agendaUri, AGENDA.replace('24/10877', '24/10878'));
    await cleared;
    // And a new title in the dagsorden is reported in the referat.
    const renamed = client.waitForDiagnostics(referatUri, (p) => mismatches(p.diagnostics).length > 0);
    await client.change(agendaUri, 2, [{ text: AGENDA.replace('24/10877', '24/10878').replace('Tilskud til lokale foreninger 2025', 'Tilskud til foreninger 2025') }]);
    expect(mismatches((await renamed).diagnostics)).toEqual([
      'Punkt 1 hedder "Tilskud til foreninger 2025 (B)" i dagsordenen (dagsorden-kfu-2024-09-03.referat.txt), men "Tilskud til lokale foreninger 2025 (B)" i referatet.',
    ]);
    // Closed unsaved: the dagsorden on disk counts again.
    const disk = client.waitForDiagnostics(referatUri, (p) => mismatches(p.diagnostics).some((m) => m.includes('24/10877')));
    await client.close(agendaUri);
    await disk;
    // Corrected on disk by another program: the file event re-reads it, and the referat is compared anew.
    fs.writeFileSync(path.join(dir, 'dagsorden-kfu-2024-09-03.referat.txt'), AGENDA.replace('24/10877', '24/10878'));
    const fixed = client.waitForDiagnostics(referatUri, (p) => mismatches(p.diagnostics).length === 0);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: agendaUri, type: 2 }] });
    await fixed;
  });

  it('shuts down cleanly with nothing on stderr', async () => {
    expect((await client.shutdown()).code).toBe(0);
    expect(client.stderr).toBe('');
  });
});
