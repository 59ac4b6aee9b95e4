// `referat lint --fix` writes through one path, files/write.ts (issue 12). Each case the
// black-box probe found has a test named after it: planted links, a change made while
// the fix ran, read-only files and folders, symlinks and hard links, owner and mode,
// and encodings that cannot be written yet. Real temporary folders, the CLI in process.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type Io } from '../../server/src/cli/main';
import { readTextFile, type FileSnapshot } from '../../server/src/files/read';
import { checkUnchanged, writeTextFile } from '../../server/src/files/write';

/** A referat with one safe fix: the export debris "Til toppen" (line 11). */
const TEXT = ['Referat', 'Økonomiudvalget 12-03-2024', '', 'Punkt 1: Budget', 'Sagsnr.: 24/1001', '', 'Indstilling', '', 'Godkendes.', '', 'Til toppen', '', 'Beslutning', '', 'Godkendt.', ''].join('\n');
const FIXED = TEXT.replace('Til toppen\n\n', '');
const IS_ROOT = process.getuid?.() === 0;

async function run(argv: string[], hook?: Io['beforeWrite']): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t), ...(hook === undefined ? {} : { beforeWrite: hook }) };
  const code = await main(argv, io);
  return { code, out, err };
}

async function snapshotOf(file: string): Promise<FileSnapshot> {
  const read = await readTextFile(file, undefined, { snapshot: true });
  if (!read.ok || read.snapshot === undefined) throw new Error(`cannot read ${file}`);
  return read.snapshot;
}

/** The names in a folder that are not the ones given (a temporary file left behind). */
const leftovers = (dir: string, ...known: string[]): string[] => fs.readdirSync(dir).filter((n) => !known.includes(n));

describe('lint --fix: how a file is written', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-fix-'));
  afterAll(() => {
    // Read-only folders first get their write bit back, so the cleanup can remove them.
    const walk = (d: string): void => {
      fs.chmodSync(d, 0o755);
      for (const e of fs.readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) walk(path.join(d, e.name));
    };
    walk(base);
    fs.rmSync(base, { recursive: true, force: true });
  });
  let n = 0;
  /** A fresh folder with the referat in it. */
  const fresh = (text: string | Buffer = TEXT, name = 'm.referat.txt'): { dir: string; file: string } => {
    const dir = path.join(base, `case-${++n}`);
    fs.mkdirSync(dir);
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return { dir, file };
  };

  it('fix: writes the fix and says so (the path that every case below guards)', async () => {
    const { dir, file } = fresh();
    const r = await run(['lint', '--fix', file]);
    expect(r.err).toMatch(/^rettet: .*m\.referat\.txt:11:1 export-debris /m);
    expect(fs.readFileSync(file, 'utf8')).toBe(FIXED);
    expect(leftovers(dir, 'm.referat.txt')).toEqual([]);
  });

  it('fix: a planted symlink at the temp name is not followed', async () => {
    const { dir, file } = fresh();
    const victim = path.join(base, `victim-${n}.txt`);
    fs.writeFileSync(victim, 'unrelated\n');
    // The name the old code used, and the first name the write path will try here.
    const oldName = `${file}.referat-${process.pid}.tmp`;
    const planted = path.join(dir, '.m.referat.txt.planted.referat-tmp');
    fs.symlinkSync(victim, oldName);
    fs.symlinkSync(victim, planted);
    const names = ['planted', 'fresh'];
    const written = await writeTextFile(await snapshotOf(file), FIXED, { randomName: (i) => names[i] ?? `x${i}` });
    expect(written).toEqual({ ok: true, how: 'replaced' });
    expect(fs.readFileSync(victim, 'utf8')).toBe('unrelated\n');
    expect(fs.lstatSync(file).isFile()).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(FIXED);
    expect(fs.readlinkSync(planted)).toBe(victim);
    expect(leftovers(dir, 'm.referat.txt', path.basename(oldName), path.basename(planted))).toEqual([]);
    // And through the CLI, with the old predictable name planted.
    fs.writeFileSync(file, TEXT);
    await run(['lint', '--fix', file]);
    expect(fs.readFileSync(victim, 'utf8')).toBe('unrelated\n');
    expect(fs.lstatSync(file).isFile()).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(FIXED);
  });

  it('fix: a line appended to the file while the fix ran is kept, and the fix is aborted', async () => {
    const { dir, file } = fresh();
    const written = await writeTextFile(await snapshotOf(file), FIXED, { beforeCommit: () => fs.appendFileSync(file, 'Tilføjet imens.\n') });
    expect(written).toEqual({ ok: false, reason: 'changed' });
    expect(fs.readFileSync(file, 'utf8')).toBe(`${TEXT}Tilføjet imens.\n`);
    expect(leftovers(dir, 'm.referat.txt')).toEqual([]);
    // Through the CLI: a message naming the file, the findings still printed, exit 2.
    fs.writeFileSync(file, TEXT);
    const r = await run(['lint', '--fix', file], (f) => fs.appendFileSync(f, 'Tilføjet imens.\n'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`referat: retter ikke '${file}': filen blev ændret af et andet program, mens den blev rettet; ændringen er bevaret`);
    expect(r.err).not.toMatch(/^rettet:/m);
    expect(r.out).toMatch(/m\.referat\.txt:11:1 warning export-debris /);
    expect(fs.readFileSync(file, 'utf8')).toBe(`${TEXT}Tilføjet imens.\n`);
    const en = await run(['lint', '--fix', '--locale', 'en', file], (f) => fs.appendFileSync(f, 'Again.\n'));
    expect(en.err).toContain(`referat: not fixing '${file}': another program changed the file while it was being fixed; that change is kept`);
  });

  it('fix: a change of the same size and mtime is still seen (the content is compared)', async () => {
    const { file } = fresh();
    // Whole seconds, so that utimes can set the very same mtime again.
    const when = 1_700_000_000;
    fs.utimesSync(file, when, when);
    const snapshot = await snapshotOf(file);
    fs.writeFileSync(file, TEXT.replace('Budget', 'Bud-et'));
    fs.utimesSync(file, when, when);
    expect(fs.statSync(file).mtimeMs).toBe(snapshot.mtimeMs);
    expect(fs.statSync(file).size).toBe(snapshot.size);
    expect(await checkUnchanged(snapshot)).toBe(false);
    fs.writeFileSync(file, TEXT);
    fs.utimesSync(file, when, when);
    expect(await checkUnchanged(snapshot)).toBe(true);
  });

  it('fix: a file replaced, or swapped for a symlink, while the fix ran is not overwritten', async () => {
    const { dir, file } = fresh();
    const victim = path.join(base, `victim-${n}.txt`);
    fs.writeFileSync(victim, TEXT);
    const swapped = await writeTextFile(await snapshotOf(file), FIXED, {
      beforeCommit: () => {
        fs.rmSync(file);
        fs.symlinkSync(victim, file);
      },
    });
    expect(swapped).toEqual({ ok: false, reason: 'changed' });
    expect(fs.readFileSync(victim, 'utf8')).toBe(TEXT);
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(true);
    fs.rmSync(file);
    fs.writeFileSync(file, TEXT);
    // An editor's save: the same text under a new inode.
    const replaced = await writeTextFile(await snapshotOf(file), FIXED, {
      beforeCommit: () => {
        fs.writeFileSync(`${file}.new`, TEXT);
        fs.renameSync(`${file}.new`, file);
      },
    });
    expect(replaced).toEqual({ ok: false, reason: 'changed' });
    expect(fs.readFileSync(file, 'utf8')).toBe(TEXT);
    expect(leftovers(dir, 'm.referat.txt')).toEqual([]);
  });

  it('fix: a read-only (mode 444) file is left alone, reported, its findings printed, exit 2', async () => {
    const { file } = fresh();
    fs.chmodSync(file, 0o444);
    const r = await run(['lint', '--fix', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`referat: retter ikke '${file}': filen er skrivebeskyttet, så den er ladt urørt (fundene er vist)`);
    expect(r.out).toMatch(/m\.referat\.txt:11:1 warning export-debris /);
    expect(fs.readFileSync(file, 'utf8')).toBe(TEXT);
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
    expect((await run(['lint', '--fix', '--locale', 'en', file])).err).toContain(`not fixing '${file}': the file is read-only, so it was left alone`);
  });

  it('fix: a symlinked document stays a symlink, and its target gets the fix', async () => {
    const { dir, file } = fresh();
    const other = path.join(base, `elsewhere-${n}`);
    fs.mkdirSync(other);
    const target = path.join(other, 'real.referat.txt');
    fs.renameSync(file, target);
    fs.symlinkSync(target, file);
    const r = await run(['lint', '--fix', file]);
    expect(r.err).toMatch(/^rettet: /m);
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(file)).toBe(target);
    expect(fs.readFileSync(target, 'utf8')).toBe(FIXED);
    expect(leftovers(dir, 'm.referat.txt')).toEqual([]);
    expect(leftovers(other, 'real.referat.txt')).toEqual([]);
  });

  it('fix: a hard link is kept: both names see the fix, and the inode is the same', async () => {
    const { dir, file } = fresh();
    const second = path.join(dir, 'second-name.txt');
    fs.linkSync(file, second);
    const inode = fs.statSync(file).ino;
    const r = await run(['lint', '--fix', file]);
    expect(r.err).toMatch(/^rettet: /m);
    expect(fs.statSync(file).ino).toBe(inode);
    expect(fs.statSync(file).nlink).toBe(2);
    expect(fs.readFileSync(file, 'utf8')).toBe(FIXED);
    expect(fs.readFileSync(second, 'utf8')).toBe(FIXED);
    expect(leftovers(dir, 'm.referat.txt', 'second-name.txt')).toEqual([]);
    // In place, too, a change made meanwhile aborts the write.
    fs.writeFileSync(file, TEXT);
    const written = await writeTextFile(await snapshotOf(file), FIXED, { beforeCommit: () => fs.appendFileSync(second, 'Mere.\n') });
    expect(written).toEqual({ ok: false, reason: 'changed' });
    expect(fs.readFileSync(file, 'utf8')).toBe(`${TEXT}Mere.\n`);
  });

  it('fix: the mode is kept', async () => {
    const { file } = fresh();
    fs.chmodSync(file, 0o640);
    await run(['lint', '--fix', file]);
    expect(fs.readFileSync(file, 'utf8')).toBe(FIXED);
    expect(fs.statSync(file).mode & 0o7777).toBe(0o640);
  });

  it.skipIf(!IS_ROOT)('fix: a file owned by another user keeps its owner (run as root)', async () => {
    const { file } = fresh();
    fs.chownSync(file, 1234, 1234);
    fs.chmodSync(file, 0o664);
    const r = await run(['lint', '--fix', file]);
    expect(r.err).toMatch(/^rettet: /m);
    expect(fs.readFileSync(file, 'utf8')).toBe(FIXED);
    const st = fs.statSync(file);
    expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([1234, 1234, 0o664]);
  });

  it('fix: in a read-only folder the file is reported by name, its findings printed, exit 2', async () => {
    const { dir, file } = fresh();
    const ok = path.join(base, `ok-${n}.referat.txt`);
    fs.writeFileSync(ok, TEXT);
    fs.chmodSync(dir, 0o555);
    try {
      const r = await run(['lint', '--fix', file, ok]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`referat: retter ikke '${file}': mappen er skrivebeskyttet, så filen kan ikke erstattes; den er ladt urørt (fundene er vist)`);
      expect(r.err).not.toMatch(/EACCES|intern fejl|internal error/);
      expect(r.out).toMatch(/m\.referat\.txt:11:1 warning export-debris /);
      expect(fs.readFileSync(file, 'utf8')).toBe(TEXT);
      // The other file is still fixed.
      expect(fs.readFileSync(ok, 'utf8')).toBe(FIXED);
    } finally {
      fs.chmodSync(dir, 0o755);
    }
  });

  it('fix: a UTF-16 or Windows-1252 file is written back in its encoding; UTF-8 with stray bytes is refused with a clear message and exit 2, its findings printed', async () => {
    // Since issue 13 (test/unit/fileEncodings.test.ts has every encoding, byte for byte).
    const utf16 = fresh(Buffer.from(`\ufeff${TEXT}`, 'utf16le'), 'u16.referat.txt');
    const cp1252 = fresh(Buffer.from(TEXT, 'latin1'), 'cp.referat.txt');
    for (const [{ file }, bytes] of [[utf16, Buffer.from(`\ufeff${FIXED}`, 'utf16le')], [cp1252, Buffer.from(FIXED, 'latin1')]] as const) {
      const r = await run(['lint', '--fix', file]);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/^rettet: .*:11:1 export-debris /m);
      expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    }
    const stray = fresh(Buffer.concat([Buffer.from(TEXT), Buffer.from([0xe6])]), 'stray.referat.txt');
    const before = fs.readFileSync(stray.file);
    const r = await run(['lint', '--fix', stray.file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`referat: retter ikke '${stray.file}': filen er UTF-8 med ugyldige bytes, og en rettelse ville skrive de ugyldige bytes som �; den er ladt urørt (fundene er vist)`);
    expect(r.out).toMatch(/:11:1 warning export-debris /);
    expect(fs.readFileSync(stray.file).equals(before)).toBe(true);
    // Nothing to fix, nothing refused: the exit code is the findings' own.
    const clean = fresh(Buffer.concat([Buffer.from(FIXED), Buffer.from([0xe6])]), 'clean.referat.txt');
    const c = await run(['lint', '--fix', clean.file]);
    expect(c.err).not.toContain('retter ikke');
    expect(c.code).not.toBe(2);
  });

  it('fix: the BOM and CRLF line ends are kept', async () => {
    const { file } = fresh(`\ufeff${TEXT.replace(/\n/g, '\r\n')}`);
    await run(['lint', '--fix', file]);
    expect(fs.readFileSync(file, 'utf8')).toBe(`\ufeff${FIXED.replace(/\n/g, '\r\n')}`);
  });
});
