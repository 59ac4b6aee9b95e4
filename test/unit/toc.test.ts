// Regenerating the Indholdsfortegnelse: the entry style is kept (prefix, dot leaders,
// pages where known), nothing outside the TOC changes, and a second run changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeActions } from '../../server/src/features/codeActions';
import { linesOf } from '../../server/src/features/text';
import { regenerateToc } from '../../server/src/features/toc';
import { parseReferat } from '../../server/src/parser/parse';
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
