// The Referat service: the one place where a document meets its configuration. It owns
// the model per document version, the findings per version, the code actions, the TOC
// command, the workspace summaries and the disk lint, the rule doc links and the words
// the edges say. The language server (server.ts) and the CLI (cli/main.ts) are thin
// adapters over it. No LSP connection, no process: what it needs from outside comes in
// through ServiceOptions, the files too (files/host.ts: the disk, or the browser's client).
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import type { ResolvedConfig } from '../config/resolve';
import { codeActions } from '../features/codeActions';
import { createFeatures, type ClientOptions, type DocumentContext, type Features } from '../features';
import { buildReport, type MeetingReport, type ReportInput } from '../features/report';
import { referatFromAgenda, type FromAgendaResult } from '../features/fromAgenda';
import { linesOf, type LineSource } from '../features/text';
import { NO_FILES, type FileHost } from '../files/host';
import { regenerateToc } from '../features/toc';
import type { Locale } from '../l10n/locale';
import { messages, type Messages } from '../l10n/messages';
import type { Range, ReferatModel } from '../model';
import { ModelCache } from '../modelCache';
import { parseReferat, reparseReferat } from '../parser/parse';
import { applyEdits, lint, type LintDiagnostic } from '../rules/engine';
import { chooseFixes, editsOf } from '../rules/fixes';
import { RULE_IDS } from '../rules/registry';
import { agendasFor, meetingFacts } from '../rules/sameMeeting';
import type { RelatedDocuments, TextEdit } from '../rules/types';
import type { FileSummary } from '../workspace/summary';
import { WorkspaceService } from './workspace';

/** A document as the service sees it: the editor's (uri, version) pair and its text. */
export interface DocumentRef {
  readonly uri: string;
  readonly version: number;
  getText(): string;
  /** The document's lines, when the caller has them cheaper than a split of the text. */
  lines?(): LineSource;
}

/** The configuration that applies to a document. */
export interface DocumentConfig {
  locale: Locale;
  resolved: ResolvedConfig;
}

/** Where configurations come from: the server's ConfigSession, or the CLI's files. */
export interface ConfigProvider {
  forUri(uri: string): DocumentConfig;
  /** Bumped whenever any configuration may have changed. */
  readonly generation: number;
}

export interface ServiceOptions {
  configs: ConfigProvider;
  /** Internal errors and notes (the server's log; the CLI's stderr). */
  log(message: string): void;
  /** Findings for a file the editor does not have open (the workspace lint); [] clears them. */
  publish?(uri: string, findings: readonly LintDiagnostic[]): void;
  /** The folder of the rule doc pages as a URI (docs/rules, shipped beside the bundle: file:///…/docs/rules). */
  docsUri?(): string | undefined;
  /** The workspace's files (the index, the workspace lint); none when not given. */
  files?: FileHost;
  /** The locale of messages not tied to a document. */
  locale?(): Locale;
}

export interface FixResult {
  text: string;
  /** The findings whose fixes were applied, pass by pass. */
  fixed: LintDiagnostic[];
  /** The findings of the fixed text. */
  findings: LintDiagnostic[];
}

/** --fix runs the fixes again on its own result until nothing is left to fix (as eslint does), at most this often. */
export const MAX_FIX_PASSES = 10;

/** The code of the finding for a document above maxDocumentSize (docs/reliability.md). */
export const TOO_LARGE_ID = 'document-too-large';
const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** What a lint of a text may be given: the other documents of its meeting (else the workspace index's), its model if parsed. */
export interface LintInput {
  related?: RelatedDocuments;
  model?: ReferatModel;
}

/**
 * The file name a finding names another document by: the last part of the URI's path,
 * decoded ("file:///a/M%C3%B8de.referat" → "Møde.referat", "untitled:Dagsorden-1",
 * "referat-extract:/a/Dagsorden.pdf"), as the base name of a file: URI's path is.
 */
export function documentName(uri: string): string {
  // A file: URI's query and fragment are no part of its path; its trailing slash names no file.
  const trimmed = uri.startsWith('file:') ? uri.replace(/[?#][^]*$/, '').replace(/\/+$/, '') : uri;
  const cut = trimmed.startsWith('file:') ? Math.max(trimmed.lastIndexOf('/'), 'file'.length) : Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':'));
  const last = trimmed.slice(cut + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The agendas of a meeting as the rules get them; undefined for none. */
export function relatedOf(agendas: readonly FileSummary[]): RelatedDocuments | undefined {
  return agendas.length === 0 ? undefined : { agendas: agendas.map((a) => ({ name: documentName(a.uri), punkter: a.punkter })) };
}

const sameItems = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** "TypeError: …" with its stack when there is one: every isolated failure is logged alike. */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export class ReferatService {
  readonly configs: ConfigProvider;
  readonly features: Features;
  readonly workspace: WorkspaceService;
  private readonly cache: ModelCache;
  /** Per open document; `agendas` are the workspace summaries the findings were compared with (agenda-mismatch). */
  private readonly findingsCache = new Map<string, { version: number; generation: number; text: string; agendas: readonly FileSummary[]; findings: LintDiagnostic[] }>();
  private readonly docsHrefs = new Map<string, string | undefined>();
  private readonly knownRules = new Set(RULE_IDS);

  constructor(private readonly options: ServiceOptions) {
    this.configs = options.configs;
    // An edited version is re-parsed from the previous one: only the punkt that changed is read again.
    this.cache = new ModelCache((text, uri, previous) => reparseReferat(previous, text, this.configs.forUri(uri).resolved.parseOptions));
    const files = options.files ?? NO_FILES;
    this.workspace = new WorkspaceService({
      files,
      parse: (uri, text) => this.parse(uri, text),
      lint: (uri, text) => this.lintText(uri, text),
      publish: (uri, findings) => options.publish?.(uri, findings),
      log: options.log,
      messages: () => this.messages(),
      // The folder's own .referatrc.json (or the settings) decides what the walk takes.
      filter: (folder) => this.configs.forUri(files.names.toUri(files.names.join(folder, '.referat-folder'))).resolved.files,
    });
    this.features = createFeatures(this.workspace.index);
  }

  /** The words of the edges, in the locale not tied to a document (or the given one). */
  messages(locale: Locale = this.options.locale?.() ?? 'da'): Messages {
    return messages(locale);
  }

  config(uri: string): DocumentConfig {
    return this.configs.forUri(uri);
  }

  /** The model of a document version: parsed once per version (and re-parsed from the previous one). */
  model(doc: DocumentRef): ReferatModel {
    const text = doc.getText();
    if (this.isTooLarge(doc.uri, text)) return this.unread();
    return this.cache.get(doc.uri, doc.version, text);
  }

  /** A fresh parse with the document's configuration (a file on disk; the CLI). */
  parse(uri: string, text: string): ReferatModel {
    if (this.isTooLarge(uri, text)) return this.unread();
    return parseReferat(text, this.configs.forUri(uri).resolved.parseOptions);
  }

  /**
   * The findings of a document version, with its configuration; kept per version and per
   * set of agendas of its meeting in the workspace index (a changed dagsorden is a new
   * summary there). The caller puts the open documents into the index first.
   */
  findings(doc: DocumentRef): LintDiagnostic[] {
    const text = doc.getText();
    const large = this.tooLarge(doc.uri, text);
    // Past the size check, the cache directly (model() would check the size again).
    const model = large === null ? this.cache.get(doc.uri, doc.version, text) : null;
    const agendas = model === null ? [] : this.agendasInWorkspace(doc.uri, model);
    const hit = this.findingsCache.get(doc.uri);
    if (hit !== undefined && hit.version === doc.version && hit.generation === this.configs.generation && hit.text === text && sameItems(hit.agendas, agendas)) return hit.findings;
    const findings = large ?? this.lintModel(doc.uri, text, model as ReferatModel, relatedOf(agendas));
    this.findingsCache.set(doc.uri, { version: doc.version, generation: this.configs.generation, text, agendas, findings });
    return findings;
  }

  /** Whether the agendas of an open document's meeting changed since its findings were made (the server then re-lints it). */
  agendasChanged(doc: DocumentRef): boolean {
    const hit = this.findingsCache.get(doc.uri);
    if (hit === undefined || hit.version !== doc.version) return false;
    const model = this.cache.peek(doc.uri, doc.version);
    return model !== undefined && !sameItems(hit.agendas, this.agendasInWorkspace(doc.uri, model));
  }

  /** The dagsordener of the document's meeting in the workspace index, the document itself left out, by URI. */
  agendasInWorkspace(uri: string, model: ReferatModel): FileSummary[] {
    if (this.workspace.index.size === 0) return [];
    const self = this.workspace.normalize(uri);
    const others = function* (all: Iterable<FileSummary>): Iterable<FileSummary> {
      for (const f of all) if (f.uri !== self) yield f;
    };
    return agendasFor(meetingFacts(model), others(this.workspace.index.all())).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  /**
   * The findings of a text that is no open document (a file on disk; the CLI). The agendas
   * of its meeting are the given ones, else those in the workspace index.
   */
  lintText(uri: string, text: string, input: LintInput = {}): LintDiagnostic[] {
    const large = this.tooLarge(uri, text);
    if (large !== null) return large;
    const model = input.model ?? this.parse(uri, text);
    return this.lintModel(uri, text, model, input.related);
  }

  /** The publication report of an open document, from its cached model and findings. */
  report(doc: DocumentRef, file: string, extracted: Pick<ReportInput, 'format' | 'locate'> = {}): MeetingReport {
    return buildReport({ ...extracted, file, model: this.model(doc), findings: this.findings(doc) });
  }

  private isTooLarge(uri: string, text: string): boolean {
    return text.length > this.configs.forUri(uri).resolved.maxDocumentChars;
  }

  /**
   * A text above maxDocumentSize is not read (50 MB held every request for 6 s). It gets
   * one error saying so, never an empty clean result, and an empty model for the features.
   */
  private tooLarge(uri: string, text: string): LintDiagnostic[] | null {
    if (!this.isTooLarge(uri, text)) return null;
    const config = this.configs.forUri(uri);
    const mb = (chars: number): string => {
      const s = (chars / (1024 * 1024)).toFixed(1);
      return config.locale === 'da' ? s.replace('.', ',') : s;
    };
    return [{ rule: TOO_LARGE_ID, severity: 'error', message: this.messages(config.locale).tooLarge(mb(text.length), mb(config.resolved.maxDocumentChars)), range: ZERO_RANGE }];
  }

  private unreadModel: ReferatModel | undefined;
  private unread(): ReferatModel {
    this.unreadModel ??= parseReferat('');
    return this.unreadModel;
  }

  /** `related` defaults to the agendas of the meeting in the workspace index (agenda-mismatch). */
  private lintModel(uri: string, text: string, model: ReferatModel, related: RelatedDocuments | undefined = relatedOf(this.agendasInWorkspace(uri, model))): LintDiagnostic[] {
    const config = this.configs.forUri(uri);
    return lint(text, model, { locale: config.locale, options: config.resolved.ruleOptions, severities: config.resolved.severities, ...(related !== undefined ? { related } : {}) });
  }

  /**
   * The safe fixes applied, whole and never overlapping (rules/fixes.ts), pass after pass
   * until none is left or MAX_FIX_PASSES is reached.
   */
  fix(uri: string, text: string, related?: RelatedDocuments): FixResult {
    const input: LintInput = related !== undefined ? { related } : {};
    let current = text;
    let findings = this.lintText(uri, current, input);
    const fixed: LintDiagnostic[] = [];
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const chosen = chooseFixes(findings.filter((d) => d.fix?.safe === true));
      if (chosen.length === 0) break;
      const next = applyEdits(current, editsOf(chosen)).text;
      if (next === current) break;
      fixed.push(...chosen);
      current = next;
      findings = this.lintText(uri, current, input);
    }
    return { text: current, fixed, findings };
  }

  /** How many documents the caches hold: only open ones (a closed one is forgotten). */
  cachedDocuments(): { models: number; findings: number } {
    return { models: this.cache.size, findings: this.findingsCache.size };
  }

  /** Forget an open document (on close). */
  forget(uri: string): void {
    this.cache.delete(uri);
    this.findingsCache.delete(uri);
  }

  /** A configuration changed: no cached model or finding may outlive it. */
  configChanged(): void {
    this.cache.clear();
    this.findingsCache.clear();
  }

  /** What a feature reading text near a position gets. */
  context(doc: DocumentRef, client: ClientOptions): DocumentContext {
    const config = this.configs.forUri(doc.uri);
    return { uri: doc.uri, client, rules: config.resolved.ruleOptions, locale: config.locale, text: this.lines(doc) };
  }

  private lines(doc: DocumentRef): LineSource {
    return doc.lines !== undefined ? doc.lines() : linesOf(doc.getText());
  }

  codeActions(doc: DocumentRef, request: { contextDiagnostics: readonly Diagnostic[]; only?: readonly string[]; range: Range }): CodeAction[] {
    return codeActions({
      uri: doc.uri,
      contextDiagnostics: request.contextDiagnostics,
      ...(request.only !== undefined ? { only: request.only } : {}),
      findings: this.findings(doc),
      locale: this.configs.forUri(doc.uri).locale,
      model: this.model(doc),
      text: this.lines(doc),
      range: request.range,
    });
  }

  /** The referat of a dagsorden, in its layout ("Opret referat fra dagsorden", `referat new --from`); parsed with the document's configuration. */
  fromAgenda(uri: string, text: string): FromAgendaResult {
    return referatFromAgenda(text, this.parse(uri, text), this.configs.forUri(uri).resolved.ruleOptions);
  }

  /** The edit that regenerates the Indholdsfortegnelse, or why there is none. */
  updateToc(doc: DocumentRef): { edit: TextEdit; label: string } | { message: string } {
    const words = this.messages(this.configs.forUri(doc.uri).locale);
    const model = this.model(doc);
    const edit = regenerateToc(model, this.lines(doc));
    if (edit === null) return { message: model.toc === null ? words.noToc : words.tocCurrent };
    return { edit, label: words.tocLabel };
  }

  /** The rule's doc page: a file: URL on the desktop (shipped beside the bundle, so links work offline), the extension's own URI in the browser. */
  docsHref(rule: string): string | undefined {
    const docs = this.options.docsUri?.();
    if (docs === undefined) return undefined;
    if (!this.docsHrefs.has(rule)) {
      this.docsHrefs.set(rule, this.knownRules.has(rule) ? `${docs.replace(/\/?$/, '/')}${rule}.md` : undefined);
    }
    return this.docsHrefs.get(rule);
  }

  /**
   * Runs one request's work; an exception is logged (with where it happened) and the
   * fallback returned, so one failing feature never takes the server down.
   */
  guard<R>(where: string, fallback: R, work: () => R): R {
    try {
      return work();
    } catch (error) {
      this.options.log(this.messages().internalError(where, describeError(error)));
      return fallback;
    }
  }

  /** guard() for asynchronous work. */
  async guardAsync<R>(where: string, fallback: R, work: () => Promise<R>): Promise<R> {
    try {
      return await work();
    } catch (error) {
      this.options.log(this.messages().internalError(where, describeError(error)));
      return fallback;
    }
  }
}

export function createReferatService(options: ServiceOptions): ReferatService {
  return new ReferatService(options);
}
