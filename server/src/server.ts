// The language server: wires LSP to the pure core and nothing else. Every feature reads
// the model from the cache, which parses once per document version.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clientOptions, createFeatures, featureCapabilities, type ClientOptions, type Provider } from './features';
import { ModelCache } from './modelCache';
import { VERSION } from './version';

const SERVER_NAME = 'referat-language-server';
const TRANSPORT_FLAGS = ['--stdio', '--node-ipc', '--socket=', '--pipe='];

const argv = process.argv.slice(2);
if (argv.includes('--version')) {
  process.stdout.write(`${VERSION}\n`);
  process.exit(0);
}
if (!argv.some((a) => TRANSPORT_FLAGS.some((f) => (f.endsWith('=') ? a.startsWith(f) : a === f)))) {
  process.stderr.write(
    `${SERVER_NAME} ${VERSION}\n` +
      `Brug: ${SERVER_NAME} --stdio | --node-ipc | --socket=<port> | --pipe=<navn>\n` +
      'Serveren startes normalt af editoren, ikke direkte.\n',
  );
  process.exit(2);
}

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new ModelCache();
const features = createFeatures();
let client: ClientOptions = { hierarchicalDocumentSymbols: true };

connection.onInitialize((params: InitializeParams): InitializeResult => {
  client = clientOptions(params.capabilities);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...featureCapabilities(features),
    },
    serverInfo: { name: SERVER_NAME, version: VERSION },
  };
});

documents.onDidClose((event) => {
  cache.delete(event.document.uri);
});

/** Runs a provider on the document's cached model; on any error logs it and returns the fallback. */
function provide<R>(method: string, uri: string, provider: Provider<R>, fallback: R): R {
  try {
    const document = documents.get(uri);
    if (document === undefined) return fallback;
    const model = cache.get(uri, document.version, document.getText());
    return provider.provide(model, { uri, client });
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    connection.console.error(`Fejl i ${method} for ${uri}: ${detail}`);
    return fallback;
  }
}

connection.onDocumentSymbol((params) =>
  provide('textDocument/documentSymbol', params.textDocument.uri, features.documentSymbol, []),
);
connection.onFoldingRanges((params) =>
  provide('textDocument/foldingRange', params.textDocument.uri, features.foldingRange, []),
);

documents.listen(connection);
connection.listen();
