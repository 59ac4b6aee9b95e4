// Punkt numbers that skip a number, repeat one or go backwards. Numbers may
// start anywhere (46, 90, 131): many systems number across the whole year.
import type { Punkt, Range } from '../model';
import { defineRule, type Finding, type Fix, type TextEdit } from './types';

// "• 1" above the title, or "Sag nr. 11" below it: the number is on its own line.
const OWN_LINE_NUMBER = /^(\s*(?:[•·▪]\s*|Sag\s+nr\.?\s*))(\d{1,4})\.?\s*$/i;

/** Where the punkt's number is written, or null when it cannot be found. */
export function numberRange(p: Punkt, lines: readonly string[]): Range | null {
  const n = p.number;
  if (n === null) return null;
  const hl = p.headingRange.start.line;
  const raw = lines[hl] ?? '';
  // Inline forms: the number sits in the heading before the title.
  const from = p.headingRange.start.character;
  const to = p.titleRange.start.line === hl ? Math.min(p.titleRange.start.character, raw.length) : raw.length;
  for (let i = from; i < to; i++) {
    if (!isDigit(raw.charCodeAt(i))) continue;
    let e = i;
    while (e < to && isDigit(raw.charCodeAt(e))) e++;
    if (Number(raw.slice(i, e)) === n) return { start: { line: hl, character: i }, end: { line: hl, character: e } };
    i = e;
  }
  // Own-line forms: a few lines around the heading, inside the punkt.
  const last = Math.min(hl + 3, p.range.end.line, lines.length - 1);
  for (let l = p.range.start.line; l <= last; l++) {
    if (l === hl) continue;
    const m = OWN_LINE_NUMBER.exec(lines[l] ?? '');
    if (m && Number(m[2]) === n) {
      const s = (m[1] as string).length;
      return { start: { line: l, character: s }, end: { line: l, character: s + (m[2] as string).length } };
    }
  }
  return null;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** "4", "4–6", "2, 4–6, 9": ascending numbers as short ranges. */
function formatNumbers(ns: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && (ns[j + 1] as number) === (ns[j] as number) + 1) j++;
    parts.push(j === i ? String(ns[i]) : j === i + 1 ? `${ns[i]}, ${ns[j]}` : `${ns[i]}–${ns[j]}`);
    i = j + 1;
  }
  return parts.length > 6 ? parts.slice(0, 6).join(', ') + ', …' : parts.join(', ');
}

export default defineRule({
  id: 'punkt-numbering',
  description: {
    da: 'Punktnumre, der springer et nummer over, går igen eller står i forkert rækkefølge.',
    en: 'Punkt numbers that skip a number, occur twice or are out of order.',
  },
  defaultSeverity: 'warning',
  tags: ['struktur'],
  fixable: true,
  messages: {
    da: {
      gap: 'Punkt {number} følger efter punkt {previous}; punkt {missing} mangler.',
      gapMany: 'Punkt {number} følger efter punkt {previous}; punkterne {missing} mangler.',
      duplicate: 'Punkt {number} findes to gange.',
      duplicateMany: 'Punkt {number} findes {count} gange.',
      order: 'Punkt {number} står efter punkt {previous}.',
      fix: 'Nummerér punkterne fortløbende fra {first}',
    },
    en: {
      gap: 'Punkt {number} follows punkt {previous}; punkt {missing} is missing.',
      gapMany: 'Punkt {number} follows punkt {previous}; punkter {missing} are missing.',
      duplicate: 'Punkt {number} occurs twice.',
      duplicateMany: 'Punkt {number} occurs {count} times.',
      order: 'Punkt {number} comes after punkt {previous}.',
      fix: 'Renumber the punkter consecutively from {first}',
    },
  },
  check({ model, lines }) {
    const numbered = model.punkter.filter((p) => p.number !== null);
    if (numbered.length < 2) return [];
    const count = new Map<number, number>();
    for (const p of numbered) count.set(p.number as number, (count.get(p.number as number) ?? 0) + 1);

    const out: Finding[] = [];
    const seen = new Set<number>();
    let max = numbered[0]?.number as number;
    for (const p of numbered) {
      const n = p.number as number;
      if (seen.has(n)) {
        const c = count.get(n) as number;
        out.push({ messageId: c === 2 ? 'duplicate' : 'duplicateMany', args: { number: n, count: c }, range: p.headingRange, data: { kind: 'duplicate', number: n } });
        continue;
      }
      seen.add(n);
      if (n < max) {
        out.push({ messageId: 'order', args: { number: n, previous: max }, range: p.headingRange, data: { kind: 'order', number: n, previous: max } });
        continue;
      }
      if (n > max + 1) {
        // Only numbers found nowhere are missing; one that comes later is out of
        // order and reported there. Total work is bounded by the largest number.
        const missing: number[] = [];
        for (let k = max + 1; k < n; k++) if (!count.has(k)) missing.push(k);
        if (missing.length > 0) {
          out.push({
            messageId: missing.length === 1 ? 'gap' : 'gapMany',
            args: { number: n, previous: max, missing: formatNumbers(missing) },
            range: p.headingRange,
            data: { kind: 'gap', number: n, previous: max, missing },
          });
        }
      }
      max = n;
    }
    if (out.length === 0) return out;

    // One fix for the whole document, shared by every finding: renumber from the
    // first number. It changes references in the text, so it is not safe.
    const first = numbered[0]?.number as number;
    const edits: TextEdit[] = [];
    let located = true;
    numbered.forEach((p, i) => {
      const want = first + i;
      if (p.number === want) return;
      const range = numberRange(p, lines);
      if (range === null) located = false;
      else edits.push({ range, newText: String(want) });
    });
    if (located && edits.length > 0) {
      const fix: Fix = { messageId: 'fix', args: { first }, edits, safe: false };
      for (const f of out) f.fix = fix;
    }
    return out;
  },
});
