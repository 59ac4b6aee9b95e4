// Property tests (issue 12): a short run of each fuzzed property, with a fixed seed so a
// failure repeats; fast-check prints the seed, the path and the shrunk counterexample.
// The long run is `npm run fuzz` (test/fuzz/long.ts). No timing assertions here: the
// long run records the speed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutate, rawDocument, referatDocument, tocLine } from './arbitraries';
import type { ReferatModel } from '../../server/src/model';
import { checkLint, checkModel, checkParse, checkRange, docOf, Violation } from './invariants';
import { PROPERTIES, SHORT_SEED } from './properties';

describe('fuzzing (short run)', () => {
  PROPERTIES.forEach((p, i) => {
    it(`${p.name}: ${p.says}`, () => {
      fc.assert(p.property('short'), { numRuns: p.short, seed: SHORT_SEED + i });
      // A slow or busy machine must not fail a property by vitest's 5 s default (no timing is asserted).
    }, 120_000);
  });
});

// Found by the fuzzing and fixed: a header label with no value ("Dato", "Udvalg", "Mødested:")
// followed by a heading that is no punkt made parseHeader read a value line that was not there.
describe('fixed: header-label-without-value', () => {
  it('a header label followed by a heading that is no punkt parses', () => {
    for (const text of ['Dato\n# .', 'Udvalg\n# 2', 'Mødested:\n## x']) checkParse(text);
  });
});

// Found by the fuzzing and fixed (374c9d7): the TOC page-number regexes backtracked, cubic over a run of
// whitespace inside a line after a TOC heading ('Indholdsfortegnelse\nBudget' + ' '.repeat(2000) + 'x' took 5 s,
// 6,400 U+2028 more than a minute), quadratic over a run of dots. A regression would make this test crawl.
describe('fixed bugs', () => {
  it('toc-regex-backtracking: long runs of spaces, tabs, U+2028 or dots in a TOC line parse', () => {
    checkParse(`Indholdsfortegnelse\nBudget${' '.repeat(2000)}x`);
    checkParse(`Referat\n\nIndholdsfortegnelse\n${'\u2028'.repeat(6400)}`);
    checkParse(`Indholdsfortegnelse\n${'.'.repeat(20_000)}`);
    fc.assert(
      fc.property(tocLine, fc.constantFrom(' ', '\t', '\u2028', '\u3000', '\v', '.'), fc.integer({ min: 500, max: 5000 }), (line, space, n) => {
        checkParse(`Referat\n\nIndholdsfortegnelse\n${line}${space.repeat(n)}x\n\nPunkt 1: Budget\n`);
      }),
      { numRuns: 20, seed: SHORT_SEED },
    );
  });
});

describe('the fuzzing itself', () => {
  it('generates what it says: line breaks of every kind, BOMs, lone surrogates, NULs', () => {
    const docs = [...fc.sample(referatDocument(), { numRuns: 300, seed: 1 }), ...fc.sample(rawDocument(), { numRuns: 300, seed: 2 })].join('');
    for (const c of ['\r\n', '\r', '\n', '\v', '\f', '\u2028', '\u2029', '\u0085', '\ufeff', '\0']) expect(docs, JSON.stringify(c)).toContain(c);
    expect(docs).toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(docs).toMatch(/Punkt \d+: /);
  });

  it('mutates lines, line endings and letters', () => {
    const text = 'Punkt 1: Bøger\nBeslutning\nGodkendt.\n';
    expect(mutate(text, { op: 'delete', at: 1, count: 1 })).toBe('Punkt 1: Bøger\nGodkendt.\n');
    expect(mutate(text, { op: 'duplicate', at: 0, count: 1 })).toBe('Punkt 1: Bøger\nPunkt 1: Bøger\nBeslutning\nGodkendt.\n');
    expect(mutate(text, { op: 'swap', a: 0, b: 2 })).toBe('Godkendt.\nBeslutning\nPunkt 1: Bøger\n');
    expect(mutate(text, { op: 'eol', to: '\r', every: 1 })).toBe('Punkt 1: Bøger\rBeslutning\rGodkendt.\r');
    expect(mutate(text, { op: 'replace-letters', which: 0 })).toBe('Punkt 1: BÃ¸ger\nBeslutning\nGodkendt.\n');
    expect(mutate(text, { op: 'truncate', at: 5 })).toBe('Punkt');
  });

  it('the checks fail on a range past the end of the document, an inverted range, a child outside its parent', () => {
    const text = 'Punkt 1: Budget\n\nBeslutning\n\nGodkendt.';
    const model = checkParse(text);
    const doc = docOf(text);
    const past = { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } };
    expect(() => checkRange(doc, past, 'past the end')).toThrow(/range-outside-document/);
    expect(() => checkRange(doc, { start: { line: 0, character: 0 }, end: { line: 0, character: 16 } }, 'past the line')).toThrow(/range-outside-document/);
    expect(() => checkRange(doc, { start: { line: 2, character: 0 }, end: { line: 0, character: 0 } }, 'inverted')).toThrow(/range-inverted/);
    const broken: ReferatModel = { ...model, punkter: model.punkter.map((p) => ({ ...p, range: { start: p.range.start, end: past.end } })) };
    expect(() => checkModel(doc, broken)).toThrow(Violation);
    // The model's positions skip a BOM; so do the checks.
    expect(() => checkLint('\ufeffPunkt 1: Budget\r\n')).not.toThrow();
  });
});
