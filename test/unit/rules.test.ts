// Meta-tests over the rule registry, and each rule's fixtures with their
// checked-in expected diagnostics and, for a fixable rule, the text its fixes give
// (bad*.fixed.txt / .md beside the fixture). A fixture <name>.referat.* is compared with
// the documents <name>.related.*.txt|md beside it that are dagsordener of its meeting (as
// the CLI pairs the files of a run), for the rules that compare documents. Set
// UPDATE_EXPECTED=1 to rewrite the expected files, then review the diff by hand.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReferat } from '../../server/src/parser/parse';
import { applyEdits, type LintDiagnostic, type LintOptions } from '../../server/src/rules/engine';
import { RULES } from '../../server/src/rules/registry';
import { agendasFor, meetingFacts } from '../../server/src/rules/sameMeeting';
import { expectedForm, lintText } from '../helpers/lintFile';

const root = join(__dirname, '..', '..');
const update = process.env['UPDATE_EXPECTED'] === '1';
const FIXTURE = /^(.*)\.referat(?:\.txt|\.md)?$/;

/** bad.referat.txt → bad.fixed.txt, bad.referat.md → bad.fixed.md: not a fixture name, so not linted as one. */
const fixedName = (f: string): string => f.replace(/\.referat(\.md)?(?:\.txt)?$/, (_, md: string | undefined) => `.fixed${md ?? '.txt'}`);

/** Rules whose fix repairs only part of what a finding names (docs/rules/encoding-damage.md: "delvis"). */
const PARTIAL_FIXES: ReadonlySet<string> = new Set(['encoding-damage']);

/** The related documents of a fixture (<name>.related.*) that are dagsordener of its meeting; {} when it has none. */
function relatedOptions(dir: string, f: string): LintOptions {
  const prefix = `${f.replace(FIXTURE, '$1')}.related.`;
  const names = readdirSync(dir).filter((x) => x.startsWith(prefix) && /\.(?:txt|md)$/.test(x)).sort();
  if (names.length === 0) return {};
  const docs = names.map((name) => ({ name, model: parseReferat(readFileSync(join(dir, name), 'utf8')) }));
  const agendas = agendasFor(meetingFacts(parseReferat(readFileSync(join(dir, f), 'utf8'))), docs.map((d) => ({ ...meetingFacts(d.model), d })));
  return agendas.length === 0 ? {} : { related: { agendas: agendas.map((a) => ({ name: a.d.name, punkter: a.d.model.punkter })) } };
}

const fixableOf = (text: string, ruleId: string): LintDiagnostic[] => lintText(text).filter((d) => d.rule === ruleId && d.fix !== undefined);

/**
 * Applies every fix of one rule's findings (safe or not: each is what its quick fix does),
 * pass after pass as `referat lint --fix` does, until none is left. Each pass must leave
 * fewer fixable findings than it met, so a fix that undoes itself or makes new work fails
 * here instead of looping. Returns the texts after each pass.
 */
function fixPasses(text: string, ruleId: string): string[] {
  const passes: string[] = [];
  let current = text;
  let fixable = fixableOf(current, ruleId);
  while (fixable.length > 0) {
    current = applyEdits(current, fixable.flatMap((d) => d.fix?.edits ?? [])).text;
    const left = fixableOf(current, ruleId);
    expect(left.length, `fixable ${ruleId} findings after pass ${passes.length + 1}: ${left.map((d) => d.message).join(' | ')}`).toBeLessThan(fixable.length);
    passes.push(current);
    fixable = left;
  }
  return passes;
}

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
        const got = lintText(text, relatedOptions(dir, f)).filter((d) => d.rule === rule.id);
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
          const found = lintText(text).filter((d) => d.rule === rule.id);
          const passes = fixPasses(text, rule.id);
          expect(passes.length).toBeGreaterThan(0);
          const fixed = passes[passes.length - 1] as string;
          expect(fixed).not.toBe(text);
          // Fixed for good: nothing left to fix, and what is left is what had no fix; a partial
          // fix may leave one finding for what it could not repair.
          expect(fixableOf(fixed, rule.id)).toEqual([]);
          const extra = lintText(fixed)
            .filter((d) => d.rule === rule.id)
            .map((d) => d.message);
          for (const d of found.filter((x) => x.fix === undefined)) {
            const at = extra.indexOf(d.message);
            expect(at, `still reported: ${d.message}`).toBeGreaterThanOrEqual(0);
            extra.splice(at, 1);
          }
          if (PARTIAL_FIXES.has(rule.id)) expect(extra.length).toBeLessThanOrEqual(found.filter((d) => d.fix !== undefined).length);
          else expect(extra, 'findings the fixes made').toEqual([]);
        });

        it(`gives the reviewed text when the fixes are applied to ${f}`, () => {
          const passes = fixPasses(readFileSync(join(dir, f), 'utf8'), rule.id);
          const fixed = passes[passes.length - 1] ?? '';
          const fixedPath = join(dir, fixedName(f));
          if (update) writeFileSync(fixedPath, fixed);
          expect(existsSync(fixedPath), fixedPath).toBe(true);
          expect(fixed).toBe(readFileSync(fixedPath, 'utf8'));
        });

        // Issue 12, case 7: fixes in a lone-CR document inserted LF. A fix writes the document's own line break.
        for (const [name, eol] of [['CRLF', '\r\n'], ['lone-CR', '\r']] as const) {
          it(`gives the same fixed text in a ${name} copy of ${f}, with no other line break`, () => {
            const text = readFileSync(join(dir, f), 'utf8').replace(/\n/g, eol);
            const passes = fixPasses(text, rule.id);
            const fixed = passes[passes.length - 1] ?? '';
            expect(fixed).toBe(readFileSync(join(dir, fixedName(f)), 'utf8').replace(/\n/g, eol));
            expect(fixed.replace(new RegExp(eol, 'g'), '')).not.toMatch(/[\r\n]/);
          });
        }
      }
    }

    for (const f of good) {
      it(`stays quiet on ${f}`, () => {
        const text = readFileSync(join(dir, f), 'utf8');
        expect(lintText(text, relatedOptions(dir, f)).filter((d) => d.rule === rule.id)).toEqual([]);
      });
    }
  });
}
