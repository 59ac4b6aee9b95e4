// A punkt heading form from the configuration: a pattern (run by re2js, in linear time)
// with the number in group 1 or (?<n>…) and the title in group 2 or (?<title>…), and an
// optional example that it must read. It becomes a row like the built-in ones; its
// pre-filter is the literal word the pattern starts with, if any, else every line.
import type { Lead, PunktForm } from '../parser/dialect/punktForms';
import { compileLinear, linearError, type LinearError } from './linearRegex';

export const MAX_PUNKT_FORMS = 20;

export type PunktFormReason = LinearError | 'no-number-group' | 'example-mismatch';

export interface PunktFormConfig {
  pattern: string;
  example?: string | undefined;
}

/** Why a configured form cannot be used, or null. */
export function checkPunktForm(form: PunktFormConfig): { reason: PunktFormReason; detail: string } | null {
  const err = linearError(form.pattern);
  if (err !== null) return err;
  const re = compileLinear(form.pattern);
  if (re === null) return { reason: 'syntax', detail: '' };
  // A number group: (?<n>\d…) or a first group that can hold digits.
  if (!/\(\?<n>|\(\?P<n>/.test(form.pattern) && !/\((?!\?)/.test(form.pattern)) return { reason: 'no-number-group', detail: '' };
  if (form.example !== undefined) {
    const m = re.exec(form.example.trim());
    const n = m?.groups?.['n'] ?? m?.[1];
    if (m === null || n === undefined || !/^\d{1,4}$/.test(n)) return { reason: 'example-mismatch', detail: form.example };
  }
  return null;
}

/** The literal word a pattern starts with ("^Dagsordenspunkt …" → dagsordenspunkt), as the form's pre-filter. */
export function leadOf(pattern: string): Lead {
  const m = /^\^(\p{L}{2,})(?![*+?{])/u.exec(pattern);
  if (m !== null) return { words: [(m[1] as string).toLowerCase()] };
  if (/^\^\(?(?:\?<n>|\?P<n>)?\\d/.test(pattern)) return 'digit';
  return 'any';
}

/** A configured form as a row of the table; null when it cannot be used. */
export function compilePunktForm(form: PunktFormConfig, index: number): PunktForm | null {
  if (checkPunktForm(form) !== null) return null;
  const re = compileLinear(form.pattern);
  if (re === null) return null;
  const example = form.example?.trim() ?? '';
  const m = example !== '' ? re.exec(example) : null;
  return {
    id: `custom:${index}`,
    re,
    lead: leadOf(form.pattern),
    placement: 'inline',
    strong: true,
    family: `custom:${index}`,
    example: { lines: [example], number: Number(m?.groups?.['n'] ?? m?.[1] ?? 0), title: m?.groups?.['title'] ?? m?.[2] ?? '' },
    seen: '.referatrc.json',
  };
}
