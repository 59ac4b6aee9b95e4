// Stage 5, people: who took part, from the phrasing in dialect/people.ts. Runs after the
// punkter are built, over the lines that hold one of the table's words (one search over
// the text), so its cost does not grow with the rest of the document. A name is taken
// only when it looks like one ("Anne Holm (A)", "Formand Bo Winther"): a sentence whose
// subject is "Udvalget" or prose gives nothing, so that the rules never guess.
import type { Draft, Header, Member, Section, SectionKind, People as ReadonlyPeople, PresenceStatement, Punkt, Range, Vote as ReadonlyVote, VoteTally } from '../model';
import { NAME_ROLES, NOT_NAMES, PARTICIPANT_LABELS, PEOPLE_PHRASES, VOTE_LABELS, type VoteSide } from './dialect/people';
import { escapeRegExp, lineRange, linesMatching, wordsPattern } from './lines';
import { parseMemberLine } from './members';

type People = Draft<ReadonlyPeople>;
type Vote = Draft<ReadonlyVote>;


/** The pre-filter: a line with none of these words holds no statement. */
// A vote label of one word ("For", "Imod") is only a label before its colon: "for" alone is in every other line.
export const PEOPLE_WORDS: readonly string[] = [...PEOPLE_PHRASES.flatMap((p) => p.words), ...VOTE_LABELS.map((v) => (v.label.includes(' ') ? v.label : `${v.label}:`))];
const WORDS = wordsPattern(PEOPLE_WORDS);
/**
 * Sections whose text is the meeting's record: statements are looked for there (and
 * outside any section), not in the case text (Sagsfremstilling, Indstilling, Bilag …). A
 * Tidligere behandling holds another meeting's votes and absences.
 */
const RECORD: ReadonlySet<SectionKind> = new Set(['beslutning', 'fremmøde', 'punktoplysninger', 'other']);

/** Marks the lines of case text (the sections above, with their sub-sections) in punkt `p`. */
function markCaseText(p: Punkt, skip: Uint8Array): void {
  const walk = (sections: readonly Section[], inCase: boolean): void => {
    for (const s of sections) {
      const here = inCase || !RECORD.has(s.kind);
      // The heading line itself is no statement either way; the body is case text or record.
      if (here) for (let i = s.range.start.line; i <= s.range.end.line && i < skip.length; i++) skip[i] = 1;
      walk(s.children, here);
    }
  };
  walk(p.sections, false);
}

/** The lines, within [from, to), that may hold a statement: a word of the table, outside case text. */
function candidateLines(lines: readonly string[], punkter: readonly Punkt[], from: number, to: number): number[] {
  const skip = new Uint8Array(lines.length);
  for (const p of punkter) if (p.range.end.line >= from && p.range.start.line < to) markCaseText(p, skip);
  const out: number[] = [];
  for (let i = from; i < to; i++) if (skip[i] === 0 && WORDS.test(lines[i] as string)) out.push(i);
  return out;
}

const PARTICIPANTS = new RegExp(`^(?:${PARTICIPANT_LABELS.map((p) => escapeRegExp(p.label)).join('|')})\\s*:?\\s*$`, 'i');
const PARTICIPANT_WORD = new RegExp(PARTICIPANT_LABELS.map((p) => escapeRegExp(p.label.split(' ')[0] as string)).join('|'), 'i');
/** "Deltagere: <sted> Anne Holm (V), …" inside a flattened PDF line (Esbjerg), up to the next label. */
const INLINE_PARTICIPANTS = /\bDeltagere:\s*(.*?)(?=\s+(?:Afbud|Fraværende)\s*:|$)/u;
const VOTE = new RegExp(`^(${[...VOTE_LABELS].sort((a, b) => b.label.length - a.label.length).map((v) => escapeRegExp(v.label)).join('|')})(?:\\s*:\\s*|\\s+(?=\\d))(.*)$`, 'i');
const VOTE_SIDE = new Map(VOTE_LABELS.map((v) => [v.label, v.side]));
/** Where a line holds several votes: "For stemte 5 (A+T+V), imod stemte 2 (C+O)". */
const VOTE_SPLIT = /[,;.]\s+(?=(?:imod|undlod|hverken|for stemte|stemte)\b)/i;
const ROLE = new RegExp(`^(?:${[...NAME_ROLES].sort((a, b) => b.length - a.length).map(escape).join('|')})\\s+`, 'i');
/** A name: capitalised words, with the particles names have, and an optional party in parentheses. */
const NAME = /^(\p{Lu}[\p{L}’'-]*\.?(?:\s+(?:(?:von|van|de|du|la|le|af)\s+)?\p{Lu}[\p{L}’'-]*\.?){0,5})(?:\s*,?\s*\(([\p{Lu}]{1,3})\))?/u;
/** A time or a punkt limits a statement. */
const QUALIFIER = /\bkl\.?\s*\d|\b(?:under|efter|før|inden|fra|til)\s+(?:behandlingen|punkt|pkt|sag|kl)|\bpunkt(?:et|erne)?\s+\d|\bpkt\.?\s*\d/i;
const WITHDREW = /\bforlod\b|\bdeltog ikke\b|\bikke deltog\b|\budtrådte\b|\bdeltog ikke i\b|\bgik ud\b/i;
/** Punkt numbers: "pkt. 196, 197 og 198", "punkterne 12-15", "punkt 3". */
const PUNKT_REF = /\b(?:punkt(?:et|erne)?|pkt\.?|sag(?:erne)?|dagsordenspunkt(?:erne)?)\s*((?:nr\.?\s*)?\d{1,4}(?:\s*(?:[-–]|,|og|samt)\s*\d{1,4})*)/gi;
/** A sentence longer than this is prose, not a statement. */
const MAX_SENTENCE = 400;

/** A table cell's label before the text (Aabenraa: "Bemærkninger: | Ib Skov havde meldt afbud …"). */
const CELL_LEAD = /^\s*(?:\p{L}+\s*:\s*)?\|\s*/u;

/**
 * The clauses of a line with their offsets: split after . ! ? before a capital ("kl. 17.32"
 * stays whole), and at ", og" before a new subject ("X havde meldt afbud, og Y deltog som
 * stedfortræder").
 */
function sentences(text: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  const re = /[.!?]\s+(?=\p{Lu})|[,;]\s+(?=og\s+(?:\p{Lu}|i stedet|stedfortræder))/gu;
  const cell = CELL_LEAD.exec(text);
  let from = cell === null ? 0 : cell[0].length;
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + 1;
    out.push({ text: text.slice(from, end), at: from });
    from = m.index + m[0].length;
  }
  out.push({ text: text.slice(from), at: from });
  return out;
}

/**
 * The names in a list: "Anne Holm (A), Bent Lund og Carla Friis (V)". Null when an item
 * is no name (the subject was prose); `qualified` when an item goes on after its name
 * ("Anne Holm (A) fra kl. 18.00").
 */
export function namesIn(text: string, line: number, offset: number): { people: Member[]; qualified: boolean } | null {
  const people: Member[] = [];
  let qualified = false;
  const re = /[^,;]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const parts = m[0].split(/\s+(?:og|samt)\s+/);
    let pos = m.index;
    for (const part of parts) {
      const at = text.indexOf(part, pos);
      pos = at + part.length;
      let s = part.replace(/^\s+/, '');
      let start = at + (part.length - s.length);
      s = s.replace(/[\s.]+$/, '');
      if (s === '' || s === '-' || s === '–') continue;
      if (NOT_NAMES.has(s.toLowerCase())) continue;
      // "(A)" after a comma belongs to the name before it ("Anne Holm, (A)").
      if (/^\(\p{Lu}{1,3}\)$/u.test(s) && people.length > 0) continue;
      const role = ROLE.exec(s);
      if (role !== null) {
        s = s.slice(role[0].length);
        start += role[0].length;
      }
      const n = NAME.exec(s);
      if (n === null) return null;
      const name = (n[1] as string).replace(/\.$/, '');
      if (NOT_NAMES.has(name.toLowerCase())) {
        if (n[0].length === s.length) continue;
        return null;
      }
      const tail = s.slice(n[0].length).trim();
      if (tail !== '') {
        if (!QUALIFIER.test(tail)) return null;
        qualified = true;
      }
      people.push({ name, party: n[2] ?? null, range: lineRange(line, offset + start, offset + start + n[0].length) });
    }
  }
  return { people, qualified };
}

/** The punkt numbers a statement names. */
export function punktRefs(text: string): number[] {
  const out: number[] = [];
  PUNKT_REF.lastIndex = 0;
  for (let m = PUNKT_REF.exec(text); m !== null; m = PUNKT_REF.exec(text)) {
    const list = (m[1] as string).replace(/nr\.?\s*/i, '');
    for (const piece of list.split(/\s*(?:,|og|samt)\s*/)) {
      const range = /^(\d{1,4})\s*[-–]\s*(\d{1,4})$/.exec(piece);
      if (range !== null) {
        const a = Number(range[1]);
        const b = Number(range[2]);
        // A range of punkter, not of years: at most 50 apart.
        for (let k = a; k <= b && k - a <= 50; k++) out.push(k);
      } else if (/^\d{1,4}$/.test(piece)) out.push(Number(piece));
    }
  }
  return out;
}

/** One side of a vote: "5 (A+T+V)", "20 (Bo Hilsted (A), …)", "A, V og O", "0". */
export function tallyOf(value: string, line: number, offset: number, end: number): Draft<VoteTally> {
  let v = value.trim().replace(/[.;]$/, '');
  let at = offset + (value.length - value.trimStart().length);
  let count: number | null = null;
  const c = /^(\d{1,3})\b(?:\s*(?:stemmer|medlemmer|mod)\b)?\s*/.exec(v);
  if (c !== null) {
    count = Number(c[1]);
    v = v.slice(c[0].length);
    at += c[0].length;
  }
  // "(A+T+V)" or "(Bo Hilsted (A), …)": one pair of parentheses around the list.
  if (v.startsWith('(') && v.endsWith(')')) {
    v = v.slice(1, -1);
    at += 1;
  } else {
    // "A, V og O (12)": the count after the list.
    const after = /\s*\((\d{1,3})\)$/.exec(v);
    if (after !== null && count === null) {
      count = Number(after[1]);
      v = v.slice(0, after.index);
    }
  }
  let parties: string[] = [];
  let names: Member[] = [];
  if (/^\p{Lu}{1,2}(?:\s*(?:[+,/&]|og)\s*\p{Lu}{1,2})*$/u.test(v.trim())) parties = v.trim().split(/\s*(?:[+,/&]|og)\s*/);
  else if (v.trim() !== '') names = namesIn(v, line, at)?.people ?? [];
  return { count, parties, names, range: lineRange(line, offset, end) };
}

/** The statement a sentence makes, by the first row that matches it. */
function statementOf(text: string, line: number, at: number, punkt: number | null): Draft<PresenceStatement> | null {
  if (text.length > MAX_SENTENCE) return null;
  // "og Jens Holt (V) deltog som stedfortræder": the clause after ", og".
  const trimmed = text.replace(/^[\s•·▪*-]+/, '').replace(/^og\s+/, '');
  const lead = text.length - trimmed.length;
  for (const row of PEOPLE_PHRASES) {
    const m = row.pattern.exec(trimmed);
    if (m === null || m.groups === undefined) continue;
    const who = m.groups['who'] ?? '';
    const whoAt = at + lead + (m.index ?? 0) + (m[0].indexOf(who) >= 0 ? m[0].indexOf(who) : 0);
    const names = namesIn(who, line, whoAt);
    if (names === null) return null;
    if (names.people.length === 0 && row.kind !== 'absent') return null;
    const rest = m.groups['rest'] ?? '';
    let whom: Member | undefined;
    const w = m.groups['whom'];
    if (w !== undefined) {
      const wn = namesIn(w, line, at + lead + trimmed.indexOf(w, who.length));
      if (wn !== null && wn.people.length === 1) whom = wn.people[0];
    }
    const statement: Draft<PresenceStatement> = {
      kind: row.kind,
      punkt,
      people: names.people,
      punkter: punktRefs(rest),
      qualified: names.qualified || QUALIFIER.test(rest),
      withdrew: row.withdrew === true || (row.kind === 'inhabil' && WITHDREW.test(rest)),
      range: lineRange(line, at + lead, at + text.replace(/\s+$/, '').length),
    };
    if (whom !== undefined) statement.for = whom;
    return statement;
  }
  return null;
}

/** The index of the punkt holding each line, found by walking forward (the lines come in order). */
function punktFinder(punkter: readonly Punkt[]): (line: number) => number | null {
  let k = 0;
  return (line) => {
    while (k < punkter.length && (punkter[k] as Punkt).range.end.line < line) k++;
    const p = punkter[k];
    if (p === undefined || line < p.range.start.line) return null;
    return k;
  };
}

/** The members of a participant list whose names follow its label, one per line. */
function participantList(lines: readonly string[], label: number): Member[] {
  const out: Member[] = [];
  let blanks = 0;
  for (let i = label + 1; i < lines.length && i <= label + 200; i++) {
    const raw = lines[i] as string;
    const text = raw.trim();
    if (text === '' || text === '·') {
      if (++blanks > 2) break;
      continue;
    }
    blanks = 0;
    const lead = raw.length - raw.trimStart().length;
    const m = parseMemberLine(i, text, lead);
    if (m === null || namesIn(m.name, i, 0) === null) break;
    out.push(m);
  }
  return out;
}

/** Members from "Deltagere: <sted> Anne Holm (V), …" in a flattened line: the place is the words before the first name. */
function inlineParticipants(lines: readonly string[], before: number): Member[] {
  for (const i of linesMatching(lines, INLINE_PARTICIPANTS)) {
    if (i >= before) break;
    const text = lines[i] as string;
    const m = INLINE_PARTICIPANTS.exec(text);
    if (m === null) continue;
    const list = m[1] as string;
    const at = m.index + m[0].length - list.length;
    const items = list.split(',');
    const first = items[0] ?? '';
    // The first item carries the place ("Rådhusets mødelokale Anne Holm (V)"): its last capitalised words are the name.
    const tail = /((?:\p{Lu}[\p{L}’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]*\s*\(\p{Lu}{1,3}\))\s*$/u.exec(first);
    if (tail === null) continue;
    const skip = first.length - (tail[1] as string).length - (first.length - first.trimEnd().length);
    const found = namesIn(list.slice(skip), i, at + skip);
    if (found !== null && found.people.length >= 2) return found.people;
  }
  return [];
}

/** The members: the header's list, a "Deltagere: …" in a flattened header line, or a participant list (København's decision). */
function membersOf(lines: readonly string[], firstPunkt: number, header: Header): Pick<People, 'members' | 'membersFrom' | 'membersAre'> {
  if (header.members.length > 0) return { members: [...header.members], membersFrom: 'header', membersAre: header.membersLabel ?? 'members' };
  const inline = inlineParticipants(lines, firstPunkt);
  if (inline.length > 0) return { members: inline, membersFrom: 'header', membersAre: 'present' };
  for (const i of linesMatching(lines, PARTICIPANT_WORD)) {
    if (!PARTICIPANTS.test((lines[i] as string).trim())) continue;
    const list = participantList(lines, i);
    if (list.length >= 2) return { members: list, membersFrom: i < firstPunkt ? 'header' : 'punkt', membersAre: 'present' };
  }
  return { members: [], membersFrom: null, membersAre: null };
}

/** The statements and votes on the given lines (ascending), into `people`. */
function readLines(lines: readonly string[], which: Iterable<number>, punkter: readonly Punkt[], people: People): void {
  const punktOf = punktFinder(punkter);
  let vote: Vote | null = null;
  let voteLine = -1;
  for (const i of which) {
    const raw = lines[i] as string;
    const punkt = punktOf(i);
    // The punkt's own heading line is its title, not a statement.
    if (punkt !== null && (punkter[punkt] as Punkt).headingRange.start.line === i) continue;
    for (const s of sentences(raw)) {
      const trimmed = s.text.replace(/^[\s•·▪*-]+/, '');
      const lead = s.at + s.text.length - trimmed.length;
      // Votes: one or several sides on the line.
      let isVote = false;
      let pos = 0;
      for (const piece of trimmed.split(VOTE_SPLIT)) {
        const pieceAt = trimmed.indexOf(piece, pos);
        pos = pieceAt + piece.length;
        const m = VOTE.exec(piece);
        if (m === null) continue;
        const side = VOTE_SIDE.get((m[1] as string).toLowerCase()) as VoteSide;
        const value = m[2] as string;
        const tally = tallyOf(value, i, lead + pieceAt + piece.length - value.length, lead + pieceAt + piece.trimEnd().length);
        // The side's range is its label and value: "Imod stemte: 2 (C+O)".
        tally.range = lineRange(i, lead + pieceAt, lead + pieceAt + piece.trimEnd().replace(/[,;.]$/, '').length);
        if (tally.count === null && tally.parties.length === 0 && tally.names.length === 0 && value.trim() !== '') continue;
        isVote = true;
        const key = side === 'for' ? 'for' : side === 'against' ? 'against' : 'abstain';
        if (vote === null || vote.punkt !== punkt || i - voteLine > 3 || vote[key] !== null) {
          vote = { punkt, for: null, against: null, abstain: null, range: tally.range };
          people.votes.push(vote);
        }
        vote[key] = tally;
        vote.range = { start: vote.range.start, end: tally.range.end };
        voteLine = i;
      }
      if (isVote) continue;
      const st = statementOf(s.text, i, s.at, punkt);
      if (st === null) continue;
      // "Afbud:" alone, the names on the lines below (Glostrup: "  Afbud:" ⏎ "  1. Jens Berg, Ø").
      if (st.people.length === 0 && /:\s*$/.test(s.text)) {
        const below = participantList(lines, i);
        if (below.length > 0) st.people = below;
      }
      people.statements.push(st);
    }
  }
}

export function readPeople(lines: readonly string[], punkter: readonly Punkt[], header: Header): ReadonlyPeople {
  const firstPunkt = punkter[0]?.range.start.line ?? lines.length;
  const people: People = { ...membersOf(lines, firstPunkt, header), statements: [], votes: [] };
  readLines(lines, candidateLines(lines, punkter, 0, lines.length), punkter, people);
  return people;
}

/**
 * After an edit inside punkt `k` (the incremental parse): the previous people with that
 * punkt's statements and votes read again, and those after it moved by `dl` lines. Null
 * when the members may have changed (a participant list in that punkt): parse it all.
 */
export function rereadPunkt(previous: ReadonlyPeople, lines: readonly string[], punkter: readonly Punkt[], k: number, dl: number, shift: <T>(value: T, dl: number) => T): ReadonlyPeople | null {
  const p = punkter[k];
  if (p === undefined) return null;
  const from = p.range.start.line;
  const to = k + 1 < punkter.length ? (punkter[k + 1] as Punkt).range.start.line : lines.length;
  if (previous.membersFrom === 'punkt') return null;
  const own: People = { members: [...previous.members], membersFrom: previous.membersFrom, membersAre: previous.membersAre, statements: [], votes: [] };
  readLines(lines, candidateLines(lines, punkter, from, to), punkter, own);
  const move = <T extends { punkt: number | null }>(list: readonly T[]): T[] => {
    const before = list.filter((x) => x.punkt === null || x.punkt < k);
    const after = list.filter((x) => x.punkt !== null && x.punkt > k).map((x) => (dl === 0 ? x : shift(x, dl)));
    return [...before, ...after];
  };
  const statements = move(previous.statements);
  const votes = move(previous.votes);
  const at = (list: readonly { punkt: number | null }[]): number => list.findIndex((x) => x.punkt !== null && x.punkt > k);
  const splice = <T extends { punkt: number | null }>(list: T[], add: readonly T[]): T[] => {
    const i = at(list);
    return i === -1 ? [...list, ...add] : [...list.slice(0, i), ...add, ...list.slice(i)];
  };
  return { members: own.members, membersFrom: own.membersFrom, membersAre: own.membersAre, statements: splice(statements, own.statements), votes: splice(votes, own.votes) };
}

/** The range of a member list, for messages and tests. */
export function membersRange(members: readonly Member[]): Range | null {
  const first = members[0];
  const last = members[members.length - 1];
  return first === undefined || last === undefined ? null : { start: first.range.start, end: last.range.end };
}
