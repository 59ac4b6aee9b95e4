// File-system side of the workspace index: finding referat files under a folder and
// reading them as text, asynchronously, with limits: files above a size cap and
// binary files are skipped, and a walk stops after a maximum number of files.
import { promises as fsp } from 'fs';
import * as path from 'path';
import { decodeText } from '../files/decode';
import { isReferatFileName } from '../files/names';

/** Files larger than this are not indexed (real minutes are far smaller). */
export const MAX_INDEX_FILE_BYTES = 4 * 1024 * 1024;
/** A walk stops after this many referat files. */
export const MAX_INDEX_FILES = 20_000;

/** Directories never searched. */
const SKIP_DIRS = new Set(['node_modules', 'dist', 'out', 'build', '__pycache__']);

/**
 * Referat files under the folder: hidden directories, node_modules and build output
 * are skipped, and symbolic links to directories are not followed.
 */
export async function listReferatFiles(root: string, maxFiles = MAX_INDEX_FILES): Promise<string[]> {
  const found: string[] = [];
  const queue: string[] = [root];
  while (queue.length > 0 && found.length < maxFiles) {
    const dir = queue.shift() as string;
    let entries;
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) queue.push(full);
      } else if ((e.isFile() || e.isSymbolicLink()) && isReferatFileName(e.name)) {
        found.push(full);
        if (found.length >= maxFiles) break;
      }
    }
  }
  return found.sort();
}

export type ReadOutcome = { ok: true; text: string } | { ok: false; reason: 'missing' | 'too-large' | 'binary' | 'not-a-file' };

/** The file as text; too large, binary or unreadable files give a reason instead. */
export async function readReferatText(file: string, maxBytes = MAX_INDEX_FILE_BYTES): Promise<ReadOutcome> {
  try {
    const stat = await fsp.stat(file);
    if (!stat.isFile()) return { ok: false, reason: 'not-a-file' };
    if (stat.size > maxBytes) return { ok: false, reason: 'too-large' };
    const bytes = await fsp.readFile(file);
    if (bytes.length > maxBytes) return { ok: false, reason: 'too-large' };
    const decoded = decodeText(bytes);
    return decoded.ok ? { ok: true, text: decoded.text } : { ok: false, reason: 'binary' };
  } catch {
    return { ok: false, reason: 'missing' };
  }
}

/** The names of the plain files in a folder (for bilag links); empty when unreadable. */
export async function listFolderFiles(dir: string): Promise<string[]> {
  try {
    const entries = await fsp.readdir(dir, { withFileTypes: true });
    return entries.filter((e) => e.isFile() || e.isSymbolicLink()).map((e) => e.name);
  } catch {
    return [];
  }
}
