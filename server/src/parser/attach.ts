// Stage 3, attach: what sits right around each heading and belongs to it — a title
// printed again on the next line, a case number on its own line below the heading or
// above it (the document settles which), and the lines a field label's value is on.
import type { CaseNumber } from '../model';
import { lineRange } from './lines';
import { C_CAND, C_CASE, C_FIELD, C_LABEL, C_SECTION, C_TOC, type LineView } from './scan';
import { normTitle, type Heading } from './settle';

export interface Head {
  /** Lines below the heading that are the heading's (a repeated title, the case number). */
  consumed: number[];
  /** The case number on its own line below or above the heading. */
  cn: CaseNumber | null;
  /** The punkt's first line (the case number above the heading, when it is there). */
  start: number;
  /** The last line the heading reads below it. */
  last: number;
}

/** How many content lines below a heading belong to it at most. */
const HEAD_LINES = 4;
/** How far (in lines) the search below a heading looks for the next content line. */
const LOOK = 8;

// A number above a heading is taken in these shapes only: a KLE number, year/number,
// a prefix-year-number; a looser shape there is as likely the last line of the punkt before.
const ABOVE_SHAPE = /^\d{2}\.\d{2}\.\d{2}[-A-ZÆØÅ]|^\d{2,3}[-/]\d|^\p{Lu}{2,6}-\d{4}-|^\d{6}-\d{4}$/u;

function headLast(h: Heading): number {
  let last = h.headingLine;
  for (const e of h.extra) if (e > last) last = e;
  return last;
}

/** The lines below a heading that are its own, and the case number among them. */
export function headBelow(view: LineView, h: Heading, nextStart: number): { consumed: number[]; cn: number; last: number } {
  const consumed: number[] = [];
  let cn = -1;
  let last = headLast(h);
  const key = normTitle(h.title);
  let j = view.nextContent(last + 1, LOOK, nextStart);
  for (let k = 0; k < HEAD_LINES && j !== -1; k++) {
    if (view.is(j, C_CAND | C_SECTION | C_TOC)) break;
    if (view.is(j, C_LABEL)) {
      // "Sagsnummer" with the value on the next line: the punkt stage reads both.
      const v = view.nextContent(j + 1, 3, nextStart);
      last = v !== -1 && view.is(v, C_CASE) ? v : j;
      j = view.nextContent(last + 1, LOOK, nextStart);
      continue;
    }
    if (view.is(j, C_FIELD)) {
      last = j;
    } else if (view.is(j, C_CASE) && cn === -1) {
      cn = j;
      consumed.push(j);
      last = j;
    } else if (normTitle(view.txt(j)) === key && key !== '') {
      consumed.push(j);
      last = j;
    } else {
      break;
    }
    j = view.nextContent(j + 1, LOOK, nextStart);
  }
  return { consumed, cn, last };
}

function caseNumberAt(view: LineView, line: number, source: 'line-below' | 'line-above'): CaseNumber {
  return { value: view.txt(line), range: lineRange(line, view.start(line), view.end(line)), source };
}

/**
 * Each heading's own lines and case number. A case number between two headings goes
 * to the heading it is printed with in the rest of the document: below the heading in
 * most systems, above it in some (Faaborg-Midtfyn, Hjørring, SBSYS).
 */
export function attach(view: LineView, headings: readonly Heading[], floor: number): Head[] {
  const K = headings.length;
  const below: { consumed: number[]; cn: number; last: number }[] = [];
  const above: number[] = [];
  let onlyBelow = 0;
  let onlyAbove = 0;
  for (let k = 0; k < K; k++) {
    const h = headings[k] as Heading;
    const nextStart = k + 1 < K ? (headings[k + 1] as Heading).startLine : view.n;
    const b = headBelow(view, h, nextStart);
    below.push(b);
    const prev = k > 0 ? below[k - 1] : undefined;
    const a = view.prevContent(h.startLine, 4);
    // The previous heading's number below may be this one's above (a heading with no text between): it does not bar it.
    const prevLast =
      prev === undefined
        ? floor
        : a !== -1 && a === prev.cn
          ? Math.max(headLast(headings[k - 1] as Heading), ...prev.consumed.filter((l) => l !== a))
          : Math.max(prev.last, headLast(headings[k - 1] as Heading));
    const ok = a !== -1 && a > prevLast && view.is(a, C_CASE) && ABOVE_SHAPE.test(view.txt(a));
    above.push(ok ? a : -1);
    if (b.cn !== -1 && !ok) onlyBelow++;
    if (ok && b.cn === -1) onlyAbove++;
  }
  const preferAbove = onlyAbove > onlyBelow;
  const out: Head[] = [];
  let taken = -1;
  for (let k = 0; k < K; k++) {
    const h = headings[k] as Heading;
    const b = below[k] as { consumed: number[]; cn: number; last: number };
    const a = above[k] as number;
    let consumed = b.consumed;
    let cnLine = -1;
    let start = h.startLine;
    const nextAbove = k + 1 < K ? (above[k + 1] as number) : -1;
    if (preferAbove && a !== -1 && a > taken) {
      cnLine = a;
      start = a;
      // A number below this heading that is the next heading's number above is not this one's.
      if (b.cn !== -1) consumed = consumed.filter((l) => l !== b.cn);
    } else if (b.cn !== -1 && !(preferAbove && b.cn === nextAbove)) {
      cnLine = b.cn;
    } else {
      if (b.cn !== -1) consumed = consumed.filter((l) => l !== b.cn);
      if (a !== -1 && a > taken) {
        cnLine = a;
        start = a;
      }
    }
    if (cnLine !== -1) taken = cnLine;
    const last = consumed.length > 0 || b.last > headLast(h) ? b.last : headLast(h);
    out.push({ consumed, cn: cnLine === -1 ? null : caseNumberAt(view, cnLine, cnLine < h.headingLine ? 'line-above' : 'line-below'), start, last });
  }
  return out;
}
