// Section headings as the systems write them, mapped to a canonical kind.
// A heading matches only as a whole line (after Markdown decoration and a
// trailing colon are removed), compared case-insensitively.
import type { SectionKind } from '../../model';
import { foldLatin1 } from '../lines';

export interface SectionAlias {
  kind: SectionKind;
  /** In plain text, this heading nests under a Sagsfremstilling that has no text of its own yet. */
  subOfSagsfremstilling?: boolean;
  /** An umbrella heading that may stand empty above the headings it introduces ("INDHOLD"). */
  container?: boolean;
  /** Decision labels of other forms ("Forretningsudvalgets beslutning den …:") nest under it. */
  umbrella?: boolean;
  /** May share its line with its text ("Beslutning Tilbagesendes til …"). */
  inline?: boolean;
}

export interface SectionRow {
  kind: SectionKind;
  /** The headings as printed (compared case-insensitively, a final colon ignored); each is its own example. */
  names: readonly string[];
  flags?: Omit<SectionAlias, 'kind'>;
  seen: string;
}

export const SECTION_ROWS: readonly SectionRow[] = [
  { kind: 'resume', names: ['Resume', 'Resumé', 'Sagsresume', 'Sagsresumé', 'Kort resume'], flags: { inline: true }, seen: 'de fleste systemer; Fredericia "Sagsresumé"' },
  { kind: 'resume', names: ['Sagens kerne', 'Beslutningstema', 'Indledning'], flags: { inline: true }, seen: 'Halsnæs, Hedensted, Hvidovre, Jammerbugt, Esbjerg' },
  { kind: 'resume', names: ['Sammenfatning', 'Kort om sagen', 'Hvad skal der tages stilling til'], seen: 'kommunale skabeloner (resumé under andre navne)' },
  { kind: 'sagsfremstilling', names: ['Sagsfremstilling', 'Beskrivelse af sagen', 'Sagens indhold', 'Anledning', 'Sagsbeskrivelse'], flags: { inline: true }, seen: 'de fleste; Guldborgsund "BESKRIVELSE AF SAGEN:", Fredericia "Sagsbeskrivelse:", Albertslund "Anledning"' },
  { kind: 'sagsfremstilling', names: ['Baggrund'], flags: { subOfSagsfremstilling: true }, seen: 'Vejen (korpus), Høje-Taastrup, Region Hovedstaden "BAGGRUND"' },
  { kind: 'sagsfremstilling', names: ['Sagens baggrund', 'Sagsfremstilling og vurdering', 'Sagsbeskrivelse og vurdering'], seen: 'kommunale skabeloner' },
  { kind: 'sagsfremstilling', names: ['Vurdering', 'Administrationens vurdering', 'Forvaltningens vurdering', 'Faglig vurdering'], flags: { subOfSagsfremstilling: true }, seen: 'kommunale skabeloner (underafsnit af sagsfremstillingen)' },
  { kind: 'indstilling', names: ['Indstilling', 'Indstillinger', 'Administrativ indstilling', 'Forvaltningens indstilling', 'Direktionens indstilling', 'Administrationens indstilling'], flags: { inline: true }, seen: 'alle; Guldborgsund "INDSTILLING:", Fredericia "Indstillinger"' },
  { kind: 'indstilling', names: ['Forslag til beslutning', 'Administrationens forslag', 'Indstilling fra direktionen', 'Indstilling fra administrationen', 'Kommunaldirektørens indstilling', 'Borgmesterens indstilling'], seen: 'kommunale skabeloner (indstillingen under andre navne)' },
  { kind: 'beslutning', names: ['Beslutning', 'Beslutninger'], flags: { umbrella: true, inline: true }, seen: 'alle' },
  { kind: 'beslutning', names: ['Politisk behandling'], flags: { umbrella: true }, seen: 'Region Hovedstaden "POLITISK BEHANDLING"' },
  { kind: 'beslutning', names: ['Afgørelse', 'Udvalgets beslutning', 'Beslutning fra mødet'], flags: { umbrella: true }, seen: 'kommunale skabeloner (beslutningen under andre navne)' },
  { kind: 'bilag', names: ['Bilag', 'Bilagsliste', 'Bilagsfortegnelse', 'Vedlagte bilag'], seen: 'alle' },
  { kind: 'økonomi', names: ['Økonomi', 'Økonomiske konsekvenser', 'Økonomiske forhold', 'Økonomiske forhold og konsekvenser', 'Økonomi og finansiering', 'Bevillingsmæssige konsekvenser', 'Økonomi og afledt drift', 'Økonomiske og personalemæssige konsekvenser', 'Bevilling', 'Finansiering'], seen: 'de fleste; Aabenraa "Økonomi og afledt drift"' },
  { kind: 'lovgrundlag', names: ['Lovgrundlag', 'Lovgrundlag og juridisk vurdering', 'Retsregler og andre forskrifter', 'Juridiske og planmæssige forhold', 'Juridisk vurdering', 'Retsgrundlag', 'Lovgivning', 'Lovhjemmel', 'Regelgrundlag', 'Juridiske forhold'], seen: 'Faxe, Hillerød "Retsgrundlag", korpus' },
  { kind: 'høring', names: ['Høring', 'Høringssvar', 'Borgerinddragelse', 'Inddragelse'], seen: 'domain.md' },
  { kind: 'høring', names: ['Inddragelse og høring'], flags: { subOfSagsfremstilling: true }, seen: 'Viborg (korpus)' },
  { kind: 'tidligere-behandling', names: ['Tidligere behandling', 'Tidligere beslutninger', 'Tidligere politisk behandling', 'Behandling'], seen: 'Vejen (korpus), Bornholm "Behandling" (tabel over udvalg og datoer)' },
  { kind: 'tidligere-behandling', names: ['Sagens forløb'], flags: { inline: true }, seen: 'Aarhus ("Sagens forløb 12-08-2019 Magistraten")' },
  { kind: 'konsekvenser', names: ['Forventet konsekvens', 'Forventede konsekvenser', 'Personalemæssige konsekvenser', 'Konsekvenser', 'Konsekvensvurdering', 'Miljømæssige konsekvenser', 'Klimamæssige konsekvenser', 'Administrative konsekvenser'], seen: 'korpus' },
  { kind: 'kommunikation', names: ['Kommunikation', 'Organisering og kommunikation', 'Kommunikationsplan'], seen: 'Herning, Vesthimmerland (korpus)' },
  { kind: 'procesplan', names: ['Procesplan', 'Forventet sagsgang', 'Sagsforløb', 'Sagsgang og sagstype', 'Tidsplan', 'Videre proces', 'Videre forløb', 'Det videre forløb'], seen: 'domain.md' },
  { kind: 'effektvurdering', names: ['Effektvurdering'], seen: 'Ringkøbing-Skjern (korpus)' },
  { kind: 'kompetence', names: ['Sagen afgøres i', 'Sagen afgøres af', 'Beslutningskompetence', 'Kompetence', 'Hvem beslutter'], seen: 'Faxe "Sagen afgøres af", Bornholm "Hvem beslutter"' },
  { kind: 'punktoplysninger', names: ['Punktoplysninger'], seen: 'Vesthimmerland (korpus)' },
  { kind: 'historik', names: ['Historik'], flags: { subOfSagsfremstilling: true }, seen: 'Viborg (korpus), Hedensted, Horsens' },
  { kind: 'beskrivelse', names: ['Beskrivelse'], flags: { subOfSagsfremstilling: true }, seen: 'Viborg (korpus)' },
  { kind: 'alternativer', names: ['Alternativer'], flags: { subOfSagsfremstilling: true }, seen: 'Viborg (korpus)' },
  { kind: 'tidsperspektiv', names: ['Tidsperspektiv'], flags: { subOfSagsfremstilling: true }, seen: 'Viborg (korpus)' },
  { kind: 'fremmøde', names: ['Mødedeltagelse', 'Fraværende', 'Afbud'], seen: 'Halsnæs "Mødedeltagelse", Bornholm "Fraværende", Glostrup "Afbud:" (med navnene under)' },
  { kind: 'other', names: ['Bemærkninger til dagsordenen'], seen: 'Bornholm' },
  { kind: 'other', names: ['Indhold'], flags: { container: true }, seen: 'Guldborgsund "INDHOLD" (tom overskrift over INDSTILLING:)' },
  { kind: 'other', names: ['Text'], seen: 'Jammerbugt ("• Text": eksporten har mistet overskriftens ord)' },
];

export const SECTION_ALIASES: ReadonlyMap<string, SectionAlias> = new Map(
  SECTION_ROWS.flatMap((row) => row.names.map((n): [string, SectionAlias] => [headingKey(n), { kind: row.kind, ...row.flags }])),
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
  fremmøde: 'Fremmøde',
  other: 'Andet',
};

/** Lower-cased heading key: a trailing colon or full stop and whitespace removed. */
export function headingKey(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ':' || text[end - 1] === '.' || text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
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
  // The first character and the length of every key: a line that matches neither is no heading, found without hashing it.
  const signatures = new Set<number>();
  let wide = false;
  for (const key of [...SECTION_ALIASES.keys(), ...(extra?.keys() ?? [])]) {
    const f = foldLatin1(key.charCodeAt(0));
    if (f < 0) wide = true;
    else signatures.add(f * 128 + key.length);
  }
  return (text: string): SectionAlias | undefined => {
    if (text.length > 80) return undefined;
    let end = text.length;
    while (end > 0) {
      const c = text.charCodeAt(end - 1);
      if (c !== 58 /* : */ && c !== 46 /* . */ && c !== 32 && c !== 9) break;
      end--;
    }
    const f0 = foldLatin1(text.charCodeAt(0));
    if (f0 >= 0 && !wide && !signatures.has(f0 * 128 + end)) return undefined;
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
  // A capital letter straight after a small one somewhere, or there is nothing to split.
  let camel = false;
  for (let i = 1; i < text.length && !camel; i++) {
    const c = text.charCodeAt(i);
    const p = text.charCodeAt(i - 1);
    camel = ((c >= 65 && c <= 90) || c === 0xc5 || c === 0xc6 || c === 0xd8) && ((p >= 97 && p <= 122) || p === 0xe5 || p === 0xe6 || p === 0xf8 || p === 0xe9);
  }
  if (!camel) return null;
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
