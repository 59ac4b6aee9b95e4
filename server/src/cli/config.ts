// The CLI's configuration: the nearest .referatrc.json above each file (as the server
// finds it), or one file given with --config. Problems in a config file are written
// once per file, in Danish, naming the offending key with its line and column; any
// error among them makes the command exit 2 (the invalid parts fall back to the
// defaults, so the output is still produced). The CLI is run by the user on purpose,
// so the workspace counts as trusted.
import * as path from 'path';
import type { ParseOptions } from '../parser/parse';
import type { LintOptions } from '../rules/engine';
import type { Locale } from '../l10n/locale';
import { ConfigStore, nodeFs, type ConfigFs, type EffectiveConfig } from '../config/store';

export interface FileConfig {
  parseOptions: ParseOptions;
  lintOptions: LintOptions & { locale: Locale };
}

export class CliConfig {
  private readonly store: ConfigStore;
  private readonly reported = new Set<string>();
  /** An error was found in a config file. */
  invalid = false;

  /**
   * @param explicit the --config file, if given (checked with `check()` first)
   * @param locale the --locale option, if given; it wins over the config's locale
   */
  constructor(
    private readonly err: (text: string) => void,
    private readonly explicit: string | undefined,
    private readonly locale: Locale | undefined,
    private readonly fs: ConfigFs = nodeFs,
  ) {
    this.store = new ConfigStore(fs);
  }

  /** A usage error for a --config file that cannot be read, else null. */
  check(): string | null {
    if (this.explicit === undefined) return null;
    if (!this.fs.isFile(this.explicit) || this.fs.readFile(this.explicit) === undefined) return `kan ikke læse konfigurationen '${this.explicit}'`;
    return null;
  }

  forFile(file: string): FileConfig {
    const effective = this.explicit !== undefined ? this.store.forConfigFile(this.explicit) : this.store.forDocument(path.resolve(file));
    this.report(effective);
    const r = effective.resolved;
    return {
      parseOptions: r.parseOptions,
      lintOptions: { locale: this.locale ?? r.locale ?? 'da', options: r.ruleOptions, severities: r.severities },
    };
  }

  private report(effective: EffectiveConfig): void {
    const file = effective.file;
    if (file === null || this.reported.has(file.path)) return;
    this.reported.add(file.path);
    const shown = displayPath(file.path);
    for (const issue of this.store.fileIssues(file)) {
      const at = issue.range === null ? '' : `${issue.range.start.line + 1}:${issue.range.start.character + 1}:`;
      const key = issue.key === '' ? '' : ` "${issue.key}"`;
      if (issue.severity === 'error') {
        this.invalid = true;
        this.err(`referat: ${shown}:${at} ugyldig konfiguration${key}: ${issue.message.da}\n`);
      } else {
        this.err(`referat: ${shown}:${at} advarsel${key}: ${issue.message.da}\n`);
      }
    }
  }
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
