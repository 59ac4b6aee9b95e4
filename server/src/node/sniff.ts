// Reads the head of a .txt or .md file on disk and asks the parser whether it is minutes
// (parser/sniff.ts), as the workspace index asks of the whole text: the CLI's folder walk.
// A file that cannot be read is not minutes here: the caller never reads it again.
import { promises as fsp } from 'fs';
import { decodeText } from '../files/decode';
import type { ParseOptions } from '../parser/parse';
import { SNIFF_CHARS, sniffMinutes } from '../parser/sniff';

/** Bytes read: UTF-8 Danish needs up to two per character, UTF-16 two. */
const SNIFF_BYTES = SNIFF_CHARS * 2;

export async function looksLikeMinutesFile(file: string, options: ParseOptions = {}): Promise<boolean> {
  let handle;
  try {
    handle = await fsp.open(file, 'r');
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    const decoded = decodeText(buffer.subarray(0, bytesRead));
    return decoded.ok && sniffMinutes(decoded.text, options).minutes;
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}
