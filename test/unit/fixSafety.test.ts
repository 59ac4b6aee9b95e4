// Issue 12, fix safety: minutes are legal records, so a fix may never drop a sentence.
// For every fix on every corpus document and dialect fixture, under LF, CRLF, lone CR
// and with a BOM:
//   - the text outside the fix's ranges is kept, byte for byte;
//   - the letters it removes come back in what it inserts, in order (a fix adds line
//     breaks, colons, numbers), except for the rules that exist to remove export debris
//     or repair mojibake;
//   - `--fix` (all safe fixes, pass after pass) leaves nothing fixable for a second run,
//     and keeps the line breaks and the BOM.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../server/src/config/resolve';
import { applyEdits } from '../../server/src/rules/engine';
import type { TextEdit } from '../../server/src/rules/types';
import { createReferatService } from '../../server/src/service/service';
import { lintText } from '../helpers/lintFile';

const root = join(__dirname, '..', '..');
const dir = (d: string): string[] =>
  readdirSync(join(root, d))
    .filter((f) => /\.referat(\.txt|\.md)?$/.test(f))
    .sort()
    .map((f) => join(d, f));
const CORPUS = dir('test/fixtures/corpus');
const DIALECTS = dir('test/fixtures/dialects');

/** The rules whose fixes remove or rewrite letters by design (docs/rules/*.md): export debris, mojibake, a CPR number masked, help text removed. */
const REMOVES_LETTERS: ReadonlySet<string> = new Set(['export-debris', 'encoding-damage', 'personal-data', 'template-leftover']);

/** The rules whose fixes copy text from elsewhere in the document over what was there. */
const COPIES_FROM_DOCUMENT: ReadonlySet<string> = new Set(['toc-mismatch']);

const VARIANTS: readonly { name: string; make: (t: string) => string }[] = [
  { name: 'LF', make: (t) => t },
  { name: 'CRLF', make: (t) => t.replace(/\r?\n/g, '\r\n') },
  { name: 'CR', make: (t) => t.replace(/\r?\n/g, '\r') },
  { name: 'BOM', make: (t) => `\ufeff${t}` },
];

const letters = (s: string): string => s.replace(/[^\p{L}]/gu, '');

/** Offsets of a position in a text whose lines end in any of \r\n, \n, \r (after a BOM). */
function offsets(text: string): (line: number, character: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return (line, character) => (starts[line] ?? text.length) + character;
}

/** Whether `sub` is a subsequence of `whole`. */
function subsequence(sub: string, whole: string): boolean {
  let j = 0;
  for (let i = 0; i < whole.length && j < sub.length; i++) if (whole[i] === sub[j]) j++;
  return j === sub.length;
}

function checkFix(text: string, edits: readonly TextEdit[], rule: string, where: string): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const at = offsets(body);
  const spans = edits.map((e) => ({ from: at(e.range.start.line, e.range.start.character), to: at(e.range.end.line, e.range.end.character), text: e.newText })).sort((a, b) => a.from - b.from);
  const fixed = applyEdits(text, edits).text;
  expect(fixed.charCodeAt(0) === 0xfeff, `${where}: the BOM stays`).toBe(text.charCodeAt(0) === 0xfeff);
  const fixedBody = fixed.charCodeAt(0) === 0xfeff ? fixed.slice(1) : fixed;
  // Rebuild the expected text from the untouched parts and the new texts.
  let expected = '';
  let pos = 0;
  for (const s of spans) {
    expected += body.slice(pos, s.from) + s.text;
    pos = Math.max(pos, s.to);
  }
  expected += body.slice(pos);
  expect(fixedBody === expected, `${where}: ${rule} changed text outside its ranges`).toBe(true);
  if (REMOVES_LETTERS.has(rule)) return;
  if (COPIES_FROM_DOCUMENT.has(rule)) {
    // The TOC entry is rewritten to the punkt's title: what it writes stands in the document already.
    const elsewhere = letters(body.slice(0, spans[0]?.from ?? 0) + body.slice(spans[spans.length - 1]?.to ?? 0));
    for (const s of spans) expect(elsewhere.includes(letters(s.text)), `${where}: ${rule} wrote "${s.text}", which is nowhere else in the document`).toBe(true);
    return;
  }
  const removed = letters(spans.map((s) => body.slice(s.from, s.to)).join(''));
  const inserted = letters(spans.map((s) => s.text).join(''));
  expect(subsequence(removed, inserted), `${where}: ${rule} dropped letters "${removed}" → "${inserted}"`).toBe(true);
}

describe('fix safety', () => {
  for (const file of [...CORPUS, ...DIALECTS]) {
    const source = readFileSync(join(root, file), 'utf8');
    for (const v of VARIANTS) {
      it(`${file} (${v.name}): every fix keeps the text around it and the letters it replaces; --fix is done in one run`, () => {
        const text = v.make(source);
        const eol = v.name === 'CRLF' ? '\r\n' : v.name === 'CR' ? '\r' : '\n';
        for (const d of lintText(text)) {
          if (d.fix === undefined) continue;
          checkFix(text, d.fix.edits, d.rule, `${file}:${d.range.start.line + 1} ${d.rule}`);
          for (const e of d.fix.edits) expect(/[\r\n]/.test(e.newText.split(eol).join('')), `${d.rule} writes the document's line break`).toBe(false);
        }
        const service = createReferatService({
          configs: { forUri: () => ({ locale: 'da', resolved: resolveConfig([], { trusted: true }) }), generation: 0 },
          log: () => undefined,
        });
        const once = service.fix('file:///x.referat', text);
        const twice = service.fix('file:///x.referat', once.text);
        expect(twice.fixed.map((d) => d.rule), 'fixable after --fix').toEqual([]);
        expect(twice.text).toBe(once.text);
        if (eol !== '\n') expect(once.text.split(eol).join('')).not.toMatch(/[\r\n]/);
      });
    }
  }
});

