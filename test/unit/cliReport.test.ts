// `referat report` in this process (cli/main.ts): its formats, --output, its language and
// its exit codes – 0 when every meeting may be published (green or yellow), 1 when one is
// red or could not be read, 2 for wrong usage, unreadable input or an output it cannot write.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileHref } from '../../server/src/cli/report';
import type { MeetingReport } from '../../server/src/features/report';
import { pdfFromText } from '../helpers/documents';
import { runCli } from '../helpers/cli';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.join(ROOT, 'test/fixtures/corpus');
const VEJEN = path.join(CORPUS, 'vejen-2023-11-28.referat.txt');
const VEST = path.join(CORPUS, 'vesthimmerland-2024-05-14.referat.txt');

const run = runCli;

describe('referat report', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-report-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a text report per meeting and a total; exit 1 when a meeting is red', async () => {
    const r = await run('report', CORPUS);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out.match(/^test\/fixtures\/corpus\/|^\/.*\/test\/fixtures\/corpus\//gm)).toHaveLength(5);
    expect(r.out).toMatch(/^ {2}Rød – ikke klar til offentliggørelse: 1 fejl, 14 advarsler$/m);
    expect(r.out).toMatch(/\n5 møder: 1 grøn, 3 gule, 1 rød, 0 ukendte\n$/);
  });

  it('exits 0 for a green or yellow meeting', async () => {
    const green = await run('report', VEJEN);
    expect(green.code).toBe(0);
    expect(green.out).toMatch(/^ {2}Grøn – klar til offentliggørelse: ingen fejl eller advarsler$/m);
    expect(green.out).not.toMatch(/møder:/);
    expect((await run('report', path.join(CORPUS, 'viborg-2024-08-12.referat.md'))).code).toBe(0);
  });

  it('exits 1 for a document it could not read: never a clean bill of health', async () => {
    const file = path.join(dir, 'noter.referat.txt');
    fs.writeFileSync(file, 'Husk kaffe til mødet.\n');
    const r = await run('report', '--format', 'json', file);
    expect(r.code).toBe(1);
    const [report] = JSON.parse(r.out) as MeetingReport[];
    expect([report?.verdict, report?.unread]).toEqual(['unknown', 'no-punkter']);
  });

  it('writes JSON: always a list, 0-based ranges, the same punkter as outline', async () => {
    const r = await run('report', '--format', 'json', VEST);
    const list = JSON.parse(r.out) as MeetingReport[];
    expect(list).toHaveLength(1);
    const outline = JSON.parse((await run('outline', VEST)).out) as { punkter: { number: number; range: { start: { line: number } } }[] };
    expect(list[0]?.punkter.map((p) => p.number)).toEqual(outline.punkter.map((p) => p.number));
    expect(list[0]?.punkter[0]?.range.start.line).toBe(outline.punkter[0]?.range.start.line);
    expect(list[0]?.rules[0]).toEqual({ rule: 'case-number-mismatch', severity: 'error', count: 1 });
    expect((JSON.parse((await run('report', '--format', 'json', CORPUS)).out) as unknown[]).length).toBe(5);
  });

  it('writes one self-contained HTML file with -o/--output, with links that open each line in VS Code', async () => {
    const out = path.join(dir, 'rapport.html');
    for (const flag of ['-o', '--output']) {
      fs.rmSync(out, { force: true });
      const r = await run('report', '--format', 'html', flag, out, VEST);
      expect(r).toMatchObject({ code: 1, out: '', err: '' });
      const html = fs.readFileSync(out, 'utf8');
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="da">/);
      expect(html).not.toMatch(/<script/i);
      expect(html.match(/<tr class="punkt /g)).toHaveLength(11);
      expect(html).toContain(`href="vscode://file${encodeURI(VEST.split(path.sep).join('/'))}:29:10"`);
      expect(html).toMatch(/<footer>Lavet af Referat \d+\.\d+\.\d+ den \d+\. [a-zæøå]+ \d{4}\.<\/footer>/);
    }
    // Text and JSON go to the file just as well.
    expect((await run('report', '-o', out, VEJEN)).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toMatch(/^.*vejen-2023-11-28\.referat\.txt\n {2}Grøn/);
  });

  it('speaks English with --locale en, before or after the command', async () => {
    for (const argv of [['report', '--locale', 'en', VEST], ['--locale', 'en', 'report', VEST]]) {
      const r = await run(...argv);
      expect(r.out).toMatch(/^ {2}Red – not ready for publication: 1 error, 14 warnings$/m);
      expect(r.out).toMatch(/^ {2}Meeting date: 14 May 2024$/m);
      expect(r.out).not.toMatch(/Mødedato|linje \d/);
    }
    const html = await run('report', '--format', 'html', '--locale', 'en', VEJEN);
    expect(html.out).toMatch(/<html lang="en">/);
    expect((await run('report', '--help', '--locale', 'en')).out).toMatch(/^Usage: referat report /);
  });

  it('reads a PDF as lint does, and links each place to its page', async () => {
    const text = fs.readFileSync(VEST, 'utf8');
    const file = path.join(dir, 'Referat BEU 14-05-2024.pdf');
    fs.writeFileSync(file, (await pdfFromText(text, { header: 'Beskæftigelsesudvalget 14-05-2024' })).bytes);
    const r = await run('report', '--format', 'html', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/>side \d+:linje \d+</);
    expect(r.out).toMatch(/href="file:\/\/\/[^"]+\.pdf#page=\d+"/);
    const json = JSON.parse((await run('report', '--format', 'json', file)).out) as MeetingReport[];
    expect(json[0]?.format).toBe('pdf');
    expect(json[0]?.punkter[0]?.place).toMatchObject({ kind: 'page' });
  });

  it('reports what cannot be used, with exit code 2', async () => {
    expect(await run('report')).toMatchObject({ code: 2, err: "referat report: ingen filer angivet\nSe 'referat report --help'.\n" });
    expect((await run('report', '--format', 'sarif', VEJEN)).err).toMatch(/ugyldig værdi 'sarif' til '--format' \(brug text eller json eller html\)/);
    expect((await run('report', '-o', VEJEN)).err).toMatch(/ingen filer angivet/);
    const missing = await run('report', path.join(dir, 'nope.referat.txt'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/kan ikke læse fil '.*nope\.referat\.txt': findes ikke/);
    const noFolder = await run('report', '-o', path.join(dir, 'ingen', 'mappe', 'r.html'), VEJEN);
    expect(noFolder).toMatchObject({ code: 2, out: '' });
    expect(noFolder.err).toMatch(/kan ikke skrive rapporten til '.*r\.html': mappen findes ikke/);
    // Never over one of the documents it reads.
    const copy = path.join(dir, 'kopi.referat.txt');
    fs.copyFileSync(VEJEN, copy);
    const over = await run('report', '--format', 'html', '-o', copy, copy);
    expect(over.code).toBe(2);
    expect(over.err).toMatch(/filen er et af de dokumenter, rapporten læser/);
    expect(fs.readFileSync(copy, 'utf8')).toBe(fs.readFileSync(VEJEN, 'utf8'));
    expect((await run('--help')).out).toMatch(/^ {2}report +Er mødet klar til offentliggørelse\?/m);
  });
});

describe('the links of a report made from files', () => {
  const range = { start: { line: 11, character: 4 }, end: { line: 11, character: 9 } };
  it('open a text file in VS Code at the line and column, a PDF at its page, a Word file as it is', () => {
    expect(fileHref('/a/Møde ØU.referat.txt', range, undefined, undefined)).toBe('vscode://file/a/M%C3%B8de%20%C3%98U.referat.txt:12:5');
    expect(fileHref('/a/R.pdf', range, { kind: 'page', page: 3, line: 7 }, 'pdf')).toBe('file:///a/R.pdf#page=3');
    expect(fileHref('/a/R.docx', range, { kind: 'paragraph', paragraph: 40, line: 1 }, 'docx')).toBe('file:///a/R.docx');
  });
});
