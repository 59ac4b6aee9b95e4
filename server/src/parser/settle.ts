// Stage 2, settle: which candidate lines are punkt headings. A strong form ("Punkt 46:")
// is taken wherever it stands. Any other form is taken on evidence: a case number or
// field next to it, section headings after it, numbers that run on from the punkt
// before, agreement with the table of contents. Candidates are judged per family and
// indentation, and the document settles on the family with the most evidence, so
// that a numbered list inside a punkt, a TOC or an attendee list is no heading.
import { gluedSuffix } from './dialect/debris';
import type { PunktForm } from './dialect/punktForms';
import { isJsSpace, trimEndWhere } from './lines';
import { pageSuffix } from './toc';
import { C_CAND, C_CASE, C_EVIDENCE, C_FIELD, C_LABEL, C_SECTION, C_ATT, C_TOC, STRUCTURAL, type Candidate, type LineView } from './scan';

export interface Heading {
  /** First line of the punkt (a "• 1" line above the title, a case number above it). */
  startLine: number;
  headingLine: number;
  form: PunktForm;
  number: number | null;
  title: string;
  titleStart: number;
  titleEnd: number;
  level: number | null;
  indent: number;
  /** Lines that belong to the heading: the number line of a "1." heading, the "Sag nr." line. */
  extra: number[];
  /** Flattened forms: where the rest of the heading line (fields, inline sections) starts. */
  restOffset: number;
}

export interface Settled {
  headings: Heading[];
  /** The TOC heading line, or -1. */
  tocHead: number;
  /** Candidate lines the TOC holds (entries in a heading form), ascending. */
  tocCandidates: number[];
  /** The heading form the document settled on: the family of its weak headings, "strong" or "unnumbered". */
  headingForm: string | null;
  /**
   * The candidate lines whose neighbourhood the settling read, with their title lines,
   * ascending: every candidate where evidence decided, only the strong ones where they
   * settled it (a weak candidate in such a document is read no further).
   */
  candidateLines: number[];
}

interface Proto extends Heading {
  /** family:indent for weak forms; the family for strong ones. */
  group: string;
  key: string;
}

/** Lower-cased title with runs of spaces and final dots evened out, for comparing a title with its repetition or a TOC entry. */
export function normTitle(t: string): string {
  if (plainTitle(t)) return t.toLowerCase();
  return trimEndWhere(t.toLowerCase().replace(/\*\*/g, ''), (c) => c === 46 || c === 0x2026 || isJsSpace(c))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Whether normTitle(t) is t.toLowerCase(): no "*", whitespace only as single spaces
 * between words, and no trailing dot or ellipsis.
 */
function plainTitle(t: string): boolean {
  const n = t.length;
  if (n === 0) return false;
  const last = t.charCodeAt(n - 1);
  if (last === 46 /* . */ || last === 0x2026 /* … */) return false;
  let prevSpace = true;
  for (let k = 0; k < n; k++) {
    const c = t.charCodeAt(k);
    if (c === 42 /* * */) return false;
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c >= 0x2000) {
      // Any other whitespace takes the general path (and so does everything above U+2000: simpler than a table).
      return false;
    } else {
      prevSpace = false;
    }
  }
  return !prevSpace;
}

const AT_CLAUSE_TITLE = /^at\b/i;

/** The title's text, without a glued "Klik her for at folde ud …" tail. */
function cutTitle(title: string): string {
  const g = gluedSuffix(title);
  return g > 0 ? trimEndWhere(title.slice(0, g), isJsSpace) : title;
}

/** Candidates with their titles resolved (the next line for "1.", the line above for "Sag nr."). */
function protos(view: LineView, candidates: readonly Candidate[], candidateLines: number[], fieldIn: (title: string) => number): Proto[] {
  const out: Proto[] = [];
  let prevEnd = -1;
  for (const c of candidates) {
    const m = c.match;
    const form = m.form;
    const s = view.start(c.line);
    candidateLines.push(c.line);
    let p: Proto | null = null;
    if (form.placement === 'inline' || form.placement === 'flattened') {
      let title = cutTitle(m.title as string);
      let rest = s + m.restOffset;
      // "1. Godkendelse af dagsorden Sagsnr.: 24/1 Beslutning Godkendt.": a page flattened to one
      // line; the title ends where the first field does, and the rest is the punkt's.
      const field = form.placement === 'inline' ? fieldIn(title) : -1;
      if (field > 0) {
        title = trimEndWhere(title.slice(0, field), isJsSpace);
        rest = s + m.titleOffset + field;
      }
      p = {
        startLine: c.line,
        headingLine: c.line,
        form,
        number: m.number,
        title,
        titleStart: s + m.titleOffset,
        titleEnd: s + m.titleOffset + title.length,
        level: c.level,
        indent: c.indent,
        extra: [],
        restOffset: rest,
        group: '',
        key: '',
      };
    } else if (form.placement === 'number-alone') {
      // The title is the next line with text, if that is plain text.
      const j = view.nextContent(c.line + 1, 4);
      if (j !== -1 && !view.is(j, STRUCTURAL) && /\p{L}/u.test(view.txt(j))) {
        const title = cutTitle(view.txt(j));
        candidateLines.push(j);
        p = {
          startLine: c.line,
          headingLine: j,
          form,
          number: m.number,
          title,
          titleStart: view.start(j),
          titleEnd: view.start(j) + title.length,
          level: view.level(j) ?? c.level,
          indent: c.indent,
          extra: [c.line],
          restOffset: view.end(j),
          group: '',
          key: '',
        };
      }
    } else {
      // "Sag nr. 11" under its title: the line above with text, if plain and after the previous candidate.
      const j = view.prevContent(c.line, 4);
      if (j !== -1 && j > prevEnd && !view.is(j, STRUCTURAL | C_ATT) && /\p{L}/u.test(view.txt(j))) {
        candidateLines.push(j);
        p = {
          startLine: j,
          headingLine: j,
          form,
          number: m.number,
          title: view.txt(j),
          titleStart: view.start(j),
          titleEnd: view.end(j),
          level: view.level(j),
          indent: view.indent[j] as number,
          extra: [c.line],
          restOffset: view.end(j),
          group: '',
          key: '',
        };
      }
    }
    prevEnd = c.line;
    if (p === null) continue;
    p.group = form.strong ? form.family : `${form.family}:${p.indent}`;
    p.key = normTitle(p.title);
    out.push(p);
  }
  candidateLines.sort((a, b) => a - b);
  return out;
}

/** Lines before each line that count as section evidence: evidence in [a, b) is prefix[b] - prefix[a]. */
function evidencePrefix(view: LineView): Int32Array {
  const n = view.n;
  const prefix = new Int32Array(n + 1);
  let count = 0;
  for (let i = 0; i < n; i++) {
    prefix[i] = count;
    if (view.is(i, C_EVIDENCE)) count++;
  }
  prefix[n] = count;
  return prefix;
}

/** The last line that belongs to the heading itself (its title line for a "1." heading). */
function headLast(p: Heading): number {
  let last = p.headingLine;
  for (const e of p.extra) if (e > last) last = e;
  return last;
}

/** A case number or field right below the heading (after a repeated title), or a case number right above it. */
function caseNear(view: LineView, p: Proto): boolean {
  // Fields on the heading line itself (a flattened page).
  if (p.headingLine === p.startLine && p.restOffset < view.end(p.headingLine)) return true;
  let j = view.nextContent(headLast(p) + 1, 6);
  for (let k = 0; k < 3 && j !== -1; k++) {
    if (view.is(j, C_CASE | C_FIELD | C_LABEL)) return true;
    if (view.is(j, C_CAND | C_SECTION | C_TOC)) break;
    if (normTitle(view.txt(j)) !== p.key) break;
    j = view.nextContent(j + 1, 6);
  }
  const a = view.prevContent(p.startLine, 3);
  return a !== -1 && view.is(a, C_CASE);
}

/** The line before ends with ":" or "," (a list is announced: "Deltagerne var:", "indstiller, at"). */
function listAnnounced(view: LineView, p: Proto): boolean {
  const a = view.prevContent(p.startLine, 4);
  if (a === -1) return false;
  const t = view.txt(a);
  const last = t.charCodeAt(t.length - 1);
  return last === 58 /* : */ || last === 44 /* , */;
}

/** A sentence rather than a title: ends with a full stop and runs on. */
function sentence(title: string): boolean {
  return title.endsWith('.') && title.split(' ').length > 8;
}

interface TocTitles {
  has(key: string): boolean;
}

/** Accepts the candidates of one weak group; returns the accepted ones and how much evidence they carry. */
function settleGroup(view: LineView, group: readonly Proto[], prefix: Int32Array, toc: TocTitles): { accepted: Proto[]; score: number } {
  const n = view.n;
  const ok = new Array<boolean>(group.length).fill(false);
  const evidence = new Array<boolean>(group.length).fill(false);
  let lastAcc: number | null = null;
  let prevRejectedLine = -1;
  for (let k = 0; k < group.length; k++) {
    const p = group[k] as Proto;
    if (AT_CLAUSE_TITLE.test(p.title)) continue;
    const next = k + 1 < group.length ? (group[k + 1] as Proto).startLine : n;
    const sections = (prefix[next] as number) - (prefix[headLast(p) + 1] as number) > 0;
    const e = sections || caseNear(view, p) || (p.key !== '' && toc.has(p.key));
    evidence[k] = e;
    const before = view.prevContent(p.startLine, 4);
    const inList = listAnnounced(view, p) || (before !== -1 && before === prevRejectedLine);
    const num = p.number as number;
    const restart = lastAcc !== null && num <= lastAcc;
    const seq = lastAcc !== null && num === lastAcc + 1;
    if ((e && !(inList && restart)) || (seq && !inList && !sentence(p.title))) {
      ok[k] = true;
      lastAcc = num;
    } else {
      prevRejectedLine = headLast(p);
    }
  }
  // Punkter without a body before one with evidence: "1. Godkendelse af dagsorden",
  // "2. Meddelelser", "3. … (with sections)". They must count up to it from the punkt before.
  let prevAcc: number | null = null;
  for (let k = 0; k < group.length; k++) {
    if (!ok[k]) continue;
    const num = (group[k] as Proto).number as number;
    let j = k - 1;
    while (j >= 0 && !ok[j] && ((group[j] as Proto).number as number) === num - (k - j) && !AT_CLAUSE_TITLE.test((group[j] as Proto).title)) j--;
    const first = j + 1;
    if (first < k) {
      const firstNum = (group[first] as Proto).number as number;
      const joins = prevAcc === null ? firstNum >= 1 : firstNum === prevAcc + 1;
      if (joins && !listAnnounced(view, group[first] as Proto)) for (let q = first; q < k; q++) ok[q] = true;
    }
    prevAcc = num;
  }
  if (!ok.includes(true)) runs(view, group, ok);
  const accepted: Proto[] = [];
  let score = 0;
  for (let k = 0; k < group.length; k++) {
    if (!ok[k]) continue;
    accepted.push(group[k] as Proto);
    score += evidence[k] ? 2 : 1;
  }
  return { accepted, score };
}

/** Content lines between two lines (exclusive), counted up to `max`. */
function contentBetween(view: LineView, from: number, to: number, max: number): number {
  let n = 0;
  for (let i = from + 1; i < to && n < max; i++) if (!view.empty(i)) n++;
  return n;
}

/**
 * With no other evidence: three or more headings numbered one after another, each with a
 * body of its own (a numbered list has none between its items), and titles that are no
 * sentences. Headings whose sections have names no table knows.
 */
function runs(view: LineView, group: readonly Proto[], ok: boolean[]): void {
  let start = 0;
  while (start < group.length) {
    let end = start + 1;
    while (end < group.length) {
      const prev = group[end - 1] as Proto;
      const p = group[end] as Proto;
      if ((p.number as number) !== (prev.number as number) + 1 || contentBetween(view, headLast(prev), p.startLine, 2) < 2) break;
      end++;
    }
    const run = group.slice(start, end);
    const good = run.every((p) => p.title.length <= 150 && !/[.:,;]$/.test(p.title) && !AT_CLAUSE_TITLE.test(p.title));
    if (run.length >= 3 && good && !listAnnounced(view, run[0] as Proto)) for (let k = start; k < end; k++) ok[k] = true;
    start = end;
  }
}

/** The TOC's titles, for agreement with a heading: every text line between the TOC heading and the first candidate outside it. */
function tocTitles(view: LineView, tocHead: number, end: number): TocTitles {
  const keys = new Set<string>();
  for (let i = tocHead + 1; i < end; i++) {
    if (view.empty(i)) continue;
    // "Budget.....\t3", "3 Budget", "åbent 3 Budget": the title alone.
    const line = view.txt(i);
    const suffix = pageSuffix(line);
    const t = (suffix === null ? line : line.slice(0, suffix.cut)).replace(/^(?:(?:åbent|lukket)\s+)?\d{1,4}[.:]?\s+/i, '');
    const k = normTitle(t);
    if (k.length >= 4) keys.add(k);
  }
  return keys;
}

/**
 * Where the TOC's own candidates end: at the first candidate after the TOC heading that
 * has a body and starts its numbering again, or repeats an earlier title. Without such a
 * restart before the first section heading, the candidates after the heading are the
 * punkter themselves (an empty "Indholdsfortegnelse" followed by the body, as in Hvidovre).
 */
function tocCandidateCount(view: LineView, after: readonly Proto[], prefix: Int32Array): number {
  const seen = new Set<string>();
  /** The highest number seen so far per group. */
  const highest = new Map<string, number>();
  for (let j = 0; j < after.length; j++) {
    const p = after[j] as Proto;
    // A TOC holds no section headings: once one stands between two candidates, the body has begun without a restart.
    if (j > 0 && (prefix[p.startLine] as number) - (prefix[headLast(after[j - 1] as Proto) + 1] as number) > 0) return 0;
    const top = highest.get(p.group);
    const restarts = p.number !== null && top !== undefined && p.number <= top;
    if (restarts || (p.key !== '' && seen.has(p.key))) {
      const next = j + 1 < after.length ? (after[j + 1] as Proto).startLine : view.n;
      const body = (prefix[next] as number) - (prefix[headLast(p) + 1] as number) > 0 || caseNear(view, p);
      if (body) return j;
    }
    seen.add(p.key);
    if (p.number !== null && (top === undefined || p.number > top)) highest.set(p.group, p.number);
  }
  return 0;
}

/** Unnumbered titles: a short plain line set off by two blank lines before a section heading (Aarhus), or with its case number right below. */
function unnumbered(view: LineView, from: number, forms: { unnumbered: PunktForm }): Proto[] {
  const out: Proto[] = [];
  for (let i = from; i < view.n; i++) {
    if (view.empty(i)) continue;
    const level = view.level(i);
    if (level !== null) {
      // "## Godkendelse af dagsorden" over "### Beslutning": a Markdown heading above a section heading of a deeper level.
      const j = view.nextContent(i + 1, 6);
      const jl = j === -1 ? null : view.level(j);
      if (view.hits.get(i)?.form === 'markdown' && !view.is(i, C_CAND) && j !== -1 && view.is(j, C_EVIDENCE) && (jl === null || jl > level)) {
        out.push(unnumberedAt(view, i, forms.unnumbered));
      }
      continue;
    }
    if (view.is(i, STRUCTURAL | C_ATT)) continue;
    const t = view.txt(i);
    if (t.length < 3 || t.length > 150 || !/^[\p{Lu}\p{N}]/u.test(t) || /[.:,;!?]$/.test(t)) continue;
    if (i > 0 && !view.empty(i - 1)) continue;
    const j = view.nextContent(i + 1, 6);
    if (j === -1) continue;
    // Set off by two blank lines before a section heading (Aarhus), or followed by its case number or field.
    const sectionAfter = view.gapAfter(i) >= 2 && view.is(j, C_EVIDENCE);
    const caseAfter = j <= i + 2 && view.is(j, C_CASE | C_LABEL | C_FIELD);
    if (!sectionAfter && !caseAfter) continue;
    out.push(unnumberedAt(view, i, forms.unnumbered));
  }
  return out;
}

function unnumberedAt(view: LineView, i: number, form: PunktForm): Proto {
  const t = view.txt(i);
  return {
    startLine: i,
    headingLine: i,
    form,
    number: null,
    title: t,
    titleStart: view.start(i),
    titleEnd: view.end(i),
    level: view.level(i),
    indent: view.indent[i] as number,
    extra: [],
    restOffset: view.end(i),
    group: 'unnumbered',
    key: normTitle(t),
  };
}

export const UNNUMBERED_FORM: PunktForm = {
  id: 'unnumbered',
  re: /(?!)/,
  lead: 'any',
  placement: 'inline',
  strong: false,
  family: 'unnumbered',
  example: { lines: ['  Revisionens beretninger og endelig godkendelse af årsregnskab 2018', '', '', '  Beslutning Godkendt.'], number: 0, title: 'Revisionens beretninger og endelig godkendelse af årsregnskab 2018' },
  seen: 'Aarhus (titler uden nummer, indrykket to mellemrum, to tomme linjer før første afsnit)',
};

/**
 * `fieldIn` says where in a title a field label starts (a flattened page: "1. Godkendelse af
 * dagsorden Sagsnr.: 24/1 …"), or -1.
 */
export function settle(view: LineView, candidates: readonly Candidate[], fieldIn: (title: string) => number = () => -1): Settled {
  const candidateLines: number[] = [];
  const all = protos(view, candidates, candidateLines, fieldIn);
  const prefix = evidencePrefix(view);

  // The TOC heading: the first one before any strong heading.
  let tocHead = -1;
  const firstStrong = all.find((p) => p.form.strong);
  for (let i = 0; i < view.n && (firstStrong === undefined || i < firstStrong.startLine); i++) {
    if (view.is(i, C_TOC)) {
      tocHead = i;
      break;
    }
  }
  let body = all;
  const tocCandidates: number[] = [];
  let tocEnd = tocHead;
  if (tocHead !== -1) {
    const after = all.filter((p) => p.startLine > tocHead);
    const count = tocCandidateCount(view, after, prefix);
    for (let j = 0; j < count; j++) tocCandidates.push((after[j] as Proto).headingLine);
    tocEnd = count < after.length ? (after[count] as Proto).startLine : view.n;
    if (count > 0) {
      const skip = new Set(tocCandidates);
      body = all.filter((p) => !skip.has(p.headingLine));
    } else {
      tocEnd = after.length > 0 ? (after[0] as Proto).startLine : view.n;
    }
  }
  const toc = tocHead !== -1 ? tocTitles(view, tocHead, tocEnd) : new Set<string>();

  const strong = body.filter((p) => p.form.strong);
  let accepted: Proto[];
  let headingForm: string | null;
  let read = candidateLines;
  if (strong.length > 0) {
    accepted = strong;
    headingForm = 'strong';
    read = [];
    // An inline heading reads only its own line here; "1." and "Sag nr." read their title line too.
    for (const c of candidates) {
      const placement = c.match.form.placement;
      if (c.match.form.strong && placement !== 'inline' && placement !== 'flattened') read.push(c.line);
    }
    for (const p of all) if (p.form.strong && p.form.placement !== 'inline' && p.form.placement !== 'flattened') read.push(p.headingLine);
    read.sort((a, b) => a - b);
  } else {
    const groups = new Map<string, Proto[]>();
    for (const p of body) {
      const g = groups.get(p.group);
      if (g === undefined) groups.set(p.group, [p]);
      else g.push(p);
    }
    accepted = [];
    headingForm = null;
    let best = 0;
    let bestKey = '';
    for (const [key, group] of groups) {
      const r = settleGroup(view, group, prefix, toc);
      if (r.score > best) {
        best = r.score;
        accepted = r.accepted;
        bestKey = key;
        headingForm = key.slice(0, key.lastIndexOf(':'));
      }
    }
    // A heading in another form that carries its own case number or field is one too: an
    // export that lost a separator now and then ("38: Godkendelse", "39Budgetopfølgning").
    if (accepted.length > 0) {
      const indent = (accepted[0] as Proto).indent;
      const extra: Proto[] = [];
      for (const [key, group] of groups) {
        if (key === bestKey) continue;
        for (const p of group) if (p.indent <= indent && !AT_CLAUSE_TITLE.test(p.title) && caseNear(view, p)) extra.push(p);
      }
      if (extra.length > 0) accepted = [...accepted, ...extra].sort((a, b) => a.startLine - b.startLine);
    }
    if (accepted.length === 0) {
      accepted = unnumbered(view, tocEnd > 0 ? tocEnd : 0, { unnumbered: UNNUMBERED_FORM });
      if (accepted.length > 0) headingForm = 'unnumbered';
      for (const p of accepted) candidateLines.push(p.headingLine);
      candidateLines.sort((a, b) => a - b);
    }
  }
  return { headings: accepted, tocHead, tocCandidates, headingForm, candidateLines: read };
}
