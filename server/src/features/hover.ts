// Hover: what a sagsnummer is made of, which weekday a date is, and which required
// sections a punkt has and lacks. Pure; reads only the hovered line and the punkt.
import type { Hover } from 'vscode-languageserver';
import type { Position, Punkt, Range, ReferatModel } from '../model';
import { CASE_NUMBER_SHAPES, caseNumberShape, KLE_FACETTER, KLE_HOVEDGRUPPER, type CaseNumberShape } from '../parser/dialect/caseNumbers';
import { findDates, MONTHS, WEEKDAYS, weekdayOf } from '../parser/dates';
import { SECTION_NAMES } from '../parser/dialect/sections';
import { missingSections } from '../rules/missing-section';
import { DEFAULT_OPTIONS, isNoDecisionItem, isStandingItem } from '../rules/options';
import type { RuleOptions } from '../rules/types';
import type { Locale } from '../l10n/locale';
import { caseNumberAt, punktAt, tokenAt } from './locate';
import type { LineSource } from './text';
import { punktLabel } from './documentSymbols';

/** What the workspace knows about a case: how many punkter, newest meeting date. */
export interface CaseHistory {
  punkter: number;
  meetings: number;
  newest: string | null;
}

export interface HoverOptions {
  locale?: Locale;
  rules?: RuleOptions;
  /** The case's history across the workspace, when an index is at hand. */
  history?: (caseNumber: string) => CaseHistory | null;
}

/** Facet codes whose meaning is confirmed (domain.md); other codes are not guessed at. */
const KNOWN_FACETS: Readonly<Record<string, { da: string; en: string }>> = {
  A00: { da: 'Organisering mv. i almindelighed', en: 'Organisering mv. i almindelighed (organisation in general)' },
  G01: { da: 'Generelle sager', en: 'Generelle sager (general cases)' },
  P35: { da: 'bruges til mødesager', en: 'used for meeting cases' },
};

const T = {
  da: {
    hovedgruppe: 'Hovedgruppe',
    unknownGroup: 'ukendt hovedgruppe (ikke i KLE-listen)',
    gruppe: 'Gruppe',
    emne: 'emne',
    facet: 'Handlingsfacet',
    category: 'kategori',
    unknownFacet: 'ukendt facetkategori',
    loebenummer: 'Løbenummer',
    year: 'År',
    kommunekode: 'Kommunekode',
    prefix: 'Præfiks',
    unknownShape: 'Sagsnummer i ukendt form. Kendte former:',
    history: (h: CaseHistory) =>
      `Sagen står i ${h.punkter} ${h.punkter === 1 ? 'punkt' : 'punkter'} i ${h.meetings} ${h.meetings === 1 ? 'møde' : 'møder'} i arbejdsområdet${h.newest !== null ? `, senest ${h.newest}` : ''}.`,
    invalidDate: 'Ikke en gyldig dato.',
    weekdayOk: 'Ugedagen passer.',
    weekdayWrong: (written: string, actual: string) => `Der står *${written}*, men datoen er en ${actual}.`,
    dateLine: (weekday: string, d: number, month: string, y: number) => `${cap(weekday)} den ${d}. ${month} ${y}`,
    has: 'Har',
    lacks: 'Mangler',
    nothing: 'intet',
    standing: 'Fast punkt: Indstilling kræves ikke.',
    noDecision: 'Beslutning kræves ikke.',
    required: 'Påkrævede afsnit',
  },
  en: {
    hovedgruppe: 'Main group',
    unknownGroup: 'unknown main group (not in the KLE list)',
    gruppe: 'Group',
    emne: 'subject',
    facet: 'Action facet',
    category: 'category',
    unknownFacet: 'unknown facet category',
    loebenummer: 'Running number',
    year: 'Year',
    kommunekode: 'Municipality code',
    prefix: 'Prefix',
    unknownShape: 'Case number of an unknown shape. Known shapes:',
    history: (h: CaseHistory) =>
      `The case appears in ${h.punkter} ${h.punkter === 1 ? 'punkt' : 'punkter'} of ${h.meetings} ${h.meetings === 1 ? 'meeting' : 'meetings'} in the workspace${h.newest !== null ? `, latest ${h.newest}` : ''}.`,
    invalidDate: 'Not a valid date.',
    weekdayOk: 'The weekday matches.',
    weekdayWrong: (written: string, actual: string) => `The text says *${written}*, but the date is a ${actual}.`,
    dateLine: (weekday: string, d: number, month: string, y: number) => `${weekday} ${d} ${month} ${y}`,
    has: 'Has',
    lacks: 'Lacks',
    nothing: 'nothing',
    standing: 'Standing item: no Indstilling needed.',
    noDecision: 'No Beslutning needed.',
    required: 'Required sections',
  },
};

const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A two-digit year as a four-digit one (KLE and Acadre numbers are from 1980 on). */
export function fullYear(yy: string): number {
  const n = Number(yy);
  return n >= 80 ? 1900 + n : 2000 + n;
}

function markdown(value: string, range: Range): Hover {
  return { contents: { kind: 'markdown', value }, range };
}

/** The parts of a case number as Markdown lines (no heading). */
export function describeCaseNumber(value: string, locale: Locale = 'da'): string[] {
  const t = T[locale];
  const shape = caseNumberShape(value);
  if (shape === null) {
    return [t.unknownShape, ...CASE_NUMBER_SHAPES.map((s) => `- ${s[locale]}, ${locale === 'da' ? 'fx' : 'e.g.'} \`${s.example}\``)];
  }
  const m = (CASE_NUMBER_SHAPES.find((s) => s.id === shape)?.re.exec(value) ?? []) as string[];
  const lines: string[] = [];
  const kle = (hg: string, g: string, e: string): void => {
    const title = KLE_HOVEDGRUPPER[hg];
    lines.push(`- ${t.hovedgruppe} **${hg}**: ${title ?? t.unknownGroup}`);
    lines.push(`- ${t.gruppe} ${hg}.${g} · ${t.emne} ${hg}.${g}.${e}`);
  };
  switch (shape as CaseNumberShape) {
    case 'kle': {
      const [, hg, g, e, letter, digits, loeb, yy] = m as [string, string, string, string, string, string, string, string];
      kle(hg, g, e);
      const category = KLE_FACETTER[letter];
      const known = KNOWN_FACETS[`${letter}${digits}`];
      lines.push(
        `- ${t.facet} **${letter}${digits}**: ${t.category} ${letter}${category !== undefined ? ` – ${category}` : ` (${t.unknownFacet})`}${known !== undefined ? `; ${letter}${digits}: ${known[locale]}` : ''}`,
      );
      lines.push(`- ${t.loebenummer} ${loeb}`);
      lines.push(`- ${t.year} ${yy} (${fullYear(yy)})`);
      break;
    }
    case 'kle-uden-facet': {
      const [, hg, g, e, loeb, yy] = m as [string, string, string, string, string, string];
      kle(hg, g, e);
      lines.push(`- ${t.loebenummer} ${loeb}`);
      lines.push(`- ${t.year} ${yy} (${fullYear(yy)})`);
      break;
    }
    case 'acadre':
    case 'aar-loebenummer': {
      const [yy, loeb] = value.split(/[/-]/) as [string, string];
      lines.push(`- ${t.year} ${yy} (${fullYear(yy)})`, `- ${t.loebenummer} ${loeb}`);
      break;
    }
    case 'kommunekode': {
      const [kode, year, loeb] = value.split('-') as [string, string, string];
      lines.push(`- ${t.kommunekode} ${kode}`, `- ${t.year} ${year}`, `- ${t.loebenummer} ${loeb}`);
      break;
    }
    case 'getorganized': {
      const [prefix, year, loeb] = value.split('-') as [string, string, string];
      lines.push(`- ${t.prefix} ${prefix}`, `- ${t.year} ${year}`, `- ${t.loebenummer} ${loeb}`);
      break;
    }
    case 'heltal':
      break;
  }
  return lines;
}

function shapeName(value: string, locale: Locale): string | null {
  const shape = caseNumberShape(value);
  const info = CASE_NUMBER_SHAPES.find((s) => s.id === shape);
  return info === undefined ? null : info[locale];
}

function caseHover(value: string, range: Range, opts: HoverOptions): Hover {
  const locale = opts.locale ?? 'da';
  const name = shapeName(value, locale);
  const parts = [`**${value}**${name !== null ? ` · ${name}` : ''}`, '', ...describeCaseNumber(value, locale)];
  const history = opts.history?.(value) ?? null;
  if (history !== null && history.punkter > 0) parts.push('', T[locale].history(history));
  return markdown(parts.join('\n'), range);
}

function dateHover(line: string, position: Position, locale: Locale): Hover | null {
  if (line.length > 2000) return null;
  const t = T[locale];
  for (const d of findDates(line)) {
    if (position.character < d.start || position.character > d.end) continue;
    const range: Range = { start: { line: position.line, character: d.start }, end: { line: position.line, character: d.end } };
    if (d.iso === null) return markdown(`**${d.text}**\n\n${t.invalidDate}`, range);
    const [y, mo, day] = d.iso.split('-').map(Number) as [number, number, number];
    const actual = weekdayOf(d.iso);
    const wd = locale === 'da' ? actual : (EN_WEEKDAYS[WEEKDAYS.indexOf(actual)] as string);
    const month = locale === 'da' ? (MONTHS[mo - 1] as string) : (EN_MONTHS[mo - 1] as string);
    const parts = [`**${d.text}**`, '', t.dateLine(wd, day, month, y)];
    if (d.weekday !== null) {
      const written = d.weekday.toLowerCase();
      parts.push('', written === actual ? t.weekdayOk : t.weekdayWrong(d.weekday, locale === 'da' ? actual : wd));
    }
    return markdown(parts.join('\n'), range);
  }
  return null;
}

function punktHover(model: ReferatModel, punkt: Punkt, opts: HoverOptions): Hover {
  const locale = opts.locale ?? 'da';
  const t = T[locale];
  const rules = opts.rules ?? DEFAULT_OPTIONS;
  const required = rules.requiredSections[model.kind];
  const standing = isStandingItem(punkt, rules);
  const noDecision = isNoDecisionItem(punkt, rules);
  const missing = missingSections(punkt, required, standing, noDecision);
  const needed = required.filter((k) => !(k === 'indstilling' && standing) && !(k === 'beslutning' && noDecision));
  const has = needed.filter((k) => !missing.includes(k));
  const cases = punkt.caseNumbers.map((c) => c.value);
  const parts = [`**${punktLabel(punkt)}**${cases.length > 0 ? ` · ${cases.join(', ')}` : ''}`, ''];
  parts.push(`${t.required}:`, '');
  parts.push(`- ${t.has}: ${has.length > 0 ? has.map((k) => SECTION_NAMES[k]).join(', ') : t.nothing}`);
  parts.push(`- ${t.lacks}: ${missing.length > 0 ? missing.map((k) => `**${SECTION_NAMES[k]}**`).join(', ') : t.nothing}`);
  const notes: string[] = [];
  if (standing && required.includes('indstilling')) notes.push(t.standing);
  if (noDecision && required.includes('beslutning')) notes.push(t.noDecision);
  if (notes.length > 0) parts.push('', notes.join(' '));
  return markdown(parts.join('\n'), punkt.headingRange);
}

/**
 * The hover at a position: a sagsnummer first (as the parser read it, or a token of a
 * known shape anywhere in the text), then a date, then a punkt heading.
 */
export function hover(model: ReferatModel, text: LineSource, position: Position, opts: HoverOptions = {}): Hover | null {
  const locale = opts.locale ?? 'da';
  const found = caseNumberAt(model, position);
  if (found !== null) return caseHover(found.value, found.range, opts);
  const line = text.lineAt(position.line);
  const token = tokenAt(line, position.character);
  if (token !== null) {
    const shape = caseNumberShape(token.text);
    // A bare integer in prose is no case number; only the parser's own count.
    if (shape !== null && shape !== 'heltal') {
      const range: Range = { start: { line: position.line, character: token.start }, end: { line: position.line, character: token.end } };
      return caseHover(token.text, range, opts);
    }
  }
  const date = dateHover(line, position, locale);
  if (date !== null) return date;
  const punkt = punktAt(model, position.line);
  if (punkt !== null && punkt.headingRange.start.line === position.line) return punktHover(model, punkt, opts);
  return null;
}
