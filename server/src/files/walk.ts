// The one walk over folders for referat files, used by the CLI (`referat lint DIR`) and
// the workspace index alike, so both see the same files. Hidden folders, node_modules
// and build output are skipped; symbolic links to folders are not followed. The result
// is sorted by path (code units), so output is stable across machines.
import { promises as fsp } from 'fs';
import * as path from 'path';
import { isReferatFileName } from './names';

/** Folders never searched (besides hidden ones, whose name starts with "."). */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'dist', 'out', 'build', '__pycache__']);

/** A walk stops after this many referat files. */
export const MAX_WALK_FILES = 20_000;

export interface WalkResult {
  files: string[];
  /** Folders that could not be read, with the error. */
  unreadable: { dir: string; error: unknown }[];
  /** The walk stopped at `maxFiles`. */
  truncated: boolean;
}

export function skipsFolder(name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.has(name);
}

/** Referat files under `root` (the root itself is always read, whatever its name). */
export async function walkReferatFiles(root: string, maxFiles = MAX_WALK_FILES): Promise<WalkResult> {
  const files: string[] = [];
  const unreadable: WalkResult['unreadable'] = [];
  const queue: string[] = [root];
  let truncated = false;
  while (queue.length > 0 && !truncated) {
    const dir = queue.shift() as string;
    let entries;
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ dir, error });
      continue;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!skipsFolder(e.name)) queue.push(full);
      } else if (isReferatFileName(e.name) && (e.isFile() || (e.isSymbolicLink() && (await isFile(full))))) {
        if (files.length >= maxFiles) {
          truncated = true;
          break;
        }
        files.push(full);
      }
    }
  }
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files, unreadable, truncated };
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fsp.stat(file)).isFile();
  } catch {
    return false;
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
