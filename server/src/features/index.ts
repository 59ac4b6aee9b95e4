// The feature registry: one provider per LSP feature, composed in one factory.
// server.ts registers handlers from here; providers take the cached model and return
// plain LSP data. Type-only LSP imports keep this layer free of the connection.
import type {
  ClientCapabilities,
  CompletionItem,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  ServerCapabilities,
  SymbolInformation,
} from 'vscode-languageserver';
import type { Position, ReferatModel } from '../model';
import type { RuleOptions } from '../rules/types';
import type { Locale } from '../l10n/locale';
import { WorkspaceIndex } from '../workspace/summary';
import { COMPLETION_TRIGGERS, completions } from './completion';
import { bilagLinks, bilagNames, type BilagName } from './documentLinks';
import { documentSymbols, toSymbolInformation } from './documentSymbols';
import { foldingRanges } from './folding';
import { hover } from './hover';
import { caseHistory, workspaceSymbols } from './navigation';
import type { LineSource } from './text';

/** What the providers need to know about the client, read once at initialize. */
export interface ClientOptions {
  /** textDocument.documentSymbol.hierarchicalDocumentSymbolSupport */
  hierarchicalDocumentSymbols: boolean;
}

export interface RequestContext {
  uri: string;
  client: ClientOptions;
  /** The document's rule options (required sections, standing items); defaults when absent. */
  rules?: RuleOptions;
  locale?: Locale;
}

/** For features at a position: the document's lines are at hand too. */
export interface DocumentContext extends RequestContext {
  text: LineSource;
}

export interface PositionProvider<Result> {
  readonly capabilities: ServerCapabilities;
  provide(model: ReferatModel, context: DocumentContext, position: Position): Result;
}

/** Document links in two steps: the names (pure), then links for the files the server found. */
export interface DocumentLinkProvider {
  readonly capabilities: ServerCapabilities;
  candidates(model: ReferatModel, context: DocumentContext): BilagName[];
  links(names: readonly BilagName[], files: ReadonlyMap<string, string>, target: (fileName: string) => string, locale?: Locale): DocumentLink[];
}

export interface WorkspaceSymbolProvider {
  readonly capabilities: ServerCapabilities;
  provide(query: string): SymbolInformation[];
}

export interface Provider<Result> {
  /** The capabilities this provider adds to the initialize result. */
  readonly capabilities: ServerCapabilities;
  provide(model: ReferatModel, context: RequestContext): Result;
}

export interface Features {
  readonly documentSymbol: Provider<DocumentSymbol[] | SymbolInformation[]>;
  readonly foldingRange: Provider<FoldingRange[]>;
  readonly completion: PositionProvider<CompletionItem[]>;
  readonly hover: PositionProvider<Hover | null>;
  /** References and definition on a sagsnummer: the case's history across the workspace. */
  readonly references: PositionProvider<Location[] | null>;
  readonly definition: PositionProvider<Location[] | null>;
  readonly workspaceSymbol: WorkspaceSymbolProvider;
  readonly documentLink: DocumentLinkProvider;
}

/** The features; the workspace index feeds references, definition, symbols and hover's case history. */
export function createFeatures(index: WorkspaceIndex = new WorkspaceIndex()): Features {
  const options = (c: RequestContext): { locale?: Locale; rules?: RuleOptions } => ({
    ...(c.locale !== undefined ? { locale: c.locale } : {}),
    ...(c.rules !== undefined ? { rules: c.rules } : {}),
  });
  return {
    documentSymbol: {
      capabilities: { documentSymbolProvider: { label: 'Referat' } },
      provide(model, context) {
        const { uri, client } = context;
        const symbols = documentSymbols(model, options(context));
        return client.hierarchicalDocumentSymbols ? symbols : toSymbolInformation(symbols, uri);
      },
    },
    foldingRange: {
      capabilities: { foldingRangeProvider: true },
      provide: (model) => foldingRanges(model),
    },
    completion: {
      capabilities: { completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false } },
      provide: (model, context, position) => completions(model, context.text, position, options(context)),
    },
    hover: {
      capabilities: { hoverProvider: true },
      provide: (model, context, position) =>
        hover(model, context.text, position, { ...options(context), history: (value) => index.history(value) }),
    },
    references: {
      capabilities: { referencesProvider: true },
      provide: (model, context, position) => caseHistory(index, model, context.text, position),
    },
    definition: {
      capabilities: { definitionProvider: true },
      provide: (model, context, position) => caseHistory(index, model, context.text, position),
    },
    workspaceSymbol: {
      capabilities: { workspaceSymbolProvider: true },
      provide: (query) => workspaceSymbols(index, query),
    },
    documentLink: {
      capabilities: { documentLinkProvider: { resolveProvider: false } },
      candidates: (model, context) => bilagNames(model, context.text),
      links: (names, files, target, locale) => bilagLinks(names, files, target, locale),
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
