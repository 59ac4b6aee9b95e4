// Navigation across meetings: references and definition on a sagsnummer (every punkt
// with that number in the workspace, newest meeting first: the case's history),
// and workspace symbols (punkter by title and by sagsnummer). Pure over the index.
import type { Location, SymbolInformation, SymbolKind } from 'vscode-languageserver';
import type { Position, ReferatModel } from '../model';
import { caseNumberShape } from '../parser/dialect/caseNumbers';
import type { FileSummary, PunktSummary, WorkspaceIndex } from '../workspace/summary';
import { formatPunktLabel } from './labels';
import { caseNumberAt, tokenAt } from './locate';
import type { LineSource } from './text';

const SYMBOL_KIND = { punkt: 5 /* Class */, caseNumber: 20 /* Key */ } as const satisfies Record<string, SymbolKind>;

/** The case number at the position: as the parser read it, or a token of a known shape. */
export function caseNumberValueAt(model: ReferatModel, text: LineSource, position: Position): string | null {
  const found = caseNumberAt(model, position);
  if (found !== null) return found.value;
  const token = tokenAt(text.lineAt(position.line), position.character);
  if (token === null) return null;
  const shape = caseNumberShape(token.text);
  return shape !== null && shape !== 'heltal' ? token.text : null;
}

/**
 * Every punkt in the workspace with the case number at the position, newest meeting
 * first; null when the position is on no case number.
 */
export function caseHistory(index: WorkspaceIndex, model: ReferatModel, text: LineSource, position: Position): Location[] | null {
  const value = caseNumberValueAt(model, text, position);
  if (value === null) return null;
  return index.punkterWithCase(value).map((r) => ({ uri: r.file.uri, range: r.punkt.titleRange }));
}

/** "Beskæftigelsesudvalget 2024-08-12", or the document title, or the file name. */
export function meetingName(file: FileSummary): string {
  const name = file.committee?.trim() || file.title?.trim() || decodeURIComponent(file.uri.replace(/^.*\//, ''));
  return file.meetingDate !== null ? `${name} ${file.meetingDate}` : name;
}

/** Case-insensitive subsequence match; 2 for a substring, 1 for a subsequence, 0 for none. */
export function matchScore(query: string, target: string): number {
  return matchLower(query, target.toLowerCase());
}

/** matchScore with the target already in lower case. */
function matchLower(query: string, t: string): number {
  if (query === '') return 1;
  if (t.includes(query)) return 2;
  let i = 0;
  for (let k = 0; k < t.length && i < query.length; k++) if (t.charCodeAt(k) === query.charCodeAt(i)) i++;
  return i === query.length ? 1 : 0;
}

/**
 * A string's characters as a 64-bit set (two numbers): a-z and 0-9 a bit each, other
 * characters sharing the rest. A string holds every character of the query (as a
 * substring or a subsequence match needs) only if its set holds the query's.
 */
interface CharSet {
  lo: number;
  hi: number;
}

function charSet(s: string): CharSet {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const b = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : 36 + (c % 28);
    if (b < 32) lo |= 1 << b;
    else hi |= 1 << (b - 32);
  }
  return { lo, hi };
}

function holds(set: CharSet, query: CharSet): boolean {
  return (set.lo & query.lo) === query.lo && (set.hi & query.hi) === query.hi;
}

/** A punkt's label and the lower case of it and its case numbers, worked out once per summary. */
interface Keys {
  label: string;
  lower: string;
  set: CharSet;
  /** The title's and the case numbers' characters together. */
  all: CharSet;
  cases: { lower: string; set: CharSet }[];
}
const keysOf = new WeakMap<PunktSummary, Keys>();

function keys(p: PunktSummary): Keys {
  let k = keysOf.get(p);
  if (k === undefined) {
    const label = formatPunktLabel(p.number, p.title);
    const lower = label.toLowerCase();
    const set = charSet(lower);
    const all = { lo: set.lo, hi: set.hi };
    const cases = p.caseNumbers.map((c) => {
      const l = c.value.toLowerCase();
      const cs = charSet(l);
      all.lo |= cs.lo;
      all.hi |= cs.hi;
      return { lower: l, set: cs };
    });
    k = { label, lower, set, all, cases };
    keysOf.set(p, k);
  }
  return k;
}

interface Scored {
  score: number;
  date: string;
  file: FileSummary;
  punkt: PunktSummary;
  /** The matching case number's index, or -1 for a match on the title. */
  caseIndex: number;
}

/**
 * Punkter whose title matches the query, and punkter whose case number matches it
 * (named "<sagsnummer> · Punkt N: Titel", so that the editor's own filter keeps them).
 * Best matches first, then newest meeting; at most `limit`. Symbols are built for the
 * results kept only.
 */
export function workspaceSymbols(index: WorkspaceIndex, rawQuery: string, limit = 500): SymbolInformation[] {
  const query = rawQuery.trim().toLowerCase();
  const querySet = charSet(query);
  const out: Scored[] = [];
  for (const file of index.all()) {
    const date = file.meetingDate ?? '';
    for (const p of file.punkter) {
      const k = keys(p);
      // A string that lacks a character of the query cannot match it.
      if (!holds(k.all, querySet)) continue;
      const byTitle = holds(k.set, querySet) ? matchLower(query, k.lower) : 0;
      if (byTitle > 0) {
        out.push({ score: byTitle, date, file, punkt: p, caseIndex: -1 });
        continue;
      }
      if (query === '') continue;
      for (let c = 0; c < k.cases.length; c++) {
        const key = k.cases[c] as Keys['cases'][number];
        const byCase = holds(key.set, querySet) ? matchLower(query, key.lower) : 0;
        if (byCase > 0) out.push({ score: byCase, date, file, punkt: p, caseIndex: c });
      }
    }
  }
  out.sort((a, b) => b.score - a.score || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const containers = new Map<FileSummary, string>();
  return out.slice(0, limit).map(({ file, punkt, caseIndex }) => {
    let container = containers.get(file);
    if (container === undefined) {
      container = meetingName(file);
      containers.set(file, container);
    }
    const label = keys(punkt).label;
    if (caseIndex < 0) return { name: label, kind: SYMBOL_KIND.punkt, location: { uri: file.uri, range: punkt.titleRange }, containerName: container };
    const c = punkt.caseNumbers[caseIndex] as PunktSummary['caseNumbers'][number];
    return { name: `${c.value} · ${label}`, kind: SYMBOL_KIND.caseNumber, location: { uri: file.uri, range: c.range }, containerName: container };
  });
}
