// Line-level helpers: splitting, Markdown decoration, searches over a document's lines.
import type { Range } from '../model';

/** The text each array of lines was split from, so that a search can run over the whole text. */
const sources = new WeakMap<readonly string[], string>();

/** Splits on \r\n, \n or \r; the terminators are not kept. */
export function splitLines(text: string): string[] {
  // The engine's native split is several times faster than a loop of slices; a text
  // with no \r (the common case) splits on \n alone.
  const lines = text.indexOf('\r') === -1 ? text.split('\n') : text.split(/\r\n|\r|\n/);
  sources.set(lines, text);
  return lines;
}

/** How an array of lines was made from another by replacing some: lines [a, b0] of `from` became `count` lines at a. */
interface Derivation {
  from: readonly string[];
  a: number;
  b0: number;
  count: number;
}
/** The earlier array is held weakly: versions must not keep each other alive. */
const derivations = new WeakMap<readonly string[], { from: WeakRef<readonly string[]>; a: number; b0: number; count: number }>();

/**
 * Records that `lines` are splitLines(text) although put together otherwise (an
 * incremental parse): from `derived.from` with lines [a, b0] replaced by `count` lines.
 */
export function setSource(lines: readonly string[], text: string, starts?: Int32Array, derived?: Derivation): void {
  sources.set(lines, text);
  if (starts !== undefined) startsCache.set(lines, starts);
  if (derived !== undefined) derivations.set(lines, { from: new WeakRef(derived.from), a: derived.a, b0: derived.b0, count: derived.count });
}

const globalCopies = new WeakMap<RegExp, RegExp>();
const lineCopies = new WeakMap<RegExp, RegExp>();
const startsCache = new WeakMap<readonly string[], Int32Array>();
/** linesMatching's and linesWhere's answers per array of lines and expression or test. */
const matches = new WeakMap<readonly string[], Map<RegExp | LineTest, readonly number[]>>();

export type LineTest = (line: string) => boolean;

/** Records where each line starts, when the splitter has worked it out already. */
export function setLineStarts(lines: readonly string[], starts: Int32Array): void {
  startsCache.set(lines, starts);
}

/** The offset in `text` at which each line starts (computed once per array of lines). */
export function lineStarts(lines: readonly string[], text: string): Int32Array {
  let starts = startsCache.get(lines);
  if (starts === undefined) {
    starts = new Int32Array(lines.length);
    let at = 0;
    for (let i = 0; i < lines.length; i++) {
      starts[i] = at;
      at += (lines[i] as string).length;
      // Past the terminator: \r\n counts two.
      at += text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10 ? 2 : 1;
    }
    startsCache.set(lines, starts);
  }
  return starts;
}

/** `re` without g and y, for testing one line. */
function lineTest(re: RegExp): RegExp {
  let t = lineCopies.get(re);
  if (t === undefined) {
    t = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
    lineCopies.set(re, t);
  }
  return t;
}

/**
 * The indices of the lines in which `re` matches, ascending (do not change the array). `re`
 * must match at least one character and never a line break (^ and $ only with the m flag;
 * no lookaround across a line break): then the answer is the same however it is found.
 * When the lines came from splitLines, one search runs over the whole text, several times
 * faster than a test per line; for lines an incremental parse put together from earlier
 * ones, only the new lines are tested; each answer is kept for the array of lines.
 */
export function linesMatching(lines: readonly string[], re: RegExp): readonly number[] {
  return kept(lines, re, () => findMatching(lines, re));
}

/** The answer kept for this array of lines and key, or computed and kept. */
function kept(lines: readonly string[], key: RegExp | LineTest, compute: () => number[]): readonly number[] {
  let known = matches.get(lines);
  const hit = known?.get(key);
  if (hit !== undefined) return hit;
  const out = compute();
  if (known === undefined) {
    known = new Map();
    matches.set(lines, known);
  }
  known.set(key, out);
  return out;
}

/**
 * The indices of the lines for which `test` holds, ascending (do not change the array).
 * `test` must depend on the line alone. Like linesMatching, the answer is kept per array
 * of lines, and for lines an incremental parse put together only the new ones are tested.
 */
export function linesWhere(lines: readonly string[], test: LineTest): readonly number[] {
  return kept(lines, test, () => {
    const derived = derivedAnswer(lines, test, test);
    if (derived !== null) return derived;
    const out: number[] = [];
    for (let i = 0; i < lines.length; i++) if (test(lines[i] as string)) out.push(i);
    return out;
  });
}

/** The earlier version's answer, with the replaced lines tested anew and the later ones moved; null without one. */
function derivedAnswer(lines: readonly string[], key: RegExp | LineTest, test: LineTest): number[] | null {
  const derived = derivations.get(lines);
  const from = derived?.from.deref();
  const before = from !== undefined ? matches.get(from)?.get(key) : undefined;
  if (derived === undefined || before === undefined) return null;
  const { a, b0, count } = derived;
  const out: number[] = [];
  let k = 0;
  for (; k < before.length && (before[k] as number) < a; k++) out.push(before[k] as number);
  for (let i = a; i < a + count; i++) if (test(lines[i] as string)) out.push(i);
  while (k < before.length && (before[k] as number) <= b0) k++;
  const shift = count - (b0 - a + 1);
  for (; k < before.length; k++) out.push((before[k] as number) + shift);
  return out;
}

function findMatching(lines: readonly string[], re: RegExp): number[] {
  const single = lineTest(re);
  const derived = derivedAnswer(lines, re, (line) => single.test(line));
  if (derived !== null) return derived;
  const out: number[] = [];
  const text = sources.get(lines);
  if (text === undefined) {
    for (let i = 0; i < lines.length; i++) if (single.test(lines[i] as string)) out.push(i);
    return out;
  }
  let g = globalCopies.get(re);
  if (g === undefined) {
    g = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'g');
    globalCopies.set(re, g);
  }
  g.lastIndex = 0;
  const starts = lineStarts(lines, text);
  let line = 0;
  for (let m = g.exec(text); m !== null; m = g.exec(text)) {
    // The last line that starts at or before the match (binary search from the previous one).
    let lo = line;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= m.index) lo = mid;
      else hi = mid - 1;
    }
    line = lo;
    out.push(line);
    // The rest of the line cannot add to the answer.
    if (line + 1 >= lines.length) break;
    g.lastIndex = starts[line + 1] as number;
  }
  return out;
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
const scratch = new Int32Array(3);

export function strip(line: string): Stripped {
  stripBounds(line, scratch, 0);
  const s = scratch[0] as number;
  const e = scratch[1] as number;
  // Only a blank line has its text at 0..0 (any other text ends after 0).
  if (e === 0) return EMPTY;
  const level = scratch[2] as number;
  return { text: line.slice(s, e), start: s, end: e, level: level === 0 ? null : level };
}

/**
 * strip() without building a string or an object: writes the start, the end and the
 * Markdown level (0 for none) of line's text to out[3k], out[3k + 1], out[3k + 2].
 * A blank line gives 0, 0, 0.
 */
export function stripBounds(line: string, out: Int32Array, k: number): void {
  let s = 0;
  let e = line.length;
  while (s < e && isSpace(line.charCodeAt(s))) s++;
  while (e > s && isSpace(line.charCodeAt(e - 1))) e--;
  const at = 3 * k;
  if (s === e) {
    out[at] = 0;
    out[at + 1] = 0;
    out[at + 2] = 0;
    return;
  }
  let level = 0;
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
  if (e - s >= 4 && line.charCodeAt(s) === 42 && line.charCodeAt(s + 1) === 42 && line.charCodeAt(e - 2) === 42 && line.charCodeAt(e - 1) === 42) {
    // No "**" inside the outer pair.
    const inner = line.indexOf('**', s + 2);
    if (inner === -1 || inner > e - 4) {
      s += 2;
      e -= 2;
      while (s < e && isSpace(line.charCodeAt(s))) s++;
      while (e > s && isSpace(line.charCodeAt(e - 1))) e--;
    }
  }
  out[at] = s;
  out[at + 1] = e;
  out[at + 2] = level;
}

/** The spaces stripBounds trims; a range end computed elsewhere must trim the same, or a section could end past its punkt. */
export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || c === 0x200b;
}

export function lineRange(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** toLowerCase of one code unit below U+0100 (the result is one code unit too), or -1 for any other. */
export function foldLatin1(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c < 256) return c >= 0xc0 && c <= 0xde && c !== 0xd7 ? c + 32 : c;
  return -1;
}

/** Whether text starts with `word` (lower case), ignoring case (Latin-1), without building a string. */
export function startsFolded(text: string, word: string): boolean {
  if (text.length < word.length) return false;
  for (let k = 0; k < word.length; k++) if (foldLatin1(text.charCodeAt(k)) !== word.charCodeAt(k)) return false;
  return true;
}

/** Whether text ends with `word` (lower case), ignoring case (Latin-1), without building a string. */
export function endsFolded(text: string, word: string): boolean {
  const at = text.length - word.length;
  if (at < 0) return false;
  for (let k = 0; k < word.length; k++) if (foldLatin1(text.charCodeAt(at + k)) !== word.charCodeAt(k)) return false;
  return true;
}

/** Whether a UTF-16 code unit is whitespace as the regex class \s defines it. */
export function isJsSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The text's first line break: LF, CRLF or a lone CR (old Mac exports); LF when it has none. */
export function lineBreakOf(text: string): '\n' | '\r\n' | '\r' {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr === -1 || (lf !== -1 && lf < cr)) return '\n';
  return lf === cr + 1 ? '\r\n' : '\r';
}

/**
 * `s` without the trailing characters `drop` accepts. A loop, because /[…]+$/ is
 * quadratic over a run of those characters inside the string (each start in the run
 * scans to its end): the fuzzing found 20,000 spaces in a TOC line taking seconds.
 */
export function trimEndWhere(s: string, drop: (c: number) => boolean): string {
  let e = s.length;
  while (e > 0 && drop(s.charCodeAt(e - 1))) e--;
  return e === s.length ? s : s.slice(0, e);
}

/**
 * One case-insensitive pre-filter for a list of words: those that hold another word are
 * dropped ("deltog ikke" has "deltog"), since a line with the longer one has the shorter.
 * Fewer alternatives make the one search over the text faster; the lines found are the same.
 */
/** The text as a literal in a regular expression (also under the u flag, which allows no other escapes). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function wordsPattern(words: readonly string[]): RegExp {
  const all = [...new Set(words.map((w) => w.toLowerCase()))];
  const kept = all.filter((w) => !all.some((o) => o !== w && w.includes(o))).sort();
  return new RegExp(kept.map(escapeRegExp).join('|'), 'i');
}
