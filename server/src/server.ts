// The language server: adapts LSP to the Referat service (service/service.ts) and does
// nothing else. Every handler finds the document, asks the service, converts the answer
// to LSP and logs a failure instead of dying. `serve()` wires a connection (tests pass
// their own); `main()` runs when the bundle is started as a program.
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type FileEvent,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'path';
import { CONFIG_FILE_NAME } from './config/schema';
import { ConfigSession, isConfigFile } from './config/session';
import { clientOptions, featureCapabilities, type ClientOptions } from './features';
import { FIX_ALL_KIND } from './features/codeActions';
import { toLspDiagnostics } from './features/diagnostics';
import { folderLookup } from './features/documentLinks';
import { renderReportHtml } from './features/reportHtml';
import { skeleton } from './features/skeleton';
import type { LineSource } from './features/text';
import { CONTENT_SUFFIXES, REFERAT_SUFFIXES } from './files/names';
import { checkRequest, guardedDocumentSync, type ParamShape } from './lspGuard';
import { lineBreakOf } from './parser/lines';
import { SNIFF_CHARS, sniffMinutes } from './parser/sniff';
import { listFolderFiles } from './files/walk';
import { readLocale, type Locale } from './l10n/locale';
import { reportWords } from './l10n/report';
import { placeOf, type ExtractedDocument } from './files/document';
import { readDocumentFile } from './files/readDocument';
import {
  extractedUri,
  REVEAL_LINE_COMMAND,
  SERVER_COMMANDS,
  sourceOfExtracted,
  WORKSPACE_TRUSTED_NOTIFICATION,
  type ExtractAnswer,
  type LintWorkspaceResult,
  type FromAgendaAnswer,
  type ReportAnswer,
  type SniffResult,
  type UpdateTocResult,
} from './protocol';
import type { LintDiagnostic } from './rules/engine';
import { createReferatService, describeError, documentName, type DocumentRef, type ReferatService } from './service/service';
import { readTextFile } from './files/read';
import type { FileChange } from './service/workspace';
import { pathToUri, uriToPath } from './workspace/indexer';
import { VERSION } from './version';

const SERVER_NAME = 'referat-language-server';
const TRANSPORT_FLAGS = ['--stdio', '--node-ipc', '--socket=', '--pipe='];
// .txt and .md too: the index takes those whose content is minutes (workspace/indexer.ts).
const REFERAT_GLOBS = [...REFERAT_SUFFIXES, ...CONTENT_SUFFIXES].map((s) => `**/*${s}`);

/** Lines of an open document, read one at a time (no split of the whole text). */
function lineSource(document: TextDocument): LineSource {
  const lineAt = (line: number): string => {
    if (line < 0 || line >= document.lineCount) return '';
    let s = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    if (s.endsWith('\r\n')) s = s.slice(0, -2);
    else if (s.endsWith('\n') || s.endsWith('\r')) s = s.slice(0, -1);
    return line === 0 && s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  };
  const first = document.lineCount > 1 ? document.getText({ start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }) : '';
  return { lineCount: document.lineCount, lineAt, eol: lineBreakOf(first) };
}

function ref(document: TextDocument): DocumentRef {
  return { uri: document.uri, version: document.version, getText: () => document.getText(), lines: () => lineSource(document) };
}

type CaseHistoryHandler = (params: TextDocumentPositionParams) => Promise<Location[] | null>;

const FILE_CHANGE: Record<FileChangeType, FileChange['kind']> = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
};

/** Wires one connection to one service. */
export function serve(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let locale: Locale = 'da';
  let client: ClientOptions = { hierarchicalDocumentSymbols: true };
  let canPullConfiguration = false;
  let canWatchFiles = false;
  let canRegisterConfiguration = false;
  let canWatchFolders = false;
  let folders: string[] = [];

  // Configuration: .referatrc.json found upward from each document, the referat.* settings, trust.
  const configs = new ConfigSession({
    publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    notify: (message, severity) =>
      void connection.sendNotification(ShowMessageNotification.type, { type: severity === 'info' ? MessageType.Info : MessageType.Warning, message }),
    log: (message) => connection.console.warn(message),
  });
  const service: ReferatService = createReferatService({
    configs,
    log: (message) => connection.console.error(message),
    publish: (uri, findings) => void connection.sendDiagnostics({ uri, diagnostics: toLspDiagnostics(findings, (rule) => service.docsHref(rule)) }),
    // Rule docs ship beside the bundle (dist/../docs/rules), so links work offline.
    docsDir: path.resolve(__dirname, '..', 'docs', 'rules'),
    locale: () => locale,
  });

  // Requests before initialize get -32002, malformed ones -32602 (lspGuard.ts).
  let initialized = false;
  const checked =
    <P, R>(shape: ParamShape, handler: (params: P) => R) =>
    (params: P): R => {
      checkRequest(initialized, params, shape);
      return handler(params);
    };

  /** The open referat document at a URI (a config file opened as a document is not one). */
  const open = (uri: unknown): DocumentRef | undefined => {
    if (typeof uri !== 'string' || isConfigFile(uri)) return undefined;
    const document = documents.get(uri);
    return document === undefined ? undefined : ref(document);
  };
  const openDocuments = (): DocumentRef[] => documents.all().filter((d) => !isConfigFile(d.uri)).map(ref);
  const syncIndex = (): void => service.workspace.syncOpen(openDocuments(), (d) => service.model(d));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    client = clientOptions(params.capabilities);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canRegisterConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    canWatchFolders = params.capabilities.workspace?.workspaceFolders === true;
    folders = params.workspaceFolders ? params.workspaceFolders.map((f) => f.uri) : params.rootUri ? [params.rootUri] : [];
    const init = params.initializationOptions as { locale?: unknown; trusted?: unknown } | undefined;
    locale = readLocale(init?.locale) ?? locale;
    configs.baseLocale = locale;
    // VS Code's client says whether the workspace is trusted; other editors do not, and are trusted.
    configs.setTrusted(init?.trusted !== false);
    initialized = true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...featureCapabilities(service.features),
        codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite', FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME, version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (canWatchFiles) {
      const watchers = [`**/${CONFIG_FILE_NAME}`, ...REFERAT_GLOBS].map((globPattern) => ({ globPattern }));
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    }
    if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'referat' });
    if (canWatchFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        service.workspace.removeFolders(event.removed.map((f) => f.uri));
        void service.workspace.addFolders(event.added.map((f) => f.uri));
      });
    }
    void refreshConfiguration();
    // Once the scan is in, an open referat may have its dagsorden (agenda-mismatch).
    void service.workspace.addFolders(folders).then(revalidateRelated);
  });

  // ---- Configuration: any change drops every cached model and finding, and re-lints.

  const configChanged = (): void => {
    service.configChanged();
    for (const document of documents.all()) scheduleValidation(document.uri);
  };

  async function refreshConfiguration(): Promise<void> {
    if (!canPullConfiguration) return;
    try {
      const settings = (await connection.workspace.getConfiguration('referat')) as { locale?: unknown } | null;
      locale = readLocale(settings?.locale) ?? 'da';
      configs.baseLocale = locale;
      configs.setSettings(settings);
      configChanged();
    } catch (error) {
      connection.console.error(service.messages().settingsUnreadable(describeError(error)));
    }
  }

  connection.onDidChangeConfiguration(() => void refreshConfiguration());
  connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
    if (configs.setTrusted(true)) configChanged();
  });
  connection.onDidChangeWatchedFiles((params) => {
    if (configs.filesChanged(params.changes.map((c) => c.uri))) configChanged();
    service.workspace.filesChanged(params.changes.map((c: FileEvent) => ({ uri: c.uri, kind: FILE_CHANGE[c.type] ?? 'changed' })));
    void service.workspace.ready.then(revalidateRelated);
  });

  // ---- Diagnostics: once per burst of changes, for the latest version only; each publish names its version.

  const pending = new Set<string>();
  function scheduleValidation(uri: string): void {
    if (pending.has(uri)) return;
    pending.add(uri);
    setImmediate(() => {
      pending.delete(uri);
      const doc = open(uri);
      if (doc === undefined) return;
      service.guard(`diagnostics for ${uri}`, undefined, () => {
        // The open documents' live text in the index: a referat is compared with its open dagsorden as it is now.
        syncIndex();
        const diagnostics = toLspDiagnostics(placed(uri, service.findings(doc)), (rule) => service.docsHref(rule));
        void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
        if (service.model(doc).kind === 'dagsorden') revalidateRelated();
      });
    });
  }

  /** Re-lints the open documents whose meeting's dagsordener changed in the index (agenda-mismatch). */
  function revalidateRelated(): void {
    service.guard('agenda-mismatch', undefined, () => {
      for (const doc of openDocuments()) if (service.agendasChanged(doc)) scheduleValidation(doc.uri);
    });
  }

  documents.onDidOpen((event) => service.workspace.opened(event.document.uri));
  documents.onDidChangeContent((event) => scheduleValidation(event.document.uri));
  documents.onDidClose((event) => {
    const uri = event.document.uri;
    service.forget(uri);
    pending.delete(uri);
    // Clear the Problems panel for a closed document; its disk findings come back if the workspace was linted.
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    void service.workspace.closed(uri).then(revalidateRelated);
  });

  // ---- Features: the service's providers on the document's cached model.

  connection.onDocumentSymbol(checked('document', (params) =>
    service.guard('textDocument/documentSymbol', [], () => {
      const doc = open(params.textDocument.uri);
      return doc === undefined ? [] : service.features.documentSymbol.provide(service.model(doc), service.context(doc, client));
    })),
  );
  connection.onFoldingRanges(checked('document', (params) =>
    service.guard('textDocument/foldingRange', [], () => {
      const doc = open(params.textDocument.uri);
      return doc === undefined ? [] : service.features.foldingRange.provide(service.model(doc), service.context(doc, client));
    })),
  );
  connection.onCompletion(checked('position', (params) =>
    service.guard('textDocument/completion', [], () => {
      const doc = open(params.textDocument.uri);
      return doc === undefined ? [] : service.features.completion.provide(service.model(doc), service.context(doc, client), params.position);
    })),
  );
  connection.onHover(checked('position', (params) =>
    service.guard('textDocument/hover', null, () => {
      const doc = open(params.textDocument.uri);
      if (doc === undefined) return null;
      syncIndex();
      return service.features.hover.provide(service.model(doc), service.context(doc, client), params.position);
    })),
  );
  // References and definition on a sagsnummer: the case's history, once the workspace scan is in.
  const onCaseHistory = [
    { method: 'textDocument/references', provider: service.features.references, register: (h: CaseHistoryHandler) => connection.onReferences(h) },
    { method: 'textDocument/definition', provider: service.features.definition, register: (h: CaseHistoryHandler) => connection.onDefinition(h) },
  ];
  for (const { method, register, provider } of onCaseHistory) {
    register(checked('position', (params) =>
      service.guardAsync(method, null, async () => {
        await service.workspace.readyWithin();
        const doc = open(params.textDocument.uri);
        if (doc === undefined) return null;
        syncIndex();
        return provider.provide(service.model(doc), service.context(doc, client), params.position);
      })),
    );
  }
  connection.onWorkspaceSymbol(checked('none', (params) =>
    service.guardAsync('workspace/symbol', [], async () => {
      await service.workspace.readyWithin();
      syncIndex();
      return service.features.workspaceSymbol.provide(params.query);
    })),
  );
  connection.onDocumentLinks(checked('document', (params) =>
    service.guardAsync('textDocument/documentLink', [], async () => {
      const doc = open(params.textDocument.uri);
      const file = uriToPath(params.textDocument.uri);
      if (doc === undefined || file === null) return [];
      const context = service.context(doc, client);
      const names = service.features.documentLink.candidates(service.model(doc), context);
      if (names.length === 0) return [];
      const dir = path.dirname(file);
      const files = folderLookup(await listFolderFiles(dir));
      return service.features.documentLink.links(names, files, (name) => pathToUri(path.join(dir, name)), context.locale);
    })),
  );
  connection.onCodeAction(checked('range', (params) =>
    service.guard('textDocument/codeAction', [], () => {
      const doc = open(params.textDocument.uri);
      if (doc === undefined) return [];
      return service.codeActions(doc, {
        contextDiagnostics: params.context.diagnostics,
        ...(params.context.only !== undefined ? { only: params.context.only } : {}),
        range: params.range,
      });
    })),
  );

  // ---- Commands (protocol.ts): the client's commands call these.

  async function updateToc(uri: unknown): Promise<UpdateTocResult> {
    const doc = open(uri);
    if (doc === undefined) return { changed: false };
    const answer = service.updateToc(doc);
    if ('message' in answer) {
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: answer.message });
      return { changed: false, message: answer.message };
    }
    const result = await connection.workspace.applyEdit({ label: answer.label, edit: { changes: { [doc.uri]: [answer.edit] } } });
    return { changed: result.applied };
  }

  // ---- Word and PDF: the client shows a file's text read-only (EXTRACTED_SCHEME); its
  // findings say where they are in the file itself. The last few extractions are kept.

  const extracted = new Map<string, ExtractedDocument>();
  const KEEP_EXTRACTED = 16;

  async function extract(uri: unknown): Promise<ExtractAnswer> {
    const words = service.messages();
    const file = typeof uri === 'string' ? uriToPath(uri) : null;
    const target = typeof uri === 'string' ? extractedUri(uri) : null;
    if (file === null || target === null) return { ok: false, message: words.cannotExtract(String(uri), words.notDocument) };
    const read = await readDocumentFile(file);
    const name = path.basename(file);
    if (!read.ok) {
      const reason = read.reason === 'not-document' ? words.notDocument : read.reason === 'read' ? words.readFailure[read.failure] : words.documentFailure[read.failure];
      return { ok: false, message: words.cannotExtract(name, 'detail' in read && read.detail !== undefined ? `${reason} (${read.detail})` : reason) };
    }
    // Kept by the file's path: editors spell the extracted URI in their own way.
    extracted.delete(file);
    extracted.set(file, read.document);
    for (const old of extracted.keys()) if (extracted.size > KEEP_EXTRACTED) extracted.delete(old);
    return { ok: true, uri: target, text: read.document.text, format: read.document.format, units: read.document.units };
  }

  /** The Word or PDF file whose text an extracted document shows, if it was read here. */
  function extractedOf(uri: string): ExtractedDocument | undefined {
    const source = sourceOfExtracted(uri);
    const file = source === null ? null : uriToPath(source);
    return file === null ? undefined : extracted.get(file);
  }

  /** In a Word or PDF file's text, each finding also says where it is in the file: "(side 3:linje 12)". */
  function placed(uri: string, findings: readonly LintDiagnostic[]): readonly LintDiagnostic[] {
    const document = extractedOf(uri);
    if (document === undefined) return findings;
    const words = service.messages();
    return findings.map((f) => {
      const place = placeOf(document, f.range.start.line, f.range.start.character);
      return place === null ? f : { ...f, message: `${f.message} (${words.place(place)})` };
    });
  }

  /**
   * The publication report of an open document (its cached model and findings) as HTML for
   * the client's webview. Its links are command: URIs of REVEAL_LINE_COMMAND, which the
   * webview may run and nothing else; a webview without scripts cannot post messages.
   */
  function report(uri: unknown): ReportAnswer {
    const doc = open(uri);
    if (doc === undefined) return { ok: false, message: reportWords(locale).notOpen };
    const docLocale = service.config(doc.uri).locale;
    const document = extractedOf(doc.uri);
    const file = uriToPath(sourceOfExtracted(doc.uri) ?? doc.uri) ?? doc.uri;
    const data = service.report(doc, file, document === undefined ? {} : { format: document.format, locate: (line, character) => placeOf(document, line, character) });
    const reveal = (line: number, character: number): string => `command:${REVEAL_LINE_COMMAND}?${encodeURIComponent(JSON.stringify([doc.uri, line, character]))}`;
    const html = renderReportHtml([data], { locale: docLocale, generator: `Referat ${VERSION}`, href: (_r, range) => reveal(range.start.line, range.start.character) });
    return { ok: true, html, verdict: data.verdict, title: `${reportWords(docLocale).title} ${path.basename(file)}` };
  }

  /** "Opret referat fra dagsorden": the referat of an open dagsorden, or of a file on disk (text, Word or PDF). */
  async function newFromAgenda(uri: unknown): Promise<FromAgendaAnswer> {
    const words = service.messages();
    if (typeof uri !== 'string') return { ok: false, message: words.fromAgenda.cannotRead(String(uri), words.readFailure.missing) };
    const name = documentName(sourceOfExtracted(uri) ?? uri);
    let text: string;
    const doc = open(uri);
    if (doc !== undefined) text = doc.getText();
    else {
      const file = uriToPath(uri);
      if (file === null) return { ok: false, message: words.fromAgenda.cannotRead(name, words.readFailure.missing) };
      const read = await readTextFile(file);
      if (read.ok) text = read.text;
      else if (read.reason !== 'binary') return { ok: false, message: words.fromAgenda.cannotRead(name, words.readFailure[read.reason]) };
      else {
        const document = await readDocumentFile(file);
        if (!document.ok) {
          const reason = document.reason === 'not-document' ? words.readFailure.binary : document.reason === 'read' ? words.readFailure[document.failure] : words.documentFailure[document.failure];
          return { ok: false, message: words.fromAgenda.cannotRead(name, reason) };
        }
        text = document.document.text;
      }
    }
    const result = service.fromAgenda(uri, text);
    if (!result.ok) return { ok: false, message: result.reason === 'minutes' ? words.fromAgenda.minutes(name) : words.fromAgenda.noPunkter(name) };
    return { ok: true, text: result.text, decisions: result.decisions };
  }

  async function lintWorkspace(): Promise<LintWorkspaceResult> {
    await service.workspace.ready;
    syncIndex();
    return service.workspace.lintAll((uri): readonly LintDiagnostic[] => {
      const doc = open(uri);
      return doc === undefined ? [] : service.findings(doc);
    }, service.messages());
  }

  connection.onExecuteCommand(checked('none', (params) =>
    service.guardAsync(`workspace/executeCommand ${params.command}`, null, async () => {
      switch (params.command) {
        case SERVER_COMMANDS.updateToc:
          return updateToc(params.arguments?.[0]);
        case SERVER_COMMANDS.lintWorkspace:
          return lintWorkspace();
        case SERVER_COMMANDS.sniff: {
          // The client sends a document's head; the same evidence as the folder walk decides (parser/sniff.ts).
          const head = params.arguments?.[0];
          return { minutes: typeof head === 'string' && sniffMinutes(head.slice(0, SNIFF_CHARS)).minutes } satisfies SniffResult;
        }
        case SERVER_COMMANDS.extract:
          return extract(params.arguments?.[0]);
        case SERVER_COMMANDS.report:
          return report(params.arguments?.[0]);
        case SERVER_COMMANDS.skeleton:
          return skeleton(new Date(), params.arguments?.[0] === 'dagsorden' ? 'dagsorden' : 'referat');
        case SERVER_COMMANDS.newFromAgenda:
          return newFromAgenda(params.arguments?.[0]);
        default:
          return null;
      }
    })),
  );

  documents.listen(guardedDocumentSync(connection, (message) => connection.console.warn(message)));
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
