// Hover on sagsnumre, dates and punkt headings, as table tests with a `|` cursor marker.
import { describe, expect, it } from 'vitest';
import { describeCaseNumber, fullYear, hover, type HoverOptions } from '../../server/src/features/hover';
import { linesOf } from '../../server/src/features/text';
import { parseReferat } from '../../server/src/parser/parse';
import { withCursor } from '../helpers/cursor';

const HEAD = 'REFERAT Beskæftigelsesudvalget d. 14-05-2024\n\nMødedato Tirsdag d. 14. maj 2024 kl. 12:00\n\n';

function hoverAt(marked: string, opts: HoverOptions = {}): { value: string; range: string } | null {
  const { text, position } = withCursor(marked);
  const h = hover(parseReferat(text), linesOf(text), position, opts);
  if (h === null) return null;
  const r = h.range;
  const value = typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
  return { value, range: r ? `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}` : '' };
}

describe('hover', () => {
  const cases: { name: string; input: string; contains: string[]; range?: string; locale?: 'da' | 'en' }[] = [
    {
      name: 'KLE number under a punkt heading: hovedgruppe, facet category, løbenummer, year',
      input: `${HEAD}Punkt 46: Godkendelse af dagsorden\n\n00.13.0|6-P22-2-23\n`,
      contains: [
        '**00.13.06-P22-2-23** · KLE-journalnummer',
        'Hovedgruppe **00**: Kommunens styrelse',
        'Gruppe 00.13 · emne 00.13.06',
        'Handlingsfacet **P22**: kategori P – Planlægning, regler og principper',
        'Løbenummer 2',
        'År 23 (2023)',
      ],
      range: '6:0-6:17',
    },
    {
      name: 'KLE number in a Sagsnr. field, with a confirmed facet title',
      input: `${HEAD}Punkt 1: Budget\n\nSagsnr.: 15.00.00-G0|1-2-22 Dok.nr.: 1\n`,
      contains: ['Hovedgruppe **15**: Arbejdsmarked og beskæftigelsesindsats', 'kategori G – Efter faste regler; G01: Generelle sager'],
    },
    {
      name: 'KLE number in English',
      input: `${HEAD}Punkt 46: Godkendelse af dagsorden\n\n|00.13.06-P22-2-23\n`,
      contains: ['KLE journal number', 'Main group **00**: Kommunens styrelse', 'category P – Planlægning'],
      locale: 'en',
    },
    {
      name: 'KLE number without facet, unknown hovedgruppe',
      input: `${HEAD}Punkt 1: Sag\n\n16.22.00-35|84-18\n`,
      contains: ['KLE-journalnummer uden handlingsfacet', 'Hovedgruppe **16**: ukendt hovedgruppe', 'Løbenummer 3584', 'År 18 (2018)'],
    },
    {
      name: 'Acadre number mentioned in prose',
      input: `${HEAD}Punkt 1: Sag\n\n24/1\n\nSe også sag 24/199|87.\n`,
      contains: ['**24/19987** · år/løbenummer (Acadre)', 'År 24 (2024)', 'Løbenummer 19987'],
      range: '8:12-8:20',
    },
    {
      name: 'kommunekode shape',
      input: `${HEAD}Punkt 1: Sag\n\nSagsnr.: 330-2020-1|64\n`,
      contains: ['kommunekode-år-løbenummer', 'Kommunekode 330', 'År 2020', 'Løbenummer 164'],
    },
    {
      name: 'a case number of no known shape says so',
      input: `${HEAD}Punkt 1: Sag\n\n24/19|987/XX\n`,
      contains: ['Sagsnummer i ukendt form', 'KLE-journalnummer, fx `00.13.06-P22-2-23`'],
    },
    {
      name: 'date with the right weekday',
      input: 'REFERAT X d. 14-05-2024\n\nMødedato Tirsdag d. 14. |maj 2024 kl. 12:00\n',
      contains: ['**Tirsdag d. 14. maj 2024**', 'Tirsdag den 14. maj 2024', 'Ugedagen passer.'],
      range: '2:9-2:32',
    },
    {
      name: 'date with the wrong weekday',
      input: 'REFERAT X\n\nMødedato Mandag d. 1|4. maj 2024\n',
      contains: ['Der står *Mandag*, men datoen er en tirsdag.'],
    },
    {
      name: 'numeric date without a weekday, in English',
      input: 'REFERAT X d. 22-1|1-2022\n',
      contains: ['Tuesday 22 November 2022'],
      locale: 'en',
    },
    {
      name: 'a date that does not exist',
      input: 'REFERAT X d. 31-0|2-2024\n',
      contains: ['Ikke en gyldig dato.'],
    },
    {
      name: 'punkt heading lacking Beslutning',
      input: `${HEAD}Punkt 2: Kunst|græsbane\n\n24/101\n\nIndstilling\n\nat det godkendes.\n`,
      contains: ['**Punkt 2: Kunstgræsbane** · 24/101', '- Har: Indstilling', '- Mangler: **Beslutning**'],
      range: '4:0-4:22',
    },
    {
      name: 'standing item: Indstilling not needed',
      input: `${HEAD}Punkt 1: Godkendelse af dagsorden|\n\nBeslutning\n\nGodkendt.\n`,
      contains: ['- Har: Beslutning', '- Mangler: intet', 'Fast punkt: Indstilling kræves ikke.'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = hoverAt(c.input, c.locale ? { locale: c.locale } : {});
      expect(got).not.toBeNull();
      for (const s of c.contains) expect(got?.value).toContain(s);
      if (c.range !== undefined) expect(got?.range).toBe(c.range);
    });
  }

  it('is null on plain text, on a bare number in prose and past the end of a line', () => {
    expect(hoverAt(`${HEAD}Punkt 1: Sag\n\nDer var 2024 deltag|ere.\n`)).toBeNull();
    expect(hoverAt(`${HEAD}Punkt 1: Sag\n\nDer var 20|24 deltagere.\n`)).toBeNull();
    expect(hoverAt('|')).toBeNull();
  });

  it('adds the case history from the workspace when given', () => {
    const got = hoverAt(`${HEAD}Punkt 1: Sag\n\n|24/19987\n`, {
      history: (v) => (v === '24/19987' ? { punkter: 3, meetings: 2, newest: '2024-08-12' } : null),
    });
    expect(got?.value).toContain('Sagen står i 3 punkter i 2 møder i arbejdsområdet, senest 2024-08-12.');
  });
});

describe('describeCaseNumber and fullYear', () => {
  it('reads two-digit years from 1980 on', () => {
    expect([fullYear('23'), fullYear('79'), fullYear('80'), fullYear('99')]).toEqual([2023, 2079, 1980, 1999]);
  });
  it('describes every shape in both locales without throwing', () => {
    for (const v of ['00.13.06-P22-2-23', '00.22.00-3584-18', '24/19987', '17-004875', '330-2020-164', 'GEO-2022-000114', '299835', 'x']) {
      expect(describeCaseNumber(v, 'da').length).toBeGreaterThanOrEqual(0);
      expect(describeCaseNumber(v, 'en').length).toBeGreaterThanOrEqual(0);
    }
    expect(describeCaseNumber('GEO-2022-000114')).toEqual(['- Præfiks GEO', '- År 2022', '- Løbenummer 000114']);
  });
});
