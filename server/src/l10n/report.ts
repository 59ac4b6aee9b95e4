// The words of the publication report (features/report*.ts), in Danish and English. Apart
// from l10n/cli.ts because the language server renders the report too (the VS Code
// command), and apart from l10n/messages.ts because only the report says them.
import type { DocumentKind } from '../model';
import type { Locale, Localized } from './locale';

/** The traffic light: red, yellow, green, or unknown (grey) for a document Referat could not read (features/report.ts). */
export type Verdict = 'red' | 'yellow' | 'green' | 'unknown';

/** Why a document could not be read: no punkter at all, or the unrecognized-layout rule fired. */
export type UnreadCause = 'no-punkter' | 'layout';

export interface ReportWords {
  /** The report's title: "Klar til offentliggørelse?". */
  title: string;
  /** The light's name, on the light itself: "Rød". */
  light: Record<Verdict, string>;
  /** What the light means for the meeting: "Rød – ikke klar til offentliggørelse". */
  verdict: Record<Verdict, string>;
  kinds: Record<DocumentKind, string>;
  kind: string;
  committee: string;
  meetingDate: string;
  file: string;
  unknown: string;
  /** The rules' severities (rules/types.ts, which this layer may not import). */
  severities: Record<'error' | 'warning' | 'information' | 'hint', string>;
  /** "linje 12". */
  line(n: number): string;
  /** "14. maj 2024" from "2024-05-14" (the text as given when it is no ISO date). */
  date(iso: string): string;
  punkter(n: number): string;
  noPunkter: string;
  /** The findings before the first punkt (the header, the Indholdsfortegnelse). */
  header: string;
  status: string;
  number: string;
  punkt: string;
  caseNumbers: string;
  findings: string;
  noFindings: string;
  /** "mangler Beslutning", "mangler Indstilling og Beslutning". */
  missing(sections: readonly string[]): string;
  missingDecisions(n: number): string;
  noMissingDecisions: string;
  sensitive(n: number): string;
  noSensitive: string;
  byRule: string;
  rule: string;
  severity: string;
  count: string;
  noRules: string;
  // Why a meeting has its light.
  errors(n: number): string;
  warnings(n: number): string;
  decisionsMissing(n: number): string;
  sensitiveHits(n: number): string;
  unread: Record<UnreadCause, string>;
  clean: string;
  /** "5 møder: 1 grøn, 2 gule, 2 røde, 0 ukendte". */
  total(counts: Record<Verdict, number>, meetings: number): string;
  /** "9 grønne, 1 gul, 1 rød": the punkter's lights, those that are lit. */
  punktTally(counts: Record<Verdict, number>): string;
  overview: string;
  meeting: string;
  legend: string;
  legendText: Record<Verdict, string>;
  generatedBy(generator: string, date: string | null): string;
  noMeetings: string;
  /** The report of a document that is not open in the editor. */
  notOpen: string;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const MONTHS_DA = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function longDate(iso: string, months: readonly string[], form: (day: number, month: string, year: string) => string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m === null ? undefined : months[Number(m[2]) - 1];
  return m === null || month === undefined ? iso : form(Number(m[3]), month, m[1] as string);
}

/** "A, B og C" / "A, B and C". */
function joinAnd(names: readonly string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1] as string}`;
}

const da: ReportWords = {
  title: 'Klar til offentliggørelse?',
  light: { red: 'Rød', yellow: 'Gul', green: 'Grøn', unknown: 'Ukendt' },
  verdict: {
    red: 'Rød – ikke klar til offentliggørelse',
    yellow: 'Gul – kan offentliggøres, men se advarslerne igennem',
    green: 'Grøn – klar til offentliggørelse',
    unknown: 'Ukendt – Referat kunne ikke læse dokumentet',
  },
  kinds: { referat: 'Referat', dagsorden: 'Dagsorden', beslutningsprotokol: 'Beslutningsprotokol', unknown: 'Ukendt dokumenttype' },
  kind: 'Dokumenttype',
  committee: 'Udvalg',
  meetingDate: 'Mødedato',
  file: 'Fil',
  unknown: '(ukendt)',
  severities: { error: 'fejl', warning: 'advarsel', information: 'information', hint: 'tip' },
  line: (n) => `linje ${n}`,
  date: (iso) => longDate(iso, MONTHS_DA, (d, m, y) => `${d}. ${m} ${y}`),
  punkter: (n) => `Punkter (${n})`,
  noPunkter: 'Referat fandt ingen punkter i dokumentet.',
  header: 'Før første punkt',
  status: 'Status',
  number: 'Nr.',
  punkt: 'Punkt',
  caseNumbers: 'Sagsnr.',
  findings: 'Fund',
  noFindings: 'ingen fund',
  missing: (sections) => `mangler ${joinAnd(sections, 'og')}`,
  missingDecisions: (n) => `Manglende beslutninger (${n})`,
  noMissingDecisions: 'Ingen: hvert punkt, der skal have en Beslutning, har en.',
  sensitive: (n) => `Personoplysninger og skabelontekst (${n})`,
  noSensitive: 'Ingen fundet.',
  byRule: 'Fund efter regel',
  rule: 'Regel',
  severity: 'Alvor',
  count: 'Antal',
  noRules: 'Ingen fund.',
  errors: (n) => `${n} fejl`,
  warnings: (n) => plural(n, 'advarsel', 'advarsler'),
  decisionsMissing: (n) => plural(n, 'manglende beslutning', 'manglende beslutninger'),
  sensitiveHits: (n) => `${plural(n, 'fund', 'fund')} af personoplysninger eller skabelontekst`,
  unread: {
    'no-punkter': 'Referat fandt ingen punkter, så dokumentet er ikke tjekket',
    layout: 'Referat kunne ikke læse dokumentets layout, så det er ikke tjekket helt (se unrecognized-layout)',
  },
  clean: 'ingen fejl eller advarsler',
  total: (c, n) => `${plural(n, 'møde', 'møder')}: ${c.green} grøn${c.green === 1 ? '' : 'ne'}, ${c.yellow} gul${c.yellow === 1 ? '' : 'e'}, ${c.red} rød${c.red === 1 ? '' : 'e'}, ${c.unknown} ukendt${c.unknown === 1 ? '' : 'e'}`,
  punktTally: (c) =>
    [
      c.green > 0 ? `${c.green} grøn${c.green === 1 ? '' : 'ne'}` : null,
      c.yellow > 0 ? `${c.yellow} gul${c.yellow === 1 ? '' : 'e'}` : null,
      c.red > 0 ? `${c.red} rød${c.red === 1 ? '' : 'e'}` : null,
      c.unknown > 0 ? `${c.unknown} ukendt${c.unknown === 1 ? '' : 'e'}` : null,
    ]
      .filter((s) => s !== null)
      .join(', '),
  overview: 'Oversigt',
  meeting: 'Møde',
  legend: 'Sådan læses lyset',
  legendText: {
    red: 'en fejl, en personoplysning eller skabelontekst, eller en manglende Beslutning i et referat.',
    yellow: 'advarsler, men ingen fejl.',
    green: 'ingen fejl eller advarsler.',
    unknown: 'Referat kunne ikke læse dokumentet (ingen punkter, eller et layout, det ikke kender) og kan ikke sige god for det.',
  },
  generatedBy: (generator, date) => `Lavet af ${generator}${date === null ? '' : ` den ${date}`}.`,
  noMeetings: 'Ingen dokumenter.',
  notOpen: 'Åbn et referat for at se, om det er klar til offentliggørelse.',
};

const en: ReportWords = {
  title: 'Ready for publication?',
  light: { red: 'Red', yellow: 'Yellow', green: 'Green', unknown: 'Unknown' },
  verdict: {
    red: 'Red – not ready for publication',
    yellow: 'Yellow – can be published, but review the warnings',
    green: 'Green – ready for publication',
    unknown: 'Unknown – Referat could not read the document',
  },
  kinds: { referat: 'Referat (minutes)', dagsorden: 'Dagsorden (agenda)', beslutningsprotokol: 'Beslutningsprotokol', unknown: 'Unknown document kind' },
  kind: 'Document kind',
  committee: 'Committee',
  meetingDate: 'Meeting date',
  file: 'File',
  unknown: '(unknown)',
  severities: { error: 'error', warning: 'warning', information: 'information', hint: 'hint' },
  line: (n) => `line ${n}`,
  date: (iso) => longDate(iso, MONTHS_EN, (d, m, y) => `${d} ${m} ${y}`),
  punkter: (n) => `Punkter (${n})`,
  noPunkter: 'Referat found no punkter in the document.',
  header: 'Before the first punkt',
  status: 'Status',
  number: 'No.',
  punkt: 'Punkt',
  caseNumbers: 'Case no.',
  findings: 'Findings',
  noFindings: 'no findings',
  missing: (sections) => `missing ${joinAnd(sections, 'and')}`,
  missingDecisions: (n) => `Missing decisions (${n})`,
  noMissingDecisions: 'None: every punkt that needs a Beslutning has one.',
  sensitive: (n) => `Personal data and template text (${n})`,
  noSensitive: 'None found.',
  byRule: 'Findings by rule',
  rule: 'Rule',
  severity: 'Severity',
  count: 'Count',
  noRules: 'No findings.',
  errors: (n) => plural(n, 'error', 'errors'),
  warnings: (n) => plural(n, 'warning', 'warnings'),
  decisionsMissing: (n) => plural(n, 'missing decision', 'missing decisions'),
  sensitiveHits: (n) => `${plural(n, 'hit', 'hits')} of personal data or template text`,
  unread: {
    'no-punkter': 'Referat found no punkter, so the document was not checked',
    layout: 'Referat could not read the document’s layout, so it was not fully checked (see unrecognized-layout)',
  },
  clean: 'no errors or warnings',
  total: (c, n) => `${plural(n, 'meeting', 'meetings')}: ${c.green} green, ${c.yellow} yellow, ${c.red} red, ${c.unknown} unknown`,
  punktTally: (c) =>
    (['green', 'yellow', 'red', 'unknown'] as const)
      .filter((v) => c[v] > 0)
      .map((v) => `${c[v]} ${v}`)
      .join(', '),
  overview: 'Overview',
  meeting: 'Meeting',
  legend: 'How to read the light',
  legendText: {
    red: 'an error, personal data or template text, or a missing Beslutning in a referat.',
    yellow: 'warnings, but no errors.',
    green: 'no errors or warnings.',
    unknown: 'Referat could not read the document (no punkter, or a layout it does not know) and cannot vouch for it.',
  },
  generatedBy: (generator, date) => `Made by ${generator}${date === null ? '' : ` on ${date}`}.`,
  noMeetings: 'No documents.',
  notOpen: 'Open a referat to see whether it is ready for publication.',
};

export const REPORT_WORDS: Localized<ReportWords> = { da, en };

export function reportWords(locale: Locale): ReportWords {
  return REPORT_WORDS[locale];
}
