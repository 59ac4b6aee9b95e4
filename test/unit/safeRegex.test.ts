// The static check that keeps custom case-number patterns linear, and the bound on matching.
import { describe, expect, it } from 'vitest';
import { checkPattern, compilePattern } from '../../server/src/config/safeRegex';
import { customPatternIndex, MAX_CASE_NUMBER_LENGTH } from '../../server/src/rules/caseNumberUtil';

const accepted = [
  String.raw`\d{2}/\d{1,6}`,
  String.raw`^[A-ZÆØÅ]{2,6}-\d{4}-\d{6}$`,
  String.raw`(?:\d{2}\.){3}\d{2}`,
  String.raw`SAG-\d+`,
  String.raw`(?<aar>\d{2})-\d{6}`,
  String.raw`(?:ABC|XYZ)-\d+`,
  String.raw`(?:a|b)+`,
  String.raw`[^-]+-\d+`,
  String.raw`\p{Lu}{3}-\d{4}`,
  String.raw`(\d+\.){3}`,
];

const refused: [string, string][] = [
  ['(a+)+$', 'nested-quantifier'],
  ['(a*)*', 'nested-quantifier'],
  ['(?:\\d+-?)+', 'nested-quantifier'],
  ['(a?)+', 'nested-quantifier'],
  ['(a|a)*', 'ambiguous-alternation'],
  ['(?:a|ab)+c', 'ambiguous-alternation'],
  ['(?:\\d|1)+', 'ambiguous-alternation'],
  ['(?:x|)+', 'ambiguous-alternation'],
  ['(?:^)*a', 'empty-repetition'],
  ['(a)\\1', 'backreference'],
  ['(?<x>a)\\k<x>', 'backreference'],
  ['a(?=b)', 'lookaround'],
  ['a(?!b)', 'lookaround'],
  ['(?<=a)b', 'lookaround'],
  ['(?<!a)b', 'lookaround'],
  ['.*.*.*.*.*x', 'too-many-quantifiers'],
  ['(\\d+\\.){5}', 'too-many-quantifiers'],
  ['[', 'syntax'],
  ['a{2,1}', 'syntax'],
  ['\\-', 'syntax'],
  ['x'.repeat(201), 'too-long'],
];

describe('checkPattern', () => {
  it.each(accepted)('accepts %s', (source) => {
    expect(checkPattern(source)).toEqual({ ok: true });
  });

  it.each(refused)('refuses %s (%s)', (source, reason) => {
    const check = checkPattern(source);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toBe(reason);
  });

  it('never throws, whatever the source', () => {
    const alphabet = ['(', ')', '[', ']', '{', '}', '|', '*', '+', '?', '\\', 'a', 'd', '1', ',', '^', '$', '.', '-', '<', '>', '=', '!', ':', 'p', 'k', 'u'];
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      const len = 1 + rand(12);
      let s = '';
      for (let j = 0; j < len; j++) s += alphabet[rand(alphabet.length)];
      const check = checkPattern(s);
      expect(typeof check.ok).toBe('boolean');
      // Whatever is accepted compiles and is quick on a worst-case value.
      if (check.ok) {
        const p = compilePattern(s);
        expect(p).not.toBeNull();
        const start = performance.now();
        p?.regex.test('a'.repeat(MAX_CASE_NUMBER_LENGTH - 1) + '!');
        p?.regex.test('1'.repeat(MAX_CASE_NUMBER_LENGTH - 1) + '!');
        expect(performance.now() - start).toBeLessThan(1000);
      }
    }
  });
});

describe('compilePattern and matching', () => {
  it('anchors the pattern at both ends', () => {
    const p = compilePattern(String.raw`SAG-\d+`);
    expect(p?.regex.test('SAG-12')).toBe(true);
    expect(p?.regex.test('xSAG-12')).toBe(false);
    expect(p?.regex.test('SAG-12x')).toBe(false);
  });

  it('does not compile a refused pattern', () => {
    expect(compilePattern('(a+)+$')).toBeNull();
  });

  it('never tests a value longer than a case number can be', () => {
    const p = compilePattern('a+');
    if (p === null) throw new Error('a+ should be accepted');
    expect(customPatternIndex('a'.repeat(MAX_CASE_NUMBER_LENGTH), [p])).toBe(0);
    expect(customPatternIndex('a'.repeat(MAX_CASE_NUMBER_LENGTH + 1), [p])).toBe(-1);
  });
});
