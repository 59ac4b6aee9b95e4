// Punkt headings at different Markdown levels in the same document.
import type { Punkt } from '../model';
import { defineRule, type Finding } from './types';

const LEADING_SPACE = new Set([' ', '\t', '\u00a0', '\ufeff', '\u200b']);

/** The most common punkt level; a tie goes to the level seen first. */
export function normLevel(punkter: readonly Punkt[]): number | null {
  const count = [0, 0, 0, 0, 0, 0, 0];
  const order: number[] = [];
  for (const p of punkter) {
    if (p.level === null) continue;
    if (count[p.level] === 0) order.push(p.level);
    count[p.level] = (count[p.level] as number) + 1;
  }
  let best: number | null = null;
  for (const l of order) if (best === null || (count[l] as number) > (count[best] as number)) best = l;
  return best;
}

export default defineRule({
  id: 'heading-levels',
  description: {
    da: 'Punktoverskrifter på forskellige Markdown-niveauer i samme dokument.',
    en: 'Punkt headings at different Markdown levels in the same document.',
  },
  defaultSeverity: 'hint',
  tags: ['eksport', 'struktur'],
  fixable: true,
  messages: {
    da: {
      level: 'Punkt {number} er en overskrift på niveau {level}, men punkterne står på niveau {norm}.',
      levelUnnumbered: 'Punktet "{title}" er en overskrift på niveau {level}, men punkterne står på niveau {norm}.',
      fix: 'Gør overskriften til niveau {norm}',
    },
    en: {
      level: 'Punkt {number} is a level {level} heading, but the punkter are at level {norm}.',
      levelUnnumbered: 'The punkt "{title}" is a level {level} heading, but the punkter are at level {norm}.',
      fix: 'Make the heading level {norm}',
    },
  },
  check({ model, lines }) {
    // Plain-text punkter have no level; only Markdown headings are compared.
    const norm = normLevel(model.punkter);
    if (norm === null) return [];
    const out: Finding[] = [];
    for (const p of model.punkter) {
      if (p.level === null || p.level === norm) continue;
      const line = p.headingRange.start.line;
      const raw = lines[line] ?? '';
      let s = 0;
      while (s < raw.length && LEADING_SPACE.has(raw[s] as string)) s++;
      let e = s;
      while (e < raw.length && raw[e] === '#') e++;
      const finding: Finding = {
        messageId: p.number !== null ? 'level' : 'levelUnnumbered',
        args: p.number !== null ? { number: p.number, level: p.level, norm } : { title: p.title, level: p.level, norm },
        range: p.headingRange,
        data: { punkt: p.number, level: p.level, norm },
      };
      // Only the leading #'s change; the rest of the line stays as written.
      if (e - s === p.level) {
        finding.fix = {
          messageId: 'fix',
          args: { norm },
          edits: [{ range: { start: { line, character: s }, end: { line, character: e } }, newText: '#'.repeat(norm) }],
          safe: true,
        };
      }
      out.push(finding);
    }
    return out;
  },
});
