// Issue 13: minutes under any file name. A .txt or .md file is minutes when the parser
// finds punkter with case numbers or section headings in its head (parser/sniff.ts);
// the CLI's folder walk and the workspace index take it then, and leave other .txt and
// .md files alone. include and exclude globs add and drop files; a file named on the
// command line is always read.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandArguments } from '../../server/src/cli/files';
import { main } from '../../server/src/cli/main';
import { cliMessages } from '../../server/src/l10n/cli';
import { sniffMinutes } from '../../server/src/parser/sniff';

const ROOT = path.resolve(__dirname, '../..');
const fixtures = (d: string): string[] =>
  fs
    .readdirSync(path.join(ROOT, d))
    .filter((f) => /\.referat(\.txt|\.md)?$/.test(f))
    .map((f) => path.join(ROOT, d, f));

/** Text files that are no minutes: our own docs (the rule pages show minutes in code fences), notes, code. */
const NOT_MINUTES: readonly [string, string][] = [
  ...['README.md', 'CONTRIBUTING.md', 'docs/configuration.md', 'docs/performance.md', 'docs/reliability.md'].map((f) => [f, fs.readFileSync(path.join(ROOT, f), 'utf8')] as [string, string]),
  ...fs.readdirSync(path.join(ROOT, 'docs/rules')).map((f) => [`docs/rules/${f}`, fs.readFileSync(path.join(ROOT, 'docs/rules', f), 'utf8')] as [string, string]),
  ['indkøb', 'Husk til mødet\n\n1. Kaffe\n2. Kage\n3. Mælk\n'],
  ['mødenoter', 'Møde med Økonomiudvalget\n\nVi talte om budgettet. Beslutning: vi mødes igen.\n'],
  ['kode', 'export function f(): number {\n  return 1;\n}\n'],
  ['tom', ''],
];

describe('sniffMinutes', () => {
  it.each([...fixtures('test/fixtures/corpus'), ...fixtures('test/fixtures/dialects')].map((f) => [path.relative(ROOT, f)]))('%s is minutes', (file) => {
    const s = sniffMinutes(fs.readFileSync(path.join(ROOT, file), 'utf8'));
    expect(s.minutes, s.evidence).toBe(true);
  });

  it.each(NOT_MINUTES.map(([name, text]) => [name, text]))('%s is no minutes', (_name, text) => {
    const s = sniffMinutes(text);
    expect(s.minutes, s.evidence).toBe(false);
  });
});

describe('a folder of minutes with ordinary names', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-bycontent-'));
  const corpus = fixtures('test/fixtures/corpus');
  beforeAll(() => {
    fs.copyFileSync(corpus[0] as string, path.join(dir, 'Referat ØU 14-05-2024.txt'));
    fs.copyFileSync(corpus[4] as string, path.join(dir, 'dagsorden.md'));
    fs.copyFileSync(corpus[1] as string, path.join(dir, 'navngivet.referat'));
    fs.writeFileSync(path.join(dir, 'noter.txt'), 'Husk at booke lokalet.\n');
    fs.writeFileSync(path.join(dir, 'README.md'), fs.readFileSync(path.join(ROOT, 'docs/rules/missing-section.md')));
    fs.mkdirSync(path.join(dir, 'arkiv'));
    fs.copyFileSync(corpus[2] as string, path.join(dir, 'arkiv', 'gammelt.txt'));
    fs.writeFileSync(path.join(dir, 'arkiv', 'tom.tekst'), fs.readFileSync(corpus[3] as string));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const names = (files: readonly string[]): string[] => files.map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();

  it('the walk takes *.referat* by name and .txt/.md by content, and leaves the other text files alone', async () => {
    const e = await expandArguments([dir], cliMessages('da'));
    expect(names(e.files)).toEqual(['Referat ØU 14-05-2024.txt', 'arkiv/gammelt.txt', 'dagsorden.md', 'navngivet.referat']);
    expect(e.errors).toEqual([]);
  });

  it('include globs take any name; exclude globs drop files, by name or content', async () => {
    const e = await expandArguments([dir], cliMessages('da'), () => ({ include: ['arkiv/*.tekst'], exclude: ['arkiv/*.txt', '**/dagsorden.md'] }));
    expect(names(e.files)).toEqual(['Referat ØU 14-05-2024.txt', 'arkiv/tom.tekst', 'navngivet.referat']);
  });

  it('referat lint DIR lints the minutes and exits as usual; a file named on the command line is always read', async () => {
    let err = '';
    let out = '';
    const code = await main(['lint', dir], { out: (t) => (out += t), err: (t) => (err += t) });
    expect([0, 1]).toContain(code);
    expect(err).toMatch(/^4 fil\(er\)/m);
    expect(out).not.toContain('noter.txt');
    out = '';
    err = '';
    expect(await main(['lint', path.join(dir, 'noter.txt')], { out: (t) => (out += t), err: (t) => (err += t) })).toBe(0);
    expect(err).toMatch(/^1 fil\(er\)/m);
  });

  it('the folder’s .referatrc.json include and exclude globs steer referat lint DIR', async () => {
    fs.writeFileSync(path.join(dir, '.referatrc.json'), JSON.stringify({ include: ['arkiv/*.tekst'], exclude: ['arkiv/*.txt'] }));
    let err = '';
    await main(['lint', '--format', 'json', dir], { out: (t) => (err += t), err: () => undefined });
    const files = (JSON.parse(err) as { file: string }[]).map((r) => path.relative(dir, r.file).split(path.sep).join('/')).sort();
    expect(files).toEqual(['Referat ØU 14-05-2024.txt', 'arkiv/tom.tekst', 'dagsorden.md', 'navngivet.referat']);
    fs.rmSync(path.join(dir, '.referatrc.json'));
  });

  it('a folder without minutes says so and exits 2', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-nominutes-'));
    fs.writeFileSync(path.join(empty, 'noter.txt'), 'Ingen referater her.\n');
    let err = '';
    expect(await main(['lint', empty], { out: () => undefined, err: (t) => (err += t) })).toBe(2);
    expect(err).toMatch(/ingen referater i mappen/);
    fs.rmSync(empty, { recursive: true, force: true });
  });
});
