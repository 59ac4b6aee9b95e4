// The language server as a Node program: the LSP side (lspServer.ts) on the disk's files,
// with the rule docs beside the bundle and the Word and PDF readers. `serve()` wires a
// connection (tests pass their own); `main()` runs when the bundle is started as a program.
import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
} from 'vscode-languageserver/node';
import * as path from 'path';
import { readDocumentFile } from './files/readDocument';
import { serveReferat, SERVER_NAME, type ServerHost } from './lspServer';
import { nodeConfigFs, nodeFiles, pathToUri } from './node/host';
import { VERSION } from './version';

const TRANSPORT_FLAGS = ['--stdio', '--node-ipc', '--socket=', '--pipe='];

/** The desktop: the disk, and the rule docs beside the bundle (dist/../docs/rules), so links work offline. */
export function nodeServerHost(): ServerHost {
  return {
    files: nodeFiles,
    configFs: nodeConfigFs,
    docsUri: pathToUri(path.resolve(__dirname, '..', 'docs', 'rules')),
    readDocument: (file) => readDocumentFile(file),
  };
}

/** Wires one connection to one service, on the disk. */
export function serve(connection: Connection): void {
  serveReferat(connection, nodeServerHost());
}

/**
 * stdio with a reader that gives up on broken framing: after a bad header the stream
 * cannot be read again, so the server exits and the client restarts it, rather than
 * living on deaf. A bad JSON body in a good frame (a SyntaxError) is only logged.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  reader.onError((error) => {
    if (error instanceof SyntaxError) {
      process.stderr.write(`${SERVER_NAME}: ignorerer en besked, der ikke er gyldig JSON: ${error.message}\n`);
      return;
    }
    process.stderr.write(`${SERVER_NAME}: kan ikke læse beskederne længere (${error.message}); afslutter, så editoren kan starte serveren igen.\n`);
    process.exit(1);
  });
  return createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout));
}

/** The process's entry: `--version`, a usage note when started by hand, else the server on the given transport. */
export function main(argv: readonly string[]): void {
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
  const connection = argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
  serve(connection);
  connection.listen();
}

// Only as a program (node dist/server.js, or forked by the editor), not when a test imports serve().
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) main(process.argv.slice(2));
