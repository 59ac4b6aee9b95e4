// Word and PDF files through `referat outline` and `referat lint`: each corpus document is
// made into a .docx (test/helpers/documents.ts, with the docx package) and a .pdf (pdf-lib:
// A4 pages, wrapped lines, a running header and "Side N af M"), and each must give the
// outline and the findings of the text it came from. Lines may differ (a PDF has no blank
// lines of its own, a Word file none at all); what is compared is what a reader checks:
// the punkter with numbers, titles and case numbers, their sections, the header and the
// TOC, and the findings' rules and messages.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Outline, OutlineSection } from '../../server/src/cli/outline';
import { parseReferat } from '../../server/src/parser/parse';
import { docxFromText, pdfFromText } from '../helpers/documents';
import { runCli } from '../helpers/cli';

const ROOT = path.resolve(__dirname, '../..');
const CORPUS = path.join(ROOT, 'test/fixtures/corpus');
const files = fs.readdirSync(CORPUS).sort();

const run = runCli;

interface Plain {
  kind: string;
  committee: string | null;
  meetingDate: string | null;
  members: string[];
  toc: string[];
  punkter: { number: number | null; title: string; caseNumbers: string[]; sections: unknown[] }[];
}

const sections = (list: readonly OutlineSection[]): unknown[] => list.map((s) => ({ kind: s.kind, heading: s.heading.trim(), ...(s.sections === undefined ? {} : { sections: sections(s.sections) }) }));

/** The outline without positions: what must be the same in every format. */
function plain(o: Outline): Plain {
  return {
    kind: o.kind,
    committee: o.committee,
    meetingDate: o.meetingDate,
    members: o.members.map((m) => `${m.name} (${m.party ?? '-'})`),
    toc: o.toc.map((e) => `${e.title} (${e.page ?? '-'})`),
    punkter: o.punkter.map((p) => ({ number: p.number, title: p.title, caseNumbers: p.caseNumbers.map((c) => c.value), sections: sections(p.sections) })),
  };
}

type Place = { page: number; line: number } | { paragraph: number; line: number };
interface Finding {
  rule: string;
  message: string;
  range: { start: { line: number; character: number } };
  place?: Place;
}

function diagnostics(json: string): Finding[] {
  return (JSON.parse(json) as { diagnostics: Finding[] }[])[0]?.diagnostics ?? [];
}

/** The entry for a source line, or for the next line that has one (a blank line is not drawn). */
function nextDrawn<T>(map: ReadonlyMap<number, T>, line: number): [number, T] {
  const last = Math.max(...map.keys());
  for (let l = line; l <= last; l++) {
    const v = map.get(l);
    if (v !== undefined) return [l, v];
  }
  throw new Error(`no drawn line at or after ${line}`);
}

/** The findings as "rule: message", sorted; `spaces` makes each run of spaces one (a PDF keeps no spaces, only gaps). */
function findings(json: string, spaces = false): string[] {
  const [file] = JSON.parse(json) as { diagnostics: { rule: string; message: string }[] }[];
  return (file?.diagnostics ?? []).map((d) => `${d.rule}: ${spaces ? d.message.replace(/\s+/g, ' ') : d.message}`).sort();
}

describe('Word and PDF files made from the corpus', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-docs-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe.each(files)('%s', (name) => {
    const source = path.join(CORPUS, name);
    const text = fs.readFileSync(source, 'utf8');
    const base = name.replace(/\.referat(?:\.txt|\.md)?$/, '');

    it.each(['docx', 'pdf'] as const)('as .%s: the same outline and the same findings as the text, each at its place', async (format) => {
      const file = path.join(dir, `${base}.${format}`);
      let placeOf: (line: number, character: number) => Place;
      if (format === 'docx') {
        const made = await docxFromText(text, name.endsWith('.md') ? null : parseReferat(text));
        fs.writeFileSync(file, made.bytes);
        placeOf = (line) => ({ paragraph: nextDrawn(made.paragraphs, line)[1], line: 1 });
      } else {
        const made = await pdfFromText(text, { header: `${base} · Referat` });
        fs.writeFileSync(file, made.bytes);
        placeOf = (line, character) => {
          const [at, pieces] = nextDrawn(made.places, line);
          const piece = [...pieces].reverse().find((p) => at !== line || p.start <= character) ?? (pieces[0] as (typeof pieces)[number]);
          return { page: piece.page, line: piece.line };
        };
      }
      const want = await run('outline', source);
      const got = await run('outline', file);
      expect(got.err).toBe('');
      expect(plain(JSON.parse(got.out) as Outline)).toEqual(plain(JSON.parse(want.out) as Outline));
      const lintWant = await run('lint', '--format', 'json', source);
      const lintGot = await run('lint', '--format', 'json', file);
      expect(findings(lintGot.out, format === 'pdf')).toEqual(findings(lintWant.out, format === 'pdf'));
      expect(lintGot.code).toBe(lintWant.code);
      // Each finding at the place where the generator put the text it is about: the n-th finding with a rule and
      // message in the text is the n-th in the document.
      const key = (d: Finding): string => `${d.rule}: ${d.message.replace(/\s+/g, ' ')}`;
      const wanted = new Map<string, Finding[]>();
      for (const d of diagnostics(lintWant.out)) wanted.set(key(d), [...(wanted.get(key(d)) ?? []), d]);
      const places = diagnostics(lintGot.out).map((d) => {
        const source = wanted.get(key(d))?.shift();
        return { finding: key(d), place: d.place, expected: source === undefined ? null : placeOf(source.range.start.line, source.range.start.character) };
      });
      expect(places.filter((p) => JSON.stringify(p.place) !== JSON.stringify(p.expected))).toEqual([]);
    }, 60_000);
  });
});

describe('Word and PDF files in the CLI', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-docs-cli-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const ringkobing = fs.readFileSync(path.join(CORPUS, 'ringkobing-skjern-2022-08-18.referat.txt'), 'utf8');
  const made = async (format: 'docx' | 'pdf', name = `ringkobing.${format}`): Promise<string> => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, format === 'docx' ? (await docxFromText(ringkobing, parseReferat(ringkobing))).bytes : (await pdfFromText(ringkobing, { header: 'Beskæftigelsesudvalget 18-08-2022' })).bytes);
    return file;
  };

  it('drops the running header and the footer "Side N af M" of every page, and says which', async () => {
    const { extractPdf } = await import('../../server/src/files/pdf');
    for (const name of files) {
      const text = fs.readFileSync(path.join(CORPUS, name), 'utf8');
      const r = await extractPdf((await pdfFromText(text, { header: 'Beskæftigelsesudvalget · Referat' })).bytes);
      if (!r.ok) throw new Error(r.reason);
      expect(r.document.text, name).not.toMatch(/Beskæftigelsesudvalget · Referat|Side \d+ af \d+/);
      expect(r.document.dropped.sort(), name).toEqual(['Beskæftigelsesudvalget · Referat', 'Side # af #']);
      expect(r.document.units, name).toBeGreaterThan(5);
    }
  }, 60_000);

  it('text output names the page and the line on it (PDF) or the paragraph (Word), in the chosen language', async () => {
    const pdf = await made('pdf');
    const da = await run('lint', pdf);
    const lines = da.out.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) expect(l).toMatch(/^.+\.pdf:side \d+:linje \d+ (error|warning|information|hint) [a-z-]+ /);
    expect(da.out).toMatch(/ringkobing\.pdf:side 1:linje \d+ warning export-debris Rester fra webeksport/);
    const en = await run('lint', '--locale', 'en', pdf);
    expect(en.out.split('\n').filter(Boolean).every((l) => /\.pdf:page \d+:line \d+ /.test(l))).toBe(true);
    const docx = await made('docx');
    expect((await run('lint', docx)).out.split('\n').filter(Boolean).every((l) => /\.docx:afsnit \d+ /.test(l))).toBe(true);
    expect((await run('lint', '--locale', 'en', docx)).out).toMatch(/\.docx:paragraph \d+ warning /);
  }, 60_000);

  it('JSON gives each finding its place and the file its format; SARIF the line on the page as the region and the page in properties', async () => {
    const pdf = await made('pdf');
    const [file] = JSON.parse((await run('lint', '--format', 'json', pdf)).out) as { format: string; diagnostics: { place: { page: number; line: number } }[] }[];
    expect(file?.format).toBe('pdf');
    expect(file?.diagnostics.every((d) => d.place.page >= 1 && d.place.line >= 1)).toBe(true);
    const sarif = JSON.parse((await run('lint', '--format', 'sarif', pdf)).out) as {
      runs: { results: { ruleId: string; ruleIndex: number; properties: { page: number; line: number }; locations: { physicalLocation: { region: Record<string, number> } }[] }[]; tool: { driver: { rules: { id: string }[] } } }[];
    };
    const results = sarif.runs[0]?.results ?? [];
    expect(results).toHaveLength(file?.diagnostics.length ?? -1);
    results.forEach((r, i) => {
      expect(r.properties).toEqual(file?.diagnostics[i]?.place);
      expect(r.locations[0]?.physicalLocation.region).toEqual({ startLine: r.properties.line });
      expect(sarif.runs[0]?.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
    });
  }, 60_000);

  it('--fix refuses Word and PDF files with something to fix: exit 2, the findings printed, the file untouched', async () => {
    for (const format of ['docx', 'pdf'] as const) {
      const file = await made(format, `fix.${format}`);
      const before = fs.readFileSync(file);
      const r = await run('lint', '--fix', file);
      expect(r.code).toBe(2);
      const kind = format === 'docx' ? 'Word-filer; ret i Word' : 'PDF-filer; ret i det dokument, PDF-filen er lavet af';
      expect(r.err).toContain(`referat: retter ikke '${file}': --fix retter kun tekstfiler, ikke ${kind} (fundene er vist)`);
      expect(r.out).toMatch(/ export-debris /);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    }
  }, 60_000);

  it('a broken PDF or a zip that is no Word file cannot be read: exit 2 with the reason', async () => {
    const broken = path.join(dir, 'broken.pdf');
    fs.writeFileSync(broken, '%PDF-1.7\nnot really a pdf\n');
    const r = await run('lint', broken);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^referat: kan ikke læse fil '.*broken\.pdf': PDF-filen kan ikke læses/m);
    const zip = path.join(dir, 'empty.docx');
    fs.writeFileSync(zip, Buffer.concat([Buffer.from('PK\x05\x06'), Buffer.alloc(18)]));
    expect((await run('outline', zip)).err).toBe(`referat: kan ikke læse fil '${zip}': ikke en Word-fil (.docx)\n`);
    const blank = path.join(dir, 'blank.pdf');
    fs.writeFileSync(blank, (await pdfFromText('', { header: '', footer: false })).bytes);
    expect((await run('lint', blank)).err).toMatch(/filen har ingen tekst/);
  }, 60_000);

  it('a folder takes the Word and PDF files whose name says referat or dagsorden, and leaves the bilag alone', async () => {
    const folder = path.join(dir, 'mappe');
    fs.mkdirSync(folder);
    const pdf = fs.readFileSync(await made('pdf'));
    const docx = fs.readFileSync(await made('docx'));
    fs.writeFileSync(path.join(folder, 'Referat BEU 18-08-2022.pdf'), pdf);
    fs.writeFileSync(path.join(folder, 'dagsorden-beu.docx'), docx);
    // A bilag is a PDF too, and so is anything else in the folder.
    fs.writeFileSync(path.join(folder, 'Bilag 1 - Slutevaluering.pdf'), pdf);
    fs.writeFileSync(path.join(folder, 'notat.docx'), docx);
    const r = await run('lint', '--format', 'json', folder);
    const read = (JSON.parse(r.out) as { file: string; format?: string }[]).map((f) => [path.basename(f.file), f.format]);
    expect(read.sort()).toEqual([
      ['Referat BEU 18-08-2022.pdf', 'pdf'],
      ['dagsorden-beu.docx', 'docx'],
    ]);
  }, 60_000);
});
