import { describe, expect, it } from 'vitest';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { documentEnd, documentSymbols, SYMBOL_KINDS, toSymbolInformation } from '../../server/src/features/documentSymbols';
import { comparePositions, containsRange } from '../../server/src/features/ranges';
import type { Range } from '../../server/src/model';
import { model, punkt, r, section, toc } from './modelBuilders';

function allSymbols(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...allSymbols(s.children ?? [])]);
}

function expectValid(symbols: DocumentSymbol[]): void {
  for (const s of allSymbols(symbols)) {
    expect(s.name.trim()).not.toBe('');
    expect(comparePositions(s.range.start, s.range.end)).toBeLessThanOrEqual(0);
    expect(containsRange(s.range, s.selectionRange), `${s.name}: selectionRange inside range`).toBe(true);
  }
}

const root = (symbols: DocumentSymbol[]): DocumentSymbol => {
  expect(symbols).toHaveLength(1);
  return symbols[0] as DocumentSymbol;
};

describe('documentSymbols', () => {
  it('uses the LSP SymbolKind values', () => {
    expect(SYMBOL_KINDS).toEqual({
      meeting: SymbolKind.Namespace,
      toc: SymbolKind.Array,
      punkt: SymbolKind.Class,
      section: SymbolKind.Field,
    });
  });

  it('always has one meeting root, "Møde" when there is no title', () => {
    const symbols = documentSymbols(model({ lineCount: 5 }));
    const meeting = root(symbols);
    expect(meeting).toEqual({
      name: 'Møde',
      kind: SymbolKind.Namespace,
      range: r(0, 0, 4, 0),
      selectionRange: r(0, 0, 0, 0),
    });
    expectValid(symbols);
  });

  it('names the root after the title, with committee and meeting date as detail', () => {
    const m = model({
      lineCount: 30,
      title: { text: 'REFERAT Beskæftigelsesudvalget', range: r(0, 2, 0, 32) },
      header: {
        committee: { text: 'Beskæftigelsesudvalget', range: r(0, 10, 0, 32) },
        meetingDate: '2024-08-12',
        dates: [],
        place: null,
        time: null,
        members: [],
        membersLabel: null,
        absent: [],
      },
    });
    const meeting = root(documentSymbols(m));
    expect(meeting.name).toBe('REFERAT Beskæftigelsesudvalget');
    expect(meeting.detail).toBe('Beskæftigelsesudvalget, 2024-08-12');
    expect(meeting.selectionRange).toEqual(r(0, 2, 0, 32));
    expect(meeting.range).toEqual(r(0, 0, 29, 0));
  });

  it('puts the TOC first, then the punkter with label, case numbers and sections', () => {
    const m = model({
      lineCount: 40,
      toc: toc(r(2, 0, 4, 20), ['Godkendelse af dagsorden', 'Eventuelt']),
      punkter: [
        punkt({
          number: 46,
          range: r(6, 0, 20, 9),
          caseNumbers: [
            { value: '00.13.06-P22-2-23', source: 'line-below', range: r(7, 0, 7, 17) },
            { value: '24/19987', source: 'field', field: 'Sagsnr.', range: r(8, 9, 8, 17) },
          ],
          sections: [
            section({ kind: 'indstilling', heading: 'Indstilling', range: r(10, 0, 12, 5) }),
            section({
              kind: 'sagsfremstilling',
              heading: 'Sagsfremstilling',
              range: r(14, 0, 20, 9),
              children: [section({ kind: 'historik', heading: 'Historik', range: r(16, 0, 20, 9) })],
            }),
          ],
        }),
        punkt({ number: null, title: 'Eventuelt', range: r(22, 0, 24, 3) }),
      ],
    });
    const symbols = documentSymbols(m);
    expectValid(symbols);
    const children = root(symbols).children ?? [];
    expect(children.map((s) => [s.name, s.kind, s.detail])).toEqual([
      ['Indholdsfortegnelse', SymbolKind.Array, '2 poster'],
      // A standing item needs no Indstilling, but a referat needs its Beslutning.
      ['Punkt 46: Godkendelse af dagsorden', SymbolKind.Class, '00.13.06-P22-2-23, 24/19987 · mangler Beslutning'],
      ['Eventuelt', SymbolKind.Class, undefined],
    ]);
    const p46 = children[1] as DocumentSymbol;
    expect(p46.range).toEqual(r(6, 0, 20, 9));
    expect(p46.selectionRange).toEqual(r(6, 10, 6, 34));
    expect(p46.children?.map((s) => s.name)).toEqual(['Indstilling', 'Sagsfremstilling']);
    const sagsfremstilling = p46.children?.[1];
    expect(sagsfremstilling?.kind).toBe(SymbolKind.Field);
    expect(sagsfremstilling?.children?.map((s) => [s.name, s.kind, s.range])).toEqual([
      ['Historik', SymbolKind.Field, r(16, 0, 20, 9)],
    ]);
    // Leaves have no children key at all.
    expect(children[2]).not.toHaveProperty('children');
    expect(p46.children?.[0]).not.toHaveProperty('children');
  });

  it('marks punkter that lack a required section in the detail, after the case numbers', () => {
    const sag = (number: number, title: string, line: number, kinds: Array<'indstilling' | 'beslutning'>, cases: string[] = []) =>
      punkt({
        number,
        title,
        range: r(line, 0, line + 3, 5),
        caseNumbers: cases.map((value) => ({ value, source: 'line-below' as const, range: r(line + 1, 0, line + 1, value.length) })),
        sections: kinds.map((kind, i) => section({ kind, heading: kind, range: r(line + 2 + i, 0, line + 2 + i, 5) })),
      });
    const punkter = [
      sag(1, 'Budget', 0, [], ['24/1']),
      sag(2, 'Lokalplan', 5, ['indstilling']),
      sag(3, 'Godkendelse af dagsorden', 10, []),
      sag(4, 'Underskriftsark', 15, []),
      sag(5, 'Sag', 20, ['indstilling', 'beslutning'], ['24/5']),
    ];
    const details = (m: ReturnType<typeof model>, locale?: 'da' | 'en') =>
      (root(documentSymbols(m, locale ? { locale } : {})).children ?? []).map((s) => s.detail);
    expect(details(model({ lineCount: 30, punkter }))).toEqual([
      '24/1 · mangler Indstilling og Beslutning',
      'mangler Beslutning',
      'mangler Beslutning',
      undefined,
      '24/5',
    ]);
    expect(details(model({ lineCount: 30, punkter }), 'en')[0]).toBe('24/1 · missing Indstilling and Beslutning');
    // An agenda needs no Beslutning.
    expect(details(model({ kind: 'dagsorden', lineCount: 30, punkter }))).toEqual(['24/1 · mangler Indstilling', undefined, undefined, undefined, '24/5']);
  });

  it('names an implicit Indstilling "Indstilling" with detail "(uden overskrift)"', () => {
    const implicit = section({
      kind: 'indstilling',
      heading: 'Direktøren for Beskæftigelse indstiller',
      implicit: true,
      range: r(3, 0, 5, 10),
    });
    const m = model({ lineCount: 6, punkter: [punkt({ range: r(1, 0, 5, 10), sections: [implicit] })] });
    const s = root(documentSymbols(m)).children?.[0]?.children?.[0];
    expect(s).toMatchObject({ name: 'Indstilling', detail: '(uden overskrift)', kind: SymbolKind.Field });
  });

  it('never emits an empty name', () => {
    const m = model({
      lineCount: 10,
      title: { text: '   ', range: r(0, 0, 0, 3) },
      punkter: [
        punkt({ number: 7, title: '', range: r(1, 0, 3, 0), sections: [section({ heading: '', range: r(2, 0, 3, 0) })] }),
        punkt({ number: null, title: ' ', range: r(4, 0, 6, 0) }),
      ],
    });
    const symbols = documentSymbols(m);
    expectValid(symbols);
    expect(allSymbols(symbols).map((s) => s.name)).toEqual(['Møde', 'Punkt 7', '(uden overskrift)', '(uden titel)']);
  });

  it('clamps a selectionRange that lies outside its range', () => {
    const m = model({
      lineCount: 20,
      punkter: [
        // Title before the range, section heading after it, inverted section range.
        punkt({
          range: r(5, 0, 8, 4),
          titleRange: r(4, 0, 4, 10),
          sections: [
            section({ range: r(6, 0, 7, 3), headingRange: r(9, 0, 9, 5) }),
            section({ range: r(8, 4, 7, 0), headingRange: r(7, 0, 7, 2) }),
          ],
        }),
      ],
    });
    const symbols = documentSymbols(m);
    expectValid(symbols);
    const p = root(symbols).children?.[0];
    expect(p?.selectionRange).toEqual(r(5, 0, 5, 0));
    expect(p?.children?.[0]?.selectionRange).toEqual(r(7, 3, 7, 3));
    expect(p?.children?.[1]?.range).toEqual(r(8, 4, 8, 4));
  });

  it('stretches the root range over every range in the model', () => {
    const m = model({ lineCount: 10, punkter: [punkt({ range: r(2, 0, 9, 42) })] });
    expect(documentEnd(m)).toEqual({ line: 9, character: 42 });
    const meeting = root(documentSymbols(m));
    for (const child of meeting.children ?? []) expect(containsRange(meeting.range, child.range)).toBe(true);
  });

  it('returns fresh range objects, not the model’s own', () => {
    const punktRange: Range = r(1, 0, 3, 0);
    const symbols = documentSymbols(model({ lineCount: 4, punkter: [punkt({ range: punktRange })] }));
    const p = root(symbols).children?.[0];
    expect(p?.range).toEqual(punktRange);
    expect(p?.range).not.toBe(punktRange);
  });
});

describe('toSymbolInformation', () => {
  it('flattens the tree in document order with containerName', () => {
    const m = model({
      lineCount: 10,
      punkter: [punkt({ number: 1, title: 'Et', range: r(1, 0, 5, 0), sections: [section({ heading: 'Beslutning', range: r(3, 0, 5, 0) })] })],
    });
    const flat = toSymbolInformation(documentSymbols(m), 'file:///x.referat');
    expect(flat.map((s) => [s.name, s.containerName, s.location.uri])).toEqual([
      ['Møde', undefined, 'file:///x.referat'],
      ['Punkt 1: Et', 'Møde', 'file:///x.referat'],
      ['Beslutning', 'Punkt 1: Et', 'file:///x.referat'],
    ]);
    expect(flat[0]).not.toHaveProperty('containerName');
  });
});

describe('documentSymbols on parsed text', () => {
  // Issue 12, case 9: the punkt's end was trimmed with JavaScript's \s (which takes a
  // vertical tab) and the section's with the parser's own spaces (which do not).
  it('case 9: a section symbol lies inside its punkt, even after a trailing vertical tab', async () => {
    const { parseReferat } = await import('../../server/src/parser/parse');
    for (const text of ['.\nPunkt 2:g\n# \v', '.\nPunkt 2:g\n# \f', 'Punkt 1: x\nBeslutning\v\n', 'Punkt 1: x\n## Bilag\u2003']) {
      const symbols = documentSymbols(parseReferat(text));
      expectValid(symbols);
      const check = (parent: DocumentSymbol): void => {
        for (const c of parent.children ?? []) {
          expect(containsRange(parent.range, c.range), `${JSON.stringify(text)}: ${c.name} inside ${parent.name}`).toBe(true);
          check(c);
        }
      };
      for (const s of symbols) check(s);
    }
  });
});
