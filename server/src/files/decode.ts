// Bytes → text for the CLI and the workspace. Pure. UTF-8 (BOM stripped), UTF-16 with a
// BOM, and a Windows-1252 fallback for bytes that are not valid UTF-8. Not text: bytes
// with NUL in them (and no UTF-16 BOM), bytes that begin with a known binary format's
// magic number (PDF, ZIP/docx, PNG, …), and bytes whose first chunk is more than a few
// per cent control characters (see looksBinary).

/** 'utf-8 med ugyldige bytes': UTF-8 with a few stray bytes, read as U+FFFD (so a fix, which would write them as U+FFFD, is refused). */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'utf-8 med ugyldige bytes';

/** No referat is this large; a file above it is refused rather than read into memory. */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;

export type DecodeResult = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: 'binary' };

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (binaryFormat(bytes) !== undefined) return { ok: false, reason: 'binary' };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return textOrBinary(stripBom(new TextDecoder('utf-16le').decode(bytes)), 'utf-16le');
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return textOrBinary(stripBom(new TextDecoder('utf-16be').decode(bytes)), 'utf-16be');
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary' };
  if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
  try {
    return { ok: true, text: stripBom(new TextDecoder('utf-8', { fatal: true }).decode(bytes)), encoding: 'utf-8' };
  } catch {
    // Mostly good UTF-8 with a stray byte stays UTF-8, with that spot as U+FFFD (encoding-damage
    // marks it): read as Windows-1252, one bad byte made every æ, ø and å in the file mojibake.
    const { valid, invalid } = utf8Sequences(bytes);
    if (valid > 0 && invalid <= valid) return { ok: true, text: stripBom(new TextDecoder('utf-8').decode(bytes)), encoding: 'utf-8 med ugyldige bytes' };
    if (looksBinary(bytes, CP1252_UNDEFINED)) return { ok: false, reason: 'binary' };
    return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Valid multi-byte UTF-8 sequences and invalid bytes. Windows-1252 Danish has almost no
 * valid sequences (a letter followed by a 0x80–0xBF byte), UTF-8 Danish has many.
 */
export function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= n;
    for (let k = 1; ok && k < len; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

function textOrBinary(text: string, encoding: Encoding): DecodeResult {
  const head = text.slice(0, SNIFF_BYTES);
  const codes = new Uint16Array(head.length);
  for (let i = 0; i < head.length; i++) codes[i] = head.charCodeAt(i);
  return looksBinary(codes) ? { ok: false, reason: 'binary' } : { ok: true, text, encoding };
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Binary formats known by their first bytes. (PDF and docx will be read in a later issue; until then they are not text.) */
export type BinaryFormat = 'pdf' | 'zip' | 'png' | 'gif' | 'jpeg' | 'ole' | 'gzip' | 'elf' | 'rar' | '7z';

const MAGIC: readonly { format: BinaryFormat; bytes: readonly number[] }[] = [
  { format: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { format: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] }, // PK\3\4: zip, docx, xlsx, odt
  { format: 'zip', bytes: [0x50, 0x4b, 0x05, 0x06] }, // an empty zip
  { format: 'png', bytes: [0x89, 0x50, 0x4e, 0x47] }, // \x89PNG
  { format: 'gif', bytes: [0x47, 0x49, 0x46, 0x38] }, // GIF8
  { format: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { format: 'ole', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] }, // .doc, .xls, .msg
  { format: 'gzip', bytes: [0x1f, 0x8b] },
  { format: 'elf', bytes: [0x7f, 0x45, 0x4c, 0x46] }, // \x7fELF
  { format: 'rar', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] }, // Rar!\x1a\x07
  { format: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
];

/** The binary format whose magic number the bytes begin with, if any. */
/** A file's bytes as text, or 'binary' with the format their magic number names: the disk's reads (files/read.ts) and the browser's alike. */
export function decodeFile(bytes: Uint8Array): DecodeResult | { ok: false; reason: 'binary'; detail: BinaryFormat } {
  const decoded = decodeText(bytes);
  if (decoded.ok) return decoded;
  const format = binaryFormat(bytes);
  return format === undefined ? decoded : { ok: false, reason: 'binary', detail: format };
}

export function binaryFormat(bytes: Uint8Array): BinaryFormat | undefined {
  return MAGIC.find((m) => m.bytes.length <= bytes.length && m.bytes.every((b, i) => bytes[i] === b))?.format;
}

/** How much of the start is looked at. */
const SNIFF_BYTES = 8192;
/** Text has (almost) no control characters; above this share of the first chunk, it is not text. */
const MAX_CONTROL_SHARE = 0.02;
/** The bytes Windows-1252 leaves undefined: no text in that encoding has them. */
const CP1252_UNDEFINED: ReadonlySet<number> = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Whether the first chunk is more than 2 % C0 control characters other than tab, LF,
 * VT, FF and CR (or DEL, or one of `alsoCount`). Text has none or a stray one; random or
 * compressed bytes have about 11 %. A DOS end-of-file mark (^Z) at the very end is not
 * counted.
 */
export function looksBinary(units: ArrayLike<number>, alsoCount?: ReadonlySet<number>): boolean {
  const n = Math.min(units.length, SNIFF_BYTES);
  if (n === 0) return false;
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const c = units[i] as number;
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f || alsoCount?.has(c) === true) controls++;
  }
  if (units.length <= SNIFF_BYTES && units[units.length - 1] === 0x1a) controls--;
  return controls > n * MAX_CONTROL_SHARE;
}

// 0x80–0x9F in Windows-1252; the rest is Latin-1. (Node's TextDecoder('windows-1252')
// decodes this block as C1 controls, so it is done here.) Undefined bytes map to C1.
export const CP1252_HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes: number[] = [];
    for (const b of bytes.subarray(i, i + CHUNK)) codes.push(b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] ?? b) : b);
    out += String.fromCharCode(...codes);
  }
  return out;
}
