// File-system side of the CLI: expanding arguments into files and reading them as text.
// Messages are Danish and name the path as the user wrote it.
import * as fs from 'fs';
import * as path from 'path';
import { decodeText, type Encoding } from '../files/decode';
import { isReferatFileName, REFERAT_SUFFIXES } from '../files/names';

export { REFERAT_SUFFIXES };

export interface Expansion {
  /** Files to process, in argument order; directory contents sorted by path. */
  files: string[];
  /** Danish messages for arguments that could not be used. */
  errors: string[];
  /** Whether any argument was a directory. */
  sawDirectory: boolean;
}

/**
 * Files are taken as given, whatever their name. Directories are searched recursively
 * for *.referat, *.referat.txt and *.referat.md, skipping hidden directories,
 * node_modules and symbolic links to directories. A file named twice is kept once.
 */
export function expandArguments(args: readonly string[]): Expansion {
  const files: string[] = [];
  const errors: string[] = [];
  let sawDirectory = false;
  const seen = new Set<string>();
  const add = (file: string): void => {
    const key = path.resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch (error) {
      errors.push(`kan ikke læse fil '${arg}': ${describeError(error)}`);
      continue;
    }
    if (stat.isDirectory()) {
      sawDirectory = true;
      const found: string[] = [];
      walk(arg, found, errors);
      if (found.length === 0) {
        errors.push(`ingen referatfiler (${REFERAT_SUFFIXES.map((s) => `*${s}`).join(', ')}) i mappen '${arg}'`);
      }
      found.sort(compareCodeUnits).forEach(add);
    } else if (stat.isFile()) {
      add(arg);
    } else {
      errors.push(`kan ikke læse fil '${arg}': er ikke en almindelig fil`);
    }
  }
  return { files, errors, sawDirectory };
}

function walk(dir: string, found: string[], errors: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    errors.push(`kan ikke læse mappen '${dir}': ${describeError(error)}`);
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(full, found, errors);
    } else if (isReferatFileName(entry.name)) {
      if (entry.isFile()) found.push(full);
      else if (entry.isSymbolicLink() && isFileQuietly(full)) found.push(full);
    }
  }
}

function isFileQuietly(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type ReadResult =
  | { ok: true; text: string; encoding: Encoding; warnings: string[] }
  | { ok: false; error: string };

/** Reads a file as text: BOM stripped; NUL bytes mean it is not a text file. */
export function readTextFile(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { ok: false, error: `kan ikke læse fil '${file}': ${describeError(error)}` };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, error: `kan ikke læse fil '${file}': ligner ikke en tekstfil` };
  const warnings =
    decoded.encoding === 'windows-1252' ? [`advarsel: '${file}' er ikke gyldig UTF-8 og er læst som Windows-1252`] : [];
  return { ok: true, text: decoded.text, encoding: decoded.encoding, warnings };
}

export function describeError(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'findes ikke';
    case 'EACCES':
    case 'EPERM':
      return 'ingen adgang';
    case 'EISDIR':
      return 'er en mappe';
    case 'ELOOP':
      return 'for mange symbolske links';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
