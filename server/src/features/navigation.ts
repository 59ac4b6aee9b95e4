// Navigation across meetings: references and definition on a sagsnummer (every punkt
// with that number in the workspace, newest meeting first: the case's history),
// and workspace symbols (punkter by title and by sagsnummer). Pure over the index.
import type { Location, SymbolInformation, SymbolKind } from 'vscode-languageserver';
import type { Position, ReferatModel } from '../model';
import { caseNumberShape } from '../parser/caseNumbers';
import type { FileSummary, PunktSummary, WorkspaceIndex } from '../workspaceIndex';
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
  if (query === '') return 1;
  const t = target.toLowerCase();
  if (t.includes(query)) return 2;
  let i = 0;
  for (let k = 0; k < t.length && i < query.length; k++) if (t.charCodeAt(k) === query.charCodeAt(i)) i++;
  return i === query.length ? 1 : 0;
}

interface Scored {
  score: number;
  date: string;
  symbol: SymbolInformation;
}

/**
 * Punkter whose title matches the query, and punkter whose case number matches it
 * (named "<sagsnummer> · Punkt N: Titel", so that the editor's own filter keeps them).
 * Best matches first, then newest meeting; at most `limit`.
 */
export function workspaceSymbols(index: WorkspaceIndex, rawQuery: string, limit = 500): SymbolInformation[] {
  const query = rawQuery.trim().toLowerCase();
  const out: Scored[] = [];
  for (const file of index.all()) {
    const container = meetingName(file);
    const date = file.meetingDate ?? '';
    file.punkter.forEach((p: PunktSummary) => {
      const label = formatPunktLabel(p.number, p.title);
      const byTitle = matchScore(query, label);
      if (byTitle > 0) {
        out.push({
          score: byTitle,
          date,
          symbol: { name: label, kind: SYMBOL_KIND.punkt, location: { uri: file.uri, range: p.titleRange }, containerName: container },
        });
        return;
      }
      if (query === '') return;
      for (const c of p.caseNumbers) {
        const byCase = matchScore(query, c.value);
        if (byCase === 0) continue;
        out.push({
          score: byCase,
          date,
          symbol: { name: `${c.value} · ${label}`, kind: SYMBOL_KIND.caseNumber, location: { uri: file.uri, range: c.range }, containerName: container },
        });
      }
    });
  }
  out.sort((a, b) => b.score - a.score || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return out.slice(0, limit).map((s) => s.symbol);
}
