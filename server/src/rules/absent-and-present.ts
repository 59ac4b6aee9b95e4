// Someone recorded as absent who also votes, speaks, is declared inhabil or stands in as a
// stedfortræder. Absence in the meeting's header is for the whole meeting; a Fraværende
// line in a punkt is for that punkt. A time or punkt qualifier explains it: the absence
// itself says "fra kl. 18.00", or the person "ankom kl. …", "forlod mødet …" or "deltog
// ikke under punkt …" somewhere in the same scope.
import type { Member, PresenceStatement, Vote } from '../model';
import { groupBy, personKey, shown } from './roster';
import { defineRule, type Finding } from './types';

/** What the person did, that shows them present. */
type Deed = 'votes' | 'spoke' | 'inhabil' | 'substitute';

interface Presence {
  person: Member;
  punkt: number | null;
  deed: Deed;
}

const QUALIFYING = new Set(['arrived', 'left', 'not-present-for']);

function presences(statements: readonly PresenceStatement[], votes: readonly Vote[]): Presence[] {
  const out: Presence[] = [];
  for (const s of statements) {
    if (s.kind === 'spoke' || s.kind === 'inhabil' || s.kind === 'substitute') for (const person of s.people) out.push({ person, punkt: s.punkt, deed: s.kind });
  }
  for (const v of votes) {
    for (const side of [v.for, v.against, v.abstain]) for (const person of side?.names ?? []) out.push({ person, punkt: v.punkt, deed: 'votes' });
  }
  return out;
}

export default defineRule({
  id: 'absent-and-present',
  description: {
    da: 'En, der er meldt fraværende, stemmer, tager ordet, erklæres inhabil eller er stedfortræder i samme møde eller punkt.',
    en: 'Someone recorded as absent votes, speaks, is declared inhabil or stands in as a stedfortræder in the same meeting or punkt.',
  },
  defaultSeverity: 'warning',
  tags: ['deltagere'],
  fixable: false,
  messages: {
    da: {
      votes: '{name} er meldt fraværende (linje {line}), men stemmer her.',
      spoke: '{name} er meldt fraværende (linje {line}), men tager ordet her.',
      inhabil: '{name} er meldt fraværende (linje {line}), men erklæres inhabil her.',
      substitute: '{name} er meldt fraværende (linje {line}), men deltager her som stedfortræder.',
    },
    en: {
      votes: '{name} is recorded as absent (line {line}) but votes here.',
      spoke: '{name} is recorded as absent (line {line}) but speaks here.',
      inhabil: '{name} is recorded as absent (line {line}) but is declared inhabil here.',
      substitute: '{name} is recorded as absent (line {line}) but takes part here as a stedfortræder.',
    },
  },
  check({ model }) {
    const { statements, votes } = model.people;
    const out: Finding[] = [];
    // Who showed presence, and who has a qualifier, by person (personKey): each absence looks up its own, so the rule stays linear.
    const found = groupBy(presences(statements, votes), (p) => personKey(p.person.name));
    if (found.size === 0) return out;
    const qualifiers = statements.filter((s) => QUALIFYING.has(s.kind)).flatMap((s) => s.people.map((person) => ({ person, punkt: s.punkt })));
    const qualified = groupBy(qualifiers, (q) => personKey(q.person.name));
    // One finding per presence, however many times the absence is written.
    const reported = new Set<string>();
    for (const absence of statements) {
      if (absence.kind !== 'absent' || absence.qualified) continue;
      for (const person of absence.people) {
        const key = personKey(person.name);
        const mine = found.get(key);
        if (mine === undefined) continue;
        // Whole meeting (header) or one punkt; a qualifier for the person in that scope explains any presence.
        const inScope = (punkt: number | null): boolean => absence.punkt === null || punkt === absence.punkt;
        if ((qualified.get(key) ?? []).some((q) => inScope(q.punkt))) continue;
        for (const p of mine) {
          if (!inScope(p.punkt)) continue;
          if (p.person.party !== null && person.party !== null && p.person.party !== person.party) continue;
          const at = `${p.person.range.start.line}:${p.person.range.start.character}`;
          if (reported.has(at)) continue;
          reported.add(at);
          out.push({ messageId: p.deed, args: { name: shown(person), line: absence.range.start.line + 1 }, range: p.person.range, data: { name: person.name } });
        }
      }
    }
    return out;
  },
});
