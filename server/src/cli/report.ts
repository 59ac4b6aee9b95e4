// `referat report`: what the command adds to the report's pure core (features/report*.ts):
// the links of an HTML report made from files on disk, and writing the report to --output.
// The command itself is in main.ts, beside lint and outline, whose file reading it shares.
import { promises as fsp } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Place } from '../files/document';
import { errorCode } from '../files/read';
import type { CliMessages } from '../l10n/cli';
import type { Range } from '../model';

/**
 * The link to a place in a file on disk. A text file opens in VS Code at the line and
 * column (vscode://file/<path>:<line>:<column>; a browser cannot scroll a plain-text file
 * to a line); a PDF opens at its page in the browser's PDF viewer (file:…#page=N); a Word
 * file opens as it is (file:…), Word knows no line to go to.
 */
export function fileHref(file: string, range: Range, place: Place | undefined, format: 'docx' | 'pdf' | undefined): string {
  const url = pathToFileURL(path.resolve(file));
  if (format === 'pdf') return place?.kind === 'page' ? `${url.href}#page=${place.page}` : url.href;
  if (format === 'docx') return url.href;
  return `vscode://file${url.pathname}:${range.start.line + 1}:${range.start.character + 1}`;
}

/** Today as YYYY-MM-DD, in local time: the date the report says it was made. */
export function today(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Writes the report to --output; the reason in the user's words when it cannot. Never one of the documents read. */
export async function writeOutput(output: string, text: string, inputs: readonly string[], words: CliMessages): Promise<string | null> {
  const target = path.resolve(output);
  if (inputs.some((f) => path.resolve(f) === target)) return words.cli.reportOutputFailed(output, words.cli.outputFailure['is-input']);
  try {
    await fsp.writeFile(target, text, 'utf8');
    return null;
  } catch (error) {
    const code = errorCode(error);
    const failure = words.cli.outputFailure;
    const reason =
      code === 'ENOENT' || code === 'ENOTDIR'
        ? failure.missing
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? failure['no-access']
          : code === 'EISDIR'
            ? failure['is-directory']
            : code === 'ENOSPC' || code === 'EDQUOT'
              ? failure['no-space']
              : code !== ''
                ? code
                : String(error);
    return words.cli.reportOutputFailed(output, reason);
  }
}
