// A referat turned back into the dagsorden it was written from: this meeting's Beslutning
// sections removed (an earlier body's decision stays, as in a real dagsorden) and the kind
// word in the header made "Dagsorden". For testing `referat new --from` on every layout
// of the corpus and the dialect fixtures.
import { KIND_NOISE } from '../../server/src/parser/dialect/header';
import { parseReferat } from '../../server/src/parser/parse';
import { committeeKey } from '../../server/src/rules/sameMeeting';
import type { ReferatModel, Section } from '../../server/src/model';

const KIND = /(?<![\p{L}\p{N}])(referat|beslutningsprotokol)(?![\p{L}\p{N}])/giu;

function inCaseOf(model: string, word: string): string {
  if (model === model.toUpperCase()) return word.toUpperCase();
  if (model.charAt(0) === model.charAt(0).toUpperCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

function ownDecision(s: Section, model: ReferatModel): boolean {
  if (s.kind !== 'beslutning') return false;
  const own = model.header.committee === null ? null : committeeKey(model.header.committee.text);
  if (s.committee === null || own === null) return true;
  const key = committeeKey(s.committee);
  return key === own || own.endsWith(` ${key}`) || key.endsWith(` ${own}`);
}

export function agendaOf(text: string): string {
  const model = parseReferat(text);
  const lines = text.split(/\r\n|\r|\n/);
  const ends = [...text.matchAll(/\r\n|\r|\n/g)].map((m) => m[0]);
  const drop = new Set<number>();
  const cut = new Map<number, number>();
  for (const p of model.punkter) {
    for (const s of p.sections) {
      if (!ownDecision(s, model)) continue;
      const line = s.headingRange.start.line;
      const raw = lines[line] ?? '';
      if (!/^[\s•*#>-]*$/u.test(raw.slice(0, s.headingRange.start.character))) {
        // A heading inside a flattened PDF line: the rest of the line goes.
        cut.set(line, s.headingRange.start.character);
        continue;
      }
      for (let l = line; l <= s.range.end.line; l++) drop.add(l);
      for (let l = s.range.end.line + 1; l < lines.length && (lines[l] ?? '').trim() === '' && l + 1 < lines.length; l++) drop.add(l);
    }
  }
  const first = model.punkter[0];
  const headerEnd = first === undefined ? lines.length : first.range.start.line;
  let out = '';
  lines.forEach((raw, i) => {
    if (drop.has(i)) return;
    let line = cut.has(i) ? raw.slice(0, cut.get(i)).trimEnd() : raw;
    const inToc = model.toc !== null && i >= model.toc.range.start.line && i <= model.toc.range.end.line;
    if (i < headerEnd && !inToc && line.length <= 150) {
      let masked = line;
      for (const n of KIND_NOISE) masked = masked.replace(new RegExp(n.re.source, `${n.re.flags.replace('g', '')}g`), (m) => '\u0000'.repeat(m.length));
      let next = '';
      let at = 0;
      for (const m of masked.matchAll(KIND)) {
        next += line.slice(at, m.index) + inCaseOf(line.slice(m.index, m.index + m[0].length), 'dagsorden');
        at = m.index + m[0].length;
      }
      line = next + line.slice(at);
    }
    out += line + (ends[i] ?? '');
  });
  return out;
}
