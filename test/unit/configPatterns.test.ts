// Custom patterns from a configuration (caseNumberPatterns, punktForms) run on re2js, whose
// matching time is linear in the value by construction: patterns that backtrack
// catastrophically in RegExp, including ones the old static check let through, are
// accepted and run; what RE2 cannot run is refused with a message that says why; and
// matching is bounded to one case number.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileLinear, linearError, MAX_LINEAR_PATTERN_LENGTH, type LinearPattern } from '../../server/src/config/linearRegex';
import { resolveConfig } from '../../server/src/config/resolve';
import { validateConfigValue } from '../../server/src/config/validate';
import { customPatternIndex, MAX_CASE_NUMBER_LENGTH } from '../../server/src/rules/caseNumberUtil';

const CASE = { javascript: true, anchored: true } as const;

/** A case-number pattern as the resolved config holds it. */
function caseNumberPattern(source: string): LinearPattern {
  const p = compileLinear(source, CASE);
  if (p === null) throw new Error(`${source} should be accepted`);
  return p;
}

/** Runs `match` with RegExp's (backtracking) matcher replaced by a spy, and returns how often it was called. */
function regExpCallsDuring(match: () => void): number {
  const exec = vi.spyOn(RegExp.prototype, 'exec');
  const test = vi.spyOn(RegExp.prototype, 'test');
  match();
  return exec.mock.calls.length + test.mock.calls.length;
}

afterEach(() => {
  vi.restoreAllMocks();
});

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
  String.raw`[\u00c6\u00d8\u00c5]{2}-\d+`,
];

/** Patterns that backtrack catastrophically in RegExp: the old static check refused these... */
const formerlyRefused = ['(a+)+$', '(a*)*', String.raw`(?:\d+-?)+`, '(a?)+', '(a|a)*', '(?:a|ab)+c', String.raw`(?:\d|1)+`, '(?:x|)+', '(?:^)*a', '.*.*.*.*.*x', String.raw`(\d+\.){5}`];
/** ...and let these through, though each takes exponential time in RegExp on a value of 1s or as followed by "!". */
const beatTheOldCheck = ['(?:1|1){40}', '(a|a)'.repeat(30), '(1|11)'.repeat(30)];

const refused: [string, string][] = [
  [String.raw`(a)\1`, 'backreference'],
  [String.raw`(?<x>a)\k<x>`, 'backreference'],
  ['a(?=b)', 'lookaround'],
  ['a(?!b)', 'lookaround'],
  ['(?<=a)b', 'lookaround'],
  ['(?<!a)b', 'lookaround'],
  ['[', 'syntax'],
  ['a{2,1}', 'syntax'],
  // Not JavaScript with the u flag, though RE2 reads them.
  [String.raw`\-`, 'syntax'],
  ['(?i)sag', 'syntax'],
  // JavaScript, but not RE2.
  [String.raw`\p{Script=Latin}`, 'syntax'],
  ['a{1001}', 'syntax'],
  ['x'.repeat(MAX_LINEAR_PATTERN_LENGTH + 1), 'too-long'],
];

describe('which case-number patterns are accepted', () => {
  it.each(accepted)('accepts %s', (source) => {
    expect(linearError(source, { javascript: true })).toBeNull();
    expect(compileLinear(source, CASE)).not.toBeNull();
  });

  it.each([...formerlyRefused, ...beatTheOldCheck])('accepts %s: it runs in linear time on RE2', (source) => {
    expect(linearError(source, { javascript: true })).toBeNull();
  });

  it.each(refused)('refuses %s (%s)', (source, reason) => {
    expect(linearError(source, { javascript: true })?.reason).toBe(reason);
    expect(compileLinear(source, CASE)).toBeNull();
  });

  it('says why, in Danish and English, at the pattern', () => {
    const { config, issues } = validateConfigValue({ caseNumberPatterns: ['SAG-\\d+', '(a)\\1', '(?<=a)b', '(a+)+$'] });
    expect(config.caseNumberPatterns).toEqual(['SAG-\\d+', '(a+)+$']);
    expect(issues.map((i) => [i.key, i.message])).toEqual([
      [
        'caseNumberPatterns[1]',
        {
          da: 'Mønsteret (a)\\1 i "caseNumberPatterns[1]" afvises: det bruger en tilbagereference (\\1, \\k<navn>), som ikke er tilladt.',
          en: 'The pattern (a)\\1 in "caseNumberPatterns[1]" is refused: it uses a backreference (\\1, \\k<name>), which is not allowed.',
        },
      ],
      [
        'caseNumberPatterns[2]',
        {
          da: 'Mønsteret (?<=a)b i "caseNumberPatterns[2]" afvises: det bruger lookahead eller lookbehind ((?=, (?!, (?<=, (?<!), som ikke er tilladt.',
          en: 'The pattern (?<=a)b in "caseNumberPatterns[2]" is refused: it uses a lookahead or lookbehind ((?=, (?!, (?<=, (?<!), which is not allowed.',
        },
      ],
    ]);
    const syntax = validateConfigValue({ caseNumberPatterns: ['['] }).issues[0]?.message.da ?? '';
    expect(syntax).toMatch(/^Mønsteret \[ i "caseNumberPatterns\[0\]" afvises: det er ikke et gyldigt regulært udtryk \(.+\)\.$/);
  });
});

describe('matching is linear by construction', () => {
  const hostile = [`${'1'.repeat(50_000)}!`, `${'a'.repeat(50_000)}!`];

  // No clock: RE2 is linear by construction, so the test asserts that RE2 is what runs
  // (RegExp's backtracking matcher is never called) and that a 50,000-character value
  // completes; a backtracking engine would hang past the test timeout.
  it('sees a RegExp match when there is one', () => {
    expect(regExpCallsDuring(() => new RegExp('^(?:1|1){40}$', 'u').test('1'.repeat(40)))).toBeGreaterThan(0);
  });

  it.each([...beatTheOldCheck, ...formerlyRefused])('%s never runs on RegExp, and a hostile 50,000-character value completes', (source) => {
    const anchored = caseNumberPattern(source);
    const unanchored = compileLinear(source);
    expect(anchored).not.toBeInstanceOf(RegExp);
    const whole: boolean[] = [];
    const calls = regExpCallsDuring(() => {
      for (const value of hostile) {
        whole.push(anchored.test(value));
        unanchored?.exec(value);
      }
    });
    expect(calls).toBe(0);
    expect(whole).toEqual([false, false]);
  });

  it('is what the resolved config matches case numbers with', () => {
    const { config } = validateConfigValue({ caseNumberPatterns: beatTheOldCheck });
    const patterns = resolveConfig([{ config, source: 'file' }], { trusted: true }).ruleOptions.caseNumberPatterns ?? [];
    expect(patterns.map((p) => p.source)).toEqual(beatTheOldCheck);
    let index = 0;
    expect(regExpCallsDuring(() => (index = customPatternIndex(`${'1'.repeat(MAX_CASE_NUMBER_LENGTH - 1)}!`, patterns)))).toBe(0);
    expect(index).toBe(-1);
    expect(customPatternIndex('1'.repeat(40), patterns)).toBe(0);
    expect(customPatternIndex('1'.repeat(30), patterns)).toBe(2);
  });

  it('never throws, whatever the source; whatever is accepted runs on a worst-case value', () => {
    const alphabet = ['(', ')', '[', ']', '{', '}', '|', '*', '+', '?', '\\', 'a', 'd', '1', ',', '^', '$', '.', '-', '<', '>', '=', '!', ':', 'p', 'k', 'u'];
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let acceptedCount = 0;
    for (let i = 0; i < 3000; i++) {
      let s = '';
      for (let j = 1 + rand(12); j > 0; j--) s += alphabet[rand(alphabet.length)];
      const error = linearError(s, { javascript: true });
      if (error !== null) {
        expect(compileLinear(s, CASE)).toBeNull();
        continue;
      }
      acceptedCount++;
      const p = caseNumberPattern(s);
      p.test(`${'a'.repeat(MAX_CASE_NUMBER_LENGTH - 1)}!`);
      p.test(`${'1'.repeat(MAX_CASE_NUMBER_LENGTH - 1)}!`);
    }
    // The sample holds both kinds.
    expect(acceptedCount).toBeGreaterThan(100);
    expect(acceptedCount).toBeLessThan(2900);
  });
});

describe('compiled case-number patterns', () => {
  it('are anchored at both ends', () => {
    const p = caseNumberPattern(String.raw`SAG-\d+`);
    expect(p.test('SAG-12')).toBe(true);
    expect(p.test('xSAG-12')).toBe(false);
    expect(p.test('SAG-12x')).toBe(false);
    expect(caseNumberPattern('a|b').test('ab')).toBe(false);
  });

  it('read JavaScript escapes and named groups as JavaScript does', () => {
    expect(caseNumberPattern(String.raw`\u00c6\u{d8}-\d+`).test('ÆØ-1')).toBe(true);
    expect(caseNumberPattern(String.raw`(?<aar>\d{2})/\d+`).test('24/19987')).toBe(true);
    // An escaped backslash followed by u is not a \u escape.
    expect(caseNumberPattern(String.raw`x\\u0041`).test('x\\u0041')).toBe(true);
  });

  it('never test a value longer than a case number can be', () => {
    const p = { source: 'a+', regex: caseNumberPattern('a+') };
    expect(customPatternIndex('a'.repeat(MAX_CASE_NUMBER_LENGTH), [p])).toBe(0);
    expect(customPatternIndex('a'.repeat(MAX_CASE_NUMBER_LENGTH + 1), [p])).toBe(-1);
  });

  it('are not used in an untrusted workspace', () => {
    const { config } = validateConfigValue({ caseNumberPatterns: ['SAG-\\d+'] });
    const untrusted = resolveConfig([{ config, source: 'file' }], { trusted: false });
    expect(untrusted.patternsIgnored).toBe(true);
    expect(untrusted.ruleOptions.caseNumberPatterns).toBeUndefined();
  });
});
