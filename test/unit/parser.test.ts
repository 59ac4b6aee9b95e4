import { describe, expect, it } from 'vitest';
import type { Punkt, Section } from '../../server/src/model';
import { parseReferat } from '../../server/src/parser/parse';

const doc = (...lines: string[]): string => lines.join('\n');
const kinds = (p: Punkt): string[] => p.sections.map((s) => s.kind);
const flat = (ss: readonly Section[]): Section[] => ss.flatMap((s) => [s, ...flat(s.children)]);

describe('parser: punkt heading forms', () => {
  it('reads "Punkt 46: Title" with the case number on the line below', () => {
    const m = parseReferat(doc('REFERAT Udvalget d. 14-05-2024', '', 'Punkt 46: Godkendelse af dagsorden', '', '00.13.06-P22-2-23', '', 'Beslutning', '', 'Godkendt.'));
    expect(m.kind).toBe('referat');
    expect(m.punkter).toHaveLength(1);
    const p = m.punkter[0] as Punkt;
    expect(p.number).toBe(46);
    expect(p.title).toBe('Godkendelse af dagsorden');
    expect(p.titleRange).toEqual({ start: { line: 2, character: 10 }, end: { line: 2, character: 34 } });
    expect(p.caseNumbers).toEqual([{ value: '00.13.06-P22-2-23', source: 'line-below', range: { start: { line: 4, character: 0 }, end: { line: 4, character: 17 } } }]);
    expect(kinds(p)).toEqual(['beslutning']);
  });

  it('strips Markdown heading marks and bold at uneven levels', () => {
    const m = parseReferat(doc('# REFERAT X', '', '# Punkt 1: Et', '', '## Resume', 'a', '', '## **Punkt 2: To**', '', '### **Indstilling**', 'b'));
    expect(m.punkter.map((p) => [p.number, p.title, p.level])).toEqual([
      [1, 'Et', 1],
      [2, 'To', 2],
    ]);
    const p2 = m.punkter[1] as Punkt;
    expect(p2.titleRange.start.character).toBe(14);
    expect(p2.sections[0]?.heading).toBe('Indstilling');
    expect(p2.sections[0]?.level).toBe(3);
  });

  it('reads "2: Title" only when a Sagsnr field or case number corroborates it', () => {
    const m = parseReferat(doc('Referat: 18. august 2022', '', '1: Godkendelse af dagsorden', '', 'Sagsnr:', '', '2: Projekt PLUS', '', 'Sagsnr: 17-004875', '', 'Sagsfremstilling', '', '3: ikke et punkt, bare tekst'));
    expect(m.punkter.map((p) => p.number)).toEqual([1, 2]);
    expect(m.punkter[0]?.fields).toMatchObject([{ key: 'sagsnr', value: '' }]);
    expect(m.punkter[0]?.caseNumbers).toEqual([]);
    expect(m.punkter[1]?.caseNumbers).toMatchObject([{ value: '17-004875', source: 'field', field: 'Sagsnr' }]);
  });

  it('ignores weak forms ("1. Title") in a document that uses "Punkt N:"', () => {
    const m = parseReferat(doc('REFERAT X', '', 'Punkt 1: A', '', '23/1', '', 'Sagsfremstilling', '', '1. Sæt fagligheden fri', '2. Tag hånd om', '', '#### 3. Værdigt sanktionssystem'));
    expect(m.punkter).toHaveLength(1);
  });

  it.each([
    ['131. Budget 2025', '24/123', 131, 'Budget 2025', 'number-dot'],
    ['Pkt. 42 Kunstgræsbane', '19/42', 42, 'Kunstgræsbane', 'pkt'],
    ['Nr.178 - Lokalplan for Byen', '330-2020-164', 178, 'Lokalplan for Byen', 'nr'],
    ['38Godkendelse af dagsorden', '20/1', 38, 'Godkendelse af dagsorden', 'number-glued'],
  ])('reads %j', (heading, cn, number, title, form) => {
    const m = parseReferat(doc('Dagsorden X', '', heading, cn, '', 'Indstilling', 'at noget'));
    expect(m.punkter).toHaveLength(1);
    expect(m.punkter[0]).toMatchObject({ number, title, form });
    expect(m.punkter[0]?.caseNumbers[0]?.value).toBe(cn);
  });

  it('reads "Sag nr. 11" under the title', () => {
    const m = parseReferat(doc('Referat X', '', 'Kunstgræsbane i Byen', 'Sag nr. 11', '', 'Beslutning', 'Godkendt.'));
    expect(m.punkter[0]).toMatchObject({ number: 11, title: 'Kunstgræsbane i Byen', form: 'sag-nr' });
    expect(m.punkter[0]?.sections.map((s) => s.kind)).toEqual(['beslutning']);
  });

  it('reads a bullet "• 1" followed by the title, and skips a repeated title', () => {
    const m = parseReferat(doc('Referat X', '', '• 1', 'Godkendelse af dagsorden', 'Godkendelse af dagsorden', '', 'Beslutning', 'Godkendt.'));
    expect(m.punkter[0]).toMatchObject({ number: 1, title: 'Godkendelse af dagsorden', form: 'bullet-number' });
    expect(m.punkter[0]?.range.start.line).toBe(2);
    expect(m.punkter[0]?.sections[0]?.bodyLines).toBe(1);
  });

  it('reads a KLE number on the line above the title (SBSYS)', () => {
    const m = parseReferat(doc('Referat X', '', 'Punkt 1: A', '', 'Tekst.', '', '82.02.00-P19-4-21', 'Punkt 2: B', '', 'Beslutning', 'Ok.'));
    expect(m.punkter[1]?.caseNumbers).toMatchObject([{ value: '82.02.00-P19-4-21', source: 'line-above' }]);
    expect(m.punkter[1]?.range.start.line).toBe(6);
    expect(m.punkter[0]?.range.end.line).toBe(4);
    expect(m.punkter[0]?.caseNumbers).toEqual([]);
  });

  it('keeps title class markers and closed items', () => {
    const m = parseReferat(doc('REFERAT X', '', 'Punkt 9: Lukket: Eventuelt (B)', '', 'Intet.'));
    expect(m.punkter[0]).toMatchObject({ classMarker: 'B', closed: true, title: 'Lukket: Eventuelt (B)' });
  });
});

describe('parser: fields', () => {
  it('reads several fields on one line', () => {
    const m = parseReferat(doc('Referat X', '', 'Punkt 1: A', '', 'Sagsnr.: 330-2020-164 Dok.nr.: 330-2020-488200 Åbent', 'Sagsid.: 20/33839, Sagsinitialer: AGVA'));
    const p = m.punkter[0] as Punkt;
    expect(p.fields.map((f) => [f.key, f.value])).toEqual([
      ['sagsnr', '330-2020-164'],
      ['doknr', '330-2020-488200 Åbent'],
      ['sagsnr', '20/33839'],
      ['sagsinitialer', 'AGVA'],
    ]);
    // The Dok.nr. is listed with the case numbers, marked as a document number so that no rule compares it.
    expect(p.caseNumbers.map((c) => [c.value, c.document ?? false])).toEqual([
      ['330-2020-164', false],
      ['330-2020-488200', true],
      ['20/33839', false],
    ]);
    const c0 = p.caseNumbers[0];
    expect(c0?.range).toEqual({ start: { line: 4, character: 9 }, end: { line: 4, character: 21 } });
  });

  it('keeps both the number under the heading and the Sagsnr. field', () => {
    const m = parseReferat(doc('REFERAT X', '', 'Punkt 46: A', '', '00.13.06-P22-2-23', '', 'Punktoplysninger', '', 'Sagsnr.: 00.13.00-P22-2-23', '', 'Sagsbeh.: Morten Lund'));
    const p = m.punkter[0] as Punkt;
    expect(p.caseNumbers.map((c) => [c.value, c.source])).toEqual([
      ['00.13.06-P22-2-23', 'line-below'],
      ['00.13.00-P22-2-23', 'field'],
    ]);
    expect(p.fields.find((f) => f.key === 'sagsbeh')?.value).toBe('Morten Lund');
    expect(p.sections[0]?.bodyLines).toBe(2);
  });
});

describe('parser: sections', () => {
  it('reads Beslutning headings that carry the committee and date', () => {
    const m = parseReferat(
      doc(
        'REFERAT X',
        '',
        'Punkt 1: A',
        '',
        'Beslutning Udvalget for arbejdsmarked og integration den 28-11-2023',
        'Drøftet.',
        '',
        '## Beslutning i Beskæftigelsesudvalget den 12-08-2024',
        'Ok.',
        '',
        'Beslutning i Forebyggelses- og Seniorudvalget den 12. januar 2021:',
        'Ok.',
        '',
        'Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42',
        'Godkendt.',
      ),
    );
    const ss = m.punkter[0]?.sections ?? [];
    expect(ss.map((s) => [s.kind, s.committee, s.date?.iso])).toEqual([
      ['beslutning', 'Udvalget for arbejdsmarked og integration', '2023-11-28'],
      ['beslutning', 'Beskæftigelsesudvalget', '2024-08-12'],
      ['beslutning', 'Forebyggelses- og Seniorudvalget', '2021-01-12'],
      ['beslutning', 'Kultur- og Idrætsudvalget', '2019-04-03'],
    ]);
  });

  it('does not take prose that starts with "Beslutning" for a heading', () => {
    const m = parseReferat(doc('REFERAT X', '', 'Punkt 1: A', '', 'Sagsfremstilling', 'Beslutning om budget blev truffet den 3. maj 2024 af byrådet.'));
    expect(kinds(m.punkter[0] as Punkt)).toEqual(['sagsfremstilling']);
  });

  it('maps aliases to canonical kinds, case-insensitively and with a colon', () => {
    const m = parseReferat(doc('REFERAT X', '', 'Punkt 1: A', '', 'RESUMÉ:', 'x', 'Administrativ indstilling', 'x', 'Sagens kerne', 'x', 'Retsregler og andre forskrifter', 'x', 'Sagen afgøres i', 'x', 'Tidligere behandling', 'x'));
    expect(kinds(m.punkter[0] as Punkt)).toEqual(['resume', 'indstilling', 'resume', 'lovgrundlag', 'kompetence', 'tidligere-behandling']);
    // The heading as printed, its colon kept.
    expect(m.punkter[0]?.sections[0]?.heading).toBe('RESUMÉ:');
  });

  it('treats an Indstilling written as a paragraph as an Indstilling', () => {
    const m = parseReferat(
      doc('REFERAT X', '', 'Punkt 90: A', '', 'Sagsfremstilling', '', 'Tekst.', '', 'Direktøren for Social, Sundhed og Beskæftigelse indstiller', '', 'at det fremlagte forslag godkendes.', '', 'Beslutning', '', 'Godkendt.'),
    );
    const p = m.punkter[0] as Punkt;
    expect(kinds(p)).toEqual(['sagsfremstilling', 'indstilling', 'beslutning']);
    expect(p.sections[1]).toMatchObject({ implicit: true, bodyLines: 1 });
    expect(p.sections[0]?.range.end.line).toBe(6);
  });

  it('accepts "… indstiller, at …" on one line but not "indstiller" in prose without at-clauses', () => {
    const a = parseReferat(doc('REFERAT X', '', 'Punkt 1: A', '', 'Administrationen indstiller, at sagen godkendes.'));
    expect(kinds(a.punkter[0] as Punkt)).toEqual(['indstilling']);
    const b = parseReferat(doc('REFERAT X', '', 'Punkt 1: A', '', 'Sagsfremstilling', 'Udvalget indstiller', 'sjældent noget i prosa.'));
    expect(kinds(b.punkter[0] as Punkt)).toEqual(['sagsfremstilling']);
  });

  it('splits merged headings ("BilagBeslutning")', () => {
    const m = parseReferat(doc('Referat X', '', 'Punkt 1: A', '', 'Indstilling', 'at x', '', 'BilagBeslutning', '', 'Godkendt.'));
    const p = m.punkter[0] as Punkt;
    expect(p.sections.map((s) => [s.kind, s.heading, s.merged, s.headingRange.start.character, s.headingRange.end.character])).toEqual([
      ['indstilling', 'Indstilling', false, 0, 11],
      ['bilag', 'Bilag', true, 0, 5],
      ['beslutning', 'Beslutning', true, 5, 15],
    ]);
    expect(p.sections[1]?.bodyLines).toBe(0);
    expect(p.sections[2]?.bodyLines).toBe(1);
  });

  it('nests Markdown sub-headings by level, but never Bilag/Indstilling/Beslutning', () => {
    const m = parseReferat(doc('# REFERAT X', '# Punkt 1: A', '## Sagsfremstilling', '### Historik', 'a', '### Beskrivelse', '#### 1. Første', 'b', '### Bilag', 'c'));
    const p = m.punkter[0] as Punkt;
    expect(kinds(p)).toEqual(['sagsfremstilling', 'bilag']);
    expect(p.sections[0]?.children.map((s) => s.kind)).toEqual(['historik', 'beskrivelse']);
    expect(p.sections[0]?.children[1]?.children.map((s) => [s.kind, s.heading])).toEqual([['other', '1. Første']]);
  });

  it('nests plain-text sub-headings under Sagsfremstilling', () => {
    const m = parseReferat(doc('REFERAT X', '', 'Punkt 1: A', '', 'Sagsfremstilling', '', 'Baggrund:', '', 'tekst', '', 'Høring', '', 'Ingen.'));
    const p = m.punkter[0] as Punkt;
    expect(kinds(p)).toEqual(['sagsfremstilling', 'høring']);
    expect(p.sections[0]?.children.map((s) => s.heading)).toEqual(['Baggrund:']);
    expect(flat(p.sections).map((s) => s.bodyLines)).toEqual([0, 1, 1]);
  });

  it('records attendance lines per punkt', () => {
    const m = parseReferat(doc('REFERAT X', '', 'Punkt 1: A', '', 'Beslutning', '', 'Afbud: Peter Svane (D)', 'Fraværende: Jakob Vium Dyrman, Anne Hansen og Bo Lund', 'Godkendt.'));
    const p = m.punkter[0] as Punkt;
    expect(p.attendance.map((a) => [a.kind, a.members.map((x) => [x.name, x.party])])).toEqual([
      ['afbud', [['Peter Svane', 'D']]],
      ['fraværende', [['Jakob Vium Dyrman', null], ['Anne Hansen', null], ['Bo Lund', null]]],
    ]);
    expect(p.sections[0]?.bodyLines).toBe(3);
  });
});

describe('parser: header and TOC', () => {
  it('reads title, kind, committee, dates, place and members', () => {
    const m = parseReferat(
      doc(
        '',
        'REFERAT Udvalget for arbejdsmarked og integration 2022-2025 d. 28-11-2023',
        '',
        'Mødedato Tirsdag d. 28. november 2023 kl. 14:00',
        'Mødested Kongeåen (3. sal) Vejen Rådhus',
        'Mødedeltagere Morten Thorøe, Peter Svane (D), Henny Schøler',
      ),
    );
    expect(m.kind).toBe('referat');
    expect(m.header.committee?.text).toBe('Udvalget for arbejdsmarked og integration 2022-2025');
    expect(m.header.meetingDate).toBe('2023-11-28');
    expect(m.header.dates.map((d) => [d.source, d.iso, d.weekday])).toEqual([
      ['title', '2023-11-28', null],
      ['mødedato', '2023-11-28', 'Tirsdag'],
    ]);
    expect(m.header.time?.text).toBe('14:00');
    expect(m.header.place?.text).toBe('Kongeåen (3. sal) Vejen Rådhus');
    expect(m.header.members.map((x) => [x.name, x.party])).toEqual([
      ['Morten Thorøe', null],
      ['Peter Svane', 'D'],
      ['Henny Schøler', null],
    ]);
    expect(m.header.members[1]?.range).toEqual({ start: { line: 5, character: 29 }, end: { line: 5, character: 44 } });
  });

  it('reads a bulleted member list and a committee line', () => {
    const m = parseReferat(doc('Referat: 18. august 2022 kl. 15:00', '', 'Mødelokale 1, Skjern', 'Beskæftigelsesudvalget', '', 'Deltagere', '', '  • Carsten Bjerg', '  • Rita Byskov', '', 'Kopier link til punktet  -   Print'));
    expect(m.header.committee?.text).toBe('Beskæftigelsesudvalget');
    expect(m.header.place?.text).toBe('Mødelokale 1, Skjern');
    expect(m.header.members.map((x) => x.name)).toEqual(['Carsten Bjerg', 'Rita Byskov']);
    expect(m.header.meetingDate).toBe('2022-08-18');
    expect(m.debris).toHaveLength(1);
  });

  it.each([
    ['Dagsorden for Byrådet', 'dagsorden'],
    ['Tillægsdagsorden Økonomiudvalget', 'dagsorden'],
    ['Beslutningsprotokol Byrådet 2024', 'beslutningsprotokol'],
    ['# REFERAT X', 'referat'],
    ['Møde i udvalget', 'unknown'],
  ])('kind of %j is %s', (title, kind) => {
    expect(parseReferat(title).kind).toBe(kind);
  });

  it('reads the Indholdsfortegnelse with dot leaders, tabs and pages', () => {
    const m = parseReferat(doc('REFERAT X', '', '# Indholdsfortegnelse', '', 'Budget.....\t3', 'Lang titel der er skåret af den 30. sep\t17', '3. Eventuelt..24', '', 'Punkt 1: Budget'));
    expect(m.toc?.heading.text).toBe('Indholdsfortegnelse');
    expect(m.toc?.entries.map((e) => [e.number, e.title, e.page])).toEqual([
      [null, 'Budget', 3],
      [null, 'Lang titel der er skåret af den 30. sep', 17],
      [3, 'Eventuelt', 24],
    ]);
    expect(m.toc?.range).toEqual({ start: { line: 2, character: 2 }, end: { line: 6, character: 16 } });
  });
});

describe('parser: robustness', () => {
  it('handles empty input', () => {
    const m = parseReferat('');
    expect(m).toMatchObject({ kind: 'unknown', title: null, punkter: [], toc: null, lineCount: 1 });
  });

  it('handles a document with no punkter', () => {
    const m = parseReferat('Referat\n\nBare noget tekst.\n');
    expect(m.kind).toBe('referat');
    expect(m.punkter).toEqual([]);
  });

  it('gives the same positions for CRLF and LF', () => {
    const lf = doc('REFERAT X', '', 'Punkt 1: A', '24/1', '', 'Beslutning', 'Ok.');
    expect(parseReferat(lf.replace(/\n/g, '\r\n'))).toEqual(parseReferat(lf));
  });

  it('skips a byte-order mark so positions match what editors show', () => {
    const text = doc('REFERAT X', '', 'Punkt 1: A');
    const m = parseReferat('\ufeff' + text);
    expect(m.hasBom).toBe(true);
    expect({ ...m, hasBom: false }).toEqual(parseReferat(text));
    expect(m.title?.range.start.character).toBe(0);
  });

  it('never throws on junk', () => {
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = 'Punkt 1:\n\r#*•.-/~æøåÅ~Ã¸\u0000\ufffdBeslutningIndstilling at indstiller 24/1 00.13.06-P22-2-23 \t';
    for (let r = 0; r < 200; r++) {
      let s = '';
      const len = Math.floor(rnd() * 400);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
      expect(() => parseReferat(s)).not.toThrow();
    }
    expect(() => parseReferat('\u0000'.repeat(1000))).not.toThrow();
    expect(() => parseReferat('#'.repeat(100000))).not.toThrow();
  });

  it('keeps every range inside the document', () => {
    const text = doc('REFERAT X', '', 'Punkt 1: A', '24/1', '', 'Beslutning', 'Ok.   ', '', 'Punkt 2: B');
    const m = parseReferat(text);
    const lines = text.split('\n');
    for (const p of m.punkter) {
      for (const r of [p.range, p.titleRange, p.headingRange, ...flat(p.sections).map((s) => s.range)]) {
        expect(r.end.line).toBeLessThan(lines.length);
        expect(r.end.character).toBeLessThanOrEqual((lines[r.end.line] as string).length);
        expect(r.start.line < r.end.line || r.start.character <= r.end.character).toBe(true);
      }
    }
  });
});

describe('applyEdits', () => {
  it('counts positions after a byte-order mark, as the model does, and keeps the mark', async () => {
    const { applyEdits } = await import('../../server/src/rules/engine');
    const r = applyEdits('\ufeffab\ncd', [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 2 } }, newText: 'X' }]);
    expect(r.text).toBe('\ufeffaX\ncd');
  });
});

describe('parser: options', () => {
  it('accepts a municipality\'s own section names', () => {
    const text = 'REFERAT X\n\nPunkt 1: A\n\nSagens forhistorie\n\nTekst.\n\nUdvalgets afgørelse\n\nGodkendt.';
    expect(parseReferat(text).punkter[0]?.sections).toEqual([]);
    const m = parseReferat(text, {
      sectionAliases: new Map([
        ['sagens forhistorie', { kind: 'sagsfremstilling' }],
        ['udvalgets afgørelse', { kind: 'beslutning' }],
      ]),
    });
    expect(m.punkter[0]?.sections.map((s) => [s.kind, s.heading])).toEqual([
      ['sagsfremstilling', 'Sagens forhistorie'],
      ['beslutning', 'Udvalgets afgørelse'],
    ]);
  });
});

describe('parser: layouts beyond the catalogue, by the evidence minutes share', () => {
  it.each([
    ['Punkt 3 - Budget 2025', 3, 'Budget 2025'],
    ['Punkt nr. 3: Budget 2025', 3, 'Budget 2025'],
    ['Sag nr. 3: Budget 2025', 3, 'Budget 2025'],
    ['3) Budget 2025', 3, 'Budget 2025'],
    ['Nr. 3 Budget 2025', 3, 'Budget 2025'],
  ])('reads %j', (heading, number, title) => {
    const m = parseReferat(doc('Mødereferat Økonomiudvalget 4. marts 2025', '', heading, '', 'Indstilling', '', 'At budgettet godkendes.', '', 'Beslutning', '', 'Godkendt.'));
    expect(m.kind).toBe('referat');
    expect(m.punkter.map((p) => [p.number, p.title])).toEqual([[number, title]]);
  });

  it('reads "Punkt 4" with its title on the next line', () => {
    const m = parseReferat(doc('Referat', '', 'Punkt 4', 'Godkendelse af regnskab', '', 'Beslutning', 'Godkendt.'));
    expect(m.punkter.map((p) => [p.number, p.title, p.range.start.line])).toEqual([[4, 'Godkendelse af regnskab', 2]]);
  });

  it('takes numbered titles with bodies but unknown section names when they run in sequence', () => {
    const body = ['', 'Udvalget drøftede sagen grundigt.', 'Der var enighed om forslaget.', ''];
    const m = parseReferat(doc('Referat', '', '1. Godkendelse af dagsorden', ...body, '2. Budgetopfølgning', ...body, '3. Eventuelt', ...body));
    expect(m.punkter.map((p) => p.number)).toEqual([1, 2, 3]);
    // A numbered list has no body between its items.
    const list = parseReferat(doc('Referat', '', 'Udvalget besluttede følgende', '', '1. Første ting', '2. Anden ting', '3. Tredje ting'));
    expect(list.punkter).toEqual([]);
  });

  it('reads a heading with its text after a colon ("Beslutning: Godkendt.")', () => {
    const m = parseReferat(doc('Referat', '', '5. Budget', '', 'Indstilling: Forvaltningen indstiller, at budgettet godkendes.', 'Beslutning: Godkendt.'));
    expect(m.punkter[0]?.sections.map((s) => [s.kind, s.heading, s.bodyLines])).toEqual([
      ['indstilling', 'Indstilling:', 1],
      ['beslutning', 'Beslutning:', 1],
    ]);
  });

  it('reads a page flattened to one line without a page number', () => {
    const m = parseReferat(doc('Referat', '', '1. Godkendelse af dagsorden Sagsnr.: 24/17 Beslutning Godkendt.'));
    const p = m.punkter[0] as Punkt;
    expect([p.title, p.caseNumbers.map((c) => c.value), kinds(p)]).toEqual(['Godkendelse af dagsorden', ['24/17'], ['beslutning']]);
  });

  it('reads unnumbered titles with their case number right below', () => {
    const m = parseReferat(doc('Referat', '', 'Godkendelse af dagsorden', 'Sagsnr.: 24/17', '', 'Beslutning', 'Godkendt.', '', 'Budget 2025', 'Sagsnr.: 24/18', '', 'Beslutning', 'Godkendt.'));
    expect(m.punkter.map((p) => [p.number, p.title])).toEqual([
      [null, 'Godkendelse af dagsorden'],
      [null, 'Budget 2025'],
    ]);
  });

  it('does not take a numbered attendee list in a decision for punkter', () => {
    const m = parseReferat(doc('Referat', '', '1. Godkendelse af dagsorden', '', 'Beslutning', '', 'Deltagerne var:', '', '1. Anne Holm (A)', '', '2. Bent Lund (V)', '', '3. Carla Friis (F)', '', 'Dagsordenen blev godkendt.'));
    expect(m.punkter.map((p) => p.title)).toEqual(['Godkendelse af dagsorden']);
  });
});

describe('parser: more unnumbered layouts', () => {
  it('reads Markdown headings without numbers over section headings of a deeper level', () => {
    const m = parseReferat(doc('# Referat Økonomiudvalget 4. marts 2025', '', '## Godkendelse af dagsorden', '', '### Beslutning', '', 'Godkendt.', '', '## Budget 2026', '', '### Indstilling', '', 'At budgettet godkendes.'));
    expect(m.punkter.map((p) => [p.number, p.title, p.level])).toEqual([
      [null, 'Godkendelse af dagsorden', 2],
      [null, 'Budget 2026', 2],
    ]);
  });

  it.each([
    ['Ad 3) Budget 2025', 3],
    ['Ad pkt. 3 Budget 2025', 3],
    ['• 3. Budget 2025', 3],
    ['3 - Budget 2025', 3],
  ])('reads %j', (heading, number) => {
    const m = parseReferat(doc('Referat', '', heading, '', 'Beslutning.', '', 'Godkendt.'));
    expect(m.punkter.map((p) => [p.number, p.title, p.sections.map((s) => s.kind)])).toEqual([[number, 'Budget 2025', ['beslutning']]]);
  });
});
