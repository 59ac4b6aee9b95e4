// Arbitraries for the property tests and the long fuzz run (issue 12): strings biased
// to what breaks a line-based parser (huge lines, NUL, lone surrogates, every kind of
// line break, a BOM, mojibake), documents built from the lines the dialect tables say
// systems write (each row's `example`, renumbered), thousands of punkter, and mutations
// of the corpus and the dialect fixtures (lines deleted, duplicated, swapped, headings
// spliced in from elsewhere, mojibake, line endings switched, the text cut short).
// Plain fast-check: no vitest here, so that test/fuzz/long.ts can use the same ones.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { PROFILE_IDS, type ProfileId } from '../../server/src/config/profiles';
import type { Locale } from '../../server/src/l10n/locale';
import type { Section } from '../../server/src/model';
import { CASE_NUMBER_SHAPES } from '../../server/src/parser/dialect/caseNumbers';
import { DEBRIS_PATTERNS, DEBRIS_PHRASES } from '../../server/src/parser/dialect/debris';
import { DECISION_FORMS } from '../../server/src/parser/dialect/decisions';
import { FIELD_LABELS } from '../../server/src/parser/dialect/fields';
import { HEADER_LABELS, KIND_SIGNALS, TOC_GROUPS, TOC_HEADINGS } from '../../server/src/parser/dialect/header';
import { PUNKT_FORMS, type PunktForm } from '../../server/src/parser/dialect/punktForms';
import { SECTION_ROWS } from '../../server/src/parser/dialect/sections';
import { parseReferat } from '../../server/src/parser/parse';

// ---------------------------------------------------------------------------
// Characters and line breaks

/** What LSP and the parser count as a line break. */
export const LINE_BREAKS = ['\n', '\r\n', '\r'] as const;
/** Breaks a parser might wrongly count (JavaScript's /^$/m, Unicode line separators), or not: \v, \f, LS, PS, NEL. */
export const ODD_BREAKS = ['\v', '\f', '\u2028', '\u2029', '\u0085'] as const;

/** Single characters that parsers trip over. */
const NASTY_CHARS = [
  '\0', '\t', '\v', '\f', '\r', '\n', '\u0085', '\u2028', '\u2029', '\ufeff', '\u00a0', '\u200b', '\u202f', '\u3000',
  '\ud800', '\udbff', '\udc00', '\udfff', '\ufffd', '\uffff', '\u0300', '\u200d', '\u{1f431}', '\u{10ffff}',
  '#', '*', '_', '.', ':', ';', '-', '–', '•', '·', '▪', '(', ')', '[', ']', '/', '\\', '|', '<', '>', '!', '"', '§', ' ',
  '0', '1', '9', 'æ', 'ø', 'å', 'Æ', 'Ø', 'Å', 'Ã', '¸', '¦', '¥', 'é', 'ü', 'ß', 'İ', 'ſ', 'K',
] as const;

/** One UTF-16 code unit, any of them (lone surrogates included). */
export const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

export const nastyChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NASTY_CHARS) },
  { weight: 3, arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ     ') },
  { weight: 2, arbitrary: anyCodeUnit },
);

/** A short string of nasty characters. */
export const nastyString = (maxLength = 40): fc.Arbitrary<string> => fc.string({ unit: nastyChar, maxLength });

/** Mojibake as exports write it: UTF-8 read as Latin-1 or Windows-1252, replacement characters. */
export const MOJIBAKE = ['Ã¸', 'Ã¦', 'Ã¥', 'Ã˜', 'Ã†', 'Ã…', 'Ã', 'Â ', 'â€“', 'â€', '\ufffd', '\ufffd\ufffd', 'Ã©', 'Ã¼'] as const;
export const mojibake = fc.constantFrom(...MOJIBAKE);

// ---------------------------------------------------------------------------
// Lines from the dialect tables

/** The example's heading lines with its number replaced by n (everywhere it stands alone as a number). */
function renumber(form: PunktForm, n: number): string[] {
  const re = new RegExp(`(?<!\\d)${form.example.number}(?!\\d)`, 'g');
  return form.example.lines.map((l) => l.replace(re, String(n)));
}

const SECTION_NAMES = SECTION_ROWS.flatMap((r) => r.names);
const FIELD_EXAMPLES = FIELD_LABELS.map((f) => f.example);
const HEADER_EXAMPLES = [...HEADER_LABELS.map((l) => l.example), ...KIND_SIGNALS.map((k) => k.example)];
const DEBRIS_LINES = [...DEBRIS_PHRASES.map((p) => p.text), ...DEBRIS_PATTERNS.map((p) => p.example)];
const TOC_HEADING_TEXTS = TOC_HEADINGS.map((t) => t.text);
const TITLES = ['Godkendelse af dagsorden', 'Budget 2025', 'Lokalplan nr. 12 for Byen', 'Orientering', 'Lukket: Køb af jord', 'Kunstgræsbane (B)', 'Årsregnskab', '', ' ', 'X'];

/** Whitespace that is, or is almost, a space. */
const oddSpace = fc.constantFrom('', ' ', '  ', '\t', ' \t ', '\u00a0', '\u200b', '\u3000', '\ufeff', '    ');

/** Case numbers of every shape the tables know, and near misses. */
export const caseNumber: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...CASE_NUMBER_SHAPES.map((s) => s.example), '24/1001', '00.01.00-A00-1-24', '2024-001234', '24/', '/1001', '00.01.00-', '99.99.99-Z99-9999999-99', '0'.repeat(40)),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 9999999 })).map(([y, n]) => `${String(y).padStart(2, '0')}/${n}`),
  fc
    .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.constantFrom('A', 'G', 'P', 'Æ', 'x'), fc.integer({ min: 0, max: 99 }), fc.nat(99999), fc.integer({ min: 0, max: 99 }))
    .map(([a, b, c, f, d, n, y]) => [a, b, c].map((x) => String(x).padStart(2, '0')).join('.') + `-${f}${String(d).padStart(2, '0')}-${n}-${String(y).padStart(2, '0')}`),
  fc.tuple(fc.integer({ min: 1990, max: 2099 }), fc.nat(999999)).map(([y, n]) => `${y}-${String(n).padStart(6, '0')}`),
);

/** A punkt heading of any table form (its example renumbered), possibly in Markdown or bold. */
export const punktHeading: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...PUNKT_FORMS), fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 99999 })), fc.constantFrom('', '', '', '## ', '# ', '**', '###### ', '####### ', '#\t'), oddSpace)
  .map(([form, n, deco, space]) => {
    const lines = renumber(form, n);
    const first = deco === '**' ? `**${lines[0] ?? ''}**` : `${deco}${lines[0] ?? ''}`;
    return [space + first, ...lines.slice(1)].join('\n');
  });

/** A section heading as printed, in UPPER CASE, with a colon, a bullet, Markdown or bold, or with its text on the line. */
export const sectionHeading: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...SECTION_NAMES, ...DECISION_FORMS.map((f) => f.example)), fc.nat(7), oddSpace, fc.constantFrom('', ':', ' :', '.', ': Godkendt.', ' Tilbagesendes til fornyet behandling'))
  .map(([name, style, space, tail]) => {
    const n = [name, name.toUpperCase(), name.toLowerCase(), `• ${name}`, `## ${name}`, `**${name}**`, `###${space}${name}`, `${name}${name}`][style] as string;
    return `${space}${n}${tail}`;
  });

/** A Markdown heading with odd whitespace: too many #s, tabs, none, closing #s. */
export const markdownHeading: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 9 }), oddSpace, fc.constantFrom(...TITLES, ...SECTION_NAMES.slice(0, 8), 'Punkt 1: Budget'), oddSpace, fc.constantFrom('', ' #', ' ##', '#', ' **'))
  .map(([n, before, text, after, close]) => `${before}${'#'.repeat(n)}${after}${text}${close}`);

/** A table-of-contents line: a title, dot leaders (or tabs) and a page number. */
export const tocLine: fc.Arbitrary<string> = fc
  .tuple(fc.option(fc.integer({ min: 0, max: 400 })), fc.constantFrom(...TITLES), fc.constantFrom('.', '. ', '…', '_', '\t', ' '), fc.nat(200), fc.option(fc.integer({ min: 0, max: 9999 })))
  .map(([n, title, dot, count, page]) => `${n !== null ? `${n}. ` : ''}${title}${dot.repeat(count)}${page !== null ? page : ''}`);

/** One line (or a heading with its title line) a referat might hold. */
export const referatLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: punktHeading },
  { weight: 6, arbitrary: sectionHeading },
  { weight: 4, arbitrary: caseNumber },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...FIELD_EXAMPLES), caseNumber).map(([f, c]) => `${f.slice(0, f.indexOf(':') + 1)} ${c}`) },
  { weight: 2, arbitrary: fc.constantFrom(...FIELD_EXAMPLES) },
  { weight: 2, arbitrary: fc.constantFrom(...HEADER_EXAMPLES) },
  { weight: 2, arbitrary: fc.constantFrom(...TOC_HEADING_TEXTS, ...TOC_GROUPS) },
  { weight: 3, arbitrary: tocLine },
  { weight: 2, arbitrary: markdownHeading },
  { weight: 2, arbitrary: fc.constantFrom(...DEBRIS_LINES) },
  { weight: 3, arbitrary: fc.constantFrom('', '', '', ' ', '\t') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'Godkendt.', 'Taget til efterretning.', 'Direktøren indstiller, at', 'at budgettet godkendes.', 'At 1) at årsregnskabet godkendes',
      'Fraværende: Peter Svane (D)', 'Afbud: Anne Holm (A), Bent Lund (V)', 'Mødedeltagere Peter Svane (D), Martin Clausen (A)',
      '1. første', '2) anden', '- punkt', '* punkt', '[link](#)', '[]()', '<!-- referat-disable -->', '<!-- referat-disable-next-line missing-section -->',
      '<!-- referat-enable -->', '<!-- referat-disable ukendt-regel -->', 'REFERAT Økonomiudvalget d. 14-05-2024', 'Mødedato Tirsdag d. 14. maj 2024 kl. 12:00',
      'Tirsdag den 31-02-2024', 'BilagBeslutning', 'IndstillingBeslutning', 'Kopier link til punktet - Print', 'Vi bruger cookies. Accepter alle.',
    ),
  },
  { weight: 3, arbitrary: nastyString(60) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...TITLES), mojibake, fc.constantFrom(...TITLES)).map(([a, m, b]) => a + m + b) },
);

/** A line break: mostly one kind per document, sometimes mixed, sometimes an odd one. */
const lineBreak = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...LINE_BREAKS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_BREAKS) }, { weight: 1, arbitrary: fc.constantFrom('\n\r', '\r\r\n', '\n\n') });

/** Lines joined by one break, or by a break chosen per line. */
function joinLines(lines: readonly string[], eol: string, mixed: readonly string[] | null): string {
  if (mixed === null || mixed.length === 0) return lines.join(eol);
  let out = '';
  lines.forEach((l, i) => {
    out += i === 0 ? l : (mixed[i % mixed.length] as string) + l;
  });
  return out;
}

/** Documents from the tables' lines, with a BOM or not, one line break or many. */
export const referatDocument = (maxLines = 60): fc.Arbitrary<string> =>
  fc
    .tuple(fc.array(referatLine, { maxLength: maxLines }), lineBreak, fc.option(fc.array(lineBreak, { minLength: 1, maxLength: 5 }), { freq: 4 }), fc.boolean(), fc.constantFrom('', '', '\n', '\r\n', '\r'))
    .map(([lines, eol, mixed, bom, end]) => (bom ? '\ufeff' : '') + joinLines(lines, eol, mixed) + end);

/** Entirely raw strings of nasty characters (and some BOMs and breaks). */
export const rawDocument = (maxLength = 400): fc.Arbitrary<string> =>
  fc.oneof(fc.string({ unit: nastyChar, maxLength }), fc.string({ unit: fc.oneof(nastyChar, fc.constantFrom(...LINE_BREAKS, ...ODD_BREAKS, '\ufeff')), maxLength }), fc.string({ unit: 'binary', maxLength }));

/** A huge line: one unit repeated thousands of times, alone or in a small document. */
export const hugeLineDocument = (maxRepeat = 20000): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom('a', ' ', '\t', '.', '#', '*', '\0', '\ud800', 'Ã¸', 'Punkt 1: ', '24/1001 ', 'Beslutning ', '. . ', '1. ', '[', '](', '<!-- ', 'æøå', 'x\v', '\u2028'),
      fc.integer({ min: 100, max: maxRepeat }),
      fc.constantFrom('', 'Punkt 1: Budget\n\n', 'Referat\n\nIndholdsfortegnelse\n'),
      fc.constantFrom('', '\n\nBeslutning\nGodkendt.\n', '\r\n'),
    )
    .map(([unit, n, before, after]) => before + unit.repeat(n) + after);

/** Thousands of punkter, each with a case number and sections, of one heading form or several. */
export const manyPunkterDocument = (maxPunkter = 3000): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.integer({ min: 200, max: maxPunkter }),
      fc.array(fc.constantFrom(...PUNKT_FORMS), { minLength: 1, maxLength: 3 }),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.boolean(),
      fc.nat(),
    )
    .map(([count, forms, eol, toc, salt]) => {
      const lines: string[] = ['REFERAT Økonomiudvalget d. 14-05-2024', ''];
      if (toc) {
        lines.push('Indholdsfortegnelse', '');
        for (let n = 1; n <= Math.min(count, 500); n++) lines.push(`${n}. Titel ${n}${'.'.repeat(10)}${n + 1}`);
        lines.push('');
      }
      for (let n = 1; n <= count; n++) {
        const form = forms[(n + salt) % forms.length] as PunktForm;
        lines.push(...renumber(form, n), '', `${24}/${1000 + ((n * 7 + salt) % 9000)}`, '');
        // Now and then a section missing, a number skipped or repeated: work for the rules.
        if ((n + salt) % 5 !== 0) lines.push('Indstilling', '', 'Direktøren indstiller, at', 'at sagen godkendes.', '');
        if ((n + salt) % 7 !== 0) lines.push('Beslutning', '', 'Godkendt.', '');
        if ((n + salt) % 11 === 0) lines.push('Bilag', '', `Bilag ${n}.pdf`, '');
      }
      return lines.join(eol);
    });

// ---------------------------------------------------------------------------
// Fixtures and mutations

/** The repository root: the nearest folder above this file that has test/fixtures/corpus. */
function findRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'test', 'fixtures', 'corpus'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

export const ROOT = findRoot();

function referatFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? referatFiles(p) : /\.referat(?:\.txt|\.md)?$/.test(f) ? [p] : [];
    });
}

export interface Fixture {
  name: string;
  text: string;
}

/** The corpus, the dialect fixtures and the rule fixtures, as the property tests mutate them. */
export const FIXTURES: readonly Fixture[] = [join(ROOT, 'test', 'fixtures', 'corpus'), join(ROOT, 'test', 'fixtures', 'dialects'), join(ROOT, 'test', 'fixtures', 'rules')].flatMap((dir) =>
  referatFiles(dir).map((f) => ({ name: f.slice(ROOT.length + 1), text: readFileSync(f, 'utf8') })),
);

/** The small fixtures (dialects, rules): cheaper to mutate many times. */
export const SMALL_FIXTURES: readonly Fixture[] = FIXTURES.filter((f) => f.text.length <= 8000);

/** Heading lines the parser found in the fixtures (punkt, section, TOC, case numbers): material to splice in elsewhere. */
export const FIXTURE_HEADINGS: readonly string[] = (() => {
  const out = new Set<string>();
  for (const f of FIXTURES) {
    const lines = f.text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
    const m = parseReferat(f.text);
    const take = (line: number): void => {
      const l = lines[line];
      if (l !== undefined && l.trim() !== '') out.add(l);
    };
    const visit = (s: Section): void => {
      take(s.headingRange.start.line);
      s.children.forEach(visit);
    };
    if (m.toc !== null) take(m.toc.heading.range.start.line);
    for (const p of m.punkter) {
      take(p.headingRange.start.line);
      for (const c of p.caseNumbers) take(c.range.start.line);
      p.sections.forEach(visit);
    }
  }
  return [...out].sort();
})();

export type Mutation =
  | { op: 'delete'; at: number; count: number }
  | { op: 'duplicate'; at: number; count: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'splice'; at: number; line: string }
  | { op: 'mojibake'; at: number; text: string }
  | { op: 'latin1'; }
  | { op: 'replace-letters'; which: number }
  | { op: 'eol'; to: string; every: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'indent'; at: number; count: number; prefix: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('splice' as const), at: fc.nat(), line: fc.oneof(fc.constantFrom(...FIXTURE_HEADINGS), referatLine) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('mojibake' as const), at: fc.nat(), text: fc.oneof(mojibake, nastyString(4)) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('latin1' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('replace-letters' as const), which: fc.nat(5) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('eol' as const), to: fc.constantFrom<string>(...LINE_BREAKS, ...ODD_BREAKS), every: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(nastyString(8), fc.constantFrom(...LINE_BREAKS, '\ufeff', '\0', '\ud800', '## ', '**')) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('indent' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 30 }), prefix: fc.constantFrom('  ', '\t', '## ', '> ', '• ', '**', '\u00a0') }) },
);

/** Lines with the break that ends each (the last has ''). */
interface Split {
  lines: string[];
  breaks: string[];
}

function split(text: string): Split {
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines: string[] = [];
  const breaks: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    lines.push(parts[i] as string);
    breaks.push(parts[i + 1] ?? '');
  }
  return { lines, breaks };
}

function join2(s: Split): string {
  let out = '';
  for (let i = 0; i < s.lines.length; i++) out += (s.lines[i] as string) + (s.breaks[i] ?? '');
  return out;
}

const LETTERS_MOJIBAKE: readonly [string, string][] = [['ø', 'Ã¸'], ['æ', 'Ã¦'], ['å', 'Ã¥'], ['Ø', 'Ã˜'], ['Æ', 'Ã†'], ['å', '\ufffd']];

/** The text with one mutation applied; positions are taken modulo the text's size. */
export function mutate(text: string, m: Mutation): string {
  switch (m.op) {
    case 'latin1':
      return Buffer.from(text, 'utf8').toString('latin1');
    case 'replace-letters': {
      const [from, to] = LETTERS_MOJIBAKE[m.which % LETTERS_MOJIBAKE.length] as [string, string];
      return text.split(from).join(to);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'mojibake':
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    default:
      break;
  }
  const s = split(text);
  const n = s.lines.length;
  const eol = s.breaks.find((b) => b !== '') ?? '\n';
  switch (m.op) {
    case 'delete': {
      const at = m.at % n;
      s.lines.splice(at, m.count);
      s.breaks.splice(at, m.count);
      if (s.lines.length === 0) return '';
      s.breaks[s.breaks.length - 1] = '';
      return join2(s);
    }
    case 'duplicate': {
      const at = m.at % n;
      const lines = s.lines.slice(at, at + m.count);
      const breaks = s.breaks.slice(at, at + m.count).map((b) => (b === '' ? eol : b));
      s.lines.splice(at, 0, ...lines);
      s.breaks.splice(at, 0, ...breaks);
      return join2(s);
    }
    case 'swap': {
      const a = m.a % n;
      const b = m.b % n;
      const la = s.lines[a] as string;
      s.lines[a] = s.lines[b] as string;
      s.lines[b] = la;
      return join2(s);
    }
    case 'splice': {
      const at = m.at % (n + 1);
      s.lines.splice(at, 0, ...m.line.split('\n'));
      s.breaks.splice(at, 0, ...m.line.split('\n').map(() => eol));
      return join2(s);
    }
    case 'eol': {
      s.breaks = s.breaks.map((b, i) => (b !== '' && i % m.every === 0 ? m.to : b));
      return join2(s);
    }
    case 'indent': {
      const at = m.at % n;
      for (let i = at; i < Math.min(n, at + m.count); i++) s.lines[i] = m.prefix + (s.lines[i] as string);
      return join2(s);
    }
  }
}

/** A fixture with a few mutations, one after another. */
export const mutatedFixture = (fixtures: readonly Fixture[] = FIXTURES, maxMutations = 6): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: maxMutations })).map(([f, ms]) => ms.reduce(mutate, f.text));

/** Any document: built from table lines, raw, huge, thousands of punkter, or a mutated fixture. */
export const anyDocument = (scale: 'short' | 'long'): fc.Arbitrary<string> =>
  scale === 'short'
    ? fc.oneof(
        { weight: 10, arbitrary: referatDocument(40) },
        { weight: 4, arbitrary: rawDocument(200) },
        { weight: 1, arbitrary: hugeLineDocument(5000) },
        { weight: 1, arbitrary: manyPunkterDocument(400) },
      )
    : // The long run: big documents rarely (they cost a hundred small ones); the size probe covers growth.
      fc.oneof(
        { weight: 150, arbitrary: referatDocument(80) },
        { weight: 60, arbitrary: rawDocument(600) },
        { weight: 2, arbitrary: hugeLineDocument(20000) },
        { weight: 1, arbitrary: manyPunkterDocument(1500) },
      );

// ---------------------------------------------------------------------------
// Edits (the incremental parser) and positions (the providers)

export interface Edit {
  at: number;
  deleteCount: number;
  text: string;
}

/** Text an edit may type: a character, a line break, a heading or a case number, mojibake. */
const editText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('x', 'æ', ' ', ':', '.', '#', '1', '\t', '*') },
  { weight: 3, arbitrary: fc.constantFrom('', '\n', '\n\n', '\r\n', '\r', '\ufeff', '\ud800', '\u2028') },
  { weight: 3, arbitrary: referatLine.map((l) => `\n${l}\n`) },
  { weight: 2, arbitrary: referatLine },
  { weight: 1, arbitrary: nastyString(6) },
);

export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  deleteCount: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 1, max: 3 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }) }),
  text: editText,
});

/** The text with the edit applied (its position taken modulo the text's size). */
export function applyEdit(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.text + text.slice(Math.min(text.length, at + e.deleteCount));
}

/** A request position: a line and character chosen modulo the document, or one past its end. */
export interface PositionPick {
  line: number;
  character: number;
  /** Taken as is, past the end of the document (a stale request). */
  wild: boolean;
  /** Near something the model found (a heading, a case number) instead of anywhere. */
  nearModel: boolean;
}

export const positionPick: fc.Arbitrary<PositionPick> = fc.record({
  line: fc.nat(),
  character: fc.nat(),
  wild: fc.nat(9).map((n) => n === 0),
  nearModel: fc.boolean(),
});

/** The configuration to check under: mostly the default; a profile, English, the optional dialects. */
export const fuzzConfig: fc.Arbitrary<{ profile: ProfileId | null; locale: Locale; dialects: boolean }> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ profile: null, locale: 'da' as Locale, dialects: false }) },
  { weight: 1, arbitrary: fc.record({ profile: fc.constantFrom<ProfileId | null>(null, ...PROFILE_IDS), locale: fc.constantFrom<Locale>('da', 'en'), dialects: fc.boolean() }) },
);
