// A section heading with no text before the next heading or punkt.
import type { Punkt, Section } from '../model';
import { defineRule, type Finding } from './types';

export default defineRule({
  id: 'empty-section',
  description: {
    da: 'En afsnitsoverskrift uden tekst før næste overskrift eller punkt ("Intet." og "Ingen bemærkninger." tæller som tekst).',
    en: 'A section heading with no text before the next heading or punkt ("Intet." and "Ingen bemærkninger." count as text).',
  },
  defaultSeverity: 'warning',
  tags: ['struktur'],
  fixable: false,
  messages: {
    da: {
      empty: 'Afsnittet {section} i punkt {number} er tomt.',
      emptyUnnumbered: 'Afsnittet {section} i punktet "{title}" er tomt.',
    },
    en: {
      empty: 'The section {section} in punkt {number} is empty.',
      emptyUnnumbered: 'The section {section} in the punkt "{title}" is empty.',
    },
  },
  check({ model }) {
    const out: Finding[] = [];
    // A dagsorden may print an empty Beslutning heading: the decision is not taken
    // yet. A closed punkt ("Lukket: …") withholds its case text on purpose (§ 10),
    // but its decision is still published, so only its Beslutning is checked.
    const skipBeslutning = model.kind === 'dagsorden';
    // A section is non-empty when it has body lines or a non-empty child; an
    // empty section is reported at the innermost level, once.
    const visit = (p: Punkt, sections: readonly Section[]): void => {
      for (const s of sections) {
        // Glued headings ("BilagBeslutning") are merged-headings' to report; an
        // implicit Indstilling is a paragraph, not a heading.
        if (s.merged || s.implicit) continue;
        // An umbrella ("INDHOLD") introduces the headings after it; attendance and remarks
        // on the agenda are written at the meeting, so a dagsorden leaves them empty.
        if (s.container === true) continue;
        if (model.kind === 'dagsorden' && (s.kind === 'fremmøde' || /^bemærkninger\b/i.test(s.heading))) continue;
        if (s.bodyLines > 0) {
          visit(p, s.children);
          continue;
        }
        if (s.children.length > 0) {
          // The children carry the content or, when they are empty, the findings.
          visit(p, s.children);
          continue;
        }
        if (s.kind === 'beslutning' ? skipBeslutning : p.closed) continue;
        out.push({
          messageId: p.number !== null ? 'empty' : 'emptyUnnumbered',
          args: p.number !== null ? { section: s.heading.replace(/\s*:$/, ''), number: p.number } : { section: s.heading.replace(/\s*:$/, ''), title: p.title },
          range: s.headingRange,
          data: { punkt: p.number, section: s.kind },
        });
      }
    };
    for (const p of model.punkter) visit(p, p.sections);
    return out;
  },
});
