// Headings glued together by an export that lost the line break between them:
// "BilagBeslutning", "Indholdsfortegnelse1. Fraværende", and a punkt number glued
// to its title ("38Godkendelse af dagsorden").
import type { Punkt, Section } from '../model';
import { linesMatching } from '../parser/lines';
import { defineRule, type Finding, type TextEdit } from './types';
import { quotedList, range } from './textUtil';

function collectMerged(sections: readonly Section[], byLine: Map<number, Section[]>): void {
  for (const s of sections) {
    if (s.merged) {
      const line = s.headingRange.start.line;
      const group = byLine.get(line);
      if (group === undefined) byLine.set(line, [s]);
      else group.push(s);
    }
    collectMerged(s.children, byLine);
  }
}

// "Indholdsfortegnelse1. Fraværende", "## Indholdsfortegnelse Punkt 1" is fine (a space).
const TOC_GLUED = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?(?:Indholdsfortegnelse(?=[\p{Lu}\d])|INDHOLDSFORTEGNELSE(?=\d))/u;
const TOC_WORD = 'Indholdsfortegnelse'.length;
const TOC_WORD_ANYWHERE = /Indholdsfortegnelse|INDHOLDSFORTEGNELSE/;

/**
 * The separator a glued punkt number gets: the style of the document's other
 * numbered punkter ("3: Titel" or "3. Titel"), else ". ", the most common form.
 */
function punktSeparator(punkter: readonly Punkt[]): string {
  let colon = 0;
  let dot = 0;
  for (const p of punkter) {
    if (p.form === 'number-colon') colon++;
    else if (p.form === 'number-dot') dot++;
  }
  return colon > dot ? ': ' : '. ';
}

function shorten(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export default defineRule({
  id: 'merged-headings',
  description: {
    da: 'To overskrifter, der er skrevet sammen uden linjeskift ("BilagBeslutning", "Indholdsfortegnelse1. Fraværende"), eller et punktnummer skrevet sammen med titlen ("38Godkendelse af dagsorden").',
    en: 'Two headings glued together without a line break ("BilagBeslutning", "Indholdsfortegnelse1. Fraværende"), or a punkt number glued to its title ("38Godkendelse af dagsorden").',
  },
  defaultSeverity: 'warning',
  tags: ['eksport', 'struktur'],
  fixable: true,
  messages: {
    da: {
      merged: 'Overskrifterne {first} og {last} er skrevet sammen.',
      toc: 'Overskriften "Indholdsfortegnelse" er skrevet sammen med "{rest}".',
      punkt: 'Punktnummeret {number} er skrevet sammen med titlen "{title}".',
      fixLines: 'Skriv overskrifterne på hver sin linje',
      fixToc: 'Sæt linjeskift efter "Indholdsfortegnelse"',
      fixPunkt: 'Indsæt "{separator}" mellem nummer og titel',
    },
    en: {
      merged: 'The headings {first} and {last} are glued together.',
      toc: 'The heading "Indholdsfortegnelse" is glued to "{rest}".',
      punkt: 'The punkt number {number} is glued to the title "{title}".',
      fixLines: 'Put the headings on separate lines',
      fixToc: 'Break the line after "Indholdsfortegnelse"',
      fixPunkt: 'Insert "{separator}" between number and title',
    },
  },
  check({ model, lines }) {
    const out: Finding[] = [];

    // (a) "BilagBeslutning": the parser split it and marked the parts.
    const byLine = new Map<number, Section[]>();
    for (const p of model.punkter) collectMerged(p.sections, byLine);
    for (const [ln, group] of byLine) {
      if (group.length < 2) continue;
      const parts = [...group].sort((a, b) => a.headingRange.start.character - b.headingRange.start.character);
      const first = parts[0] as Section;
      const last = parts[parts.length - 1] as Section;
      const line = lines[ln] ?? '';
      // Repeat the line's decoration on each new line: "## BilagBeslutning" → "## Bilag", "## Beslutning".
      const prefix = line.slice(0, first.headingRange.start.character);
      const suffix = line.slice(last.headingRange.end.character).trimEnd();
      const edits: TextEdit[] = [];
      for (let k = 0; k + 1 < parts.length; k++) {
        const at = (parts[k] as Section).headingRange.end;
        edits.push({ range: { start: at, end: at }, newText: `${suffix}\n\n${prefix}` });
      }
      out.push({
        messageId: 'merged',
        args: { first: quotedList(parts.slice(0, -1).map((s) => s.heading)), last: `"${last.heading}"` },
        range: range(ln, first.headingRange.start.character, last.headingRange.end.character),
        data: { headings: parts.map((s) => s.heading) },
        fix: { messageId: 'fixLines', edits, safe: true },
      });
    }

    // (b) "Indholdsfortegnelse1. Fraværende"
    // Only lines with the word can match (one search over the whole text).
    for (const ln of linesMatching(lines, TOC_WORD_ANYWHERE)) {
      const line = lines[ln] as string;
      // Cheap pre-filter before the anchored regex: the word must be in the line's head.
      if (line.length <= TOC_WORD) continue;
      const c = line.charCodeAt(0);
      if (c !== 73 && c !== 32 && c !== 9 && c !== 35 && c !== 42) continue; // I, space, tab, #, *
      const m = TOC_GLUED.exec(line);
      if (m === null) continue;
      const at = m[0].length;
      const start = at - TOC_WORD;
      const rest = line.slice(at).trim().replace(/\*\*$/, '');
      out.push({
        messageId: 'toc',
        args: { rest: shorten(rest) },
        range: range(ln, start, line.trimEnd().length),
        data: { rest },
        fix: { messageId: 'fixToc', edits: [{ range: range(ln, at, at), newText: '\n\n' }], safe: true },
      });
    }

    // (c) "38Godkendelse af dagsorden", accepted as a punkt by the parser.
    let separator: string | null = null;
    for (const p of model.punkter) {
      if (p.form !== 'number-glued') continue;
      separator ??= punktSeparator(model.punkter);
      const at = p.titleRange.start;
      out.push({
        messageId: 'punkt',
        args: { number: p.number ?? '', title: shorten(p.title) },
        range: { start: p.headingRange.start, end: p.titleRange.end },
        data: { number: p.number, separator },
        fix: { messageId: 'fixPunkt', args: { separator }, edits: [{ range: { start: at, end: at }, newText: separator }], safe: true },
      });
    }

    out.sort((a, b) => a.range.start.line - b.range.start.line);
    return out;
  },
});
