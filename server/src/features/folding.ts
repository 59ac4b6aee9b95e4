// Folding: ReferatModel → LSP FoldingRanges. Pure; no runtime LSP imports.
// Folds the TOC, each punkt and each section (recursively). Only ranges that cover at
// least two lines; duplicates (same start and end line) are dropped. Sorted by start
// line, outer ranges before inner ones on the same line.
import type { FoldingRange } from 'vscode-languageserver';
import type { Range, ReferatModel, Section } from '../model';
import { lastCoveredLine } from './ranges';

/** FoldingRangeKind.Region. */
export const FOLDING_KIND_REGION = 'region';

export function foldingRanges(model: ReferatModel): FoldingRange[] {
  const ranges: Range[] = [];
  if (model.toc !== null) ranges.push(model.toc.range);
  const addSections = (sections: readonly Section[]): void => {
    for (const s of sections) {
      ranges.push(s.range);
      addSections(s.children);
    }
  };
  for (const punkt of model.punkter) {
    ranges.push(punkt.range);
    addSections(punkt.sections);
  }

  const seen = new Set<string>();
  const out: FoldingRange[] = [];
  for (const r of ranges) {
    const startLine = r.start.line;
    const endLine = lastCoveredLine(r);
    if (endLine <= startLine) continue;
    const key = `${startLine}:${endLine}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ startLine, endLine, kind: FOLDING_KIND_REGION });
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
