// The meeting's dates disagree: the title date, the Mødedato and the dates of
// the Beslutning sections; a weekday that does not fit its date; a date that
// is not in the calendar.
import type { DateMention, Punkt, Section } from '../model';
import { MONTHS, weekdayOf } from '../parser/dates';
import { isJsSpace, trimEndWhere } from '../parser/lines';
import { punktLabel } from './caseNumberUtil';
import { defineRule, type Finding, type Fix } from './types';

/** A committee name as compared: lower case, no term ("(2022-2025)", "2022-2025"), no trailing period. */
export function normalizeCommittee(name: string): string {
  let s = name.toLowerCase().replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
  s = s.replace(/^(?:i|på|fra)\s+/, '');
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = trimEndWhere(s, (c) => c === 46 || c === 58 || c === 44 || c === 59 || isJsSpace(c)).replace(/\s*\(\s*\d{4}\s*[-–]\s*\d{4}\s*\)$/, '').replace(/\s+\d{4}\s*[-–]\s*\d{4}$/, '');
  }
  return s;
}

/** The date as written, without a leading weekday ("Tirsdag d. 14. maj 2024" -> "14. maj 2024"). */
function bareDate(d: DateMention): string {
  return d.weekday === null ? d.text : d.text.slice(d.weekday.length).replace(/^\s+(?:d\.|den)?\s*/u, '');
}

/** `word` written with the capitalisation of `like`. */
function sameCase(word: string, like: string): string {
  if (like.length > 1 && like === like.toUpperCase()) return word.toUpperCase();
  const first = like.charAt(0);
  if (first !== first.toLowerCase()) return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/** `iso` written in the style of `like` ("12-08-2024", "2024-08-12", "12. august 2024", "1.8.2024"). */
export function writeLike(iso: string, like: string): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  if (/^\d{4}-\d{2}-\d{2}$/.test(like)) return iso;
  const num = /^(\d{1,2})([-./])(\d{1,2})[-./]\d{4}$/.exec(like);
  if (num !== null) {
    const pad = (v: string, as: string): string => (as.length === 2 ? v : String(Number(v)));
    const sep = num[2] as string;
    return `${pad(d, num[1] as string)}${sep}${pad(m, num[3] as string)}${sep}${y}`;
  }
  const month = MONTHS[Number(m) - 1] as string;
  const written = /\p{L}+/u.exec(like);
  return `${Number(d)}. ${written !== null ? sameCase(month, written[0]) : month} ${y}`;
}

/** The whole mention rewritten to `iso`, its weekday (if any) corrected too. */
function rewrite(d: DateMention, iso: string): string {
  const bare = bareDate(d);
  const head = d.text.slice(0, d.text.length - bare.length);
  const weekday = d.weekday !== null ? sameCase(weekdayOf(iso), d.weekday) + head.slice(d.weekday.length) : head;
  return weekday + writeLike(iso, bare);
}

export default defineRule({
  id: 'meeting-date',
  description: {
    da: 'Mødets datoer er uenige (titlen, Mødedato og Beslutning-afsnittenes datoer), en ugedag passer ikke til sin dato, eller en dato findes ikke i kalenderen.',
    en: 'The meeting dates disagree (the title, the Mødedato and the Beslutning dates), a weekday does not fit its date, or a date does not exist in the calendar.',
  },
  defaultSeverity: 'error',
  tags: ['dato'],
  fixable: true,
  messages: {
    da: {
      impossible: 'Datoen {date} findes ikke i kalenderen.',
      weekday: 'Ugedagen passer ikke: {date} er en {actual}, ikke en {written}.',
      titleDiffers: 'Datoen i titlen ({date}) stemmer ikke med Mødedato ({ref}).',
      beslutningDiffers: 'Beslutningen i {punkt} er dateret {date}, men Mødedato er {ref}.',
      beslutningDiffersTitle: 'Beslutningen i {punkt} er dateret {date}, men mødet er ifølge titlen den {ref}.',
      fixWeekday: 'Ret ugedagen til {weekday}',
      fixDate: 'Ret datoen til {date}',
    },
    en: {
      impossible: 'The date {date} does not exist in the calendar.',
      weekday: 'The weekday does not fit: {date} falls on {actual}, not {written}.',
      titleDiffers: 'The date in the title ({date}) does not match the Mødedato ({ref}).',
      beslutningDiffers: 'The Beslutning in {punkt} is dated {date}, but the Mødedato is {ref}.',
      beslutningDiffersTitle: 'The Beslutning in {punkt} is dated {date}, but the title dates the meeting {ref}.',
      fixWeekday: 'Change the weekday to {weekday}',
      fixDate: 'Change the date to {date}',
    },
  },
  check({ model }) {
    const out: Finding[] = [];
    const dates = model.header.dates;
    const fromMødedato = dates.find((d) => d.source === 'mødedato' && d.iso !== null);
    const titleDate = dates.find((d) => d.source === 'title' && d.iso !== null);
    const ref = fromMødedato ?? titleDate;
    const docCommittee = model.header.committee !== null ? normalizeCommittee(model.header.committee.text) : null;
    // The same few committees head every Beslutning: normalize each name once.
    const normalized = new Map<string, string>();
    const committeeKey = (name: string): string => {
      let key = normalized.get(name);
      if (key === undefined) {
        key = normalizeCommittee(name);
        normalized.set(name, key);
      }
      return key;
    };

    // A date that is not in the calendar, or a weekday that does not fit.
    const checkDate = (d: DateMention): void => {
      if (d.iso === null) {
        out.push({ messageId: 'impossible', args: { date: bareDate(d) }, range: d.range, data: { source: d.source } });
        return;
      }
      if (d.weekday === null) return;
      const actual = weekdayOf(d.iso);
      if (d.weekday.toLowerCase() === actual) return;
      const replacement = sameCase(actual, d.weekday);
      const start = d.range.start;
      out.push({
        messageId: 'weekday',
        args: { date: bareDate(d), actual, written: d.weekday.toLowerCase() },
        range: d.range,
        data: { source: d.source, iso: d.iso, weekday: actual },
        fix: {
          messageId: 'fixWeekday',
          args: { weekday: replacement },
          edits: [{ range: { start, end: { line: start.line, character: start.character + d.weekday.length } }, newText: replacement }],
          safe: false,
        },
      });
    };

    // Unsafe: which of the two dates is wrong is for the reader to judge.
    const dateFix = (d: DateMention, iso: string): Fix => {
      const newText = rewrite(d, iso);
      return { messageId: 'fixDate', args: { date: newText }, edits: [{ range: d.range, newText }], safe: false };
    };

    for (const d of dates) checkDate(d);
    if (fromMødedato !== undefined && titleDate !== undefined && titleDate.iso !== fromMødedato.iso) {
      out.push({
        messageId: 'titleDiffers',
        args: { date: bareDate(titleDate), ref: bareDate(fromMødedato) },
        range: titleDate.range,
        data: { date: titleDate.iso, ref: fromMødedato.iso },
        fix: dateFix(titleDate, fromMødedato.iso as string),
      });
    }

    // Beslutning sections, nested ones included. A Beslutning by another body
    // (a case passing through several committees) may carry another date.
    const walk = (p: Punkt, sections: readonly Section[]): void => {
      for (const s of sections) {
        if (s.kind === 'beslutning' && s.date !== null) {
          const d = s.date;
          checkDate(d);
          const sameBody = s.committee === null || (docCommittee !== null && committeeKey(s.committee) === docCommittee);
          if (d.iso !== null && ref !== undefined && d.iso !== ref.iso && sameBody) {
            out.push({
              messageId: ref === fromMødedato ? 'beslutningDiffers' : 'beslutningDiffersTitle',
              args: { punkt: punktLabel(p), date: bareDate(d), ref: bareDate(ref) },
              range: d.range,
              data: { punkt: p.number, date: d.iso, ref: ref.iso },
              fix: dateFix(d, ref.iso as string),
            });
          }
        }
        if (s.children.length > 0) walk(p, s.children);
      }
    };
    for (const p of model.punkter) walk(p, p.sections);
    return out;
  },
});
