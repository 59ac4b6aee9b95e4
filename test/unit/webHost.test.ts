// What the core asks of the outside, in the browser (files/host.ts uriNames,
// web/clientFiles.ts) and on the desktop (node/host.ts): URIs as the browser's file
// names; the browser's walk over the client's files takes what the disk's walk takes;
// the client's bytes are decoded as the disk's; and the pure code that replaced Node's
// (documentName, the report's SHA-256, base64) answers as Node's did.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Connection } from 'vscode-languageserver';
import { ConfigStore } from '../../server/src/config/store';
import { sha256Base64 } from '../../server/src/features/sha256';
import { encodeSegment, uriNames } from '../../server/src/files/host';
import { walkReferatFiles } from '../../server/src/files/walk';
import { readTextFile } from '../../server/src/files/read';
import { nodeFiles } from '../../server/src/node/host';
import { base64ToBytes, bytesToBase64, FIND_FILES_REQUEST, READ_DIRECTORY_REQUEST, READ_FILE_REQUEST, type FindFilesParams, type ReadFileAnswer, type ReadFileParams } from '../../server/src/protocol';
import { documentName } from '../../server/src/service/service';
import { ClientConfigFiles, clientFiles } from '../../server/src/web/clientFiles';

const TEXT = ['Referat', 'Økonomiudvalget 12-03-2024', '', 'Punkt 1: Budget', 'Sagsnr.: 24/1001', '', 'Indstilling', '', 'Godkendes.', '', 'Beslutning', '', 'Godkendt.', ''].join('\n');

describe('URIs as the browser names files', () => {
  const doc = 'vscode-vfs://github/kommune/referater/2024/M%C3%B8de%20%C3%98U.referat';

  it('takes hierarchical URIs, not untitled ones', () => {
    expect(uriNames.fromUri(doc)).toBe(doc);
    expect(uriNames.fromUri('memfs:/a/b.referat')).toBe('memfs:/a/b.referat');
    expect(uriNames.fromUri('untitled:Untitled-1')).toBeNull();
  });

  it('gives base names decoded, folders up to the authority, and joins names encoded as VS Code writes them', () => {
    expect(uriNames.basename(doc)).toBe('Møde ØU.referat');
    expect(uriNames.dirname(doc)).toBe('vscode-vfs://github/kommune/referater/2024');
    expect(uriNames.dirname('vscode-vfs://github/kommune')).toBe('vscode-vfs://github/');
    expect(uriNames.dirname('vscode-vfs://github/')).toBe('vscode-vfs://github/');
    expect(uriNames.dirname('memfs:/a')).toBe('memfs:/');
    expect(uriNames.join('vscode-vfs://github/kommune/', 'Bilag 1 (ny).pdf')).toBe('vscode-vfs://github/kommune/Bilag%201%20%28ny%29.pdf');
    expect(encodeSegment("a!'()*~-._b")).toBe('a%21%27%28%29%2A~-._b');
    expect(uriNames.isUnder('vscode-vfs://github/kommune', doc)).toBe(true);
    expect(uriNames.isUnder('vscode-vfs://github/kommune/referater/2024/M%C3%B8de%20%C3%98U.referat', doc)).toBe(false);
    expect(uriNames.isUnder('vscode-vfs://github/kom', doc)).toBe(false);
  });

  it('finds the nearest .referatrc.json upward and stops at the root', () => {
    const rc = 'vscode-vfs://github/kommune/.referatrc.json';
    const store = new ConfigStore({ readFile: (f) => (f === rc ? '{ "locale": "en" }' : undefined), isFile: (f) => f === rc }, uriNames);
    expect(store.forDocument(doc).file?.path).toBe(rc);
    expect(store.forDocument(doc).resolved.locale).toBe('en');
    expect(store.forDocument('other://host/a/b.referat').file).toBeNull();
  });
});

describe('documentName, without Node’s path and url', () => {
  /** What it was: the base name of the file: URI's path, else the last part of the URI. */
  const before = (uri: string): string => {
    try {
      if (uri.startsWith('file:')) return path.basename(fileURLToPath(uri));
    } catch {
      // as uriToPath: not a path
    }
    const last = uri.slice(Math.max(uri.lastIndexOf('/'), uri.lastIndexOf(':')) + 1);
    try {
      return decodeURIComponent(last);
    } catch {
      return last;
    }
  };

  it('names a document as before', () => {
    const uris = [
      'file:///tmp/M%C3%B8de.referat',
      'file:///tmp/Møde ØU.referat.txt',
      'file:///a/b%2Fc.referat',
      'file:///a/x:y.referat',
      'file:///a/b.referat?x=1#y',
      'file:///a/%E0.referat',
      'file://server/share/a.referat',
      'file:a.referat',
      'untitled:Dagsorden-1',
      'referat-extract:/a/Dagsorden.pdf',
      'vscode-vfs://github/o/r/Dagsorden%20%C3%98U.referat',
    ];
    for (const uri of uris) expect(documentName(uri), uri).toBe(before(uri));
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, unit: 'grapheme' }).filter((s) => !s.includes('\0')), { minLength: 1, maxLength: 4 }), (parts) => {
        const uri = pathToFileURL(path.join('/tmp', ...parts)).href;
        expect(documentName(uri)).toBe(before(uri));
      }),
    );
  });
});

describe('the pure replacements of node:crypto and Buffer', () => {
  it('hashes as node:crypto does', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => sha256Base64(s) === createHash('sha256').update(s).digest('base64')));
  });

  it('writes and reads base64 as Buffer does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(Buffer.from(base64ToBytes(text)).equals(Buffer.from(bytes))).toBe(true);
      }),
    );
  });
});

/** A connection whose client answers from a folder on disk, by file: URIs, as client/src/workspaceFiles.ts answers from workspace.fs. */
function fakeClient(): { connection: Connection; asked: string[] } {
  const asked: string[] = [];
  const all = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : []));
  const sendRequest = async (method: string, params: unknown): Promise<unknown> => {
    asked.push(method);
    if (method === FIND_FILES_REQUEST) {
      // The globs are the editor's to match: everything under the base comes back, and the walk chooses.
      const p = params as FindFilesParams;
      return all(fileURLToPath(p.base)).map((f) => pathToFileURL(f).href).slice(0, p.maxResults);
    }
    if (method === READ_FILE_REQUEST) {
      const p = params as ReadFileParams;
      const file = fileURLToPath(p.uri);
      if (!fs.existsSync(file)) return { ok: false, reason: 'missing' } satisfies ReadFileAnswer;
      const bytes = fs.readFileSync(file);
      return (bytes.length > p.maxBytes ? { ok: false, reason: 'too-large' } : { ok: true, base64: bytes.toString('base64') }) satisfies ReadFileAnswer;
    }
    if (method === READ_DIRECTORY_REQUEST) return fs.readdirSync(fileURLToPath((params as { uri: string }).uri));
    throw new Error(`unexpected ${method}`);
  };
  const connection = { sendRequest, console: { error: () => undefined } } as unknown as Connection;
  return { connection, asked };
}

describe("the browser's files, through the client", () => {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'referat-webhost-')));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  for (const dir of ['sub', 'node_modules/x', '.git', 'dist', 'konfig']) fs.mkdirSync(path.join(root, dir), { recursive: true });
  const files: Record<string, string | Buffer> = {
    'a.referat.txt': TEXT,
    'B.REFERAT': TEXT,
    'sub/Referat ØU 14-05-2024.txt': TEXT,
    'sub/noter.md': 'Husk kaffe.\n',
    'sub/bilag.pdf': '%PDF-1.4\n',
    'node_modules/x/c.referat': TEXT,
    '.git/d.referat': TEXT,
    'dist/e.referat': TEXT,
    'konfig/.referatrc.json': '\ufeff{ "locale": "en" }',
    'konfig/udvalg.md': TEXT,
    'latin1.referat': Buffer.from('Referat\n\nPunkt 1: K\xf8benhavn\n', 'latin1'),
  };
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(root, name), content);

  it('walks as the disk walks: the same files, the same ones taken by content, with or without include and exclude', async () => {
    const { connection } = fakeClient();
    const web = clientFiles(connection);
    for (const filter of [{}, { include: ['konfig/*.json'] }, { exclude: ['sub/**'] }]) {
      const disk = await walkReferatFiles(root, 1000, filter);
      const browser = await web.walk(pathToFileURL(root).href, 1000, filter);
      expect(browser.files).toEqual(disk.files.map((f) => pathToFileURL(f).href));
      expect([...browser.byContent].sort()).toEqual([...disk.byContent].map((f) => pathToFileURL(f).href).sort());
    }
    expect((await web.walk(pathToFileURL(root).href, 2, {})).files).toHaveLength(2);
  });

  it('reads and decodes as the disk does, and refuses what is too large or missing', async () => {
    const { connection } = fakeClient();
    const web = clientFiles(connection);
    for (const name of ['a.referat.txt', 'latin1.referat', 'sub/bilag.pdf']) {
      expect(await web.readText(pathToFileURL(path.join(root, name)).href), name).toEqual(await nodeFiles.readText(path.join(root, name)));
    }
    expect(await web.readText(pathToFileURL(path.join(root, 'a.referat.txt')).href, 10)).toEqual(await readTextFile(path.join(root, 'a.referat.txt'), 10));
    expect(await web.readText(pathToFileURL(path.join(root, 'none.referat')).href)).toEqual({ ok: false, reason: 'missing' });
    expect((await web.listFolder(pathToFileURL(path.join(root, 'sub')).href)).sort()).toEqual((await nodeFiles.listFolder(path.join(root, 'sub'))).sort());
  });

  it('copies the config files, as fs.readFileSync reads them (a byte order mark stays)', async () => {
    const { connection, asked } = fakeClient();
    const configs = new ClientConfigFiles(connection);
    await configs.load([pathToFileURL(root).href]);
    const rc = pathToFileURL(path.join(root, 'konfig', '.referatrc.json')).href;
    expect(configs.isFile(rc)).toBe(true);
    expect(configs.readFile(rc)).toBe(fs.readFileSync(path.join(root, 'konfig', '.referatrc.json'), 'utf8'));
    expect(configs.isFile(pathToFileURL(path.join(root, '.referatrc.json')).href)).toBe(false);
    // One search, and one read: the other files the search gave are not config files.
    expect(asked).toEqual([FIND_FILES_REQUEST, READ_FILE_REQUEST]);
  });
});
