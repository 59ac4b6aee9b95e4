// Text → bytes, for writing a file back in the encoding it was read in (files/write.ts).
// Pure. For now only UTF-8 is written; a file read as UTF-16 or Windows-1252 has no
// encoder yet, so a fix to it is refused (the CLI says so). A later encoder is one more
// row in ENCODERS: the write path asks only encoderFor().
import type { Encoding } from './decode';

/** The bytes for `text`, with a byte order mark in front when the file had one. */
export type Encoder = (text: string, bom: boolean) => Uint8Array;

const ENCODERS: Partial<Record<Encoding, Encoder>> = {
  'utf-8': (text, bom) => Buffer.from(bom ? `\ufeff${text}` : text, 'utf8'),
};

export function encoderFor(encoding: Encoding): Encoder | undefined {
  return ENCODERS[encoding];
}
