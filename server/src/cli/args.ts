// The CLI's arguments: node:util's parseArgs splits them (long and short options,
// "--name=value", "--" ending the options, a lone "-" as a positional); this module
// checks them against the command's options and says what is wrong in the user's
// language. Pure.
import { parseArgs as splitArgs } from 'node:util';
import { cliMessages, type CliMessages } from '../l10n/cli';

export interface OptionSpec {
  /** Long name without dashes: "format" for --format. */
  name: string;
  /** One-letter alias without the dash: "h" for -h. */
  alias?: string;
  /** Allowed values; the option takes a value exactly when this or `value` is set. */
  values?: readonly string[];
  /** The option takes a free value, described by this word in messages ("FIL"). */
  value?: string;
}

export type ParsedArgs =
  | { ok: true; options: Map<string, string | true>; positionals: string[] }
  | { ok: false; error: string };

/** Parses the arguments against the options; later options win. */
export function parseArgs(args: readonly string[], specs: readonly OptionSpec[], words: CliMessages['cli'] = cliMessages('da').cli): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const s of specs) {
    const takesValue = s.values !== undefined || s.value !== undefined;
    options[s.name] = { type: takesValue ? 'string' : 'boolean', ...(s.alias !== undefined ? { short: s.alias } : {}) };
  }
  // Not strict: every problem is reported here, in Danish or English, rather than as Node's English error.
  const { tokens } = splitArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const out = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as (typeof tokens)[number];
    if (token.kind === 'positional') {
      positionals.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const flag = token.rawName;
    const spec = specs.find((s) => s.name === token.name && (flag.startsWith('--') || s.alias === flag.slice(1)));
    if (spec === undefined) return { ok: false, error: words.unknownOption(flag.startsWith('--') ? flag : flag.slice(0, 2)) };
    const takesValue = spec.values !== undefined || spec.value !== undefined;
    if (!takesValue) {
      if (token.inlineValue === true) return { ok: false, error: words.optionTakesNoValue(flag) };
      out.set(spec.name, true);
      continue;
    }
    const allowed = spec.values?.join(words.or) ?? (spec.value as string);
    const value = token.value;
    if (value === undefined || value === '') return { ok: false, error: words.optionNeedsValue(flag, allowed) };
    if (spec.values !== undefined && !spec.values.includes(value)) return { ok: false, error: words.invalidOptionValue(value, flag, allowed) };
    out.set(spec.name, value);
  }
  return { ok: true, options: out, positionals };
}

/** The --locale the user asked for anywhere in the arguments, so that even a usage error speaks it. */
export function localeArgument(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    if (a.startsWith('--locale=')) return a.slice('--locale='.length);
    if (a === '--locale') return args[i + 1];
  }
  return undefined;
}
