// The desktop's answers to what the core asks of the outside (files/host.ts and
// config/store.ts): a file's name is the system's path, file: URIs are Node's own
// (url.fileURLToPath and pathToFileURL, so Windows drive letters and encodings stay as
// they were), and the disk is read by files/read.ts and walked by files/walk.ts. The
// language server (server.ts) and the CLI pass these; the browser has web/clientFiles.ts.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { ConfigFs } from '../config/store';
import type { FileHost, FileNames } from '../files/host';
import { readTextFile } from '../files/read';
import { listFolderFiles, walkReferatFiles } from '../files/walk';

/** The path of a file: URI; null for other schemes and for URIs Node cannot make a path of. */
export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}

/**
 * One spelling per file: editors encode file URIs differently ("c%3A", "%C3%B8"), so
 * the index keys file URIs by their path. Other schemes are kept as they are.
 */
export function normalizeUri(uri: string): string {
  const file = uriToPath(uri);
  return file === null ? uri : pathToUri(file);
}

export const nodeNames: FileNames = {
  fromUri: uriToPath,
  toUri: pathToUri,
  basename: (file) => path.basename(file),
  dirname: (file) => path.dirname(file),
  join: (dir, name) => path.join(dir, name),
  resolve: (file) => path.resolve(file),
  isUnder(folder, file) {
    const rel = path.relative(folder, file);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  },
};

export const nodeFiles: FileHost = {
  names: nodeNames,
  readText: (file, maxBytes) => readTextFile(file, maxBytes),
  walk: (root, maxFiles, filter) => walkReferatFiles(root, maxFiles, filter),
  listFolder: (dir) => listFolderFiles(dir),
};

/** Config files read from disk, synchronously (the store looks up from each document's folder). */
export const nodeConfigFs: ConfigFs = {
  readFile(file) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  isFile(file) {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
};
