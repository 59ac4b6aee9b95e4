// Completion: section headings (the ones the punkt lacks first, in profile order),
// "Punkt N: " with the next number, members' names in attendance and inhabil lines,
// standard decision wording at the start of a Beslutning, and KLE hovedgrupper and
// facet letters while a KLE number is typed. Pure; reads the cursor's line, the
// punkt around it and its neighbours, never the whole document.
import type { CompletionItem, CompletionItemKind } from 'vscode-languageserver';
import type { Member, Position, Punkt, Range, ReferatModel, Section, SectionKind } from '../model';
import { caseNumberShape, KLE_FACETTER, KLE_HOVEDGRUPPER } from '../parser/dialect/caseNumbers';
import { SECTION_NAMES } from '../parser/dialect/sections';
import { SECTION_KINDS } from '../config/schema';
import { formatHeading, headingStyle, missingSections, sectionRank, type HeadingStyle } from '../rules/missing-section';
import { DEFAULT_OPTIONS, isNoDecisionItem, isStandingItem } from '../rules/options';
import type { RuleOptions } from '../rules/types';
import type { Locale } from '../l10n/locale';
import { punktAt, topSectionAt } from './locate';
import type { LineSource } from './text';

export interface CompletionOptions {
  locale?: Locale;
  rules?: RuleOptions;
}

/** Characters that open completion by themselves: ':' (attendance), '-' (facet), '#' (heading). */
export const COMPLETION_TRIGGERS = [':', '-', '#'];

// LSP CompletionItemKind values, local so the core has no runtime LSP dependency.
const KIND = { text: 1, keyword: 14, value: 12, enumMember: 20, reference: 18 } as const satisfies Record<string, CompletionItemKind>;

/** The section headings offered: the twelve of the standard template (resume through bilag in SECTION_KINDS), in profile order. */
const OFFERED: readonly SectionKind[] = SECTION_KINDS.slice(0, SECTION_KINDS.indexOf('procesplan') + 1)
  .map((kind, i) => ({ kind, i }))
  .sort((a, b) => sectionRank(a.kind) - sectionRank(b.kind) || a.i - b.i)
  .map((e) => e.kind);

/** Standard decision wording. */
export const DECISIONS: readonly string[] = ['Godkendt.', 'Taget til efterretning.', 'Indstillingen tiltrådt.', 'Drøftet.'];

/** Facet codes whose meaning is confirmed (domain.md). */
const KNOWN_FACETS: ReadonlyArray<[string, string]> = [
  ['A00', 'Organisering mv. i almindelighed'],
  ['G01', 'Generelle sager'],
  ['P35', 'mødesager'],
];

const T = {
  da: {
    missing: 'Mangler i dette punkt',
    heading: 'Afsnitsoverskrift',
    present: 'Findes allerede i punktet',
    punkt: 'Nyt punkt',
    decision: 'Standardformulering',
    member: 'Medlem',
    hovedgruppe: 'KLE-hovedgruppe',
    facet: 'KLE-handlingsfacet',
  },
  en: {
    missing: 'Missing in this punkt',
    heading: 'Section heading',
    present: 'Already in the punkt',
    punkt: 'New punkt',
    decision: 'Standard wording',
    member: 'Member',
    hovedgruppe: 'KLE main group',
    facet: 'KLE action facet',
  },
};

const ATTENDANCE = /^(\s*(?:\*\*)?(?:fraværende med afbud|fraværende|afbud fra|afbud)\s*:\s*(?:\*\*)?\s*)(.*)$/i;
const AFBUD_PHRASE = /^(.*\b(?:afbud fra|stedfortræder for)\s+)(.*)$/i;
const INHABIL = /inhabil|habilitet/i;
const FIELD_PREFIX = /(?:Sagsnr\.?|Sagsnummer|Sagsid\.?)\s*:?\s*$/i;
const NAME_SEGMENT = /^[\p{L}][\p{L} .'-]{0,60}$/u;

function range(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

export function completions(model: ReferatModel, text: LineSource, position: Position, opts: CompletionOptions = {}): CompletionItem[] {
  const locale = opts.locale ?? 'da';
  const line = text.lineAt(position.line);
  if (line.length > 2000) return [];
  const character = Math.min(position.character, line.length);
  const before = line.slice(0, character);
  const after = line.slice(character);
  const punkt = punktAt(model, position.line);

  const names = memberCompletions(model, position.line, line, before, locale, opts.rules?.members);
  if (names !== null) return names;
  const kle = kleCompletions(model, punkt, position.line, before, locale);
  if (kle !== null) return kle;
  if (punkt !== null && position.line > punkt.headingRange.start.line) {
    const decisions = decisionCompletions(punkt, text, position.line, before, locale);
    if (decisions !== null) return decisions;
  }
  return lineStartCompletions(model, punkt, text, position.line, before, after, opts);
}

// ---- members

function memberLabel(m: Member): string {
  return m.party !== null ? `${m.name} (${m.party})` : m.name;
}

const CONFIGURED_MEMBER = /^(.*?)\s*\(([^()]{1,10})\)\s*$/;

/** The meeting's members (the header's list, or a "Deltagerne var:" list); without one, the configured ones (config "members"). */
function members(model: ReferatModel, configured: readonly string[] = []): Member[] {
  const seen = new Set<string>();
  const out: Member[] = [];
  const listed = model.people.members;
  const fromConfig: Member[] =
    listed.length > 0
      ? []
      : configured.map((written) => {
          const m = CONFIGURED_MEMBER.exec(written);
          return { name: m !== null ? (m[1] as string) : written.trim(), party: m !== null ? (m[2] as string) : null, range: range(0, 0, 0) };
        });
  for (const m of [...listed, ...model.header.absent, ...fromConfig]) {
    const key = m.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}

/** Names after "Fraværende:", "Afbud:", "afbud fra", and in a line about inhabilitet. */
function memberCompletions(
  model: ReferatModel,
  lineNo: number,
  line: string,
  before: string,
  locale: Locale,
  configured?: readonly string[],
): CompletionItem[] | null {
  let listStart: number | null = null;
  let needSpace = false;
  const att = ATTENDANCE.exec(before) ?? AFBUD_PHRASE.exec(before);
  if (att !== null) {
    listStart = (att[1] as string).length;
    needSpace = /:\s*(?:\*\*)?$/.test(att[1] as string) && !/\s$/.test(att[1] as string);
  } else if (INHABIL.test(line)) {
    listStart = 0;
  }
  if (listStart === null) return null;
  // The name being typed starts after the last separator: ',', ';', ':', '(' or " og ".
  const segment = before.slice(listStart);
  let start = listStart;
  const sep = /(?:[,;:(]\s*|\s+og\s+)/g;
  for (let m = sep.exec(segment); m !== null; m = sep.exec(segment)) start = listStart + m.index + m[0].length;
  while (start < before.length && before[start] === ' ') start++;
  const typed = before.slice(start);
  if (typed !== '' && !NAME_SEGMENT.test(typed)) return null;
  const all = members(model, configured);
  if (all.length === 0) return null;
  const lower = line.toLowerCase();
  const items: CompletionItem[] = [];
  all.forEach((m, i) => {
    // Names already on the line are not offered again (the one being typed is).
    const at = lower.indexOf(m.name.toLowerCase());
    if (at >= 0 && !(at >= start && at <= before.length)) return;
    const label = memberLabel(m);
    items.push({
      label,
      kind: KIND.reference,
      detail: T[locale].member,
      sortText: pad(i),
      filterText: label,
      textEdit: { range: range(lineNo, start, before.length), newText: needSpace && start === before.length ? ` ${label}` : label },
    });
  });
  return items;
}

// ---- KLE numbers

/** The case-number token that ends at the cursor. */
function tokenBefore(before: string): { text: string; start: number } {
  let s = before.length;
  while (s > 0 && /[0-9A-Za-zÆØÅæøå.-]/.test(before[s - 1] as string) && before.length - s < 30) s--;
  return { text: before.slice(s), start: s };
}

function usesKle(punkt: Punkt | null, model: ReferatModel): boolean {
  // Only the punkt and its neighbours are looked at: O(1), not the whole document.
  const i = punkt === null ? -1 : model.punkter.indexOf(punkt);
  const near = [model.punkter[i - 1], punkt ?? undefined, model.punkter[i + 1]];
  let any = false;
  for (const p of near) {
    for (const c of p?.caseNumbers ?? []) {
      any = true;
      const shape = caseNumberShape(c.value);
      if (shape === 'kle' || shape === 'kle-uden-facet') return true;
    }
  }
  return !any;
}

function kleCompletions(model: ReferatModel, punkt: Punkt | null, lineNo: number, before: string, locale: Locale): CompletionItem[] | null {
  const token = tokenBefore(before);
  const facet = /^(\d{2})\.(\d{2})\.(\d{2})-([A-Za-zÆØÅæøå]?)$/.exec(token.text);
  if (facet !== null) {
    const start = before.length - (facet[4] as string).length;
    const r = range(lineNo, start, before.length);
    const items: CompletionItem[] = Object.entries(KLE_FACETTER).map(([letter, title], i) => ({
      label: letter,
      labelDetails: { description: title },
      kind: KIND.enumMember,
      detail: `${T[locale].facet}: ${title}`,
      sortText: pad(i),
      textEdit: { range: r, newText: letter },
    }));
    KNOWN_FACETS.forEach(([code, title], i) => {
      items.push({
        label: code,
        labelDetails: { description: title },
        kind: KIND.enumMember,
        detail: `${T[locale].facet}: ${title}`,
        sortText: pad(100 + i),
        textEdit: { range: r, newText: code },
      });
    });
    return items;
  }
  if (!/^\d{0,2}$/.test(token.text)) return null;
  const prefix = before.slice(0, token.start);
  const inField = FIELD_PREFIX.test(prefix);
  // On its own line under the punkt heading, before the first section.
  const underHeading =
    punkt !== null &&
    token.text !== '' &&
    prefix.trim() === '' &&
    lineNo > punkt.headingRange.start.line &&
    (punkt.sections.length === 0 || lineNo < (punkt.sections[0] as { headingRange: Range }).headingRange.start.line);
  if (!inField && !underHeading) return null;
  if (!usesKle(punkt, model)) return null;
  const r = range(lineNo, token.start, before.length);
  // Sorted by code: integer-like keys ("13") would otherwise come before "00".
  const groups = Object.entries(KLE_HOVEDGRUPPER).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return groups.map(([code, title], i) => ({
    label: code,
    labelDetails: { description: title },
    kind: KIND.enumMember,
    detail: `${T[locale].hovedgruppe}: ${title}`,
    sortText: pad(i),
    filterText: code,
    textEdit: { range: r, newText: `${code}.` },
  }));
}

// ---- decisions

/** At the start of a Beslutning: only blank lines between its heading and the cursor. */
function decisionCompletions(punkt: Punkt, text: LineSource, lineNo: number, before: string, locale: Locale): CompletionItem[] | null {
  // Down to a decision under an umbrella ("Forretningsudvalgets beslutning …" under POLITISK BEHANDLING).
  let section = topSectionAt(punkt, lineNo);
  for (let child = lastStarted(section, lineNo); child !== null; child = lastStarted(section, lineNo)) section = child;
  if (section === null || section.kind !== 'beslutning' || section.implicit) return null;
  const heading = section.headingRange.start.line;
  if (lineNo <= heading || lineNo - heading > 50) return null;
  for (let l = heading + 1; l < lineNo; l++) if (text.lineAt(l).trim() !== '') return null;
  if (!/^\s*[\p{L}]*$/u.test(before)) return null;
  const start = before.length - before.trimStart().length;
  const r = range(lineNo, start, before.length);
  return DECISIONS.map((d, i) => ({
    label: d,
    kind: KIND.value,
    detail: T[locale].decision,
    sortText: pad(i),
    textEdit: { range: r, newText: d },
  }));
}

/** The last child of the section whose heading is at or before the line. */
function lastStarted(section: Section | null, lineNo: number): Section | null {
  let found: Section | null = null;
  for (const c of section?.children ?? []) if (c.headingRange.start.line <= lineNo) found = c;
  return found;
}

// ---- line start: section headings and "Punkt N: "

const HEADING_START = /^(\s*)(#{1,6}[ \t]*)?([\p{L}\d][\p{L}\d ]{0,40})?$/u;

function lineStartCompletions(
  model: ReferatModel,
  punkt: Punkt | null,
  text: LineSource,
  lineNo: number,
  before: string,
  after: string,
  opts: CompletionOptions,
): CompletionItem[] {
  const locale = opts.locale ?? 'da';
  const m = HEADING_START.exec(before);
  if (m === null || !/^[\p{L}]*\s*$/u.test(after)) return [];
  // A heading starts a paragraph: the line above is blank (or there is none).
  if (lineNo > 0 && text.lineAt(lineNo - 1).trim() !== '') return [];
  const hashes = m[2] ?? '';
  const start = (m[1] as string).length + hashes.length;
  const r = range(lineNo, start, before.length);
  const items: CompletionItem[] = [];
  const inPunkt = punkt !== null && lineNo > punkt.headingRange.start.line;
  if (inPunkt) items.push(...sectionItems(model, punkt, text, r, hashes !== '', opts));
  const next = nextPunkt(model, punkt, lineNo);
  if (next !== null) {
    const newText = hashes !== '' ? next.text : `${next.level !== null ? `${'#'.repeat(next.level)} ` : ''}${next.text}`;
    items.push({
      label: next.text,
      kind: KIND.keyword,
      detail: T[locale].punkt,
      sortText: `2-${pad(0)}`,
      filterText: next.text,
      textEdit: { range: r, newText },
    });
  }
  // Prose at the start of a paragraph is no heading: something must begin with what is typed.
  const typed = (m[3] ?? '').trim().toLowerCase();
  if (typed !== '' && !items.some((i) => (i.filterText ?? i.label).toLowerCase().startsWith(typed))) return [];
  return items;
}

function sectionItems(model: ReferatModel, punkt: Punkt, text: LineSource, r: Range, typedHashes: boolean, opts: CompletionOptions): CompletionItem[] {
  const locale = opts.locale ?? 'da';
  const rules = opts.rules ?? DEFAULT_OPTIONS;
  const required = rules.requiredSections[model.kind];
  const missing = missingSections(punkt, required, isStandingItem(punkt, rules), isNoDecisionItem(punkt, rules)).sort(
    (a, b) => sectionRank(a) - sectionRank(b),
  );
  const present = new Set<SectionKind>();
  const walk = (list: Punkt['sections']): void => {
    for (const s of list) {
      present.add(s.kind);
      walk(s.children);
    }
  };
  walk(punkt.sections);
  const style: HeadingStyle = headingStyle(punkt, (l) => text.lineAt(l));
  const decisionHeading = neighbourDecisionHeading(model, punkt);
  const kinds = [...missing, ...OFFERED.filter((k) => !missing.includes(k))];
  return kinds.map((kind) => {
    const group = missing.includes(kind) ? 0 : present.has(kind) ? 2 : 1;
    const name = SECTION_NAMES[kind];
    const heading = kind === 'beslutning' && decisionHeading !== null ? decisionHeading : name;
    const formatted = formatHeading(heading, typedHashes ? { ...style, level: null } : style);
    const item: CompletionItem = {
      label: name,
      kind: KIND.keyword,
      detail: group === 0 ? T[locale].missing : group === 2 ? T[locale].present : T[locale].heading,
      sortText: `${group}-${pad(group === 0 ? missing.indexOf(kind) : OFFERED.indexOf(kind))}`,
      filterText: name,
      textEdit: { range: r, newText: formatted },
    };
    if (heading !== name) item.labelDetails = { description: heading };
    if (group === 0 && missing[0] === kind) item.preselect = true;
    return item;
  });
}

/** "Beslutning i <udvalg> den <dato>" as a neighbouring punkt writes it, if it does. */
function neighbourDecisionHeading(model: ReferatModel, punkt: Punkt): string | null {
  const i = model.punkter.indexOf(punkt);
  for (const p of [model.punkter[i - 1], model.punkter[i + 1]]) {
    for (const s of p?.sections ?? []) {
      if (s.kind === 'beslutning' && !s.merged && (s.committee !== null || s.date !== null)) return s.heading;
    }
  }
  return null;
}

/** The next punkt's heading text in the document's own form ("Punkt 47: ", "47: "). */
function nextPunkt(model: ReferatModel, punkt: Punkt | null, lineNo: number): { text: string; level: number | null } | null {
  let number: number;
  if (punkt !== null) number = (punkt.number ?? 0) + 1;
  else {
    const first = model.punkter[0];
    number = first?.number != null && first.number > 1 && first.range.start.line > lineNo ? first.number - 1 : 1;
  }
  const like = punkt ?? model.punkter[0] ?? null;
  const form = like?.form ?? 'punkt';
  const textOf: Record<string, string> = {
    'number-colon': `${number}: `,
    'number-dot': `${number}. `,
    pkt: `Pkt. ${number} `,
  };
  return { text: textOf[form] ?? `Punkt ${number}: `, level: like?.level ?? null };
}
