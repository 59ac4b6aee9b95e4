// The CLI's adapter (cli/main.ts) called in this process: the commands, their output
// and exit codes, and the language of every line (cli.test.ts runs the bundle as a
// process; this one is what coverage sees).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.join(ROOT, 'test/fixtures/corpus');

const run = runCli;

describe('the CLI in process', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-cli-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lints a folder: one line per finding, a summary, exit 1 for errors', async () => {
    const r = await run('lint', CORPUS);
    expect(r.code).toBe(1);
    expect(r.out.split('\n').filter(Boolean).every((l) => /^.+:\d+:\d+ (error|warning|information|hint) [a-z-]+ /.test(l))).toBe(true);
    expect(r.err).toMatch(/^5 fil\(er\): \d+ fejl/m);
  });

  it('speaks English in every line with --locale en, before or after the command', async () => {
    for (const argv of [['lint', '--locale', 'en', CORPUS], ['--locale', 'en', 'lint', CORPUS]]) {
      const r = await run(...argv);
      expect(r.err).toMatch(/^5 file\(s\): \d+ error\(s\)/m);
      expect(r.out).toMatch(/ lacks the section | has no case number| is a level /);
      expect(r.out).not.toMatch(/ mangler afsnittet /);
    }
    const usage = await run('--locale', 'en', 'lint', '--bogus');
    expect(usage).toEqual({ code: 2, out: '', err: "referat lint: unknown option '--bogus'\nSee 'referat lint --help'.\n" });
    expect((await run('--locale=en', 'nonsense')).err).toBe("referat: unknown command 'nonsense'\nSee 'referat --help'.\n");
    expect((await run('--locale', 'en', '--help')).out).toMatch(/^Usage: referat <command>/);
    const outline = await run('outline', '--format', 'text', '--locale', 'en', path.join(CORPUS, 'vejen-2023-11-28.referat.txt'));
    expect(outline.out).toMatch(/\n {2}Document kind: referat\n {2}Committee: /);
    expect(outline.out).toMatch(/\(lines \d+-\d+\)/);
    expect(outline.out).not.toMatch(/linje|Udvalg:/);
  });

  it('writes JSON and SARIF', async () => {
    const json = JSON.parse((await run('lint', '--format', 'json', CORPUS)).out) as { file: string; diagnostics: unknown[] }[];
    expect(json).toHaveLength(5);
    const sarif = JSON.parse((await run('lint', '--format', 'sarif', CORPUS)).out) as { runs: { results: unknown[]; tool: { driver: { rules: { helpUri?: string }[] } } }[] };
    expect(sarif.runs[0]?.results.length).toBeGreaterThan(0);
    expect(sarif.runs[0]?.tool.driver.rules.every((r) => r.helpUri?.startsWith('file:') === true)).toBe(true);
    const outline = JSON.parse((await run('outline', path.join(CORPUS, 'vejen-2023-11-28.referat.txt'))).out) as { punkter: unknown[] };
    expect(outline.punkter).toHaveLength(10);
  });

  it('fixes the safe findings in place and says what it fixed', async () => {
    const file = path.join(dir, 'debris.referat.txt');
    const text = ['Referat', 'Økonomiudvalget 12-03-2024', '', 'Punkt 1: Budget', 'Sagsnr.: 24/1001', '', 'Indstilling', '', 'Godkendes.', '', 'Til toppen', '', 'Beslutning', '', 'Godkendt.', ''].join('\n');
    fs.writeFileSync(file, text);
    const r = await run('lint', '--fix', file);
    expect(r.err).toMatch(/^rettet: .*debris\.referat\.txt:11:1 export-debris /m);
    expect(fs.readFileSync(file, 'utf8')).not.toContain('Til toppen');
    expect(r.out).not.toContain('export-debris');
  });

  it('reports what cannot be used, with exit code 2', async () => {
    expect((await run()).code).toBe(2);
    expect(await run('lint')).toMatchObject({ code: 2, err: "referat lint: ingen filer angivet\nSe 'referat lint --help'.\n" });
    const missing = await run('lint', path.join(dir, 'nope.referat.txt'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/kan ikke læse fil '.*nope\.referat\.txt': findes ikke/);
    const empty = fs.mkdtempSync(path.join(dir, 'empty-'));
    expect((await run('lint', empty)).err).toMatch(/ingen referater i mappen '.+' \(filer med navnene \*\.referat, \*\.referat\.txt, \*\.referat\.md, \.txt- og \.md-filer, hvis indhold ligner et referat, eller Word- og PDF-filer med referat, dagsorden eller beslutningsprotokol i navnet\)/);
    expect((await run('lint', '--config', path.join(dir, 'nope.json'), CORPUS)).err).toMatch(/kan ikke læse konfigurationen/);
    expect((await run('lint', '--format', 'xml', CORPUS)).err).toMatch(/ugyldig værdi 'xml' til '--format' \(brug text eller json eller sarif\)/);
    expect((await run('lint', '--fix=yes', CORPUS)).err).toMatch(/tilvalget '--fix' tager ingen værdi/);
    expect((await run('--version')).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('reports an invalid configuration at its key and exits 2, in the chosen language', async () => {
    const cfgDir = fs.mkdtempSync(path.join(dir, 'cfg-'));
    fs.writeFileSync(path.join(cfgDir, '.referatrc.json'), '{ "rules": { "missing-sektion": "off" } }');
    fs.copyFileSync(path.join(CORPUS, 'vejen-2023-11-28.referat.txt'), path.join(cfgDir, 'a.referat.txt'));
    const da = await run('lint', cfgDir);
    expect(da.code).toBe(2);
    expect(da.err).toMatch(/\.referatrc\.json:1:\d+: ugyldig konfiguration "rules\.missing-sektion"/);
    const en = await run('lint', '--locale', 'en', cfgDir);
    expect(en.err).toMatch(/\.referatrc\.json:1:\d+: invalid configuration "rules\.missing-sektion"/);
  });
});
