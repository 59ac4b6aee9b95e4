// Reading a file as text, for the CLI and the workspace alike: one size limit, one
// decoding (files/decode.ts), and a reason instead of an exception when it cannot be
// read. The words for each reason are in l10n/cli.ts. A read for a later write
// (`snapshot: true`) also returns what files/write.ts needs to write the file back
// safely: its real path, identity, mode, owner and a hash of the bytes read.
import { createHash } from 'crypto';
import { constants as C, promises as fsp } from 'fs';
import { decodeFile, MAX_TEXT_FILE_BYTES, type BinaryFormat, type Encoding } from './decode';

export type ReadFailure = 'missing' | 'no-access' | 'is-directory' | 'not-a-file' | 'too-large' | 'binary' | 'symlink-loop' | 'other';

/** The file as it was read: what a write must find unchanged, and keep. */
export interface FileSnapshot {
  /** The real path (fs.realpath, once, at the read): every later step works on this path. */
  readonly path: string;
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  /** File type and permission bits, as fstat gives them. */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly nlink: number;
  /** SHA-256 of the bytes read, hex. */
  readonly sha256: string;
  readonly encoding: Encoding;
  /** The bytes began with a byte order mark (stripped from the text). */
  readonly bom: boolean;
}

export type ReadResult =
  | { ok: true; text: string; encoding: Encoding; snapshot?: FileSnapshot }
  | { ok: false; reason: ReadFailure; detail?: string };

export { MAX_TEXT_FILE_BYTES } from './decode';

/** Opening never follows a symlink at the last step; on systems without O_NOFOLLOW it is 0. */
export const O_NOFOLLOW: number = C.O_NOFOLLOW ?? 0;
/** Opening a FIFO must not wait for a writer (the fstat after it refuses the FIFO). */
const O_NONBLOCK: number = C.O_NONBLOCK ?? 0;

export interface ReadOptions {
  /** Also return the snapshot a write needs (resolves the real path and hashes the bytes). */
  snapshot?: boolean;
}

export async function readTextFile(file: string, maxBytes = MAX_TEXT_FILE_BYTES, options: ReadOptions = {}): Promise<ReadResult> {
  try {
    const stat = await fsp.stat(file);
    if (stat.isDirectory()) return { ok: false, reason: 'is-directory' };
    if (!stat.isFile()) return { ok: false, reason: 'not-a-file' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', detail: String(maxBytes) };
    // For a write: the real path once, and from here on no symlink is followed.
    const target = options.snapshot === true ? await fsp.realpath(file) : file;
    const flags = C.O_RDONLY | O_NONBLOCK | (options.snapshot === true ? O_NOFOLLOW : 0);
    const handle = await fsp.open(target, flags);
    let bytes: Buffer;
    let after;
    try {
      const before = await handle.stat();
      if (!before.isFile()) return { ok: false, reason: 'not-a-file' };
      if (before.size > maxBytes) return { ok: false, reason: 'too-large', detail: String(maxBytes) };
      bytes = await handle.readFile();
      after = await handle.stat();
    } finally {
      await handle.close();
    }
    if (bytes.length > maxBytes) return { ok: false, reason: 'too-large', detail: String(maxBytes) };
    const decoded = decodeFile(bytes);
    if (!decoded.ok) return decoded;
    if (options.snapshot !== true) return { ok: true, text: decoded.text, encoding: decoded.encoding };
    const snapshot: FileSnapshot = {
      path: target,
      dev: after.dev,
      ino: after.ino,
      // The size of what was read: a file that grew during the read is then found changed.
      size: bytes.length,
      mtimeMs: after.mtimeMs,
      mode: after.mode,
      uid: after.uid,
      gid: after.gid,
      nlink: after.nlink,
      sha256: sha256(bytes),
      encoding: decoded.encoding,
      bom: hasBom(bytes),
    };
    return { ok: true, text: decoded.text, encoding: decoded.encoding, snapshot };
  } catch (error) {
    return failure(error);
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function hasBom(b: Uint8Array): boolean {
  return (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
}

export type { BinaryFormat };

/** The reason for a file-system error (ENOENT, EACCES …). */
export function failure(error: unknown): { ok: false; reason: ReadFailure; detail?: string } {
  const code = errorCode(error);
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { ok: false, reason: 'missing' };
    case 'EACCES':
    case 'EPERM':
      return { ok: false, reason: 'no-access' };
    case 'EISDIR':
      return { ok: false, reason: 'is-directory' };
    case 'ELOOP':
      return { ok: false, reason: 'symlink-loop' };
    default:
      return { ok: false, reason: 'other', detail: code !== '' ? code : error instanceof Error ? error.message : String(error) };
  }
}

/** The `code` of a Node file-system error ('ENOENT'), or ''. */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}
