// The CLI's configuration: the nearest .referatrc.json above each file (as the server
// finds it), or one file given with --config. Problems in a config file are written
// once per file, in the chosen language, naming the offending key with its line and
// column; any error among them makes the command exit 2 (the invalid parts fall back
// to the defaults, so the output is still produced). The CLI is run by the user on
// purpose, so the workspace counts as trusted.
import * as path from 'path';
import { fileURLToPath } from 'url';
import { ConfigStore, type ConfigFs, type EffectiveConfig } from '../config/store';
import { nodeConfigFs, nodeNames } from '../node/host';
import type { Locale } from '../l10n/locale';
import { cliMessages } from '../l10n/cli';
import type { ConfigProvider, DocumentConfig } from '../service/service';

export class CliConfig implements ConfigProvider {
  private readonly store: ConfigStore;
  private readonly reported = new Set<string>();
  /** An error was found in a config file. */
  invalid = false;
  readonly generation = 0;

  /**
   * @param explicit the --config file, if given (checked with `check()` first)
   * @param locale the --locale option, if given; it wins over the config's locale
   */
  constructor(
    private readonly err: (text: string) => void,
    private readonly explicit: string | undefined,
    private readonly locale: Locale | undefined,
    private readonly fs: ConfigFs = nodeConfigFs,
  ) {
    this.store = new ConfigStore(fs, nodeNames);
  }

  /** A usage error for a --config file that cannot be read, else null. */
  check(): string | null {
    if (this.explicit === undefined) return null;
    if (!this.fs.isFile(this.explicit) || this.fs.readFile(this.explicit) === undefined) return cliMessages(this.locale ?? 'da').cli.configUnreadable(this.explicit);
    return null;
  }

  /** The configuration of a file, by its file: URI (as the service asks). */
  forUri(uri: string): DocumentConfig {
    return this.forFile(uri.startsWith('file:') ? fileURLToPath(uri) : uri);
  }

  forFile(file: string): DocumentConfig {
    const effective = this.explicit !== undefined ? this.store.forConfigFile(this.explicit) : this.store.forDocument(path.resolve(file));
    this.report(effective);
    return { resolved: effective.resolved, locale: this.locale ?? effective.resolved.locale ?? 'da' };
  }

  private report(effective: EffectiveConfig): void {
    const file = effective.file;
    if (file === null || this.reported.has(file.path)) return;
    this.reported.add(file.path);
    const locale = this.locale ?? effective.resolved.locale ?? 'da';
    const words = cliMessages(locale).cli;
    const shown = displayPath(file.path);
    for (const issue of this.store.fileIssues(file)) {
      const at = `${shown}:${issue.range === null ? '' : `${issue.range.start.line + 1}:${issue.range.start.character + 1}:`}`;
      const key = issue.key === '' ? '' : ` "${issue.key}"`;
      if (issue.severity === 'error') {
        this.invalid = true;
        this.err(`referat: ${words.configInvalid(at, key, issue.message[locale])}\n`);
      } else {
        this.err(`referat: ${words.configWarning(at, key, issue.message[locale])}\n`);
      }
    }
  }
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
