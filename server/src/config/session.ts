// The language server's side of configuration, kept out of server.ts: which config
// applies to a document URI, publishing diagnostics for the config files themselves
// (at the offending key), reacting to changed files, settings and trust, and saying
// once per session when custom patterns are ignored in an untrusted workspace.
// LSP types only; the connection is reached through the host callbacks.
import { sourceOfExtracted } from '../protocol';
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { FileNames } from '../files/host';
import type { Range } from '../model';
import type { Locale } from '../l10n/locale';
import { messages } from '../l10n/messages';
import { CONFIG_FILE_NAME } from './schema';
import { ConfigStore, type ConfigFs, type EffectiveConfig, type LoadedConfigFile } from './store';
import type { ConfigIssue } from './validate';

export interface ConfigSessionHost {
  publish(uri: string, diagnostics: Diagnostic[]): void;
  /** A one-off message to the user (window/showMessage). */
  notify(message: string, severity: 'info' | 'warning'): void;
  log(message: string): void;
}

export interface DocumentConfig extends EffectiveConfig {
  locale: Locale;
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const SEVERITY: Record<ConfigIssue['severity'], DiagnosticSeverity> = { error: 1, warning: 2, information: 3 };

/** Whether a URI or path names a config file. */
export function isConfigFile(uriOrPath: string): boolean {
  return uriOrPath.endsWith(`/${CONFIG_FILE_NAME}`) || uriOrPath.endsWith(`\\${CONFIG_FILE_NAME}`) || uriOrPath === CONFIG_FILE_NAME;
}

export function toLspConfigDiagnostics(issues: readonly ConfigIssue[], locale: Locale): Diagnostic[] {
  return issues.map((i) => ({
    range: i.range ?? ZERO,
    severity: SEVERITY[i.severity],
    source: 'referat',
    code: 'config',
    message: i.message[locale],
  }));
}

export class ConfigSession {
  readonly store: ConfigStore;
  /** The locale when no config names one: initializationOptions or referat.locale. */
  baseLocale: Locale = 'da';
  /** Config files whose diagnostics we published, and in which generation. */
  private readonly published = new Map<string, number>();
  private noticeShown = false;

  /** `fs` and `names`: the disk and its paths (node/host.ts), or the browser's copies of the config files and URIs. */
  constructor(
    private readonly host: ConfigSessionHost,
    fs: ConfigFs,
    private readonly names: FileNames,
  ) {
    this.store = new ConfigStore(fs, names);
  }

  get generation(): number {
    return this.store.generation;
  }

  /** The config for a document; a config file seen for the first time gets its diagnostics published. */
  forUri(uri: string): DocumentConfig {
    // The text of a Word or PDF file takes the configuration of the file itself.
    const effective = this.store.forDocument(this.names.fromUri(sourceOfExtracted(uri) ?? uri));
    if (effective.file !== null && this.published.get(effective.file.path) !== this.store.generation) this.publishFile(effective.file);
    if ((effective.resolved.patternsIgnored || this.store.settingsPatternsIgnored) && !this.noticeShown) {
      this.noticeShown = true;
      this.host.notify(ConfigStore.untrustedMessage(effective.resolved.locale ?? this.baseLocale), 'info');
    }
    return { ...effective, locale: effective.resolved.locale ?? this.baseLocale };
  }

  /** New referat.* settings (VS Code's object, nulls for unset). Invalid parts are reported once. */
  setSettings(raw: unknown): void {
    const issues = this.store.setSettings(raw);
    if (issues.length > 0) {
      const text = messages(this.baseLocale).settingsInvalid + issues.map((i) => `referat.${i.key}: ${i.message[this.baseLocale]}`).join(' ');
      this.host.log(text);
      this.host.notify(text, 'warning');
    }
    this.republish();
  }

  /** Returns whether anything changed. */
  setTrusted(trusted: boolean): boolean {
    if (!this.store.setTrusted(trusted)) return false;
    this.noticeShown = false;
    this.republish();
    return true;
  }

  /** Watched-file events; returns whether a config file was among them (caches are then dropped). */
  filesChanged(uris: readonly string[]): boolean {
    if (!uris.some(isConfigFile)) return false;
    this.reload();
    return true;
  }

  /** The config files may all have changed (the browser read its copies again). */
  reload(): void {
    this.store.invalidate();
    this.republish();
  }

  /** Re-reads every config file we reported on: fresh diagnostics, or none for a deleted file. */
  private republish(): void {
    for (const file of [...this.published.keys()]) {
      const loaded = this.store.loadFile(file);
      if (loaded === null) {
        this.published.delete(file);
        this.host.publish(this.names.toUri(file), []);
      } else {
        this.publishFile(loaded);
      }
    }
  }

  private publishFile(file: LoadedConfigFile): void {
    this.published.set(file.path, this.store.generation);
    const locale = file.validated.config.locale ?? this.baseLocale;
    this.host.publish(this.names.toUri(this.names.resolve(file.path)), toLspConfigDiagnostics(this.store.fileIssues(file), locale));
  }
}
