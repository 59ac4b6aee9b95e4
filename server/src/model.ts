// The document model: plain data with 0-based LSP positions. It knows nothing of
// vscode or the LSP connection, so the server, the CLI and the tests share it.

export interface Position {
  line: number;
  /** UTF-16 code units, as LSP counts them. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type DocumentKind = 'referat' | 'dagsorden' | 'beslutningsprotokol' | 'unknown';

/** Canonical section kinds; the heading text as written is kept beside it. */
export type SectionKind =
  | 'resume'
  | 'sagsfremstilling'
  | 'indstilling'
  | 'beslutning'
  | 'bilag'
  | 'økonomi'
  | 'lovgrundlag'
  | 'høring'
  | 'tidligere-behandling'
  | 'konsekvenser'
  | 'kommunikation'
  | 'procesplan'
  | 'effektvurdering'
  | 'kompetence'
  | 'punktoplysninger'
  | 'historik'
  | 'beskrivelse'
  | 'alternativer'
  | 'tidsperspektiv'
  | 'fremmøde'
  | 'other';

export interface TextSpan {
  text: string;
  range: Range;
}

/** A date written in the document, parsed. */
export interface DateMention {
  /** YYYY-MM-DD, or null when the text is not a real calendar date. */
  iso: string | null;
  /** The weekday as written ("Tirsdag"), if any. */
  weekday: string | null;
  /** Where the date was read from: the title line, a date label, another header line, a decision heading. */
  source: 'title' | 'mødedato' | 'header' | 'beslutning';
  text: string;
  range: Range;
}

export interface Member {
  name: string;
  /** Party letter(s) from "(D)", kept apart from the name. */
  party: string | null;
  range: Range;
}

export interface Header {
  committee: TextSpan | null;
  /** The meeting date (ISO), from Mødedato/Dato, else from the title. */
  meetingDate: string | null;
  dates: DateMention[];
  place: TextSpan | null;
  time: TextSpan | null;
  members: Member[];
  /** "Afbud fra:" / "Fraværende:" in the header. */
  absent: Member[];
}

export interface TocEntry {
  /** A leading number in the entry ("3. Budget"), if any. */
  number: number | null;
  title: string;
  page: number | null;
  range: Range;
}

export interface Toc {
  heading: TextSpan;
  /** Heading through the last entry. */
  range: Range;
  entries: TocEntry[];
}

export type CaseNumberSource = 'line-below' | 'line-above' | 'field';

export interface CaseNumber {
  value: string;
  range: Range;
  source: CaseNumberSource;
  /** The field label as written ("Sagsnr.:") when source is 'field'. */
  field?: string;
  /** A document number (Dok.nr.), listed beside the case numbers but never compared with them. */
  document?: true;
}

export interface Field {
  /** Label as written, without the trailing colon ("Sagsnr.", "Sagsbeh."). */
  name: string;
  /** Canonical key: sagsnr, sagsbeh, doknr, sagsinitialer, … */
  key: string;
  value: string;
  range: Range;
  valueRange: Range;
}

export interface Attendance {
  kind: 'fraværende' | 'afbud';
  members: Member[];
  range: Range;
}

export interface Section {
  kind: SectionKind;
  /** The heading as printed, without Markdown decoration ("Baggrund:" keeps its colon);
   *  for an implicit Indstilling, the "… indstiller" sentence. */
  heading: string;
  headingRange: Range;
  /** Heading through the last non-blank line of the section (children included). */
  range: Range;
  /** Markdown heading level (1–6), or null for a plain-text heading. */
  level: number | null;
  /** An Indstilling written as a paragraph with no heading. */
  implicit: boolean;
  /** Set when the heading was glued to another one ("BilagBeslutning"). */
  merged: boolean;
  /** An umbrella heading that may stand empty ("INDHOLD" above "INDSTILLING:"). */
  container?: true;
  /** The heading shares its line with the section's first text ("Beslutning Tilbagesendes …"). */
  inline?: true;
  /** Number of non-blank body lines (children excluded). */
  bodyLines: number;
  /** For "Beslutning i <udvalg> den <dato>" headings. */
  committee: string | null;
  date: DateMention | null;
  children: Section[];
}

export interface Punkt {
  /** The number as written, or null when the heading has none. */
  number: number | null;
  title: string;
  titleRange: Range;
  /** The whole heading line. */
  headingRange: Range;
  /** Heading through the last non-blank line before the next punkt. */
  range: Range;
  /** Which recogniser form matched ("punkt", "number-colon", "pkt", …). */
  form: string;
  /** Markdown heading level, or null for plain text. */
  level: number | null;
  /** "(A)", "(B)" … class marker at the end of the title, without parentheses. */
  classMarker: string | null;
  /** Title starts with "Lukket:". */
  closed: boolean;
  caseNumbers: CaseNumber[];
  fields: Field[];
  attendance: Attendance[];
  sections: Section[];
  /**
   * A recommendation written as at-clauses outside any Indstilling ("… foreslår på den
   * baggrund:" / "At 1) at årsregnskabet godkendes"): where the first clause is.
   */
  recommendation?: Range;
}

export interface Debris {
  /** export-control and cookie are reported (export-debris); page is PDF furniture, skipped quietly. */
  kind: 'export-control' | 'cookie' | 'page';
  text: string;
  range: Range;
  /** Glued to text that stays ("UdskrivSagsid.:"): only the range is debris, not the line. */
  glued?: true;
}

/** A case with no punkt heading: a case-number field followed by section headings (Aabenraa's "-" blocks). */
export interface UnheadedBlock {
  caseNumbers: CaseNumber[];
  range: Range;
  sections: number;
}

/** What the parser recognised, for telling a user when it could not read the layout. */
export interface Recognised {
  /** The punkt heading form the document settled on ("number-dot"), or null. */
  headingForm: string | null;
  /** Lines that looked like punkt headings, accepted or not. */
  candidates: number;
  /** Section headings anywhere in the text. */
  sectionHeadings: number;
  /** Case numbers on their own line or in a field, anywhere in the text. */
  caseNumbers: number;
}

export interface ReferatModel {
  kind: DocumentKind;
  title: TextSpan | null;
  header: Header;
  toc: Toc | null;
  punkter: Punkt[];
  /** Web-export control lines found in the text (skipped by the parser). */
  debris: Debris[];
  /** Cases that carry no punkt heading. */
  blocks: UnheadedBlock[];
  recognised: Recognised;
  lineCount: number;
  /** The text started with a byte-order mark, which the model's positions skip. */
  hasBom: boolean;
}
