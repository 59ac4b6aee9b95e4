// The language server in a web worker (vscode.dev, github.dev): the same LSP side as the
// desktop's (lspServer.ts), over the worker's messages, on the files the client reads
// for it (web/clientFiles.ts). Word and PDF reading is desktop-only: without a
// readDocument the server says so. The rule docs' URI comes from the client.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { serveReferat } from './lspServer';
import { ClientConfigFiles, clientFiles } from './web/clientFiles';

/** The worker's global scope, which posts and receives the messages (no DOM types in this project). */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const configFiles = new ClientConfigFiles(connection);
serveReferat(connection, {
  files: clientFiles(connection),
  configFs: configFiles,
  loadConfigFiles: (folders) => configFiles.load(folders),
});
connection.listen();
