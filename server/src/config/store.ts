// Finding and caching configuration: the nearest .referatrc.json walking up from a
// document's folder, read and validated once, combined with the settings layer and
// the workspace trust into the config the parser and the rules get. The server and
// the CLI share it; the file system and its names are injected (node/host.ts on the
// desktop, the client's files in the browser), so tests can use a fake one.
// Caches are dropped as a whole by invalidate() (on any change to a config file,
// the settings or the trust), which bumps `generation`.
import type { FileNames } from '../files/host';
import type { Range } from '../model';
import type { Locale } from '../l10n/locale';
import { messages } from '../l10n/messages';
import { resolveConfig, type ConfigLayer, type ResolvedConfig } from './resolve';
import { CONFIG_FILE_NAME } from './schema';
import { keyRange, validateConfigText, validateConfigValue, type ConfigIssue, type ValidatedConfig, type ValidatedConfigText } from './validate';

export interface ConfigFs {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  readFile(file: string): string | undefined;
  isFile(file: string): boolean;
}

export interface LoadedConfigFile {
  path: string;
  validated: ValidatedConfigText;
}

export interface EffectiveConfig {
  resolved: ResolvedConfig;
  /** The config file that applies, if any. */
  file: LoadedConfigFile | null;
}

/** The keys whose patterns and labels are used only in a trusted workspace. */
const TRUST_KEYS = ['caseNumberPatterns', 'punktForms', 'fieldLabels'] as const;

/** Drops settings that are not set: VS Code reports them as null. */
export function settingsValue(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw ?? undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

export class ConfigStore {
  private readonly dirs = new Map<string, string | null>();
  private readonly files = new Map<string, LoadedConfigFile | null>();
  private readonly effective = new Map<string, EffectiveConfig>();
  private settings: ValidatedConfig = { config: {}, issues: [] };
  private trustedWorkspace = true;
  /** Bumped whenever anything cached may have changed. */
  generation = 0;

  constructor(
    private readonly host: ConfigFs,
    private readonly names: FileNames,
  ) {}

  get trusted(): boolean {
    return this.trustedWorkspace;
  }

  /** Sets the referat.* settings (null values are unset); returns their issues. */
  setSettings(raw: unknown): ConfigIssue[] {
    this.settings = validateConfigValue(settingsValue(raw));
    this.invalidate();
    return this.settings.issues;
  }

  /** Returns whether the trust changed. */
  setTrusted(trusted: boolean): boolean {
    if (trusted === this.trustedWorkspace) return false;
    this.trustedWorkspace = trusted;
    this.invalidate();
    return true;
  }

  invalidate(): void {
    this.dirs.clear();
    this.files.clear();
    this.effective.clear();
    this.generation++;
  }

  /** The nearest .referatrc.json at or above the folder, or null. */
  findConfigFile(dir: string): string | null {
    const visited: string[] = [];
    let current = this.names.resolve(dir);
    let found: string | null = null;
    while (true) {
      const cached = this.dirs.get(current);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(current);
      const candidate = this.names.join(current, CONFIG_FILE_NAME);
      if (this.host.isFile(candidate)) {
        found = candidate;
        break;
      }
      const parent = this.names.dirname(current);
      if (parent === current) break;
      current = parent;
    }
    for (const d of visited) this.dirs.set(d, found);
    return found;
  }

  /** Reads and validates a config file (cached); null when it cannot be read. */
  loadFile(file: string): LoadedConfigFile | null {
    const key = this.names.resolve(file);
    const cached = this.files.get(key);
    if (cached !== undefined) return cached;
    const text = this.host.readFile(key);
    const loaded = text === undefined ? null : { path: key, validated: validateConfigText(text) };
    this.files.set(key, loaded);
    return loaded;
  }

  /** The config for a document on disk (walking up from its folder), or for one without a file (null). */
  forDocument(documentPath: string | null): EffectiveConfig {
    const file = documentPath === null ? null : this.findConfigFile(this.names.dirname(documentPath));
    return this.forConfigFile(file);
  }

  /** The config built from one given file (or none), with the settings below it. */
  forConfigFile(file: string | null): EffectiveConfig {
    const key = file === null ? '' : this.names.resolve(file);
    const cached = this.effective.get(key);
    if (cached !== undefined) return cached;
    const loaded = file === null ? null : this.loadFile(file);
    const layers: ConfigLayer[] = [{ config: this.settings.config, source: 'settings' }];
    if (loaded !== null) layers.push({ config: loaded.validated.config, source: 'file' });
    const result: EffectiveConfig = { resolved: resolveConfig(layers, { trusted: this.trustedWorkspace }), file: loaded };
    this.effective.set(key, result);
    return result;
  }

  /** Everything to report in a config file: validation issues, and the trust note. */
  fileIssues(file: LoadedConfigFile): ConfigIssue[] {
    const issues = [...file.validated.issues];
    if (!this.trustedWorkspace) {
      for (const key of TRUST_KEYS) {
        if ((file.validated.config[key]?.length ?? 0) === 0) continue;
        const range: Range | null = keyRange(file.validated, key);
        issues.push({ key, severity: 'information', message: { da: messages('da').untrustedPatterns, en: messages('en').untrustedPatterns }, range });
      }
    }
    return issues;
  }

  /** Whether the settings carry custom patterns that are ignored for lack of trust. */
  get settingsPatternsIgnored(): boolean {
    return !this.trustedWorkspace && TRUST_KEYS.some((key) => (this.settings.config[key]?.length ?? 0) > 0);
  }

  static untrustedMessage(locale: Locale): string {
    return messages(locale).untrustedPatterns;
  }
}
