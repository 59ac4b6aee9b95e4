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
import picomatch from 'picomatch';
import { fileNameKind, isMinutesDocumentName } from './names';

/** Folders never searched (besides hidden ones, whose name starts with "."). */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'dist', 'out', 'build', '__pycache__']);

/** A walk stops after this many referat files. */
export const MAX_WALK_FILES = 20_000;

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

export function skipsFolder(name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.has(name);
}

/** Whether `target` is `root` or lies under it (both real paths). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Globs over the path relative to the walked root ("/" between folders): `include` takes any name, `exclude` drops. */
export interface WalkFilter {
  include?: readonly string[];
  exclude?: readonly string[];
  /** Also take Word and PDF files whose name says they are minutes (files/names.ts; the CLI reads them). */
  documents?: boolean;
}

function globTest(globs: readonly string[] | undefined): ((rel: string) => boolean) | null {
  if (globs === undefined || globs.length === 0) return null;
  // dot: a glob may name hidden files; nocase: Windows and macOS users write names as they see them.
  const m = picomatch([...globs], { dot: true, nocase: true });
  return (rel) => m(rel);
}

/** Referat files under `root` (the root itself is always read, whatever its name). */
export async function walkReferatFiles(root: string, maxFiles = MAX_WALK_FILES, filter: WalkFilter = {}): Promise<WalkResult> {
  const included = globTest(filter.include);
  const excluded = globTest(filter.exclude);
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
      const rel = path.relative(root, full).split(path.sep).join('/');
      if (excluded?.(rel) === true) continue;
      const kind = included?.(rel) === true || (filter.documents === true && isMinutesDocumentName(e.name)) ? 'name' : fileNameKind(e.name);
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
