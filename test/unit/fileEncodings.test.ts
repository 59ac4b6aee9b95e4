// Files in the encodings older systems write (issue 13): windows-1252 (and ISO-8859-1,
// which is read as windows-1252), UTF-16LE and UTF-16BE with a BOM, next to UTF-8 with and
// without a BOM. `referat lint` says how each was read (the information finding
// file-encoding, in text, JSON and SARIF), and `--fix` writes it back in its own encoding
// and line ends: byte for byte the reviewed fixed text, encoded the same way. A character
// the encoding has no byte for is refused, never written as "?".
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252, type Encoding } from '../../server/src/files/decode';
import { encoderFor, unencodable, UnencodableError } from '../../server/src/files/encode';
import { runCli } from '../helpers/cli';

const ROOT = path.resolve(__dirname, '../..');
const RULES = path.join(ROOT, 'test/fixtures/rules');

const run = runCli;

/** How a test file is made from text, and the encoding it must be read as. */
interface Form {
  name: string;
  encode(text: string): Buffer;
  reads: Encoding;
  /** The word the finding uses, or null for plain UTF-8. */
  finding: string | null;
}

/** Windows-1252 by hand, for the characters these texts have beyond Latin-1 (Buffer's latin1 would cut them to one byte of their code). */
const CP1252: Record<string, string> = { '–': '\x96', '“': '\x93', '”': '\x94', '†': '\x86', '’': '\x92' };
const cp1252 = (text: string): Buffer => Buffer.from(text.replace(/[–“”†’]/g, (c) => CP1252[c] ?? c), 'latin1');
const FORMS: readonly Form[] = [
  { name: 'UTF-8', encode: (t) => Buffer.from(t, 'utf8'), reads: 'utf-8', finding: null },
  { name: 'UTF-8 with a BOM', encode: (t) => Buffer.from(`\ufeff${t}`, 'utf8'), reads: 'utf-8', finding: null },
  { name: 'windows-1252', encode: cp1252, reads: 'windows-1252', finding: 'windows-1252' },
  // æ, ø, å and é are the same bytes in ISO-8859-1: such a file is read (and written) as windows-1252.
  { name: 'ISO-8859-1', encode: (t) => Buffer.from(t, 'latin1'), reads: 'windows-1252', finding: 'windows-1252' },
  { name: 'UTF-16LE with a BOM', encode: (t) => Buffer.from(`\ufeff${t}`, 'utf16le'), reads: 'utf-16le', finding: 'UTF-16LE' },
  { name: 'UTF-16BE with a BOM', encode: (t) => Buffer.from(`\ufeff${t}`, 'utf16le').swap16(), reads: 'utf-16be', finding: 'UTF-16BE' },
];

/** Reviewed fixtures with safe fixes: the bad text and its fixed text. */
const FIXTURES = ['export-debris', 'list-numbering'].map((rule) => ({
  rule,
  bad: fs.readFileSync(path.join(RULES, rule, 'bad.referat.txt'), 'utf8'),
  fixed: fs.readFileSync(path.join(RULES, rule, 'bad.fixed.txt'), 'utf8'),
}));

describe('encoders', () => {
  it('windows-1252 writes back every byte it reads, the 0x80–0x9F block and its five undefined bytes too', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = decodeWindows1252(all);
    expect(text.slice(0x80, 0xa0)).toBe('€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ');
    expect(Buffer.from(encoderFor('windows-1252')?.(text, false) ?? []).equals(Buffer.from(all))).toBe(true);
  });

  it('UTF-16LE and UTF-16BE write their BOM and every character, astral ones as pairs', () => {
    const text = 'Økonomi – “ok” 😀\r\n';
    const le = Buffer.from(encoderFor('utf-16le')?.(text, true) ?? []);
    expect(le.equals(Buffer.from(`\ufeff${text}`, 'utf16le'))).toBe(true);
    const be = Buffer.from(encoderFor('utf-16be')?.(text, true) ?? []);
    expect([...be.subarray(0, 4)]).toEqual([0xfe, 0xff, 0x00, 0xd8]);
    expect(decodeText(be)).toEqual({ ok: true, text, encoding: 'utf-16be' });
  });

  it('a character windows-1252 lacks is found with its line and column, and the encoder throws rather than write "?"', () => {
    expect(unencodable('windows-1252', 'Punkt 1\r\nA → B\n')).toEqual({ encoding: 'windows-1252', char: '→', line: 1, character: 2 });
    expect(unencodable('windows-1252', 'a\rb\u0080')).toMatchObject({ char: '\u0080', line: 1, character: 1 });
    expect(unencodable('windows-1252', 'x 😀')).toMatchObject({ char: '😀', character: 2 });
    expect(unencodable('windows-1252', 'Bæ ø – “ok” €')).toBeNull();
    expect(unencodable('utf-16le', '→')).toBeNull();
    expect(() => encoderFor('windows-1252')?.('A → B', false)).toThrow(UnencodableError);
  });

  it('UTF-8 with stray bytes has no encoder: writing would make them U+FFFD for good', () => {
    expect(encoderFor('utf-8 med ugyldige bytes')).toBeUndefined();
  });
});

describe('referat lint in each encoding', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-enc-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const write = (bytes: Buffer): string => {
    const file = path.join(dir, `f${++n}.referat.txt`);
    fs.writeFileSync(file, bytes);
    return file;
  };

  for (const form of FORMS) {
    for (const eol of ['LF', 'CRLF'] as const) {
      for (const fixture of FIXTURES) {
        it(`--fix: ${form.name}, ${eol}, ${fixture.rule}: the file is the reviewed fixed text in the same encoding, byte for byte`, async () => {
          const crlf = (t: string): string => (eol === 'CRLF' ? t.replace(/\n/g, '\r\n') : t);
          const file = write(form.encode(crlf(fixture.bad)));
          const r = await run('lint', '--fix', file);
          expect(r.err).toMatch(new RegExp(`^rettet: .* ${fixture.rule} `, 'm'));
          expect(r.err).not.toMatch(/retter ikke|intern fejl|Windows-1252/);
          expect(fs.readFileSync(file).equals(form.encode(crlf(fixture.fixed)))).toBe(true);
          const finding = `${file}:1:1 information file-encoding Filen er læst som ${form.finding ?? ''}\n`;
          if (form.finding === null) expect(r.out).not.toContain('file-encoding');
          else expect(r.out.startsWith(finding)).toBe(true);
          // A second run finds nothing to fix and changes nothing.
          const again = await run('lint', '--fix', file);
          expect(again.err).not.toMatch(/^rettet: /m);
          expect(fs.readFileSync(file).equals(form.encode(crlf(fixture.fixed)))).toBe(true);
        });
      }
    }
  }

  it('the finding is in text, JSON and SARIF (with a rule descriptor), once, in the chosen language; plain UTF-8 has none', async () => {
    const file = write(cp1252(FIXTURES[0]?.fixed ?? ''));
    const text = await run('lint', file);
    expect(text.out.match(/file-encoding/g)).toHaveLength(1);
    expect(text.err).not.toMatch(/Windows-1252|windows-1252/);
    expect(text.err).toMatch(/1 information/);
    const en = await run('lint', '--locale', 'en', file);
    expect(en.out).toContain(`${file}:1:1 information file-encoding The file was read as windows-1252\n`);
    const [json] = JSON.parse((await run('lint', '--format', 'json', file)).out) as { diagnostics: { rule: string; severity: string; message: string; range: unknown }[] }[];
    expect(json?.diagnostics[0]).toEqual({ rule: 'file-encoding', severity: 'information', message: 'Filen er læst som windows-1252', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    const sarif = JSON.parse((await run('lint', '--format', 'sarif', file)).out) as {
      runs: { results: { ruleId: string; ruleIndex: number; level: string }[]; tool: { driver: { rules: { id: string; shortDescription?: { text: string } }[] } } }[];
    };
    const run0 = sarif.runs[0];
    const result = run0?.results.find((r) => r.ruleId === 'file-encoding');
    expect(result?.level).toBe('note');
    const rule = run0?.tool.driver.rules[result?.ruleIndex ?? -1];
    expect(rule?.id).toBe('file-encoding');
    expect(rule?.shortDescription?.text).toMatch(/^Filen er ikke ren UTF-8/);
    expect(run0?.results.every((r) => run0.tool.driver.rules[r.ruleIndex]?.id === r.ruleId)).toBe(true);
    expect(run0?.tool.driver.rules.filter((r) => r.id === 'file-encoding')).toHaveLength(1);
    // UTF-8 with a stray byte: read with U+FFFD, said once, and not written back.
    const stray = write(Buffer.concat([Buffer.from('Referat\nØkonomiudvalget '), Buffer.from([0xe6]), Buffer.from('\n\nPunkt 1: Budget\n')]));
    const s = await run('lint', stray);
    expect(s.out).toContain(`${stray}:1:1 information file-encoding Filen er læst som UTF-8 med ugyldige bytes\n`);
  });

  it('--fix refuses a fix that would write a character windows-1252 lacks: exit 2, a clear message, the file untouched', async () => {
    // "â†’" is the UTF-8 of → read as windows-1252; encoding-damage repairs it to →, which windows-1252 has no byte for.
    const text = ['Referat', 'Økonomiudvalget 12-03-2024', '', 'Punkt 1: Budget', 'Sagsnr.: 24/1001', '', 'Indstilling', '', 'Økonomi â†’ drift.', '', 'Beslutning', '', 'Godkendt.', ''].join('\n');
    const file = write(cp1252(text));
    const before = fs.readFileSync(file);
    const r = await run('lint', '--fix', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`referat: retter ikke '${file}': rettelsen ville skrive '→' (U+2192) på linje 9, og det tegn findes ikke i windows-1252; filen er ladt urørt (fundene er vist)`);
    expect(r.out).toMatch(/:9:\d+ warning encoding-damage /);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readFileSync(file).includes(0x3f)).toBe(false);
    const en = await run('lint', '--fix', '--locale', 'en', file);
    expect(en.err).toContain("the fix would write '→' (U+2192) on line 9, and windows-1252 has no such character");
  });
});
