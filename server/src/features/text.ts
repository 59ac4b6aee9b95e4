// Line access for the features that read text near the cursor. The server backs it
// with the open TextDocument (no whole-document split per keystroke); tests and the
// CLI back it with a string. Lines are counted as the model counts them: after a BOM.
import { splitLines } from '../parser/lines';

export interface LineSource {
  readonly lineCount: number;
  /** The line without its terminator; '' past the end. */
  lineAt(line: number): string;
  /** The document's line break, "\n" or "\r\n". */
  readonly eol: string;
}

export function linesOf(text: string): LineSource {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = splitLines(body);
  const i = body.indexOf('\n');
  const eol = i > 0 && body.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
  return { lineCount: lines.length, lineAt: (line) => lines[line] ?? '', eol };
}
