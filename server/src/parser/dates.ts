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

// Each alternative is anchored on digits, so matching stays linear in the line.
const DATE_RE =
  /(?<![\p{L}\d])(?:(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\s+(?:d\.|den)?\s*)?(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})[-.\/](\d{1,2})[-.\/](\d{4})|(\d{1,2})\.\s*(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)\s+(\d{4}))(?![\p{L}\d])/giu;

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
    } else {
      d = Number(m[8]);
      mo = MONTHS.indexOf((m[9] as string).toLowerCase()) + 1;
      y = Number(m[10]);
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
