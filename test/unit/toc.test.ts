// Regenerating the Indholdsfortegnelse: the entry style is kept (prefix, dot leaders,
// pages where known), nothing outside the TOC changes, and a second run changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeActions } from '../../server/src/features/codeActions';
import { linesOf } from '../../server/src/features/text';
import { regenerateToc } from '../../server/src/features/toc';
import { parseReferat } from '../../server/src/parser/parse';
import { pageSuffix } from '../../server/src/parser/toc';
import { applyEdits } from '../../server/src/rules/engine';
import { lintText } from '../helpers/lintFile';

const corpus = (name: string): string => readFileSync(join(__dirname, '..', 'fixtures', 'corpus', name), 'utf8');

function regenerate(text: string): string {
  const edit = regenerateToc(parseReferat(text), linesOf(text));
  return edit === null ? text : applyEdits(text, [edit]).text;
}

describe('regenerateToc', () => {
  const cases: { name: string; input: string; output: string }[] = [
    {
      name: 'dot leaders and pages kept; a reworded entry keeps its page; a new punkt has none',
      input:
        'REFERAT X d. 14-05-2024\n\nIndholdsfortegnelse\n\nGodkendelse af dagsorden.....\t3\nBudget 2025 (gammel titel).....\t5\n\nPunkt 1: Godkendelse af dagsorden\n\nGodkendt.\n\nPunkt 2: Budget 2025 (ny titel)\n\n24/1\n\nPunkt 3: Eventuelt\n\nIntet.\n',
      output:
        'REFERAT X d. 14-05-2024\n\nIndholdsfortegnelse\n\nGodkendelse af dagsorden.....\t3\nBudget 2025 (ny titel).....\t5\nEventuelt\n\nPunkt 1: Godkendelse af dagsorden\n\nGodkendt.\n\nPunkt 2: Budget 2025 (ny titel)\n\n24/1\n\nPunkt 3: Eventuelt\n\nIntet.\n',
    },
    {
      name: 'numbered entries stay numbered, with the punkt numbers',
      input: 'REFERAT X d. 14-05-2024\n\nIndholdsfortegnelse\n3. Eventuelt\n\nPunkt 7: Budget\n\nPunkt 8: Eventuelt\n',
      output: 'REFERAT X d. 14-05-2024\n\nIndholdsfortegnelse\n7. Budget\n8. Eventuelt\n\nPunkt 7: Budget\n\nPunkt 8: Eventuelt\n',
    },
    {
      name: 'blank lines between entries are kept; an attendance line in the TOC is kept',
      input: 'REFERAT X d. 14-05-2024\n\nIndholdsfortegnelse\n\nA\n\nFraværende: Bo Ek\n\nC\n\nPunkt 1: A\n\nPunkt 2: B\n',
      output: 'REFERAT X d. 14-05-2024\n\nIndholdsfortegnelse\n\nA\n\nB\n\nFraværende: Bo Ek\n\nPunkt 1: A\n\nPunkt 2: B\n',
    },
    {
      name: 'an empty TOC gets the titles',
      input: 'REFERAT X d. 14-05-2024\n\nIndholdsfortegnelse\n\nPunkt 1: A\n\nPunkt 2: B\n',
      output: 'REFERAT X d. 14-05-2024\n\nIndholdsfortegnelse\n\nA\nB\n\nPunkt 1: A\n\nPunkt 2: B\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const once = regenerate(c.input);
      expect(once).toBe(c.output);
      expect(regenerateToc(parseReferat(once), linesOf(once))).toBeNull();
    });
  }

  it('returns null without a TOC or when it is up to date', () => {
    const none = 'REFERAT X\n\nPunkt 1: A\n';
    expect(regenerateToc(parseReferat(none), linesOf(none))).toBeNull();
    const vejen = corpus('vejen-2023-11-28.referat.txt');
    expect(regenerateToc(parseReferat(vejen), linesOf(vejen))).toBeNull();
  });

  it('repairs the corpus TOC that disagrees, keeps its page, and changes only that line', () => {
    const text = corpus('vesthimmerland-2024-05-14.referat.txt');
    expect(lintText(text).filter((d) => d.rule === 'toc-mismatch')).toHaveLength(1);
    const once = regenerate(text);
    expect(lintText(once).filter((d) => d.rule === 'toc-mismatch')).toEqual([]);
    const before = text.split('\n');
    const after = once.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = after.flatMap((l, i) => (l === before[i] ? [] : [i]));
    expect(changed).toEqual([17]);
    expect(after[17]).toBe('Opfølgingsrapport - Udviklingsplan 2023-2026, Uddannelses- og Arbejdsmarkedsafdelingen.....\t19');
    expect(regenerate(once)).toBe(once);
  });

  it('keeps CRLF line breaks', () => {
    const text = 'REFERAT X\r\n\r\nIndholdsfortegnelse\r\n\r\nA.....\t3\r\n\r\nPunkt 1: A\r\n\r\nPunkt 2: B\r\n';
    expect(regenerate(text)).toBe('REFERAT X\r\n\r\nIndholdsfortegnelse\r\n\r\nA.....\t3\r\nB\r\n\r\nPunkt 1: A\r\n\r\nPunkt 2: B\r\n');
  });
});

describe('TOC code action', () => {
  const text = corpus('vesthimmerland-2024-05-14.referat.txt');
  const model = parseReferat(text);
  const findings = lintText(text);
  const uri = 'file:///v.referat.txt';
  const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 0 } });

  it('is a rewrite on the TOC heading and nothing elsewhere without a diagnostic', () => {
    const actions = codeActions({ uri, contextDiagnostics: [], findings, locale: 'da', model, text: linesOf(text), range: at(8) });
    expect(actions.map((a) => [a.title, a.kind])).toEqual([['Opdater indholdsfortegnelsen ud fra punkterne', 'refactor.rewrite']]);
    expect(codeActions({ uri, contextDiagnostics: [], findings, locale: 'da', model, text: linesOf(text), range: at(40) })).toEqual([]);
  });

  it('is a quick fix for a toc-mismatch diagnostic', () => {
    const d = findings.find((f) => f.rule === 'toc-mismatch');
    const diagnostic = { range: d?.range ?? at(0), message: d?.message ?? '', source: 'referat', code: 'toc-mismatch' };
    const actions = codeActions({ uri, contextDiagnostics: [diagnostic], findings, locale: 'en', model, text: linesOf(text), range: diagnostic.range });
    const toc = actions.find((a) => a.title === 'Update the Indholdsfortegnelse from the punkter');
    expect(toc?.kind).toBe('quickfix');
    expect(toc?.diagnostics).toEqual([diagnostic]);
  });
});

describe('page numbers behind a leader, in one walk (the fuzzing found the old regex cubic)', () => {
  // The regex pageSuffix replaced, kept here as the specification of what it reads.
  const OLD = /^(?:(\d{1,4})[.:]?\s+)?(.*?)(?:\s*\.{2,}\s*|\s*\t\s*|\s{2,})(\d{1,4})\s*$/;

  it('reads what the old pattern read, on generated lines of dots, spaces, tabs, digits and words', () => {
    // Not U+2028: the old pattern's "." did not read past it, so it missed such lines; pageSuffix reads them.
    const piece = fc.constantFrom('Budget', ' ', '  ', '\t', '.', '..', '....', '3', '12', '2024', 'x', '\u3000', ' . ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        const old = OLD.exec(s);
        const now = pageSuffix(s);
        expect(now === null, JSON.stringify(s)).toBe(old === null);
        if (old !== null && now !== null) expect(now.page).toBe(Number(old[3]));
        // An entry number with no title ("3\t\t3"): the old pattern let the number take part of the leader; no title either way.
        if (old !== null && now !== null && (old[2] as string).trim() !== '') {
          // The same title once the leader's dots and spaces are trimmed.
          const trim = (t: string): string => t.replace(/[.\s]+$/, '');
          const head = /^(?:(\d{1,4})[.:]?\s+)?([^]*)$/.exec(s.slice(0, now.cut)) as RegExpExecArray;
          expect([head[1], trim(head[2] as string)], JSON.stringify(s)).toEqual([old[1], trim(old[2] as string)]);
        }
      }),
      { numRuns: 3000, seed: 12 },
    );
  });

  it('a TOC line with 20,000 spaces, tabs or dots inside is read (it took seconds to minutes)', () => {
    for (const filler of [' ', ' \t', '.', '\u2028']) {
      const model = parseReferat(`Indholdsfortegnelse\nBudget${filler.repeat(20_000)}x 3\n\nPunkt 1: Budget\nSagsnr.: 24/1\n\nBeslutning\nGodkendt.\n`);
      expect(model.punkter).toHaveLength(1);
    }
  });
});
