// "Referat: Klar til offentliggørelse?" over LSP, against the built server: the command
// referat.server.report answers with the open document's report as HTML – the same report
// `referat report --format html` makes, from the cached model and findings of the version
// the editor has – whose links are command: URIs that name the document and the line.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../server/src/features/report';
import { renderReportHtml } from '../../server/src/features/reportHtml';
import { parseReferat } from '../../server/src/parser/parse';
import type { ReportAnswer } from '../../server/src/protocol';
import { VERSION } from '../../server/src/version';
import { lintText } from '../helpers/lintFile';
import { LspClient, ROOT, SERVER } from './lspClient';

const SOURCE = path.join(ROOT, 'test/fixtures/corpus/vesthimmerland-2024-05-14.referat.txt');
const TEXT = fs.readFileSync(SOURCE, 'utf8');
const COMMAND_LINK = /href="command:referat\.revealLine\?([^"]+)"/g;

describe('the publication report in the language server', () => {
  let client: LspClient;
  let dir: string;
  let uri: string;
  const report = (target: unknown): Promise<ReportAnswer> => client.request<ReportAnswer>('workspace/executeCommand', { command: 'referat.server.report', arguments: [target] });

  beforeAll(async () => {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} findes ikke: kør 'node esbuild.mjs' (eller 'npm test') først`);
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'referat-report-')));
    const file = path.join(dir, 'vesthimmerland-2024-05-14.referat.txt');
    fs.writeFileSync(file, TEXT);
    uri = pathToFileURL(file).href;
    client = LspClient.start({ serverPath: SERVER });
    await client.initialize();
    const published = client.waitForDiagnostics(uri);
    await client.open(uri, TEXT);
    await published;
  });
  afterAll(() => {
    client?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is the HTML report of the open document, with command: links to its lines', async () => {
    const answer = await report(uri);
    if (!answer.ok) throw new Error(answer.message);
    expect(answer.verdict).toBe('red');
    expect(answer.title).toBe('Klar til offentliggørelse? vesthimmerland-2024-05-14.referat.txt');
    const reveal = (line: number, character: number): string => `command:referat.revealLine?${encodeURIComponent(JSON.stringify([uri, line, character]))}`;
    const expected = renderReportHtml([buildReport({ file: path.join(dir, 'vesthimmerland-2024-05-14.referat.txt'), model: parseReferat(TEXT), findings: lintText(TEXT) })], {
      locale: 'da',
      generator: `Referat ${VERSION}`,
      href: (_r, range) => reveal(range.start.line, range.start.character),
    });
    expect(answer.html).toBe(expected);
    expect(answer.html).not.toMatch(/<script/i);
    // Every link runs the one command, with the document and a 0-based place in it.
    const links = [...answer.html.matchAll(COMMAND_LINK)].map((m) => JSON.parse(decodeURIComponent((m[1] as string).replace(/&amp;/g, '&'))) as unknown[]);
    expect(links.length).toBeGreaterThan(11);
    expect(answer.html.match(/href="/g)?.length).toBe(links.length);
    for (const [target, line, character] of links) {
      expect(target).toBe(uri);
      expect(Number.isInteger(line) && Number.isInteger(character)).toBe(true);
    }
    // The first punkt's title opens its heading line.
    expect(links).toContainEqual([uri, parseReferat(TEXT).punkter[0]?.headingRange.start.line, 0]);
  });

  it('follows the version the editor has', async () => {
    const fixed = TEXT.replace('Sagsnr.: 00.13.00-P22-2-23', 'Sagsnr.: 00.13.06-P22-2-23');
    expect(fixed).not.toBe(TEXT);
    const published = client.waitForDiagnostics(uri, (p) => p.version === 2);
    await client.change(uri, 2, [{ text: fixed }]);
    await published;
    const answer = await report(uri);
    expect(answer).toMatchObject({ ok: true, verdict: 'yellow' });
  });

  it('says so, in words, for a document that is not open', async () => {
    expect(await report(pathToFileURL(path.join(dir, 'andet.referat.txt')).href)).toEqual({ ok: false, message: 'Åbn et referat for at se, om det er klar til offentliggørelse.' });
    expect(await report(42)).toMatchObject({ ok: false });
  });
});
