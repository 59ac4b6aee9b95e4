// A Word or PDF file read whole and handed to its reader (files/extract.ts, imported on
// first use): what the language server does when the user asks to see such a file's text.
import { promises as fsp } from 'fs';
import { binaryFormat } from './decode';
import { documentFormatOf, type DocumentFailure, type ExtractedDocument } from './document';
import { failure, MAX_TEXT_FILE_BYTES, type ReadFailure } from './read';

export type ReadDocumentResult =
  | { ok: true; document: ExtractedDocument }
  | { ok: false; reason: 'read'; failure: ReadFailure; detail?: string }
  | { ok: false; reason: 'not-document' }
  | { ok: false; reason: 'document'; failure: DocumentFailure; detail?: string };

export async function readDocumentFile(file: string, maxBytes = MAX_TEXT_FILE_BYTES): Promise<ReadDocumentResult> {
  let bytes: Buffer;
  try {
    const stat = await fsp.stat(file);
    if (stat.isDirectory()) return { ok: false, reason: 'read', failure: 'is-directory' };
    if (!stat.isFile()) return { ok: false, reason: 'read', failure: 'not-a-file' };
    if (stat.size > maxBytes) return { ok: false, reason: 'read', failure: 'too-large' };
    bytes = await fsp.readFile(file);
  } catch (error) {
    const f = failure(error);
    return { ok: false, reason: 'read', failure: f.reason, ...(f.detail === undefined ? {} : { detail: f.detail }) };
  }
  const format = documentFormatOf(binaryFormat(bytes));
  if (format === undefined) return { ok: false, reason: 'not-document' };
  const extracted = await (await import('./extract')).extractDocument(format, bytes);
  if (!extracted.ok) return { ok: false, reason: 'document', failure: extracted.reason, ...(extracted.detail === undefined ? {} : { detail: extracted.detail }) };
  return { ok: true, document: extracted.document };
}
