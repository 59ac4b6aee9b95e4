// The folder walk and symbolic links (issue 12, case 9): a link out of the walked root is
// not read (a file named as an argument still is); links inside the root are fine, but
// no file is visited twice and no link makes a loop.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { walkReferatFiles } from '../../server/src/files/walk';
import { runCli } from '../helpers/cli';

const TEXT = ['Referat', 'Økonomiudvalget 12-03-2024', '', 'Punkt 1: Budget', 'Sagsnr.: 24/1001', '', 'Indstilling', '', 'Godkendes.', '', 'Beslutning', '', 'Godkendt.', ''].join('\n');

const run = runCli;

describe('symbolic links in the folder walk', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-walk-'));
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));
  const root = path.join(base, 'root');
  const outside = path.join(base, 'outside');
  fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(root, 'a.referat.txt'), TEXT);
  fs.writeFileSync(path.join(root, 'sub', 'b.referat.txt'), TEXT);
  const secret = path.join(outside, 'secret.referat.txt');
  fs.writeFileSync(secret, TEXT);
  fs.symlinkSync(secret, path.join(root, 'out.referat.txt'));
  fs.symlinkSync(path.join('..', '..', 'outside', 'secret.referat.txt'), path.join(root, 'sub', 'relative-out.referat.txt'));
  fs.symlinkSync(outside, path.join(root, 'outside-dir'));
  // Inside the root: a second name for a.referat.txt, a link to a folder of the root, and a loop.
  fs.symlinkSync('a.referat.txt', path.join(root, 'alias.referat.txt'));
  fs.symlinkSync(path.join('..', 'sub'), path.join(root, 'sub', 'self'));
  fs.symlinkSync('loop.referat.txt', path.join(root, 'loop.referat.txt'));

  it('walk: a symlink pointing outside the folder is not read', async () => {
    const walk = await walkReferatFiles(root);
    expect(walk.files.map((f) => path.relative(root, f))).toEqual(['a.referat.txt', path.join('sub', 'b.referat.txt')]);
    expect(walk.outsideLinks.map((f) => path.relative(root, f))).toEqual(['out.referat.txt', path.join('sub', 'relative-out.referat.txt')]);
  });

  it('walk: links inside the root cause no double visit and no loop', async () => {
    const walk = await walkReferatFiles(root);
    expect(new Set(walk.files).size).toBe(walk.files.length);
    expect(walk.files).not.toContain(path.join(root, 'alias.referat.txt'));
    expect(walk.unreadable).toEqual([]);
    // A link is kept when it is the only way to its file inside the root.
    const only = path.join(base, 'only');
    fs.mkdirSync(path.join(only, 'node_modules'), { recursive: true });
    fs.writeFileSync(path.join(only, 'node_modules', 'hidden.referat'), TEXT);
    fs.symlinkSync(path.join('node_modules', 'hidden.referat'), path.join(only, 'shown.referat'));
    expect((await walkReferatFiles(only)).files).toEqual([path.join(only, 'shown.referat')]);
  });

  it('walk: a root reached through a symlink is walked as the folder it is', async () => {
    const rootLink = path.join(base, 'root-link');
    fs.symlinkSync(root, rootLink);
    const walk = await walkReferatFiles(rootLink);
    expect(walk.files).toEqual([path.join(rootLink, 'a.referat.txt'), path.join(rootLink, 'sub', 'b.referat.txt')]);
    expect(walk.outsideLinks).toHaveLength(2);
  });

  it('walk: the CLI skips a link out of the folder with a note, but reads a file named as an argument', async () => {
    const folder = await run('lint', '--format', 'json', root);
    expect(folder.code).toBe(0);
    const files = (JSON.parse(folder.out) as { file: string }[]).map((r) => path.relative(root, r.file));
    expect(files).toEqual(['a.referat.txt', path.join('sub', 'b.referat.txt')]);
    expect(folder.err).toContain(`springer over '${path.join(root, 'out.referat.txt')}': et symbolsk link til en fil uden for mappen '${root}'`);
    const named = await run('lint', '--format', 'json', path.join(root, 'out.referat.txt'));
    expect(named.code).toBe(0);
    expect((JSON.parse(named.out) as { file: string }[]).map((r) => r.file)).toEqual([path.join(root, 'out.referat.txt')]);
    // A file named and also found in the folder (here through a link) is linted once.
    const both = await run('lint', '--format', 'json', path.join(root, 'alias.referat.txt'), root);
    expect((JSON.parse(both.out) as unknown[]).length).toBe(2);
  });
});
