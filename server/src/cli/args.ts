// A small, strict argument parser with Danish messages. Pure.

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

/**
 * Parses "--name value", "--name=value", "-h" and positionals in any order; "--" ends
 * the options and a lone "-" is a positional. Later options win.
 */
export function parseArgs(args: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const options = new Map<string, string | true>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq >= 0 ? arg.slice(0, eq) : arg;
    const spec = arg.startsWith('--')
      ? specs.find((s) => s.name === flag.slice(2))
      : specs.find((s) => s.alias !== undefined && s.alias === flag.slice(1));
    if (spec === undefined) return { ok: false, error: `ukendt tilvalg '${flag}'` };
    if (spec.values === undefined && spec.value === undefined) {
      if (eq >= 0) return { ok: false, error: `tilvalget '${flag}' tager ingen værdi` };
      options.set(spec.name, true);
      continue;
    }
    const allowed = spec.values?.join(' eller ') ?? (spec.value as string);
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < args.length) value = args[++i];
    if (value === undefined || value === '') {
      return { ok: false, error: `tilvalget '${flag}' kræver en værdi (${allowed})` };
    }
    if (spec.values !== undefined && !spec.values.includes(value)) {
      return { ok: false, error: `ugyldig værdi '${value}' til '${flag}' (brug ${allowed})` };
    }
    options.set(spec.name, value);
  }
  return { ok: true, options, positionals };
}
