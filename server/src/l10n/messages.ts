// The words of the edges: what the service, the server and the code actions say, in
// Danish and English. The rules keep their own messages beside their checks (rules/*.ts),
// the configuration its validation messages (config/validate.ts) and the command line
// its own (l10n/cli.ts); everything else that reaches a user is here.
import type { DocumentFailure, Place } from '../files/document';
import type { ReadFailure } from '../files/read';
import type { LintTally } from '../protocol';
import type { Locale, Localized } from './locale';

/** Counts for "checked N files: …" (the workspace lint and the CLI summary). */
export type Tally = LintTally;

export interface Messages {
  // The service: commands and code actions.
  noToc: string;
  tocCurrent: string;
  tocLabel: string;
  tocAction: string;
  fixAllRule: string;
  fixAll: string;
  workspaceLinted(t: Tally): string;
  bilagTooltip: string;
  /** "mangler Indstilling og Beslutning" in the outline's detail. */
  missingSections(names: readonly string[]): string;
  internalError(where: string, detail: string): string;
  indexed(files: number, ms: number): string;
  indexFailed(detail: string): string;
  cannotIndex(file: string, detail: string): string;
  settingsUnreadable(detail: string): string;
  settingsInvalid: string;
  untrustedPatterns: string;
  tooLarge(size: string, limit: string): string;

  // Files, and Word and PDF files (the CLI and the command that opens their text in the editor).
  readFailure: Record<ReadFailure, string>;
  /** Why a Word or PDF file could not be read. */
  documentFailure: Record<DocumentFailure, string>;
  /** Where a finding is in a Word or PDF file: "side 3:linje 12", "afsnit 57". */
  place(place: Place): string;
  notDocument: string;
  /** Word and PDF files in the browser: the readers run in Node only. */
  desktopOnly: string;
  cannotExtract(file: string, reason: string): string;
  /** "Opret referat fra dagsorden": why there is no referat of the file. */
  fromAgenda: { minutes(file: string): string; noPunkter(file: string): string; cannotRead(file: string, reason: string): string };
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const da: Messages = {
  noToc: 'Dokumentet har ingen indholdsfortegnelse.',
  tocCurrent: 'Indholdsfortegnelsen passer allerede med punkterne.',
  tocLabel: 'Opdater indholdsfortegnelse',
  tocAction: 'Opdater indholdsfortegnelsen ud fra punkterne',
  fixAllRule: 'Ret alle {n} fund af {rule} i dokumentet',
  fixAll: 'Ret alle sikre Referat-fund',
  workspaceLinted: (t) =>
    `Tjekkede ${plural(t.files, 'referat', 'referater')} i arbejdsområdet: ${t.error} fejl, ${plural(t.warning, 'advarsel', 'advarsler')}, ${t.information + t.hint} andre fund.` +
    (t.skipped > 0 ? ` ${plural(t.skipped, 'fil', 'filer')} kunne ikke læses.` : ''),
  bilagTooltip: 'Åbn bilaget',
  missingSections: (names) => `mangler ${joinAnd(names, 'og')}`,
  internalError: (where, detail) => `Fejl i ${where}: ${detail}`,
  indexed: (files, ms) => `Referat: ${files} referatfiler indekseret på ${ms} ms.`,
  indexFailed: (detail) => `Fejl i arbejdsområdets indeks: ${detail}`,
  cannotIndex: (file, detail) => `Kunne ikke indeksere ${file}: ${detail}`,
  settingsUnreadable: (detail) => `Kunne ikke læse indstillingerne: ${detail}`,
  settingsInvalid: 'Ugyldige Referat-indstillinger (de ugyldige dele ignoreres): ',
  tooLarge: (size, limit) =>
    `Dokumentet er ikke tjekket: det er på ${size} MB, og grænsen er ${limit} MB. Hæv den med "maxDocumentSize" i .referatrc.json eller indstillingen referat.maxDocumentSize.`,
  untrustedPatterns:
    'Egne mønstre (sagsnumre, punktoverskrifter, feltnavne) bruges ikke, fordi arbejdsområdet ikke er betroet (Workspace Trust). Giv arbejdsområdet tillid for at bruge dem.',
  readFailure: {
    missing: 'findes ikke',
    'no-access': 'ingen adgang',
    'is-directory': 'er en mappe',
    'not-a-file': 'er ikke en almindelig fil',
    'too-large': 'filen er for stor',
    binary: 'ligner ikke en tekstfil',
    'symlink-loop': 'for mange symbolske links',
    other: 'fejl ved læsning',
  },
  documentFailure: {
    'not-docx': 'ikke en Word-fil (.docx)',
    'bad-docx': 'Word-filen kan ikke læses',
    'bad-pdf': 'PDF-filen kan ikke læses',
    encrypted: 'PDF-filen er krypteret eller kræver en adgangskode',
    'no-text': 'filen har ingen tekst (en skannet PDF uden tekstlag?)',
  },
  place: (p) => (p.kind === 'page' ? `side ${p.page}:linje ${p.line}` : p.line > 1 ? `afsnit ${p.paragraph}:linje ${p.line}` : `afsnit ${p.paragraph}`),
  notDocument: 'filen er hverken en Word-fil (.docx) eller en PDF-fil',
  desktopOnly: 'Word- og PDF-filer læses kun i VS Code på computeren, ikke i browseren',
  cannotExtract: (file, reason) => `Referat kan ikke læse ${file}: ${reason}.`,
  fromAgenda: {
    minutes: (file) => `${file} er allerede et referat (det har beslutninger), ikke en dagsorden. Åbn dagsordenen, referatet skal skrives ud fra.`,
    noPunkter: (file) => `Referat fandt ingen punkter i ${file}, så der er intet referat at skrive ud fra den.`,
    cannotRead: (file, reason) => `Referat kan ikke læse ${file}: ${reason}.`,
  },
};

const en: Messages = {
  noToc: 'The document has no Indholdsfortegnelse.',
  tocCurrent: 'The Indholdsfortegnelse already matches the punkter.',
  tocLabel: 'Update Indholdsfortegnelse',
  tocAction: 'Update the Indholdsfortegnelse from the punkter',
  fixAllRule: 'Fix all {n} {rule} findings in the document',
  fixAll: 'Fix all safe Referat findings',
  workspaceLinted: (t) =>
    `Checked ${t.files} referat ${t.files === 1 ? 'file' : 'files'} in the workspace: ${t.error} errors, ${t.warning} warnings, ${t.information + t.hint} other findings.` +
    (t.skipped > 0 ? ` ${t.skipped} could not be read.` : ''),
  bilagTooltip: 'Open the attachment',
  missingSections: (names) => `missing ${joinAnd(names, 'and')}`,
  internalError: (where, detail) => `Error in ${where}: ${detail}`,
  indexed: (files, ms) => `Referat: indexed ${files} referat files in ${ms} ms.`,
  indexFailed: (detail) => `Error in the workspace index: ${detail}`,
  cannotIndex: (file, detail) => `Could not index ${file}: ${detail}`,
  settingsUnreadable: (detail) => `Could not read the settings: ${detail}`,
  settingsInvalid: 'Invalid Referat settings (the invalid parts are ignored): ',
  tooLarge: (size, limit) =>
    `The document was not checked: it is ${size} MB and the limit is ${limit} MB. Raise it with "maxDocumentSize" in .referatrc.json or the setting referat.maxDocumentSize.`,
  untrustedPatterns:
    'Custom patterns (case numbers, punkt headings, field labels) are not used because the workspace is not trusted (Workspace Trust). Trust the workspace to use them.',
  readFailure: {
    missing: 'does not exist',
    'no-access': 'permission denied',
    'is-directory': 'is a directory',
    'not-a-file': 'is not a regular file',
    'too-large': 'the file is too large',
    binary: 'does not look like a text file',
    'symlink-loop': 'too many symbolic links',
    other: 'read error',
  },
  documentFailure: {
    'not-docx': 'not a Word file (.docx)',
    'bad-docx': 'the Word file cannot be read',
    'bad-pdf': 'the PDF file cannot be read',
    encrypted: 'the PDF file is encrypted or needs a password',
    'no-text': 'the file has no text (a scanned PDF without a text layer?)',
  },
  place: (p) => (p.kind === 'page' ? `page ${p.page}:line ${p.line}` : p.line > 1 ? `paragraph ${p.paragraph}:line ${p.line}` : `paragraph ${p.paragraph}`),
  notDocument: 'the file is neither a Word file (.docx) nor a PDF file',
  desktopOnly: 'Word and PDF files are read only in VS Code on the desktop, not in the browser',
  cannotExtract: (file, reason) => `Referat cannot read ${file}: ${reason}.`,
  fromAgenda: {
    minutes: (file) => `${file} is a referat already (it has decisions), not a dagsorden. Open the dagsorden to write the referat from.`,
    noPunkter: (file) => `Referat found no punkter in ${file}, so there is no referat to write from it.`,
    cannotRead: (file, reason) => `Referat cannot read ${file}: ${reason}.`,
  },
};

export const MESSAGES: Localized<Messages> = { da, en };

export function messages(locale: Locale): Messages {
  return MESSAGES[locale];
}

/** "A, B og C" / "A, B and C". */
function joinAnd(names: readonly string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1] as string}`;
}
