// .referatrc.json: reading it (jsonc-parser, offsets kept, never throws) and validation
// with messages at the offending key, fallback for the invalid part only, unknown keys reported.
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, nodeValue, parseConfigText, type ConfigNode } from '../../server/src/config/configText';
import { resolveConfig } from '../../server/src/config/resolve';
import { CONFIG_KEYS } from '../../server/src/config/schema';
import { MAX_UNKNOWN_KEY_ISSUES, validateConfigText, validateConfigValue } from '../../server/src/config/validate';

/** The text a range covers. */
function covered(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } } | null): string {
  if (range === null) return '<null>';
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  return `${(lines[range.start.line] ?? '').slice(range.start.character)}…`;
}

/** The text of a node. */
const textOf = (text: string, node: ConfigNode | undefined): string => (node === undefined ? '<none>' : text.slice(node.offset, node.offset + node.length));

describe('parseConfigText', () => {
  it('reads comments, trailing commas and keeps offsets of keys and values', () => {
    const text = '{\n  // profil\n  "extends": "acadre", /* blok */\n  "rules": { "empty-link": "off", },\n}\n';
    const { root, errors } = parseConfigText(text);
    expect(errors).toEqual([]);
    expect(nodeValue(root as ConfigNode)).toEqual({ extends: 'acadre', rules: { 'empty-link': 'off' } });
    const [key, value] = root?.children?.[0]?.children ?? [];
    expect(textOf(text, key)).toBe('"extends"');
    expect(textOf(text, value)).toBe('"acadre"');
    expect(textOf(text, root)).toBe(text.trimEnd());
  });

  it('keeps what parsed before a syntax error', () => {
    const { root, errors } = parseConfigText('{ "locale": "en", "rules": { "empty-link": "off" "x": 1 } }');
    expect(errors).toEqual([{ code: 'expected-comma-or-close', offset: 49, length: 1 }]);
    expect(nodeValue(root as ConfigNode)).toEqual({ locale: 'en', rules: { 'empty-link': 'off' } });
  });

  it('reports duplicate keys at the later key and keeps the last', () => {
    const { root, errors } = parseConfigText('{ "locale": "da", "locale": "en" }');
    expect(errors).toEqual([{ code: 'duplicate-key', offset: 18, length: 8, key: 'locale' }]);
    expect(nodeValue(root as ConfigNode)).toEqual({ locale: 'en' });
  });

  it('handles escapes, numbers, literals, and "__proto__", "constructor" and "prototype" keys as data', () => {
    const { root, errors } = parseConfigText('{"a": "x\\"\\u00e6\\n", "b": [1, -2.5e3, true, false, null], "__proto__": {"p": 1}, "constructor": {"prototype": {"q": 2}}}');
    expect(errors).toEqual([]);
    const value = nodeValue(root as ConfigNode) as Record<string, unknown>;
    expect(value['a']).toBe('x"æ\n');
    expect(value['b']).toEqual([1, -2500, true, false, null]);
    expect(Object.keys(value)).toEqual(['a', 'b', '__proto__', 'constructor']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ p: 1 });
    expect(Object.getOwnPropertyDescriptor(value, 'constructor')?.value).toEqual({ prototype: { q: 2 } });
    // Nothing reached a prototype: not this object's, not Object.prototype.
    expect(Object.getPrototypeOf(value)).not.toEqual({ p: 1 });
    expect(({} as Record<string, unknown>)['p']).toBeUndefined();
    expect(({} as Record<string, unknown>)['q']).toBeUndefined();
  });

  it('names each syntax error as before, at the place to fix', () => {
    const cases: [string, string, number, number][] = [
      ['{ x: 1 }', 'expected-key', 2, 1],
      ["{'a': 1}", 'expected-key', 1, 1],
      ['{"a" 1}', 'expected-colon', 5, 1],
      ['{"a": }', 'expected-value', 6, 1],
      ['{"a": tru}', 'unexpected-character', 6, 3],
      ['{"a": 1 "b": 2}', 'expected-comma-or-close', 8, 1],
      ['{"a": 01}', 'invalid-number', 6, 2],
      ['{"a": 1.}', 'invalid-number', 6, 2],
      ['{"a": -}', 'invalid-number', 6, 1],
      ['{"a": "x\\qy"}', 'invalid-escape', 8, 2],
      ['{"a": "\\u00g1"}', 'invalid-escape', 7, 2],
      ['{"a": "xy\n"}', 'unterminated-string', 6, 3],
      ['{"a": 1 /* c', 'unterminated-comment', 8, 2],
      ['{"a": 1', 'unexpected-end', 7, 0],
      ['{"a": 1} x', 'trailing-content', 9, 1],
      ['{"a": true-1}', 'expected-comma-or-close', 10, 1],
    ];
    for (const [text, code, offset, length] of cases) expect(parseConfigText(text).errors, text).toEqual([{ code, offset, length }]);
    // A no-break space or byte-order mark between tokens is whitespace; in a string it is text.
    expect(parseConfigText('\ufeff{\u00a0"a":\u00a0"b\u00a0c"\u00a0}')).toMatchObject({ errors: [], root: { type: 'object' } });
    expect(nodeValue(parseConfigText('{"a":\u00a0"b\u00a0c"}').root as ConfigNode)).toEqual({ a: 'b\u00a0c' });
  });

  it('never throws and limits nesting', () => {
    const deep = parseConfigText('['.repeat(100000));
    expect(deep.errors).toEqual([{ code: 'too-deep', offset: MAX_DEPTH, length: 1 }]);
    expect(parseConfigText(`{"a": ${'{"b": '.repeat(5000)}1${'}'.repeat(5000)}}`).errors.map((e) => e.code)).toEqual(['too-deep']);
    const samples = ['', '{', '}', '{"a"', '{"a":', '{"a":1,,}', '/* x', '"abc', '{"a": tru}', '[1 2]', '{} x', '{"a": "\\q"}', '-', '01', '"\\', '"\\u12'];
    for (const s of samples) expect(() => parseConfigText(s)).not.toThrow();
    let seed = 3;
    const alphabet = '{}[]":,/*\\ \n1aetrufnl-\u00a0\ufeff';
    for (let i = 0; i < 2000; i++) {
      let s = '';
      for (let j = 0; j < 20; j++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        s += alphabet[seed % alphabet.length];
      }
      expect(() => parseConfigText(s)).not.toThrow();
    }
  });

  // No clock: inputs this size make a quadratic reader (or duplicate check) run past the test timeout.
  it('reads a long input, and 50,000 keys each written twice, whole', () => {
    const big = parseConfigText(`{"members": [${Array.from({ length: 100_000 }, (_, i) => `"Medlem ${i}"`).join(', ')}]}`);
    expect(big.errors).toEqual([]);
    expect(big.root?.children?.[0]?.children?.[1]?.children).toHaveLength(100_000);
    const keys = Array.from({ length: 50_000 }, (_, i) => `k${i}`);
    const twice = parseConfigText(`{${keys.map((k) => `"${k}": 0`).join(', ')}, ${keys.map((k) => `"${k}": 1`).join(', ')}}`);
    expect(twice.errors).toHaveLength(keys.length);
    expect(twice.errors.every((e) => e.code === 'duplicate-key')).toBe(true);
    expect(nodeValue(twice.root as ConfigNode)).toEqual(Object.fromEntries(keys.map((k) => [k, 1])));
  });
});

describe('validateConfigText', () => {
  it('accepts a valid config with comments', () => {
    const text = '// Vejen\n{\n  "$schema": "./node_modules/referat/schemas/referatrc.schema.json",\n  "extends": "acadre",\n  "rules": { "heading-levels": "off" }\n}\n';
    const { config, issues } = validateConfigText(text);
    expect(issues).toEqual([]);
    expect(config).toEqual({ $schema: './node_modules/referat/schemas/referatrc.schema.json', extends: 'acadre', rules: { 'heading-levels': 'off' } });
  });

  it('reports an unknown key at the key, with a suggestion, and keeps the rest', () => {
    const text = '{\n  "extends": "sbsys",\n  "caseNumberShape": ["kle"]\n}\n';
    const { config, issues } = validateConfigText(text);
    expect(config).toEqual({ extends: 'sbsys' });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message.da).toBe('Ukendt nøgle "caseNumberShape". Mente du "caseNumberShapes"?');
    expect(issues[0]?.message.en).toBe('Unknown key "caseNumberShape". Did you mean "caseNumberShapes"?');
    expect(issues[0]?.key).toBe('caseNumberShape');
    expect(issues[0]?.range).toEqual({ start: { line: 2, character: 2 }, end: { line: 2, character: 19 } });
  });

  it('reports an unknown rule id and a bad severity; the valid rules still apply', () => {
    const text = '{ "rules": {\n  "missing-sektion": "off",\n  "empty-link": "loud",\n  "heading-levels": "off"\n} }';
    const { config, issues } = validateConfigText(text);
    expect(config).toEqual({ rules: { 'heading-levels': 'off' } });
    const byKey = Object.fromEntries(issues.map((i) => [i.key, i]));
    expect(byKey['rules.missing-sektion']?.message.da).toBe('Ukendt regel "missing-sektion". Mente du "missing-section"?');
    expect(covered(text, byKey['rules.missing-sektion']?.range ?? null)).toBe('"missing-sektion"');
    expect(byKey['rules.empty-link']?.message.da).toBe('"rules.empty-link" skal være en af: "off", "error", "warning", "information", "hint".');
    expect(covered(text, byKey['rules.empty-link']?.range ?? null)).toBe('"loud"');
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('refuses a pattern RE2 cannot run with a Danish message at the pattern; other patterns stay', () => {
    const text = '{\n  "caseNumberPatterns": ["SAG-\\\\d+", "(a+)+$", "SAG(?=-)"]\n}';
    const { config, issues } = validateConfigText(text);
    // (a+)+$ backtracks catastrophically in RegExp; RE2 runs it in linear time, so it is accepted.
    expect(config.caseNumberPatterns).toEqual(['SAG-\\d+', '(a+)+$']);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.key).toBe('caseNumberPatterns[2]');
    expect(issues[0]?.message).toEqual({
      da: 'Mønsteret SAG(?=-) i "caseNumberPatterns[2]" afvises: det bruger lookahead eller lookbehind ((?=, (?!, (?<=, (?<!), som ikke er tilladt.',
      en: 'The pattern SAG(?=-) in "caseNumberPatterns[2]" is refused: it uses a lookahead or lookbehind ((?=, (?!, (?<=, (?<!), which is not allowed.',
    });
    expect(covered(text, issues[0]?.range ?? null)).toBe('"SAG(?=-)"');
  });

  it('explains wrong types and bad list items', () => {
    const text = '{ "members": "Peter Svane", "standingItems": ["Temadrøftelse", 3, {"title": ""}], "requiredSections": { "dagsorden": ["indstilling", "beslutningen"] }, "sectionAliases": { "Sagens kerne": "kerne" } }';
    const { config, issues } = validateConfigText(text);
    // Only the bad parts are gone: the dagsorden list and the alias fall back to the defaults.
    expect(config).toEqual({ standingItems: ['Temadrøftelse'], requiredSections: {}, sectionAliases: {} });
    const messages = issues.map((i) => i.message.da);
    expect(messages).toContain('"members" skal være en liste [ … ], ikke en tekst.');
    expect(messages).toContain('"standingItems[1]" skal være en tekst (titlens begyndelse) eller et objekt { "title": "…", "noDecision": true }.');
    expect(messages.some((m) => m.startsWith('"requiredSections.dagsorden[1]" skal være en af: "resume"'))).toBe(true);
    expect(messages.some((m) => m.startsWith('"sectionAliases.Sagens kerne" skal være en af:'))).toBe(true);
  });

  it('reports syntax errors at their place and applies what came before', () => {
    const text = '{\n  "locale": "en",\n  "extends": "acadre"\n  "rules": {}\n}';
    const { config, issues } = validateConfigText(text);
    expect(config).toEqual({ locale: 'en', extends: 'acadre' });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message.da).toBe('Her mangler et komma eller en afsluttende parentes.');
    expect(issues[0]?.range?.start).toEqual({ line: 3, character: 2 });
  });

  it('reports a config that is not an object, an unknown profile, and survives an empty file', () => {
    expect(validateConfigText('[1]').issues[0]?.message.da).toBe('Konfigurationen skal være et JSON-objekt { … }.');
    expect(validateConfigText('{"extends": "edoc"}').issues[0]?.message.da).toMatch(/^"extends" skal være en af: "standard", "acadre", "sbsys"/);
    expect(validateConfigText('')).toMatchObject({ config: {}, issues: [] });
    expect(validateConfigText('\ufeff{"locale":"en"}').config).toEqual({ locale: 'en' });
  });

  it('reports the syntax errors and duplicate keys of a file at their lines, in Danish and English', () => {
    const text = '{\r\n  "locale": "da",\r\n  "locale": "en",\r\n  "rules": { x }\r\n}';
    const { config, issues } = validateConfigText(text);
    expect(config).toEqual({ locale: 'en', rules: {} });
    expect(issues).toEqual([
      {
        key: 'locale',
        severity: 'warning',
        message: { da: 'Nøglen "locale" står to gange; den sidste gælder.', en: 'The key "locale" appears twice; the last one applies.' },
        range: { start: { line: 2, character: 2 }, end: { line: 2, character: 10 } },
      },
      {
        key: '',
        severity: 'error',
        message: { da: 'Her skal stå en nøgle i anførselstegn.', en: 'A key in double quotes is expected here.' },
        range: { start: { line: 3, character: 13 }, end: { line: 3, character: 14 } },
      },
    ]);
    expect(validateConfigText('{"locale": [[[').issues.find((i) => i.key === '')).toMatchObject({
      message: { da: 'Filen slutter midt i konfigurationen.' },
      range: { start: { line: 0, character: 14 }, end: { line: 0, character: 14 } },
    });
    const deep = validateConfigText(`{"locale": "en", "rules": ${'['.repeat(5000)}`);
    expect(deep.config).toEqual({ locale: 'en' });
    expect(deep.issues.map((i) => i.message.en)).toContain('The configuration is nested too deeply.');
  });

  it('keeps "__proto__", "constructor" and "prototype" keys as data, reported as unknown keys', () => {
    const text =
      '{"__proto__": {"locale": "en"}, "constructor": 1, "rules": {"prototype": "off", "empty-link": "off"}, "sectionAliases": {"__proto__": "indstilling", "constructor": "bilag"}}';
    const { config, issues } = validateConfigText(text);
    // As before: zod's record leaves a "__proto__" heading out (a string cannot become a prototype).
    expect(config).toEqual({ rules: { 'empty-link': 'off' }, sectionAliases: { constructor: 'bilag' } });
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(config.sectionAliases)).toBe(Object.prototype);
    expect(config.locale).toBeUndefined();
    expect(({} as Record<string, unknown>)['locale']).toBeUndefined();
    expect(issues.map((i) => [i.key, covered(text, i.range)])).toEqual([
      ['__proto__', '"__proto__"'],
      ['constructor', '"constructor"'],
      ['rules.prototype', '"prototype"'],
    ]);
  });
});

describe('validateConfigValue (settings)', () => {
  it('validates settings the same way, without ranges', () => {
    const { config, issues } = validateConfigValue({ locale: 'fr', rules: { 'empty-link': 'off' } });
    expect(config).toEqual({ rules: { 'empty-link': 'off' } });
    expect(issues).toMatchObject([{ key: 'locale', range: null, message: { da: '"locale" skal være en af: "da", "en".' } }]);
  });
});

describe('never crashes on a bad config', () => {
  it('validates and resolves random values for every key without throwing', () => {
    let seed = 11;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const strings = ['', 'off', 'kle', 'acadre', 'indstilling', '(a+)+$', 'x-y', '\\', '[', 'Tema-drøftelse', '__proto__', 'a'.repeat(300)];
    const value = (depth: number): unknown => {
      switch (rand(depth > 2 ? 5 : 7)) {
        case 0:
          return null;
        case 1:
          return rand(2) === 0;
        case 2:
          return rand(1000) - 500;
        case 3:
        case 4:
          return strings[rand(strings.length)];
        case 5:
          return Array.from({ length: rand(4) }, () => value(depth + 1));
        default: {
          const o: Record<string, unknown> = {};
          for (let i = rand(4); i > 0; i--) o[rand(2) === 0 ? (strings[rand(strings.length)] as string) : 'missing-section'] = value(depth + 1);
          return o;
        }
      }
    };
    for (let i = 0; i < 1500; i++) {
      const input: Record<string, unknown> = {};
      for (const k of CONFIG_KEYS) if (rand(2) === 0) input[k] = value(0);
      const { config } = validateConfigValue(input);
      expect(() => resolveConfig([{ config, source: 'file' }], { trusted: true })).not.toThrow();
    }
  });
});

describe('hostile configs (issue 12)', () => {
  it('case 5: 100,000 unknown keys give the first 50 at their keys and one issue for the rest', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `"k${i}": ${i}`);
    const r = validateConfigText(`{\n${keys.join(',\n')},\n"locale": "en"\n}`);
    expect(r.issues).toHaveLength(MAX_UNKNOWN_KEY_ISSUES + 1);
    expect(r.issues[0]).toMatchObject({ key: 'k0', range: { start: { line: 1, character: 0 } } });
    expect(r.issues[MAX_UNKNOWN_KEY_ISSUES - 1]?.key).toBe(`k${MAX_UNKNOWN_KEY_ISSUES - 1}`);
    const rest = r.issues[MAX_UNKNOWN_KEY_ISSUES];
    expect(rest?.message.da).toBe('… og 99950 ukendte nøgler mere; de ignoreres.');
    expect(rest?.range?.start.line).toBe(MAX_UNKNOWN_KEY_ISSUES + 1);
    // The valid part still applies.
    expect(r.config.locale).toBe('en');
  });

  it('a 10 MB key is not echoed back: the key and the message are clipped', () => {
    const long = 'x'.repeat(10_000_000);
    const r = validateConfigText(`{"${long}": 1}`);
    expect(r.issues).toHaveLength(1);
    const issue = r.issues[0];
    expect(issue?.key.length).toBeLessThan(100);
    expect(issue?.message.da.length).toBeLessThan(200);
    expect(issue?.message.en.length).toBeLessThan(200);
  });
});
