// One door to the Word and PDF readers, for the CLI and the language server alike. In
// the bundles this module is not inlined: esbuild.mjs builds it apart, as
// dist/lazy/documents.js, and the callers import it on first use, so that neither main
// bundle nor its start-up carries the readers (mammoth and pdf.js are further apart still).
import type { DocumentFormat, ExtractResult } from './document';
import { extractDocx } from './docx';
import { extractPdf } from './pdf';

export function extractDocument(format: DocumentFormat, bytes: Uint8Array): Promise<ExtractResult> {
  return format === 'pdf' ? extractPdf(bytes) : extractDocx(bytes);
}
