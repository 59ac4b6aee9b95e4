// Stage 5, header: the lines before the first punkt give the kind, the committee, the
// meeting date, time and place, and the members. Every header form in the catalogue is
// read by the same few steps over the labels and words of dialect/header.ts: labels with
// their value on the line, on the next line or in a column after a stack of labels; the
// one sentence "Referat til mødet i … den … kl. … i …", on one line or broken after each
// part; a title line that holds the kind, the committee and the date.
import type { DateMention as ReadonlyDateMention, DocumentKind, Header as ReadonlyHeader, Member as ReadonlyMember, TextSpan, Draft } from '../model';
import { mayNameCommittee, type Dialect } from './dialect';
import { HEADER_LABELS, KIND_NOISE, KIND_SIGNALS, TITLE_NOISE, TOC_GROUPS, type HeaderRole } from './dialect/header';
import { findDates, type FoundDate } from './dates';
import { escapeRegExp, lineRange, strip } from './lines';
import { parseMemberLine, parseMembers } from './members';
import { C_CAND, C_SECTION, C_TOC, type LineView } from './scan';

// Built mutably here, handed out readonly.
type DateMention = Draft<ReadonlyDateMention>;
type Header = Draft<ReadonlyHeader>;
type Member = Draft<ReadonlyMember>;

export interface HeaderResult {
  header: Header;
  /** The kind the header's words give, or unknown (the punkter may tell it later). */
  kind: DocumentKind;
  title: TextSpan | null;
}

interface LabelHit {
  role: HeaderRole;
  /** Where the value starts in the line's text; equal to the text's length when there is none. */
  valueStart: number;
}

/** Labels that also stand without a colon before their value ("Mødedato Tirsdag d. …", "Mødested C3.40"). */
const NO_COLON = /^møde/i;

const LABEL_LIST = HEADER_LABELS.flatMap((row) => row.labels.map((label) => ({ label, role: row.role }))).sort((a, b) => b.label.length - a.label.length);
const LABEL_RE = new RegExp(`^(${LABEL_LIST.map((l) => escapeRegExp(l.label)).join('|')})(?:\\s*:\\s*|\\s+(?=\\S)|\\s*$)`, 'iu');
const ROLE_OF = new Map(LABEL_LIST.map((l) => [l.label.toLowerCase(), l.role]));
/** Labels found anywhere in a flattened PDF page line ("… Mødedato: Mandag den 6. oktober 2014 Mødetidspunkt: …"). */
const INLINE_DATE_LABEL = /\b(?:Mødedato|Dato)\s*:\s*/giu;
const GROUPS = new Set(TOC_GROUPS.map((g) => g.toLowerCase()));

const KL = /\bkl\.?\s*(\d{1,2}[.:]\d{2})/i;
/** Lines with text the header stage reads at most. */
const HEADER_LINES = 150;
const KIND_WORDS =
  /\b(?:referat(?:et)?\.?(?:\s+(?:af|fra|for|til)(?:\s+mødet?(?:\s+i)?)?)?|beslutningsprotokol(?:\s+(?:af|fra|for))?|(?:tillægs)?dagsorden(?:en)?\.?(?:\s+(?:af|fra|for|til)(?:\s+mødet?(?:\s+i)?)?)?|åben|åbent|lukket)\b/giu;
const WEEKDAY = /\b(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\b,?/giu;

function labelAt(text: string): LabelHit | null {
  const m = LABEL_RE.exec(text);
  if (m === null) return null;
  const label = m[1] as string;
  const role = ROLE_OF.get(label.toLowerCase());
  if (role === undefined) return null;
  const colon = m[0].includes(':');
  if (!colon && m[0].length < text.length) {
    // Without a colon only the "Møde…" labels take a value, and not a number: "Mødelokale 1, Skjern" is the room.
    if (!NO_COLON.test(label) || /^\d/.test(text.slice(m[0].length))) return null;
  }
  return { role, valueStart: m[0].length };
}

/** A line's text with table pipes ("Mødested: | Byrådssalen |") and bold marks made spaces, and where it starts. */
function cleanLine(raw: string): { text: string; start: number } {
  const s = strip(raw.includes('|') || raw.includes('**') ? raw.replace(/\*\*/g, '  ').replace(/\|/g, ' ') : raw);
  return { text: s.text, start: s.start };
}

function clean(text: string): string {
  return text.includes('|') || text.includes('**') ? text.replace(/\*\*/g, '').replace(/\s*\|\s*/g, ' ').trim() : text;
}

const NOISE = KIND_NOISE.map((n) => ({ word: n.word, test: n.re, all: new RegExp(n.re.source, 'giu') }));
const TITLE_NOISE_RE = TITLE_NOISE.map((n) => new RegExp(`(?<=[\\s(:,-])${n}(?=[\\s):,-])`, 'giu'));

function kindOf(text: string, lower: string): DocumentKind {
  if (text.length > 150) return 'unknown';
  if (!lower.includes('referat') && !lower.includes('dagsorden') && !lower.includes('protokol')) return 'unknown';
  let t = text;
  for (const n of NOISE) if (lower.includes(n.word) && n.test.test(t)) t = t.replace(n.all, ' ');
  for (const s of KIND_SIGNALS) if (lower.includes(s.word) && s.re.test(t)) return s.kind;
  return 'unknown';
}

/** What is left of a title line for a committee name: kind words, dates, times, weekdays and separators removed. */
function committeePart(text: string, dialect: Dialect): string | null {
  if (text.length > 150 || !mayNameCommittee(text.toLowerCase())) return null;
  let t = ` ${text} `;
  for (const d of findDates(t).reverse()) t = `${t.slice(0, d.start)} ${t.slice(d.end)}`;
  t = t.replace(/\bkl\.?\s*\d{1,2}[.:]\d{2}(?::\d{2})?(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?/giu, ' ').replace(/\b\d{1,2}[.:]\d{2}(?::\d{2})?\b/g, ' ');
  t = t.replace(KIND_WORDS, ' ').replace(WEEKDAY, ' ');
  for (const re of TITLE_NOISE_RE) t = t.replace(re, ' ');
  t = t.replace(/\s(?:den|d\.)\s/giu, ' ').replace(/\(\s*\)/g, ' ');
  t = t.replace(/\s+/g, ' ').replace(/^[\s\-–:,.]+|[\s\-–:,]+$/g, '').trim();
  if (t === '') return null;
  const name = dialect.normaliseCommittee(t);
  return dialect.isCommittee(name) ? name : null;
}

function span(line: number, raw: string, text: string, fallbackStart: number): TextSpan {
  const at = raw.indexOf(text);
  const s = at >= 0 ? at : fallbackStart;
  return { text, range: lineRange(line, s, s + text.length) };
}

function mention(d: FoundDate, source: DateMention['source'], line: number, offset: number): DateMention {
  return { iso: d.iso, weekday: d.weekday, source, text: d.text, range: lineRange(line, offset + d.start, offset + d.end) };
}

/** A line that is a date and little else: "26-03-2020 kl. 18:00", "den 5. november 2019 kl. 17:00", "onsdag den 20. marts 2013 kl. 17:00". */
function dateLine(text: string): FoundDate | null {
  if (text.length > 120) return null;
  const dates = findDates(text);
  const d = dates[0];
  if (d === undefined) return null;
  const rest = (text.slice(0, d.start) + ' ' + text.slice(d.end))
    .replace(KL, ' ')
    .replace(/\b(?:den|d\.|kl\.?)\s*/giu, ' ')
    .replace(/\bi\s+.*$/u, ' ')
    .replace(/[\s\-–,.:()]+/g, ' ')
    .trim();
  return rest.split(' ').filter((w) => w !== '').length <= 2 ? d : null;
}

/**
 * Reads lines [0, to) as the header. `skip` marks lines that belong elsewhere (TOC
 * entries). Never throws.
 */
export function parseHeader(view: LineView, to: number, skip: (i: number) => boolean, dialect: Dialect): HeaderResult {
  const header: Header = { committee: null, meetingDate: null, dates: [], place: null, time: null, members: [], membersLabel: null, absent: [] };
  let title: TextSpan | null = null;
  let kind: DocumentKind = 'unknown';
  let kindLine = -1;
  /** Committee candidates by rank (0 best). */
  const committees: (TextSpan | null)[] = [null, null, null, null, null];
  const offer = (rank: number, s: TextSpan): void => {
    if (committees[rank] === null) committees[rank] = s;
  };

  // The header is at the top: at most HEADER_LINES lines with text are read (a document with no punkter is all "header").
  const content: number[] = [];
  for (let i = 0; i < to && content.length < HEADER_LINES; i++) if (!view.empty(i) && !skip(i)) content.push(i);

  /** Labels waiting for their values on the following lines. */
  let stack: { line: number; role: HeaderRole }[] = [];
  const assign = (role: HeaderRole, line: number, value: string, offset: number, list: number[]): void => {
    const raw = view.lines[line] as string;
    switch (role) {
      case 'committee':
        if (value !== '') offer(0, span(line, raw, value, offset));
        break;
      case 'date':
        for (const d of findDates(value)) header.dates.push(mention(d, 'mødedato', line, offset));
        {
          const kl = KL.exec(value);
          if (kl && header.time === null) header.time = { text: kl[1] as string, range: lineRange(line, offset + kl.index, offset + kl.index + kl[0].length) };
        }
        break;
      case 'time':
        if (value !== '' && header.time === null) header.time = { text: value, range: lineRange(line, offset, offset + value.length) };
        break;
      case 'place':
        if (value !== '' && header.place === null) header.place = span(line, raw, value, offset);
        break;
      case 'members':
      case 'present':
      case 'absent': {
        const into = role === 'absent' ? header.absent : header.members;
        if (role !== 'absent' && header.membersLabel === null) header.membersLabel = role;
        if (list.length === 0) {
          into.push(...parseMembers(line, value, offset));
        } else {
          for (const j of list) {
            const t = clean(view.txt(j));
            const m = parseMemberLine(j, t, view.start(j));
            if (m !== null) into.push(m);
            else if (t.includes(',')) into.push(...parseMembers(j, t, view.start(j)));
          }
        }
        break;
      }
      default:
    }
  };

  for (let k = 0; k < content.length; k++) {
    const i = content[k] as number;
    const raw = view.lines[i] as string;
    const cl = cleanLine(raw);
    const text = cl.text;
    const offset = cl.start;
    if (title === null) title = { text: view.txt(i), range: lineRange(i, view.start(i), view.end(i)) };
    if (view.is(i, C_CAND | C_SECTION) && view.hits.get(i)?.form !== 'markdown') {
      // A section heading in the header ("Bemærkninger til dagsordenen") is not its text.
      stack = [];
      continue;
    }
    const lower = text.toLowerCase();
    const k0 = kindOf(text, lower);
    if (kindLine === -1 && k0 !== 'unknown') {
      kind = k0;
      kindLine = i;
      for (const d of findDates(text)) header.dates.push(mention(d, 'title', i, offset));
      const kl = KL.exec(text);
      if (kl && header.time === null) header.time = { text: kl[1] as string, range: lineRange(i, offset + kl.index, offset + kl.index + kl[0].length) };
      const c = committeePart(text, dialect);
      if (c !== null) offer(2, span(i, raw, c, offset));
    }
    // "Åben dagsorden" tells the kind and nothing else.
    if (GROUPS.has(lower)) continue;

    // "Referat / til / mødet i Kommunalbestyrelsen 2018-21 / den 5. november 2019 kl. 17:00 / i Byrådssalen".
    const møde = lower.includes('møde') ? /(?:^|\s)mødet?\s+i\s*(.*)$/iu.exec(text) : null;
    if (møde !== null && text.length <= 150) {
      let name = (møde[1] as string).replace(/\s+(?:den|d\.)\s+.*$|\s+\d{1,2}[.\-/]\d.*$|\s+\d{1,2}\.\s*\p{L}+\s+\d{4}.*$|\s+kl\..*$/iu, '').trim();
      let line = i;
      if (name === '' && k + 1 < content.length) {
        line = content[k + 1] as number;
        name = clean(view.txt(line));
      }
      name = dialect.normaliseCommittee(name);
      if (name !== '' && name.length <= 90 && !/[.!?]$/.test(name)) offer(1, span(line, view.lines[line] as string, name, view.start(line)));
    }

    const label = labelAt(text);
    if (label !== null) {
      const value = text.slice(label.valueStart).trim();
      if (value === '') {
        stack.push({ line: i, role: label.role });
        continue;
      }
      stack = [];
      assign(label.role, i, value, offset + label.valueStart, []);
      continue;
    }

    if (stack.length > 0) {
      // Values for the labels above: a list under one label, or one value per label
      // when several stand stacked (a table read column by column).
      const values: number[] = [];
      let j = k;
      while (j < content.length && labelAt(clean(view.txt(content[j] as number))) === null && !view.is(content[j] as number, C_CAND | C_SECTION | C_TOC)) {
        const line = content[j] as number;
        // A list ends at a blank line once it has begun.
        if (values.length > 0 && line > (values[values.length - 1] as number) + 1 && stack.length === 1) break;
        values.push(line);
        j++;
      }
      // No value under the labels ("Dato" followed by a heading): they stay empty, and this
      // line is read as any other (the fuzzing found 'Dato\n# .' crashing here).
      if (values.length === 0) stack = [];
      else {
        const top = stack[stack.length - 1] as { line: number; role: HeaderRole };
        if (stack.length === 1 || values.length === 1) {
          if (top.role === 'members' || top.role === 'present' || top.role === 'absent' || top.role === 'others') {
            assign(top.role, top.line, '', 0, values);
          } else {
            const v = values[0] as number;
            assign(top.role, v, clean(view.txt(v)), view.start(v), []);
            j = k + 1;
          }
        } else {
          for (let q = 0; q < stack.length && q < values.length; q++) {
            const v = values[q] as number;
            const role = (stack[q] as { role: HeaderRole }).role;
            assign(role, v, clean(view.txt(v)), view.start(v), role === 'members' || role === 'present' || role === 'absent' ? [v] : []);
          }
        }
        stack = [];
        k = Math.max(k, j - 1);
        continue;
      }
    }

    // A flattened PDF page holds its labels anywhere in the line.
    if (text.length > 150) {
      INLINE_DATE_LABEL.lastIndex = 0;
      const m = INLINE_DATE_LABEL.exec(text);
      if (m !== null) {
        const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
        const d = findDates(rest)[0];
        if (d !== undefined && d.start === 0) header.dates.push(mention(d, 'mødedato', i, offset + m.index + m[0].length));
      }
      continue;
    }

    if (i !== kindLine) {
      const d = dateLine(text);
      if (d !== null) {
        header.dates.push(mention(d, 'header', i, offset));
        const kl = KL.exec(text);
        if (kl && header.time === null) header.time = { text: kl[1] as string, range: lineRange(i, offset + kl.index, offset + kl.index + kl[0].length) };
        // "… kl. 13:00 i Mødesal 2, Torvet 3": the place after the date.
        const place = /\bi\s+(\p{Lu}.*)$/u.exec(text.slice(d.end));
        if (place && header.place === null) header.place = span(i, raw, (place[1] as string).trim(), offset);
        // "Økonomiudvalget - 06-03-2019": a committee beside the date.
        const c = committeePart(text, dialect);
        if (c !== null) offer(3, span(i, raw, c, offset));
        continue;
      }
      // "i Byrådssalen, Nyby - Ekstraordinært": the place line of the broken sentence.
      const prev = k > 0 ? (content[k - 1] as number) : -1;
      if (header.place === null && /^i\s+\p{Lu}/u.test(text) && prev !== -1 && findDates(view.txt(prev)).length > 0) {
        header.place = span(i, raw, text.slice(2).trim(), offset + 2);
        continue;
      }
      if (header.place === null && /^(?:Mødelokale|Mødesal|Byrådssal)/i.test(text)) {
        header.place = span(i, raw, text, offset);
        continue;
      }
      const whole = text.length <= 90 ? committeePart(text, dialect) : null;
      if (whole !== null) {
        offer(3, span(i, raw, whole, offset));
        continue;
      }
      if (text.length <= 120 && /\s[-–:]\s|:\s/.test(text)) {
        for (const part of text.split(/\s[-–]\s|:\s/)) {
          const c = committeePart(part, dialect);
          if (c !== null) {
            offer(4, span(i, raw, c, offset));
            break;
          }
        }
      }
    }
  }
  if (stack.length > 0) stack = [];

  header.committee = committees.find((c) => c !== null) ?? null;
  const fromLabel = header.dates.find((d) => d.source === 'mødedato' && d.iso !== null);
  const fromTitle = header.dates.find((d) => d.source === 'title' && d.iso !== null);
  const fromHeader = header.dates.find((d) => d.source === 'header' && d.iso !== null);
  header.meetingDate = (fromLabel ?? fromTitle ?? fromHeader)?.iso ?? null;
  return { header, kind, title };
}

export type { Member };
