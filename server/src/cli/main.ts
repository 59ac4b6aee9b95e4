// The `referat` command line: adapts the Referat service (service/service.ts) to
// arguments, files and exit codes. The commands only read files, ask the service and
// write its answers; every line they print is in the chosen --locale.
import { promises as fsp } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { readLocale, type Locale } from '../l10n/locale';
import { cliMessages, readFailureText, writeFailureText, type CliMessages } from '../l10n/cli';
import { messages as serviceMessages } from '../l10n/messages';
import type { Encoding } from '../files/decode';
import { documentFormatOf, placeOf, type ExtractedDocument } from '../files/document';
import { readDocumentFile, type ReadDocumentResult } from '../files/readDocument';
import { codeName, unencodable } from '../files/encode';
import { errorCode, failure, MAX_TEXT_FILE_BYTES, readTextFile, type FileSnapshot } from '../files/read';
import { writeTextFile } from '../files/write';
import type { FromAgendaResult } from '../features/fromAgenda';
import { expandSnippet, skeleton } from '../features/skeleton';
import type { ReferatModel } from '../model';
import type { LintDiagnostic } from '../rules/engine';
import { agendasFor, meetingFacts } from '../rules/sameMeeting';
import type { RelatedDocuments } from '../rules/types';
import { RULES } from '../rules/registry';
import { createReferatService, describeError, type ReferatService } from '../service/service';
import { nodeFiles } from '../node/host';
import { VERSION } from '../version';
import { localeArgument, parseArgs, type OptionSpec } from './args';
import { CliConfig } from './config';
import { expandArguments, SUFFIX_LIST } from './files';
import { renderLintJson, renderLintText, renderSarif, summaryLine, type FileResult, type SarifExtraRule } from './lint';
import { buildOutline, renderJson, renderText, type Outline } from './outline';
import { buildReport, publishable, type MeetingReport } from '../features/report';
import { renderReportHtml } from '../features/reportHtml';
import { renderReportJson, renderReportText } from '../features/reportText';
import { fileHref, today, writeOutput } from './report';

const EXIT_OK = 0;
/** Lint found at least one error. */
const EXIT_FINDINGS = 1;
/** Usage errors, and input that could not be read or processed. */
const EXIT_USAGE = 2;

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** For tests: runs while `lint --fix` writes a file, after the fixed text is ready and before the file is checked and replaced. */
  beforeWrite?(file: string): void | Promise<void>;
}

interface Command {
  name: string;
  summary(words: CliMessages): string;
  usage(words: CliMessages): string;
  options: readonly OptionSpec[];
  run(options: ReadonlyMap<string, string | true>, positionals: readonly string[], io: Io, locale: Locale): Promise<number>;
}

const HELP_OPTION: OptionSpec = { name: 'help', alias: 'h' };
const CONFIG_OPTION: OptionSpec = { name: 'config', value: 'FIL' };
const LOCALE_OPTION: OptionSpec = { name: 'locale', values: ['da', 'en'] };

/**
 * What lint and report begin with: files to read, the configuration (checked) and the
 * service, or the exit code of a usage error. Without --locale (`chosen`), the first
 * file's configuration may name the locale, so `words` and `locale` may change later.
 */
function setUp(
  command: string,
  options: ReadonlyMap<string, string | true>,
  positionals: readonly string[],
  io: Io,
  argLocale: Locale,
): { chosen: Locale | undefined; words: CliMessages; config: CliConfig; locale: Locale; service: ReferatService } | number {
  const chosen = readLocale(options.get('locale'));
  const words = cliMessages(argLocale);
  if (positionals.length === 0) return usageError(io, words, words.cli.noFiles, command);
  const config = new CliConfig((t) => io.err(t), stringOption(options, 'config'), chosen);
  const unreadable = config.check();
  if (unreadable !== null) return usageError(io, words, unreadable, command);
  const locale: Locale = chosen ?? argLocale;
  return { chosen, words, config, locale, service: cliService(config, io, locale) };
}

function stringOption(options: ReadonlyMap<string, string | true>, name: string): string | undefined {
  const value = options.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** The service over the CLI's configuration; rule docs beside the bundle (dist/../docs/rules). */
function cliService(config: CliConfig, io: Io, locale: Locale): ReferatService {
  return createReferatService({
    configs: config,
    log: (message) => io.err(`referat: ${message}\n`),
    files: nodeFiles,
    docsUri: () => pathToFileURL(path.resolve(__dirname, '..', 'docs', 'rules')).href,
    locale: () => locale,
  });
}

const uriOf = (file: string): string => pathToFileURL(path.resolve(file)).href;

interface TextFile {
  text: string;
  encoding: Encoding;
  /** With `forWrite`: what files/write.ts needs to write the file back. */
  snapshot?: FileSnapshot;
  /** A Word or PDF file: the extracted text is `text`, and this says where each line came from. */
  document?: ExtractedDocument;
}

/**
 * Reads each file as text and hands it on; a Word (.docx) or PDF file is handed on as
 * its extracted text. Unreadable files and internal errors are reported (and make the
 * exit code 2), never thrown. `forWrite` reads each file for a later write
 * (files/read.ts, `snapshot`).
 */
async function forEachTextFile(
  files: readonly string[],
  words: () => CliMessages,
  report: (message: string) => void,
  each: (file: string, read: TextFile) => void | Promise<void>,
  forWrite = false,
): Promise<void> {
  for (const file of files) {
    const read = await readTextFile(file, MAX_TEXT_FILE_BYTES, { snapshot: forWrite });
    let input: TextFile;
    if (read.ok) input = read;
    else {
      if (read.reason !== 'binary' || documentFormatOf(read.detail) === undefined) {
        report(words().cannotRead(file, readFailureText(words(), read)));
        continue;
      }
      // A Word or PDF file: read whole and handed to its reader (files/readDocument.ts, as the server does).
      let extracted: ReadDocumentResult;
      try {
        extracted = await readDocumentFile(file);
      } catch (error) {
        report(words().cannotRead(file, readFailureText(words(), failure(error))));
        continue;
      }
      if (!extracted.ok) {
        const why =
          extracted.reason === 'document'
            ? `${words().documentFailure[extracted.failure]}${extracted.detail === undefined ? '' : ` (${extracted.detail})`}`
            : readFailureText(words(), extracted.reason === 'read' ? { reason: extracted.failure } : read);
        report(words().cannotRead(file, why));
        continue;
      }
      input = { text: extracted.document.text, encoding: 'utf-8', document: extracted.document };
    }
    try {
      await each(file, input);
    } catch (error) {
      report(words().cli.internalError(file, error instanceof Error ? error.message : String(error)));
    }
  }
}

/** A file's model and the dagsordener of its meeting among the files of the run. */
type MeetingInput = { model: ReferatModel; related?: RelatedDocuments };

/** For each file, in order: its model, and the dagsordener of its meeting among the others (rules/sameMeeting.ts). */
export function pairMeetings(docs: readonly { name: string; model: ReferatModel }[]): MeetingInput[] {
  const facts = docs.map((d) => ({ ...meetingFacts(d.model), doc: d }));
  const agendas = facts.filter((f) => f.kind === 'dagsorden');
  return docs.map((d, i) => {
    const found = agendasFor(facts[i] as (typeof facts)[number], agendas).filter((a) => a.doc !== d);
    return found.length === 0 ? { model: d.model } : { model: d.model, related: { agendas: found.map((a) => ({ name: a.doc.name, punkter: a.doc.model.punkter })) } };
  });
}

export const FILE_ENCODING_RULE_ID = 'file-encoding';

/** The information finding for a file that was not read as plain UTF-8 (with or without a BOM), at line 1, column 1. */
function encodingFinding(encoding: Encoding, words: CliMessages): LintDiagnostic | null {
  if (encoding === 'utf-8') return null;
  const at = { line: 0, character: 0 };
  return { rule: FILE_ENCODING_RULE_ID, severity: 'information', message: words.fileEncoding.message(words.encodingNames[encoding]), range: { start: at, end: at } };
}

/** The files of the arguments, with every problem reported. */
async function filesOf(positionals: readonly string[], io: Io, words: CliMessages, report: (message: string) => void, config?: CliConfig): Promise<{ files: string[]; sawDirectory: boolean }> {
  // A walked folder takes the include and exclude globs of its own configuration.
  const expansion = await expandArguments(positionals, words, (dir) => ({ ...(config?.forFile(path.join(dir, '.referat-folder')).resolved.files ?? {}), documents: true }));
  expansion.errors.forEach(report);
  for (const w of expansion.warnings) io.err(`referat: ${w}\n`);
  return expansion;
}

const outlineCommand: Command = {
  name: 'outline',
  summary: (w) => w.cli.summaryOutline,
  usage: (w) => w.cli.usageOutline.replace('{patterns}', SUFFIX_LIST),
  options: [{ name: 'format', values: ['json', 'text'] }, LOCALE_OPTION, CONFIG_OPTION, HELP_OPTION],
  async run(options, positionals, io, locale) {
    const words = cliMessages(locale);
    if (positionals.length === 0) return usageError(io, words, words.cli.noFiles, this.name);
    const config = new CliConfig((t) => io.err(t), stringOption(options, 'config'), readLocale(options.get('locale')));
    const unreadable = config.check();
    if (unreadable !== null) return usageError(io, words, unreadable, this.name);
    const service = cliService(config, io, locale);
    let exit = EXIT_OK;
    const report = (message: string): void => {
      io.err(`referat: ${message}\n`);
      exit = EXIT_USAGE;
    };
    const { files, sawDirectory } = await filesOf(positionals, io, words, report, config);
    const outlines: Outline[] = [];
    const documents = new Map<Outline, ExtractedDocument>();
    await forEachTextFile(files, () => words, report, (file, read) => {
      // Outline has no findings to carry the encoding: it stays a note on stderr.
      if (read.encoding === 'windows-1252') io.err(`referat: ${words.readAsWindows1252(file)}\n`);
      const outline = buildOutline(file, service.parse(uriOf(file), read.text), read.document?.format);
      if (read.document !== undefined) documents.set(outline, read.document);
      outlines.push(outline);
    });
    // One object for exactly one argument that is not a folder; otherwise always a list.
    const single = positionals.length === 1 && !sawDirectory;
    if (options.get('format') === 'text') {
      if (outlines.length > 0) {
        io.out(
          renderText(outlines, locale, (o) => {
            const doc = documents.get(o);
            return doc === undefined ? undefined : (line, character) => placeOf(doc, line, character);
          }),
        );
      }
    } else if (!single || outlines.length === 1) {
      io.out(renderJson(outlines, single));
    }
    return config.invalid ? EXIT_USAGE : exit;
  },
};

const lintCommand: Command = {
  name: 'lint',
  summary: (w) => w.cli.summaryLint,
  usage: (w) => w.cli.usageLint,
  options: [{ name: 'format', values: ['text', 'json', 'sarif'] }, LOCALE_OPTION, { name: 'fix' }, CONFIG_OPTION, HELP_OPTION],
  async run(options, positionals, io, argLocale) {
    const setup = setUp(this.name, options, positionals, io, argLocale);
    if (typeof setup === 'number') return setup;
    const { chosen, config, service } = setup;
    let { words, locale } = setup;
    const format = options.get('format') ?? 'text';
    const fix = options.has('fix');
    let inputError = false;
    const report = (message: string): void => {
      io.err(`referat: ${message}\n`);
      inputError = true;
    };
    const { files } = await filesOf(positionals, io, words, report, config);
    const results: FileResult[] = [];
    const each = async (file: string, read: TextFile, meeting: MeetingInput): Promise<void> => {
      const uri = uriOf(file);
      if (results.length === 0 && chosen === undefined) {
        locale = service.config(uri).locale;
        words = cliMessages(locale);
      }
      let found = service.lintText(uri, read.text, meeting);
      const doc = read.document;
      if (fix && doc !== undefined) {
        // Word and PDF are read, never written: with something to fix, say so (exit code 2).
        if (service.fix(uri, read.text).fixed.length > 0) report(words.cli.fixAborted(file, words.cli.fixNotForDocument[doc.format]));
      } else if (fix && read.snapshot !== undefined) {
        const result = service.fix(uri, read.text, meeting.related);
        if (result.fixed.length > 0 && result.text !== read.text) {
          // The one write path (files/write.ts). When it cannot write (read-only, changed meanwhile, an encoding
          // without an encoder, a character the encoding lacks …) the file is left as it was, its findings are
          // printed, and the exit code is 2.
          const lacking = unencodable(read.snapshot.encoding, result.text);
          const hook = io.beforeWrite?.bind(io);
          const written = lacking === null ? await writeTextFile(read.snapshot, result.text, hook === undefined ? {} : { beforeCommit: () => hook(file) }) : null;
          if (lacking !== null) {
            const name = words.encodingNames[lacking.encoding];
            report(words.cli.fixAborted(file, words.cli.unencodable(lacking.char, codeName(lacking.char), name, lacking.line + 1)));
          } else if (written !== null && !written.ok) {
            report(words.cli.fixAborted(file, writeFailureText(words, written)));
          } else {
            for (const d of result.fixed) {
              io.err(`${words.cli.fixed(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}`, d.rule, d.fix?.title ?? '')}\n`);
            }
            found = result.findings;
          }
        }
      }
      const encoding = encodingFinding(read.encoding, words);
      if (encoding !== null) found = [encoding, ...found];
      results.push({ file, diagnostics: found, ...(doc === undefined ? {} : { document: { format: doc.format, placeOf: (line, character) => placeOf(doc, line, character) } }) });
    };
    // A referat is compared with the dagsorden of its meeting among the files of the run
    // (agenda-mismatch), so every file is read and parsed before any is linted.
    const inputs: { file: string; read: TextFile }[] = [];
    await forEachTextFile(files, () => words, report, (file, read) => void inputs.push({ file, read }), fix);
    const meetings = pairMeetings(inputs.map(({ file, read }) => ({ name: path.basename(file), model: service.parse(uriOf(file), read.text) })));
    for (const [i, { file, read }] of inputs.entries()) {
      try {
        await each(file, read, meetings[i] as MeetingInput);
      } catch (error) {
        report(words.cli.internalError(file, error instanceof Error ? error.message : String(error)));
      }
    }
    if (format === 'json') io.out(renderLintJson(results));
    else if (format === 'sarif') {
      const extraRules: SarifExtraRule[] = [{ id: FILE_ENCODING_RULE_ID, description: words.fileEncoding.description, level: 'information' }];
      io.out(
        renderSarif(results, {
          version: VERSION,
          rules: RULES,
          extraRules,
          locale,
          toUri: (f) => (path.isAbsolute(f) ? pathToFileURL(f).href : f.split(path.sep).map(encodeURIComponent).join('/')),
          helpUri: (rule) => service.docsHref(rule),
        }),
      );
    } else {
      io.out(renderLintText(results, locale));
      if (results.length > 0) io.err(summaryLine(results, locale));
    }
    if (inputError || config.invalid) return EXIT_USAGE;
    return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? EXIT_FINDINGS : EXIT_OK;
  },
};

const reportCommand: Command = {
  name: 'report',
  summary: (w) => w.cli.summaryReport,
  usage: (w) => w.cli.usageReport,
  options: [{ name: 'format', values: ['text', 'json', 'html'] }, { name: 'output', alias: 'o', value: 'FIL' }, LOCALE_OPTION, CONFIG_OPTION, HELP_OPTION],
  async run(options, positionals, io, argLocale) {
    const setup = setUp(this.name, options, positionals, io, argLocale);
    if (typeof setup === 'number') return setup;
    const { chosen, config, service } = setup;
    let { words, locale } = setup;
    let inputError = false;
    const report = (message: string): void => {
      io.err(`referat: ${message}\n`);
      inputError = true;
    };
    const { files } = await filesOf(positionals, io, words, report, config);
    // The same findings as lint: every file read and parsed first, so that a referat meets the dagsorden of its meeting.
    const inputs: { file: string; read: TextFile }[] = [];
    await forEachTextFile(files, () => words, report, (file, read) => void inputs.push({ file, read }));
    const meetings = pairMeetings(inputs.map(({ file, read }) => ({ name: path.basename(file), model: service.parse(uriOf(file), read.text) })));
    const reports: MeetingReport[] = [];
    for (const [i, { file, read }] of inputs.entries()) {
      const uri = uriOf(file);
      if (i === 0 && chosen === undefined) {
        locale = service.config(uri).locale;
        words = cliMessages(locale);
      }
      try {
        const meeting = meetings[i] as MeetingInput;
        const findings = service.lintText(uri, read.text, meeting);
        const encoding = encodingFinding(read.encoding, words);
        const doc = read.document;
        reports.push(
          buildReport({
            file,
            model: meeting.model,
            findings: encoding === null ? findings : [encoding, ...findings],
            ...(doc === undefined ? {} : { format: doc.format, locate: (line: number, character: number) => placeOf(doc, line, character) }),
          }),
        );
      } catch (error) {
        report(words.cli.internalError(file, error instanceof Error ? error.message : String(error)));
      }
    }
    const format = options.get('format') ?? 'text';
    const text =
      format === 'json'
        ? renderReportJson(reports)
        : format === 'html'
          ? renderReportHtml(reports, { locale, generator: `Referat ${VERSION}`, date: today(), href: (r, range, place) => fileHref(r.file, range, place, r.format) })
          : renderReportText(reports, locale);
    const output = stringOption(options, 'output');
    if (output === undefined) io.out(text);
    else {
      const failed = await writeOutput(output, text, files, words);
      if (failed !== null) report(failed);
    }
    if (inputError || config.invalid) return EXIT_USAGE;
    // Not ready: red, or a document Referat could not read (never a clean bill of health).
    return reports.every((r) => publishable(r.verdict)) ? EXIT_OK : EXIT_FINDINGS;
  },
};

const newCommand: Command = {
  name: 'new',
  summary: (w) => w.cli.newReferat.summary,
  usage: (w) => w.cli.newReferat.usage,
  options: [{ name: 'from', value: 'DAGSORDEN' }, { name: 'output', alias: 'o', value: 'FIL' }, LOCALE_OPTION, CONFIG_OPTION, HELP_OPTION],
  async run(options, positionals, io, locale) {
    const words = cliMessages(locale);
    const w = words.cli.newReferat;
    if (positionals.length > 0) return usageError(io, words, w.noFiles, this.name);
    const config = new CliConfig((t) => io.err(t), stringOption(options, 'config'), readLocale(options.get('locale')));
    const unreadable = config.check();
    if (unreadable !== null) return usageError(io, words, unreadable, this.name);
    const from = stringOption(options, 'from');
    let text: string;
    let decisions = 0;
    if (from === undefined) {
      text = expandSnippet(skeleton(new Date()));
    } else {
      const service = cliService(config, io, locale);
      const got: { result?: FromAgendaResult } = {};
      let failed = false;
      // A Word or PDF dagsorden is read as its text, as lint reads it.
      await forEachTextFile([from], () => words, (message) => {
        io.err(`referat: ${message}\n`);
        failed = true;
      }, (file, read) => {
        got.result = service.fromAgenda(uriOf(file), read.text);
      });
      const result = got.result;
      if (failed || result === undefined) return EXIT_USAGE;
      if (!result.ok) {
        io.err(`referat: ${result.reason === 'minutes' ? w.minutes(from) : w.noPunkter(from)}\n`);
        return EXIT_USAGE;
      }
      text = result.text;
      decisions = result.decisions.length;
    }
    const output = stringOption(options, 'output');
    if (output === undefined) io.out(text);
    else {
      try {
        // A new file only: an existing one (the dagsorden itself, or yesterday's referat) is never overwritten.
        await fsp.writeFile(output, text, { flag: 'wx' });
      } catch (error) {
        const failed = failure(error);
        const code = errorCode(error);
        io.err(`referat: ${code === 'EEXIST' ? w.exists(output) : w.cannotWrite(output, failed.reason === 'other' ? (failed.detail ?? code) : readFailureText(words, failed))}\n`);
        return EXIT_USAGE;
      }
      io.err(`referat: ${w.written(output, decisions)}\n`);
    }
    return config.invalid ? EXIT_USAGE : EXIT_OK;
  },
};

/** The command table. */
const COMMANDS: readonly Command[] = [lintCommand, outlineCommand, reportCommand, newCommand];

function mainUsage(words: CliMessages): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const commands = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary(words)}`).join('\n');
  return words.cli.usage.replace('{commands}', commands).replace('{patterns}', SUFFIX_LIST);
}

function usageError(io: Io, words: CliMessages, message: string, command?: string): number {
  const prefix = command === undefined ? 'referat' : `referat ${command}`;
  const help = command === undefined ? 'referat --help' : `referat ${command} --help`;
  io.err(`${prefix}: ${message}\n${words.cli.seeHelp(help)}\n`);
  return EXIT_USAGE;
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  // The language of everything printed, even a usage error: --locale wherever it stands.
  const locale: Locale = readLocale(localeArgument(argv)) ?? 'da';
  const words = cliMessages(locale);
  // "referat --locale en lint …": a --locale before the command is the command's too.
  let args = argv;
  if (args[0] === '--locale') args = args.slice(2);
  else if (args[0]?.startsWith('--locale=') === true) args = args.slice(1);
  if (args !== argv && args.length > 0 && !args.includes('--')) args = [...args, `--locale=${localeArgument(argv) ?? ''}`];
  const [first, ...rest] = args;
  if (first === undefined) {
    io.err(`${mainUsage(words)}\n`);
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.out(`${topic?.usage(words) ?? mainUsage(words)}\n`);
    return EXIT_OK;
  }
  if (first === '--version') {
    io.out(`${VERSION}\n`);
    return EXIT_OK;
  }
  if (first.startsWith('-')) return usageError(io, words, words.cli.unknownOption(first));
  const command = COMMANDS.find((c) => c.name === first);
  if (command === undefined) return usageError(io, words, words.cli.unknownCommand(first));
  const parsed = parseArgs(rest, command.options, words.cli);
  if (!parsed.ok) return usageError(io, words, parsed.error, command.name);
  if (parsed.options.has('help')) {
    io.out(`${command.usage(words)}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(parsed.options, parsed.positionals, io, locale);
  } catch (error) {
    // A bug must still end with a message and exit code 2, not a bare stack trace.
    io.err(`referat: ${serviceMessages(locale).internalError(`referat ${command.name}`, describeError(error))}\n`);
    return EXIT_USAGE;
  }
}

/** Runs as a program: the process's arguments, stdout and stderr, and its exit code. */
export function runAsProgram(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // A closed pipe (`referat outline … | head`) is not an error worth a stack trace.
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
    throw error;
  });
  void main(process.argv.slice(2), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  }).then((code) => {
    process.exitCode = code;
  });
}

// Only as a program (node dist/cli.js), not when a test imports main().
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) runAsProgram();
