// A parsed document as a text tree a reviewer can hold against the document: the header
// (kind, title, committee, dates, time, place, members, absent), the TOC, each punkt with
// its heading form, case numbers, fields, attendance and section tree, then debris, unheaded
// blocks and what the parser recognised. Positions are 1-based lines, [L12] or [L12-L40]
// (first to last line covered); a column is added (L12:5) only where a range does not start
// at the line's start or does not end at its end, so each range shown is exact.
// readOutlineTree reads the punkter and the TOC back for the editor tests (test/editors,
// test/vscode), which check what editors show against the reviewed trees.
// Type imports only: the editor test bundles import this file too.
import type { Attendance, CaseNumber, Member, Position, Range, ReferatModel, Section, TextSpan } from '../../server/src/model';

/** Renders the model of `text` (parseReferat(text)); `file` is the name on the first line. */
export function outlineTree(file: string, model: ReferatModel, text: string): string {
  const lines = (model.hasBom ? text.slice(1) : text).split(/\r\n|\r|\n/);
  const at = (r: Range): string => span(r, lines);
  const out: string[] = [];
  const h = model.header;
  out.push(`file: ${file}`);
  out.push(`kind: ${model.kind}${model.hasBom ? ' (BOM)' : ''}`);
  out.push(`title: ${spanText(model.title, at)}`);
  out.push(`committee: ${spanText(h.committee, at)}`);
  out.push(`meetingDate: ${h.meetingDate ?? '-'}`);
  out.push(`dates:${h.dates.length === 0 ? ' -' : ''}`);
  for (const d of h.dates) {
    const parsed = [d.iso ?? 'no such date', ...(d.weekday === null ? [] : [d.weekday])].join(', ');
    out.push(`  ${d.source}: ${d.text} = ${parsed}  ${at(d.range)}`);
  }
  out.push(`time: ${spanText(h.time, at)}`);
  out.push(`place: ${spanText(h.place, at)}`);
  memberList('members', h.members, at, out);
  memberList('absent', h.absent, at, out);
  const toc = model.toc;
  if (toc === null) out.push('toc: -');
  else {
    out.push(`toc: ${toc.heading.text}  ${at(toc.range)}`);
    for (const e of toc.entries) {
      out.push(`  - ${e.number === null ? '' : `[nr. ${e.number}] `}${e.title}${e.page === null ? '' : `  (s. ${e.page})`}  ${at(e.range)}`);
    }
  }
  out.push(`punkter: ${model.punkter.length}`);
  for (const p of model.punkter) {
    out.push(`punkt ${p.number ?? '?'}: ${p.title}  ${at(p.range)}`);
    const heading = [p.form, ...(p.level === null ? [] : [`h${p.level}`]), ...(p.classMarker === null ? [] : [`class ${p.classMarker}`]), ...(p.closed ? ['closed'] : [])];
    out.push(`  heading: ${heading.join(', ')}  ${at(p.headingRange)}`);
    for (const c of p.caseNumbers) out.push(`  ${caseLine(c, at)}`);
    for (const f of p.fields) out.push(`  field ${f.name} (${f.key}): ${f.value === '' ? '(empty)' : f.value}  ${at(f.range)}`);
    for (const a of p.attendance) out.push(`  ${attendanceLine(a, at)}`);
    if (p.recommendation !== undefined) out.push(`  recommendation (at-clauses outside an Indstilling)  ${at(p.recommendation)}`);
    sectionLines(p.sections, '  ', at, out);
  }
  out.push(`debris:${model.debris.length === 0 ? ' -' : ''}`);
  for (const d of model.debris) out.push(`  - ${d.kind}${d.glued === true ? ' (glued)' : ''}: ${quote(d.text)}  ${at(d.range)}`);
  out.push(`blocks:${model.blocks.length === 0 ? ' -' : ''}`);
  for (const b of model.blocks) {
    out.push(`  - block, ${b.sections} ${b.sections === 1 ? 'section' : 'sections'}  ${at(b.range)}`);
    for (const c of b.caseNumbers) out.push(`    ${caseLine(c, at)}`);
  }
  const r = model.recognised;
  out.push(`recognised: heading form ${r.headingForm ?? '-'}, ${r.candidates} heading candidates, ${r.sectionHeadings} section headings, ${r.caseNumbers} case numbers`);
  return `${out.join('\n')}\n`;
}

/** Quoted, with the no-break spaces of web exports shown: they are what tells debris from text. */
function quote(text: string): string {
  return JSON.stringify(text).replace(/\u00a0/g, '\\u00a0');
}

function spanText(s: TextSpan | null, at: (r: Range) => string): string {
  return s === null ? '-' : `${s.text}  ${at(s.range)}`;
}

function member(m: Member): string {
  return m.party === null ? m.name : `${m.name} (${m.party})`;
}

function memberList(label: string, members: readonly Member[], at: (r: Range) => string, out: string[]): void {
  out.push(`${label}:${members.length === 0 ? ' -' : ` ${members.length}`}`);
  for (const m of members) out.push(`  - ${member(m)}  ${at(m.range)}`);
}

function caseLine(c: CaseNumber, at: (r: Range) => string): string {
  const source = c.source === 'field' ? `field ${c.field ?? '?'}` : c.source;
  return `case ${c.value} (${source}${c.document === true ? ', document number' : ''})  ${at(c.range)}`;
}

function attendanceLine(a: Attendance, at: (r: Range) => string): string {
  return `${a.kind}: ${a.members.length === 0 ? '-' : a.members.map(member).join(', ')}  ${at(a.range)}`;
}

function sectionLines(sections: readonly Section[], indent: string, at: (r: Range) => string, out: string[]): void {
  for (const s of sections) {
    const notes = [
      s.kind,
      ...(s.level === null ? [] : [`h${s.level}`]),
      ...(s.implicit ? ['implicit'] : []),
      ...(s.merged ? ['merged'] : []),
      ...(s.container === true ? ['container'] : []),
      ...(s.inline === true ? ['inline'] : []),
      ...(s.committee === null ? [] : [`committee ${s.committee}`]),
      ...(s.date === null ? [] : [`date ${s.date.text} = ${s.date.iso ?? 'no such date'}`]),
      `${s.bodyLines} ${s.bodyLines === 1 ? 'line' : 'lines'}`,
    ];
    // The heading only where it does not start the section (an implicit Indstilling does).
    const headingAt = samePosition(s.headingRange.start, s.range.start) ? '' : ` heading ${at(s.headingRange)}`;
    out.push(`${indent}- ${s.heading === '' ? '(no heading)' : s.heading}  (${notes.join(', ')})  ${at(s.range)}${headingAt}`);
    sectionLines(s.children, `${indent}  `, at, out);
  }
}

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

/** The last line a range covers: an end at column 0 of a later line covers nothing of that line. */
export function lastCoveredLine(r: Range): number {
  return r.end.character === 0 && r.end.line > r.start.line ? r.end.line - 1 : r.end.line;
}

/**
 * "[L12]", "[L12-L40]"; ":col" (1-based, the end's exclusive, as in the .lint.json goldens) where
 * the start is not the line's start or the end not its end; "[L3:9-31]" within one line.
 */
function span(r: Range, lines: readonly string[]): string {
  const start = `L${r.start.line + 1}${r.start.character === 0 ? '' : `:${r.start.character + 1}`}`;
  const last = lastCoveredLine(r);
  const coversToEnd = (r.end.character === 0 && r.end.line > r.start.line) || r.end.character === (lines[r.end.line] ?? '').length;
  const endCol = coversToEnd ? '' : `:${r.end.character + 1}`;
  if (last === r.start.line) return endCol === '' ? `[${start}]` : `[${start}${r.start.character === 0 ? ':1' : ''}-${r.end.character + 1}]`;
  return `[${start}-L${last + 1}${endCol}]`;
}

// ---- reading a tree back

export interface TreePunkt {
  number: number | null;
  title: string;
  /** 0-based, as LSP: the first line of the punkt and the last line it covers. */
  line: number;
  lastLine: number;
  /** Top-level sections. */
  sections: number;
  caseNumbers: string[];
}

export interface TreeOutline {
  tocEntries: number;
  punkter: TreePunkt[];
}

const PUNKT_LINE = /^punkt (\d+|\?): (.*) {2}\[L(\d+)(?::\d+)?(?:-L(\d+)(?::\d+)?|-\d+)?\]$/;
const CASE_LINE = /^ {2}case (.+?) \((?:line-below|line-above|field)/;

/** The punkter (and the number of TOC entries) of a tree outlineTree wrote. */
export function readOutlineTree(tree: string): TreeOutline {
  const result: TreeOutline = { tocEntries: 0, punkter: [] };
  let block: 'toc' | 'punkt' | 'other' = 'other';
  for (const line of tree.split('\n')) {
    const p = PUNKT_LINE.exec(line);
    if (p !== null) {
      const first = Number(p[3]) - 1;
      result.punkter.push({
        number: p[1] === '?' ? null : Number(p[1]),
        title: p[2] as string,
        line: first,
        lastLine: p[4] === undefined ? first : Number(p[4]) - 1,
        sections: 0,
        caseNumbers: [],
      });
      block = 'punkt';
    } else if (/^\S/.test(line)) block = line.startsWith('toc: ') ? 'toc' : 'other';
    else if (line.startsWith('  - ')) {
      const current = result.punkter[result.punkter.length - 1];
      if (block === 'toc') result.tocEntries++;
      else if (block === 'punkt' && current !== undefined) current.sections++;
    } else if (block === 'punkt') {
      const c = CASE_LINE.exec(line);
      if (c !== null) result.punkter[result.punkter.length - 1]?.caseNumbers.push(c[1] as string);
    }
  }
  return result;
}
