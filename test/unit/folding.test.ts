import { describe, expect, it } from 'vitest';
import { FoldingRangeKind } from 'vscode-languageserver';
import { FOLDING_KIND_REGION, foldingRanges } from '../../server/src/features/folding';
import { model, punkt, r, section, toc } from './modelBuilders';

const lines = (m: ReturnType<typeof model>): [number, number][] => foldingRanges(m).map((f) => [f.startLine, f.endLine]);

describe('foldingRanges', () => {
  it('is empty for an empty model', () => {
    expect(foldingRanges(model())).toEqual([]);
  });

  it('folds the TOC, each punkt and each section recursively, as regions', () => {
    const m = model({
      lineCount: 40,
      toc: toc(r(2, 0, 5, 12), ['a', 'b', 'c']),
      punkter: [
        punkt({
          range: r(7, 0, 20, 4),
          sections: [
            section({
              range: r(9, 0, 20, 4),
              children: [section({ range: r(11, 0, 14, 2), children: [section({ range: r(12, 0, 14, 2) })] })],
            }),
          ],
        }),
      ],
    });
    const folds = foldingRanges(m);
    expect(folds.map((f) => [f.startLine, f.endLine])).toEqual([
      [2, 5],
      [7, 20],
      [9, 20],
      [11, 14],
      [12, 14],
    ]);
    for (const f of folds) expect(f.kind).toBe(FoldingRangeKind.Region);
    expect(FOLDING_KIND_REGION).toBe(FoldingRangeKind.Region);
    // Line folds only.
    for (const f of folds) expect(Object.keys(f).sort()).toEqual(['endLine', 'kind', 'startLine']);
  });

  it('leaves out ranges on a single line, including one that ends at character 0 of the next line', () => {
    const m = model({
      lineCount: 20,
      punkter: [
        punkt({ range: r(1, 0, 1, 30) }),
        punkt({ range: r(3, 0, 4, 0) }),
        punkt({ range: r(6, 0, 7, 1), sections: [section({ range: r(7, 0, 7, 1) })] }),
        punkt({ range: r(9, 0, 12, 0) }),
      ],
    });
    expect(lines(m)).toEqual([
      [6, 7],
      [9, 11],
    ]);
  });

  it('sorts by start line, outer before inner, and drops duplicates', () => {
    const m = model({
      lineCount: 50,
      punkter: [
        punkt({ range: r(30, 0, 40, 0), sections: [section({ range: r(30, 0, 35, 0) }), section({ range: r(36, 0, 39, 9) })] }),
        punkt({ range: r(10, 0, 20, 3), sections: [section({ range: r(10, 0, 20, 3) })] }),
      ],
      toc: toc(r(2, 0, 6, 0), ['x']),
    });
    expect(lines(m)).toEqual([
      [2, 5],
      [10, 20],
      [30, 39],
      [30, 34],
      [36, 39],
    ]);
  });
});
