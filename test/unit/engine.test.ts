import { describe, expect, it } from 'vitest';
import { parseReferat } from '../../server/src/parser/parse';
import { INTERNAL_RULE_ID, lint } from '../../server/src/rules/engine';
import { RULES } from '../../server/src/rules/registry';
import { defineRule } from '../../server/src/rules/types';

const TEXT = 'REFERAT X\n\nPunkt 1: Budget\n\n24/1\n\nSagsfremstilling\n\nTekst.\n';

const boom = defineRule({
  id: 'boom',
  description: { da: 'Går altid i stykker.', en: 'Always breaks.' },
  defaultSeverity: 'warning',
  tags: [],
  fixable: false,
  messages: { da: { x: 'x' }, en: { x: 'x' } },
  check() {
    throw new Error('kaputt');
  },
});

describe('rule engine', () => {
  it('turns a throwing rule into one internal diagnostic and runs the others', () => {
    const ds = lint(TEXT, parseReferat(TEXT), { rules: [boom, ...RULES] });
    const internal = ds.filter((d) => d.rule === INTERNAL_RULE_ID);
    expect(internal).toHaveLength(1);
    expect(internal[0]?.message).toBe('Reglen boom fejlede og blev sprunget over: kaputt');
    expect(ds.some((d) => d.rule === 'missing-section')).toBe(true);
  });

  it('reports in Danish by default and in English on request', () => {
    const da = lint(TEXT, parseReferat(TEXT)).find((d) => d.rule === 'missing-section');
    const en = lint(TEXT, parseReferat(TEXT), { locale: 'en' }).find((d) => d.rule === 'missing-section');
    expect(da?.message).toBe('Punkt 1 mangler afsnittet Indstilling.');
    expect(en?.message).toBe('Punkt 1 lacks the section Indstilling.');
    expect(en?.fix?.title).toBe('Insert the section Indstilling');
  });

  it('applies configured severities and turns rules off', () => {
    const ds = lint(TEXT, parseReferat(TEXT), { severities: { 'missing-section': 'hint' } });
    const missing = ds.filter((d) => d.rule === 'missing-section');
    // Non-empty first: every() holds for an empty list.
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.map((d) => d.severity)).toEqual(missing.map(() => 'hint'));
    const off = lint(TEXT, parseReferat(TEXT), { severities: { 'missing-section': 'off' } });
    expect(off.some((d) => d.rule === 'missing-section')).toBe(false);
  });

  it('sorts diagnostics by position', () => {
    const ds = lint(TEXT, parseReferat(TEXT));
    const keys = ds.map((d) => d.range.start.line * 1e6 + d.range.start.character);
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
  });
});

describe('line breaks in fixes', () => {
  // Issue 12, case 1: each of 12,000 findings got its own CRLF copy of the one shared
  // renumbering fix (12,000 × 12,000 edits), and the process ran out of memory.
  it('case 1: findings that share one fix share one converted copy in a CRLF document', () => {
    for (const eol of ['\r\n', '\r']) {
      const text = `Punkt 1: x${eol}`.repeat(300);
      const fixes = lint(text, parseReferat(text))
        .filter((d) => d.rule === 'punkt-numbering' && d.fix !== undefined)
        .map((d) => d.fix?.edits);
      expect(fixes.length).toBe(299);
      expect(new Set(fixes).size).toBe(1);
      for (const e of fixes[0] ?? []) expect(e.newText.replace(new RegExp(eol, 'g'), '')).not.toMatch(/[\r\n]/);
    }
  });
});
