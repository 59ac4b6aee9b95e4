// Configuration over LSP: the real server finds .referatrc.json upward from a document,
// publishes diagnostics in the config file at the offending key, applies the valid
// rest, re-lints when the file changes, honours settings and workspace trust, and a
// catastrophic pattern cannot stall it. Timeouts are failure guards only.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, PublishDiagnosticsParams, ShowMessageParams } from 'vscode-languageserver';
import { DEFAULT_CAPABILITIES, LspClient, SERVER } from './lspClient';

const CAPABILITIES = {
  ...DEFAULT_CAPABILITIES,
  workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
};

let root: string;
beforeAll(() => {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} findes ikke: kør 'node esbuild.mjs' (eller 'npm test') først`);
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-config-'));
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

let clients: LspClient[] = [];
afterEach(() => {
  for (const c of clients) c.dispose();
  clients = [];
});

async function start(initializationOptions?: unknown, capabilities = CAPABILITIES): Promise<LspClient> {
  const client = LspClient.start();
  clients.push(client);
  await client.initialize({ capabilities, ...(initializationOptions !== undefined ? { initializationOptions } : {}) });
  return client;
}

/** A folder with a config file and a document one level below it. */
function workspace(name: string, config: string, doc: string): { configPath: string; configUri: string; docUri: string; docText: string } {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'møder'), { recursive: true });
  const configPath = path.join(dir, '.referatrc.json');
  fs.writeFileSync(configPath, config);
  const docPath = path.join(dir, 'møder', 'udvalg.referat.txt');
  fs.writeFileSync(docPath, doc);
  return { configPath, configUri: pathToFileURL(configPath).href, docUri: pathToFileURL(docPath).href, docText: doc };
}

/** The text a diagnostic's range covers in a text. */
function covered(text: string, d: Diagnostic): string {
  const line = text.split('\n')[d.range.start.line] ?? '';
  return line.slice(d.range.start.character, d.range.end.line === d.range.start.line ? d.range.end.character : undefined);
}

const DOC = [
  'REFERAT Økonomiudvalget d. 14-05-2024',
  '',
  'Punkt 1: Budget 2025',
  '',
  '00.13.06-P22-2-23',
  '',
  'Forvaltningens forslag',
  '',
  'Budgettet godkendes.',
  '',
  'Beslutning',
  '',
  'Godkendt. Se [bilaget](#).',
  '',
].join('\n');

const rulesOf = (p: PublishDiagnosticsParams): string[] => p.diagnostics.map((d) => String(d.code)).sort();

describe('configuration over LSP', () => {
  it('publishes a malformed config file\'s problems at the offending keys and applies the valid rest', async () => {
    const config = [
      '{',
      '  // Vores kommune bruger Acadre',
      '  "extends": "acadre",',
      '  "rulez": {},',
      '  "rules": { "empty-link": "off", "missing-sektion": "warning" },',
      '  "caseNumberPatterns": ["SAG(?=-)"]',
      '}',
    ].join('\n');
    const ws = workspace('malformed', config, DOC);
    const client = await start();
    const configDiagnostics = client.waitForDiagnostics(ws.configUri);
    const docDiagnostics = client.waitForDiagnostics(ws.docUri, (p) => p.version === 1);
    await client.open(ws.docUri, ws.docText, 1);

    const cfg = (await configDiagnostics).diagnostics;
    expect(cfg.map((d) => [covered(config, d), d.message, d.severity, d.source, d.code])).toEqual([
      ['"rulez"', 'Ukendt nøgle "rulez". Mente du "rules"?', 1, 'referat', 'config'],
      ['"missing-sektion"', 'Ukendt regel "missing-sektion". Mente du "missing-section"?', 1, 'referat', 'config'],
      [
        '"SAG(?=-)"',
        'Mønsteret SAG(?=-) i "caseNumberPatterns[0]" afvises: det bruger lookahead eller lookbehind ((?=, (?!, (?<=, (?<!), som ikke er tilladt.',
        1,
        'referat',
        'config',
      ],
    ]);
    expect(cfg[0]?.range).toEqual({ start: { line: 3, character: 2 }, end: { line: 3, character: 9 } });

    // The valid parts apply: empty-link is off, the acadre profile refuses a KLE number.
    const doc = await docDiagnostics;
    expect(rulesOf(doc)).toEqual(['case-number-format', 'missing-section']);
    expect(doc.diagnostics.find((d) => d.code === 'case-number-format')?.message).toBe(
      'Sagsnummeret 00.13.06-P22-2-23 har formen "kle", som konfigurationen ikke tillader (tilladt: "acadre").',
    );
  });

  it('cannot be stalled by catastrophic patterns on a long line: they run on RE2', async () => {
    const longLine = `${'a'.repeat(200_000)}!`;
    const doc = [
      'REFERAT Økonomiudvalget d. 14-05-2024',
      '',
      'Punkt 1: Budget',
      '',
      'Sagsnr.: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!',
      '',
      longLine,
      '',
      'Indstilling',
      '',
      'At budgettet godkendes.',
      '',
      'Beslutning',
      '',
      'Godkendt.',
      '',
    ].join('\n');
    const ws = workspace('redos', '{ "caseNumberPatterns": ["(a+)+$", "(?:a|a){40}", "(a|a)*b"] }', doc);
    const client = await start();
    const cfg = client.waitForDiagnostics(ws.configUri);
    const published = client.waitForDiagnostics(ws.docUri, (p) => p.version === 1, 20_000);
    await client.open(ws.docUri, doc, 1);
    // Accepted, as they take linear time on RE2; none matches the case number, which ends in "!".
    expect((await cfg).diagnostics).toEqual([]);
    expect((await published).diagnostics.some((d) => d.code === 'case-number-format')).toBe(true);
    // Still responsive to an edit on the long line.
    const next = client.waitForDiagnostics(ws.docUri, (p) => p.version === 2, 20_000);
    await client.change(ws.docUri, 2, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: 'a' }]);
    await next;
  });

  it('re-lints open documents when the config file changes, with fresh section aliases', async () => {
    const ws = workspace('changing', '{ "extends": "sbsys" }', DOC);
    const client = await start();
    const clean = client.waitForDiagnostics(ws.configUri);
    const first = client.waitForDiagnostics(ws.docUri, (p) => p.version === 1);
    await client.open(ws.docUri, ws.docText, 1);
    expect((await clean).diagnostics).toEqual([]);
    expect(rulesOf(await first)).toEqual(['empty-link', 'missing-section']);

    fs.writeFileSync(ws.configPath, '{ "extends": "sbsys", "sectionAliases": { "Forvaltningens forslag": "indstilling" }, "rules": { "empty-link": "information" }, "locale": "en" }');
    const relinted = client.waitForDiagnostics(ws.docUri, (p) => p.version === 1 && !p.diagnostics.some((d) => d.code === 'missing-section'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.configUri, type: 2 }] });
    const after = await relinted;
    expect(after.diagnostics.map((d) => [d.code, d.severity, d.message])).toEqual([['empty-link', 3, 'The link "bilaget" points nowhere (#).']]);

    // A broken edit is reported in the file; deleting the file clears its diagnostics.
    fs.writeFileSync(ws.configPath, '{ "extends": "sbsys", ');
    const broken = client.waitForDiagnostics(ws.configUri, (p) => p.diagnostics.length > 0);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.configUri, type: 2 }] });
    expect((await broken).diagnostics.map((d) => d.message)).toEqual(['Filen slutter midt i konfigurationen.']);
    fs.rmSync(ws.configPath);
    const gone = client.waitForDiagnostics(ws.configUri, (p) => p.diagnostics.length === 0);
    const defaults = client.waitForDiagnostics(ws.docUri, (p) => p.diagnostics.some((d) => d.code === 'missing-section'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.configUri, type: 3 }] });
    await gone;
    expect(rulesOf(await defaults)).toEqual(['empty-link', 'missing-section']);
  });

  it('ignores custom patterns in an untrusted workspace, says so, and uses them once trusted', async () => {
    const doc = DOC.replace('00.13.06-P22-2-23', 'SAG-2024-17');
    const config = '{\n  "caseNumberPatterns": ["SAG-\\\\d{4}-\\\\d+"]\n}';
    const ws = workspace('untrusted', config, doc);
    const client = await start({ trusted: false });
    const message = client.waitForNotification<ShowMessageParams>('window/showMessage');
    const note = client.waitForDiagnostics(ws.configUri);
    const untrusted = client.waitForDiagnostics(ws.docUri, (p) => p.version === 1);
    await client.open(ws.docUri, doc, 1);
    expect(await message).toEqual({
      type: 3,
      message: 'Egne mønstre (sagsnumre, punktoverskrifter, feltnavne) bruges ikke, fordi arbejdsområdet ikke er betroet (Workspace Trust). Giv arbejdsområdet tillid for at bruge dem.',
    });
    const info = (await note).diagnostics;
    expect(info.map((d) => [covered(config, d), d.severity])).toEqual([['"caseNumberPatterns"', 3]]);
    expect(rulesOf(await untrusted)).toContain('case-number-format');

    const trustedNote = client.waitForDiagnostics(ws.configUri, (p) => p.diagnostics.length === 0);
    const trusted = client.waitForDiagnostics(ws.docUri, (p) => !p.diagnostics.some((d) => d.code === 'case-number-format'));
    await client.notify('referat/workspaceTrusted', { trusted: true });
    await trustedNote;
    expect(rulesOf(await trusted)).not.toContain('case-number-format');
  });

  it('reports a layout it cannot read, and reads it once punktForms in the config file describe it', async () => {
    const doc = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'rules', 'unrecognized-layout', 'bad.referat.txt'), 'utf8');
    const ws = workspace('layout', '{}', doc);
    const client = await start();
    const first = client.waitForDiagnostics(ws.docUri, (p) => p.version === 1);
    await client.open(ws.docUri, doc, 1);
    expect(rulesOf(await first)).toEqual(['unrecognized-layout']);

    fs.writeFileSync(ws.configPath, '{ "punktForms": [{ "pattern": "^§ (\\\\d+) - (.+)$", "example": "§ 1 - Budget" }], "sectionAliases": { "Udvalgets bemærkninger": "beslutning" } }');
    const relinted = client.waitForDiagnostics(ws.docUri, (p) => p.version === 1 && !p.diagnostics.some((d) => d.code === 'unrecognized-layout'));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.configUri, type: 2 }] });
    // Punkt 2 and 3 now lack an Indstilling, as the default requirements say.
    expect(rulesOf(await relinted)).toEqual(['missing-section', 'missing-section']);
    type Sym = { name: string; children?: Sym[] };
    const symbols = await client.request<Sym[]>('textDocument/documentSymbol', { textDocument: { uri: ws.docUri } });
    const all = (ss: Sym[]): Sym[] => ss.flatMap((s) => [s, ...all(s.children ?? [])]);
    expect(all(symbols).map((s) => s.name).filter((n) => n.startsWith('Punkt'))).toEqual(['Punkt 1: Godkendelse af dagsorden', 'Punkt 2: Vejbelysning på Stationsvej', 'Punkt 3: Vintertjeneste 2025-2026']);
  });

  it('reads the referat.* settings, and reports invalid ones', async () => {
    const ws = workspace('settings', '{}', DOC);
    const client = LspClient.start();
    clients.push(client);
    client.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      params.items.map(() => ({ locale: 'en', extends: null, rules: { 'empty-link': 'off' }, members: null, caseNumberShapes: ['acadre', 'firkant'] })),
    );
    const warning = client.waitForNotification<ShowMessageParams>('window/showMessage');
    await client.initialize({ capabilities: { ...DEFAULT_CAPABILITIES, workspace: { configuration: true } } });
    const shown = await warning;
    expect(shown.type).toBe(2);
    expect(shown.message).toContain('referat.caseNumberShapes[1]');
    const published = client.waitForDiagnostics(ws.docUri, (p) => p.version === 1);
    await client.open(ws.docUri, ws.docText, 1);
    const ds = (await published).diagnostics;
    expect(ds.map((d) => d.code).sort()).toEqual(['case-number-format', 'missing-section']);
    expect(ds.find((d) => d.code === 'missing-section')?.message).toBe('Punkt 1 lacks the section Indstilling.');
  });
});
