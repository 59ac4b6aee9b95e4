// Referat could not read the document's layout: a document of some length in which no
// punkt was found, punkter without a single section heading, or minutes whose kind
// cannot be told. Never a clean bill of health on text the parser did not understand:
// the finding says what was recognised and how to describe the layout.
import type { ReferatModel, Section } from '../model';
import { defineRule, type Finding } from './types';

/** A document with at least this many lines of text is long enough to hold punkter. */
export const MIN_CONTENT_LINES = 15;
/** …or this many characters, however few lines they are on (one 10 MB line was passed as clean). */
export const MIN_CONTENT_CHARS = 3000;

function longEnough(lines: readonly string[]): boolean {
  let n = 0;
  let chars = 0;
  for (const l of lines) {
    const t = l.trim().length;
    chars += t;
    if (t > 0) n++;
    if (n >= MIN_CONTENT_LINES || chars >= MIN_CONTENT_CHARS) return true;
  }
  return false;
}

function anySection(model: ReferatModel): boolean {
  const visit = (ss: readonly Section[]): boolean => ss.some((s) => !s.implicit || visit(s.children));
  return model.punkter.some((p) => p.sections.length > 0 && visit(p.sections));
}

/** What the parser did recognise, as message arguments in no language ("–" for nothing found). */
function recognised(model: ReferatModel): Record<string, string | number> {
  const r = model.recognised;
  return {
    kind: model.kind,
    committee: model.header.committee?.text ?? '–',
    date: model.header.meetingDate ?? '–',
    sections: r.sectionHeadings,
    cases: r.caseNumbers,
    candidates: r.candidates,
  };
}

export default defineRule({
  id: 'unrecognized-layout',
  description: {
    da: 'Referat kan ikke læse dokumentets layout: ingen punkter i et dokument af en vis længde, punkter uden afsnit, eller en dokumenttype, der ikke kan afgøres. Beskriv layoutet i .referatrc.json.',
    en: "Referat cannot read the document's layout: no punkter in a document of some length, punkter without sections, or a kind that cannot be told. Describe the layout in .referatrc.json.",
  },
  defaultSeverity: 'information',
  tags: ['layout'],
  fixable: false,
  messages: {
    da: {
      noPunkter:
        'Referat fandt ingen punkter i dokumentet, så det er ikke tjekket. Genkendt: dokumenttype {kind}, udvalg {committee}, mødedato {date}, {sections} afsnitsoverskrifter, {cases} sagsnumre eller felter, {candidates} linjer, der ligner punktoverskrifter. Beskriv jeres punktoverskrifter i .referatrc.json ("punktForms").',
      noSections: 'Referat fandt {count} punkter, men ingen afsnitsoverskrifter, så Indstilling og Beslutning er ikke tjekket. Beskriv jeres afsnitsnavne i .referatrc.json ("sectionAliases").',
      noKind: 'Referat kan ikke afgøre, om dokumentet er et referat, en dagsorden eller en beslutningsprotokol. Skriv typen i titlen (fx "Referat"), eller beskriv jeres beslutningsafsnit i .referatrc.json.',
    },
    en: {
      noPunkter:
        'Referat found no punkter in the document, so it was not checked. Recognised: kind {kind}, committee {committee}, meeting date {date}, {sections} section headings, {cases} case numbers or fields, {candidates} lines that look like punkt headings. Describe your punkt headings in .referatrc.json ("punktForms").',
      noSections: 'Referat found {count} punkter but no section headings, so Indstilling and Beslutning were not checked. Describe your section names in .referatrc.json ("sectionAliases").',
      noKind: 'Referat cannot tell whether the document is a referat, a dagsorden or a beslutningsprotokol. Put the kind in the title (such as "Referat"), or describe your decision sections in .referatrc.json.',
    },
  },
  check({ model, lines }) {
    const out: Finding[] = [];
    const at = model.title?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (model.punkter.length === 0) {
      // Unheaded cases (a case-number field and its sections) are a layout read all the same.
      if (model.blocks.length === 0 && longEnough(lines)) {
        out.push({ messageId: 'noPunkter', args: recognised(model), range: at, data: { reason: 'no-punkter', recognised: model.recognised } });
      }
      return out;
    }
    if (model.punkter.length >= 2 && !anySection(model)) {
      out.push({ messageId: 'noSections', args: { count: model.punkter.length }, range: at, data: { reason: 'no-sections' } });
      return out;
    }
    // Two complete punkter (the last may be cut short) give the text a chance to tell its kind.
    if (model.kind === 'unknown' && model.punkter.length >= 3) out.push({ messageId: 'noKind', range: at, data: { reason: 'no-kind' } });
    return out;
  },
});
