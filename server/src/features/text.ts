// Line access for the features that read text near the cursor. The server backs it
// with the open TextDocument (no whole-document split per keystroke); tests and the
// CLI back it with a string. Lines are counted as the model counts them: after a BOM.
import { lineBreakOf, splitLines } from '../parser/lines';

export interface LineSource {
  readonly lineCount: number;
  /** The line without its terminator; '' past the end. */
  lineAt(line: number): string;
  /** The document's line break: "\n", "\r\n" or "\r". */
  readonly eol: string;
}

export function linesOf(text: string): LineSource {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = splitLines(body);
  return { lineCount: lines.length, lineAt: (line) => lines[line] ?? '', eol: lineBreakOf(body) };
}
