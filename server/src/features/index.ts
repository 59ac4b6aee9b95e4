// The feature registry: one provider per LSP feature, composed in one factory.
// server.ts registers handlers from here; providers take the cached model and return
// plain LSP data. Type-only LSP imports keep this layer free of the connection.
import type {
  ClientCapabilities,
  DocumentSymbol,
  FoldingRange,
  ServerCapabilities,
  SymbolInformation,
} from 'vscode-languageserver';
import type { ReferatModel } from '../model';
import { documentSymbols, toSymbolInformation } from './documentSymbols';
import { foldingRanges } from './folding';

/** What the providers need to know about the client, read once at initialize. */
export interface ClientOptions {
  /** textDocument.documentSymbol.hierarchicalDocumentSymbolSupport */
  hierarchicalDocumentSymbols: boolean;
}

export interface RequestContext {
  uri: string;
  client: ClientOptions;
}

export interface Provider<Result> {
  /** The capabilities this provider adds to the initialize result. */
  readonly capabilities: ServerCapabilities;
  provide(model: ReferatModel, context: RequestContext): Result;
}

export interface Features {
  readonly documentSymbol: Provider<DocumentSymbol[] | SymbolInformation[]>;
  readonly foldingRange: Provider<FoldingRange[]>;
}

export function createFeatures(): Features {
  return {
    documentSymbol: {
      capabilities: { documentSymbolProvider: { label: 'Referat' } },
      provide(model, { uri, client }) {
        const symbols = documentSymbols(model);
        return client.hierarchicalDocumentSymbols ? symbols : toSymbolInformation(symbols, uri);
      },
    },
    foldingRange: {
      capabilities: { foldingRangeProvider: true },
      provide: (model) => foldingRanges(model),
    },
  };
}

/** All providers' capabilities merged into one object. */
export function featureCapabilities(features: Features): ServerCapabilities {
  let capabilities: ServerCapabilities = {};
  for (const provider of Object.values(features)) capabilities = { ...capabilities, ...provider.capabilities };
  return capabilities;
}

export function clientOptions(capabilities: ClientCapabilities): ClientOptions {
  return {
    hierarchicalDocumentSymbols: capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
  };
}
