// The missing-section fix: headings go where the profile order puts them, in the
// punkt's own heading style, with a placeholder line; applying twice changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../server/src/rules/engine';
import { lintText } from '../helpers/lintFile';

const dir = join(__dirname, '..', 'fixtures', 'rules', 'missing-section');

function fixAll(text: string): string {
  const edits = lintText(text)
    .filter((d) => d.rule === 'missing-section')
    .flatMap((d) => d.fix?.edits ?? []);
  return applyEdits(text, edits).text;
}

describe('missing-section fix placement', () => {
  const cases: { name: string; input: string; output: string }[] = [
    {
      name: 'Indstilling before Beslutning, after Sagsfremstilling',
      input: 'REFERAT X d. 14-05-2024\n\nPunkt 3: Lokalplan 12\n\n24/102\n\nSagsfremstilling\n\nPlanen.\n\nBeslutning\n\nGodkendt.\n',
      output:
        'REFERAT X d. 14-05-2024\n\nPunkt 3: Lokalplan 12\n\n24/102\n\nSagsfremstilling\n\nPlanen.\n\nIndstilling\n\n…\n\nBeslutning\n\nGodkendt.\n',
    },
    {
      name: 'Beslutning right after Indstilling when the case text follows (Vejen, Viborg)',
      input: 'REFERAT X d. 14-05-2024\n\nPunkt 1: Sag\n\n24/1\n\nIndstilling\n\nat det godkendes.\n\nSagsfremstilling\n\nTekst.\n',
      output:
        'REFERAT X d. 14-05-2024\n\nPunkt 1: Sag\n\n24/1\n\nIndstilling\n\nat det godkendes.\n\nBeslutning\n\n…\n\nSagsfremstilling\n\nTekst.\n',
    },
    {
      name: 'Indstilling before a Beslutning that precedes the case text',
      input: 'REFERAT X d. 14-05-2024\n\nPunkt 1: Sag\n\n24/1\n\nBeslutning\n\nGodkendt.\n\nSagsfremstilling\n\nTekst.\n',
      output:
        'REFERAT X d. 14-05-2024\n\nPunkt 1: Sag\n\n24/1\n\nIndstilling\n\n…\n\nBeslutning\n\nGodkendt.\n\nSagsfremstilling\n\nTekst.\n',
    },
    {
      name: 'both, in profile order, before Bilag',
      input: 'REFERAT X d. 14-05-2024\n\nPunkt 1: Sag\n\n24/1\n\nSagsfremstilling\n\nTekst.\n\nBilag\n\nNotat\n',
      output:
        'REFERAT X d. 14-05-2024\n\nPunkt 1: Sag\n\n24/1\n\nSagsfremstilling\n\nTekst.\n\nIndstilling\n\n…\n\nBeslutning\n\n…\n\nBilag\n\nNotat\n',
    },
    {
      name: 'both at the end of a punkt without sections, Markdown level under the punkt',
      input: '# REFERAT X d. 14-05-2024\n\n# Punkt 1: Sag\n\n24/1\n\nTekst.\n\n# Punkt 2: Eventuelt\n\nIntet.\n',
      output: '# REFERAT X d. 14-05-2024\n\n# Punkt 1: Sag\n\n24/1\n\nTekst.\n\n## Indstilling\n\n…\n\n## Beslutning\n\n…\n\n# Punkt 2: Eventuelt\n\nIntet.\n',
    },
    {
      name: 'upper case with a colon, as the siblings',
      input: 'REFERAT X d. 14-05-2024\n\nPunkt 1: Sag\n\n24/1\n\nINDSTILLING:\n\nat det godkendes.\n',
      output: 'REFERAT X d. 14-05-2024\n\nPunkt 1: Sag\n\n24/1\n\nINDSTILLING:\n\nat det godkendes.\n\nBESLUTNING:\n\n…\n',
    },
    {
      name: 'CRLF stays CRLF',
      input: 'REFERAT X d. 14-05-2024\r\n\r\nPunkt 1: Sag\r\n\r\n24/1\r\n\r\nIndstilling\r\n\r\nat det godkendes.\r\n',
      output: 'REFERAT X d. 14-05-2024\r\n\r\nPunkt 1: Sag\r\n\r\n24/1\r\n\r\nIndstilling\r\n\r\nat det godkendes.\r\n\r\nBeslutning\r\n\r\n…\r\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const once = fixAll(c.input);
      expect(once).toBe(c.output);
      expect(lintText(once).filter((d) => d.rule === 'missing-section')).toEqual([]);
      expect(fixAll(once)).toBe(once);
    });
  }

  it('uses the sibling Markdown level in the fixture, and changes nothing but insertions', () => {
    const text = readFileSync(join(dir, 'bad-markdown.referat.md'), 'utf8');
    const once = fixAll(text);
    expect(once).toContain('## Indstilling\n\nDirektøren indstiller, at orienteringen tages til efterretning.\n\n## Beslutning\n\n…\n\n## Sagsfremstilling');
    expect(once).toContain('Rammerne er udmeldt.\n\n## Indstilling\n\n…\n\n## Beslutning\n\n…\n\n## Bilag');
    // Every original line is still there, in order.
    const kept = text.split('\n');
    const lines = once.split('\n');
    let j = 0;
    for (const line of lines) if (j < kept.length && line === kept[j]) j++;
    expect(j).toBe(kept.length);
  });
});
