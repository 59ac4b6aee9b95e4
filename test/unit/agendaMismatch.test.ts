// agenda-mismatch: the pairing of a referat with the dagsorden of its meeting
// (rules/sameMeeting.ts, as the server and the CLI use it), the matching of punkter,
// and no false alarms over the corpus and the dialect fixtures: a referat is never
// compared with another meeting's dagsorden, and never differs from its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairMeetings } from '../../server/src/cli/main';
import { parseReferat } from '../../server/src/parser/parse';
import { chooseAgendas, compareWithAgendas, titleKey } from '../../server/src/rules/agenda-mismatch';
import { agendasFor, committeeKey, sameMeeting } from '../../server/src/rules/sameMeeting';
import type { RelatedPunkt } from '../../server/src/rules/types';
import { agendaOf } from '../helpers/agendaOf';
import { lintText } from '../helpers/lintFile';

const punkt = (number: number | null, title: string, ...cases: string[]): RelatedPunkt => ({ number, title, caseNumbers: cases.map((value) => ({ value })) });
const agenda = (...punkter: RelatedPunkt[]) => [{ name: 'dagsorden.txt', punkter }];
const kinds = (d: ReturnType<typeof compareWithAgendas>): string[] | null => d?.map((x) => x.kind) ?? null;

const AGENDA = [punkt(1, 'Godkendelse af dagsorden'), punkt(2, 'Budget 2025 (B)', '24/100'), punkt(3, 'Ny skolevej', '24/200'), punkt(4, 'Salg af grund', '24/300'), punkt(5, 'Eventuelt')];

describe('which documents are of one meeting', () => {
  it('compares committees without case, spacing, period or definite ending, but with a town in front', () => {
    expect(committeeKey('Beskæftigelsesudvalget (2022-2025)')).toBe(committeeKey('beskæftigelsesudvalg'));
    expect(committeeKey('Kommunalbestyrelsen 2018-21')).toBe(committeeKey('Kommunalbestyrelse'));
    expect(committeeKey('Økonomi-  og Erhvervsudvalget')).toBe(committeeKey('Økonomi- og Erhvervsudvalg'));
    expect(committeeKey('Byrådet')).toBe(committeeKey('BYRÅD'));
    expect(committeeKey('Aarhus Byråd')).not.toBe(committeeKey('Byrådet'));
    expect(committeeKey('Økonomiudvalget')).not.toBe(committeeKey('Økonomi- og Erhvervsudvalget'));
  });

  it('pairs minutes with the dagsordener of the same committee and date, and nothing else', () => {
    const referat = { kind: 'referat', committee: 'Byrådet', meetingDate: '2024-03-20' } as const;
    const same = { kind: 'dagsorden', committee: 'Byråd', meetingDate: '2024-03-20' } as const;
    expect(sameMeeting(referat, same)).toBe(true);
    const candidates = [
      same,
      { ...same, meetingDate: '2024-03-21' },
      { ...same, committee: 'Økonomiudvalget' },
      { ...same, kind: 'referat' },
      { ...same, committee: null },
    ] as const;
    expect(agendasFor(referat, candidates)).toEqual([same]);
    // Only minutes are compared: the difference is reported once, in the referat.
    expect(agendasFor(same, [referat, same])).toEqual([]);
    expect(agendasFor({ ...referat, meetingDate: null }, candidates)).toEqual([]);
  });

  it('pairs the files of one CLI run', () => {
    const referat = parseReferat('REFERAT Byrådet d. 20-03-2024\n\nPunkt 1: Budget\n\n24/100\n\nBeslutning\n\nGodkendt.\n');
    const dagsorden = parseReferat('DAGSORDEN Byrådet d. 20-03-2024\n\nPunkt 1: Budget\n\n24/100\n\nIndstilling\n\nat.\n');
    const other = parseReferat('DAGSORDEN Byrådet d. 17-04-2024\n\nPunkt 1: Budget\n\n24/100\n\nIndstilling\n\nat.\n');
    const paired = pairMeetings([{ name: 'r.txt', model: referat }, { name: 'd.txt', model: dagsorden }, { name: 'o.txt', model: other }]);
    expect(paired.map((p) => p.related?.agendas.map((a) => a.name) ?? [])).toEqual([['d.txt'], [], []]);
    expect(paired[0]?.model).toBe(referat);
  });
});

describe('matching the punkter', () => {
  it('finds nothing when they agree, tolerating case, spacing, a trailing dot and a class marker', () => {
    expect(titleKey('Budget  2025 (B)')).toBe(titleKey('budget 2025.'));
    expect(compareWithAgendas([punkt(1, 'Godkendelse af dagsorden'), punkt(2, 'BUDGET 2025', '24/100'), punkt(3, 'Ny  skolevej', '24/200'), punkt(4, 'Salg af grund.', '24/300'), punkt(5, 'Eventuelt')], agenda(...AGENDA))).toEqual([]);
  });

  it('reports a dropped punkt, and not the renumbering it explains', () => {
    const got = compareWithAgendas([punkt(1, 'Godkendelse af dagsorden'), punkt(2, 'Budget 2025', '24/100'), punkt(3, 'Salg af grund', '24/300'), punkt(4, 'Eventuelt')], agenda(...AGENDA));
    expect(kinds(got)).toEqual(['removed']);
    // Placed at the referat punkt of the agenda punkt after it.
    expect(got?.[0]).toMatchObject({ kind: 'removed', agenda: { number: 3 }, near: { number: 3, title: 'Salg af grund' } });
  });

  it('reports an added punkt, a changed title and a changed sagsnummer', () => {
    const got = compareWithAgendas(
      [punkt(1, 'Godkendelse af dagsorden'), punkt(2, 'Budget 2025 og 2026', '24/100'), punkt(3, 'Ny skolevej', '24/201'), punkt(4, 'Hastesag: vandskade', '24/999'), punkt(5, 'Salg af grund', '24/300'), punkt(6, 'Eventuelt')],
      agenda(...AGENDA),
    );
    expect(kinds(got)).toEqual(['title', 'case', 'added']);
  });

  it('reports a number that the punkter added or dropped do not explain', () => {
    const got = compareWithAgendas([punkt(1, 'Godkendelse af dagsorden'), punkt(2, 'Ny skolevej', '24/200'), punkt(3, 'Budget 2025', '24/100'), punkt(4, 'Salg af grund', '24/300'), punkt(5, 'Eventuelt')], agenda(...AGENDA));
    expect(got?.map((d) => `${d.kind} ${'referat' in d ? d.referat.number : ''}`)).toEqual(['number 2', 'number 3']);
  });

  it('takes a renamed punkt without sagsnummer at its number, but two sagsnumre as two cases', () => {
    const plain = [punkt(1, 'Budget'), punkt(2, 'Skolevej'), punkt(3, 'Havnen')];
    expect(kinds(compareWithAgendas([punkt(1, 'Budget'), punkt(2, 'Skolevejen - ny belægning'), punkt(3, 'Havnen')], agenda(...plain)))).toEqual(['title']);
    expect(kinds(compareWithAgendas([...AGENDA.slice(0, 3), punkt(4, 'Køb af grund', '24/301'), AGENDA[4] as RelatedPunkt], agenda(...AGENDA)))).toEqual(['added', 'removed']);
  });

  it('compares with several agendas of one meeting at once (a tillægsdagsorden)', () => {
    const got = compareWithAgendas([...AGENDA.slice(0, 4), punkt(5, 'Vandskade i hallen', '24/400'), punkt(6, 'Eventuelt')], [
      { name: 'dagsorden.txt', punkter: AGENDA.slice(0, 4) },
      { name: 'tillæg.txt', punkter: [punkt(5, 'Vandskade i hallen', '24/400'), punkt(6, 'Eventuelt')] },
    ]);
    expect(got).toEqual([]);
  });

  it('compares with one version of a dagsorden and the tillæg beside it, not with a copy or another meeting’s', () => {
    const referat = [...AGENDA.slice(0, 4), punkt(5, 'Vandskade i hallen', '24/400'), punkt(6, 'Eventuelt')];
    const main = { name: 'Dagsorden.docx', punkter: AGENDA.slice(0, 4) };
    const copy = { name: 'Dagsorden.pdf', punkter: [...AGENDA.slice(0, 3), punkt(4, 'Salg af grunden', '24/300')] };
    const tillaeg = { name: 'Tillæg.txt', punkter: [punkt(5, 'Vandskade i hallen', '24/400'), punkt(6, 'Eventuelt')] };
    const other = { name: 'Andet møde.txt', punkter: [punkt(1, 'Takster', '23/1'), punkt(2, 'Eventuelt')] };
    expect(chooseAgendas(referat, [copy, other, main, tillaeg]).map((a) => a.name)).toEqual(['Dagsorden.docx', 'Tillæg.txt']);
    expect(chooseAgendas(referat, [main]).map((a) => a.name)).toEqual(['Dagsorden.docx']);
  });

  it('says nothing when too few punkter agree to be one meeting, or only standing items do', () => {
    const other = [punkt(1, 'Godkendelse af dagsorden'), punkt(2, 'Takster 2025', '23/1'), punkt(3, 'Vejplan', '23/2'), punkt(4, 'Eventuelt')];
    expect(compareWithAgendas(other, agenda(...AGENDA))).toBeNull();
    expect(compareWithAgendas([punkt(1, 'Godkendelse af dagsorden'), punkt(2, 'Eventuelt')], agenda(punkt(1, 'Godkendelse af dagsorden'), punkt(2, 'Eventuelt')))).toBeNull();
    expect(compareWithAgendas([], agenda(...AGENDA))).toBeNull();
    expect(compareWithAgendas(AGENDA, agenda())).toBeNull();
  });
});

describe('the rule', () => {
  const REFERAT = 'REFERAT Byrådet d. 20-03-2024\n\nPunkt 1: Budget 2025\n\n24/100\n\nIndstilling\n\nat.\n\nBeslutning\n\nGodkendt.\n\nPunkt 2: Skolevej\n\n24/200\n\nIndstilling\n\nat.\n\nBeslutning\n\nGodkendt.\n';
  const DAGSORDEN = 'DAGSORDEN Byrådet d. 20-03-2024\n\nPunkt 1: Budget 2025\n\n24/100\n\nIndstilling\n\nat.\n\nPunkt 2: Skolevej\n\n24/201\n\nIndstilling\n\nat.\n';
  const related = { agendas: [{ name: 'Dagsorden BR.txt', punkter: parseReferat(DAGSORDEN).punkter }] };
  const found = (text: string, withRelated = true) => lintText(text, withRelated ? { related } : {}).filter((d) => d.rule === 'agenda-mismatch');

  it('reports in the referat, naming the dagsorden file, in Danish and English', () => {
    expect(found(REFERAT).map((d) => [d.severity, d.message, d.range.start.line])).toEqual([
      ['warning', 'Punkt 2 har sagsnummer 24/201 i dagsordenen (Dagsorden BR.txt), men 24/200 i referatet.', 16],
    ]);
    expect(lintText(REFERAT, { related, locale: 'en' }).find((d) => d.rule === 'agenda-mismatch')?.message).toBe(
      'Punkt 2 has the case number 24/201 in the dagsorden (Dagsorden BR.txt), but 24/200 in the referat.',
    );
  });

  it('says nothing without a counterpart, and nothing in a dagsorden', () => {
    expect(found(REFERAT, false)).toEqual([]);
    expect(found(DAGSORDEN)).toEqual([]);
  });
});

describe('what the parser must read for the pairing', () => {
  it('gives each punkt its own case number above the heading, also after a punkt with no text (Faaborg-Midtfyn)', () => {
    const model = parseReferat('Dagsorden\ntil\nmødet i Byrådet\nden 5. november 2024 kl. 17:00\n\n00.01.00-G01-11-24\n\n342. Godkendelse af dagsorden\n\n25.05.00-P19-7-24\n\n343. Budget for kirkerne\n\nIndstilling\n\nat.\n');
    expect(model.punkter.map((p) => [p.number, p.caseNumbers.map((c) => c.value)])).toEqual([
      [342, ['00.01.00-G01-11-24']],
      [343, ['25.05.00-P19-7-24']],
    ]);
  });

  it('keeps a dagsorden with an earlier body’s decision a dagsorden, and reads its committee after "Dagsorden fra"', () => {
    const byraad = parseReferat('DAGSORDEN Byrådet d. 21-08-2024\n\nPunkt 1: Legeplads\n\nIndstilling\n\nat.\n\nBeslutning i Økonomiudvalget den 14-08-2024\n\nAnbefales.\n');
    expect([byraad.kind, byraad.header.committee?.text]).toEqual(['dagsorden', 'Byrådet']);
    expect(parseReferat('Dagsorden. fra Økonomiudvalget\n\nMødedato: Mandag den 6. oktober 2014\n\n1. Budget\n\nIndstilling\n\nat.\n').header.committee?.text).toBe('Økonomiudvalget');
  });

  it('reads minutes being written, with empty Beslutning headings and no kind word, as a referat', () => {
    expect(parseReferat('Økonomiudvalget 12-03-2024\n\n1. Budget\n\nIndstilling\n\nat.\n\nBeslutning\n\n2. Skolevej\n\nIndstilling\n\nat.\n\nBeslutning\n').kind).toBe('referat');
    expect(parseReferat('Økonomiudvalget 12-03-2024\n\n1. Budget\n\nIndstilling\n\nat.\n\n2. Skolevej\n\nIndstilling\n\nat.\n').kind).toBe('dagsorden');
  });
});

describe('no false alarms on the corpus and the dialect fixtures', () => {
  const dirs = [join(__dirname, '..', 'fixtures', 'corpus'), join(__dirname, '..', 'fixtures', 'dialects')];
  const docs = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => /\.referat(?:\.txt|\.md)?$/.test(f))
      .sort()
      .map((f) => {
        const text = readFileSync(join(d, f), 'utf8');
        return { name: f, text, model: parseReferat(text), agenda: parseReferat(agendaOf(text)) };
      }),
  );
  /** "x-b" is our own variant of the meeting x: the same committee and date, other punkter. */
  const meeting = (name: string): string => name.replace(/(?:-b)?\.referat(?:\.txt|\.md)?$/, '');

  it('has the documents', () => {
    expect(docs.length).toBe(55);
  });

  it('pairs no referat with another meeting’s dagsorden', () => {
    for (const x of docs) {
      for (const y of docs) {
        if (meeting(x.name) === meeting(y.name)) continue;
        const [mine] = pairMeetings([{ name: x.name, model: x.model }, { name: `${y.name}.dagsorden`, model: y.agenda }]);
        expect(mine?.related, `${x.name} with ${y.name}`).toBeUndefined();
        // And were they compared anyway, too little agrees for them to be one meeting.
        expect(compareWithAgendas(x.model.punkter, [{ name: y.name, punkter: y.agenda.punkter }]), `${x.name} with ${y.name}`).toBeNull();
      }
    }
  });

  it('finds nothing between a referat and the dagsorden it was written from', () => {
    const signature = (m: typeof docs[number]['model']): string => m.punkter.map((p) => `${p.number} ${p.title} ${p.caseNumbers.map((c) => c.value).join(',')}`).join('\n');
    // Cut short after a punkt that only its Beslutning shows to be one: without it, the dagsorden has a punkt less
    // (Aarhus's second punkt), or the TOC takes a first punkt with no text (Region Hovedstaden, whose dagsorden has no date either).
    const lost = docs.filter((x) => signature(x.model) !== signature(x.agenda)).map((x) => x.name);
    expect(lost).toEqual(['aarhus-byraadet-2019-08-14.referat.txt', 'region-hovedstaden-forretningsudvalget-2022-11-08-b.referat.txt', 'region-hovedstaden-forretningsudvalget-2022-11-08.referat.txt']);
    for (const x of docs) {
      if (lost.includes(x.name)) continue;
      const [mine] = pairMeetings([{ name: x.name, model: x.model }, { name: 'dagsorden', model: x.agenda }]);
      const findings = lintText(x.text, mine?.related === undefined ? {} : { related: mine.related }).filter((d) => d.rule === 'agenda-mismatch');
      expect(findings, x.name).toEqual([]);
      const differences = compareWithAgendas(x.model.punkter, [{ name: 'dagsorden', punkter: x.agenda.punkter }]);
      if (differences !== null) expect(differences.map((d) => d.kind), x.name).toEqual([]);
    }
  });
});
