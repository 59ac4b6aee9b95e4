// A name in a Fraværende, Afbud, inhabil or stedfortræder statement that is not on the
// member list, when the document has one (or the configuration names the members). A
// stedfortræder is by nature no member: only the member stood in for is checked. A first
// name alone, or a name the list gives twice, is left alone: the rule cannot tell. A list
// of those who came ("Deltagere:") has no absent members on it: there only an inhabil
// member, who came, must be on it.
import type { Member } from '../model';
import { rosterOf, shown } from './roster';
import { defineRule, type Finding } from './types';

const CHECKED = new Set(['absent', 'inhabil']);

export default defineRule({
  id: 'unknown-member',
  description: {
    da: 'Et navn i en fraværs-, afbuds-, inhabilitets- eller stedfortræderoplysning står ikke på medlemslisten.',
    en: 'A name in an absence, inhabilitet or stedfortræder statement is not on the list of members.',
  },
  defaultSeverity: 'warning',
  tags: ['deltagere'],
  fixable: false,
  messages: {
    da: {
      absent: '{name} er meldt fraværende, men står ikke på medlemslisten ({count} medlemmer).',
      inhabil: '{name} er erklæret inhabil, men står ikke på medlemslisten ({count} medlemmer).',
      substituteFor: 'Stedfortræderen er indkaldt for {name}, som ikke står på medlemslisten ({count} medlemmer).',
    },
    en: {
      absent: '{name} is recorded as absent but is not on the list of members ({count} members).',
      inhabil: '{name} is declared inhabil but is not on the list of members ({count} members).',
      substituteFor: 'The stedfortræder stands in for {name}, who is not on the list of members ({count} members).',
    },
  },
  check({ model, options }) {
    const roster = rosterOf(model, options);
    if (roster.size === 0) return [];
    const out: Finding[] = [];
    const report = (messageId: string, person: Member): void => {
      const found = roster.find(person.name, person.party);
      if (!('unknown' in found)) return;
      out.push({ messageId, args: { name: shown(person), count: roster.size }, range: person.range, data: { name: person.name } });
    };
    for (const s of model.people.statements) {
      if (!roster.complete && s.kind !== 'inhabil') continue;
      if (CHECKED.has(s.kind)) for (const person of s.people) report(s.kind, person);
      if (s.kind === 'substitute' && s.for !== undefined) report('substituteFor', s.for);
    }
    return out;
  },
});
