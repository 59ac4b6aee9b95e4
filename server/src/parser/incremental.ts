// Stage 7, incremental: re-parsing an edited version from the previous one. An edit
// inside one punkt's body (typing, the common case) changes only that punkt: every other
// stage reads only the lines the scan marks as structural (headings, candidates, case
// numbers, fields, section headings, debris, the TOC) and a few lines around each
// candidate, so when the edit touches none of these, settle, attach, the TOC and the
// header give what they gave before and only the one punkt is built again. Anything
// else falls back to a full parse. Either way the result equals parseReferat(input,
// options); a property test compares them after thousands of random edits.
import type { CaseNumber, Punkt, ReferatModel } from '../model';
import { headBelow, type Head } from './attach';
import { lineStarts, setSource, splitLines } from './lines';
import { finishHeader, finishKind, parseReferat, remember, stateOf, type ParseOptions, type ParseState } from './parse';
import { buildPunkt } from './punkt';
import { readPeople, rereadPunkt } from './people';
import { LineView, scanLines, STRUCTURAL, type Candidate, type ScanResult } from './scan';
import type { SectionHit } from './sectionHeadings';
import type { Heading } from './settle';

/** Lines below a candidate that its evidence, title and case number may read. */
const BELOW = 9;
/** Lines above a candidate that its evidence may read (a list announced, a case number above). */
const ABOVE = 5;

/**
 * The model for `input`, re-using the parse of `previous` (a model parseReferat or
 * reparseReferat returned) when only part of the text changed. Equal to
 * parseReferat(input, options) in every case.
 */
export function reparseReferat(previous: ReferatModel | undefined, input: string, options: ParseOptions = {}): ReferatModel {
  const state = previous !== undefined ? stateOf(previous) : undefined;
  if (previous !== undefined && state !== undefined && sameOptions(state.options, options)) {
    if (state.input === input) return previous;
    const model = incremental(previous, state, input);
    if (model !== null) return model;
  }
  return parseReferat(input, options);
}

function sameOptions(a: ParseOptions, b: ParseOptions): boolean {
  return a === b || (a.sectionAliases === b.sectionAliases && a.punktForms === b.punktForms && a.fieldLabels === b.fieldLabels);
}

/** Length of the common prefix of a and b, compared a block at a time. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (let block = 4096; block >= 16; block >>= 4) {
    while (i + block <= n && a.slice(i, i + block) === b.slice(i, i + block)) i += block;
  }
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Length of the common suffix of a and b, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  let i = 0;
  for (let block = 4096; block >= 16; block >>= 4) {
    while (i + block <= max && a.slice(la - i - block, la - i) === b.slice(lb - i - block, lb - i)) i += block;
  }
  while (i < max && a.charCodeAt(la - 1 - i) === b.charCodeAt(lb - 1 - i)) i++;
  return i;
}

/** The last line that starts at or before `pos`. */
function lineAt(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether some value of the ascending list lies in [from, to]. */
function anyIn(sorted: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && (sorted[lo] as number) <= to;
}

function sameBelow(a: { consumed: number[]; cn: number; last: number }, b: { consumed: number[]; cn: number; last: number }): boolean {
  if (a.cn !== b.cn || a.last !== b.last || a.consumed.length !== b.consumed.length) return false;
  for (let i = 0; i < a.consumed.length; i++) if (a.consumed[i] !== b.consumed[i]) return false;
  return true;
}

/** A deep copy of part of a model with every position `dl` lines further down. */
function shifted<T>(value: T, dl: number): T {
  if (Array.isArray(value)) return value.map((x: unknown) => shifted(x, dl)) as T;
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in obj) {
    const x = obj[key];
    out[key] = key === 'line' && typeof x === 'number' && typeof obj['character'] === 'number' ? x + dl : shifted(x, dl);
  }
  return out as T;
}

function moveHeading(h: Heading, dl: number): Heading {
  return { ...h, startLine: h.startLine + dl, headingLine: h.headingLine + dl, extra: h.extra.map((e) => e + dl) };
}

function moveHead(h: Head, dl: number, cn: CaseNumber | null): Head {
  return { consumed: h.consumed.map((l) => l + dl), cn, start: h.start + dl, last: h.last + dl };
}

/** The model of `input` from the previous parse, or null when the edit may reach beyond one punkt's body. */
function incremental(previous: ReferatModel, old: ParseState, input: string): ReferatModel | null {
  const hasBom = input.charCodeAt(0) === 0xfeff;
  if (hasBom !== previous.hasBom) return null;
  const text = hasBom ? input.slice(1) : input;
  const oldText = old.text;
  const headings = old.settled.headings;
  const K = headings.length;
  if (K === 0 || old.settled.headingForm === 'unnumbered') return null;

  // The changed characters: [p, oldText.length - q) became [p, text.length - q).
  const p = commonPrefix(oldText, text);
  const q = commonSuffix(oldText, text, Math.min(oldText.length, text.length) - p);
  const ov = old.view;
  const starts = lineStarts(ov.lines, oldText);
  // The changed lines, whole: old lines a..b0 become the lines of text[sa, blockEnd).
  const a = lineAt(starts, p);
  const e0 = oldText.length - q;
  const b0 = lineAt(starts, e0);
  const sa = starts[a] as number;
  const endB0 = (starts[b0] as number) + (ov.lines[b0] as string).length;
  if (e0 > endB0) return null; // inside a \r\n
  const delta = text.length - oldText.length;
  const blockEnd = endB0 + delta;
  // A \r and a \n that end up side by side at the edges would join into one line break.
  if (sa > 0 && text.charCodeAt(sa - 1) === 13 && text.charCodeAt(sa) === 10) return null;
  if (blockEnd > 0 && text.charCodeAt(blockEnd - 1) === 13 && text.charCodeAt(blockEnd) === 10) return null;
  const block = splitLines(text.slice(sa, blockEnd));
  const bl = block.length;
  const dl = bl - (b0 - a + 1);

  // The punkt the change is in, below its heading.
  const heads = old.heads;
  let k = K - 1;
  while (k >= 0 && (heads[k] as Head).start > a) k--;
  if (k < 0) return null;
  const h = headings[k] as Heading;
  const head = heads[k] as Head;
  if (a <= head.last) return null;
  const nextStart = k + 1 < K ? (heads[k + 1] as Head).start : ov.n;
  if (b0 >= nextStart) return null;
  // No structural line among the old lines, and (where evidence decides) no candidate near them.
  for (let i = a; i <= b0; i++) if (((ov.cls[i] as number) & STRUCTURAL) !== 0) return null;
  // (A strong heading reads fewer lines than the evidence for a weak one: its title line, its own case number.)
  const weak = old.settled.headingForm !== 'strong';
  if (anyIn(old.settled.candidateLines, a - (weak ? BELOW : 5), b0 + (weak ? ABOVE : 5))) return null;

  // The new lines, scanned as a full parse scans them: none may be structural.
  const n = ov.n + dl;
  const bounds = new Int32Array(3 * n);
  const indent = new Uint16Array(n);
  const cls = new Uint16Array(n);
  bounds.set(ov.bounds.subarray(0, 3 * a));
  bounds.set(ov.bounds.subarray(3 * (b0 + 1)), 3 * (a + bl));
  indent.set(ov.indent.subarray(0, a));
  indent.set(ov.indent.subarray(b0 + 1), a + bl);
  cls.set(ov.cls.subarray(0, a));
  cls.set(ov.cls.subarray(b0 + 1), a + bl);
  // The old lines' section headings: those above the change keep their line, those below move by dl (the changed lines hold none).
  const hits = new Map<number, SectionHit>();
  for (const [line, hit] of ov.hits) if (line < a) hits.set(line, hit);
  for (const [line, hit] of ov.hits) if (line > b0) hits.set(line + dl, hit);
  const lines = ov.lines.slice(0, a).concat(block, ov.lines.slice(b0 + 1));
  const v = new LineView(lines, bounds, indent, cls, hits);
  const scanned: ScanResult = { view: v, candidates: [], debris: [] };
  scanLines(v, a, a + bl, old.dialect, scanned, null);
  if (scanned.candidates.length > 0 || scanned.debris.length > 0) return null;
  for (let i = a; i < a + bl; i++) if (((cls[i] as number) & STRUCTURAL) !== 0) return null;

  // The heading's own lines below it must read the same.
  const nextHeadingStart = k + 1 < K ? (heads[k + 1] as Head).start : ov.n;
  if (!sameBelow(headBelow(ov, h, nextHeadingStart), shiftBelow(headBelow(v, h, k + 1 < K ? nextHeadingStart + dl : n), 0))) return null;
  // The next punkt may take the last line above it for its case number: a line with text
  // must stay between the change and it, unchanged.
  if (k + 1 < K) {
    const nextLine = (heads[k + 1] as Head).start + dl;
    let found = false;
    for (let i = a + bl; i < nextLine && !found; i++) found = !v.empty(i);
    if (!found) return null;
  }

  let newStarts: Int32Array | undefined;
  if (text.indexOf('\r') === -1) {
    newStarts = new Int32Array(n);
    newStarts.set(starts.subarray(0, a));
    let at = sa;
    for (let j = 0; j < bl; j++) {
      newStarts[a + j] = at;
      at += (block[j] as string).length + 1;
    }
    for (let i = b0 + 1; i < ov.n; i++) newStarts[i + dl] = (starts[i] as number) + delta;
  }
  setSource(lines, text, newStarts, { from: ov.lines, a, b0, count: bl });

  // Punkter after the change move by dl lines; the one with the change is built anew.
  const newHeadings = headings.slice(0, k + 1);
  const newHeads = heads.slice(0, k + 1);
  const punkter: Punkt[] = previous.punkter.slice(0, k);
  const ctx = { ...old.ctx, view: v };
  const end = k + 1 < K ? (heads[k + 1] as Head).start + dl : n;
  punkter.push(buildPunkt(ctx, h, head, end));
  for (let j = k + 1; j < K; j++) {
    const moved = dl === 0 ? (previous.punkter[j] as Punkt) : shifted(previous.punkter[j] as Punkt, dl);
    punkter.push(moved);
    const oh = heads[j] as Head;
    newHeadings.push(dl === 0 ? (headings[j] as Heading) : moveHeading(headings[j] as Heading, dl));
    // The punkt's own case number object, so that a later re-parse builds on the same one.
    newHeads.push(dl === 0 ? oh : moveHead(oh, dl, oh.cn === null ? null : (moved.caseNumbers[0] as CaseNumber)));
  }
  const candidates: Candidate[] = dl === 0 ? old.candidates : old.candidates.map((c) => (c.line > b0 ? { ...c, line: c.line + dl } : c));
  const settled = dl === 0 ? old.settled : { ...old.settled, headings: newHeadings, candidateLines: old.settled.candidateLines.map((l) => (l > b0 ? l + dl : l)), tocCandidates: old.settled.tocCandidates };
  const debris = dl === 0 ? previous.debris : previous.debris.map((d) => (d.range.start.line > b0 ? shifted(d, dl) : d));

  const header = finishHeader(old.header, punkter);
  const model: ReferatModel = {
    kind: finishKind(old.header.kind, punkter, old.header.header.committee?.text ?? null),
    title: previous.title,
    header,
    toc: previous.toc,
    punkter,
    debris,
    blocks: previous.blocks,
    recognised: previous.recognised,
    // Names and votes: the edited punkt's read again, the others' moved.
    people: rereadPunkt(previous.people, lines, punkter, k, dl, shifted) ?? readPeople(lines, punkter, header),
    lineCount: n,
    hasBom,
  };
  remember(model, { input, text, options: old.options, dialect: old.dialect, view: v, candidates, settled: { ...settled, headings: newHeadings }, heads: newHeads, header: old.header, ctx });
  return model;
}

function shiftBelow(b: { consumed: number[]; cn: number; last: number }, d: number): { consumed: number[]; cn: number; last: number } {
  return d === 0 ? b : { consumed: b.consumed.map((l) => l + d), cn: b.cn === -1 ? -1 : b.cn + d, last: b.last + d };
}
