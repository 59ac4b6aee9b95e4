// A punkt lacks a section its document kind requires (Indstilling, Beslutning).
// The fix inserts the heading where the profile order puts it, in the style of the
// punkt's other section headings, with a placeholder line to write in.
import type { Position, Punkt, Section, SectionKind } from '../model';
import { SECTION_NAMES } from '../parser/dialect/sections';
import { isNoDecisionItem, isStandingItem } from './options';
import { defineRule, type Finding, type TextEdit } from './types';

function has(sections: readonly Section[], kind: SectionKind): boolean {
  for (const s of sections) if (s.kind === kind || has(s.children, kind)) return true;
  return false;
}

/** The standing and no-decision flags are given as values, or as tests asked only when a section is missing. */
export function missingSections(p: Punkt, required: readonly SectionKind[], standing: boolean | (() => boolean), noDecision: boolean | (() => boolean)): SectionKind[] {
  return required.filter((kind) => {
    if (has(p.sections, kind)) return false;
    if (kind === 'indstilling') return p.recommendation === undefined && !(typeof standing === 'function' ? standing() : standing);
    if (kind === 'beslutning') return !(typeof noDecision === 'function' ? noDecision() : noDecision);
    return true;
  });
}

/** The line written under an inserted heading. */
export const PLACEHOLDER = '…';

/**
 * The canonical order of a punkt's sections: Punktoplysninger, Resume, Sagsfremstilling,
 * the other case sections, Indstilling, Beslutning, Bilag. Ties keep document order.
 */
export function sectionRank(kind: SectionKind): number {
  switch (kind) {
    case 'punktoplysninger':
      return 0;
    case 'resume':
      return 1;
    case 'sagsfremstilling':
      return 2;
    case 'indstilling':
      return 4;
    case 'beslutning':
      return 5;
    case 'bilag':
      return 6;
    default:
      return 3;
  }
}

/** How the punkt's section headings are written: Markdown level, case, colon, bold. */
export interface HeadingStyle {
  level: number | null;
  upper: boolean;
  colon: boolean;
  bold: boolean;
}

export function headingStyle(p: Punkt, lineAt: (line: number) => string): HeadingStyle {
  const sibling = p.sections.find((s) => !s.implicit && !s.merged);
  if (sibling === undefined) {
    return { level: p.level !== null ? Math.min(p.level + 1, 6) : null, upper: false, colon: false, bold: false };
  }
  const raw = lineAt(sibling.headingRange.start.line).trim();
  const letters = sibling.heading.replace(/[^\p{L}]/gu, '');
  return {
    level: sibling.level,
    upper: letters.length > 1 && letters === letters.toUpperCase(),
    colon: raw.endsWith(':') || raw.endsWith(':**'),
    bold: /^(?:#{1,6}\s+)?\*\*/.test(raw),
  };
}

export function formatHeading(name: string, style: HeadingStyle): string {
  let text = style.upper ? name.toUpperCase() : name;
  if (style.colon) text += ':';
  if (style.bold) text = `**${text}**`;
  return style.level !== null ? `${'#'.repeat(style.level)} ${text}` : text;
}

/**
 * Where a missing section goes: right after its nearest predecessor in the canonical
 * order (Beslutning after Indstilling), unless a section that should follow it comes
 * first in the document; then right before that one. Without either, at the punkt's end.
 */
export function insertionPoint(p: Punkt, kind: SectionKind): { after: Section } | { before: Section } | { end: true } {
  const rank = sectionRank(kind);
  let predecessor: Section | undefined;
  let predecessorIndex = -1;
  let successorIndex = -1;
  p.sections.forEach((s, i) => {
    const r = sectionRank(s.kind);
    if (r < rank && (predecessor === undefined || r >= sectionRank(predecessor.kind))) {
      predecessor = s;
      predecessorIndex = i;
    }
    if (r > rank && successorIndex === -1) successorIndex = i;
  });
  if (predecessor !== undefined && (successorIndex === -1 || predecessorIndex < successorIndex)) return { after: predecessor };
  if (successorIndex !== -1) return { before: p.sections[successorIndex] as Section };
  return { end: true };
}

/** The edit that inserts the heading and a placeholder line for a missing section. */
export function insertSectionEdit(p: Punkt, kind: SectionKind, lines: readonly string[]): TextEdit {
  const heading = formatHeading(SECTION_NAMES[kind], headingStyle(p, (i) => lines[i] ?? ''));
  const where = insertionPoint(p, kind);
  if ('before' in where) {
    const at: Position = { line: where.before.range.start.line, character: 0 };
    return { range: { start: at, end: at }, newText: `${heading}\n\n${PLACEHOLDER}\n\n` };
  }
  // After a section or the punkt: at the end of its last line (trailing spaces stay put).
  const last = 'after' in where ? where.after.range.end.line : p.range.end.line;
  const at: Position = { line: last, character: (lines[last] ?? '').length };
  return { range: { start: at, end: at }, newText: `\n\n${heading}\n\n${PLACEHOLDER}` };
}

export default defineRule({
  id: 'missing-section',
  description: {
    da: 'Et punkt mangler et afsnit, som dokumenttypen kræver (fx Indstilling eller Beslutning).',
    en: 'A punkt lacks a section that its document kind requires (such as Indstilling or Beslutning).',
  },
  defaultSeverity: 'error',
  tags: ['struktur'],
  fixable: true,
  messages: {
    da: {
      missing: '{punkt} mangler afsnittet {section}.',
      fix: 'Indsæt afsnittet {section}',
    },
    en: {
      missing: '{punkt} lacks the section {section}.',
      fix: 'Insert the section {section}',
    },
  },
  check({ model, options, lines }) {
    const required = options.requiredSections[model.kind];
    const out: Finding[] = [];
    for (const p of model.punkter) {
      const missing = missingSections(p, required, () => isStandingItem(p, options), () => isNoDecisionItem(p, options));
      if (missing.length === 0) continue;
      const name = p.number !== null ? `Punkt ${p.number}` : `Punktet "${p.title}"`;
      // In profile order, so that two headings inserted at the same place come out in order.
      missing.sort((a, b) => sectionRank(a) - sectionRank(b));
      for (const kind of missing) {
        const section = SECTION_NAMES[kind];
        out.push({
          messageId: 'missing',
          args: { punkt: name, section },
          range: p.titleRange,
          data: { punkt: p.number, section: kind },
          fix: { messageId: 'fix', args: { section }, edits: [insertSectionEdit(p, kind, lines)], safe: false },
        });
      }
    }
    return out;
  },
});
