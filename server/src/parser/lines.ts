// Line-level helpers: splitting, Markdown decoration, export debris.
import type { Debris, Range } from '../model';

/** Splits on \r\n, \n or \r; the terminators are not kept. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lines.push(text.slice(start, i));
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lines.push(text.slice(start));
  return lines;
}

/** A line with Markdown heading marks and bold removed. */
export interface Stripped {
  text: string;
  /** Offsets of `text` in the raw line. */
  start: number;
  end: number;
  /** Markdown heading level, or null. */
  level: number | null;
}

const EMPTY: Stripped = { text: '', start: 0, end: 0, level: null };

export function strip(line: string): Stripped {
  let s = 0;
  let e = line.length;
  while (s < e && isSpace(line.charCodeAt(s))) s++;
  while (e > s && isSpace(line.charCodeAt(e - 1))) e--;
  if (s === e) return EMPTY;
  let level: number | null = null;
  if (line.charCodeAt(s) === 35 /* # */) {
    let h = s;
    while (h < e && line.charCodeAt(h) === 35) h++;
    const count = h - s;
    if (count <= 6 && (h === e || isSpace(line.charCodeAt(h)))) {
      level = count;
      s = h;
      while (s < e && isSpace(line.charCodeAt(s))) s++;
    }
  }
  // Whole-line bold: "**Punkt 8: …**" or "## **Bilag**".
  if (e - s >= 4 && line.startsWith('**', s) && line.startsWith('**', e - 2)) {
    const inner = line.slice(s + 2, e - 2);
    if (!inner.includes('**')) {
      s += 2;
      e -= 2;
      while (s < e && isSpace(line.charCodeAt(s))) s++;
      while (e > s && isSpace(line.charCodeAt(e - 1))) e--;
    }
  }
  return { text: line.slice(s, e), start: s, end: e, level };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || c === 0x200b;
}

export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

const CONTROLS = new Set([
  'kopier link til punktet',
  'kopier link til punktet - print',
  'kopier link',
  'til toppen',
  'tilbage til toppen',
  'gå til toppen',
  'udskriv',
  'print',
  'fold alle ud',
  'fold alle sammen',
  'fold ud',
  'fold sammen',
  'vis alle',
  'skjul alle',
  'gå til indhold',
  'spring til indhold',
  'spring til hovedindhold',
]);

const COOKIE =
  /^(?:vi bruger cookies|denne (?:hjemme)?side bruger cookies|accepter(?: alle)? cookies|afvis(?: alle)? cookies|tillad alle cookies|tilpas cookies|cookie-?indstillinger|cookiepolitik|brug af cookies)\b/;

/** Classifies a stripped line as web-export debris, or null. */
export function debrisKind(text: string): Debris['kind'] | null {
  if (text.length > 200) return null;
  const norm = text.toLowerCase().replace(/\s+/g, ' ').replace(/\s*-\s*/g, ' - ');
  if (CONTROLS.has(norm)) return 'export-control';
  if (COOKIE.test(norm)) return 'cookie';
  return null;
}
