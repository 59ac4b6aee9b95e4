// The language server: wires LSP to the pure core and nothing else. Every feature reads
// the model from the cache, which parses once per document version.
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MessageType,
  ProposedFeatures,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CONFIG_FILE_NAME } from './config/schema';
import { ConfigSession, isConfigFile } from './config/session';
import { clientOptions, createFeatures, featureCapabilities, type ClientOptions, type Provider } from './features';
import { codeActions, FIX_ALL_KIND } from './features/codeActions';
import { toLspDiagnostics } from './features/diagnostics';
import { ModelCache } from './modelCache';
import { parseReferat } from './parser/parse';
import { lint, type LintDiagnostic } from './rules/engine';
import { RULE_IDS } from './rules/registry';
import type { Locale } from './rules/types';
import { VERSION } from './version';

const SERVER_NAME = 'referat-language-server';
/** Client → server notification: the user has just trusted the workspace. */
const WORKSPACE_TRUSTED = 'referat/workspaceTrusted';
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
const cache = new ModelCache((text, uri) => parseReferat(text, configs.forUri(uri).resolved.parseOptions));
const features = createFeatures();
let client: ClientOptions = { hierarchicalDocumentSymbols: true };
let locale: Locale = 'da';
let canPullConfiguration = false;
let canWatchFiles = false;
let canRegisterConfiguration = false;

// Rule docs ship beside the bundle (dist/../docs/rules), so links work offline.
const docsDir = path.resolve(__dirname, '..', 'docs', 'rules');
const knownRules = new Set(RULE_IDS);
const docsHref = (rule: string): string | undefined =>
  knownRules.has(rule) ? pathToFileURL(path.join(docsDir, `${rule}.md`)).href : undefined;

function readLocale(value: unknown): Locale | undefined {
  return value === 'da' || value === 'en' ? value : undefined;
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  client = clientOptions(params.capabilities);
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  canRegisterConfiguration = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  const init = params.initializationOptions as { locale?: unknown; trusted?: unknown } | undefined;
  locale = readLocale(init?.locale) ?? locale;
  configs.baseLocale = locale;
  // VS Code's client says whether the workspace is trusted; other editors do not, and are trusted.
  configs.setTrusted(init?.trusted !== false);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...featureCapabilities(features),
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
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
});

/** Config changed: no cached model or finding may outlive it; re-lint every open document. */
function configChanged(): void {
  cache.clear();
  findingsCache.clear();
  for (const document of documents.all()) scheduleValidation(document.uri);
}

connection.onDidChangeWatchedFiles((params) => {
  if (configs.filesChanged(params.changes.map((c) => c.uri))) configChanged();
});

// Sent by the VS Code client when the user trusts the workspace (workspace.onDidGrantWorkspaceTrust).
connection.onNotification(WORKSPACE_TRUSTED, () => {
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
    if (findings === undefined) return [];
    return codeActions({
      uri: params.textDocument.uri,
      contextDiagnostics: params.context.diagnostics,
      ...(params.context.only !== undefined ? { only: params.context.only } : {}),
      findings,
      locale: configs.forUri(params.textDocument.uri).locale,
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
