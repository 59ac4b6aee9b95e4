// Finding what is at a line or position in the model, without scanning the whole
// document: punkter are in document order, so a binary search finds the punkt.
import type { CaseNumber, Position, Punkt, Range, ReferatModel, Section } from '../model';

/** The punkt whose text the line belongs to: the last one starting at or before it. */
export function punktAt(model: ReferatModel, line: number): Punkt | null {
  const list = model.punkter;
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Punkt).range.start.line <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found === -1 ? null : (list[found] as Punkt);
}

/** The next punkt after this one, if any (for "the punkt ends before the next starts"). */
export function punktAfter(model: ReferatModel, punkt: Punkt): Punkt | null {
  const i = model.punkter.indexOf(punkt);
  return i >= 0 ? (model.punkter[i + 1] ?? null) : null;
}

/**
 * The top-level section the line belongs to: the last one whose heading is at or
 * before the line. A line below a section's last text still belongs to it (a blank
 * line being typed on), until the next heading.
 */
export function topSectionAt(punkt: Punkt, line: number): Section | null {
  let found: Section | null = null;
  for (const s of punkt.sections) {
    if (s.headingRange.start.line <= line) found = s;
    else break;
  }
  return found;
}

export function inRange(range: Range, position: Position): boolean {
  const { start, end } = range;
  if (position.line < start.line || position.line > end.line) return false;
  if (position.line === start.line && position.character < start.character) return false;
  if (position.line === end.line && position.character > end.character) return false;
  return true;
}

/** The case number (as the parser read it) under the position. */
export function caseNumberAt(model: ReferatModel, position: Position): CaseNumber | null {
  const punkt = punktAt(model, position.line);
  if (punkt === null) return null;
  for (const c of punkt.caseNumbers) if (inRange(c.range, position)) return c;
  return null;
}

/** Characters a case number is made of. */
function isCaseChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 46 /* . */ ||
    c === 47 /* / */ ||
    c === 45 /* - */ ||
    c === 0x2013 /* – */ ||
    c === 0xc6 ||
    c === 0xd8 ||
    c === 0xc5 ||
    c === 0xe6 ||
    c === 0xf8 ||
    c === 0xe5
  );
}

/** The case-number-like token around a character of a line (at most 60 characters each way). */
export function tokenAt(line: string, character: number): { text: string; start: number; end: number } | null {
  let s = Math.min(character, line.length);
  let e = s;
  const floor = Math.max(0, character - 60);
  const ceil = Math.min(line.length, character + 60);
  while (s > floor && isCaseChar(line.charCodeAt(s - 1))) s--;
  while (e < ceil && isCaseChar(line.charCodeAt(e))) e++;
  // Sentence punctuation is no part of it: "sag 24/19987." or "(-24/1)".
  while (e > s && (line[e - 1] === '.' || line[e - 1] === '-' || line[e - 1] === '/')) e--;
  while (s < e && (line[s] === '.' || line[s] === '-' || line[s] === '/')) s++;
  if (e <= s || character < s || character > e) return null;
  return { text: line.slice(s, e), start: s, end: e };
}
