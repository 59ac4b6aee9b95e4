// The words of the command line, in Danish and English: its usage texts, its errors and
// what it says about files. Apart from l10n/messages.ts because only the CLI prints them
// (the language server's bundle does not carry them).
import type { Encoding } from '../files/decode';
import type { DocumentFailure, DocumentFormat, Place } from '../files/document';
import type { BinaryFormat, ReadFailure } from '../files/read';
import type { WriteFailure } from '../files/write';
import { MESSAGES, type Tally } from './messages';
import type { Locale, Localized } from './locale';

export interface CliMessages {
  // Reading files.
  readFailure: Record<ReadFailure, string>;
  /** What a known binary format is, after readFailure.binary: "(en PDF-fil)". */
  binaryFormat: Record<BinaryFormat, string>;
  cannotRead(file: string, reason: string): string;
  cannotReadDir(dir: string, reason: string): string;
  noReferatFiles(dir: string, patterns: string): string;
  walkTruncated(dir: string, max: number): string;
  linkOutside(link: string, dir: string): string;
  readAsWindows1252(file: string): string;
  /** The encodings by name, as the findings and messages show them. */
  encodingNames: Record<Encoding, string>;
  /** The information finding for a file that is not plain UTF-8 (rule id file-encoding, not a registered rule). */
  fileEncoding: { description: string; message(encoding: string): string };
  /** Why a Word or PDF file could not be read. */
  documentFailure: Record<DocumentFailure, string>;
  /** Where a finding is in a Word or PDF file: "side 3:linje 12", "afsnit 57". */
  place(place: Place): string;

  // The CLI.
  cli: {
    usage: string;
    usageLint: string;
    usageOutline: string;
    usageReport: string;
    summaryLint: string;
    summaryOutline: string;
    summaryReport: string;
    /** `report --output FIL` could not write the file; the reason from outputFailure or an error code. */
    reportOutputFailed(file: string, reason: string): string;
    outputFailure: Record<'missing' | 'no-access' | 'is-directory' | 'no-space' | 'is-input', string>;
    seeHelp(help: string): string;
    noFiles: string;
    unknownOption(flag: string): string;
    unknownCommand(name: string): string;
    optionTakesNoValue(flag: string): string;
    optionNeedsValue(flag: string, allowed: string): string;
    invalidOptionValue(value: string, flag: string, allowed: string): string;
    or: string;
    configUnreadable(file: string): string;
    configInvalid(at: string, key: string, message: string): string;
    configWarning(at: string, key: string, message: string): string;
    internalError(file: string, detail: string): string;
    /** Why a fix was not written; `{detail}` is the encoding or the error code. */
    writeFailure: Record<WriteFailure, string>;
    fixAborted(file: string, reason: string): string;
    /** A fix would write a character the file's encoding does not have. */
    unencodable(char: string, code: string, encoding: string, line: number): string;
    /** --fix does not write Word or PDF files. */
    fixNotForDocument: Record<DocumentFormat, string>;
    fixed(at: string, rule: string, title: string): string;
    summary(t: Tally): string;
    /** `referat new`. */
    newReferat: {
      usage: string;
      summary: string;
      noFiles: string;
      /** The file is minutes already (a referat or beslutningsprotokol), not a dagsorden. */
      minutes(file: string): string;
      noPunkter(file: string): string;
      exists(file: string): string;
      cannotWrite(file: string, reason: string): string;
      written(file: string, decisions: number): string;
    };
    outline: {
      kind: string;
      kinds: Record<'referat' | 'dagsorden' | 'beslutningsprotokol' | 'unknown', string>;
      committee: string;
      meetingDate: string;
      members: string;
      unknown: string;
      noneFound: string;
      toc(n: number): string;
      page(n: number): string;
      punkter(n: number): string;
      punkterLabel: string;
      blocks(n: number): string;
      sections(n: number): string;
      lines(first: number, last: number): string;
      implicitIndstilling: string;
      noHeading: string;
    };
  };
}

const da: CliMessages = {
  readFailure: MESSAGES.da.readFailure,
  binaryFormat: {
    pdf: 'en PDF-fil',
    zip: 'et zip-arkiv',
    png: 'et PNG-billede',
    gif: 'et GIF-billede',
    jpeg: 'et JPEG-billede',
    ole: 'en gammel Office-fil (.doc, .xls)',
    gzip: 'et gzip-arkiv',
    elf: 'et program',
    rar: 'et rar-arkiv',
    '7z': 'et 7z-arkiv',
  },
  cannotRead: (file, reason) => `kan ikke læse fil '${file}': ${reason}`,
  cannotReadDir: (dir, reason) => `kan ikke læse mappen '${dir}': ${reason}`,
  noReferatFiles: (dir, patterns) => `ingen referater i mappen '${dir}' (filer med navnene ${patterns}, .txt- og .md-filer, hvis indhold ligner et referat, eller Word- og PDF-filer med referat, dagsorden eller beslutningsprotokol i navnet)`,
  walkTruncated: (dir, max) => `mappen '${dir}' har mere end ${max} referatfiler; kun de første ${max} er læst`,
  readAsWindows1252: (file) => `advarsel: '${file}' er ikke gyldig UTF-8 og er læst som Windows-1252`,
  encodingNames: { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', 'windows-1252': 'windows-1252', 'utf-8 med ugyldige bytes': 'UTF-8 med ugyldige bytes' },
  fileEncoding: {
    description: 'Filen er ikke ren UTF-8: den er læst som windows-1252 (eller ISO-8859-1), UTF-16 eller UTF-8 med ugyldige bytes.',
    message: (encoding) => `Filen er læst som ${encoding}`,
  },
  documentFailure: MESSAGES.da.documentFailure,
  place: MESSAGES.da.place,
  linkOutside: (link, dir) => `springer over '${link}': et symbolsk link til en fil uden for mappen '${dir}' (nævn filen selv for at læse den)`,

  cli: {
    usage: [
      'Brug: referat <kommando> [tilvalg] FIL|MAPPE …',
      '',
      'Kommandoer:',
      '{commands}',
      '',
      'Tilvalg:',
      '  -h, --help       Vis hjælp (også: referat <kommando> --help)',
      '  --version        Vis versionen',
      '  --locale da|en   Sprog for alt, hvad referat skriver (standard: da)',
      '',
      'Mapper gennemsøges rekursivt efter {patterns}.',
      'Afslutningskoder: 0 i orden; 1 lint fandt fejl, eller report fandt et møde, der ikke er klar;',
      '2 ved forkert brug eller en fil, der ikke kan læses.',
    ].join('\n'),
    usageLint: [
      'Brug: referat lint [--format text|json|sarif] [--fix] [--locale da|en] [--config FIL] FIL|MAPPE …',
      '',
      'Tjekker hvert referat med alle regler og skriver fundene. En Word-fil (.docx) eller',
      'PDF-fil læses som tekst, og hvert fund vises ved afsnittet (Word) eller siden og',
      'linjen (PDF); --fix retter ikke i dem.',
      '',
      'Tilvalg:',
      '  --format text|json|sarif  Uddataformat (standard: text). text giver én linje pr. fund:',
      '                            fil:linje:kolonne alvor regel besked',
      '  --fix                     Ret de sikre fund i filerne og skriv, hvad der blev rettet',
      '  --locale da|en            Sprog for beskederne (standard: konfigurationens, ellers da)',
      '  --config FIL              Brug denne .referatrc.json (standard: den nærmeste over hver fil)',
      '  -h, --help                Vis denne hjælp',
      '',
      'Afslutningskoder: 0 ingen fejl; 1 der er fundet fejl; 2 forkert brug, en fil,',
      'der ikke kan læses, en rettelse, der ikke kan skrives (filen er da urørt),',
      'eller en ugyldig konfiguration (hver fejl nævner nøglen).',
    ].join('\n'),
    usageOutline: [
      'Brug: referat outline [--format json|text] [--locale da|en] [--config FIL] FIL|MAPPE …',
      '',
      'Viser udvalg, mødedato, medlemmer, indholdsfortegnelse og punkterne med',
      'sagsnumre og afsnit.',
      '',
      'Tilvalg:',
      '  --format json|text  Uddataformat (standard: json). JSON-positioner er',
      '                      0-baserede LSP-positioner; tekst viser linjenumre fra 1.',
      '  --locale da|en      Sprog for teksten og beskederne (standard: da)',
      '  --config FIL        Brug denne .referatrc.json (standard: den nærmeste over hver fil)',
      '  -h, --help          Vis denne hjælp',
      '',
      'Én fil giver ét JSON-objekt; flere filer eller en mappe giver en JSON-liste.',
      'En Word-fil (.docx) eller PDF-fil læses som tekst (JSON-positionerne er i den tekst).',
      'Mapper gennemsøges rekursivt efter {patterns}.',
    ].join('\n'),
    summaryLint: 'Tjek referater for fejl og mangler (regler, se docs/rules)',
    summaryOutline: 'Vis mødets opbygning: udvalg, dato, medlemmer, punkter og afsnit',
    usageReport: [
      'Brug: referat report [--format text|json|html] [-o FIL] [--locale da|en] [--config FIL] FIL|MAPPE …',
      '',
      'Viser for hvert møde, om det er klar til offentliggørelse: et trafiklys for mødet og',
      'for hvert punkt, punkterne med sagsnumre, de manglende beslutninger, fundene efter',
      'regel og fund af personoplysninger og skabelontekst. Word- og PDF-filer læses som tekst.',
      '',
      'Tilvalg:',
      '  --format text|json|html  Uddataformat (standard: text). html giver én selvstændig fil',
      '                           uden scripts, der ikke henter noget udefra og kan sendes videre.',
      '  -o, --output FIL         Skriv rapporten til FIL i stedet for til standard-output',
      '  --locale da|en           Sprog for rapporten (standard: konfigurationens, ellers da)',
      '  --config FIL             Brug denne .referatrc.json (standard: den nærmeste over hver fil)',
      '  -h, --help               Vis denne hjælp',
      '',
      'Lyset er rødt ved en fejl, en personoplysning, skabelontekst eller en manglende',
      'Beslutning, gult ved advarsler og grønt ellers; ukendt (gråt), når Referat ikke kunne',
      'læse dokumentet (se docs/report.md).',
      '',
      'Afslutningskoder: 0 alle møder er grønne eller gule; 1 et møde er rødt eller ukendt;',
      '2 forkert brug, en fil, der ikke kan læses, eller en rapport, der ikke kan skrives.',
    ].join('\n'),
    summaryReport: 'Er mødet klar til offentliggørelse? Trafiklys pr. møde og punkt (tekst, JSON, HTML)',
    reportOutputFailed: (file, reason) => `kan ikke skrive rapporten til '${file}': ${reason}`,
    outputFailure: { missing: 'mappen findes ikke', 'no-access': 'ingen adgang', 'is-directory': 'er en mappe', 'no-space': 'der er ikke plads på disken', 'is-input': 'filen er et af de dokumenter, rapporten læser' },
    seeHelp: (help) => `Se '${help}'.`,
    noFiles: 'ingen filer angivet',
    unknownOption: (flag) => `ukendt tilvalg '${flag}'`,
    unknownCommand: (name) => `ukendt kommando '${name}'`,
    optionTakesNoValue: (flag) => `tilvalget '${flag}' tager ingen værdi`,
    optionNeedsValue: (flag, allowed) => `tilvalget '${flag}' kræver en værdi (${allowed})`,
    invalidOptionValue: (value, flag, allowed) => `ugyldig værdi '${value}' til '${flag}' (brug ${allowed})`,
    or: ' eller ',
    configUnreadable: (file) => `kan ikke læse konfigurationen '${file}'`,
    configInvalid: (at, key, message) => `${at} ugyldig konfiguration${key}: ${message}`,
    configWarning: (at, key, message) => `${at} advarsel${key}: ${message}`,
    internalError: (file, detail) => `intern fejl ved behandling af '${file}': ${detail}`,
    writeFailure: {
      'read-only': 'filen er skrivebeskyttet, så den er ladt urørt (fundene er vist)',
      'folder-read-only': 'mappen er skrivebeskyttet, så filen kan ikke erstattes; den er ladt urørt (fundene er vist)',
      changed: 'filen blev ændret af et andet program, mens den blev rettet; ændringen er bevaret, og intet er skrevet (kør igen)',
      'unsupported-encoding': 'filen er {detail}, og en rettelse ville skrive de ugyldige bytes som �; den er ladt urørt (fundene er vist)',
      'no-access': 'ingen adgang til at skrive filen; den er ladt urørt (fundene er vist)',
      'no-space': 'der er ikke plads på disken; filen er ladt urørt (fundene er vist)',
      other: 'fejl ved skrivning ({detail}); filen er ladt urørt (fundene er vist)',
    },
    fixAborted: (file, reason) => `retter ikke '${file}': ${reason}`,
    unencodable: (char, code, encoding, line) => `rettelsen ville skrive '${char}' (U+${code}) på linje ${line}, og det tegn findes ikke i ${encoding}; filen er ladt urørt (fundene er vist)`,
    fixNotForDocument: {
      docx: '--fix retter kun tekstfiler, ikke Word-filer; ret i Word (fundene er vist)',
      pdf: '--fix retter kun tekstfiler, ikke PDF-filer; ret i det dokument, PDF-filen er lavet af (fundene er vist)',
    },
    fixed: (at, rule, title) => `rettet: ${at} ${rule} ${title}`,
    summary: (t) =>
      `${t.files} fil(er): ${t.error} fejl, ${t.warning} advarsel(er), ${t.information} information(er), ${t.hint} tip`,
    newReferat: {
      usage: [
        'Brug: referat new [--from DAGSORDEN] [-o FIL] [--locale da|en] [--config FIL]',
        '',
        'Skriver et nyt referat. Med --from er det referatet af dagsordenen, i dens eget layout:',
        'ordet Dagsorden bliver Referat, og hvert punkt får et tomt Beslutning-afsnit der, hvor',
        'layoutet har det (efter Indstilling, ellers sidst i punktet), skrevet som punktets andre',
        'overskrifter. Alt andet i teksten er uændret. Uden --from en tom skabelon med dagens dato.',
        'En Word-fil (.docx) eller PDF-fil læses som tekst.',
        '',
        'Tilvalg:',
        '  --from DAGSORDEN  Dagsordenen, referatet skrives ud fra',
        '  -o, --output FIL  Skriv referatet til FIL (findes filen, skrives intet) i stedet for',
        '                    til standard-output',
        '  --locale da|en    Sprog for beskederne (standard: da)',
        '  --config FIL      Brug denne .referatrc.json (standard: den nærmeste over dagsordenen)',
        '  -h, --help        Vis denne hjælp',
        '',
        'Afslutningskoder: 0 referatet er skrevet; 2 forkert brug, en fil, der ikke kan læses,',
        'en fil, der ikke er en dagsorden, eller et referat, der ikke kan skrives.',
      ].join('\n'),
      summary: 'Skriv et nyt referat ud fra en dagsorden (--from) eller en skabelon',
      noFiles: 'new tager ingen filer; brug --from DAGSORDEN',
      minutes: (file) => `kan ikke skrive et referat ud fra '${file}': det er allerede et referat (det har beslutninger), ikke en dagsorden`,
      noPunkter: (file) => `kan ikke skrive et referat ud fra '${file}': der er ingen punkter i den`,
      exists: (file) => `'${file}' findes allerede; intet er skrevet (vælg et andet navn med -o)`,
      cannotWrite: (file, reason) => `kan ikke skrive referatet til '${file}': ${reason}`,
      written: (file, decisions) => `skrev ${file} (${decisions === 1 ? '1 tomt Beslutning-afsnit' : `${decisions} tomme Beslutning-afsnit`})`,
    },
    outline: {
      kind: 'Dokumenttype',
      kinds: { referat: 'referat', dagsorden: 'dagsorden', beslutningsprotokol: 'beslutningsprotokol', unknown: 'ukendt' },
      committee: 'Udvalg',
      meetingDate: 'Mødedato',
      members: 'Medlemmer',
      unknown: '(ukendt)',
      noneFound: '(ingen fundet)',
      toc: (n) => `Indholdsfortegnelse (${n === 1 ? '1 post' : `${n} poster`})`,
      page: (n) => `s. ${n}`,
      punkter: (n) => `Punkter (${n})`,
      punkterLabel: 'Punkter',
      blocks: (n) => `Sager uden punktoverskrift (${n})`,
      sections: (n) => `${n} afsnit`,
      lines: (first, last) => (first === last ? `linje ${first}` : `linje ${first}-${last}`),
      implicitIndstilling: 'Indstilling',
      noHeading: '(uden overskrift)',
    },
  }
};

const en: CliMessages = {
  readFailure: MESSAGES.en.readFailure,
  binaryFormat: {
    pdf: 'a PDF file',
    zip: 'a zip archive',
    png: 'a PNG image',
    gif: 'a GIF image',
    jpeg: 'a JPEG image',
    ole: 'an old Office file (.doc, .xls)',
    gzip: 'a gzip archive',
    elf: 'a program',
    rar: 'a rar archive',
    '7z': 'a 7z archive',
  },
  cannotRead: (file, reason) => `cannot read file '${file}': ${reason}`,
  cannotReadDir: (dir, reason) => `cannot read the folder '${dir}': ${reason}`,
  noReferatFiles: (dir, patterns) => `no minutes in the folder '${dir}' (files named ${patterns}, .txt and .md files whose content looks like minutes, or Word and PDF files with referat, dagsorden or beslutningsprotokol in the name)`,
  walkTruncated: (dir, max) => `the folder '${dir}' has more than ${max} referat files; only the first ${max} were read`,
  readAsWindows1252: (file) => `warning: '${file}' is not valid UTF-8 and was read as Windows-1252`,
  encodingNames: { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', 'windows-1252': 'windows-1252', 'utf-8 med ugyldige bytes': 'UTF-8 with invalid bytes' },
  fileEncoding: {
    description: 'The file is not plain UTF-8: it was read as windows-1252 (or ISO-8859-1), UTF-16 or UTF-8 with invalid bytes.',
    message: (encoding) => `The file was read as ${encoding}`,
  },
  documentFailure: MESSAGES.en.documentFailure,
  place: MESSAGES.en.place,
  linkOutside: (link, dir) => `skipping '${link}': a symbolic link to a file outside the folder '${dir}' (name the file itself to read it)`,

  cli: {
    usage: [
      'Usage: referat <command> [options] FILE|FOLDER …',
      '',
      'Commands:',
      '{commands}',
      '',
      'Options:',
      '  -h, --help       Show help (also: referat <command> --help)',
      '  --version        Show the version',
      '  --locale da|en   Language of everything referat writes (default: da)',
      '',
      'Folders are searched recursively for {patterns}.',
      'Exit codes: 0 all well; 1 lint found errors, or report found a meeting that is not ready;',
      '2 wrong usage or a file that cannot be read.',
    ].join('\n'),
    usageLint: [
      'Usage: referat lint [--format text|json|sarif] [--fix] [--locale da|en] [--config FILE] FILE|FOLDER …',
      '',
      'Checks each referat with every rule and writes the findings. A Word (.docx) or PDF',
      'file is read as text, and each finding is shown at its paragraph (Word) or its page',
      'and line (PDF); --fix does not fix them.',
      '',
      'Options:',
      '  --format text|json|sarif  Output format (default: text). text gives one line per finding:',
      '                            file:line:column severity rule message',
      '  --fix                     Fix the safe findings in the files and write what was fixed',
      '  --locale da|en            Language of the messages (default: the configuration’s, else da)',
      '  --config FILE             Use this .referatrc.json (default: the nearest above each file)',
      '  -h, --help                Show this help',
      '',
      'Exit codes: 0 no errors; 1 errors were found; 2 wrong usage, a file that cannot',
      'be read, a fix that cannot be written (the file is then untouched), or an invalid',
      'configuration (each error names the key).',
    ].join('\n'),
    usageOutline: [
      'Usage: referat outline [--format json|text] [--locale da|en] [--config FILE] FILE|FOLDER …',
      '',
      'Shows the committee, meeting date, members, table of contents and the punkter with',
      'their case numbers and sections.',
      '',
      'Options:',
      '  --format json|text  Output format (default: json). JSON positions are',
      '                      0-based LSP positions; text shows line numbers from 1.',
      '  --locale da|en      Language of the text and the messages (default: da)',
      '  --config FILE       Use this .referatrc.json (default: the nearest above each file)',
      '  -h, --help          Show this help',
      '',
      'One file gives one JSON object; several files or a folder give a JSON list.',
      'A Word (.docx) or PDF file is read as text (the JSON positions are in that text).',
      'Folders are searched recursively for {patterns}.',
    ].join('\n'),
    summaryLint: 'Check referater for errors and omissions (rules, see docs/rules)',
    summaryOutline: 'Show the meeting’s structure: committee, date, members, punkter and sections',
    usageReport: [
      'Usage: referat report [--format text|json|html] [-o FILE] [--locale da|en] [--config FILE] FILE|FOLDER …',
      '',
      'Shows for each meeting whether it is ready for publication: a traffic light for the',
      'meeting and for each punkt, the punkter with their case numbers, the missing decisions,',
      'the findings by rule and any personal data and template text. Word and PDF files are read as text.',
      '',
      'Options:',
      '  --format text|json|html  Output format (default: text). html gives one self-contained file',
      '                           without scripts that loads nothing from elsewhere and can be sent on.',
      '  -o, --output FILE        Write the report to FILE instead of standard output',
      '  --locale da|en           Language of the report (default: the configuration’s, else da)',
      '  --config FILE            Use this .referatrc.json (default: the nearest above each file)',
      '  -h, --help               Show this help',
      '',
      'The light is red for an error, personal data, template text or a missing Beslutning,',
      'yellow for warnings and green otherwise; unknown (grey) when Referat could not read the',
      'document (see docs/report.md).',
      '',
      'Exit codes: 0 every meeting is green or yellow; 1 a meeting is red or unknown;',
      '2 wrong usage, a file that cannot be read, or a report that cannot be written.',
    ].join('\n'),
    summaryReport: 'Is the meeting ready for publication? Traffic lights per meeting and punkt (text, JSON, HTML)',
    reportOutputFailed: (file, reason) => `cannot write the report to '${file}': ${reason}`,
    outputFailure: { missing: 'the folder does not exist', 'no-access': 'permission denied', 'is-directory': 'is a folder', 'no-space': 'there is no space left on the disk', 'is-input': 'the file is one of the documents the report reads' },
    seeHelp: (help) => `See '${help}'.`,
    noFiles: 'no files given',
    unknownOption: (flag) => `unknown option '${flag}'`,
    unknownCommand: (name) => `unknown command '${name}'`,
    optionTakesNoValue: (flag) => `the option '${flag}' takes no value`,
    optionNeedsValue: (flag, allowed) => `the option '${flag}' needs a value (${allowed})`,
    invalidOptionValue: (value, flag, allowed) => `invalid value '${value}' for '${flag}' (use ${allowed})`,
    or: ' or ',
    configUnreadable: (file) => `cannot read the configuration '${file}'`,
    configInvalid: (at, key, message) => `${at} invalid configuration${key}: ${message}`,
    configWarning: (at, key, message) => `${at} warning${key}: ${message}`,
    internalError: (file, detail) => `internal error while processing '${file}': ${detail}`,
    writeFailure: {
      'read-only': 'the file is read-only, so it was left alone (the findings are shown)',
      'folder-read-only': 'the folder is read-only, so the file cannot be replaced; it was left alone (the findings are shown)',
      changed: 'another program changed the file while it was being fixed; that change is kept and nothing was written (run again)',
      'unsupported-encoding': 'the file is {detail}, and a fix would write the invalid bytes as �; it was left alone (the findings are shown)',
      'no-access': 'no permission to write the file; it was left alone (the findings are shown)',
      'no-space': 'there is no space left on the disk; the file was left alone (the findings are shown)',
      other: 'write error ({detail}); the file was left alone (the findings are shown)',
    },
    fixAborted: (file, reason) => `not fixing '${file}': ${reason}`,
    unencodable: (char, code, encoding, line) => `the fix would write '${char}' (U+${code}) on line ${line}, and ${encoding} has no such character; the file was left alone (the findings are shown)`,
    fixNotForDocument: {
      docx: '--fix fixes text files only, not Word files; fix it in Word (the findings are shown)',
      pdf: '--fix fixes text files only, not PDF files; fix the document the PDF was made from (the findings are shown)',
    },
    fixed: (at, rule, title) => `fixed: ${at} ${rule} ${title}`,
    summary: (t) => `${t.files} file(s): ${t.error} error(s), ${t.warning} warning(s), ${t.information} information, ${t.hint} hint(s)`,
    newReferat: {
      usage: [
        'Usage: referat new [--from AGENDA] [-o FILE] [--locale da|en] [--config FILE]',
        '',
        'Writes a new referat (minutes). With --from it is the referat of the dagsorden (agenda),',
        'in its own layout: the word Dagsorden becomes Referat, and each punkt gets an empty',
        'Beslutning section where the layout has it (after the Indstilling, else at the end of the',
        'punkt), written as the punkt’s other headings are. Nothing else in the text changes.',
        'Without --from, an empty template dated today. A Word (.docx) or PDF file is read as text.',
        '',
        'Options:',
        '  --from AGENDA      The dagsorden to write the referat from',
        '  -o, --output FILE  Write the referat to FILE (if the file exists, nothing is written)',
        '                     instead of standard output',
        '  --locale da|en     Language of the messages (default: da)',
        '  --config FILE      Use this .referatrc.json (default: the nearest above the agenda)',
        '  -h, --help         Show this help',
        '',
        'Exit codes: 0 the referat was written; 2 wrong usage, a file that cannot be read,',
        'a file that is not a dagsorden, or a referat that cannot be written.',
      ].join('\n'),
      summary: 'Write a new referat from a dagsorden (--from) or a template',
      noFiles: 'new takes no files; use --from AGENDA',
      minutes: (file) => `cannot write a referat from '${file}': it is a referat already (it has decisions), not a dagsorden`,
      noPunkter: (file) => `cannot write a referat from '${file}': it has no punkter`,
      exists: (file) => `'${file}' exists already; nothing was written (choose another name with -o)`,
      cannotWrite: (file, reason) => `cannot write the referat to '${file}': ${reason}`,
      written: (file, decisions) => `wrote ${file} (${decisions === 1 ? '1 empty Beslutning section' : `${decisions} empty Beslutning sections`})`,
    },
    outline: {
      kind: 'Document kind',
      kinds: { referat: 'referat', dagsorden: 'dagsorden', beslutningsprotokol: 'beslutningsprotokol', unknown: 'unknown' },
      committee: 'Committee',
      meetingDate: 'Meeting date',
      members: 'Members',
      unknown: '(unknown)',
      noneFound: '(none found)',
      toc: (n) => `Indholdsfortegnelse (${n === 1 ? '1 entry' : `${n} entries`})`,
      page: (n) => `p. ${n}`,
      punkter: (n) => `Punkter (${n})`,
      punkterLabel: 'Punkter',
      blocks: (n) => `Cases without a punkt heading (${n})`,
      sections: (n) => `${n} ${n === 1 ? 'section' : 'sections'}`,
      lines: (first, last) => (first === last ? `line ${first}` : `lines ${first}-${last}`),
      implicitIndstilling: 'Indstilling',
      noHeading: '(no heading)',
    },
  }
};

export const CLI_MESSAGES: Localized<CliMessages> = { da, en };

export function cliMessages(locale: Locale): CliMessages {
  return CLI_MESSAGES[locale];
}

/** The words for a write failure, with its detail (an encoding's name, an error code). */
export function writeFailureText(words: CliMessages, failure: { reason: WriteFailure; detail?: string }): string {
  const names: Record<string, string> = words.encodingNames;
  const detail = failure.detail === undefined ? '?' : (names[failure.detail] ?? failure.detail);
  return words.cli.writeFailure[failure.reason].replace('{detail}', detail);
}

/** The words for a read failure, with the format of a known binary file: "ligner ikke en tekstfil (en PDF-fil …)". */
export function readFailureText(words: CliMessages, failure: { reason: ReadFailure; detail?: string }): string {
  const text = words.readFailure[failure.reason];
  if (failure.reason !== 'binary' || failure.detail === undefined || !(failure.detail in words.binaryFormat)) return text;
  return `${text} (${words.binaryFormat[failure.detail as BinaryFormat]})`;
}
