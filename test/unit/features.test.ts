import { describe, expect, it } from 'vitest';
import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver';
import { clientOptions, createFeatures, featureCapabilities } from '../../server/src/features';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/folding';
import { linesOf } from '../../server/src/features/text';
import { parseReferat } from '../../server/src/parser/parse';
import { summarize, WorkspaceIndex } from '../../server/src/workspace/summary';
import { model, punkt, r, section } from './modelBuilders';

const sample = model({
  lineCount: 10,
  punkter: [punkt({ range: r(1, 0, 8, 2), sections: [section({ range: r(3, 0, 8, 2) })] })],
});

describe('createFeatures', () => {
  it('merges the providers’ capabilities', () => {
    const caps = featureCapabilities(createFeatures());
    expect(caps.documentSymbolProvider).toBeTruthy();
    expect(caps.foldingRangeProvider).toBe(true);
  });

  it('returns hierarchical symbols to clients that support them, flat ones otherwise', () => {
    const { documentSymbol } = createFeatures();
    const uri = 'file:///m.referat';
    const tree = documentSymbol.provide(sample, { uri, client: { hierarchicalDocumentSymbols: true } });
    expect(tree).toEqual(documentSymbols(sample));
    const flat = documentSymbol.provide(sample, { uri, client: { hierarchicalDocumentSymbols: false } }) as SymbolInformation[];
    expect(flat).toHaveLength(3);
    expect(flat.every((s) => s.location.uri === uri)).toBe(true);
    expect((tree as DocumentSymbol[])[0]?.children).toHaveLength(1);
  });

  it('folds with the pure function', () => {
    const { foldingRange } = createFeatures();
    expect(foldingRange.provide(sample, { uri: 'u', client: { hierarchicalDocumentSymbols: true } })).toEqual(foldingRanges(sample));
  });
});

describe('createFeatures with a workspace index', () => {
  it('adds completion, hover, references, definition, workspace symbols and document links', () => {
    const caps = featureCapabilities(createFeatures());
    expect(caps).toMatchObject({
      completionProvider: { triggerCharacters: [':', '-', '#'] },
      hoverProvider: true,
      referencesProvider: true,
      definitionProvider: true,
      workspaceSymbolProvider: true,
      documentLinkProvider: { resolveProvider: false },
    });
  });

  it('answers from the index it was given', () => {
    const text = 'REFERAT X d. 14-05-2024\n\nPunkt 1: Budget\n\n24/19987\n';
    const index = new WorkspaceIndex();
    index.set(summarize('file:///a.referat', parseReferat(text)));
    const features = createFeatures(index);
    const context = { uri: 'file:///a.referat', client: { hierarchicalDocumentSymbols: true }, text: linesOf(text) };
    const position = { line: 4, character: 2 };
    expect(features.references.provide(parseReferat(text), context, position)).toEqual([
      { uri: 'file:///a.referat', range: { start: { line: 2, character: 9 }, end: { line: 2, character: 15 } } },
    ]);
    expect(features.workspaceSymbol.provide('budget').map((s) => s.name)).toEqual(['Punkt 1: Budget']);
    const hover = features.hover.provide(parseReferat(text), context, position);
    expect(JSON.stringify(hover)).toContain('Sagen står i 1 punkt i 1 møde i arbejdsområdet, senest 2024-05-14.');
  });
});

describe('clientOptions', () => {
  it('reads hierarchicalDocumentSymbolSupport', () => {
    expect(clientOptions({})).toEqual({ hierarchicalDocumentSymbols: false });
    expect(clientOptions({ textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } })).toEqual({
      hierarchicalDocumentSymbols: true,
    });
  });
});
