// The document model: plain data with 0-based LSP positions. It knows nothing of
// vscode or the LSP connection, so the server, the CLI and the tests share it.

export interface Position {
  readonly line: number;
  /** UTF-16 code units, as LSP counts them. */
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
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
  readonly text: string;
  readonly range: Range;
}

/** A date written in the document, parsed. */
export interface DateMention {
  /** YYYY-MM-DD, or null when the text is not a real calendar date. */
  readonly iso: string | null;
  /** The weekday as written ("Tirsdag"), if any. */
  readonly weekday: string | null;
  /** Where the date was read from: the title line, a date label, another header line, a decision heading. */
  readonly source: 'title' | 'mødedato' | 'header' | 'beslutning';
  readonly text: string;
  readonly range: Range;
}

export interface Member {
  readonly name: string;
  /** Party letter(s) from "(D)", kept apart from the name. */
  readonly party: string | null;
  readonly range: Range;
}

export interface Header {
  readonly committee: TextSpan | null;
  /** The meeting date (ISO), from Mødedato/Dato, else from the title. */
  readonly meetingDate: string | null;
  readonly dates: readonly DateMention[];
  readonly place: TextSpan | null;
  readonly time: TextSpan | null;
  readonly members: readonly Member[];
  /** Whether `members` lists all members ("Medlemmer:", "Indkaldelse") or those who came ("Deltagere:"). */
  readonly membersLabel: 'members' | 'present' | null;
  /** "Afbud fra:" / "Fraværende:" in the header. */
  readonly absent: readonly Member[];
}

export interface TocEntry {
  /** A leading number in the entry ("3. Budget"), if any. */
  readonly number: number | null;
  readonly title: string;
  readonly page: number | null;
  readonly range: Range;
}

export interface Toc {
  readonly heading: TextSpan;
  /** Heading through the last entry. */
  readonly range: Range;
  readonly entries: readonly TocEntry[];
}

export type CaseNumberSource = 'line-below' | 'line-above' | 'field';

export interface CaseNumber {
  readonly value: string;
  readonly range: Range;
  readonly source: CaseNumberSource;
  /** The field label as written ("Sagsnr.:") when source is 'field'. */
  readonly field?: string;
  /** A document number (Dok.nr.), listed beside the case numbers but never compared with them. */
  readonly document?: true;
}

export interface Field {
  /** Label as written, without the trailing colon ("Sagsnr.", "Sagsbeh."). */
  readonly name: string;
  /** Canonical key: sagsnr, sagsbeh, doknr, sagsinitialer, … */
  readonly key: string;
  readonly value: string;
  readonly range: Range;
  readonly valueRange: Range;
}

export interface Attendance {
  readonly kind: 'fraværende' | 'afbud';
  readonly members: readonly Member[];
  readonly range: Range;
}

export interface Section {
  readonly kind: SectionKind;
  /** The heading as printed, without Markdown decoration ("Baggrund:" keeps its colon);
   *  for an implicit Indstilling, the "… indstiller" sentence. */
  readonly heading: string;
  readonly headingRange: Range;
  /** Heading through the last non-blank line of the section (children included). */
  readonly range: Range;
  /** Markdown heading level (1–6), or null for a plain-text heading. */
  readonly level: number | null;
  /** An Indstilling written as a paragraph with no heading. */
  readonly implicit: boolean;
  /** Set when the heading was glued to another one ("BilagBeslutning"). */
  readonly merged: boolean;
  /** An umbrella heading that may stand empty ("INDHOLD" above "INDSTILLING:"). */
  readonly container?: true;
  /** The heading shares its line with the section's first text ("Beslutning Tilbagesendes …"). */
  readonly inline?: true;
  /** Number of non-blank body lines (children excluded). */
  readonly bodyLines: number;
  /** For "Beslutning i <udvalg> den <dato>" headings. */
  readonly committee: string | null;
  readonly date: DateMention | null;
  readonly children: readonly Section[];
}

export interface Punkt {
  /** The number as written, or null when the heading has none. */
  readonly number: number | null;
  readonly title: string;
  readonly titleRange: Range;
  /** The whole heading line. */
  readonly headingRange: Range;
  /** Heading through the last non-blank line before the next punkt. */
  readonly range: Range;
  /** Which recogniser form matched ("punkt", "number-colon", "pkt", …). */
  readonly form: string;
  /** Markdown heading level, or null for plain text. */
  readonly level: number | null;
  /** "(A)", "(B)" … class marker at the end of the title, without parentheses. */
  readonly classMarker: string | null;
  /** Title starts with "Lukket:". */
  readonly closed: boolean;
  readonly caseNumbers: readonly CaseNumber[];
  readonly fields: readonly Field[];
  readonly attendance: readonly Attendance[];
  readonly sections: readonly Section[];
  /**
   * A recommendation written as at-clauses outside any Indstilling ("… foreslår på den
   * baggrund:" / "At 1) at årsregnskabet godkendes"): where the first clause is.
   */
  readonly recommendation?: Range;
}

export interface Debris {
  /** export-control and cookie are reported (export-debris); page is PDF furniture, skipped quietly. */
  readonly kind: 'export-control' | 'cookie' | 'page';
  readonly text: string;
  readonly range: Range;
  /** Glued to text that stays ("UdskrivSagsid.:"): only the range is debris, not the line. */
  readonly glued?: true;
}

/** A case with no punkt heading: a case-number field followed by section headings (Aabenraa's "-" blocks). */
export interface UnheadedBlock {
  readonly caseNumbers: readonly CaseNumber[];
  readonly range: Range;
  readonly sections: number;
}

/** What the parser recognised, for telling a user when it could not read the layout. */
export interface Recognised {
  /** The punkt heading form the document settled on ("number-dot"), or null. */
  readonly headingForm: string | null;
  /** Lines that looked like punkt headings, accepted or not. */
  readonly candidates: number;
  /** Section headings anywhere in the text. */
  readonly sectionHeadings: number;
  /** Case numbers on their own line or in a field, anywhere in the text. */
  readonly caseNumbers: number;
}

/** What a statement about a person says (issue 14; the phrasing in parser/dialect/people.ts). */
export type PresenceKind =
  /** "Fraværende: …", "Afbud fra: …", "Der er afbud fra …", "Medlemmerne var mødt, bortset fra …". */
  | 'absent'
  /** "Stedfortræder: …", "… mødte som stedfortræder for …". */
  | 'substitute'
  /** "… ankom til mødet kl. 17.32 under behandlingen af punkt 1". */
  | 'arrived'
  /** "… forlod mødet kl. 20.20". */
  | 'left'
  /** "… deltog ikke under punkterne 12-15". */
  | 'not-present-for'
  /** "… blev erklæret inhabil", "… erklærede sig inhabil … vedr. pkt. 196". */
  | 'inhabil'
  /** Took part: "… ønskede sin stemme ført til protokol", "… stillede ændringsforslag". */
  | 'spoke';

export interface PresenceStatement {
  readonly kind: PresenceKind;
  /** The index in `punkter` of the punkt whose text holds it; null for the meeting's header. */
  readonly punkt: number | null;
  /** Who: names as written, party letters apart. Names that are no person ("Ingen", "Formanden") are left out. */
  readonly people: readonly Member[];
  /** For a stedfortræder: the member stood in for, when the statement names one. */
  readonly for?: Member;
  /** The punkt numbers the statement names ("vedr. pkt. 196, 197 og 198", "under punkterne 12-15"). */
  readonly punkter: readonly number[];
  /** A time or a punkt limits it: "kl. 17.32", "under behandlingen af punkt 1", "efter punkt 4". */
  readonly qualified: boolean;
  /** For inhabil: the statement itself says the member left or took no part. */
  readonly withdrew: boolean;
  /** The sentence (or field line). */
  readonly range: Range;
}

/** One side of a vote: "For stemte: 5 (A+T+V)", "Imod: 2 (Anne Holm (A), Bent Lund (V))". */
export interface VoteTally {
  readonly count: number | null;
  /** Party letters ("A+T+V", "A, T og V"). */
  readonly parties: readonly string[];
  readonly names: readonly Member[];
  readonly range: Range;
}

export interface Vote {
  readonly punkt: number | null;
  readonly for: VoteTally | null;
  readonly against: VoteTally | null;
  readonly abstain: VoteTally | null;
  /** The lines of the vote. */
  readonly range: Range;
}

/** Who took part in the meeting, as the document says. */
export interface People {
  /** The members: the header's list, or else a participant list in a punkt ("Deltagerne var:"). */
  readonly members: readonly Member[];
  readonly membersFrom: 'header' | 'punkt' | null;
  /** All the members, or those who came (a "Deltagere:" list: whoever sent afbud is not on it). */
  readonly membersAre: 'members' | 'present' | null;
  readonly statements: readonly PresenceStatement[];
  readonly votes: readonly Vote[];
}

export interface ReferatModel {
  readonly kind: DocumentKind;
  readonly title: TextSpan | null;
  readonly header: Header;
  readonly toc: Toc | null;
  readonly punkter: readonly Punkt[];
  /** Web-export control lines found in the text (skipped by the parser). */
  readonly debris: readonly Debris[];
  /** Cases that carry no punkt heading. */
  readonly blocks: readonly UnheadedBlock[];
  readonly recognised: Recognised;
  /** Members, attendance, stedfortrædere, inhabilitet and votes (parser/people.ts). */
  readonly people: People;
  readonly lineCount: number;
  /** The text started with a byte-order mark, which the model's positions skip. */
  readonly hasBom: boolean;
}

/**
 * The model as the parser builds it: the same shape with every field writable.
 * Only the parser uses it; everyone else reads the readonly model.
 */
export type Draft<T> = T extends readonly (infer U)[]
  ? Draft<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Draft<T[K]> }
    : T;
