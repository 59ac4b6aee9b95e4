import * as fs from 'fs';
import * as path from 'path';
import { describe, it, expect } from 'vitest';
import { ROOT, Token, render, tokenizeLine, tokenizeLines } from './tokenize';

const CORPUS_DIR = path.join(ROOT, 'test', 'fixtures', 'corpus');

/** Snapshot cases: name -> lines (tokenized as one document). */
const CASES: Record<string, string[]> = {
  'punkt heading: Punkt N: Title': ['Punkt 46: Godkendelse af dagsorden'],
  'punkt heading: Markdown levels and bold': [
    '# Punkt 1: Ekspertgruppens anbefalinger til fremtidens beskæftigelsesindsats',
    '## Punkt 2: Status på STU Viborg',
    '## **Punkt 7: Dagsorden til mødet med Borger- og Pårørenderådet den 30. september 2024**',
    '# **Punkt 8: Mødeliste 2024 for Beskæftigelsesudvalget**',
    '**Punkt 10: Underskriftsark**',
  ],
  'punkt heading: plain N: Title (Ringkøbing-Skjern)': [
    '1: Godkendelse af dagsorden',
    '3: Henvendelse fra Autismecenter Vest om "Klar til start" på KRAMP',
  ],
  'punkt heading: Pkt. and Nr. forms': ['Pkt. 42 Budgetopfølgning', 'Pkt.7: Budget 2025', 'Nr.178 - Lokalplan for Skjern', 'Nr 12: Vejnavne'],
  'punkt heading: numbered Markdown heading': ['# 131. Godkendelse af dagsorden', '## 1.Meddelelser'],
  'punkt heading: class marker and Lukket': [
    'Punkt 1: Temadrøftelse - opfølgning på styring af beskæftigelsesindsatsen (B)',
    'Punkt 9: Lukket: Eventuelt (B)',
  ],
  'punkt number on the line under the title': ['Sag nr. 11'],
  'section headings: plain text': [
    'Resume',
    'Resumé',
    'Sagsresume',
    'Sagens kerne',
    'Beslutningstema',
    'Sagsfremstilling',
    'Baggrund',
    'Beskrivelse af sagen',
    'Indstilling',
    'Administrativ indstilling',
    'Beslutning',
    'Bilag',
    'Økonomi',
    'Økonomiske konsekvenser',
    'Lovgrundlag',
    'Lovgrundlag og juridisk vurdering',
    'Høring',
    'Tidligere behandling',
    'Punktoplysninger',
    'Sagen afgøres i',
    'Effektvurdering',
    'Procesplan',
    'Forventet konsekvens',
    'Organisering og kommunikation',
    'Kommunikation',
    'Personalemæssige konsekvenser',
    'Retsregler og andre forskrifter',
    'Historik',
    'Inddragelse og høring',
    'Alternativer',
    'Tidsperspektiv',
    'Økonomiske forhold og konsekvenser',
    'Juridiske og planmæssige forhold',
    'Indholdsfortegnelse',
  ],
  'section headings: upper case and trailing colon': ['RESUMÉ:', 'INDSTILLING:', 'BESLUTNING:', 'Baggrund:'],
  'section headings: Markdown levels with bold': [
    '## Resume',
    '### Beslutning',
    '## **Alternativer**',
    '#### **Økonomiske forhold og konsekvenser**',
    '**Beslutning:**',
    '# Indholdsfortegnelse',
  ],
  'section headings: Beslutning with committee and date': [
    'Beslutning i Beskæftigelsesudvalget den 12-08-2024',
    '## Beslutning i Beskæftigelsesudvalget den 12-08-2024',
    '### **Beslutning i Beskæftigelsesudvalget den 12-08-2024**',
    'Beslutning Udvalget for arbejdsmarked og integration den 28-11-2023',
    'Beslutning i Forebyggelses- og Seniorudvalget den 12. januar 2021:',
    'Beslutning i Byrådet',
    'Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42',
  ],
  'section headings: glued by export': ['BilagBeslutning', 'Indholdsfortegnelse1. Fraværende'],
  'sagsnumre: each shape on its own line': [
    '00.13.06-P22-2-23',
    '27.12.00-Ø54-1-22',
    '00.22.00-3584-18',
    '24/19987',
    '15/9671',
    '17-004875',
    '330-2020-164',
    '306-2019-263412',
    'GEO-2022-000114',
  ],
  'sagsnumre: in fields': [
    'Sagsnr.: 00.13.00-P22-2-23',
    'Sagsnr: 17-004875',
    'Sagsnr:',
    'Sagsnummer: GEO-2022-000114',
    'Sagsid.: 20/33839, Sagsinitialer: AGVA',
    'Sagsnr.: 330-2020-164 Dok.nr.: 330-2020-488200 Åbent',
    'Sagsnr. 299835',
    'Sagsbeh.: Morten Lund',
  ],
  'sagsnumre: inside a sentence': ['Sagen (jf. 24/19987 og 00.22.00-3584-18) blev behandlet.'],
  dates: [
    'Oplæg møde i Beskæftigelsesudvalget 22-11-2022',
    'Kørt den 2024-05-14.',
    'Den 22. november 2022 og 11. oktober blev det drøftet.',
    'Mødedato Tirsdag d. 14. maj 2024 kl. 12:00',
    '03.10.2023 Økonomiudvalget.',
    'Perioden 29 juli 2024 - 27. august 2024 og 12/8-2024.',
  ],
  times: ['Mødet startede kl. 17.32 og sluttede 20:20.', 'Tidspunkt: Kl. 19:00'],
  'at-clauses': [
    'at det fremlagte forslag godkendes.',
    '- at dagsorden godkendes.',
    '• at orienteringen tages til efterretning',
    '1. at orientering om Ekspertgruppens anbefalinger drøftes.',
    '2. at den foreløbige plan drøftes den 30. september 2024.',
    'a) at sagen sendes i høring',
  ],
  'indstiller sentence': [
    'Direktøren for Social, Sundhed og Beskæftigelse indstiller',
    'Administrationen indstiller, at Beskæftigelsesudvalget tager punktet til orientering.',
    'Direktøren for Beskæftigelse, Økonomi & Personale indstiller til Beskæftigelsesudvalget,',
    'Chef for Arbejdsmarkedsafdelingen Anneth Jensen indstiller, at',
  ],
  attendance: [
    'Fraværende: Jakob Vium Dyrman',
    'Afbud: Peter Svane (D)',
    'Afbud fra: Peter Læssøe (T), Bo Hansen (A)',
    'Fraværende med afbud:',
    'Der er afbud fra Martin Bech, Bettina Bøcker Kjeldsen og Niels Vestergaard Salling.',
  ],
  votes: ['For stemte: 5 (A+T+V)', 'Imod stemte: 2 (C+O)', 'Undlod at stemme: 1 (F)'],
  'document title and header labels': [
    'REFERAT Beskæftigelsesudvalget d. 22-11-2022',
    '# REFERAT Beskæftigelsesudvalget (2022-2025) d. 12-08-2024',
    'Referat: 18. august 2022 kl. 15:00',
    'Dagsorden Økonomiudvalget 12-03-2024',
    'Beslutningsprotokol',
    'Mødested Kongeåen (3. sal) Vejen Rådhus',
    '**Mødedato** Mandag d. 12. august 2024 kl. 18:30',
    'Mødedeltagere Morten Thorøe, Knud Peter Wad, Peter Svane (D)',
    'Deltagere',
    'Dato: 29. januar 2020',
    'Sted: Rådhuset',
  ],
  'table of contents entries': [
    'Godkendelse af dagsorden.....\t3',
    'Minibudgetopfølgning pr. 31. marts 2024 - Beskæftigelsesudvalget.....\t9',
    'Lukket: Eventuelt (B).....\t18',
  ],
  'web-export debris': [
    'Kopier link til punktet  -   Print',
    'Kopier link til punktet\u00a0\u00a0-\u00a0\u00a0 Print',
    'Til toppen',
    'Udskriv',
    'Fold alle ud',
    'Accepter alle cookies',
  ],
  'links and urls': [
    '[Stort fald i kontanthjælpsmodtagere \\(kl.dk\\)](#)',
    'Se ([link til sag nr. 6 i Beskæftigelsesudvalgets møde den 18. september 2023](#)).',
    '[KL](https://www.kl.dk/) og https://autismecentervest.dk/.',
  ],
  'html comments and suppression directives': [
    '<!-- referat-disable-next-line sagsnummer-format, dato-format -->',
    'Godkendt. <!-- referat-disable-line beslutning-mangler -->',
    '<!-- en kommentar',
    'over flere linjer -->',
    'Efter kommentaren.',
  ],
  mojibake: ['Udviklingsplan for BÅ~redygtig Å~konomi', 'Ã¸konomi'],
  'negative: body text is not a heading': [
    'Budgettet er 1.950 kr. for 2024, jf. pr. 31. marts 2024, 3. kvartal og 2023-2026.',
    '4/5 af deltagerne forlader projektet med en højere trivsel',
    'Punkt 3 blev udsat.',
    'Beslutning i sagen blev udsat.',
    'Dagsorden:',
    'Dagsorden til Beskæftigelsesudvalgets møde',
    'Deltagere i projektet var glade.',
    '1. Oplæg v/Arbejdsmarkedschef Anneth Jensen',
    '#### 1. Få målgrupper og særregler',
    '- At sikre en løbende effektivisering',
    '12:00 Frokost',
  ],
};

function findToken(tokens: readonly Token[], text: string): Token | undefined {
  return tokens.find(([t]) => t === text);
}

function hasScope(tokens: readonly Token[], prefix: string): boolean {
  return tokens.some(([, scopes]) => scopes.some((s) => s.startsWith(prefix)));
}

describe('referat grammar: token snapshots', () => {
  for (const [name, lines] of Object.entries(CASES)) {
    it(name, async () => {
      const tokens = await tokenizeLines(lines);
      expect(render(lines, tokens)).toMatchSnapshot();
    });
  }
});

describe('referat grammar: key scopes', () => {
  it('captures the punkt number separately from the title', async () => {
    const tokens = await tokenizeLine('## **Punkt 7: Mødeliste 2024**');
    expect(findToken(tokens, '7')?.[1]).toContain('constant.numeric.punkt-number.referat');
    expect(findToken(tokens, 'Mødeliste 2024')?.[1]).toContain('entity.name.section.punkt-title.referat');
    expect(hasScope(tokens, 'markup.heading.punkt')).toBe(true);
  });

  it('colours each sagsnummer shape as constant.other.sagsnummer', async () => {
    for (const nr of ['00.13.06-P22-2-23', '00.22.00-3584-18', '24/19987', '17-004875', '330-2020-164', 'GEO-2022-000114']) {
      const tokens = await tokenizeLine(`Sagen ${nr} blev behandlet.`);
      expect(findToken(tokens, nr)?.[1], nr).toEqual(['constant.other.sagsnummer.' + kindOf(nr) + '.referat']);
    }
  });

  it('does not colour ordinary numbers as sagsnumre', async () => {
    const tokens = await tokenizeLine('Prisen er 1.950 kr. i 2024 og 16.990 kr. pr. måned, 2023-2026, 0-18 år, 4/5 af dem.');
    expect(hasScope(tokens, 'constant.other.sagsnummer')).toBe(false);
    expect(hasScope(tokens, 'constant.numeric.date')).toBe(false);
  });

  it('treats "31. marts 2024" as a date, not a sagsnummer', async () => {
    const tokens = await tokenizeLine('Minibudgetopfølgning pr. 31. marts 2024');
    expect(findToken(tokens, '31. marts 2024')?.[1]).toEqual(['constant.numeric.date.referat']);
    expect(hasScope(tokens, 'constant.other.sagsnummer')).toBe(false);
  });

  it('treats "1. at ..." as an at-clause, not a heading', async () => {
    const tokens = await tokenizeLine('1. at orientering om Ekspertgruppens anbefalinger drøftes.');
    expect(hasScope(tokens, 'markup.list.at-clause')).toBe(true);
    expect(hasScope(tokens, 'markup.heading')).toBe(false);
    expect(findToken(tokens, 'at')?.[1]).toContain('keyword.other.at.referat');
  });

  it('does not treat a numbered list item as a heading', async () => {
    const tokens = await tokenizeLine('1. Sæt fagligheden fri og mål på resultater');
    expect(hasScope(tokens, 'markup.heading')).toBe(false);
  });

  it('marks the party letter in attendance lines', async () => {
    const tokens = await tokenizeLine('Afbud: Peter Svane (D)');
    expect(findToken(tokens, 'Afbud')?.[1]).toContain('keyword.other.label.attendance.referat');
    expect(findToken(tokens, 'Peter Svane')?.[1]).toContain('variable.other.person.referat');
    expect(findToken(tokens, 'D')?.[1]).toContain('support.constant.parti.referat');
  });
});

function kindOf(nr: string): string {
  if (/^\d{2}\.\d{2}\.\d{2}-/.test(nr)) return 'kle';
  if (/^\d{2}\/\d+$/.test(nr)) return 'acadre';
  if (/^\d{2}-\d{6}$/.test(nr)) return 'aar-loebenummer';
  if (/^\d{3}-\d{4}-\d+$/.test(nr)) return 'kommunekode';
  return 'getorganized';
}

describe('referat grammar: corpus', () => {
  const files = fs.readdirSync(CORPUS_DIR).filter((f) => /\.referat(\.txt|\.md)?$/.test(f));

  it('has the five corpus files', () => {
    expect(files.length).toBe(5);
  });

  for (const file of files) {
    it(`tokenizes ${file} and finds every punkt heading`, async () => {
      const lines = fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8').split(/\r?\n/);
      const tokens = await tokenizeLines(lines);
      expect(tokens.length).toBe(lines.length);

      let headings = 0;
      lines.forEach((line, i) => {
        const lineTokens = tokens[i] ?? [];
        if (/^\s*(?:#{1,6}\s+)?(?:\*\*)?Punkt \d+:/.test(line) || /^\d{1,3}: \p{Lu}/u.test(line)) {
          headings++;
          expect(hasScope(lineTokens, 'markup.heading.punkt'), `${file}:${i + 1}: ${line}`).toBe(true);
        }
        // Lines that are only a section keyword are section headings.
        if (/^(?:#{1,6} )?(?:\*\*)?(?:Resume|Sagsfremstilling|Indstilling|Beslutning|Bilag)(?:\*\*)?$/.test(line.trim())) {
          expect(hasScope(lineTokens, 'markup.heading.section'), `${file}:${i + 1}: ${line}`).toBe(true);
        }
        // A case number alone on its line is a sagsnummer.
        if (/^(?:\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2}|\d{2}\/\d{4,6})$/.test(line.trim())) {
          expect(hasScope(lineTokens, 'constant.other.sagsnummer'), `${file}:${i + 1}: ${line}`).toBe(true);
        }
        // Nothing in the corpus should be coloured as a heading unless it looks like one.
        if (hasScope(lineTokens, 'markup.heading.punkt')) {
          expect(line, `${file}:${i + 1}`).toMatch(/^\s*(?:#{1,6}\s+)?(?:\*\*)?(?:Punkt \d+:|\d{1,3}: )/);
        }
      });
      expect(headings).toBeGreaterThan(0);
    });
  }
});
