// The CLI's arguments as files: a file is taken as given, whatever its name; a folder is
// walked for referat files by the one walk the workspace index uses too (files/walk.ts):
// *.referat* by name, .txt and .md files by their content (node/sniff.ts), and the
// include and exclude globs of the folder's configuration.
// CliMessages name the path as the user wrote it, in the user's language.
import { promises as fsp } from 'fs';
import * as path from 'path';
import type { CliMessages } from '../l10n/cli';
import { failure } from '../files/read';
import { REFERAT_SUFFIXES } from '../files/names';
import { MAX_WALK_FILES, walkReferatFiles, type WalkFilter } from '../files/walk';
import { looksLikeMinutesFile } from '../node/sniff';

export const SUFFIX_LIST = REFERAT_SUFFIXES.map((s) => `*${s}`).join(', ');

export interface Expansion {
  /** Files to process, in argument order; folder contents sorted by path. */
  files: string[];
  /** CliMessages for arguments that could not be used. */
  errors: string[];
  /** Notes that are no error (a walk cut short). */
  warnings: string[];
  /** Whether any argument was a folder. */
  sawDirectory: boolean;
}

/** The files named by the arguments; a file named twice (or through a link) is kept once. */
export async function expandArguments(args: readonly string[], words: CliMessages, filterFor: (dir: string) => WalkFilter = () => ({})): Promise<Expansion> {
  const out: Expansion = { files: [], errors: [], warnings: [], sawDirectory: false };
  const seen = new Set<string>();
  const add = async (file: string): Promise<void> => {
    const key = await fsp.realpath(file).catch(() => path.resolve(file));
    if (seen.has(key)) return;
    seen.add(key);
    out.files.push(file);
  };
  for (const arg of args) {
    let stat;
    try {
      stat = await fsp.stat(arg);
    } catch (error) {
      out.errors.push(words.cannotRead(arg, words.readFailure[failure(error).reason]));
      continue;
    }
    if (stat.isDirectory()) {
      out.sawDirectory = true;
      const walk = await walkReferatFiles(arg, MAX_WALK_FILES, filterFor(arg));
      for (const u of walk.unreadable) out.errors.push(words.cannotReadDir(u.dir, words.readFailure[failure(u.error).reason]));
      if (walk.truncated) out.warnings.push(words.walkTruncated(arg, MAX_WALK_FILES));
      for (const link of walk.outsideLinks) out.warnings.push(words.linkOutside(link, arg));
      let taken = 0;
      for (const file of walk.files) {
        // Other .txt and .md files in the folder are left alone.
        if (walk.byContent.has(file) && !(await looksLikeMinutesFile(file))) continue;
        await add(file);
        taken++;
      }
      if (taken === 0 && walk.unreadable.length === 0) out.errors.push(words.noReferatFiles(arg, SUFFIX_LIST));
    } else if (stat.isFile()) {
      await add(arg);
    } else {
      out.errors.push(words.cannotRead(arg, words.readFailure['not-a-file']));
    }
  }
  return out;
}
