// Completion as table tests: `|` marks the cursor; the first labels (in sortText order)
// and the text a chosen item writes are checked.
import { describe, expect, it } from 'vitest';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import { completions } from '../../server/src/features/completion';
import { linesOf } from '../../server/src/features/text';
import { parseReferat } from '../../server/src/parser/parse';
import { applyEdits } from '../../server/src/rules/engine';
import { withCursor } from '../helpers/cursor';

const HEAD =
  'REFERAT Økonomiudvalget d. 14-05-2024\n\nMødedato Tirsdag d. 14. maj 2024 kl. 12:00\n\nMødedeltagere Peter Svane (D), Martin Clausen (A), Henny Schøler\n\n';

function complete(marked: string): { items: CompletionItem[]; text: string } {
  const { text, position } = withCursor(marked);
  const items = completions(parseReferat(text), linesOf(text), position);
  items.sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  return { items, text };
}

function labels(marked: string, n = 3): string[] {
  return complete(marked).items.slice(0, n).map((i) => i.label);
}

/** The text after choosing the item with this label. */
function choose(marked: string, label: string): string {
  const { items, text } = complete(marked);
  const item = items.find((i) => i.label === label);
  if (item?.textEdit === undefined) throw new Error(`no ${label} in ${items.map((i) => i.label).join(', ')}`);
  return applyEdits(text, [item.textEdit as TextEdit]).text;
}

describe('completion: section headings', () => {
  const cases: { name: string; input: string; first: string[] }[] = [
    {
      name: 'a punkt without Beslutning offers Beslutning first',
      input: `${HEAD}Punkt 1: Budget\n\n24/1\n\nIndstilling\n\nat det godkendes.\n\n|`,
      first: ['Beslutning', 'Resume', 'Sagsfremstilling'],
    },
    {
      name: 'without both: Indstilling, then Beslutning',
      input: `${HEAD}Punkt 1: Budget\n\n24/1\n\nSagsfremstilling\n\nTekst.\n\nBe|`,
      first: ['Indstilling', 'Beslutning', 'Resume'],
    },
    {
      name: 'a standing item needs only Beslutning',
      input: `${HEAD}Punkt 1: Godkendelse af dagsorden\n\n|`,
      first: ['Beslutning', 'Resume', 'Sagsfremstilling'],
    },
    {
      name: 'a complete punkt: the usual order, present ones last',
      input: `${HEAD}Punkt 1: Budget\n\nIndstilling\n\nat.\n\nBeslutning\n\nGodkendt.\n\n|`,
      first: ['Resume', 'Sagsfremstilling', 'Økonomi'],
    },
  ];
  for (const c of cases) it(c.name, () => expect(labels(c.input)).toEqual(c.first));

  it('preselects the first missing one and says it is missing', () => {
    const [first] = complete(`${HEAD}Punkt 1: Budget\n\nIndstilling\n\nat.\n\n|`).items;
    expect(first).toMatchObject({ label: 'Beslutning', preselect: true, detail: 'Mangler i dette punkt' });
  });

  it('writes the heading in the style of the punkt: Markdown level, or upper case with a colon', () => {
    expect(choose(`# Referat X\n\n# Punkt 1: Budget\n\n## Indstilling\n\nat.\n\nBe|`, 'Beslutning')).toBe(
      '# Referat X\n\n# Punkt 1: Budget\n\n## Indstilling\n\nat.\n\n## Beslutning',
    );
    expect(choose(`# Referat X\n\n# Punkt 1: Budget\n\n## Indstilling\n\nat.\n\n## Be|`, 'Beslutning')).toBe(
      '# Referat X\n\n# Punkt 1: Budget\n\n## Indstilling\n\nat.\n\n## Beslutning',
    );
    expect(choose(`${HEAD}Punkt 1: Budget\n\nINDSTILLING:\n\nat.\n\n|`, 'Beslutning')).toContain('\n\nBESLUTNING:');
  });

  it('writes "Beslutning i <udvalg> den <dato>" as the neighbouring punkt does', () => {
    const input = `${HEAD}Punkt 1: A\n\nIndstilling\n\nat.\n\nBeslutning i Økonomiudvalget den 14-05-2024\n\nGodkendt.\n\nPunkt 2: B\n\nIndstilling\n\nat.\n\n|`;
    expect(choose(input, 'Beslutning').endsWith('\n\nBeslutning i Økonomiudvalget den 14-05-2024')).toBe(true);
  });

  it('offers nothing in the middle of a paragraph or a line with text after the word', () => {
    expect(complete(`${HEAD}Punkt 1: Budget\n\nTekst.\nBe|`).items).toEqual([]);
    expect(complete(`${HEAD}Punkt 1: Budget\n\nBe|slutning er taget, og mere.`).items).toEqual([]);
  });
});

describe('completion: Punkt N', () => {
  it('offers the next number at the start of a line', () => {
    const input = `${HEAD}Punkt 46: Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\nPu|`;
    expect(complete(input).items.map((i) => i.label)).toContain('Punkt 47: ');
    expect(choose(input, 'Punkt 47: ').endsWith('\n\nPunkt 47: ')).toBe(true);
  });

  it('follows the document form and Markdown level', () => {
    expect(choose('Referat: 18. august 2022\n\n1: Godkendelse af dagsorden\n\nSagsnr: 22/1\n\n|', '2: ').endsWith('\n\n2: ')).toBe(true);
    expect(choose('# Referat X\n\n# Punkt 1: A\n\nTekst.\n\n|', 'Punkt 2: ').endsWith('\n\n# Punkt 2: ')).toBe(true);
  });

  it('starts at 1 in a document without punkter', () => {
    expect(labels(`${HEAD}|`, 5)).toEqual(['Punkt 1: ']);
  });
});

describe('completion: members', () => {
  const cases: { name: string; input: string; first: string[] }[] = [
    { name: 'after "Fraværende:"', input: `${HEAD}Punkt 1: A\n\nFraværende: |`, first: ['Peter Svane (D)', 'Martin Clausen (A)', 'Henny Schøler'] },
    { name: 'after "Afbud:" with a name begun', input: `${HEAD}Punkt 1: A\n\nAfbud: Ma|`, first: ['Peter Svane (D)', 'Martin Clausen (A)', 'Henny Schøler'] },
    { name: 'not a name already on the line', input: `${HEAD}Punkt 1: A\n\nAfbud: Peter Svane (D), |`, first: ['Martin Clausen (A)', 'Henny Schøler'] },
    { name: 'in the phrase "Der er afbud fra"', input: `${HEAD}Punkt 1: A\n\nDer er afbud fra Henny Schøler og |`, first: ['Peter Svane (D)', 'Martin Clausen (A)'] },
    { name: 'in an inhabil statement', input: `${HEAD}Punkt 1: A\n\nBeslutning\n\n| blev erklæret inhabil.`, first: ['Peter Svane (D)', 'Martin Clausen (A)', 'Henny Schøler'] },
  ];
  for (const c of cases) it(c.name, () => expect(labels(c.input)).toEqual(c.first));

  it('replaces the name begun and adds a space after a bare colon', () => {
    expect(choose(`${HEAD}Punkt 1: A\n\nAfbud: Ma|`, 'Martin Clausen (A)').endsWith('\nAfbud: Martin Clausen (A)')).toBe(true);
    expect(choose(`${HEAD}Punkt 1: A\n\nFraværende:|`, 'Henny Schøler').endsWith('\nFraværende: Henny Schøler')).toBe(true);
    expect(choose(`${HEAD}Punkt 1: A\n\nMar| blev erklæret inhabil.`, 'Martin Clausen (A)').endsWith('\nMartin Clausen (A) blev erklæret inhabil.')).toBe(
      true,
    );
  });
});

describe('completion: decisions', () => {
  it('offers the standard wording at the start of a Beslutning', () => {
    const input = `${HEAD}Punkt 1: A\n\nIndstilling\n\nat.\n\nBeslutning\n\n|`;
    expect(labels(input, 4)).toEqual(['Godkendt.', 'Taget til efterretning.', 'Indstillingen tiltrådt.', 'Drøftet.']);
    expect(choose(`${HEAD}Punkt 1: A\n\nBeslutning\n\nGod|`, 'Godkendt.').endsWith('\nBeslutning\n\nGodkendt.')).toBe(true);
  });

  it('offers no wording once the Beslutning has text', () => {
    expect(labels(`${HEAD}Punkt 1: A\n\nBeslutning\n\nGodkendt.\n\n|`, 1)).not.toEqual(['Godkendt.']);
  });
});

describe('completion: KLE numbers', () => {
  it('offers hovedgrupper on the case-number line under the heading', () => {
    const { items } = complete(`${HEAD}Punkt 1: A\n\n0|`);
    expect(items[0]).toMatchObject({ label: '00', labelDetails: { description: 'Kommunens styrelse' } });
    expect(items).toHaveLength(36);
    expect(choose(`${HEAD}Punkt 1: A\n\n0|`, '15').endsWith('\n\n15.')).toBe(true);
  });

  it('offers hovedgrupper after "Sagsnr.:"', () => {
    expect(labels(`${HEAD}Punkt 1: A\n\nSagsnr.: |`, 2)).toEqual(['00', '01']);
  });

  it('offers facet letters after the emne', () => {
    const { items } = complete(`${HEAD}Punkt 1: A\n\n00.13.06-|`);
    expect(items.slice(0, 2).map((i) => [i.label, i.labelDetails?.description])).toEqual([
      ['A', 'Organisering mv.'],
      ['P', 'Planlægning, regler og principper'],
    ]);
    expect(items.map((i) => i.label)).toContain('G01');
    expect(choose(`${HEAD}Punkt 1: A\n\nSagsnr.: 00.13.06-p|`, 'P').endsWith('Sagsnr.: 00.13.06-P')).toBe(true);
  });

  it('offers no hovedgrupper where the document uses another shape, or in prose', () => {
    expect(complete(`${HEAD}Punkt 1: A\n\n24/1\n\nPunkt 2: B\n\n2|`).items.map((i) => i.label)).not.toContain('24');
    expect(complete(`${HEAD}Punkt 1: A\n\nSagsfremstilling\n\nDer kom 2|`).items).toEqual([]);
  });
});
