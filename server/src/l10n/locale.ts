// The languages Referat speaks: Danish first, English available. Every message table
// is a Localized<…>, keyed by Locale.

export type Locale = 'da' | 'en';

export const LOCALES: readonly Locale[] = ['da', 'en'];

/** A text (or anything else) in each language. */
export type Localized<T = string> = Readonly<Record<Locale, T>>;

/** A locale from untrusted input (settings, initializationOptions, a CLI flag); undefined otherwise. */
export function readLocale(value: unknown): Locale | undefined {
  return value === 'da' || value === 'en' ? value : undefined;
}

/** Each template split once at its {placeholders}: text at even indices, names at odd ones. */
const templates = new Map<string, string[]>();

/** Fills {name} placeholders; a name without an argument stays as written. */
export function format(template: string, args?: Readonly<Record<string, string | number>>): string {
  if (args === undefined) return template;
  let parts = templates.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    templates.set(template, parts);
  }
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i] as string;
    out += (key in args ? String(args[key]) : `{${key}}`) + (parts[i + 1] as string);
  }
  return out;
}
