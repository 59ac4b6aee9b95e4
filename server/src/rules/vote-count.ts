// Votes that do not add up: For, Imod and Undlod together more than the members present,
// or a side whose count differs from the names it lists, or from the members of the
// parties it lists when every member's party is known. Present = the members, less those
// absent from the meeting or the punkt, plus their stedfortrædere (a "Deltagere:" list is
// those present already). Without a member list only the count against the names is checked.
import type { Member, PresenceStatement, Vote, VoteTally } from '../model';
import { byPunkt, rosterOf, sameName, type Roster } from './roster';
import { defineRule, type Finding } from './types';

type Side = 'for' | 'against' | 'abstain';
const SIDES: readonly Side[] = ['for', 'against', 'abstain'];

/** The members present at a vote, or null when the statements leave it open (a name the list does not have). */
function presentAt(roster: Roster, scopes: ReadonlyMap<number | null, readonly PresenceStatement[]>, punkt: number | null): Member[] | null {
  const gone: Member[] = [];
  const extra: Member[] = [];
  // The header's statements and the punkt's own.
  const inScope = punkt === null ? (scopes.get(null) ?? []) : [...(scopes.get(null) ?? []), ...(scopes.get(punkt) ?? [])];
  for (const s of inScope) {
    // Partial attendance at another time of the meeting: the vote's count cannot be known.
    if ((s.kind === 'arrived' || s.kind === 'left') && s.punkt === null) return null;
    if (s.kind === 'absent' || (s.kind === 'not-present-for' && s.punkt === punkt) || (s.kind === 'inhabil' && s.punkt === punkt)) {
      for (const person of s.people) {
        const found = roster.find(person.name, person.party);
        // Not on a list of those who came: not counted anyway.
        if ('unknown' in found && !roster.complete) continue;
        if (!('member' in found)) return null;
        if (!gone.includes(found.member)) gone.push(found.member);
      }
    }
    if (s.kind === 'substitute') {
      for (const person of s.people) {
        if (extra.some((e) => sameName(e.name, person.name)) || 'member' in roster.find(person.name, person.party)) continue;
        extra.push(person);
      }
    }
  }
  return [...roster.members.filter((m) => !gone.includes(m)), ...extra];
}

function tallies(v: Vote): [Side, VoteTally][] {
  const out: [Side, VoteTally][] = [];
  for (const side of SIDES) {
    const t = v[side];
    if (t !== null) out.push([side, t]);
  }
  return out;
}

export default defineRule({
  id: 'vote-count',
  description: {
    da: 'En afstemning, der ikke går op: flere stemmer end fremmødte medlemmer, eller et antal, der ikke passer med de nævnte navne eller partier.',
    en: 'A vote that does not add up: more votes than members present, or a count that differs from the names or parties listed.',
  },
  defaultSeverity: 'warning',
  tags: ['deltagere', 'afstemning'],
  fixable: false,
  messages: {
    da: {
      tooMany: 'Afstemningen har {total} stemmer, men kun {present} medlemmer er til stede.',
      namesFor: 'For: {count} stemmer, men {names} navne.',
      namesAgainst: 'Imod: {count} stemmer, men {names} navne.',
      namesAbstain: 'Undlod: {count}, men {names} navne.',
      partiesFor: 'For: {count} stemmer, men {parties} har {expected} medlemmer til stede.',
      partiesAgainst: 'Imod: {count} stemmer, men {parties} har {expected} medlemmer til stede.',
      partiesAbstain: 'Undlod: {count}, men {parties} har {expected} medlemmer til stede.',
    },
    en: {
      tooMany: 'The vote has {total} votes, but only {present} members are present.',
      namesFor: 'For: {count} votes, but {names} names.',
      namesAgainst: 'Against: {count} votes, but {names} names.',
      namesAbstain: 'Abstained: {count}, but {names} names.',
      partiesFor: 'For: {count} votes, but {parties} have {expected} members present.',
      partiesAgainst: 'Against: {count} votes, but {parties} have {expected} members present.',
      partiesAbstain: 'Abstained: {count}, but {parties} have {expected} members present.',
    },
  },
  check({ model, options }) {
    const out: Finding[] = [];
    const roster = rosterOf(model, options);
    const { statements, votes } = model.people;
    const scopes = byPunkt(statements);
    const id = (kind: 'names' | 'parties', side: Side): string => `${kind}${side === 'for' ? 'For' : side === 'against' ? 'Against' : 'Abstain'}`;
    for (const v of votes) {
      const sides = tallies(v);
      for (const [side, t] of sides) {
        if (t.count !== null && t.names.length > 0 && t.names.length !== t.count) {
          out.push({ messageId: id('names', side), args: { count: t.count, names: t.names.length }, range: t.range, data: { side } });
        }
      }
      if (roster.size === 0) continue;
      const present = presentAt(roster, scopes, v.punkt);
      if (present === null) continue;
      let total = 0;
      for (const [, t] of sides) total += t.count ?? t.names.length;
      if (total > present.length) {
        out.push({ messageId: 'tooMany', args: { total, present: present.length }, range: v.range, data: { total, present: present.length } });
        continue;
      }
      // Party letters are enough when the vote follows party lines (§ 13): then they must add up.
      if (!present.every((m) => m.party !== null)) continue;
      for (const [side, t] of sides) {
        if (t.count === null || t.parties.length === 0) continue;
        const expected = present.filter((m) => t.parties.includes(m.party as string)).length;
        if (expected !== t.count) {
          out.push({ messageId: id('parties', side), args: { count: t.count, parties: t.parties.join('+'), expected }, range: t.range, data: { side, expected } });
        }
      }
    }
    return out;
  },
});

