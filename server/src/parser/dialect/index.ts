// A dialect: the built-in tables, plus a configuration's own rows (punkt heading forms,
// field labels, section headings), compiled once into the tests the stages run. Every
// pre-filter comes from the rows, so a row added here or in .referatrc.json is tried.
import { FIELD_LABELS, fieldKeyOf, fieldRoleOf, labelAlternatives, labelFirstLetters, type FieldLabel, type FieldRole } from './fields';
import { COMMITTEE_PREFIXES, COMMITTEE_WORDS, TOC_HEADINGS } from './header';
import { BUILT_IN_INDEX, indexForms, matchPunktForm, PUNKT_FORMS, type FormIndex, type PunktForm, type PunktMatch } from './punktForms';
import { headingKey, maxAliasLength, SECTION_ALIASES, sectionLookup, type SectionAlias } from './sections';
import { escapeRegExp, foldLatin1 } from '../lines';
import { DEBRIS_PATTERNS, DEBRIS_PHRASES } from './debris';
import { P_ATTENDANCE, P_DEBRIS, P_FIELD, P_PUNKT, P_SECTION, P_TOC, PrefixTrie } from './prefixes';

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
  /** Which tables a line can match, by the words it begins with (P_* bits). */
  readonly prefixes: PrefixTrie;
  /** Forms tried on every line (a configuration's with no literal start). */
  readonly anyForms: boolean;
  matchPunkt(text: string): PunktMatch | null;
  /** Per lower-case Latin-1 first letter: 1 when some field label starts with it. */
  readonly fieldFirst: Uint8Array;
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
const TOC_MAX = Math.max(...[...TOC_KEYS].map((k) => k.length)) + 2;
const TOC_FIRST = new Set([...TOC_KEYS].map((k) => k.charCodeAt(0)));

const TOC_LIST = [...TOC_KEYS];

/** text[0, end) equals `key` (lower case) ignoring case, compared without building a string (Latin-1). */
function foldedEquals(text: string, end: number, key: string): boolean {
  if (end !== key.length) return false;
  for (let k = 0; k < end; k++) if (foldLatin1(text.charCodeAt(k)) !== key.charCodeAt(k)) return false;
  return true;
}

function isTocHeading(text: string): boolean {
  const c = foldLatin1(text.charCodeAt(0));
  if (!TOC_FIRST.has(c)) return false;
  if (c === 105 /* i */ && /^Indholdsfortegnelse(?=\S)/.test(text)) return true;
  if (text.length > TOC_MAX) return false;
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 58 || text.charCodeAt(end - 1) === 32)) end--;
  for (const key of TOC_LIST) if (foldedEquals(text, end, key)) return true;
  return false;
}

/** Headings that may share their line with their text, longest first. */
const INLINE: readonly { key: string; alias: SectionAlias }[] = [...SECTION_ALIASES]
  .filter(([, alias]) => alias.inline === true)
  .map(([key, alias]) => ({ key, alias }))
  .sort((a, b) => b.key.length - a.key.length);
/** The inline headings per first letter. */
const INLINE_BY_FIRST = new Map<number, { key: string; alias: SectionAlias }[]>();
for (const e of INLINE) {
  const c = e.key.charCodeAt(0);
  INLINE_BY_FIRST.set(c, [...(INLINE_BY_FIRST.get(c) ?? []), e]);
}

/** "Beslutning: Godkendt.", "Bilag: Notat om …": any heading from the table, a colon and its text. */
function colonHeading(text: string, lookup: (t: string) => SectionAlias | undefined, max: number): { length: number; alias: SectionAlias } | null {
  const raw = text.charCodeAt(0);
  const f = foldLatin1(raw);
  if (f < 0 || f === raw) return null;
  const colon = text.indexOf(':');
  if (colon < 3 || colon > max || colon + 2 >= text.length || text.charCodeAt(colon + 1) !== 32) return null;
  const alias = lookup(text.slice(0, colon));
  return alias === undefined ? null : { length: colon + 1, alias };
}

function inlineHeading(text: string): { length: number; alias: SectionAlias } | null {
  const raw = text.charCodeAt(0);
  const c = foldLatin1(raw);
  // The heading starts with a capital letter; the text after it too, or with a digit (a date).
  if (c < 0 || c === raw) return null;
  const list = INLINE_BY_FIRST.get(c);
  if (list === undefined) return null;
  for (const e of list) {
    const n = e.key.length;
    if (text.length < n + 3 || text.charCodeAt(n) !== 32) continue;
    let same = true;
    for (let k = 0; k < n && same; k++) same = foldLatin1(text.charCodeAt(k)) === e.key.charCodeAt(k);
    if (!same) continue;
    const next = text.charCodeAt(n + 1);
    const f = foldLatin1(next);
    const upper = f >= 0 ? f !== next : /\p{Lu}/u.test(text.charAt(n + 1));
    if (upper || (next >= 48 && next <= 57)) return { length: n, alias: e.alias };
  }
  return null;
}

const COMMITTEE_END = new RegExp(
  `(?:^|[\\s-])(?:\\p{L}*(?:${COMMITTEE_WORDS.map(escapeRegExp).join('|')}))(?:\\s*\\(?\\d{4}\\s*[-–]\\s*\\d{2,4}\\)?)?$`,
  'iu',
);
const COMMITTEE_START = new RegExp(`^(?:${COMMITTEE_PREFIXES.join('|')})\\s+\\p{L}`, 'u');

// The pre-filter for a committee name, derived from the words: every name holds one of these
// (lower case), the words no other word contains ("råd" for byråd and regionsråd).
const COMMITTEE_HINTS: readonly string[] = (() => {
  const words = [...COMMITTEE_WORDS, ...COMMITTEE_PREFIXES].map((w) => w.toLowerCase());
  return [...new Set(words.filter((w) => !words.some((o) => o !== w && w.includes(o))))];
})();

/** Whether a text (in lower case) may hold a committee's name: it has one of the words. */
function mayNameCommittee(lower: string): boolean {
  for (const h of COMMITTEE_HINTS) if (lower.includes(h)) return true;
  return false;
}

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

/** The words each table's rows begin with, for the scanner's pre-filter. */
function prefixEntries(forms: readonly PunktForm[], labels: readonly string[], aliases: ReadonlyMap<string, SectionAlias> | undefined): [string, number][] {
  const out: [string, number][] = [];
  for (const p of DEBRIS_PHRASES) out.push([(p.text.toLowerCase().split(/[\s-]/)[0] as string).replace(/:$/, ''), P_DEBRIS]);
  for (const p of DEBRIS_PATTERNS) for (const w of p.starts ?? []) out.push([w, P_DEBRIS]);
  for (const f of forms) if (typeof f.lead === 'object') for (const w of f.lead.words) out.push([w, P_PUNKT]);
  // A label up to its first dot, space or hyphen ("Dok. nr." → "dok"): the line may write the rest otherwise.
  for (const l of labels) out.push([l.toLowerCase().split(/[.\s-]/)[0] as string, P_FIELD]);
  out.push(['fraværende', P_ATTENDANCE], ['afbud', P_ATTENDANCE]);
  for (const k of TOC_KEYS) out.push([k, P_TOC]);
  out.push(['indholdsfortegnelse', P_TOC]);
  for (const k of SECTION_ALIASES.keys()) out.push([k, P_SECTION]);
  for (const k of aliases?.keys() ?? []) out.push([k, P_SECTION]);
  out.push(['beslutning', P_SECTION]);
  return out;
}

function letterTable(letters: ReadonlySet<number>): Uint8Array {
  const t = new Uint8Array(256);
  for (const c of letters) if (c < 256) t[c] = 1;
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
  const aliasMax = maxAliasLength(aliases);
  const prefixes = new PrefixTrie(prefixEntries([...extraForms, ...PUNKT_FORMS], labels, aliases));
  const fieldInText = new RegExp(`\\s(?:${alternatives})\\s*:`, 'iu');
  return {
    options,
    prefixes,
    anyForms: index.any.length > 0,
    matchPunkt: (text) => matchPunktForm(text, index),
    fieldIn: (text) => {
      if (text.indexOf(':') === -1) return -1;
      const m = fieldInText.exec(text);
      return m === null ? -1 : m.index + 1;
    },
    fieldFirst: letterTable(labelFirstLetters(labels)),
    fieldStart: new RegExp(`^(?:${alternatives})(?=\\s|:|$)`, 'iu'),
    fieldAlone: new RegExp(`^(?:${alternatives})\\s*:?$`, 'iu'),
    fieldAny: new RegExp(`(?:^|[\\s,;])(${alternatives})(?=\\s|:|$)\\s*:?\\s*`, 'giu'),
    fieldKey: (label) => fieldKeyOf(label, extraLabels),
    fieldRole: (key) => fieldRoleOf(key, extraLabels),
    attendance: ATTENDANCE,
    isTocHeading,
    lookupSection: lookup,
    aliasMax,
    inlineHeading: (text) => inlineHeading(text) ?? colonHeading(text, lookup, aliasMax),
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

export { headingKey, isCommittee as isCommitteeName, mayNameCommittee, normaliseCommittee, COMMITTEE_HINTS };
