// A dialect: the built-in tables, plus a configuration's own rows (punkt heading forms,
// field labels, section headings), compiled once into the tests the stages run. Every
// pre-filter comes from the rows, so a row added here or in .referatrc.json is tried.
import { FIELD_LABELS, fieldKeyOf, fieldRoleOf, labelAlternatives, labelFirstLetters, type FieldLabel, type FieldRole } from './fields';
import { COMMITTEE_PREFIXES, COMMITTEE_WORDS, TOC_HEADINGS } from './header';
import { BUILT_IN_INDEX, indexForms, matchPunktForm, PUNKT_FORMS, type FormIndex, type PunktForm, type PunktMatch } from './punktForms';
import { headingKey, maxAliasLength, SECTION_ALIASES, sectionLookup, type SectionAlias } from './sections';
import { foldLatin1 } from '../lines';

export interface DialectOptions {
  /** Extra section headings (lower-case heading text → kind), e.g. "sagens kerne" → resume. */
  sectionAliases?: ReadonlyMap<string, SectionAlias>;
  /** Extra punkt heading forms (from the configuration, already checked and compiled); tried before the built-in ones. */
  punktForms?: readonly PunktForm[];
  /** Extra field labels ("Journalnr."). */
  fieldLabels?: readonly FieldLabel[];
}

export interface Dialect {
  readonly options: DialectOptions;
  matchPunkt(text: string): PunktMatch | null;
  /** Lower-case first letters of the field labels. */
  readonly fieldFirst: ReadonlySet<number>;
  /** A line that starts with a field label. */
  readonly fieldStart: RegExp;
  /** A line that is a field label alone ("Sagsnummer", "Sagsnr:"). */
  readonly fieldAlone: RegExp;
  /** Every field label in a line (global; group 1 is the label). */
  readonly fieldAny: RegExp;
  /** Where a field label with its colon starts inside a text (after a space), or -1. */
  fieldIn(text: string): number;
  fieldKey(label: string): string;
  fieldRole(key: string): FieldRole;
  readonly attendance: RegExp;
  isTocHeading(text: string): boolean;
  lookupSection(text: string): SectionAlias | undefined;
  readonly aliasMax: number;
  /** The heading that starts a line and shares it with text, or null. */
  inlineHeading(text: string): { length: number; alias: SectionAlias } | null;
  /** "Økonomiudvalgets" → "Økonomiudvalget". */
  normaliseCommittee(name: string): string;
  /** Whether a name (a period such as "2018-21" allowed after it) is a committee's. */
  isCommittee(name: string): boolean;
}

const ATTENDANCE = /^(Fraværende med afbud|Fraværende|Afbud fra|Afbud)\s*:\s*(.*)$/i;
const TOC_KEYS = new Set(TOC_HEADINGS.map((t) => t.text.toLowerCase().replace(/\s*:$/, '')));

/** Headings that may share their line with their text, longest first. */
const INLINE: readonly { key: string; alias: SectionAlias }[] = [...SECTION_ALIASES]
  .filter(([, alias]) => alias.inline === true)
  .map(([key, alias]) => ({ key, alias }))
  .sort((a, b) => b.key.length - a.key.length);
const INLINE_FIRST = new Set(INLINE.map((e) => e.key.charCodeAt(0)));

/** "Beslutning: Godkendt.", "Bilag: Notat om …": any heading from the table, a colon and its text. */
function colonHeading(text: string, lookup: (t: string) => SectionAlias | undefined, max: number): { length: number; alias: SectionAlias } | null {
  const colon = text.indexOf(':');
  if (colon < 3 || colon > max || colon + 2 >= text.length || text.charCodeAt(colon + 1) !== 32) return null;
  const first = text.charAt(0);
  if (first === first.toLowerCase()) return null;
  const alias = lookup(text.slice(0, colon));
  return alias === undefined ? null : { length: colon + 1, alias };
}

function inlineHeading(text: string): { length: number; alias: SectionAlias } | null {
  const c = foldLatin1(text.charCodeAt(0));
  if (c < 0 || !INLINE_FIRST.has(c)) return null;
  // The heading starts with a capital letter; the text after it too, or with a digit (a date).
  const first = text.charAt(0);
  if (first === first.toLowerCase()) return null;
  for (const e of INLINE) {
    const n = e.key.length;
    if (text.length < n + 3 || text.charCodeAt(n) !== 32) continue;
    let same = true;
    for (let k = 0; k < n && same; k++) same = foldLatin1(text.charCodeAt(k)) === e.key.charCodeAt(k);
    if (!same) continue;
    const next = text.charAt(n + 1);
    const upper = next !== next.toLowerCase() && next === next.toUpperCase();
    const digit = next >= '0' && next <= '9';
    if (upper || digit) return { length: n, alias: e.alias };
  }
  return null;
}

const COMMITTEE_END = new RegExp(
  `(?:^|[\\s-])(?:\\p{L}*(?:${COMMITTEE_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}))(?:\\s*\\(?\\d{4}\\s*[-–]\\s*\\d{2,4}\\)?)?$`,
  'iu',
);
const COMMITTEE_START = new RegExp(`^(?:${COMMITTEE_PREFIXES.join('|')})\\s+\\p{L}`, 'u');

function isCommittee(name: string): boolean {
  const t = name.trim();
  if (t.length < 3 || t.length > 90) return false;
  if (/[.!?;:]$/.test(t) || /\d{1,2}[./-]\d{1,2}[./-]\d{2,4}/.test(t)) return false;
  // A sentence is no name: at most a few lower-case words.
  if (t.split(/\s+/).length > 9) return false;
  return COMMITTEE_END.test(t) || COMMITTEE_START.test(t);
}

function normaliseCommittee(name: string): string {
  const t = name.trim();
  // A genitive "…udvalgets", "Byrådets", "Kommunalbestyrelsens": the name without the s.
  if (t.length > 3 && (t.endsWith('s') || t.endsWith('S'))) {
    const base = t.slice(0, -1);
    if (COMMITTEE_END.test(base)) return base;
  }
  return t;
}

function compile(options: DialectOptions): Dialect {
  const extraLabels = options.fieldLabels ?? [];
  const labels = [...FIELD_LABELS.map((f) => f.label), ...extraLabels.map((f) => f.label)];
  const alternatives = labelAlternatives(labels);
  const extraForms = options.punktForms ?? [];
  const index: FormIndex = extraForms.length === 0 ? BUILT_IN_INDEX : indexForms([...extraForms, ...PUNKT_FORMS]);
  const aliases = options.sectionAliases;
  const lookup = sectionLookup(aliases);
  const fieldInText = new RegExp(`\\s(?:${alternatives})\\s*:`, 'iu');
  return {
    options,
    matchPunkt: (text) => matchPunktForm(text, index),
    fieldIn: (text) => {
      if (text.indexOf(':') === -1) return -1;
      const m = fieldInText.exec(text);
      return m === null ? -1 : m.index + 1;
    },
    fieldFirst: labelFirstLetters(labels),
    fieldStart: new RegExp(`^(?:${alternatives})(?=\\s|:|$)`, 'iu'),
    fieldAlone: new RegExp(`^(?:${alternatives})\\s*:?$`, 'iu'),
    fieldAny: new RegExp(`(?:^|[\\s,;])(${alternatives})(?=\\s|:|$)\\s*:?\\s*`, 'giu'),
    fieldKey: (label) => fieldKeyOf(label, extraLabels),
    fieldRole: (key) => fieldRoleOf(key, extraLabels),
    attendance: ATTENDANCE,
    isTocHeading: (text) => TOC_KEYS.has(text.toLowerCase().replace(/\s*:$/, '')) || /^Indholdsfortegnelse(?=\S)/.test(text),
    lookupSection: lookup,
    aliasMax: maxAliasLength(aliases),
    inlineHeading: (text) => inlineHeading(text) ?? colonHeading(text, lookup, maxAliasLength(aliases)),
    normaliseCommittee,
    isCommittee,
  };
}

const BUILT_IN = compile({});
const cache = new WeakMap<object, Dialect>();

/** The dialect for a parse's options: the built-in one when they add nothing; compiled once per options object. */
export function dialectFor(options: DialectOptions): Dialect {
  if (options.sectionAliases === undefined && options.punktForms === undefined && options.fieldLabels === undefined) return BUILT_IN;
  let d = cache.get(options);
  if (d === undefined) {
    d = compile(options);
    cache.set(options, d);
  }
  return d;
}

export { headingKey, isCommittee as isCommitteeName, normaliseCommittee };
