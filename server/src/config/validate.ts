// Validation of a config file or the referat.* settings against the one schema.
// Every problem becomes an issue with a Danish and an English message and, for a
// file, the range of the offending key or value. Invalid parts are dropped (so they
// fall back to the profile and the defaults); the rest of the config still applies.
// Never throws.
import type { z } from 'zod';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from '../model';
import { RULE_IDS } from '../rules/registry';
import type { Locale } from '../l10n/locale';
import { locate, nodeValue, parseConfigText, type ConfigNode, type ConfigTextErrorCode } from './configText';
import type { PunktFormReason } from './punktFormConfig';
import { CONFIG_KEYS, configSchema, DOCUMENT_KINDS, type ReferatConfig } from './schema';

export type IssueSeverity = 'error' | 'warning' | 'information';

export interface ConfigIssue {
  /** The key as written, dotted: "rules.missing-sektion", "caseNumberPatterns[0]"; "" for the whole file. */
  key: string;
  severity: IssueSeverity;
  message: Record<Locale, string>;
  /** Where in the file; null for settings. */
  range: Range | null;
}

export interface ValidatedConfig {
  config: ReferatConfig;
  issues: ConfigIssue[];
}

type Path = readonly PropertyKey[];
type Issue = z.core.$ZodIssue;

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

const SYNTAX: Record<ConfigTextErrorCode, { da: string; en: string }> = {
  'unexpected-character': { da: 'Uventet tegn; konfigurationen skal være JSON (kommentarer er tilladt).', en: 'Unexpected character; the configuration must be JSON (comments are allowed).' },
  'unexpected-end': { da: 'Filen slutter midt i konfigurationen.', en: 'The file ends in the middle of the configuration.' },
  'expected-value': { da: 'Her mangler en værdi.', en: 'A value is missing here.' },
  'expected-colon': { da: 'Her mangler et kolon (:) efter nøglen.', en: 'A colon (:) is missing after the key.' },
  'expected-comma-or-close': { da: 'Her mangler et komma eller en afsluttende parentes.', en: 'A comma or a closing bracket is missing here.' },
  'expected-key': { da: 'Her skal stå en nøgle i anførselstegn.', en: 'A key in double quotes is expected here.' },
  'unterminated-string': { da: 'Teksten mangler sit afsluttende anførselstegn.', en: 'The string lacks its closing quote.' },
  'invalid-escape': { da: 'Ugyldig escape-sekvens i teksten.', en: 'Invalid escape sequence in the string.' },
  'unterminated-comment': { da: 'Kommentaren slutter aldrig (*/ mangler).', en: 'The comment never ends (*/ is missing).' },
  'invalid-number': { da: 'Ugyldigt tal.', en: 'Invalid number.' },
  'too-deep': { da: 'Konfigurationen er indlejret for dybt.', en: 'The configuration is nested too deeply.' },
  'trailing-content': { da: 'Der står tekst efter konfigurationens afsluttende }.', en: 'There is text after the closing } of the configuration.' },
  'duplicate-key': { da: 'Nøglen "{key}" står to gange; den sidste gælder.', en: 'The key "{key}" appears twice; the last one applies.' },
};

const PATTERN_REASON: Record<PunktFormReason, { da: string; en: string }> = {
  'no-number-group': { da: 'har ingen gruppe til punktets nummer (gruppe 1 eller (?<n>…))', en: 'has no group for the punkt number (group 1 or (?<n>…))' },
  'example-mismatch': { da: 'passer ikke på sit eksempel "{detail}" med et nummer i gruppe 1', en: 'does not match its example "{detail}" with a number in group 1' },
  syntax: { da: 'er ikke et gyldigt regulært udtryk ({detail})', en: 'is not a valid regular expression ({detail})' },
  'too-long': { da: 'er for langt (højst {detail} tegn)', en: 'is too long (at most {detail} characters)' },
  backreference: { da: 'bruger en tilbagereference (\\1, \\k<navn>), som ikke er tilladt', en: 'uses a backreference (\\1, \\k<name>), which is not allowed' },
  lookaround: { da: 'bruger lookahead eller lookbehind ((?=, (?!, (?<=, (?<!), som ikke er tilladt', en: 'uses a lookahead or lookbehind ((?=, (?!, (?<=, (?<!), which is not allowed' },
};

const TYPE_WORD: Record<string, { da: string; en: string }> = {
  string: { da: 'en tekst', en: 'a string' },
  number: { da: 'et tal', en: 'a number' },
  boolean: { da: 'true eller false', en: 'true or false' },
  array: { da: 'en liste [ … ]', en: 'a list [ … ]' },
  object: { da: 'et objekt { … }', en: 'an object { … }' },
  record: { da: 'et objekt { … }', en: 'an object { … }' },
  null: { da: 'null', en: 'null' },
};

function fill(template: string, args: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (all, k: string) => args[k] ?? all);
}

function both(t: { da: string; en: string }, args: Record<string, string> = {}): Record<Locale, string> {
  return { da: fill(t.da, args), en: fill(t.en, args) };
}

/** "rules.missing-section", "caseNumberPatterns[0]". */
export function keyName(path: Path): string {
  let out = '';
  for (const step of path) out += typeof step === 'number' ? `[${step}]` : out === '' ? clip(String(step)) : `.${clip(String(step))}`;
  return out;
}

/** A key as a message shows it: a 10 MB key is not echoed back. */
const MAX_SHOWN_KEY = 60;
function clip(key: string): string {
  return key.length > MAX_SHOWN_KEY ? `${key.slice(0, MAX_SHOWN_KEY)}…` : key;
}

/** Unknown keys reported one by one; the rest are counted in one issue (100,000 keys gave 100,000 lines). */
export const MAX_UNKNOWN_KEY_ISSUES = 50;

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] as number;
      prev[j] = Math.min(up + 1, (prev[j - 1] as number) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] as number;
}

function suggestion(key: string, known: readonly string[]): string | undefined {
  if (key.length > MAX_SHOWN_KEY) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function unknownKeyMessage(parent: Path, key: string): Record<Locale, string> {
  const where = keyName(parent);
  let known: readonly string[] = [];
  let text: { da: string; en: string };
  if (parent.length === 0) {
    known = CONFIG_KEYS;
    text = { da: 'Ukendt nøgle "{key}".', en: 'Unknown key "{key}".' };
  } else if (where === 'rules') {
    known = RULE_IDS;
    text = { da: 'Ukendt regel "{key}".', en: 'Unknown rule "{key}".' };
  } else if (where === 'requiredSections') {
    known = DOCUMENT_KINDS;
    text = { da: 'Ukendt dokumenttype "{key}" (brug {kinds}).', en: 'Unknown document kind "{key}" (use {kinds}).' };
  } else {
    text = { da: 'Ukendt nøgle "{key}" i "{where}".', en: 'Unknown key "{key}" in "{where}".' };
  }
  const msg = both(text, { key: clip(key), where, kinds: DOCUMENT_KINDS.join(', ') });
  const hint = suggestion(key, known);
  if (hint !== undefined) {
    msg.da += ` Mente du "${hint}"?`;
    msg.en += ` Did you mean "${hint}"?`;
  }
  return msg;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function valueAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const step of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[step];
  }
  return v;
}

function issueMessage(issue: Issue, value: unknown): Record<Locale, string> {
  const key = keyName(issue.path);
  const at = (t: { da: string; en: string }, args: Record<string, string> = {}): Record<Locale, string> => both(t, { key, ...args });
  switch (issue.code) {
    case 'invalid_type': {
      const want = TYPE_WORD[issue.expected] ?? { da: issue.expected, en: issue.expected };
      const got = TYPE_WORD[typeOf(valueAt(value, issue.path))] ?? { da: typeOf(valueAt(value, issue.path)), en: typeOf(valueAt(value, issue.path)) };
      return { da: `"${key}" skal være ${want.da}, ikke ${got.da}.`, en: `"${key}" must be ${want.en}, not ${got.en}.` };
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return at({ da: '"{key}" skal være en af: {values}.', en: '"{key}" must be one of: {values}.' }, { values });
    }
    case 'too_big':
      return issue.origin === 'array'
        ? at({ da: '"{key}" har for mange elementer (højst {max}).', en: '"{key}" has too many items (at most {max}).' }, { max: String(issue.maximum) })
        : at({ da: '"{key}" er for lang (højst {max} tegn).', en: '"{key}" is too long (at most {max} characters).' }, { max: String(issue.maximum) });
    case 'too_small':
      return at({ da: '"{key}" må ikke være tom.', en: '"{key}" must not be empty.' });
    case 'invalid_key': {
      const parent = keyName(issue.path.slice(0, -1));
      const name = String(issue.path[issue.path.length - 1]);
      return both(
        { da: 'Overskriften "{name}" i "{parent}" skal have 1 til 80 tegn.', en: 'The heading "{name}" in "{parent}" must have 1 to 80 characters.' },
        { name, parent },
      );
    }
    case 'invalid_union':
      if (issue.path[0] === 'standingItems') {
        return at({
          da: '"{key}" skal være en tekst (titlens begyndelse) eller et objekt { "title": "…", "noDecision": true }.',
          en: '"{key}" must be a string (the start of the title) or an object { "title": "…", "noDecision": true }.',
        });
      }
      if (issue.path[0] === 'punktForms') {
        return at({
          da: '"{key}" skal være et mønster eller et objekt { "pattern": "^Dagsordenspunkt (\\d+): (.+)$", "example": "Dagsordenspunkt 3: Budget" }.',
          en: '"{key}" must be a pattern or an object { "pattern": "^Dagsordenspunkt (\\d+): (.+)$", "example": "Dagsordenspunkt 3: Budget" }.',
        });
      }
      if (issue.path[0] === 'fieldLabels') {
        return at({
          da: '"{key}" skal være et feltnavn (2 til 40 tegn, bogstaver, tal, punktum, bindestreg) eller et objekt { "label": "…", "role": "sag" | "dokument" }.',
          en: '"{key}" must be a field label (2 to 40 characters: letters, digits, dot, hyphen) or an object { "label": "…", "role": "sag" | "dokument" }.',
        });
      }
      return at({ da: '"{key}" har en ugyldig værdi.', en: '"{key}" has an invalid value.' });
    case 'custom': {
      const params = (issue.params ?? {}) as { reason?: PunktFormReason; detail?: string };
      const reason = PATTERN_REASON[params.reason ?? 'syntax'];
      const at0 = valueAt(value, issue.path);
      const pattern = at0 !== null && typeof at0 === 'object' && 'pattern' in at0 ? String((at0 as { pattern: unknown }).pattern) : String(at0);
      const why = both(reason, { detail: params.detail ?? '' });
      return {
        da: `Mønsteret ${pattern} i "${key}" afvises: det ${why.da}.`,
        en: `The pattern ${pattern} in "${key}" is refused: it ${why.en}.`,
      };
    }
    default:
      return at({ da: '"{key}" er ugyldig.', en: '"{key}" is invalid.' });
  }
}

const DROP = Symbol('drop');

/** Removes the value at a path (an array item is marked, then compacted). */
function prune(root: Record<string, unknown>, path: Path): void {
  if (path.length === 0) return;
  const parent = valueAt(root, path.slice(0, -1));
  if (parent === null || typeof parent !== 'object') return;
  const last = path[path.length - 1] as PropertyKey;
  if (Array.isArray(parent) && typeof last === 'number') (parent as unknown[])[last] = DROP;
  else delete (parent as Record<PropertyKey, unknown>)[last];
}

function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== DROP).map(compact);
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) (value as Record<string, unknown>)[k] = compact(v);
  }
  return value;
}

/**
 * Validates a plain value. `locate` gives the range of a path in the file (the key for
 * an unknown key, else the value), or null for settings.
 */
export function validateConfigValue(input: unknown, locateRange: (path: Path, unknownKey: boolean) => Range | null = () => null): ValidatedConfig {
  const issues: ConfigIssue[] = [];
  if (input === undefined || input === null) return { config: {}, issues };
  if (typeof input !== 'object' || Array.isArray(input)) {
    issues.push({
      key: '',
      severity: 'error',
      message: { da: 'Konfigurationen skal være et JSON-objekt { … }.', en: 'The configuration must be a JSON object { … }.' },
      range: locateRange([], false),
    });
    return { config: {}, issues };
  }
  // A deep copy we may prune.
  const value = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  const seen = new Set<string>();
  let unknownKeys = 0;
  let firstUnreported: Range | null = null;
  for (let round = 0; round < 4; round++) {
    const result = configSchema.safeParse(value);
    if (result.success) return { config: result.data, issues: withUnreported(issues, unknownKeys, firstUnreported) };
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const k of issue.keys) {
          const path = [...issue.path, k];
          const id = `${keyName(path)}\u0000unknown`;
          if (!seen.has(id)) {
            seen.add(id);
            unknownKeys++;
            const range = (): Range | null => (round === 0 ? locateRange(path, true) : locateRange(path.slice(0, 1), true));
            if (unknownKeys <= MAX_UNKNOWN_KEY_ISSUES) issues.push({ key: keyName(path), severity: 'error', message: unknownKeyMessage(issue.path, k), range: range() });
            else if (unknownKeys === MAX_UNKNOWN_KEY_ISSUES + 1) firstUnreported = range();
          }
          prune(value, path);
        }
        continue;
      }
      const message = issueMessage(issue, value);
      const id = `${keyName(issue.path)}\u0000${message.da}`;
      if (!seen.has(id)) {
        seen.add(id);
        // After a first round of pruning, array indexes may have shifted: point at the top-level key.
        issues.push({ key: keyName(issue.path), severity: 'error', message, range: locateRange(round === 0 ? issue.path : issue.path.slice(0, 1), false) });
      }
      // Drop the smallest meaningful unit: a top-level key, one rule, one alias, one list item.
      prune(value, issue.path.slice(0, Math.min(issue.path.length, 2)));
    }
    compact(value);
  }
  // Still invalid after pruning (should not happen): ignore the whole config.
  const last = configSchema.safeParse(value);
  return { config: last.success ? last.data : {}, issues: withUnreported(issues, unknownKeys, firstUnreported) };
}

/** One issue for the unknown keys beyond the first MAX_UNKNOWN_KEY_ISSUES, at the first of them. */
function withUnreported(issues: ConfigIssue[], unknownKeys: number, at: Range | null): ConfigIssue[] {
  const more = unknownKeys - MAX_UNKNOWN_KEY_ISSUES;
  if (more <= 0) return issues;
  const n = String(more);
  issues.push({
    key: '',
    severity: 'error',
    message: { da: `… og ${n} ukendte nøgler mere; de ignoreres.`, en: `… and ${n} more unknown keys; they are ignored.` },
    range: at,
  });
  return issues;
}

export interface ValidatedConfigText extends ValidatedConfig {
  root: ConfigNode | undefined;
  /** The text as read, for line and character positions. */
  document: TextDocument;
}

function rangeIn(document: TextDocument, offset: number, length: number): Range {
  return { start: document.positionAt(offset), end: document.positionAt(offset + length) };
}

/** Parses and validates the text of a .referatrc.json file. */
export function validateConfigText(input: string): ValidatedConfigText {
  // A byte-order mark is not content: without it, offsets match the editor's.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const document = TextDocument.create('', 'jsonc', 0, text);
  const { root, errors } = parseConfigText(text);
  const issues: ConfigIssue[] = errors.map((e) => ({
    key: e.key ?? '',
    severity: e.code === 'duplicate-key' ? 'warning' : 'error',
    message: both(SYNTAX[e.code], { key: e.key ?? '' }),
    range: rangeIn(document, e.offset, Math.max(e.length, e.code === 'unexpected-end' ? 0 : 1)),
  }));
  if (root === undefined) return { config: {}, issues, root, document };
  const rangeOf = (path: Path, unknownKey: boolean): Range => {
    const found = locate(root, path);
    if (unknownKey && found.complete && found.key !== undefined) return rangeIn(document, found.key.offset, found.key.length);
    const node = found.complete ? found.node : (found.key ?? found.node);
    return node === undefined ? ZERO : rangeIn(document, node.offset, node.length);
  };
  const validated = validateConfigValue(nodeValue(root), rangeOf);
  const all = [...issues, ...validated.issues].sort((a, b) => compareRanges(a.range ?? ZERO, b.range ?? ZERO));
  return { config: validated.config, issues: all, root, document };
}

function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

/** The range of a top-level key in a validated file, if present. */
export function keyRange(file: ValidatedConfigText, key: string): Range | null {
  const found = locate(file.root, [key]);
  return found.complete && found.key !== undefined ? rangeIn(file.document, found.key.offset, found.key.length) : null;
}
