// .referatrc.json: the JSONC parser (offsets kept, never throws) and validation with
// messages at the offending key, fallback for the invalid part only, unknown keys reported.
import { describe, expect, it } from 'vitest';
import { parseJsonc, toValue } from '../../server/src/config/jsonc';
import { resolveConfig } from '../../server/src/config/resolve';
import { CONFIG_KEYS } from '../../server/src/config/schema';
import { validateConfigText, validateConfigValue } from '../../server/src/config/validate';

/** The text a range covers. */
function covered(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } } | null): string {
  if (range === null) return '<null>';
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  return `${(lines[range.start.line] ?? '').slice(range.start.character)}…`;
}

describe('parseJsonc', () => {
  it('reads comments, trailing commas and keeps offsets of keys and values', () => {
    const text = '{\n  // profil\n  "extends": "acadre", /* blok */\n  "rules": { "empty-link": "off", },\n}\n';
    const { root, errors } = parseJsonc(text);
    expect(errors).toEqual([]);
    expect(toValue(root as never)).toEqual({ extends: 'acadre', rules: { 'empty-link': 'off' } });
    if (root?.type !== 'object') throw new Error('object expected');
    const ext = root.properties[0];
    expect(text.slice(ext?.key.offset, (ext?.key.offset ?? 0) + (ext?.key.length ?? 0))).toBe('"extends"');
    expect(text.slice(ext?.value?.offset, (ext?.value?.offset ?? 0) + (ext?.value?.length ?? 0))).toBe('"acadre"');
  });

  it('keeps what parsed before a syntax error', () => {
    const { root, errors } = parseJsonc('{ "locale": "en", "rules": { "empty-link": "off" "x": 1 } }');
    expect(errors.map((e) => e.code)).toEqual(['expected-comma-or-close']);
    expect(toValue(root as never)).toEqual({ locale: 'en', rules: { 'empty-link': 'off' } });
  });

  it('reports duplicate keys and keeps the last', () => {
    const { root, errors } = parseJsonc('{ "locale": "da", "locale": "en" }');
    expect(errors).toMatchObject([{ code: 'duplicate-key', key: 'locale' }]);
    expect(toValue(root as never)).toEqual({ locale: 'en' });
  });

  it('handles escapes, numbers, literals and a "__proto__" key as data', () => {
    const { root, errors } = parseJsonc('{"a": "x\\"\\u00e6\\n", "b": [1, -2.5e3, true, false, null], "__proto__": {"p": 1}}');
    expect(errors).toEqual([]);
    const value = toValue(root as never) as Record<string, unknown>;
    expect(value['a']).toBe('x"æ\n');
    expect(value['b']).toEqual([1, -2500, true, false, null]);
    expect(Object.keys(value)).toContain('__proto__');
    expect(({} as Record<string, unknown>)['p']).toBeUndefined();
  });

  it('never throws and limits nesting', () => {
    expect(parseJsonc('['.repeat(100000)).errors.map((e) => e.code)).toEqual(['too-deep']);
    const samples = ['', '{', '}', '{"a"', '{"a":', '{"a":1,,}', '/* x', '"abc', '{"a": tru}', '[1 2]', '{} x', '{"a": "\\q"}', '-', '01'];
    for (const s of samples) expect(() => parseJsonc(s)).not.toThrow();
    let seed = 3;
    const alphabet = '{}[]":,/*\\ \n1aetrufnl-';
    for (let i = 0; i < 2000; i++) {
      let s = '';
      for (let j = 0; j < 20; j++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        s += alphabet[seed % alphabet.length];
      }
      expect(() => parseJsonc(s)).not.toThrow();
    }
  });

  it('is linear on a long input', () => {
    const big = `{"members": [${Array.from({ length: 50000 }, (_, i) => `"Medlem ${i}"`).join(', ')}]}`;
    const start = performance.now();
    const { errors } = parseJsonc(big);
    expect(errors).toEqual([]);
    expect(performance.now() - start).toBeLessThan(2000);
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

  it('refuses a catastrophic pattern with a Danish message at the pattern; other patterns stay', () => {
    const text = '{\n  "caseNumberPatterns": ["SAG-\\\\d+", "(a+)+$"]\n}';
    const { config, issues } = validateConfigText(text);
    expect(config.caseNumberPatterns).toEqual(['SAG-\\d+']);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.key).toBe('caseNumberPatterns[1]');
    expect(issues[0]?.message.da).toBe(
      'Mønsteret (a+)+$ i "caseNumberPatterns[1]" afvises: det har en gentagelse inde i en gentagelse (som (a+)+), der kan tage eksponentiel tid.',
    );
    expect(covered(text, issues[0]?.range ?? null)).toBe('"(a+)+$"');
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
