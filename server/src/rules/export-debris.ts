// Lines that are web-page controls left by an export, not content.
import { defineRule, type Finding } from './types';

export default defineRule({
  id: 'export-debris',
  description: {
    da: 'Linjer, der er knapper og links fra en webside ("Kopier link til punktet - Print", "Til toppen", cookie-bannere), ikke indhold.',
    en: 'Lines that are web-page controls ("Kopier link til punktet - Print", "Til toppen", cookie banners), not content.',
  },
  defaultSeverity: 'warning',
  tags: ['eksport'],
  fixable: true,
  messages: {
    da: { debris: 'Rester fra webeksport: "{text}".', cookie: 'Cookie-banner fra webeksport: "{text}".', fix: 'Fjern linjen', fixGlued: 'Fjern resten' },
    en: { debris: 'Web-export debris: "{text}".', cookie: 'Cookie banner from a web export: "{text}".', fix: 'Remove the line', fixGlued: 'Remove the debris' },
  },
  check({ model, lines }) {
    const out: Finding[] = [];
    for (const d of model.debris) {
      // PDF page furniture (page numbers, "background image") comes with reading a PDF, not from the document.
      if (d.kind === 'page') continue;
      if (d.glued === true) {
        // Glued to text that stays ("UdskrivSagsid.: …"): only the control goes.
        out.push({ messageId: 'debris', args: { text: d.text }, range: d.range, data: { kind: d.kind }, fix: { messageId: 'fixGlued', edits: [{ range: d.range, newText: '' }], safe: true } });
        continue;
      }
      const line = d.range.start.line;
      // Remove the whole line with its line break, and one blank line after it
      // so that removing the debris does not leave a double gap.
      let endLine = line + 1;
      if (endLine < lines.length && (lines[endLine] as string).trim() === '' && endLine + 1 < lines.length) endLine++;
      const range =
        endLine < lines.length
          ? { start: { line, character: 0 }, end: { line: endLine, character: 0 } }
          : { start: { line, character: 0 }, end: { line, character: (lines[line] as string).length } };
      out.push({
        messageId: d.kind === 'cookie' ? 'cookie' : 'debris',
        args: { text: d.text },
        range: d.range,
        data: { kind: d.kind },
        fix: { messageId: 'fix', edits: [{ range, newText: '' }], safe: true },
      });
    }
    return out;
  },
});
