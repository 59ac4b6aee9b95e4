// Section headings as the systems write them, mapped to a canonical kind.
// A heading matches only as a whole line (after Markdown decoration and a
// trailing colon are removed), compared case-insensitively.
import type { SectionKind } from '../model';
import { foldLatin1 } from './lines';

export interface SectionAlias {
  kind: SectionKind;
  /** In plain text, this heading nests under an open Sagsfremstilling. */
  subOfSagsfremstilling?: boolean;
}

const TABLE: ReadonlyArray<[SectionKind, string[], boolean?]> = [
  ['resume', ['resume', 'resumé', 'sagsresume', 'sagsresumé', 'kort resume', 'sagens kerne', 'beslutningstema']],
  ['sagsfremstilling', ['sagsfremstilling', 'beskrivelse af sagen', 'sagens indhold', 'anledning', 'sagsbeskrivelse']],
  ['sagsfremstilling', ['baggrund'], true],
  ['indstilling', ['indstilling', 'indstillinger', 'administrativ indstilling', 'forvaltningens indstilling', 'direktionens indstilling', 'administrationens indstilling']],
  ['beslutning', ['beslutning', 'beslutninger']],
  ['bilag', ['bilag', 'bilagsliste']],
  ['økonomi', ['økonomi', 'økonomiske konsekvenser', 'økonomiske forhold', 'økonomiske forhold og konsekvenser', 'økonomi og finansiering', 'bevillingsmæssige konsekvenser']],
  ['lovgrundlag', ['lovgrundlag', 'lovgrundlag og juridisk vurdering', 'retsregler og andre forskrifter', 'juridiske og planmæssige forhold', 'juridisk vurdering', 'retsgrundlag', 'lovgivning']],
  ['høring', ['høring', 'høringssvar']],
  ['høring', ['inddragelse og høring'], true],
  ['tidligere-behandling', ['tidligere behandling', 'tidligere beslutninger', 'tidligere politisk behandling']],
  ['konsekvenser', ['forventet konsekvens', 'forventede konsekvenser', 'personalemæssige konsekvenser', 'konsekvenser']],
  ['kommunikation', ['kommunikation', 'organisering og kommunikation']],
  ['procesplan', ['procesplan', 'forventet sagsgang', 'sagsforløb', 'sagsgang og sagstype', 'tidsplan', 'videre proces']],
  ['effektvurdering', ['effektvurdering']],
  ['kompetence', ['sagen afgøres i', 'beslutningskompetence', 'kompetence']],
  ['punktoplysninger', ['punktoplysninger']],
  ['historik', ['historik'], true],
  ['beskrivelse', ['beskrivelse'], true],
  ['alternativer', ['alternativer'], true],
  ['tidsperspektiv', ['tidsperspektiv'], true],
];

export const SECTION_ALIASES: ReadonlyMap<string, SectionAlias> = new Map(
  TABLE.flatMap(([kind, names, sub]) => names.map((n): [string, SectionAlias] => [n, sub ? { kind, subOfSagsfremstilling: true } : { kind }])),
);

/** Danish display names of the canonical kinds, for messages and completion. */
export const SECTION_NAMES: Readonly<Record<SectionKind, string>> = {
  resume: 'Resume',
  sagsfremstilling: 'Sagsfremstilling',
  indstilling: 'Indstilling',
  beslutning: 'Beslutning',
  bilag: 'Bilag',
  økonomi: 'Økonomi',
  lovgrundlag: 'Lovgrundlag',
  høring: 'Høring',
  'tidligere-behandling': 'Tidligere behandling',
  konsekvenser: 'Konsekvenser',
  kommunikation: 'Kommunikation',
  procesplan: 'Procesplan',
  effektvurdering: 'Effektvurdering',
  kompetence: 'Kompetence',
  punktoplysninger: 'Punktoplysninger',
  historik: 'Historik',
  beskrivelse: 'Beskrivelse',
  alternativer: 'Alternativer',
  tidsperspektiv: 'Tidsperspektiv',
  other: 'Andet',
};

/** Lower-cased heading key: trailing colon and whitespace removed. */
export function headingKey(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ':' || text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end).toLowerCase();
}

const BUILT_IN_MAX = Math.max(...[...SECTION_ALIASES.keys()].map((k) => k.length));

/** The longest heading key lookupSection can find (with `extra`): only shorter lines need looking up. */
export function maxAliasLength(extra?: ReadonlyMap<string, SectionAlias>): number {
  let max = BUILT_IN_MAX;
  if (extra !== undefined) for (const k of extra.keys()) if (k.length > max) max = k.length;
  return max;
}

// ---- lookupSection without building strings, for the parser's many short lines.
// Most lines are no heading; the text's lower case is hashed as it is read and compared
// with the keys' hashes, so only a likely heading costs a string. Characters below
// U+0100 are lower-cased here exactly as toLowerCase does; a line with any other
// character takes lookupSection itself.

interface KeyEntry {
  key: string;
  alias: SectionAlias;
}


function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619) >>> 0;
}
const HASH_SEED = 2166136261;

/** Adds the keys a folded line can equal: those already in lower case below U+0100. */
function addKeys(table: Map<number, KeyEntry[]>, map: ReadonlyMap<string, SectionAlias>): void {
  for (const [key, alias] of map) {
    let h = HASH_SEED;
    let ok = true;
    for (let i = 0; i < key.length && ok; i++) {
      const c = key.charCodeAt(i);
      if (foldLatin1(c) !== c) ok = false;
      else h = hashStep(h, c);
    }
    if (!ok) continue;
    const bucket = table.get(h);
    if (bucket === undefined) table.set(h, [{ key, alias }]);
    else bucket.push({ key, alias });
  }
}

let builtInTable: Map<number, KeyEntry[]> | undefined;

/** lookupSection(text, extra) as a function of the text, made once per parse. */
export function sectionLookup(extra?: ReadonlyMap<string, SectionAlias>): (text: string) => SectionAlias | undefined {
  if (builtInTable === undefined) {
    builtInTable = new Map();
    addKeys(builtInTable, SECTION_ALIASES);
  }
  let table = builtInTable;
  if (extra !== undefined && extra.size > 0) {
    // The configuration's names first, as lookupSection prefers them.
    table = new Map();
    addKeys(table, extra);
    for (const [h, entries] of builtInTable) {
      const bucket = table.get(h);
      if (bucket === undefined) table.set(h, entries);
      else table.set(h, [...bucket, ...entries]);
    }
  }
  const lookup = table;
  return (text: string): SectionAlias | undefined => {
    if (text.length > 80) return undefined;
    let end = text.length;
    while (end > 0) {
      const c = text.charCodeAt(end - 1);
      if (c !== 58 /* : */ && c !== 32 && c !== 9) break;
      end--;
    }
    let h = HASH_SEED;
    for (let i = 0; i < end; i++) {
      const f = foldLatin1(text.charCodeAt(i));
      if (f < 0) return lookupSection(text, extra);
      h = hashStep(h, f);
    }
    const bucket = lookup.get(h);
    if (bucket === undefined) return undefined;
    for (const e of bucket) {
      if (e.key.length !== end) continue;
      let same = true;
      for (let i = 0; i < end && same; i++) same = foldLatin1(text.charCodeAt(i)) === e.key.charCodeAt(i);
      if (same) return e.alias;
    }
    return undefined;
  };
}

/** Looks a heading up, first in `extra` (a municipality's own names, lower-case keys), then in the built-in table. */
export function lookupSection(text: string, extra?: ReadonlyMap<string, SectionAlias>): SectionAlias | undefined {
  if (text.length > 80) return undefined;
  const key = headingKey(text);
  return extra?.get(key) ?? SECTION_ALIASES.get(key);
}

// Single-word headings that exports glue together ("BilagBeslutning").
const GLUEABLE = new Map<string, SectionKind>([
  ['Resume', 'resume'],
  ['Resumé', 'resume'],
  ['Sagsfremstilling', 'sagsfremstilling'],
  ['Indstilling', 'indstilling'],
  ['Beslutning', 'beslutning'],
  ['Bilag', 'bilag'],
  ['Økonomi', 'økonomi'],
  ['Lovgrundlag', 'lovgrundlag'],
  ['Høring', 'høring'],
  ['Baggrund', 'sagsfremstilling'],
]);

/** The first characters of the glueable headings: the line must start with one. */
const GLUEABLE_FIRST = new Set([...GLUEABLE.keys()].map((k) => k.charCodeAt(0)));

export interface MergedHeading {
  parts: { text: string; kind: SectionKind; start: number; end: number }[];
}

/** Splits "BilagBeslutning" into its headings; null when the line is not such a merge. */
export function splitMergedHeading(text: string): MergedHeading | null {
  if (text.length > 60 || !GLUEABLE_FIRST.has(text.charCodeAt(0)) || text.includes(' ')) return null;
  const parts: MergedHeading['parts'] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    const boundary = i === text.length || (isUpper(text[i] as string) && isLower(text[i - 1] as string));
    if (!boundary) continue;
    const piece = text.slice(start, i);
    const kind = GLUEABLE.get(piece);
    if (kind === undefined) return null;
    parts.push({ text: piece, kind, start, end: i });
    start = i;
  }
  return parts.length >= 2 ? { parts } : null;
}

function isUpper(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}
function isLower(c: string): boolean {
  return c !== c.toUpperCase() && c === c.toLowerCase();
}
