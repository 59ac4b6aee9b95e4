// Property test: re-parsing an edited version from the previous parse gives exactly the
// model (and the findings) a full parse of the edited text gives, for random edits of the
// corpus and the rule fixtures, one after another as while typing.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReferatModel } from '../../server/src/model';
import { parseReferat, reparseReferat } from '../../server/src/parser/parse';
import { lint } from '../../server/src/rules/engine';

const root = join(__dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.referat(?:\.txt|\.md)?$/.test(f) ? [p] : [];
  });
}

/** A small deterministic generator (the test must fail the same way twice). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Text that may change the structure, and text that should not.
const SNIPPETS = [
  'x', 'æ', ' ', '\n', '\n\n', '\r\n', '\r', ':', '#', '## ', '**', '1', '12. ', '- 2) ', '•',
  'Punkt 7: Ny titel', '\nPunkt 8: Nyt punkt\n', 'Pkt. 9 Titel', 'Nr. 4 - Titel', '\nSag nr. 5\n', '\n• 6\n', '3: ', '4. Titel',
  'Beslutning', '\nBeslutning\n', 'Beslutning i Udvalget den 12-08-2024', '\nIndstilling\n', 'BilagBeslutning', '\nBaggrund\n',
  '\nSagsnr.: 24/19987\n', '24/19987', '\n00.13.06-P22-2-23\n', '\nAfbud: Peter Svane (D)\n', 'Direktøren indstiller, at', '\nat det godkendes.\n',
  '\nAnne Holm (A) blev erklæret inhabil.\n', '\nFor stemte: 5 (A+T+V)\n', 'Imod: 2 (C+O)', ' forlod mødet kl. 19.00', '\nStedfortræder: Lars Krogh (B)\n',
  '\nKopier link til punktet - Print\n', '\nVi bruger cookies\n', 'Indholdsfortegnelse', '.....\t3', 'Ã¸', '[link](#)', '<!-- referat-disable -->', '\ufeff',
];

interface Edit {
  start: number;
  end: number;
  text: string;
}

function randomEdit(text: string, rnd: () => number): Edit {
  const r = rnd();
  const at = Math.floor(rnd() * (text.length + 1));
  if (r < 0.45) {
    // Typing a character in the middle of a line.
    return { start: at, end: at, text: 'abcdefghijklmnopqrstuvwxyzæøå '.charAt(Math.floor(rnd() * 30)) };
  }
  if (r < 0.6) return { start: at, end: Math.min(text.length, at + 1 + Math.floor(rnd() * 3)), text: '' };
  if (r < 0.75) return { start: at, end: Math.min(text.length, at + Math.floor(rnd() * 200)), text: '' };
  const snippet = SNIPPETS[Math.floor(rnd() * SNIPPETS.length)] as string;
  return { start: at, end: rnd() < 0.7 ? at : Math.min(text.length, at + Math.floor(rnd() * 20)), text: snippet };
}

const json = (m: ReferatModel): string => JSON.stringify(m);

describe('reparseReferat', () => {
  const docs = files(join(root, 'test', 'fixtures')).map((f) => ({ f, text: readFileSync(f, 'utf8') }));

  it.each(docs.map((d, i) => [d.f.slice(root.length + 1), i] as const))('equals a full parse after each of many random edits: %s', (_name, i) => {
    const { text: original } = docs[i] as { text: string };
    const rnd = random(1000 + i);
    const steps = original.length > 5000 ? 80 : 25;
    let text = original;
    let model = parseReferat(text);
    for (let step = 0; step < steps; step++) {
      const e = randomEdit(text, rnd);
      text = text.slice(0, e.start) + e.text + text.slice(e.end);
      const next = reparseReferat(model, text);
      const full = parseReferat(text);
      expect(json(next), `step ${step}: ${JSON.stringify(e)}`).toBe(json(full));
      // Findings too: rules search the lines of each version from the previous version's answers.
      expect(lint(text, next)).toEqual(lint(text, full));
      model = next;
      // Now and then start over from the original, so that edits do not pile up into noise.
      if (rnd() < 0.1) {
        text = original;
        model = parseReferat(text);
      }
    }
  });

  it.each(docs.map((d, i) => [d.f.slice(root.length + 1), i] as const))('equals a full parse after edits just below the headings: %s', (_name, i) => {
    const { text: original } = docs[i] as { text: string };
    const rnd = random(2000 + i);
    // What a heading may take for its own: a repeated title, a case number, "Sag nr." below.
    const near = ['x', ' ', '\n', '\n\n', '24/19987', '\n24/19987\n', '\n00.13.06-P22-2-23\n', '\nSagsnr.: 24/1\n', ':', '**', '\nResume\n', '\nSag nr. 3\n', '\n2: Titel\n'];
    let text = original;
    let model = parseReferat(text);
    for (let step = 0; step < 30 && model.punkter.length > 0; step++) {
      const p = model.punkter[Math.floor(rnd() * model.punkter.length)] as ReferatModel['punkter'][number];
      const lines = text.split(/\r\n|\r|\n/);
      const line = Math.max(0, Math.min(lines.length - 1, p.headingRange.start.line + Math.floor(rnd() * 12) - 1));
      const eol = text.includes('\r\n') ? 2 : 1;
      let at = 0;
      for (let l = 0; l < line; l++) at += (lines[l] as string).length + eol;
      at += Math.floor(rnd() * ((lines[line] as string).length + 1));
      const snippet = near[Math.floor(rnd() * near.length)] as string;
      const end = rnd() < 0.3 ? Math.min(text.length, at + Math.floor(rnd() * 8)) : at;
      text = text.slice(0, at) + snippet + text.slice(end);
      const next = reparseReferat(model, text);
      const full = parseReferat(text);
      expect(json(next), `step ${step}`).toBe(json(full));
      expect(lint(text, next)).toEqual(lint(text, full));
      model = next;
    }
  });

  it('re-reads only the punkt that was typed in', () => {
    const text = readFileSync(join(root, 'test', 'fixtures', 'corpus', 'viborg-2024-08-12.referat.md'), 'utf8');
    const before = parseReferat(text);
    const target = before.punkter[2];
    expect(target).toBeDefined();
    // A character in the middle of the punkt's last body line.
    const lines = text.split('\n');
    const line = (target?.range.end.line ?? 0) - 1;
    const offset = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + Math.floor((lines[line] ?? '').length / 2);
    const edited = text.slice(0, offset) + 'x' + text.slice(offset);
    const after = reparseReferat(before, edited);
    expect(json(after)).toBe(json(parseReferat(edited)));
    // The other punkter are the previous parse's, not parsed again.
    expect(after.punkter[0]).toBe(before.punkter[0]);
    expect(after.punkter[after.punkter.length - 1]).toBe(before.punkter[before.punkter.length - 1]);
    expect(after.punkter[2]).not.toBe(before.punkter[2]);
  });

  it('parses in full when the options differ or there is no previous parse', () => {
    const text = 'REFERAT X\n\nPunkt 1: A\n\nSagens kerne\n\nTekst.\n';
    const aliases = new Map([['sagens kerne', { kind: 'resume' as const }]]);
    const plain = parseReferat(text);
    const edited = text.replace('Tekst.', 'Tekst!');
    expect(json(reparseReferat(plain, edited, { sectionAliases: aliases }))).toBe(json(parseReferat(edited, { sectionAliases: aliases })));
    expect(json(reparseReferat(undefined, edited))).toBe(json(parseReferat(edited)));
  });
});
