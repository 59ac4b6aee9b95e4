// What the meeting header is made of: labels and their roles, the words that tell
// the document's kind, the names committees go by, and the headings that open a
// table of contents. One row per form, each with a line as printed.
import type { DocumentKind } from '../../model';

export type HeaderRole =
  | 'committee'
  | 'date'
  | 'time'
  | 'end'
  | 'place'
  | 'members'
  /** A list of those who came ("Deltagere"), not of all members: who sent afbud is not on it. */
  | 'present'
  | 'others'
  | 'absent'
  /** A label whose value is no meeting fact (a publication date, remarks). */
  | 'ignore';

export interface HeaderLabel {
  /** As printed, without the colon; compared case-insensitively. */
  labels: readonly string[];
  role: HeaderRole;
  example: string;
  seen: string;
}

export const HEADER_LABELS: readonly HeaderLabel[] = [
  { labels: ['Udvalg', 'Mødeforum', 'Forum'], role: 'committee', example: 'Udvalg: Kommunalbestyrelsen', seen: 'Albertslund, Jammerbugt, Aabenraa ("Udvalg: | Byrådet |")' },
  { labels: ['Mødedato', 'Dato', 'Starttidspunkt for møde', 'Mødedag', 'Dato og tid', 'Tid og sted', 'Tidspunkt og sted'], role: 'date', example: 'Mødedato: 25-03-2021 18:00:00', seen: 'de fleste; Guldborgsund "Starttidspunkt for møde:"' },
  { labels: ['Mødetidspunkt', 'Tidspunkt', 'Tid', 'Mødet påbegyndt', 'Mødestart', 'Mødetid'], role: 'time', example: 'Tid: Kl. 18:30', seen: 'Albertslund, Horsens, Hvidovre, Hjørring' },
  { labels: ['Sluttidspunkt for møde', 'Mødet afsluttet', 'Mødet sluttede'], role: 'end', example: 'Sluttidspunkt for møde: 14. december 2017 kl. 19:00', seen: 'Guldborgsund, Hjørring' },
  { labels: ['Mødested', 'Sted', 'Lokale', 'Mødelokale', 'Lokation'], role: 'place', example: 'Mødested: Byrådssalen', seen: 'de fleste' },
  { labels: ['Medlemmer', 'Indkaldelse', 'Udvalgsmedlemmer'], role: 'members', example: 'Medlemmer:', seen: 'Halsnæs, Hvidovre, Aabenraa "Medlemmer: | … |", Faaborg-Midtfyn "Indkaldelse", Albertslund "Indkaldelse :"' },
  { labels: ['Deltagere', 'Mødedeltagere', 'Til stede', 'Tilstede', 'Fremmødte', 'Deltagerne var'], role: 'present', example: 'Deltagere:', seen: 'Glostrup (afbud står ikke på listen), Køge, Høje-Taastrup' },
  { labels: ['Øvrige deltagere', 'Desuden deltog', 'Fra administrationen'], role: 'others', example: 'Øvrige deltagere:', seen: 'Halsnæs' },
  { labels: ['Fraværende med afbud', 'Afbud fra', 'Afbud', 'Fraværende', 'Forfald', 'Ikke til stede'], role: 'absent', example: 'Afbud fra: Peter Læssøe (T)', seen: 'domain.md, Glostrup, Hjørring' },
  { labels: ['Publiceringsdato', 'Dagsorden publiceret', 'Referat publiceret', 'Bemærkninger', 'Offentliggjort'], role: 'ignore', example: 'Publiceringsdato: den 02. november 2018', seen: 'Hillerød, Fredericia, Aabenraa' },
];

export interface KindSignal {
  re: RegExp;
  /** A word (lower case) the line must hold for `re` to be tried. */
  word: string;
  kind: Exclude<DocumentKind, 'unknown'>;
  example: string;
  seen: string;
}

// Tried in order on each header line; the first line with a signal decides.
export const KIND_SIGNALS: readonly KindSignal[] = [
  { re: /\bbeslutningsprotokol\b/i, word: 'beslutningsprotokol', kind: 'beslutningsprotokol', example: 'Beslutningsprotokol', seen: 'Aabenraa' },
  { re: /^\p{L}*protokol\b/iu, word: 'protokol', kind: 'beslutningsprotokol', example: 'Mødeprotokol for Byrådet', seen: 'protokoller uden ordet "beslutning"' },
  { re: /(?<![\p{L}\p{N}])\p{L}{0,12}referat(?![\p{L}\p{N}])/iu, word: 'referat', kind: 'referat', example: 'Byråd: Referat af mødet 14. december 2017', seen: 'de fleste' },
  { re: /(?<![\p{L}\p{N}])\p{L}{0,12}dagsorden(?![\p{L}\p{N}])/iu, word: 'dagsorden', kind: 'dagsorden', example: 'Dagsorden - Økonomiudvalget den 20. maj 2019', seen: 'Bornholm, Hvidovre, Gentofte "Dagsorden åben", Hjørring "Åben dagsorden"' },
];

/** Phrases with a kind word that say nothing of the document's kind. */
export const KIND_NOISE: readonly { re: RegExp; word: string; seen: string }[] = [
  { re: /\bdagsordener og referater\b/i, word: 'dagsordener', seen: 'navigation i Albertslund, Jammerbugt, Hedensted' },
  { re: /\b(?:dagsorden|referat)\s+publiceret\b/i, word: 'publiceret', seen: 'Fredericia' },
  { re: /\bdagsordens?punkt/i, word: 'punkt', seen: 'Hedensted "Dagsordenpunkter", Frederiksberg "Åbne dagsordenspunkter"' },
  { re: /\bgodkendelse af (?:dagsorden|referat)/i, word: 'godkendelse', seen: 'faste punkter' },
];

/** Words a committee's name ends with (before a period such as "2018-21"). */
export const COMMITTEE_WORDS: readonly string[] = [
  'udvalg',
  'udvalget',
  'byråd',
  'byrådet',
  'kommunalbestyrelse',
  'kommunalbestyrelsen',
  'borgerrepræsentationen',
  'regionsråd',
  'regionsrådet',
  'råd',
  'rådet',
  'nævn',
  'nævnet',
  'bestyrelse',
  'bestyrelsen',
  'magistrat',
  'magistraten',
  'landdistriktsråd',
];

/** "Udvalget for Miljø og Teknik": names that start with the word instead. */
export const COMMITTEE_PREFIXES: readonly string[] = ['Udvalget for', 'Udvalg for', 'Udvalget vedrørende'];

/** Header words that are neither kind, committee nor date ("Forretningsudvalg - mødesager"). */
export const TITLE_NOISE: readonly string[] = ['mødesager', 'mødemateriale', 'dagsordener og referater', 'møde', 'mødet'];

export interface TocHeading {
  text: string;
  seen: string;
}

/** Lines that open a table of contents (a final colon ignored). */
export const TOC_HEADINGS: readonly TocHeading[] = [
  { text: 'Indholdsfortegnelse', seen: 'korpus, Albertslund, Gentofte, Horsens, Hvidovre, Køge' },
  { text: 'Punkter på dagsordenen', seen: 'Region Hovedstaden' },
  { text: 'Dagsordenspunkter', seen: 'Bornholm' },
  { text: 'Dagsordenpunkter', seen: 'Hedensted (åbner her selve punkterne)' },
  { text: 'Oversigt over punkter', seen: 'domain.md' },
  { text: 'Punkter', seen: 'domain.md' },
  { text: 'Pkt. Tekst', seen: 'Faaborg-Midtfyn, Hjørring' },
  { text: 'Pkt.', seen: 'Holstebro' },
  { text: 'Følgende sager behandles', seen: 'Hjørring' },
];

/** Group headings inside a TOC (and repeated at the start of the body), never entries. */
export const TOC_GROUPS: readonly string[] = [
  'Åbne dagsordenspunkter',
  'Lukkede dagsordenspunkter',
  'Åben dagsorden',
  'Lukket dagsorden',
  'Dagsorden åben',
  'Dagsorden lukket',
  'Åbne punkter',
  'Lukkede punkter',
  'Åbent møde',
  'Lukket møde',
];
