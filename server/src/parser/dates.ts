// Danish dates as written in minutes: "22-11-2022", "2024-05-14", "03.10.2023",
// "22. november 2022", with an optional weekday before them ("Tirsdag d. 14. maj 2024").

export const MONTHS: readonly string[] = [
  'januar', 'februar', 'marts', 'april', 'maj', 'juni',
  'juli', 'august', 'september', 'oktober', 'november', 'december',
];

export const WEEKDAYS: readonly string[] = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'];

export interface FoundDate {
  iso: string | null;
  weekday: string | null;
  /** Offsets in the searched string, weekday included. */
  start: number;
  end: number;
  text: string;
}

/** English month names, as some exports print them ("Onsdag, April 3, 2019 - 18:00"). */
const EN_MONTHS: readonly string[] = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

const MONTH_NAMES = [...new Set([...MONTHS, ...EN_MONTHS])].join('|');

// The forms seen in real minutes, each anchored on digits so that matching stays linear:
//   2024-05-14 · 22-11-2022 · 03.10.2023 · 04-06-2020 09:00:00
//   22. november 2022 · d. 5. november 2019 · 6 marts, 2019 (no dot, comma after the month)
//   April 3, 2019 (month first, English)
// with a weekday before them ("Tirsdag d. 14. maj 2024", "Onsdag, 6 marts, 2019").
const DATE_RE = new RegExp(
  '(?<![\\p{L}\\d])(?:(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)[\\s,]+(?:d\\.|den)?\\s*)?' +
    '(?:(\\d{4})-(\\d{2})-(\\d{2})' +
    '|(\\d{1,2})[-.\\/](\\d{1,2})[-.\\/](\\d{4})' +
    `|(\\d{1,2})\\.?\\s*(${MONTH_NAMES})\\.?,?\\s+(\\d{4})` +
    `|(${MONTH_NAMES})\\s+(\\d{1,2}),?\\s+(\\d{4}))` +
    '(?![\\p{L}\\d])',
  'giu',
);

function monthNumber(name: string): number {
  const n = name.toLowerCase();
  const da = MONTHS.indexOf(n);
  return da >= 0 ? da + 1 : EN_MONTHS.indexOf(n) + 1;
}

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Danish weekday name (lower case) of an ISO date. */
export function weekdayOf(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()] as string;
}

export function findDates(text: string): FoundDate[] {
  const out: FoundDate[] = [];
  // Every form holds a digit: a text without one holds no date (found without the expression).
  let digit = false;
  for (let i = 0; i < text.length && !digit; i++) {
    const c = text.charCodeAt(i);
    digit = c >= 48 && c <= 57;
  }
  if (!digit) return out;
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m !== null; m = DATE_RE.exec(text)) {
    let y: number;
    let mo: number;
    let d: number;
    if (m[2] !== undefined) {
      y = Number(m[2]);
      mo = Number(m[3]);
      d = Number(m[4]);
    } else if (m[5] !== undefined) {
      d = Number(m[5]);
      mo = Number(m[6]);
      y = Number(m[7]);
    } else if (m[8] !== undefined) {
      d = Number(m[8]);
      mo = monthNumber(m[9] as string);
      y = Number(m[10]);
    } else {
      mo = monthNumber(m[11] as string);
      d = Number(m[12]);
      y = Number(m[13]);
    }
    out.push({
      iso: isoDate(y, mo, d),
      weekday: m[1] ?? null,
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
    });
  }
  return out;
}
