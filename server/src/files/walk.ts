// The one walk over folders for referat files, used by the CLI (`referat lint DIR`) and
// the workspace index alike, so both see the same files. Hidden folders, node_modules
// and build output are skipped; symbolic links to folders are not followed. A symbolic
// link to a file is taken only when its target lies inside the walked root (the root's
// real path): a link out of the folder is not read, and is listed in `outsideLinks`.
// Each file is visited once, however many links inside the root point at it (the link
// itself is dropped when its target is walked too). The result is sorted by path (code
// units), so output is stable across machines.
import { promises as fsp } from 'fs';
import * as path from 'path';
import { MAX_WALK_FILES, skipsFolder, walkChoice, type WalkFilter } from './names';

export { MAX_WALK_FILES, SKIPPED_FOLDERS, skipsFolder, type WalkFilter } from './names';

export interface WalkResult {
  files: string[];
  /** The files among `files` taken for their .txt or .md name: minutes only if their content says so. */
  byContent: Set<string>;
  /** Folders that could not be read, with the error. */
  unreadable: { dir: string; error: unknown }[];
  /** Symbolic links with a referat name whose target is outside the root (or does not resolve): not read. */
  outsideLinks: string[];
  /** The walk stopped at `maxFiles`. */
  truncated: boolean;
}

/** Whether `target` is `root` or lies under it (both real paths). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Referat files under `root` (the root itself is always read, whatever its name). */
export async function walkReferatFiles(root: string, maxFiles = MAX_WALK_FILES, filter: WalkFilter = {}): Promise<WalkResult> {
  const choose = walkChoice(filter);
  const byContent = new Set<string>();
  const unreadable: WalkResult['unreadable'] = [];
  const outsideLinks: string[] = [];
  let realRoot: string;
  try {
    realRoot = await fsp.realpath(root);
  } catch (error) {
    return { files: [], byContent, unreadable: [{ dir: root, error }], outsideLinks, truncated: false };
  }
  // Each file by its real path: the walked path of a plain file, or the first link to it.
  const byReal = new Map<string, { file: string; link: boolean }>();
  // Folders as walked, with their real paths (no folder link is followed, so the real
  // path of a folder is its root-relative path under the real root).
  const queue: { dir: string; real: string }[] = [{ dir: root, real: realRoot }];
  let truncated = false;
  while (queue.length > 0 && !truncated) {
    const { dir, real } = queue.shift() as { dir: string; real: string };
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
        if (!skipsFolder(e.name)) queue.push({ dir: full, real: path.join(real, e.name) });
        continue;
      }
      const kind = choose(path.relative(root, full).split(path.sep).join('/'), e.name);
      if (kind === null) continue;
      if (kind === 'content') byContent.add(full);
      let target: string;
      if (e.isFile()) target = path.join(real, e.name);
      else if (e.isSymbolicLink()) {
        const resolved = await linkTarget(full, realRoot);
        if (resolved === 'outside') outsideLinks.push(full);
        if (typeof resolved !== 'object') continue;
        target = resolved.inside;
      } else continue;
      const link = !e.isFile();
      const known = byReal.get(target);
      if (known !== undefined) {
        // The file itself wins over a link to it; of two links, the first in path order.
        if ((known.link && !link) || (known.link === link && full < known.file)) byReal.set(target, { file: full, link });
        continue;
      }
      if (byReal.size >= maxFiles) {
        truncated = true;
        break;
      }
      byReal.set(target, { file: full, link });
    }
  }
  const files = [...byReal.values()].map((v) => v.file);
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  outsideLinks.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const kept = new Set(files);
  for (const f of byContent) if (!kept.has(f)) byContent.delete(f);
  return { files, byContent, unreadable, outsideLinks, truncated };
}

/**
 * The real path of a link's target when it is a file inside the root; 'outside' when it
 * resolves outside the root; 'none' when it is no file (a folder, dangling, a loop).
 */
async function linkTarget(link: string, realRoot: string): Promise<{ inside: string } | 'outside' | 'none'> {
  try {
    const target = await fsp.realpath(link);
    if (!isInside(realRoot, target)) return 'outside';
    return (await fsp.stat(target)).isFile() ? { inside: target } : 'none';
  } catch {
    return 'none';
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
