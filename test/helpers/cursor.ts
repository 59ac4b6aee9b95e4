// Cursor markers for table tests: a `|` in the text marks the cursor.
import type { Position } from '../../server/src/model';

export function withCursor(marked: string, marker = '|'): { text: string; position: Position } {
  const at = marked.indexOf(marker);
  if (at < 0 || marked.indexOf(marker, at + 1) >= 0) throw new Error(`exactly one ${marker} expected in ${JSON.stringify(marked)}`);
  const text = marked.slice(0, at) + marked.slice(at + marker.length);
  const before = text.slice(0, at).split(/\r?\n/);
  return { text, position: { line: before.length - 1, character: (before[before.length - 1] as string).length } };
}
