// The `referat` command line: argument handling, the command table and I/O.
// The work itself is in pure modules (cli/outline.ts, the parser).
import { parseArgs, type OptionSpec } from './cli/args';
import { expandArguments, readTextFile, REFERAT_SUFFIXES } from './cli/files';
import { buildOutline, renderJson, renderText, type Outline } from './cli/outline';
import { parseReferat } from './parser/parse';
import { VERSION } from './version';

const EXIT_OK = 0;
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
const SUFFIX_LIST = REFERAT_SUFFIXES.map((s) => `*${s}`).join(', ');

const outlineCommand: Command = {
  name: 'outline',
  summary: 'Vis mødets opbygning: udvalg, dato, medlemmer, punkter og afsnit',
  usage: [
    'Brug: referat outline [--format json|text] FIL|MAPPE …',
    '',
    'Viser udvalg, mødedato, medlemmer, indholdsfortegnelse og punkterne med',
    'sagsnumre og afsnit.',
    '',
    'Tilvalg:',
    '  --format json|text  Uddataformat (standard: json). JSON-positioner er',
    '                      0-baserede LSP-positioner; tekst viser linjenumre fra 1.',
    '  -h, --help          Vis denne hjælp',
    '',
    'Én fil giver ét JSON-objekt; flere filer eller en mappe giver en JSON-liste.',
    `Mapper gennemsøges rekursivt efter ${SUFFIX_LIST}.`,
  ].join('\n'),
  options: [{ name: 'format', values: ['json', 'text'] }, HELP_OPTION],
  run(options, positionals, io) {
    if (positionals.length === 0) return usageError(io, 'ingen filer angivet', this.name);
    let exit = EXIT_OK;
    const report = (message: string): void => {
      io.err(`referat: ${message}\n`);
      exit = EXIT_USAGE;
    };
    const { files, errors, sawDirectory } = expandArguments(positionals);
    errors.forEach(report);
    const outlines: Outline[] = [];
    for (const file of files) {
      const read = readTextFile(file);
      if (!read.ok) {
        report(read.error);
        continue;
      }
      for (const warning of read.warnings) io.err(`referat: ${warning}\n`);
      try {
        outlines.push(buildOutline(file, parseReferat(read.text)));
      } catch (error) {
        report(`intern fejl ved behandling af '${file}': ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    // One object for exactly one argument that is not a directory; otherwise always a list.
    const single = positionals.length === 1 && !sawDirectory;
    if (options.get('format') === 'text') {
      if (outlines.length > 0) io.out(renderText(outlines));
    } else if (!single || outlines.length === 1) {
      io.out(renderJson(outlines, single));
    }
    return exit;
  },
};

/** The command table: add `lint` here. */
const COMMANDS: readonly Command[] = [outlineCommand];

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
    'Afslutningskoder: 0 i orden; 2 ved forkert brug eller en fil, der ikke kan læses.',
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
