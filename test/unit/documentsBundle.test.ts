// Word and PDF in the built CLI (`node dist/cli.js`, after `node esbuild.mjs`): mammoth
// and pdf.js come from the lazy bundles in dist/lazy/, which the packed extension carries
// (it has no node_modules), and the language server's bundle carries neither.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../server/src/cli/main';
import { parseReferat } from '../../server/src/parser/parse';
import { docxFromText, pdfFromText } from '../helpers/documents';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const SOURCE = path.join(ROOT, 'test/fixtures/corpus/ringkobing-skjern-2022-08-18.referat.txt');

describe('Word and PDF in the bundles', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-docs-bundle-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the language server bundle has neither mammoth nor pdf.js; the CLI loads them from dist/lazy', () => {
    const server = fs.readFileSync(path.join(DIST, 'server.js'), 'utf8');
    expect(server).not.toMatch(/mammoth|pdfjs|pdf\.worker|WorkerMessageHandler/);
    const cli = fs.readFileSync(path.join(DIST, 'cli.js'), 'utf8');
    // Only the readers' own few lines: pdf.js's document proxy and mammoth's OOXML relationships are in the lazy bundles.
    expect(cli).not.toMatch(/PDFDocumentProxy|officeDocument/);
    expect(server).not.toMatch(/PDFDocumentProxy|officeDocument/);
    for (const name of ['documents', 'mammoth', 'pdfjs', 'pdfjs-worker']) expect(fs.existsSync(path.join(DIST, 'lazy', `${name}.js`)), name).toBe(true);
    // The readers themselves (files/extract.ts) are a lazy bundle too, which both main bundles require on first use.
    for (const bundle of [server, cli]) expect(bundle).toContain('./lazy/documents.js');
    const readers = fs.readFileSync(path.join(DIST, 'lazy', 'documents.js'), 'utf8');
    expect(readers).toContain('end of central directory');
    for (const bundle of [server, cli]) expect(bundle).not.toContain('end of central directory');
  });

  it.each(['docx', 'pdf'] as const)('node dist/cli.js reads a .%s as the sources do, with nothing on stderr but the summary', async (format) => {
    const text = fs.readFileSync(SOURCE, 'utf8');
    const file = path.join(dir, `ringkobing.${format}`);
    fs.writeFileSync(file, format === 'docx' ? (await docxFromText(text, parseReferat(text))).bytes : (await pdfFromText(text, { header: 'Beskæftigelsesudvalget 18-08-2022' })).bytes);
    const res = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), 'lint', file], { cwd: dir, encoding: 'utf8' });
    let out = '';
    let err = '';
    const code = await main(['lint', file], { out: (t) => (out += t), err: (t) => (err += t) });
    expect(res.stdout).toBe(out);
    expect(res.stdout).toMatch(format === 'pdf' ? /\.pdf:side \d+:linje \d+ warning export-debris / : /\.docx:afsnit \d+ warning export-debris /);
    expect(res.stderr).toBe(err);
    expect(res.stderr).toMatch(/^1 fil\(er\): \d+ fejl, \d+ advarsel\(er\), \d+ information\(er\), \d+ tip\n$/);
    expect(res.status).toBe(code);
  }, 60_000);
});
