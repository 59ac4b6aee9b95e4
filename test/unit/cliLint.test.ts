// `referat lint` as a process: formats, exit codes, --fix, --locale.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const CORPUS = 'test/fixtures/corpus';

function referat(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const res = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  if (res.error) throw res.error;
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

interface JsonResult {
  file: string;
  diagnostics: { rule: string; severity: string; message: string; range: { start: { line: number; character: number } } }[];
}

let tmp: string;
beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} findes ikke: kør 'node esbuild.mjs' (eller 'npm test') først`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-lint-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('referat lint', () => {
  it('prints file:line:col severity rule message and exits 1 when errors are found', () => {
    const run = referat(['lint', `${CORPUS}/vesthimmerland-2024-05-14.referat.txt`]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `${CORPUS}/vesthimmerland-2024-05-14.referat.txt:29:10 error case-number-mismatch Sagsnummeret i feltet Sagsnr. (00.13.00-P22-2-23) stemmer ikke med nummeret under overskriften (00.13.06-P22-2-23).\n`,
    );
    for (const line of run.stdout.trim().split('\n')) expect(line).toMatch(/^[^:]+:\d+:\d+ (error|warning|information|hint) [a-z-]+ .+$/);
    expect(run.stderr).toMatch(/5 fil|1 fil/);
  });

  it('exits 0 when there are warnings but no errors', () => {
    const run = referat(['lint', `${CORPUS}/ringkobing-skjern-2022-08-18.referat.txt`]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('warning export-debris');
  });

  it('finds referat files in a folder and prints JSON with LSP ranges', () => {
    const run = referat(['lint', '--format', 'json', CORPUS]);
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout) as JsonResult[];
    expect(results.map((r) => path.basename(r.file))).toEqual(fs.readdirSync(path.join(ROOT, CORPUS)).sort());
    for (const r of results) for (const d of r.diagnostics) expect(Object.keys(d)).toEqual(['rule', 'severity', 'message', 'range']);
    const vh = results.find((r) => r.file.includes('vesthimmerland'));
    expect(vh?.diagnostics.find((d) => d.rule === 'case-number-mismatch')?.range.start).toEqual({ line: 28, character: 9 });
  });

  it('prints valid SARIF 2.1.0', () => {
    const run = referat(['lint', '--format', 'sarif', `${CORPUS}/herning-2022-11-22.referat.txt`]);
    const log = JSON.parse(run.stdout) as {
      version: string;
      runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    expect(log.version).toBe('2.1.0');
    const run0 = log.runs[0];
    expect(run0?.tool.driver.name).toBe('referat');
    for (const r of run0?.results ?? []) {
      expect(run0?.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
      expect(['error', 'warning', 'note']).toContain(r.level);
      expect(r.locations[0]?.physicalLocation.region.startLine).toBeGreaterThan(0);
    }
    expect(run0?.results.some((r) => r.ruleId === 'duplicate-case-number' && r.level === 'note')).toBe(true);
  });

  it('speaks English with --locale en', () => {
    const run = referat(['lint', '--locale', 'en', `${CORPUS}/vesthimmerland-2024-05-14.referat.txt`]);
    expect(run.stdout).toMatch(/case-number-mismatch The case number/);
  });

  it('exits 2 for a missing file, a bad flag or no files', () => {
    expect(referat(['lint', 'findes-ikke.referat']).status).toBe(2);
    expect(referat(['lint', 'findes-ikke.referat']).stderr).toContain("kan ikke læse fil 'findes-ikke.referat': findes ikke");
    expect(referat(['lint', '--format', 'xml', CORPUS]).status).toBe(2);
    expect(referat(['lint']).status).toBe(2);
  });

  it('exits 2 for binary junk without crashing', () => {
    const junk = path.join(tmp, 'junk.referat');
    fs.writeFileSync(junk, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff]));
    const run = referat(['lint', junk]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('ligner ikke en tekstfil');
  });

  it('--fix writes the safe fixes back, keeps the BOM and CRLF, and a second run changes nothing', () => {
    const src = fs.readFileSync(path.join(ROOT, CORPUS, 'ringkobing-skjern-2022-08-18.referat.txt'), 'utf8');
    const file = path.join(tmp, 'rs.referat.txt');
    fs.writeFileSync(file, '\ufeff' + src.replace(/\n/g, '\r\n'));
    const run = referat(['lint', '--fix', file]);
    expect(run.stderr).toMatch(/rettet: .*export-debris/);
    expect(run.stderr).toMatch(/rettet: .*merged-headings/);
    const fixed = fs.readFileSync(file, 'utf8');
    expect(fixed.startsWith('\ufeff')).toBe(true);
    expect(fixed).not.toContain('Kopier link til punktet');
    expect(fixed).not.toContain('BilagBeslutning');
    expect(fixed.replace(/\r\n/g, '')).not.toContain('\n');
    // Only debris lines and glue were touched: every other line survives.
    const kept = (t: string): string[] => t.replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l.trim() !== '' && !/^Kopier link|^BilagBeslutning$/.test(l.trim()));
    expect(kept(fixed).filter((l) => l !== 'Bilag' && l !== 'Beslutning')).toEqual(kept(src).filter((l) => l !== 'Bilag' && l !== 'Beslutning'));
    const again = referat(['lint', '--fix', file]);
    expect(again.stderr).not.toContain('rettet:');
    expect(fs.readFileSync(file, 'utf8')).toBe(fixed);
  });
});
