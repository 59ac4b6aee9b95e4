// A numbered list that repeats or skips a number (1, 2, 2, 3, 4).
//
// An item is a line "1. text", "2) text" or "- 1) text". A list is a run of
// items at the same indentation (and with or without the bullet in front).
// Blank lines, bullet lines ("- …", "• …") and more-indented lines between items
// do not end it; a plain line at the list's indentation or less, a Markdown
// heading, a punkt heading and the Indholdsfortegnelse do. One pass over the lines.
import type { ReferatModel } from '../model';
import { linesWhere } from '../parser/lines';
import { defineRule, type Finding, type TextEdit } from './types';
import { indentOf, isDigit, range } from './textUtil';

interface Item {
  line: number;
  /** Offsets of the digits in the line. */
  start: number;
  end: number;
  n: number;
}

interface List {
  indent: number;
  bulleted: boolean;
  items: Item[];
  /** The first item that breaks the sequence, and how. */
  broken: { index: number; kind: 'repeat' | 'skip' | 'back' } | null;
}

// Words after "1." that make the line a sentence ("1. kvartal 2024 viste …",
// "12. maj blev …"), not a list item.
const ORDINAL_WORDS = new Set([
  'januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dec',
  'kvartal', 'halvår', 'halvårsperiode', 'klasse', 'klassetrin', 'behandling', 'gang', 'sal', 'sals', 'udgave', 'runde', 'periode',
]);

function isBulletChar(c: number): boolean {
  return c === 45 /* - */ || c === 42 /* * */ || c === 0x2022 /* • */ || c === 0x2013 /* – */ || c === 0xb7 /* · */ || c === 0x25aa /* ▪ */;
}

/**
 * Whether a line may start an item (parseItem may return one): after the indentation a
 * digit, or a bullet, a space and a digit. Lines that fail it change nothing while no
 * list is open.
 */
function mayStartItem(line: string): boolean {
  let f = 0;
  while (f < line.length && isIndentChar(line.charCodeAt(f))) f++;
  let c = line.charCodeAt(f);
  if (isBulletChar(c) && isSpaceChar(line.charCodeAt(f + 1))) {
    f++;
    while (isSpaceChar(line.charCodeAt(f))) f++;
    c = line.charCodeAt(f);
  }
  return isDigit(c);
}

/** What indentOf counts as indentation. */
function isIndentChar(c: number): boolean {
  return c === 32 || c === 0xa0 || c === 9;
}

function isSpaceChar(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

/** Parses "1. text", "2) text", "- 1) text" after the indentation; null when not an item. */
function parseItem(line: string, from: number, ln: number): { item: Item; bulleted: boolean } | null {
  let i = from;
  let bulleted = false;
  if (isBulletChar(line.charCodeAt(i)) && isSpaceChar(line.charCodeAt(i + 1))) {
    i += 1;
    while (isSpaceChar(line.charCodeAt(i))) i++;
    bulleted = true;
  }
  const start = i;
  while (i < line.length && i - start < 4 && isDigit(line.charCodeAt(i))) i++;
  const end = i;
  if (end === start || end - start > 3) return null;
  const delim = line.charCodeAt(i);
  if (delim !== 46 /* . */ && delim !== 41 /* ) */) return null;
  i++;
  if (!isSpaceChar(line.charCodeAt(i))) return null;
  while (isSpaceChar(line.charCodeAt(i))) i++;
  if (i >= line.length) return null;
  // "12. maj 2024 …", "1. kvartal …": a sentence, not an item.
  let w = i;
  while (w < line.length && w - i < 16) {
    const c = line.charCodeAt(w);
    if (!((c >= 97 && c <= 122) || c === 0xe6 || c === 0xf8 || c === 0xe5)) break;
    w++;
  }
  if (w > i && ORDINAL_WORDS.has(line.slice(i, w))) return null;
  return { item: { line: ln, start, end, n: Number(line.slice(start, end)) }, bulleted };
}

/** Lines that end every list and are never items: punkt headings and the TOC. */
function boundaryLines(model: ReferatModel): Set<number> {
  const set = new Set<number>();
  for (const p of model.punkter) set.add(p.headingRange.start.line);
  if (model.toc !== null) for (let l = model.toc.range.start.line; l <= model.toc.range.end.line; l++) set.add(l);
  return set;
}

function report(list: List, out: Finding[]): void {
  const b = list.broken;
  if (b === null) return;
  const items = list.items;
  const first = (items[0] as Item).n;
  // Markdown's lazy numbering ("1. 1. 1.") is written that way on purpose.
  if (items.every((it) => it.n === first)) return;
  const item = items[b.index] as Item;
  const previous = (items[b.index - 1] as Item).n;
  const expected = first + b.index;
  const edits: TextEdit[] = [];
  items.forEach((it, k) => {
    if (it.n !== first + k) edits.push({ range: range(it.line, it.start, it.end), newText: String(first + k) });
  });
  out.push({
    messageId: b.kind,
    args: { number: item.n, previous, expected },
    range: range(item.line, item.start, item.end),
    data: { kind: b.kind, number: item.n, expected, start: first, items: items.length },
    fix: { messageId: 'fix', args: { start: first }, edits, safe: true },
  });
}

export default defineRule({
  id: 'list-numbering',
  description: {
    da: 'En nummereret liste, der gentager eller springer et nummer over (1, 2, 2, 3).',
    en: 'A numbered list that repeats or skips a number (1, 2, 2, 3).',
  },
  defaultSeverity: 'warning',
  tags: ['eksport', 'tekst'],
  fixable: true,
  messages: {
    da: {
      repeat: 'Listen gentager nummer {number}; forventet {expected}.',
      skip: 'Listen springer fra {previous} til {number}; forventet {expected}.',
      back: 'Listen går tilbage fra {previous} til {number}; forventet {expected}.',
      fix: 'Nummerér listen fortløbende fra {start}',
    },
    en: {
      repeat: 'The list repeats number {number}; expected {expected}.',
      skip: 'The list jumps from {previous} to {number}; expected {expected}.',
      back: 'The list goes back from {previous} to {number}; expected {expected}.',
      fix: 'Number the list consecutively from {start}',
    },
  },
  check({ model, lines }) {
    const out: Finding[] = [];
    const boundaries = boundaryLines(model);
    // Open lists, innermost (deepest indentation) last.
    const open: List[] = [];
    const closeWhile = (deeperThan: number, inclusive: boolean): void => {
      for (let top = open[open.length - 1]; top !== undefined && (inclusive ? top.indent >= deeperThan : top.indent > deeperThan); top = open[open.length - 1]) {
        report(top, out);
        open.pop();
      }
    };

    // While no list is open only a line that may start an item matters: jump from one
    // such line to the next (the lines are found once per version of the text).
    const itemLines = linesWhere(lines, mayStartItem);
    let next = 0;
    for (let ln = 0; ln < lines.length; ln++) {
      if (open.length === 0) {
        while (next < itemLines.length && (itemLines[next] as number) < ln) next++;
        if (next === itemLines.length) break;
        ln = itemLines[next] as number;
      }
      const line = lines[ln] as string;
      const ind = indentOf(line);
      if (ind.end >= line.length) continue; // blank
      if (boundaries.has(ln)) {
        closeWhile(-1, false);
        continue;
      }
      const c = line.charCodeAt(ind.end);
      const parsed = c === 35 /* # */ ? null : parseItem(line, ind.end, ln);
      if (parsed === null) {
        // A bullet line only ends lists nested deeper than it; a plain line
        // (or a Markdown heading) ends lists at its indentation and deeper.
        const bullet = isBulletChar(c) && isSpaceChar(line.charCodeAt(ind.end + 1));
        closeWhile(ind.width, !bullet);
        continue;
      }
      const { item, bulleted } = parsed;
      closeWhile(ind.width, false);
      let list: List | undefined;
      for (let k = open.length - 1; k >= 0 && (open[k] as List).indent === ind.width; k--) {
        if ((open[k] as List).bulleted === bulleted) {
          list = open[k];
          break;
        }
      }
      if (list !== undefined) {
        const first = (list.items[0] as Item).n;
        const prev = (list.items[list.items.length - 1] as Item).n;
        const expected = first + list.items.length;
        if (item.n !== expected && item.n <= first && item.n < prev) {
          // "1. 2. 3." then "1. 2.": a new list that starts over.
          report(list, out);
          open.splice(open.indexOf(list), 1);
          list = undefined;
        } else if (item.n !== expected && list.broken === null) {
          list.broken = { index: list.items.length, kind: item.n === prev ? 'repeat' : item.n > expected ? 'skip' : 'back' };
        }
      }
      if (list === undefined) open.push({ indent: ind.width, bulleted, items: [item], broken: null });
      else list.items.push(item);
    }
    closeWhile(-1, false);
    out.sort((a, b) => a.range.start.line - b.range.start.line);
    return out;
  },
});
