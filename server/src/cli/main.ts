// The `referat` command line: argument handling, the command table and I/O.
// The work itself is in pure modules (cli/outline.ts, the parser).
import { parseArgs, type OptionSpec } from './args';
import { CliConfig } from './config';
import { expandArguments, readTextFile, REFERAT_SUFFIXES } from './files';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { renderLintJson, renderLintText, renderSarif, summaryLine, type FileResult } from './lint';
import { buildOutline, renderJson, renderText, type Outline } from './outline';
import { parseReferat } from '../parser/parse';
import { applyEdits, lint, type LintDiagnostic } from '../rules/engine';
import { RULES } from '../rules/registry';
import type { Locale } from '../l10n/locale';
import { VERSION } from '../version';

const EXIT_OK = 0;
/** Lint found at least one error. */
const EXIT_FINDINGS = 1;
/** Usage errors, and input that could not be read or processed. */
const EXIT_USAGE = 2;

interface Io {
  out(text: string): void;
  err(text: string): void;
}

interface Command {
  name: string;
  summary: string;
  usage: string;
  options: readonly OptionSpec[];
  run(options: ReadonlyMap<string, string | true>, positionals: readonly string[], io: Io): number;
}

const HELP_OPTION: OptionSpec = { name: 'help', alias: 'h' };
const CONFIG_OPTION: OptionSpec = { name: 'config', value: 'FIL' };

function stringOption(options: ReadonlyMap<string, string | true>, name: string): string | undefined {
  const value = options.get(name);
  return typeof value === 'string' ? value : undefined;
}
const SUFFIX_LIST = REFERAT_SUFFIXES.map((s) => `*${s}`).join(', ');

const outlineCommand: Command = {
  name: 'outline',
  summary: 'Vis mødets opbygning: udvalg, dato, medlemmer, punkter og afsnit',
  usage: [
    'Brug: referat outline [--format json|text] [--config FIL] FIL|MAPPE …',
    '',
    'Viser udvalg, mødedato, medlemmer, indholdsfortegnelse og punkterne med',
    'sagsnumre og afsnit.',
    '',
    'Tilvalg:',
    '  --format json|text  Uddataformat (standard: json). JSON-positioner er',
    '                      0-baserede LSP-positioner; tekst viser linjenumre fra 1.',
    '  --config FIL        Brug denne .referatrc.json (standard: den nærmeste over hver fil)',
    '  -h, --help          Vis denne hjælp',
    '',
    'Én fil giver ét JSON-objekt; flere filer eller en mappe giver en JSON-liste.',
    `Mapper gennemsøges rekursivt efter ${SUFFIX_LIST}.`,
  ].join('\n'),
  options: [{ name: 'format', values: ['json', 'text'] }, CONFIG_OPTION, HELP_OPTION],
  run(options, positionals, io) {
    if (positionals.length === 0) return usageError(io, 'ingen filer angivet', this.name);
    const config = new CliConfig((t) => io.err(t), stringOption(options, 'config'), undefined);
    const unreadable = config.check();
    if (unreadable !== null) return usageError(io, unreadable, this.name);
    let exit = EXIT_OK;
    const report = (message: string): void => {
      io.err(`referat: ${message}\n`);
      exit = EXIT_USAGE;
    };
    const { files, errors, sawDirectory } = expandArguments(positionals);
    errors.forEach(report);
    const outlines: Outline[] = [];
    forEachTextFile(files, io, report, (file, read) => {
      outlines.push(buildOutline(file, parseReferat(read.text, config.forFile(file).parseOptions)));
    });
    // One object for exactly one argument that is not a directory; otherwise always a list.
    const single = positionals.length === 1 && !sawDirectory;
    if (options.get('format') === 'text') {
      if (outlines.length > 0) io.out(renderText(outlines));
    } else if (!single || outlines.length === 1) {
      io.out(renderJson(outlines, single));
    }
    return config.invalid ? EXIT_USAGE : exit;
  },
};

// The rule docs ship beside the bundle: dist/../docs/rules.
const docsHref = (rule: string): string | undefined =>
  RULES.some((r) => r.id === rule) ? pathToFileURL(path.resolve(__dirname, '..', 'docs', 'rules', `${rule}.md`)).href : undefined;

/** Reads each file as text and hands it on; unreadable files and internal errors are reported, never thrown. */
function forEachTextFile(files: readonly string[], io: Io, report: (message: string) => void, each: (file: string, read: { text: string; encoding: string }) => void): void {
  for (const file of files) {
    const read = readTextFile(file);
    if (!read.ok) {
      report(read.error);
      continue;
    }
    for (const warning of read.warnings) io.err(`referat: ${warning}\n`);
    try {
      each(file, read);
    } catch (error) {
      report(`intern fejl ved behandling af '${file}': ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

const posKey = (p: { line: number; character: number }): number => p.line * 1e7 + p.character;

/**
 * Safe fixes, applied once. A finding is fixed only if none of its edits overlap a
 * finding already taken, so "rettet" lists exactly what changed.
 */
function fixText(text: string, found: readonly LintDiagnostic[]): { text: string; fixed: LintDiagnostic[] } {
  const spans = found
    .filter((d) => d.fix?.safe === true && d.fix.edits.length > 0)
    .map((d) => {
      const edits = d.fix?.edits ?? [];
      return { d, start: Math.min(...edits.map((e) => posKey(e.range.start))), end: Math.max(...edits.map((e) => posKey(e.range.end))) };
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const fixed: LintDiagnostic[] = [];
  let end = -1;
  for (const s of spans) {
    // Touching is fine (end === start), but two insertions at one point are not.
    if (s.start < end || (s.start === end && s.start === s.end)) continue;
    fixed.push(s.d);
    end = s.end;
  }
  if (fixed.length === 0) return { text, fixed };
  return { text: applyEdits(text, fixed.flatMap((d) => d.fix?.edits ?? [])).text, fixed };
}

const lintCommand: Command = {
  name: 'lint',
  summary: 'Tjek referater for fejl og mangler (regler, se docs/rules)',
  usage: [
    'Brug: referat lint [--format text|json|sarif] [--fix] [--locale da|en] [--config FIL] FIL|MAPPE …',
    '',
    'Tjekker hvert referat med alle regler og skriver fundene.',
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
    'der ikke kan læses, eller en ugyldig konfiguration (hver fejl nævner nøglen).',
  ].join('\n'),
  options: [
    { name: 'format', values: ['text', 'json', 'sarif'] },
    { name: 'locale', values: ['da', 'en'] },
    { name: 'fix' },
    CONFIG_OPTION,
    HELP_OPTION,
  ],
  run(options, positionals, io) {
    if (positionals.length === 0) return usageError(io, 'ingen filer angivet', this.name);
    const localeOption = options.get('locale') === 'en' ? 'en' : options.get('locale') === 'da' ? 'da' : undefined;
    const config = new CliConfig((t) => io.err(t), stringOption(options, 'config'), localeOption);
    const unreadable = config.check();
    if (unreadable !== null) return usageError(io, unreadable, this.name);
    let locale: Locale = localeOption ?? 'da';
    const format = options.get('format') ?? 'text';
    const fix = options.has('fix');
    let inputError = false;
    const report = (message: string): void => {
      io.err(`referat: ${message}\n`);
      inputError = true;
    };
    const { files, errors } = expandArguments(positionals);
    errors.forEach(report);
    const results: FileResult[] = [];
    forEachTextFile(files, io, report, (file, read) => {
      let text = read.text;
      const fileConfig = config.forFile(file);
      if (results.length === 0) locale = fileConfig.lintOptions.locale;
      let found = lint(text, parseReferat(text, fileConfig.parseOptions), fileConfig.lintOptions);
      if (fix) {
        if (read.encoding !== 'utf-8') {
          io.err(`referat: retter ikke '${file}': filen er ikke UTF-8\n`);
        } else {
          const { text: fixedText, fixed } = fixText(text, found);
          if (fixed.length > 0 && fixedText !== text) {
            const bom = hasUtf8Bom(file) ? '\ufeff' : '';
            writeAtomically(file, bom + fixedText);
            for (const d of fixed) {
              io.err(`rettet: ${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.rule} ${d.fix?.title ?? ''}\n`);
            }
            text = fixedText;
            found = lint(text, parseReferat(text, fileConfig.parseOptions), fileConfig.lintOptions);
          }
        }
      }
      results.push({ file, diagnostics: found });
    });
    if (format === 'json') io.out(renderLintJson(results));
    else if (format === 'sarif') {
      io.out(
        renderSarif(results, {
          version: VERSION,
          rules: RULES,
          locale,
          toUri: (f) => (path.isAbsolute(f) ? pathToFileURL(f).href : f.split(path.sep).map(encodeURIComponent).join('/')),
          helpUri: docsHref,
        }),
      );
    } else {
      io.out(renderLintText(results));
      if (results.length > 0) io.err(summaryLine(results, locale));
    }
    if (inputError || config.invalid) return EXIT_USAGE;
    return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? EXIT_FINDINGS : EXIT_OK;
  },
};

/** Writes beside the file and renames over it, so a failed write never leaves half a document. */
function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.referat-${process.pid}.tmp`;
  const mode = fs.statSync(file).mode;
  try {
    fs.writeFileSync(tmp, text, { encoding: 'utf8', mode });
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
}

function hasUtf8Bom(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(3);
      const n = fs.readSync(fd, head, 0, 3, 0);
      return n === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** The command table. */
const COMMANDS: readonly Command[] = [lintCommand, outlineCommand];

function mainUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Brug: referat <kommando> [tilvalg] FIL|MAPPE …',
    '',
    'Kommandoer:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Tilvalg:',
    '  -h, --help  Vis hjælp (også: referat <kommando> --help)',
    '  --version   Vis versionen',
    '',
    `Mapper gennemsøges rekursivt efter ${SUFFIX_LIST}.`,
    'Afslutningskoder: 0 i orden; 1 lint fandt fejl; 2 ved forkert brug eller en fil, der ikke kan læses.',
  ].join('\n');
}

function usageError(io: Io, message: string, command?: string): number {
  const prefix = command === undefined ? 'referat' : `referat ${command}`;
  const help = command === undefined ? 'referat --help' : `referat ${command} --help`;
  io.err(`${prefix}: ${message}\nSe '${help}'.\n`);
  return EXIT_USAGE;
}

export function main(argv: readonly string[], io: Io): number {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(`${mainUsage()}\n`);
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.out(`${topic?.usage ?? mainUsage()}\n`);
    return EXIT_OK;
  }
  if (first === '--version') {
    io.out(`${VERSION}\n`);
    return EXIT_OK;
  }
  if (first.startsWith('-')) return usageError(io, `ukendt tilvalg '${first}'`);
  const command = COMMANDS.find((c) => c.name === first);
  if (command === undefined) return usageError(io, `ukendt kommando '${first}'`);
  const parsed = parseArgs(rest, command.options);
  if (!parsed.ok) return usageError(io, parsed.error, command.name);
  if (parsed.options.has('help')) {
    io.out(`${command.usage}\n`);
    return EXIT_OK;
  }
  return command.run(parsed.options, parsed.positionals, io);
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // A closed pipe (`referat outline … | head`) is not an error worth a stack trace.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  throw error;
});

process.exitCode = main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
