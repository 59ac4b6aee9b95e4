// Small text helpers shared by the line-level rules (encoding-damage,
// merged-headings, list-numbering, empty-link). All are linear and allocation-light.
import type { Range } from '../model';

export function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** A letter in any script (cheap path for ASCII). */
export function isLetter(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /\p{L}/u.test(String.fromCharCode(code));
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Space, tab, NBSP and the invisible spaces exports leave. */
export function isBlankChar(code: number): boolean {
  return code === 32 || code === 9 || code === 0xa0 || code === 0xfeff || code === 0x200b;
}

export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (!isBlankChar(line.charCodeAt(i))) return false;
  return true;
}

// Punctuation trimmed from the ends of a quoted word: quotes, brackets, sentence marks.
const EDGE = new Set([...'"\'()[]{}<>.,;:!?»«”“„’‘*_'].map((c) => c.charCodeAt(0)));

/**
 * The whitespace-delimited word around [start, end) with surrounding punctuation
 * trimmed, but never trimming into the damaged span. At most `max` characters are
 * looked at on each side, so a huge line without spaces stays cheap.
 */
export function wordAround(line: string, start: number, end: number, max = 40): { text: string; start: number; end: number } {
  let s = start;
  const sFloor = Math.max(0, start - max);
  while (s > sFloor && !isBlankChar(line.charCodeAt(s - 1))) s--;
  let e = end;
  const eCeil = Math.min(line.length, end + max);
  while (e < eCeil && !isBlankChar(line.charCodeAt(e))) e++;
  while (s < start && EDGE.has(line.charCodeAt(s))) s++;
  while (e > end && EDGE.has(line.charCodeAt(e - 1))) e--;
  return { text: line.slice(s, e), start: s, end: e };
}

/** '"a", "b", "c"': quoted and comma-separated (no conjunction, so one string serves both locales). */
export function quotedList(items: readonly string[]): string {
  return items.map((x) => `"${x}"`).join(', ');
}

/** Leading indentation in columns (a tab counts as 4). */
export function indentOf(line: string): { width: number; end: number } {
  let w = 0;
  let i = 0;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 32 || c === 0xa0) w++;
    else if (c === 9) w += 4 - (w % 4);
    else break;
  }
  return { width: w, end: i };
}
