// Binary junk is not text (issue 12, case 10): a known magic number, or a first chunk
// with a high share of control characters, is 'binary' even without a NUL byte; normal
// UTF-8 and Windows-1252 text is not.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../server/src/cli/main';
import { binaryFormat, decodeText, looksBinary } from '../../server/src/files/decode';
import { readTextFile } from '../../server/src/files/read';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const ascii = (s: string): number[] => [...Buffer.from(s, 'latin1')];

/** Deterministic pseudo-random bytes with no NUL (a xorshift, so the test needs no seed file). */
function junk(n: number, seed = 12345): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = ((x >>> 0) % 255) + 1;
  }
  return out;
}

describe('binary junk without a NUL byte', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-decode-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('binary: random bytes with no NUL are not text', () => {
    const b = junk(4096);
    expect(b.includes(0)).toBe(false);
    expect(decodeText(b)).toEqual({ ok: false, reason: 'binary' });
  });

  it('binary: a known magic number is not text, and says which format', () => {
    const cases: [number[], string][] = [
      [ascii('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'pdf'],
      [[0x50, 0x4b, 0x03, 0x04, ...ascii('word/document.xml')], 'zip'],
      [[0x89, ...ascii('PNG\r\n'), 0x1a, 0x0a], 'png'],
      [ascii('GIF89a'), 'gif'],
      [[0xff, 0xd8, 0xff, 0xe0, ...ascii('JFIF')], 'jpeg'],
    ];
    for (const [b, format] of cases) {
      expect(binaryFormat(bytes(...b))).toBe(format);
      expect(decodeText(bytes(...b))).toEqual({ ok: false, reason: 'binary' });
    }
  });

  it('binary: normal text is not binary, in UTF-8 and in Windows-1252', () => {
    const danish = 'Punkt 1: Godkendelse af dagsorden\r\nSagsnr.: 24/1001\r\n\tBæredygtig økonomi – “ok” €\f\n';
    expect(decodeText(Buffer.from(danish, 'utf8'))).toEqual({ ok: true, text: danish, encoding: 'utf-8' });
    // The same in Windows-1252 (æ ø – “ ” € as single bytes).
    const cp1252 = Buffer.from(danish.replace('–', '\x96').replace('“', '\x93').replace('”', '\x94').replace('€', '\x80'), 'latin1');
    expect(decodeText(cp1252)).toEqual({ ok: true, text: danish, encoding: 'windows-1252' });
    // A stray control character, and a DOS end-of-file mark, are still text.
    const stray = `${'Referat fra mødet.\n'.repeat(20)}\x07\n\x1a`;
    expect(decodeText(Buffer.from(stray, 'utf8'))).toMatchObject({ ok: true, encoding: 'utf-8' });
    expect(looksBinary(Buffer.from('kort\x1a'))).toBe(false);
  });

  it('binary: every file in the fixtures is still text', () => {
    const root = path.resolve(__dirname, '../fixtures');
    const texts: string[] = [];
    const walk = (d: string): void => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const full = path.join(d, e.name);
        if (e.isDirectory()) walk(full);
        else if (/\.(txt|referat|md)$/.test(e.name)) texts.push(full);
      }
    };
    walk(root);
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((f) => !decodeText(fs.readFileSync(f)).ok)).toEqual([]);
  });

  it('binary: a UTF-16 file of control characters is not text', () => {
    const text = '\ufeff' + '\x01\x02\x03\x04'.repeat(50);
    expect(decodeText(Buffer.from(text, 'utf16le'))).toEqual({ ok: false, reason: 'binary' });
    expect(decodeText(Buffer.from('\ufeffPunkt 1: Budget\r\n', 'utf16le'))).toMatchObject({ ok: true, encoding: 'utf-16le' });
  });

  it('binary: the CLI refuses a broken PDF, a picture and random bytes with a clear message and exit 2', async () => {
    const pdf = path.join(dir, 'referat.pdf');
    fs.writeFileSync(pdf, Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1'));
    const noise = path.join(dir, 'noise.referat.txt');
    fs.writeFileSync(noise, junk(2048, 99));
    const png = path.join(dir, 'billede.png');
    fs.writeFileSync(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), junk(64, 3)]));
    expect(await readTextFile(pdf)).toEqual({ ok: false, reason: 'binary', detail: 'pdf' });
    expect(await readTextFile(noise)).toEqual({ ok: false, reason: 'binary' });
    let err = '';
    let out = '';
    const code = await main(['lint', pdf, noise, png], { out: (t) => (out += t), err: (t) => (err += t) });
    expect(code).toBe(2);
    expect(out).toBe('');
    // A PDF is read by files/pdf.ts (issue 13); this one is only a header.
    expect(err).toContain(`kan ikke læse fil '${pdf}': PDF-filen kan ikke læses (`);
    expect(err).toContain(`kan ikke læse fil '${noise}': ligner ikke en tekstfil\n`);
    expect(err).toContain(`kan ikke læse fil '${png}': ligner ikke en tekstfil (et PNG-billede)\n`);
    err = '';
    await main(['lint', '--locale', 'en', pdf, png], { out: () => undefined, err: (t) => (err += t) });
    expect(err).toContain(`cannot read file '${pdf}': the PDF file cannot be read (`);
    expect(err).toContain(`cannot read file '${png}': does not look like a text file (a PNG image)`);
  });
});

describe('a stray byte in UTF-8 (issue 12, case 10)', () => {
  const corpus = path.join(__dirname, '../fixtures/corpus/vejen-2023-11-28.referat.txt');
  const good = fs.readFileSync(corpus);

  it('one invalid byte in a UTF-8 file keeps it UTF-8, with one U+FFFD at that spot (it was read as Windows-1252: 121 false warnings)', () => {
    const at = good.indexOf('Sagsfremstilling');
    const bytes = Buffer.concat([good.subarray(0, at), Buffer.from([0xf8]), good.subarray(at)]);
    const d = decodeText(bytes);
    expect(d.ok && d.encoding).toBe('utf-8 med ugyldige bytes');
    if (!d.ok) return;
    expect([...d.text.matchAll(/\ufffd/g)]).toHaveLength(1);
    expect(d.text.replace('\ufffd', '')).toBe(good.toString('utf8'));
  });

  it('Windows-1252 Danish (no valid UTF-8 sequence) is still read as Windows-1252', () => {
    const d = decodeText(Buffer.from('Referat\n\nPunkt 1: Børnehave på Ærø\nBeslutning\nGodkendt.\n', 'latin1'));
    expect(d.ok && d.encoding).toBe('windows-1252');
    expect(d.ok && d.text).toContain('Børnehave på Ærø');
  });
});
