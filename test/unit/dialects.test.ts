// The 25 layouts of ../shared/docs/dialects.md, each as a fixture written from its
// skeleton and a second variant of our own, with the outline each must give (kind,
// committee, meeting date, and per punkt the number, title, case numbers, sections as
// printed, and whether it has an Indstilling and a Beslutning), reviewed by hand against
// the catalogue. UPDATE_EXPECTED=1 rewrites the .expected files; review the diff.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReferat } from '../../server/src/parser/parse';
import { expectedOutline } from '../helpers/expectedOutline';
import { lintText } from '../helpers/lintFile';

const dir = join(__dirname, '..', 'fixtures', 'dialects');
const update = process.env['UPDATE_EXPECTED'] === '1';
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.referat.txt'))
  .sort();

describe('dialect fixtures', () => {
  it('has the 25 layouts of the catalogue, each with a variant', () => {
    expect(fixtures).toHaveLength(50);
    for (const f of fixtures.filter((x) => !x.endsWith('-b.referat.txt'))) expect(fixtures).toContain(f.replace('.referat.txt', '-b.referat.txt'));
  });

  it.each(fixtures)('%s gives its reviewed outline', (f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    const expectedPath = join(dir, f.replace('.referat.txt', '.expected'));
    const actual = expectedOutline(parseReferat(text));
    if (update) writeFileSync(expectedPath, actual);
    expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
  });

  it.each(fixtures)('%s gives its reviewed findings (each a real defect of the text: the last punkt cut short, export debris …)', (f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    const findingsPath = join(dir, f.replace('.referat.txt', '.findings'));
    const actual = lintText(text)
      .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.rule} ${d.message}\n`)
      .join('');
    if (update) writeFileSync(findingsPath, actual);
    expect(actual).toBe(readFileSync(findingsPath, 'utf8'));
  });

  it('are all read: unrecognized-layout is silent on every fixture and on the corpus', () => {
    const corpus = join(__dirname, '..', 'fixtures', 'corpus');
    const texts = [...fixtures.map((f) => join(dir, f)), ...readdirSync(corpus).map((f) => join(corpus, f))].map((f) => [f, readFileSync(f, 'utf8')] as const);
    for (const [f, t] of texts) expect(lintText(t).filter((d) => d.rule === 'unrecognized-layout'), f).toEqual([]);
  });

  it('are as untidy as the skeletons: no final newline, whitespace-only lines and trailing spaces kept', () => {
    const texts = fixtures.map((f) => readFileSync(join(dir, f), 'utf8'));
    for (const t of texts) expect(t.endsWith('\n')).toBe(false);
    expect(texts.filter((t) => /^[ ]+$/m.test(t)).length).toBeGreaterThan(10);
    expect(texts.filter((t) => / $/m.test(t)).length).toBeGreaterThan(5);
  });
});
