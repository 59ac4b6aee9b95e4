// The CLI as a process: `node dist/cli.js`. Needs a build first (`npm test` builds;
// locally run `node esbuild.mjs`).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { version } from '../../package.json';
import type { Outline } from '../../server/src/cli/outline';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const CORPUS = 'test/fixtures/corpus';
const VIBORG = `${CORPUS}/viborg-2024-08-12.referat.md`;
const CORPUS_FILES = fs.readdirSync(path.join(ROOT, CORPUS)).sort().map((f) => `${CORPUS}/${f}`);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function referat(...args: string[]): Run {
  const res = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  if (res.error) throw res.error;
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

function json<T>(run: Run): T {
  return JSON.parse(run.stdout) as T;
}

const OUTLINE_KEYS = ['file', 'kind', 'committee', 'meetingDate', 'members', 'toc', 'punkter'];
const isRange = (x: unknown): boolean =>
  typeof x === 'object' &&
  x !== null &&
  ['start', 'end'].every((k) => {
    const p = (x as Record<string, { line?: unknown; character?: unknown }>)[k];
    return p !== undefined && Number.isInteger(p.line) && Number.isInteger(p.character);
  });

/** Structural checks that hold for any parser output. */
function expectOutlineShape(o: Outline): void {
  expect(Object.keys(o)).toEqual(OUTLINE_KEYS);
  expect(['referat', 'dagsorden', 'beslutningsprotokol', 'unknown']).toContain(o.kind);
  if (o.meetingDate !== null) expect(o.meetingDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  for (const m of o.members) expect(Object.keys(m)).toEqual(['name', 'party']);
  for (const t of o.toc) expect(Object.keys(t)).toEqual(['title', 'page']);
  for (const p of o.punkter) {
    expect(Object.keys(p)).toEqual(['number', 'title', 'caseNumbers', 'range', 'sections']);
    expect(isRange(p.range)).toBe(true);
    for (const c of p.caseNumbers) {
      expect(Object.keys(c)).toEqual(['value', 'source', 'range']);
      expect(isRange(c.range)).toBe(true);
    }
    const walk = (sections: Outline['punkter'][number]['sections']): void => {
      for (const s of sections) {
        expect(isRange(s.range)).toBe(true);
        expect(typeof s.heading).toBe('string');
        if ('sections' in s) expect(s.sections?.length).toBeGreaterThan(0);
        walk(s.sections ?? []);
      }
    };
    walk(p.sections);
  }
}

beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} findes ikke: kør 'node esbuild.mjs' (eller 'npm test') først`);
});

describe('referat CLI: usage', () => {
  it('prints usage with --help and exits 0', () => {
    const run = referat('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Brug: referat <kommando>');
    expect(run.stdout).toContain('outline');
    expect(referat('outline', '--help').stdout).toContain('--format json|text');
  });

  it('prints the version', () => {
    const run = referat('--version');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });

  it('exits 2 without a command, printing usage on stderr', () => {
    const run = referat();
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Brug: referat');
  });

  it('exits 2 for an unknown command or option, or no files', () => {
    const cases: [string[], string][] = [
      [['frob'], "referat: ukendt kommando 'frob'"],
      [['--frob'], "referat: ukendt tilvalg '--frob'"],
      [['outline', '--frob', VIBORG], "referat outline: ukendt tilvalg '--frob'"],
      [['outline', '--format', 'yaml', VIBORG], "ugyldig værdi 'yaml' til '--format'"],
      [['outline', '--format'], "tilvalget '--format' kræver en værdi"],
      [['outline'], 'referat outline: ingen filer angivet'],
    ];
    for (const [args, message] of cases) {
      const run = referat(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stdout, args.join(' ')).toBe('');
      expect(run.stderr, args.join(' ')).toContain(message);
    }
  });
});

describe('referat outline: files', () => {
  let tmp = '';
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-cli-'));
  });
  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('exits 2 and names a missing file, but still does the others', () => {
    const run = referat('outline', 'findes-ikke.referat', VIBORG);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("referat: kan ikke læse fil 'findes-ikke.referat': findes ikke");
    const out = json<Outline[]>(run);
    expect(out.map((o) => o.file)).toEqual([VIBORG]);
  });

  it('prints nothing on stdout when the only file is missing', () => {
    const run = referat('outline', 'findes-ikke.referat');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
  });

  it('refuses binary junk with "ligner ikke en tekstfil"', () => {
    const png = path.join(tmp, 'billede.png');
    fs.writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    const run = referat('outline', png);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`kan ikke læse fil '${png}': ligner ikke en tekstfil`);
  });

  it('expands directories recursively to *.referat, *.referat.txt, *.referat.md, sorted', () => {
    const dir = path.join(tmp, 'mappe');
    fs.mkdirSync(path.join(dir, 'b', 'c'), { recursive: true });
    fs.mkdirSync(path.join(dir, '.skjult'));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    const text = 'REFERAT Udvalget d. 12-08-2024\n';
    for (const f of ['z.referat', 'a.referat.md', 'b/c/x.referat.txt', 'b/y.REFERAT', 'noter.txt', 'a.md', '.skjult/s.referat', 'node_modules/n.referat']) {
      fs.writeFileSync(path.join(dir, f), text);
    }
    const run = referat('outline', dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = json<Outline[]>(run);
    expect(Array.isArray(out)).toBe(true);
    expect(out.map((o) => path.relative(dir, o.file))).toEqual(['a.referat.md', 'b/c/x.referat.txt', 'b/y.REFERAT', 'z.referat']);
  });

  it('exits 2 for a directory with no referat files', () => {
    const empty = path.join(tmp, 'tom');
    fs.mkdirSync(empty);
    const run = referat('outline', empty);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`ingen referater i mappen`);
    expect(run.stderr).toContain(`'${empty}'`);
  });

  it('strips a UTF-8 BOM: same outline as without it', () => {
    const source = fs.readFileSync(path.join(ROOT, VIBORG), 'utf8');
    const plain = path.join(tmp, 'uden.referat.md');
    const bom = path.join(tmp, 'med.referat.md');
    fs.writeFileSync(plain, source);
    fs.writeFileSync(bom, `\uFEFF${source}`);
    const a = json<Outline>(referat('outline', plain));
    const b = json<Outline>(referat('outline', bom));
    expect({ ...b, file: '' }).toEqual({ ...a, file: '' });
  });

  it('reads a Windows-1252 file with a warning and exit 0', () => {
    const latin = path.join(tmp, 'latin.referat.txt');
    fs.writeFileSync(latin, Buffer.from('REFERAT Økonomiudvalget\n\nPunkt 1: Godkendelse af dagsorden\n', 'latin1'));
    const run = referat('outline', latin);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('ikke gyldig UTF-8');
    expect(run.stdout).toContain('Økonomiudvalget');
  });
});

describe('referat outline: corpus', () => {
  it('prints one JSON object for one file', () => {
    const run = referat('outline', VIBORG);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.endsWith('}\n')).toBe(true);
    expect(run.stdout).toContain('\n  "file": ');
    const o = json<Outline>(run);
    expect(o.file).toBe(VIBORG);
    expectOutlineShape(o);
    // The parser has landed: tighten to exact counts here as it settles.
    expect(o.punkter.length).toBeGreaterThan(0);
  });

  it('prints a JSON array for several files, in argument order, and for a directory', () => {
    const run = referat('outline', '--format', 'json', ...CORPUS_FILES);
    expect(run.status).toBe(0);
    const out = json<Outline[]>(run);
    expect(out.map((o) => o.file)).toEqual(CORPUS_FILES);
    out.forEach(expectOutlineShape);

    const dir = referat('outline', CORPUS);
    expect(dir.status).toBe(0);
    expect(json<Outline[]>(dir)).toEqual(out);
  });

  it('prints the same structure as an indented text tree', () => {
    const outlines = json<Outline[]>(referat('outline', ...CORPUS_FILES));
    const run = referat('outline', '--format=text', ...CORPUS_FILES);
    expect(run.status).toBe(0);
    const blocks = run.stdout.split(/\n\n(?=\S)/);
    expect(blocks).toHaveLength(outlines.length);
    blocks.forEach((block, i) => {
      const o = outlines[i] as Outline;
      const lines = block.split('\n');
      expect(lines[0]).toBe(o.file);
      expect(lines).toContain(`  Mødedato: ${o.meetingDate ?? '(ukendt)'}`);
      const punktLines = lines.filter((l) => /^ {4}\S/.test(l) && / \(linje \d+(-\d+)?\)$/.test(l));
      expect(punktLines).toHaveLength(o.punkter.length);
      o.punkter.forEach((p, j) => {
        const line = punktLines[j] ?? '';
        if (p.number !== null) expect(line.startsWith(`    Punkt ${p.number}`)).toBe(true);
        expect(line).toContain(`(linje ${p.range.start.line + 1}`);
        for (const c of p.caseNumbers) expect(line).toContain(c.value);
      });
      const sectionLines = lines.filter((l) => /^ {6,}- /.test(l));
      const countSections = (ss: Outline['punkter'][number]['sections']): number =>
        ss.reduce((n, s) => n + 1 + countSections(s.sections ?? []), 0);
      expect(sectionLines).toHaveLength(o.punkter.reduce((n, p) => n + countSections(p.sections), 0));
    });
  });
});
