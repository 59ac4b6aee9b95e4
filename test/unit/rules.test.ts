// Meta-tests over the rule registry, and each rule's fixtures with their
// checked-in expected diagnostics. Set UPDATE_EXPECTED=1 to rewrite the
// expected files, then review the diff by hand.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/rules/engine';
import { RULES } from '../../server/src/rules/registry';
import { expectedForm, lintText } from '../helpers/lintFile';

const root = join(__dirname, '..', '..');
const update = process.env['UPDATE_EXPECTED'] === '1';
const FIXTURE = /^(.*)\.referat(?:\.txt|\.md)?$/;

describe('rule registry', () => {
  it('has unique ids in kebab-case', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });
});

for (const rule of RULES) {
  describe(`rule ${rule.id}`, () => {
    const dir = join(root, 'test', 'fixtures', 'rules', rule.id);
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => FIXTURE.test(f)).sort() : [];
    const bad = files.filter((f) => f.startsWith('bad'));
    const good = files.filter((f) => f.startsWith('good'));

    it('has a doc page that names it', () => {
      const doc = join(root, 'docs', 'rules', `${rule.id}.md`);
      expect(existsSync(doc), doc).toBe(true);
      expect(readFileSync(doc, 'utf8')).toContain(rule.id);
    });

    it('has Danish and English descriptions and messages with the same keys', () => {
      expect(rule.description.da.length).toBeGreaterThan(10);
      expect(rule.description.en.length).toBeGreaterThan(10);
      const da = Object.keys(rule.messages.da).sort();
      expect(da.length).toBeGreaterThan(0);
      expect(Object.keys(rule.messages.en).sort()).toEqual(da);
      for (const k of da) {
        const placeholders = (s: string): string[] => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(placeholders(rule.messages.en[k] as string), k).toEqual(placeholders(rule.messages.da[k] as string));
      }
    });

    it('has a fixture that triggers it and one that does not', () => {
      expect(bad.length, `bad* fixture in ${dir}`).toBeGreaterThan(0);
      expect(good.length, `good* fixture in ${dir}`).toBeGreaterThan(0);
    });

    for (const f of bad) {
      it(`reports the expected diagnostics in ${f}`, () => {
        const text = readFileSync(join(dir, f), 'utf8');
        const got = lintText(text).filter((d) => d.rule === rule.id);
        expect(got.length).toBeGreaterThan(0);
        const expectedPath = join(dir, f.replace(FIXTURE, '$1.expected.json'));
        const actual = got.map(expectedForm);
        if (update) writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n');
        expect(existsSync(expectedPath), expectedPath).toBe(true);
        expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
        if (rule.fixable) expect(got.some((d) => d.fix !== undefined)).toBe(true);
      });

      if (rule.fixable) {
        it(`fixes what it finds in ${f}, once and for all`, () => {
          const text = readFileSync(join(dir, f), 'utf8');
          const fixes = lintText(text).filter((d) => d.rule === rule.id && d.fix !== undefined);
          const once = applyEdits(text, fixes.flatMap((d) => d.fix?.edits ?? [])).text;
          const left = lintText(once).filter((d) => d.rule === rule.id && d.fix !== undefined);
          expect(left.length).toBeLessThan(fixes.length);
          // A second application changes nothing more than the first left to do.
          const twice = applyEdits(once, left.flatMap((d) => d.fix?.edits ?? [])).text;
          if (left.length === 0) expect(twice).toBe(once);
        });
      }
    }

    for (const f of good) {
      it(`stays quiet on ${f}`, () => {
        const text = readFileSync(join(dir, f), 'utf8');
        expect(lintText(text).filter((d) => d.rule === rule.id)).toEqual([]);
      });
    }
  });
}
