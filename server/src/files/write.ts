// The one way Referat writes a file back (`referat lint --fix`). See docs/reliability.md,
// "--fix: how a file is written". In short:
//
// - it works on the real path resolved once at the read (FileSnapshot.path) and never
//   follows a symlink it did not choose (O_NOFOLLOW), so a link stays a link and its
//   target gets the new text;
// - a read-only file (no write bit, or no write access) is left alone, also for root;
// - the new bytes go to a temporary file beside the target, created exclusively
//   (O_CREAT|O_EXCL|O_NOFOLLOW) under a random name, with the target's owner and mode,
//   and are synced before the rename;
// - just before the rename the target is checked against the snapshot (same dev and
//   inode, size, mtime, mode, owner, link count and SHA-256 of the content): a change
//   made meanwhile aborts the write and is kept;
// - a hard-linked target (nlink > 1), or one whose owner the temporary file cannot be
//   given, is written in place after the same check, so every name keeps seeing it.
//
// Errors come back as a reason (WriteFailure), never as an exception; the words are in
// l10n/cli.ts.
import { randomBytes } from 'crypto';
import { constants as C, promises as fsp, type Stats } from 'fs';
import type { FileHandle } from 'fs/promises';
import * as path from 'path';
import { encoderFor } from './encode';
import { errorCode, O_NOFOLLOW, sha256, type FileSnapshot } from './read';

export type WriteFailure =
  /** The file has no write permission (or is on a read-only file system): left alone. */
  | 'read-only'
  /** The folder cannot take the temporary file. */
  | 'folder-read-only'
  /** The file changed (or was moved or removed) since it was read: not written. */
  | 'changed'
  /** No encoder for the file's encoding (detail: the encoding). */
  | 'unsupported-encoding'
  | 'no-access'
  | 'no-space'
  /** Anything else (detail: the error code). */
  | 'other';

export type WriteResult = { ok: true; how: 'replaced' | 'in-place' } | { ok: false; reason: WriteFailure; detail?: string };

export interface WriteOptions {
  /**
   * Runs after the new bytes are ready and before the target is checked and replaced
   * (the window in which another program may change the file). For tests.
   */
  beforeCommit?: () => void | Promise<void>;
  /** The random part of the temporary file's name, per attempt. For tests (default: 8 random bytes, hex). */
  randomName?: (attempt: number) => string;
}

/** Tries this many random names before giving up on a temporary file. */
const TEMP_ATTEMPTS = 8;
const O_NONBLOCK: number = C.O_NONBLOCK ?? 0;

/** Writes `text` to the file of `snapshot` (read by readTextFile with `snapshot: true`), in its encoding and with its BOM. */
export async function writeTextFile(snapshot: FileSnapshot, text: string, options: WriteOptions = {}): Promise<WriteResult> {
  const encode = encoderFor(snapshot.encoding);
  if (encode === undefined) return { ok: false, reason: 'unsupported-encoding', detail: snapshot.encoding };
  const bytes = encode(text, snapshot.bom);
  try {
    const readOnly = await writable(snapshot.path, snapshot.mode, 'read-only');
    if (readOnly !== null) return readOnly;
    if (snapshot.nlink > 1) return await writeInPlace(snapshot, bytes, options);
    return await replace(snapshot, bytes, options);
  } catch (error) {
    return writeFailure(error);
  }
}

/** Whether the file (or folder) at `file` may be written: it has a write bit and the process has write access. */
async function writable(file: string, mode: number, reason: 'read-only' | 'folder-read-only'): Promise<WriteResult | null> {
  // Root passes every access check, so the mode's own word counts: no write bit, no write.
  if ((mode & 0o222) === 0) return { ok: false, reason };
  try {
    await fsp.access(file, C.W_OK);
    return null;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { ok: false, reason };
    throw error;
  }
}

/** A temporary file beside the target, then a rename over it. */
async function replace(snapshot: FileSnapshot, bytes: Uint8Array, options: WriteOptions): Promise<WriteResult> {
  const dir = path.dirname(snapshot.path);
  const folder = await writable(dir, (await fsp.stat(dir)).mode, 'folder-read-only');
  if (folder !== null) return folder;
  const created = await createTemp(dir, path.basename(snapshot.path), options.randomName);
  if ('ok' in created) return created;
  const { temp, handle } = created;
  let renamed = false;
  try {
    let ownerKept = true;
    try {
      await handle.writeFile(bytes);
      const made = await handle.stat();
      if (made.uid !== snapshot.uid || made.gid !== snapshot.gid) ownerKept = await handle.chown(snapshot.uid, snapshot.gid).then(() => true, () => false);
      // After chown, which clears set-id bits; the umask does not apply to chmod.
      await handle.chmod(snapshot.mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The temporary file cannot have the target's owner (we are not root): write in place, which keeps it.
    if (!ownerKept) return await writeInPlace(snapshot, bytes, options);
    await options.beforeCommit?.();
    if (!(await checkUnchanged(snapshot))) return { ok: false, reason: 'changed' };
    await fsp.rename(temp, snapshot.path);
    renamed = true;
    await syncFolder(dir);
    return { ok: true, how: 'replaced' };
  } finally {
    if (!renamed) await fsp.rm(temp, { force: true }).catch(() => undefined);
  }
}

/** Creates the temporary file exclusively, never through a link; returns its path, open for writing. */
async function createTemp(
  dir: string,
  base: string,
  randomName: (attempt: number) => string = () => randomBytes(8).toString('hex'),
): Promise<{ temp: string; handle: FileHandle } | WriteResult> {
  // Hidden, and short enough for any file system's name limit.
  const stem = `.${base.slice(0, 100)}`;
  for (let attempt = 0; attempt < TEMP_ATTEMPTS; attempt++) {
    const temp = path.join(dir, `${stem}.${randomName(attempt)}.referat-tmp`);
    try {
      return { temp, handle: await fsp.open(temp, C.O_WRONLY | C.O_CREAT | C.O_EXCL | O_NOFOLLOW, 0o600) };
    } catch (error) {
      const code = errorCode(error);
      // Something (perhaps a planted link) has the name: it is neither followed nor removed; try another.
      if (code === 'EEXIST') continue;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { ok: false, reason: 'folder-read-only' };
      throw error;
    }
  }
  return { ok: false, reason: 'other', detail: 'EEXIST' };
}

/** Writes over the target's own bytes (same inode), after the same check as before a rename. */
async function writeInPlace(snapshot: FileSnapshot, bytes: Uint8Array, options: WriteOptions): Promise<WriteResult> {
  await options.beforeCommit?.();
  let handle;
  try {
    handle = await fsp.open(snapshot.path, C.O_RDWR | O_NOFOLLOW | O_NONBLOCK);
  } catch (error) {
    if (gone(error)) return { ok: false, reason: 'changed' };
    throw error;
  }
  try {
    if (!sameFile(await handle.stat(), snapshot) || sha256(await handle.readFile()) !== snapshot.sha256) return { ok: false, reason: 'changed' };
    await handle.write(bytes, 0, bytes.length, 0);
    await handle.truncate(bytes.length);
    await handle.sync();
    return { ok: true, how: 'in-place' };
  } finally {
    await handle.close();
  }
}

/**
 * Whether the file at the snapshot's path is still the one read: the same file (dev and
 * inode, not a link now), with the same size, mtime, mode, owner and link count, and the
 * same content (SHA-256).
 */
export async function checkUnchanged(snapshot: FileSnapshot): Promise<boolean> {
  let handle;
  try {
    handle = await fsp.open(snapshot.path, C.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (error) {
    if (gone(error)) return false;
    throw error;
  }
  try {
    return sameFile(await handle.stat(), snapshot) && sha256(await handle.readFile()) === snapshot.sha256;
  } finally {
    await handle.close();
  }
}

function sameFile(now: Stats, then: FileSnapshot): boolean {
  return (
    now.isFile() &&
    now.dev === then.dev &&
    now.ino === then.ino &&
    now.size === then.size &&
    now.mtimeMs === then.mtimeMs &&
    now.mode === then.mode &&
    now.uid === then.uid &&
    now.gid === then.gid &&
    now.nlink === then.nlink
  );
}

/** The path no longer names the file read: removed, or replaced by a link (O_NOFOLLOW gives ELOOP). */
function gone(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP';
}

/** The rename reaches the disk with the folder's entry (best effort: not every system can sync a folder). */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await fsp.open(dir, C.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder; the rename itself is done.
  }
}

/** The reason for an error while writing. */
export function writeFailure(error: unknown): { ok: false; reason: WriteFailure; detail?: string } {
  const code = errorCode(error);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return { ok: false, reason: 'no-access' };
    case 'EROFS':
      return { ok: false, reason: 'read-only' };
    case 'ENOSPC':
    case 'EDQUOT':
      return { ok: false, reason: 'no-space' };
    default:
      return { ok: false, reason: 'other', detail: code !== '' ? code : error instanceof Error ? error.name : 'Error' };
  }
}
