// An inhabil statement that names no punkt, or that does not say the member left or took
// no part (Styrelsesloven § 14, Forvaltningsloven § 3: an inhabil member leaves during
// both debate and vote, and the protokol should show it). Inside a punkt's own text the
// punkt is the one meant; in the header or a standing item ("Godkendelse af dagsorden")
// the statement must name it. "… blev erklæret inhabil" records the body's ruling, whose
// consequence is that the member takes no part: that is enough; "… var inhabil" or
// "… erklærede sig inhabil" alone does not say what happened.
import type { Punkt } from '../model';
import { isStandingItem } from './options';
import { byPunkt, names, shown, textOf } from './roster';
import { defineRule, type Finding } from './types';

const RULED = /\bblev erklæret inhabil/i;

export default defineRule({
  id: 'inhabilitet',
  description: {
    da: 'En inhabilitetsoplysning, der ikke nævner punktet, eller ikke siger, at medlemmet forlod mødet eller ikke deltog.',
    en: 'An inhabilitet statement that names no punkt, or does not say that the member left or took no part.',
  },
  defaultSeverity: 'warning',
  tags: ['deltagere', 'jura'],
  fixable: false,
  messages: {
    da: {
      noPunkt: 'Inhabiliteten for {name} nævner ikke, hvilket punkt den gælder.',
      noWithdrawal: '{name} er inhabil, men der står ikke, at {name} forlod mødet eller ikke deltog i behandlingen.',
    },
    en: {
      noPunkt: 'The inhabilitet of {name} does not name the punkt it concerns.',
      noWithdrawal: '{name} is inhabil, but it does not say that {name} left the meeting or took no part in the case.',
    },
  },
  check({ model, lines, options }) {
    const out: Finding[] = [];
    const { statements } = model.people;
    const scopes = byPunkt(statements);
    for (const s of statements) {
      if (s.kind !== 'inhabil') continue;
      const own = s.punkt === null ? null : (model.punkter[s.punkt] as Punkt);
      const person = s.people[0];
      if (person === undefined) continue;
      const who = s.people.map(shown).join(', ');
      if (s.punkter.length === 0 && (own === null || isStandingItem(own, options))) {
        out.push({ messageId: 'noPunkt', args: { name: who }, range: s.range, data: { name: person.name } });
      }
      if (s.withdrew || RULED.test(textOf(lines, s))) continue;
      // Said in a statement of its own in the same punkt: "Anne Holm (A) forlod mødet under behandlingen."
      const left = (scopes.get(s.punkt) ?? []).some((o) => o !== s && (o.kind === 'left' || o.kind === 'not-present-for') && s.people.every((p) => names(o, p)));
      if (!left) out.push({ messageId: 'noWithdrawal', args: { name: who }, range: s.range, data: { name: person.name } });
    }
    return out;
  },
});
