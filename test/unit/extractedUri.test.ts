// The URI of a Word or PDF file's text (protocol.ts): as VS Code writes it (no "//" without
// an authority), and back to the file, for local paths and UNC shares alike.
import { describe, expect, it } from 'vitest';
import { extractedUri, sourceOfExtracted } from '../../server/src/protocol';

describe('extracted-text URIs', () => {
  it.each([
    ['file:///home/anna/Referat%20BEU.pdf', 'referat-extract:/home/anna/Referat%20BEU.pdf'],
    ['file:///c%3A/Referater/dagsorden.docx', 'referat-extract:/c%3A/Referater/dagsorden.docx'],
    ['file://server/share/Referat.pdf', 'referat-extract://server/share/Referat.pdf'],
  ])('%s ↔ %s', (file, extracted) => {
    expect(extractedUri(file)).toBe(extracted);
    expect(sourceOfExtracted(extracted)).toBe(file);
  });

  it('only file: URIs have one, and only its own scheme has a source', () => {
    expect(extractedUri('untitled:Untitled-1')).toBeNull();
    expect(extractedUri('vscode-vfs://github/a/b/Referat.pdf')).toBeNull();
    expect(sourceOfExtracted('file:///a.pdf')).toBeNull();
  });
});
