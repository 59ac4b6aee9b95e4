// A punkt lacks a section its document kind requires (Indstilling, Beslutning).
import type { Punkt, Section, SectionKind } from '../model';
import { SECTION_NAMES } from '../parser/sections';
import { isNoDecisionItem, isStandingItem } from './options';
import { defineRule, type Finding } from './types';

function has(sections: readonly Section[], kind: SectionKind): boolean {
  for (const s of sections) if (s.kind === kind || has(s.children, kind)) return true;
  return false;
}

export function missingSections(p: Punkt, required: readonly SectionKind[], standing: boolean, noDecision: boolean): SectionKind[] {
  return required.filter((kind) => {
    if (kind === 'indstilling' && standing) return false;
    if (kind === 'beslutning' && noDecision) return false;
    return !has(p.sections, kind);
  });
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
  check({ model, options }) {
    const required = options.requiredSections[model.kind];
    const out: Finding[] = [];
    for (const p of model.punkter) {
      const missing = missingSections(p, required, isStandingItem(p, options), isNoDecisionItem(p, options));
      const name = p.number !== null ? `Punkt ${p.number}` : `Punktet "${p.title}"`;
      for (const kind of missing) {
        const section = SECTION_NAMES[kind];
        // Insert after the punkt's last line, in plain-text style; the quick-fix
        // issue refines placement (profile order, Markdown level).
        const end = p.range.end;
        out.push({
          messageId: 'missing',
          args: { punkt: name, section },
          range: p.titleRange,
          data: { punkt: p.number, section: kind },
          fix: {
            messageId: 'fix',
            args: { section },
            edits: [{ range: { start: end, end }, newText: `\n\n${p.level !== null ? '#'.repeat(Math.min(p.level + 1, 6)) + ' ' : ''}${section}\n\n…` }],
            safe: false,
          },
        });
      }
    }
    return out;
  },
});
