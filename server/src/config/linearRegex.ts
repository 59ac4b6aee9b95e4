// Patterns written in a configuration (caseNumberPatterns, punktForms) run on re2js, a
// port of RE2: its matching time is linear in the text by construction, so no pattern
// anyone puts in a repository can make the server or `referat lint` in CI hang, whatever
// its shape. RE2 has no lookaround and no backreferences; a pattern that uses them gets a
// message that says so.
// The library is loaded on first use: configurations without custom patterns never load it.
import type * as RE2 from 're2js';
import { lazyRequire } from '../lazyRequire';

export type LinearError = 'syntax' | 'lookaround' | 'backreference' | 'too-long';

export const MAX_LINEAR_PATTERN_LENGTH = 200;

/** re2js, loaded when a configuration first has a custom pattern. */
const re2 = lazyRequire<typeof RE2>('re2js');

/** A compiled pattern whose exec returns what RegExp.prototype.exec with the d flag returns. */
export interface LinearPattern {
  readonly source: string;
  exec(text: string): RegExpExecArray | null;
  test(text: string): boolean;
}

export interface LinearOptions {
  /**
   * The pattern must also be valid JavaScript with the u flag (caseNumberPatterns are
   * documented so). RegExp only compiles it here, never runs it.
   */
  javascript?: boolean;
}

/** Why a pattern cannot be used, or null. The source is the pattern as written (JavaScript syntax, no slashes). */
export function linearError(source: string, opts: LinearOptions = {}): { reason: LinearError; detail: string } | null {
  if (source.length > MAX_LINEAR_PATTERN_LENGTH) return { reason: 'too-long', detail: String(MAX_LINEAR_PATTERN_LENGTH) };
  if (/\(\?<?[=!]/.test(source)) return { reason: 'lookaround', detail: '' };
  if (/\\[1-9]|\\k</.test(source)) return { reason: 'backreference', detail: '' };
  try {
    if (opts.javascript === true) new RegExp(source, 'u');
    re2().RE2JS.compile(toRe2(source));
    return null;
  } catch (e) {
    return { reason: 'syntax', detail: e instanceof Error ? e.message.slice(0, 120) : String(e) };
  }
}

/**
 * JavaScript pattern syntax as RE2 reads it: named groups (?<name>…) become (?P<name>…),
 * and \uXXXX and \u{X…} become \x{…}. Escapes are read in pairs, so "\\u" stays a
 * backslash and a u.
 */
function toRe2(source: string): string {
  return source.replace(/\\(?:u\{([0-9A-Fa-f]{1,6})\}|u([0-9A-Fa-f]{4})|[\s\S])|\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g, (all, braced?: string, hex?: string, name?: string) => {
    if (name !== undefined) return `(?P<${name}>`;
    const code = braced ?? hex;
    return code === undefined ? all : `\\x{${code}}`;
  });
}

/** Compiles a pattern that linearError accepted; null when it does not. `anchored` makes it match only the whole text. */
export function compileLinear(source: string, opts: LinearOptions & { ignoreCase?: boolean; anchored?: boolean } = {}): LinearPattern | null {
  if (linearError(source, opts) !== null) return null;
  const { RE2JS } = re2();
  const body = toRe2(source);
  const re = RE2JS.compile(opts.anchored === true ? `^(?:${body})$` : body, opts.ignoreCase === true ? RE2JS.CASE_INSENSITIVE : 0);
  const names = re.namedGroups();
  return {
    source,
    test: (text) => re.matcher(text).find(),
    exec(text: string): RegExpExecArray | null {
      const m = re.matcher(text);
      if (!m.find()) return null;
      const count = m.groupCount();
      const values: (string | undefined)[] = [];
      const indices: ([number, number] | undefined)[] = [];
      for (let g = 0; g <= count; g++) {
        const v = m.group(g);
        values.push(v ?? undefined);
        indices.push(v === null ? undefined : [m.start(g), m.end(g)]);
      }
      const groups: Record<string, string> = {};
      const groupIndices: Record<string, [number, number]> = {};
      for (const [name, g] of Object.entries(names)) {
        const v = values[g];
        const at = indices[g];
        if (v !== undefined && at !== undefined) {
          groups[name] = v;
          groupIndices[name] = at;
        }
      }
      const hasNames = Object.keys(names).length > 0;
      const result = Object.assign(values, {
        index: m.start(0),
        input: text,
        groups: hasNames ? groups : undefined,
        indices: Object.assign(indices, { groups: hasNames ? groupIndices : undefined }),
      });
      return result as unknown as RegExpExecArray;
    },
  };
}
