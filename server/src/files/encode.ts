// Text → bytes, for writing a file back in the encoding it was read in (files/write.ts).
// Pure. UTF-8 (with its BOM when it had one), UTF-16LE and UTF-16BE with their BOM, and
// Windows-1252, which is also how an ISO-8859-1 file is read (decode.ts). A character the
// encoding cannot hold is never written as "?": `unencodable` finds it before a write, so
// the CLI can refuse with the character and its line, and the Windows-1252 encoder throws
// UnencodableError if it is still asked to. 'utf-8 med ugyldige bytes' has no encoder: the
// stray bytes were read as U+FFFD, and writing would replace them for good.
import { CP1252_HIGH, type Encoding } from './decode';

/** The bytes for `text`, with a byte order mark in front when the file had one. */
export type Encoder = (text: string, bom: boolean) => Uint8Array;

/** Thrown by an encoder for a character its encoding has no byte for (never substituted). */
export class UnencodableError extends Error {
  constructor(readonly at: Unencodable) {
    super(`U+${codeName(at.char)} cannot be written as ${at.encoding}`);
  }
}

/** The first character of a text that an encoding cannot hold, with its 0-based line and UTF-16 column. */
export interface Unencodable {
  encoding: Encoding;
  char: string;
  line: number;
  character: number;
}

/** Windows-1252's byte for a UTF-16 code unit: ASCII and Latin-1 as themselves, 0x80–0x9F from the table (its five undefined bytes stand for themselves, as decode.ts reads them). */
const CP1252_BYTE: ReadonlyMap<number, number> = new Map(CP1252_HIGH.map((code, i) => [code, 0x80 + i]));

function cp1252Byte(code: number): number | undefined {
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
  return CP1252_BYTE.get(code);
}

function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = cp1252Byte(text.charCodeAt(i));
    if (b === undefined) throw new UnencodableError(unencodable('windows-1252', text) ?? { encoding: 'windows-1252', char: text.charAt(i), line: 0, character: i });
    out[i] = b;
  }
  return out;
}

function utf16le(text: string): Buffer {
  return Buffer.from(`\ufeff${text}`, 'utf16le');
}

const ENCODERS: Partial<Record<Encoding, Encoder>> = {
  'utf-8': (text, bom) => Buffer.from(bom ? `\ufeff${text}` : text, 'utf8'),
  // UTF-16 is only read with a BOM (decode.ts), so it is always written with one.
  'utf-16le': (text) => utf16le(text),
  'utf-16be': (text) => utf16le(text).swap16(),
  // A "BOM" in a Windows-1252 file is the three letters ï»¿, still in the text: nothing to add.
  'windows-1252': (text) => encodeWindows1252(text),
};

export function encoderFor(encoding: Encoding): Encoder | undefined {
  return ENCODERS[encoding];
}

/**
 * The first character of `text` that `encoding` cannot hold, or null. Only Windows-1252
 * lacks characters; UTF-8 and UTF-16 hold them all.
 */
export function unencodable(encoding: Encoding, text: string): Unencodable | null {
  if (encoding !== 'windows-1252') return null;
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    } else if (cp1252Byte(code) === undefined) {
      const point = text.codePointAt(i) ?? code;
      return { encoding, char: String.fromCodePoint(point), line, character: i - lineStart };
    }
  }
  return null;
}

/** "2192" for →: the code point in hex, at least four digits. */
export function codeName(char: string): string {
  return (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}
