// Reading a file as text, for the CLI and the workspace alike: one size limit, one
// decoding (files/decode.ts), and a reason instead of an exception when it cannot be
// read. The words for each reason are in l10n/messages.ts.
import { promises as fsp } from 'fs';
import { binaryFormat, decodeText, type BinaryFormat, type Encoding } from './decode';

export type ReadFailure = 'missing' | 'no-access' | 'is-directory' | 'not-a-file' | 'too-large' | 'binary' | 'symlink-loop' | 'other';

export type ReadResult = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: ReadFailure; detail?: string };

/** No referat is this large; a file above it is refused rather than read into memory. */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;

export async function readTextFile(file: string, maxBytes = MAX_TEXT_FILE_BYTES): Promise<ReadResult> {
  try {
    const stat = await fsp.stat(file);
    if (stat.isDirectory()) return { ok: false, reason: 'is-directory' };
    if (!stat.isFile()) return { ok: false, reason: 'not-a-file' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large', detail: String(maxBytes) };
    const bytes = await fsp.readFile(file);
    if (bytes.length > maxBytes) return { ok: false, reason: 'too-large', detail: String(maxBytes) };
    const decoded = decodeText(bytes);
    if (decoded.ok) return { ok: true, text: decoded.text, encoding: decoded.encoding };
    // A known format says which (the detail); other binary junk is just 'binary'.
    const format = binaryFormat(bytes);
    return format === undefined ? { ok: false, reason: 'binary' } : { ok: false, reason: 'binary', detail: format };
  } catch (error) {
    return failure(error);
  }
}

export type { BinaryFormat };

/** The reason for a file-system error (ENOENT, EACCES …). */
export function failure(error: unknown): { ok: false; reason: ReadFailure; detail?: string } {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
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
      return { ok: false, reason: 'other', detail: error instanceof Error ? error.message : String(error) };
  }
}
