// The members of a meeting, and names compared the way people write them: the party
// letters "(A)" apart, case and spacing free, a middle name left out ("Anne Holm" is
// "Anne Marie Holm"), and a first name alone only when one member has it. Shared by the
// rules about people (unknown-member, absent-and-present, vote-count, inhabilitet).
import type { Member, PresenceStatement, ReferatModel } from '../model';
import { namesIn } from '../parser/people';
import type { RuleOptions } from './types';

/** Lower case, one space, no periods or hyphens between parts: "Anne-Marie  Holm." → "anne marie holm". */
export function nameKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[.’']/g, '')
    .replace(/[-\s]+/g, ' ')
    .trim();
}

/**
 * A key two names share exactly when sameName holds for them: the first and the last word
 * ("anne holm" for "Anne Marie Holm"), or the one word. For looking names up in a Map.
 */
export function personKey(name: string): string {
  const words = nameKey(name).split(' ');
  return words.length < 2 ? (words[0] as string) : `${words[0] as string} ${words[words.length - 1] as string}`;
}

/** The items by a key, each list in the items' order. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = out.get(k);
    if (list === undefined) out.set(k, [x]);
    else list.push(x);
  }
  return out;
}

/** The statements of the header (key null) and of each punkt (its index), in document order: rules look in one scope at a time. */
export function byPunkt<T extends { punkt: number | null }>(items: readonly T[]): Map<number | null, T[]> {
  return groupBy(items, (x) => x.punkt);
}

/** Whether two written names are the same person: the same words, or the same first and last word. */
export function sameName(a: string, b: string): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === kb) return true;
  const wa = ka.split(' ');
  const wb = kb.split(' ');
  if (wa.length < 2 || wb.length < 2) return false;
  return wa[0] === wb[0] && wa[wa.length - 1] === wb[wb.length - 1];
}

export type Lookup = { member: Member } | { unknown: true } | { undecided: true };

export class Roster {
  /**
   * `complete`: every member ("Medlemmer:", "Indkaldelse", the configuration); else the
   * list is of those who came ("Deltagere:"), and whoever sent afbud is not on it.
   */
  constructor(
    readonly members: readonly Member[],
    readonly complete: boolean,
  ) {}

  get size(): number {
    return this.members.length;
  }

  /**
   * The member a written name is: one of the same name, or, for a first name alone, the one
   * member with it. `undecided` for a single word that is no member's first name or is
   * several members', or a name whose party contradicts the member's: a rule cannot tell.
   */
  find(name: string, party: string | null = null): Lookup {
    const words = nameKey(name).split(' ');
    if (words.length === 1) {
      const first = this.members.filter((m) => nameKey(m.name).split(' ')[0] === words[0]);
      return first.length === 1 ? { member: first[0] as Member } : { undecided: true };
    }
    const same = this.members.filter((m) => sameName(m.name, name));
    if (same.length === 0) return { unknown: true };
    const party1 = same.find((m) => party === null || m.party === null || m.party === party);
    return party1 !== undefined ? { member: party1 } : { undecided: true };
  }
}

/** The meeting's members: the document's list, else those the configuration names ("members"). */
export function rosterOf(model: ReferatModel, options: RuleOptions): Roster {
  if (model.people.members.length > 0) return new Roster(model.people.members, model.people.membersAre !== 'present');
  const configured: Member[] = [];
  for (const text of options.members ?? []) {
    const found = namesIn(text, 0, 0);
    if (found !== null) configured.push(...found.people);
  }
  return new Roster(configured, true);
}

/** Whether a statement names the person (by sameName, and the party where both give one). */
export function names(statement: PresenceStatement, person: Member): boolean {
  return statement.people.some((p) => sameName(p.name, person.name) && (p.party === null || person.party === null || p.party === person.party));
}

/** The text of a statement's range on its line. */
export function textOf(lines: readonly string[], s: { range: PresenceStatement['range'] }): string {
  return (lines[s.range.start.line] ?? '').slice(s.range.start.character, s.range.end.character);
}

/** "Anne Holm (A)". */
export function shown(m: Member): string {
  return m.party === null ? m.name : `${m.name} (${m.party})`;
}
