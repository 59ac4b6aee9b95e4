// The meeting header: title, committee, date, place, members.
import type { DateMention, DocumentKind, Header, Member, TextSpan } from '../model';
import { findDates } from './dates';
import { lineRange, strip } from './lines';

export function kindFromTitle(title: string): DocumentKind {
  const t = title.toLowerCase();
  if (/^(?:tillægs)?dagsorden\b/.test(t)) return 'dagsorden';
  if (t.includes('beslutningsprotokol')) return 'beslutningsprotokol';
  if (/^referat\b/.test(t)) return 'referat';
  if (/\bdagsorden\b/.test(t)) return 'dagsorden';
  if (/\breferat\b/.test(t)) return 'referat';
  return 'unknown';
}

const KIND_PREFIX = /^(?:REFERAT|Referat|DAGSORDEN|Dagsorden|Tillægsdagsorden|TILLÆGSDAGSORDEN|Beslutningsprotokol|BESLUTNINGSPROTOKOL)\s*(?:[:\-–]\s*|\s+)(?:(?:fra|for)\s+)?/;
const COMMITTEE_LINE = /(?:udvalg(?:et)?|[Bb]yråd(?:et)?|[Kk]ommunalbestyrelse(?:n)?|[Bb]orgerrepræsentationen|[Rr]egionsråd(?:et)?|[Bb]estyrelse(?:n)?|[Rr]åd(?:et)?)(?:\s*\(\d{4}\s*[-–]\s*\d{4}\))?(?:\s+\d{4}\s*[-–]\s*\d{4})?$/;

type Label = 'dato' | 'tid' | 'sted' | 'deltagere' | 'afbud';
const LABELS: ReadonlyArray<[RegExp, Label]> = [
  [/^(?:Mødedato|Dato)\b\s*:?\s*/i, 'dato'],
  [/^(?:Tidspunkt|Mødetidspunkt)\b\s*:?\s*/i, 'tid'],
  [/^(?:Mødested|Sted|Lokale)\b\s*:?\s*/i, 'sted'],
  [/^(?:Mødedeltagere|Deltagere|Medlemmer|Til stede)\b\s*:?\s*/i, 'deltagere'],
  [/^(?:Afbud fra|Afbud|Fraværende med afbud|Fraværende)\s*:\s*/i, 'afbud'],
];

const BULLET = /^(?:[•·▪*\-–]|\d+\.)\s+/;

/** Parses "Peter Svane (D), Martin Clausen og Henny Schøler" into members. */
export function parseMembers(line: number, text: string, offset: number): Member[] {
  const out: Member[] = [];
  const re = /[^,;]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // "A og B" at the end of a list is two names.
    const parts = m[0].split(/\s+og\s+/);
    let pos = m.index;
    for (const part of parts) {
      const at = text.indexOf(part, pos);
      pos = at + part.length;
      const member = parseMember(line, part, offset + at);
      if (member) out.push(member);
    }
  }
  return out;
}

function parseMember(line: number, raw: string, offset: number): Member | null {
  let s = 0;
  let e = raw.length;
  while (s < e && /\s/.test(raw[s] as string)) s++;
  while (e > s && /[\s.]/.test(raw[e - 1] as string)) e--;
  const b = BULLET.exec(raw.slice(s, e));
  if (b) s += b[0].length;
  const text = raw.slice(s, e);
  if (text === '' || text === '-') return null;
  const p = /^(.*?)\s*\(([\p{Lu}]{1,3})\)$/u.exec(text);
  const name = p ? (p[1] as string) : text;
  if (!/\p{L}/u.test(name)) return null;
  return { name, party: p ? (p[2] as string) : null, range: lineRange(line, offset + s, offset + e) };
}

export interface HeaderResult {
  header: Header;
  kind: DocumentKind;
  title: TextSpan | null;
}

/** Parses lines [from, to) as the header; `skip` marks lines that belong elsewhere (TOC, debris). */
export function parseHeader(lines: readonly string[], from: number, to: number, skip: (i: number) => boolean): HeaderResult {
  const header: Header = { committee: null, meetingDate: null, dates: [], place: null, time: null, members: [], absent: [] };
  let title: TextSpan | null = null;
  let kind: DocumentKind = 'unknown';
  let committeeFromLine: TextSpan | null = null;

  for (let i = from; i < to; i++) {
    if (skip(i)) continue;
    const raw = lines[i] as string;
    const st = strip(raw.replace(/\*\*/g, '  '));
    if (st.text === '') continue;
    if (title === null) {
      title = { text: st.text, range: lineRange(i, st.start, st.end) };
      kind = kindFromTitle(st.text);
      for (const d of findDates(st.text)) header.dates.push(mention(d, 'title', i, st.start));
      const kl = /\bkl\.?\s*(\d{1,2}[.:]\d{2})/i.exec(st.text);
      if (kl) header.time = { text: kl[1] as string, range: lineRange(i, st.start + kl.index, st.start + kl.index + kl[0].length) };
      const prefix = KIND_PREFIX.exec(st.text);
      const rest = prefix ? st.text.slice(prefix[0].length) : null;
      if (rest !== null && rest !== '' && !/^\d/.test(rest)) {
        const cut = /\s+(?:d\.|den)\s+\d|\s+\d{1,2}[-.]\d{1,2}[-.]\d{4}|\s*[-–,]\s*(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b|\s+\d{1,2}\.\s+\p{L}+\s+\d{4}/iu.exec(rest);
        const name = (cut ? rest.slice(0, cut.index) : rest).trim();
        if (name !== '') {
          const at = st.start + (prefix ? prefix[0].length : 0);
          header.committee = { text: name, range: lineRange(i, at, at + name.length) };
        }
      }
      continue;
    }
    let label: Label | null = null;
    let valueStart = 0;
    for (const [re, l] of LABELS) {
      const m = re.exec(st.text);
      if (m) {
        label = l;
        valueStart = m[0].length;
        break;
      }
    }
    const value = st.text.slice(valueStart);
    const vOff = st.start + valueStart;
    switch (label) {
      case 'dato':
        for (const d of findDates(value)) header.dates.push(mention(d, 'mødedato', i, vOff));
        {
          const kl = /\bkl\.?\s*(\d{1,2}[.:]\d{2})/i.exec(value);
          if (kl) header.time = { text: kl[1] as string, range: lineRange(i, vOff + kl.index, vOff + kl.index + kl[0].length) };
        }
        break;
      case 'tid':
        if (value !== '') header.time = { text: value, range: lineRange(i, vOff, vOff + value.length) };
        break;
      case 'sted':
        if (value !== '') header.place = { text: value, range: lineRange(i, vOff, vOff + value.length) };
        break;
      case 'afbud':
        header.absent.push(...parseMembers(i, value, vOff));
        break;
      case 'deltagere':
        if (value !== '') {
          header.members.push(...parseMembers(i, value, vOff));
        } else {
          // One member per line below the label, possibly bulleted.
          let j = i + 1;
          while (j < to && strip(lines[j] as string).text === '') j++;
          for (; j < to; j++) {
            if (skip(j)) break;
            const s2 = strip(lines[j] as string);
            if (s2.text === '') break;
            if (!BULLET.test(s2.text) && (s2.text.length > 80 || s2.text.includes(':'))) break;
            header.members.push(...parseMembers(j, s2.text, s2.start));
          }
          i = j - 1;
        }
        break;
      default:
        if (header.place === null && /^(?:Mødelokale|Mødesal|Byrådssal)/i.test(st.text)) {
          header.place = { text: st.text, range: lineRange(i, st.start, st.end) };
        } else if (committeeFromLine === null && st.text.length <= 80 && COMMITTEE_LINE.test(st.text) && !st.text.includes(':')) {
          committeeFromLine = { text: st.text, range: lineRange(i, st.start, st.end) };
        }
    }
  }
  if (header.committee === null) header.committee = committeeFromLine;
  const fromMødedato = header.dates.find((d) => d.source === 'mødedato' && d.iso !== null);
  const fromTitle = header.dates.find((d) => d.source === 'title' && d.iso !== null);
  header.meetingDate = (fromMødedato ?? fromTitle)?.iso ?? null;
  return { header, kind, title };
}

function mention(d: ReturnType<typeof findDates>[number], source: DateMention['source'], line: number, offset: number): DateMention {
  return { iso: d.iso, weekday: d.weekday, source, text: d.text, range: lineRange(line, offset + d.start, offset + d.end) };
}
