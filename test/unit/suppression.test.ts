// Inline suppression comments in the engine.
import { describe, expect, it } from 'vitest';
import { DIRECTIVE_RULE_ID, lint } from '../../server/src/rules/engine';
import { parseReferat } from '../../server/src/parser/parse';
import { readDirectives } from '../../server/src/rules/suppression';

const lintText = (text: string, locale: 'da' | 'en' = 'da') => lint(text, parseReferat(text), { locale });
/** "rule@line" (1-based) for each finding. */
const found = (text: string): string[] => lintText(text).map((d) => `${d.rule}@${d.range.start.line + 1}`);

const BODY = [
  'REFERAT Økonomiudvalget d. 14-05-2024', // 1
  '', // 2
  'Punkt 1: Budget', // 3
  '', // 4
  '24/100', // 5
  '', // 6
  'Indstilling', // 7
  '', // 8
  'At budgettet godkendes. Se [bilag 1](#).', // 9
  '', // 10
  'Beslutning', // 11
  '', // 12
  'Godkendt. Se [bilag 2](#) og [bilag 3]().', // 13
  '', // 14
  'Kopier link til punktet - Print', // 15
  '', // 16
];
const text = (lines: string[]): string => lines.join('\n');
const insert = (at: number, ...lines: string[]): string => {
  const copy = [...BODY];
  copy.splice(at - 1, 0, ...lines);
  return text(copy);
};

describe('suppression comments', () => {
  it('without comments everything is reported', () => {
    expect(found(text(BODY))).toEqual(['empty-link@9', 'empty-link@13', 'empty-link@13', 'export-debris@15']);
  });

  it('disable-next-line silences the next non-blank line, for the named rules only', () => {
    expect(found(insert(8, '<!-- referat-disable-next-line empty-link -->'))).toEqual(['empty-link@14', 'empty-link@14', 'export-debris@16']);
    expect(found(insert(8, '<!-- referat-disable-next-line export-debris -->'))).toEqual(['empty-link@10', 'empty-link@14', 'empty-link@14', 'export-debris@16']);
  });

  it('disable-next-line without ids silences every rule on that line', () => {
    expect(found(insert(15, '<!-- referat-disable-next-line -->'))).toEqual(['empty-link@9', 'empty-link@13', 'empty-link@13']);
  });

  it('disable-line silences its own line', () => {
    const lines = [...BODY];
    lines[8] = `${lines[8] as string} <!-- referat-disable-line empty-link -->`;
    expect(found(text(lines))).toEqual(['empty-link@13', 'empty-link@13', 'export-debris@15']);
  });

  it('disable … enable is a block', () => {
    const lines = [...BODY];
    lines.splice(12, 0, '<!-- referat-enable empty-link -->');
    lines.splice(6, 0, '<!-- referat-disable empty-link export-debris -->');
    // Block: lines 7–13 (1-based, after insertion); empty-link on line 10 is silenced,
    // line 15's empty links come after the enable; export-debris stays disabled to the end.
    expect(found(text(lines))).toEqual(['empty-link@15', 'empty-link@15']);
  });

  it('a bare disable at the top silences the whole file; enable of one rule brings it back', () => {
    expect(found(text(['<!-- referat-disable -->', ...BODY]))).toEqual([]);
    expect(found(text(['<!-- referat-disable -->', '<!-- referat-enable export-debris -->', ...BODY]))).toEqual(['export-debris@17']);
  });

  it('disable-file works from anywhere, for named rules or all', () => {
    expect(found(text([...BODY, '<!-- referat-disable-file empty-link -->']))).toEqual(['export-debris@15']);
    expect(found(text([...BODY, '<!-- referat-disable-file -->']))).toEqual([]);
  });

  it('reports an unknown rule id at its place, in the locale', () => {
    const t = insert(8, '<!-- referat-disable-next-line empty-lnk -->');
    const d = lintText(t).find((x) => x.rule === DIRECTIVE_RULE_ID);
    expect(d?.message).toBe('Kommentaren referat-disable-next-line nævner en regel, der ikke findes: "empty-lnk".');
    expect(d?.range).toEqual({ start: { line: 7, character: 31 }, end: { line: 7, character: 40 } });
    expect(lintText(t, 'en').find((x) => x.rule === DIRECTIVE_RULE_ID)?.message).toBe(
      'The comment referat-disable-next-line names a rule that does not exist: "empty-lnk".',
    );
  });

  it('reads ids separated by spaces or commas, and ignores other comments', () => {
    expect(readDirectives(['<!-- referat-disable a, b  c -->', '<!-- note -->', '<!-- referat-bogus x -->', '<!-- referat-enable'])).toMatchObject([
      { directive: 'disable', rules: ['a', 'b', 'c'], line: 0 },
    ]);
  });

  // Inputs that a backtracking or rescanning reader would take quadratic time over; a hang
  // ends in vitest's timeout, and the speed itself is measured by `npm run bench`.
  it('reads adversarial comments right: unclosed openers, a comment closed on the next line, many on one line', () => {
    const unclosed = Array.from({ length: 200000 }, (_, i) => (i % 2 === 0 ? '<!-- <!-- <!-- referat-disable-next-line x' : 'tekst --> -->'));
    expect(readDirectives(unclosed)).toEqual([]);
    expect(readDirectives(['<!-- '.repeat(100000)])).toEqual([]);
    const many = readDirectives(['<!-- referat-disable-line a --> '.repeat(20000)]);
    expect(many).toHaveLength(20000);
    expect(many.every((d) => d.directive === 'disable-line' && d.rules.join() === 'a' && d.line === 0)).toBe(true);
    expect(many[19999]?.ruleRanges[0]?.start.character).toBe(19999 * 32 + 26);
  });
});
