// The language server's LSP side, the same on the desktop and in the browser: adapts LSP
// to the Referat service (service/service.ts) and does nothing else. Every handler finds
// the document, asks the service, converts the answer to LSP and logs a failure instead
// of dying. What differs between the two comes in through ServerHost: the files (the disk,
// or the client's workspace.fs), the config files, the rule docs and the Word and PDF
// readers (desktop only). server.ts is the Node entry, browserServer.ts the web worker's.
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type FileEvent,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type TextDocumentPositionParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from './config/schema';
import { ConfigSession, isConfigFile } from './config/session';
import type { ConfigFs } from './config/store';
import { clientOptions, featureCapabilities, type ClientOptions } from './features';
import { FIX_ALL_KIND } from './features/codeActions';
import { toLspDiagnostics } from './features/diagnostics';
import { folderLookup } from './features/documentLinks';
import { renderReportHtml } from './features/reportHtml';
import { skeleton } from './features/skeleton';
import type { LineSource } from './features/text';
import type { FileHost } from './files/host';
import { CONTENT_SUFFIXES, REFERAT_SUFFIXES } from './files/names';
import type { ReadDocumentResult } from './files/readDocument';
import { checkRequest, guardedDocumentSync, type ParamShape } from './lspGuard';
import { lineBreakOf } from './parser/lines';
import { SNIFF_CHARS, sniffMinutes } from './parser/sniff';
import { readLocale, type Locale } from './l10n/locale';
import { reportWords } from './l10n/report';
import { placeOf, type ExtractedDocument } from './files/document';
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
import { nextTurn } from './schedule';
import { createReferatService, describeError, documentName, type DocumentRef, type ReferatService } from './service/service';
import type { FileChange } from './service/workspace';
import { VERSION } from './version';

/** What the desktop and the browser give the server differently. */
export interface ServerHost {
  /** The workspace's files: the disk (node/host.ts), or the client's workspace.fs (web/clientFiles.ts). */
  files: FileHost;
  /** The .referatrc.json files, read as a document's configuration is looked up (synchronously). */
  configFs: ConfigFs;
  /**
   * Reads the workspace folders' config files into `configFs` before a change to them is
   * applied: the browser keeps copies; the desktop reads the disk as it looks, and has none.
   */
  loadConfigFiles?(folders: readonly string[]): Promise<void>;
  /** The folder of the rule doc pages as a URI; else the client's `initializationOptions.docsUri`. */
  docsUri?: string;
  /** A Word or PDF file's text (mammoth and pdf.js, in Node only); without it, the server says these are desktop-only. */
  readDocument?(file: string): Promise<ReadDocumentResult>;
}

export const SERVER_NAME = 'referat-language-server';
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
export function serveReferat(connection: Connection, host: ServerHost): void {
  const names = host.files.names;
  const documents = new TextDocuments(TextDocument);
  let locale: Locale = 'da';
  let client: ClientOptions = { hierarchicalDocumentSymbols: true };
  let canPullConfiguration = false;
  let canWatchFiles = false;
  let canRegisterConfiguration = false;
  let canWatchFolders = false;
  let folders: string[] = [];
  let docsUri = host.docsUri;

  // Configuration: .referatrc.json found upward from each document, the referat.* settings, trust.
  const configs = new ConfigSession(
    {
      publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
      notify: (message, severity) =>
        void connection.sendNotification(ShowMessageNotification.type, { type: severity === 'info' ? MessageType.Info : MessageType.Warning, message }),
      log: (message) => connection.console.warn(message),
    },
    host.configFs,
    names,
  );
  const service: ReferatService = createReferatService({
    configs,
    files: host.files,
    log: (message) => connection.console.error(message),
    publish: (uri, findings) => void connection.sendDiagnostics({ uri, diagnostics: toLspDiagnostics(findings, (rule) => service.docsHref(rule)) }),
    docsUri: () => docsUri,
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
    const init = params.initializationOptions as { locale?: unknown; trusted?: unknown; docsUri?: unknown } | undefined;
    locale = readLocale(init?.locale) ?? locale;
    if (docsUri === undefined && typeof init?.docsUri === 'string') docsUri = init.docsUri;
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
        const removed = new Set(event.removed.map((f) => f.uri));
        folders = [...folders.filter((f) => !removed.has(f)), ...event.added.map((f) => f.uri)];
        service.workspace.removeFolders([...removed]);
        const added = (): void => void service.workspace.addFolders(event.added.map((f) => f.uri));
        if (host.loadConfigFiles === undefined) added();
        else void loadConfigFiles().then(added);
      });
    }
    void refreshConfiguration();
    // Once the scan is in, an open referat may have its dagsorden (agenda-mismatch).
    const scan = (): void => void service.workspace.addFolders(folders).then(revalidateRelated);
    // In the browser the folders' config files come first: they say what the scan takes.
    if (host.loadConfigFiles === undefined) scan();
    else void loadConfigFiles().then(scan);
  });

  /** The browser's copies of the config files, read again; every cached configuration is then dropped. */
  async function loadConfigFiles(): Promise<void> {
    try {
      await host.loadConfigFiles?.(folders);
    } catch (error) {
      connection.console.error(service.messages().internalError(CONFIG_FILE_NAME, describeError(error)));
    }
    configs.reload();
    configChanged();
  }

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
    const uris = params.changes.map((c) => c.uri);
    if (host.loadConfigFiles !== undefined && uris.some(isConfigFile)) void loadConfigFiles();
    else if (configs.filesChanged(uris)) configChanged();
    service.workspace.filesChanged(params.changes.map((c: FileEvent) => ({ uri: c.uri, kind: FILE_CHANGE[c.type] ?? 'changed' })));
    void service.workspace.ready.then(revalidateRelated);
  });

  // ---- Diagnostics: once per burst of changes, for the latest version only; each publish names its version.

  const pending = new Set<string>();
  function scheduleValidation(uri: string): void {
    if (pending.has(uri)) return;
    pending.add(uri);
    nextTurn(() => {
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
      const file = names.fromUri(params.textDocument.uri);
      if (doc === undefined || file === null) return [];
      const context = service.context(doc, client);
      const bilag = service.features.documentLink.candidates(service.model(doc), context);
      if (bilag.length === 0) return [];
      const dir = names.dirname(file);
      const files = folderLookup(await host.files.listFolder(dir));
      return service.features.documentLink.links(bilag, files, (name) => names.toUri(names.join(dir, name)), context.locale);
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
    const file = typeof uri === 'string' ? names.fromUri(uri) : null;
    const target = typeof uri === 'string' ? extractedUri(uri) : null;
    if (file === null || target === null) return { ok: false, message: words.cannotExtract(String(uri), words.notDocument) };
    const name = names.basename(file);
    if (host.readDocument === undefined) return { ok: false, message: words.cannotExtract(name, words.desktopOnly) };
    const read = await host.readDocument(file);
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
    const file = source === null ? null : names.fromUri(source);
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
    const file = names.fromUri(sourceOfExtracted(doc.uri) ?? doc.uri) ?? doc.uri;
    const data = service.report(doc, file, document === undefined ? {} : { format: document.format, locate: (line, character) => placeOf(document, line, character) });
    const reveal = (line: number, character: number): string => `command:${REVEAL_LINE_COMMAND}?${encodeURIComponent(JSON.stringify([doc.uri, line, character]))}`;
    const html = renderReportHtml([data], { locale: docLocale, generator: `Referat ${VERSION}`, href: (_r, range) => reveal(range.start.line, range.start.character) });
    return { ok: true, html, verdict: data.verdict, title: `${reportWords(docLocale).title} ${names.basename(file)}` };
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
      const file = names.fromUri(uri);
      if (file === null) return { ok: false, message: words.fromAgenda.cannotRead(name, words.readFailure.missing) };
      const read = await host.files.readText(file);
      if (read.ok) text = read.text;
      else if (read.reason !== 'binary') return { ok: false, message: words.fromAgenda.cannotRead(name, words.readFailure[read.reason]) };
      else if (host.readDocument === undefined) return { ok: false, message: words.fromAgenda.cannotRead(name, words.desktopOnly) };
      else {
        const document = await host.readDocument(file);
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
