import { describe, expect, it } from 'vitest';
import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver';
import { clientOptions, createFeatures, featureCapabilities } from '../../server/src/features';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/folding';
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

describe('clientOptions', () => {
  it('reads hierarchicalDocumentSymbolSupport', () => {
    expect(clientOptions({})).toEqual({ hierarchicalDocumentSymbols: false });
    expect(clientOptions({ textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } })).toEqual({
      hierarchicalDocumentSymbols: true,
    });
  });
});
