// The CLI reads the same configuration as the server: the nearest .referatrc.json above
// each file, or --config FILE. An invalid config exits 2 and names each offending key.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function referat(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const res = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  if (res.error) throw res.error;
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

const DOC = [
  'REFERAT Økonomiudvalget d. 14-05-2024',
  '',
  'Punkt 1: Budget 2025',
  '',
  '00.13.06-P22-2-23',
  '',
  'Forvaltningens forslag',
  '',
  'Budgettet godkendes.',
  '',
  'Beslutning',
  '',
  'Godkendt. Se [bilaget](#).',
  '',
].join('\n');

let tmp: string;
beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} findes ikke: kør 'node esbuild.mjs' (eller 'npm test') først`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-cli-config-'));
  fs.mkdirSync(path.join(tmp, 'kommune', 'møder', '2024'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'kommune', 'møder', '2024', 'maj.referat.txt'), DOC);
  fs.writeFileSync(
    path.join(tmp, 'kommune', '.referatrc.json'),
    '{\n  // Egen overskrift for indstillingen\n  "sectionAliases": { "Forvaltningens forslag": "indstilling" },\n  "rules": { "empty-link": "off" },\n  "locale": "en"\n}\n',
  );
  fs.mkdirSync(path.join(tmp, 'andre'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'andre', 'acadre.json'), '{ "extends": "acadre" }');
  fs.writeFileSync(
    path.join(tmp, 'andre', 'ugyldig.json'),
    '{\n  "extend": "acadre",\n  "rules": { "empty-link": "slukket" },\n  "caseNumberPatterns": ["SAG(?=-)"]\n}\n',
  );
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('referat lint and outline with a config', () => {
  it('finds the nearest .referatrc.json above each file', () => {
    const run = referat(['lint', '--format', 'json', 'kommune'], tmp);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [result] = JSON.parse(run.stdout) as { diagnostics: unknown[] }[];
    // The alias makes "Forvaltningens forslag" the Indstilling; empty-link is off.
    expect(result?.diagnostics).toEqual([]);
  });

  it('uses the config\'s locale unless --locale is given', () => {
    const doc = DOC.replace('Beslutning\n\nGodkendt.', 'Bilag\n\nIngen.');
    fs.writeFileSync(path.join(tmp, 'kommune', 'møder', 'uden-beslutning.referat.txt'), doc);
    const en = referat(['lint', 'kommune/møder/uden-beslutning.referat.txt'], tmp);
    expect(en.stdout).toContain('error missing-section Punkt 1 lacks the section Beslutning.');
    const da = referat(['lint', '--locale', 'da', 'kommune/møder/uden-beslutning.referat.txt'], tmp);
    expect(da.stdout).toContain('error missing-section Punkt 1 mangler afsnittet Beslutning.');
    fs.rmSync(path.join(tmp, 'kommune', 'møder', 'uden-beslutning.referat.txt'));
  });

  it('--config FILE replaces the file found by walking up', () => {
    const run = referat(['lint', '--config', 'andre/acadre.json', 'kommune'], tmp);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('warning case-number-format Sagsnummeret 00.13.06-P22-2-23 har formen "kle", som konfigurationen ikke tillader (tilladt: "acadre").');
    expect(run.stdout).toContain('error missing-section Punkt 1 mangler afsnittet Indstilling.');
    expect(run.stdout).toContain('warning empty-link');
  });

  it('an invalid config exits 2, naming each offending key in Danish; the output is still written', () => {
    const run = referat(['lint', '--config', 'andre/ugyldig.json', 'kommune'], tmp);
    expect(run.status).toBe(2);
    const lines = run.stderr.split('\n').filter((l) => l.includes('ugyldig konfiguration'));
    expect(lines).toEqual([
      'referat: andre/ugyldig.json:2:3: ugyldig konfiguration "extend": Ukendt nøgle "extend". Mente du "extends"?',
      'referat: andre/ugyldig.json:3:28: ugyldig konfiguration "rules.empty-link": "rules.empty-link" skal være en af: "off", "error", "warning", "information", "hint".',
      'referat: andre/ugyldig.json:4:26: ugyldig konfiguration "caseNumberPatterns[0]": Mønsteret SAG(?=-) i "caseNumberPatterns[0]" afvises: det bruger lookahead eller lookbehind ((?=, (?!, (?<=, (?<!), som ikke er tilladt.',
    ]);
    expect(run.stdout).toContain('missing-section');
  });

  it('a --config file that cannot be read is a usage error', () => {
    const run = referat(['lint', '--config', 'findes-ikke.json', 'kommune'], tmp);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("referat lint: kan ikke læse konfigurationen 'findes-ikke.json'");
    expect(referat(['lint', '--config'], tmp).stderr).toContain("tilvalget '--config' kræver en værdi (FIL)");
  });

  it('outline parses with the section aliases, and exits 2 on an invalid config', () => {
    const run = referat(['outline', 'kommune/møder/2024/maj.referat.txt'], tmp);
    expect(run.status).toBe(0);
    const outline = JSON.parse(run.stdout) as { punkter: { sections: { kind: string; heading: string }[] }[] };
    expect(outline.punkter[0]?.sections.map((s) => s.kind)).toContain('indstilling');
    const bad = referat(['outline', '--config', 'andre/ugyldig.json', 'kommune/møder/2024/maj.referat.txt'], tmp);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('ugyldig konfiguration "extend"');
  });

  it('a layout Referat does not know is reported, and parses once punktForms and sectionAliases describe it', () => {
    const dir = path.join(tmp, 'ukendt');
    fs.mkdirSync(dir, { recursive: true });
    const doc = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'rules', 'unrecognized-layout', 'bad.referat.txt'), 'utf8');
    fs.writeFileSync(path.join(dir, 'teknik.referat.txt'), doc);
    const before = referat(['lint', '--format', 'json', 'ukendt'], tmp);
    expect(before.status).toBe(0);
    const found = JSON.parse(before.stdout) as { diagnostics: { rule: string }[] }[];
    expect(found[0]?.diagnostics.map((d) => d.rule)).toEqual(['unrecognized-layout']);
    fs.writeFileSync(
      path.join(dir, '.referatrc.json'),
      '{\n  "punktForms": [{ "pattern": "^§ (\\\\d+) - (.+)$", "example": "§ 2 - Vejbelysning på Stationsvej" }],\n  "sectionAliases": { "Forvaltningens redegørelse": "sagsfremstilling", "Udvalgets bemærkninger": "beslutning" },\n  "requiredSections": { "referat": ["beslutning"] }\n}\n',
    );
    const outline = referat(['outline', 'ukendt/teknik.referat.txt'], tmp);
    expect(outline.stderr).toBe('');
    const o = JSON.parse(outline.stdout) as { punkter: { number: number; title: string; sections: { kind: string }[] }[] };
    expect(o.punkter.map((p) => [p.number, p.title, p.sections.map((s) => s.kind).join(' ')])).toEqual([
      [1, 'Godkendelse af dagsorden', 'beslutning'],
      [2, 'Vejbelysning på Stationsvej', 'sagsfremstilling beslutning'],
      [3, 'Vintertjeneste 2025-2026', 'sagsfremstilling beslutning'],
    ]);
    const after = referat(['lint', '--format', 'json', 'ukendt'], tmp);
    expect(after.status).toBe(0);
    expect((JSON.parse(after.stdout) as { diagnostics: unknown[] }[])[0]?.diagnostics).toEqual([]);
  });

  it('loads re2js only for a configuration with custom patterns', () => {
    // A hook that says on stderr when the bundle requires its lazy copy of re2js.
    const hook = path.join(tmp, 'hook.cjs');
    fs.writeFileSync(
      hook,
      "const Module = require('module'); const load = Module._load; Module._load = function (request, ...rest) { if (/re2js/.test(request)) process.stderr.write('re2js loaded\\n'); return load.call(this, request, ...rest); };\n",
    );
    const run = (args: string[]): string => spawnSync(process.execPath, ['--require', hook, CLI, ...args], { cwd: tmp, encoding: 'utf8' }).stderr;
    fs.writeFileSync(path.join(tmp, 'andre', 'mønstre.json'), '{ "caseNumberPatterns": ["(a|a)*\\\\d+"] }');
    expect(run(['lint', 'kommune'])).not.toContain('re2js loaded');
    expect(run(['lint', '--config', 'andre/acadre.json', 'kommune'])).not.toContain('re2js loaded');
    expect(run(['lint', '--config', 'andre/mønstre.json', 'kommune'])).toContain('re2js loaded');
  });

  it('a punkt form that cannot run in linear time, or misses its example, is refused at its key', () => {
    fs.writeFileSync(path.join(tmp, 'andre', 'former.json'), '{\n  "punktForms": ["^(?=Punkt)(\\\\d+) (.+)$", { "pattern": "^Sag (\\\\d+): (.+)$", "example": "Punkt 3: X" }]\n}\n');
    const run = referat(['lint', '--config', 'andre/former.json', 'kommune'], tmp);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n').filter((l) => l.includes('ugyldig konfiguration'))).toEqual([
      'referat: andre/former.json:2:18: ugyldig konfiguration "punktForms[0]": Mønsteret ^(?=Punkt)(\\d+) (.+)$ i "punktForms[0]" afvises: det bruger lookahead eller lookbehind ((?=, (?!, (?<=, (?<!), som ikke er tilladt.',
      'referat: andre/former.json:2:44: ugyldig konfiguration "punktForms[1]": Mønsteret ^Sag (\\d+): (.+)$ i "punktForms[1]" afvises: det passer ikke på sit eksempel "Punkt 3: X" med et nummer i gruppe 1.',
    ]);
  });
});
