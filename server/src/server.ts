// The language server: wires LSP to the pure core and nothing else. Every feature reads
// the model from the cache, which parses once per document version.
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type FileEvent,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CONFIG_FILE_NAME } from './config/schema';
import { ConfigSession, isConfigFile } from './config/session';
import { clientOptions, createFeatures, featureCapabilities, type ClientOptions, type DocumentContext, type PositionProvider, type Provider } from './features';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { toLspDiagnostics } from './features/diagnostics';
import { folderLookup } from './features/documentLinks';
import { skeleton } from './features/skeleton';
import type { LineSource } from './features/text';
import { regenerateToc } from './features/toc';
import { listFolderFiles, readReferatText } from './workspace/files';
import { normalizeUri, pathToUri, uriToPath, WorkspaceIndexer } from './workspace/indexer';
import { lintAll, type LintAllResult } from './workspace/lintAll';
import { ModelCache } from './modelCache';
import { parseReferat, reparseReferat } from './parser/parse';
import { lint, type LintDiagnostic } from './rules/engine';
import { RULE_IDS } from './rules/registry';
import type { Locale } from './l10n/locale';
import { SERVER_COMMANDS, WORKSPACE_TRUSTED_NOTIFICATION } from './protocol';
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
// Configuration: .referatrc.json found upward from each document, the referat.* settings, trust.
const configs = new ConfigSession({
  publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
  notify: (message, severity) => void connection.sendNotification(ShowMessageNotification.type, { type: severity === 'info' ? MessageType.Info : MessageType.Warning, message }),
  log: (message) => connection.console.warn(message),
});
// Models are parsed with the document's config (its section aliases); cleared when config changes.
// An edited version is re-parsed from the previous one: only the punkt that changed is read again.
const cache = new ModelCache((text, uri, previous) => reparseReferat(previous, text, configs.forUri(uri).resolved.parseOptions));
// The workspace index: every referat file in the workspace folders, summarized, kept
// current by file events; open documents count with their live text.
const indexer = new WorkspaceIndexer({
  parse: (uri, text) => parseReferat(text, configs.forUri(uri).resolved.parseOptions),
  isOpen: (uri) => openByKey.has(uri),
  log: (message) => connection.console.log(message),
});
/** Open documents by normalized URI (the index's key) → the URI the client uses. */
const openByKey = new Map<string, string>();
let workspaceFolders: string[] = [];
let canWatchFolders = false;
const features = createFeatures(indexer.index);
let client: ClientOptions = { hierarchicalDocumentSymbols: true };
let locale: Locale = 'da';
let canPullConfiguration = false;
let canWatchFiles = false;
let canRegisterConfiguration = false;

// Rule docs ship beside the bundle (dist/../docs/rules), so links work offline.
const docsDir = path.resolve(__dirname, '..', 'docs', 'rules');
const knownRules = new Set(RULE_IDS);
const docsHrefs = new Map<string, string | undefined>();
const docsHref = (rule: string): string | undefined => {
  // Once per rule: every diagnostic of every publish asks.
  if (!docsHrefs.has(rule)) docsHrefs.set(rule, knownRules.has(rule) ? pathToFileURL(path.join(docsDir, `${rule}.md`)).href : undefined);
  return docsHrefs.get(rule);
};

function readLocale(value: unknown): Locale | undefined {
  return value === 'da' || value === 'en' ? value : undefined;
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  client = clientOptions(params.capabilities);
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  canRegisterConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  canWatchFolders = params.capabilities.workspace?.workspaceFolders === true;
  workspaceFolders = initialFolders(params);
  const init = params.initializationOptions as { locale?: unknown; trusted?: unknown } | undefined;
  locale = readLocale(init?.locale) ?? locale;
  configs.baseLocale = locale;
  // VS Code's client says whether the workspace is trusted; other editors do not, and are trusted.
  configs.setTrusted(init?.trusted !== false);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...featureCapabilities(features),
      codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite', FIX_ALL_KIND], resolveProvider: false },
      executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: SERVER_NAME, version: VERSION },
  };
});

connection.onInitialized(() => {
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] });
  }
  if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'referat' });
  void refreshConfiguration();
  startWorkspace();
});

/** Config changed: no cached model or finding may outlive it; re-lint every open document. */
function configChanged(): void {
  cache.clear();
  findingsCache.clear();
  for (const document of documents.all()) scheduleValidation(document.uri);
}

connection.onDidChangeWatchedFiles((params) => {
  if (configs.filesChanged(params.changes.map((c) => c.uri))) configChanged();
  referatFilesChanged(params.changes);
});

// Sent by the VS Code client when the user trusts the workspace (workspace.onDidGrantWorkspaceTrust).
connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
  if (configs.setTrusted(true)) configChanged();
});

connection.onDidChangeConfiguration(() => {
  void refreshConfiguration();
});

async function refreshConfiguration(): Promise<void> {
  if (!canPullConfiguration) return;
  try {
    const settings = (await connection.workspace.getConfiguration('referat')) as { locale?: unknown } | null;
    locale = readLocale(settings?.locale) ?? 'da';
    configs.baseLocale = locale;
    configs.setSettings(settings);
    configChanged();
  } catch (error) {
    connection.console.error(`Kunne ikke læse indstillingerne: ${error instanceof Error ? error.message : String(error)}`);
  }
}

// Diagnostics are computed once per burst of changes, for the latest version only:
// changes that arrive together are coalesced, and each publish names its version.
const pending = new Set<string>();
function scheduleValidation(uri: string): void {
  if (pending.has(uri)) return;
  pending.add(uri);
  setImmediate(() => {
    pending.delete(uri);
    validate(uri);
  });
}

// Findings per URI and version, shared by diagnostics and code actions.
const findingsCache = new Map<string, { version: number; generation: number; findings: LintDiagnostic[] }>();
function findingsFor(uri: string): LintDiagnostic[] | undefined {
  const document = documents.get(uri);
  if (document === undefined) return undefined;
  const hit = findingsCache.get(uri);
  if (hit !== undefined && hit.version === document.version && hit.generation === configs.generation) return hit.findings;
  const text = document.getText();
  const config = configs.forUri(uri);
  const findings = lint(text, cache.get(uri, document.version, text), {
    locale: config.locale,
    options: config.resolved.ruleOptions,
    severities: config.resolved.severities,
  });
  findingsCache.set(uri, { version: document.version, generation: configs.generation, findings });
  return findings;
}

connection.onCodeAction((params) => {
  try {
    const findings = findingsFor(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    if (findings === undefined || document === undefined) return [];
    return codeActions({
      uri: params.textDocument.uri,
      contextDiagnostics: params.context.diagnostics,
      ...(params.context.only !== undefined ? { only: params.context.only } : {}),
      findings,
      locale: configs.forUri(params.textDocument.uri).locale,
      model: cache.get(document.uri, document.version, document.getText()),
      text: lineSource(document),
      range: params.range,
    });
  } catch (error) {
    connection.console.error(`Fejl i textDocument/codeAction: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return [];
  }
});

function validate(uri: string): void {
  const document = documents.get(uri);
  // A config file opened as a document gets its diagnostics from the config session.
  if (document === undefined || isConfigFile(uri)) return;
  try {
    const findings = findingsFor(uri) ?? [];
    const diagnostics = toLspDiagnostics(findings, docsHref);
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    connection.console.error(`Fejl ved kontrol af ${uri}: ${detail}`);
  }
}

documents.onDidChangeContent((event) => {
  scheduleValidation(event.document.uri);
});

documents.onDidClose((event) => {
  cache.delete(event.document.uri);
  findingsCache.delete(event.document.uri);
  pending.delete(event.document.uri);
  // Clear the Problems panel for a closed document.
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

/** Runs a provider on the document's cached model; on any error logs it and returns the fallback. */
function provide<R>(method: string, uri: string, provider: Provider<R>, fallback: R): R {
  try {
    const document = documents.get(uri);
    if (document === undefined) return fallback;
    const model = cache.get(uri, document.version, document.getText());
    const config = configs.forUri(uri);
    return provider.provide(model, { uri, client, rules: config.resolved.ruleOptions, locale: config.locale });
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

// ---- Authoring help and navigation across meetings: completion, hover, the case's
// history (references/definition), workspace symbols, bilag links and the commands.

const REFERAT_GLOBS = ['**/*.referat', '**/*.referat.txt', '**/*.referat.md'];
/** A navigation request waits at most this long for the first scan of the workspace. */
const INDEX_WAIT_MS = 5_000;

const MESSAGES: Record<Locale, { noToc: string; tocCurrent: string; tocLabel: string; linted: (r: LintAllResult, files: number) => string }> = {
  da: {
    noToc: 'Dokumentet har ingen indholdsfortegnelse.',
    tocCurrent: 'Indholdsfortegnelsen passer allerede med punkterne.',
    tocLabel: 'Opdater indholdsfortegnelse',
    linted: (r, files) =>
      `Tjekkede ${files} ${files === 1 ? 'referat' : 'referater'} i arbejdsområdet: ${r.error} fejl, ${r.warning} ${r.warning === 1 ? 'advarsel' : 'advarsler'}, ${r.information + r.hint} andre fund.` +
      (r.skipped > 0 ? ` ${r.skipped} ${r.skipped === 1 ? 'fil' : 'filer'} kunne ikke læses.` : ''),
  },
  en: {
    noToc: 'The document has no Indholdsfortegnelse.',
    tocCurrent: 'The Indholdsfortegnelse already matches the punkter.',
    tocLabel: 'Update Indholdsfortegnelse',
    linted: (r, files) =>
      `Checked ${files} referat ${files === 1 ? 'file' : 'files'} in the workspace: ${r.error} errors, ${r.warning} warnings, ${r.information + r.hint} other findings.` +
      (r.skipped > 0 ? ` ${r.skipped} could not be read.` : ''),
  },
};

function initialFolders(params: InitializeParams): string[] {
  if (params.workspaceFolders) return params.workspaceFolders.map((f: WorkspaceFolder) => f.uri);
  return params.rootUri ? [params.rootUri] : [];
}

function startWorkspace(): void {
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: REFERAT_GLOBS.map((globPattern) => ({ globPattern })) });
  }
  if (canWatchFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      indexer.removeFolders(event.removed.map((f) => f.uri));
      void indexer.addFolders(event.added.map((f) => f.uri));
    });
  }
  void indexer.addFolders(workspaceFolders);
}

async function indexReady(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([indexer.ready, new Promise<void>((resolve) => (timer = setTimeout(resolve, INDEX_WAIT_MS)))]);
  clearTimeout(timer);
}

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
  return { lineCount: document.lineCount, lineAt, eol: first.endsWith('\r\n') ? '\r\n' : '\n' };
}

function documentContext(document: TextDocument): DocumentContext {
  const config = configs.forUri(document.uri);
  return { uri: document.uri, client, rules: config.resolved.ruleOptions, locale: config.locale, text: lineSource(document) };
}

/** Runs a position provider on the document's cached model; on any error logs it and returns the fallback. */
function provideAt<R>(method: string, uri: string, position: { line: number; character: number }, provider: PositionProvider<R>, fallback: R): R {
  try {
    const document = documents.get(uri);
    if (document === undefined || isConfigFile(uri)) return fallback;
    const model = cache.get(uri, document.version, document.getText());
    return provider.provide(model, documentContext(document), position);
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    connection.console.error(`Fejl i ${method} for ${uri}: ${detail}`);
    return fallback;
  }
}

// Open documents count in the index with their live text; synced before index reads.
const indexedVersions = new Map<string, number>();
function syncOpenDocuments(): void {
  for (const document of documents.all()) {
    if (isConfigFile(document.uri) || indexedVersions.get(document.uri) === document.version) continue;
    try {
      indexer.updateOpen(document.uri, cache.get(document.uri, document.version, document.getText()));
      indexedVersions.set(document.uri, document.version);
    } catch (error) {
      connection.console.error(`Kunne ikke indeksere ${document.uri}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

// Files whose findings from disk were published ("Tjek alle referater"), kept current.
let workspaceLinted = false;
const diskLinted = new Set<string>();

function lintDisk(uri: string, text: string): LintDiagnostic[] {
  const config = configs.forUri(uri);
  const model = parseReferat(text, config.resolved.parseOptions);
  return lint(text, model, { locale: config.locale, options: config.resolved.ruleOptions, severities: config.resolved.severities });
}

function publishDisk(uri: string, findings: LintDiagnostic[]): void {
  if (findings.length > 0) diskLinted.add(uri);
  else diskLinted.delete(uri);
  void connection.sendDiagnostics({ uri, diagnostics: toLspDiagnostics(findings, docsHref) });
}

async function relintDisk(uri: string): Promise<void> {
  const file = uriToPath(uri);
  if (file === null || openByKey.has(uri)) return;
  const read = await readReferatText(file);
  if (openByKey.has(uri)) return;
  publishDisk(uri, read.ok ? lintDisk(uri, read.text) : []);
}

function referatFilesChanged(changes: readonly FileEvent[]): void {
  for (const change of changes) {
    const uri = normalizeUri(change.uri);
    if (!indexer.inWorkspace(uri)) continue;
    if (change.type === FileChangeType.Deleted) {
      indexer.remove(uri);
      if (diskLinted.has(uri)) publishDisk(uri, []);
      continue;
    }
    void indexer.refresh(uri).then(() => (workspaceLinted ? relintDisk(uri) : undefined));
  }
}

documents.onDidOpen((event) => {
  openByKey.set(normalizeUri(event.document.uri), event.document.uri);
});

documents.onDidClose((event) => {
  const uri = normalizeUri(event.document.uri);
  openByKey.delete(uri);
  indexedVersions.delete(event.document.uri);
  void indexer.closed(uri).then(() => (workspaceLinted && indexer.inWorkspace(uri) ? relintDisk(uri) : undefined));
});

async function updateToc(uri: unknown): Promise<{ changed: boolean; message?: string }> {
  const document = typeof uri === 'string' ? documents.get(uri) : undefined;
  if (document === undefined) return { changed: false };
  const locale = configs.forUri(document.uri).locale;
  const model = cache.get(document.uri, document.version, document.getText());
  const edit = regenerateToc(model, lineSource(document));
  if (edit === null) {
    const message = model.toc === null ? MESSAGES[locale].noToc : MESSAGES[locale].tocCurrent;
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
    return { changed: false, message };
  }
  const result = await connection.workspace.applyEdit({ label: MESSAGES[locale].tocLabel, edit: { changes: { [document.uri]: [edit] } } });
  return { changed: result.applied };
}

async function lintWorkspace(): Promise<LintAllResult & { message: string }> {
  await indexer.ready;
  syncOpenDocuments();
  workspaceLinted = true;
  const inWorkspace = indexer.index.uris().filter((u) => indexer.inWorkspace(u));
  const result = await lintAll({
    files: () => inWorkspace,
    isOpen: (u) => openByKey.has(u),
    read: (u) => readReferatText(uriToPath(u) ?? ''),
    lint: lintDisk,
    publish: publishDisk,
  });
  // Open documents already have live diagnostics; they count in the summary.
  let open = 0;
  for (const u of inWorkspace) {
    const clientUri = openByKey.get(u);
    if (clientUri === undefined) continue;
    open++;
    for (const f of findingsFor(clientUri) ?? []) result[f.severity]++;
  }
  return { ...result, message: MESSAGES[locale].linted(result, result.files + open) };
}

connection.onCompletion((params) => provideAt('textDocument/completion', params.textDocument.uri, params.position, features.completion, []));

connection.onHover((params) => {
  syncOpenDocuments();
  return provideAt('textDocument/hover', params.textDocument.uri, params.position, features.hover, null);
});

connection.onReferences(async (params) => {
  await indexReady();
  syncOpenDocuments();
  return provideAt('textDocument/references', params.textDocument.uri, params.position, features.references, null);
});

connection.onDefinition(async (params) => {
  await indexReady();
  syncOpenDocuments();
  return provideAt('textDocument/definition', params.textDocument.uri, params.position, features.definition, null);
});

connection.onWorkspaceSymbol(async (params) => {
  await indexReady();
  syncOpenDocuments();
  try {
    return features.workspaceSymbol.provide(params.query);
  } catch (error) {
    connection.console.error(`Fejl i workspace/symbol: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return [];
  }
});

connection.onDocumentLinks(async (params) => {
  const uri = params.textDocument.uri;
  const document = documents.get(uri);
  const file = uriToPath(uri);
  if (document === undefined || file === null || isConfigFile(uri)) return [];
  try {
    const context = documentContext(document);
    const names = features.documentLink.candidates(cache.get(uri, document.version, document.getText()), context);
    if (names.length === 0) return [];
    const dir = path.dirname(file);
    const files = folderLookup(await listFolderFiles(dir));
    return features.documentLink.links(names, files, (name) => pathToUri(path.join(dir, name)), context.locale);
  } catch (error) {
    connection.console.error(`Fejl i textDocument/documentLink for ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return [];
  }
});

connection.onExecuteCommand(async (params) => {
  try {
    switch (params.command) {
      case SERVER_COMMANDS.updateToc:
        return await updateToc(params.arguments?.[0]);
      case SERVER_COMMANDS.lintWorkspace:
        return await lintWorkspace();
      case SERVER_COMMANDS.skeleton:
        return skeleton(new Date(), params.arguments?.[0] === 'dagsorden' ? 'dagsorden' : 'referat');
      default:
        return null;
    }
  } catch (error) {
    connection.console.error(`Fejl i kommandoen ${params.command}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return null;
  }
});

documents.listen(connection);
connection.listen();
