// Issue 14: members and attendance in the model (parser/people.ts, dialect/people.ts).
// Every catalogue layout with a member list gives its members; every row of the phrase
// table reads its own example; names compare as people write them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PEOPLE_PHRASES, VOTE_LABELS } from '../../server/src/parser/dialect/people';
import { parseReferat } from '../../server/src/parser/parse';
import { namesIn, punktRefs } from '../../server/src/parser/people';
import { Roster, sameName } from '../../server/src/rules/roster';

const FIXTURES = join(__dirname, '..', 'fixtures');
const doc = (...lines: string[]): string => `${lines.join('\n')}\n`;
const inPunkt = (...body: string[]): string => doc('Referat', '', 'Punkt 1: Budget', '', 'Beslutning', '', 'Godkendt.', ...body);

describe('member lists', () => {
  // Layouts of the catalogue (docs/dialects.md) whose text carries a member or participant list, and the corpus documents that have one.
  const expected: Record<string, [number, 'members' | 'present']> = {
    'aabenraa-byraadet-2013-03-20': [31, 'members'],
    'albertslund-udvikling-af-albertslund-midtby-2016-12-05': [5, 'members'],
    'esbjerg-oekonomiudvalget-2014-10-06': [9, 'present'],
    'faaborg-midtfyn-kommunalbestyrelsen-2019-11-05': [25, 'members'],
    'glostrup-kommunalbestyrelsen-2018-01-17': [19, 'present'],
    'halsnaes-udvalget-for-miljoe-og-teknik-2013-05-28': [7, 'members'],
    'hoeje-taastrup-byraadet-2017-08-29': [21, 'present'],
    'hvidovre-oekonomiudvalget-2019-05-20': [7, 'members'],
    'koebenhavn-oekonomiudvalget-2020-03-31': [13, 'present'],
    'koege-klima-og-planudvalget-2020-01-09': [7, 'present'],
  };
  it.each(Object.entries(expected))('%s: %s', (stem, [count, are]) => {
    const m = parseReferat(readFileSync(join(FIXTURES, 'dialects', `${stem}.referat.txt`), 'utf8'));
    expect(m.people.members).toHaveLength(count);
    expect(m.people.membersAre).toBe(are);
    for (const member of m.people.members) expect(member.name).toMatch(/^\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)+$/u);
  });

  it('every layout with a list is in the table above, and the others have none', () => {
    const stems = readdirSync(join(FIXTURES, 'dialects'))
      .filter((f) => f.endsWith('.referat.txt') && !f.endsWith('-b.referat.txt'))
      .map((f) => f.replace(/\.referat\.txt$/, ''));
    const withList = stems.filter((s) => parseReferat(readFileSync(join(FIXTURES, 'dialects', `${s}.referat.txt`), 'utf8')).people.members.length > 0);
    expect(withList.sort()).toEqual(Object.keys(expected).sort());
  });

  it('the corpus: the header lists of Ringkøbing-Skjern, Vejen and Viborg', () => {
    const count = (name: string): number => parseReferat(readFileSync(join(FIXTURES, 'corpus', name), 'utf8')).people.members.length;
    expect([count('ringkobing-skjern-2022-08-18.referat.txt'), count('vejen-2023-11-28.referat.txt'), count('viborg-2024-08-12.referat.md')]).toEqual([7, 7, 5]);
  });
});

describe('the phrase table', () => {
  it.each(PEOPLE_PHRASES.map((p) => [p.example, p.kind] as const))('%s → %s', (example, kind) => {
    const m = parseReferat(inPunkt('', example));
    const s = m.people.statements;
    expect(s.map((x) => x.kind)).toEqual([kind]);
    expect(s[0]?.people.length).toBeGreaterThan(0);
    expect(s[0]?.punkt).toBe(0);
  });

  it.each(VOTE_LABELS.map((v) => [v.example, v.side] as const))('%s is a vote (%s)', (example, side) => {
    const m = parseReferat(inPunkt('', example));
    expect(m.people.votes).toHaveLength(1);
    const v = m.people.votes[0];
    expect(v?.[side === 'for' ? 'for' : side === 'against' ? 'against' : 'abstain']).not.toBeNull();
  });

  it('reads the parts of a statement: the member stood in for, the punkter, a qualifier, a withdrawal', () => {
    const m = parseReferat(
      inPunkt(
        '',
        'Lars Krogh (B) var indkaldt som stedfortræder for Bo Winther (B).',
        'Anne Holm (A) erklærede sig inhabil og ønskede sin habilitet afprøvet vedr. pkt. 196, 197 og 198.',
        'Carla Friis (V) deltog ikke under punkterne 12-15.',
        'Dorte Bak (F) blev erklæret inhabil og forlod mødet.',
      ),
    );
    const [sub, inh, notFor, left] = m.people.statements;
    expect(sub).toMatchObject({ kind: 'substitute', people: [{ name: 'Lars Krogh', party: 'B' }], for: { name: 'Bo Winther', party: 'B' } });
    expect(inh).toMatchObject({ kind: 'inhabil', punkter: [196, 197, 198], withdrew: false });
    expect(notFor).toMatchObject({ kind: 'not-present-for', punkter: [12, 13, 14, 15], qualified: true });
    expect(left).toMatchObject({ kind: 'inhabil', withdrew: true });
  });

  it('a vote over several lines and on one line; the count, the parties and the names', () => {
    const m = parseReferat(inPunkt('', 'For stemte: 5 (A+T+V)', 'Imod stemte: 2 (C+O)', 'Undlod at stemme: 0', '', 'For: 2 (Anne Holm (A), Bent Lund (V)), imod stemte 1 (O)'));
    expect(m.people.votes).toHaveLength(2);
    expect(m.people.votes[0]).toMatchObject({ for: { count: 5, parties: ['A', 'T', 'V'] }, against: { count: 2, parties: ['C', 'O'] }, abstain: { count: 0 } });
    expect(m.people.votes[1]?.for?.names.map((n) => n.name)).toEqual(['Anne Holm', 'Bent Lund']);
    expect(m.people.votes[1]?.against).toMatchObject({ count: 1, parties: ['O'] });
  });

  it('prose is no statement: a subject that is no name, a word that only looks like a label', () => {
    const m = parseReferat(
      inPunkt('', 'Udvalget ønskede en ny sag.', 'For at sikre fremdriften stillede administrationen forslag.', 'Det blev oplyst, at borgerne forlod mødet.', 'Formanden forlod mødet kl. 19.00.', 'Fraværende: Ingen'),
    );
    expect(m.people.statements.flatMap((s) => s.people)).toEqual([]);
    expect(m.people.votes).toEqual([]);
  });
});

describe('names', () => {
  it.each([
    ['Anne Holm', 'anne  holm', true],
    ['Anne Marie Holm', 'Anne Holm', true],
    ['Anne-Marie Holm', 'Anne Marie Holm', true],
    ['Anne Holm', 'Anne Lund', false],
    ['Anne', 'Anne Holm', false],
  ] as const)('%s ~ %s: %s', (a, b, same) => expect(sameName(a, b)).toBe(same));

  it('a first name alone is the member only when one member has it; a party that differs leaves it open', () => {
    const list = namesIn('Anne Holm (A), Anne Lund (V), Bent Lund (V)', 0, 0)?.people ?? [];
    const roster = new Roster(list, true);
    expect(roster.find('Bent')).toMatchObject({ member: { name: 'Bent Lund' } });
    expect(roster.find('Anne')).toEqual({ undecided: true });
    expect(roster.find('ANNE HOLM')).toMatchObject({ member: { name: 'Anne Holm' } });
    expect(roster.find('Anne Holm', 'V')).toEqual({ undecided: true });
    expect(roster.find('Carla Friis')).toEqual({ unknown: true });
  });

  it('lists: "X, Y og Z", roles before the name, parties apart, a qualifier after it', () => {
    const r = namesIn('Formand Anne Holm (A), Bent Lund og Carla Friis (V) fra kl. 18.00', 3, 10);
    expect(r?.people.map((p) => [p.name, p.party])).toEqual([
      ['Anne Holm', 'A'],
      ['Bent Lund', null],
      ['Carla Friis', 'V'],
    ]);
    expect(r?.qualified).toBe(true);
    expect(r?.people[0]?.range).toEqual({ start: { line: 3, character: 18 }, end: { line: 3, character: 31 } });
    expect(namesIn('det blev oplyst', 0, 0)).toBeNull();
    expect(punktRefs('vedr. pkt. 196, 197 og 198')).toEqual([196, 197, 198]);
  });
});
