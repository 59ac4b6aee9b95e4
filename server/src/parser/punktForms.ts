// The ways systems write a punkt heading. Each form is one table entry; adding
// a system's style means adding a row, not rewriting the parser.
//
// A "strong" form is unmistakable ("Punkt 46: Title"). A "weak" form ("2: Title",
// "131. Title") also looks like a numbered list item, so the parser accepts it only
// in a document with no strong headings and only with corroboration (a case number
// or Sagsnr. field right below it, or a matching Indholdsfortegnelse entry).

export type PunktPlacement =
  /** Number and title on the heading line. */
  | 'inline'
  /** The line is "Sag nr. 11" and the title is the previous non-blank line. */
  | 'number-below'
  /** The line is "• 1" and the title is the next non-blank line. */
  | 'number-above';

export interface PunktForm {
  id: string;
  re: RegExp;
  strong: boolean;
  placement: PunktPlacement;
}

// Group 1 is the number; group 2 (inline forms) is the title.
export const PUNKT_FORMS: readonly PunktForm[] = [
  { id: 'punkt', re: /^Punkt\s+(\d{1,4})\s*[:.]\s*(\S.*)$/i, strong: true, placement: 'inline' },
  { id: 'pkt', re: /^Pkt\.?\s*(\d{1,4})\.?\s*(?:[:\-–]\s*)?(\p{Lu}.*)$/u, strong: true, placement: 'inline' },
  { id: 'nr', re: /^Nr\.?\s*(\d{1,4})\s*[-–:]\s*(\S.*)$/, strong: true, placement: 'inline' },
  { id: 'sag-nr', re: /^Sag\s+nr\.?\s*(\d{1,4})$/i, strong: true, placement: 'number-below' },
  { id: 'bullet-number', re: /^[•·▪]\s*(\d{1,4})\.?$/, strong: true, placement: 'number-above' },
  { id: 'punkt-no-colon', re: /^Punkt\s+(\d{1,4})\s+(\p{Lu}.*)$/u, strong: false, placement: 'inline' },
  { id: 'number-colon', re: /^(\d{1,4}):\s*(\S.*)$/, strong: false, placement: 'inline' },
  { id: 'number-dot', re: /^(\d{1,4})\.\s*(["„”\p{Lu}].*)$/u, strong: false, placement: 'inline' },
  { id: 'number-glued', re: /^(\d{1,4})(\p{Lu}\p{Ll}.*)$/u, strong: false, placement: 'inline' },
];

export interface PunktMatch {
  form: PunktForm;
  number: number;
  /** Title and its offset within the matched text (inline forms only). */
  title: string | null;
  titleOffset: number;
}

// TOC lines ("Title.....\t3") must never be taken for headings.
const TOC_TAIL = /(?:\.{2,}|\t)\s*\d{1,4}\s*$/;

// The forms a line can match by its first character, in table order: a form whose
// expression starts with a digit needs a digit there, one that starts with a letter or a
// bracket of neither digits nor ranges (bullets) needs anything else; any other form is
// tried for every line.
const startsWithDigit = (f: PunktForm): boolean => /^\^\(?\\d/.test(f.re.source);
const startsWithOther = (f: PunktForm): boolean => /^\^\(?(?:[A-Za-z]|\[[^\\\]0-9-]*\])/.test(f.re.source);
const DIGIT_FORMS = PUNKT_FORMS.filter((f) => !startsWithOther(f));
const OTHER_FORMS = PUNKT_FORMS.filter((f) => !startsWithDigit(f));

/** ASCII case-insensitive prefix test, as the non-Unicode /i flag compares. */
function startsWithIgnoreCase(text: string, word: string): boolean {
  if (text.length < word.length) return false;
  for (let i = 0; i < word.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== word.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Whether a line that starts with no digit or bullet can match a form: the words the
 * forms begin with ("Punkt"/"punkt" any case, "Pkt", "Nr", "Sag" any case). Keep it in
 * step with PUNKT_FORMS.
 */
function startsLikeForm(text: string): boolean {
  return startsWithIgnoreCase(text, 'punkt') || startsWithIgnoreCase(text, 'sag') || text.startsWith('Pkt') || text.startsWith('Nr');
}

export function matchPunktForm(text: string): PunktMatch | null {
  if (text.length > 400) return null;
  const c = text.charCodeAt(0);
  // Every form starts with a digit, P/p, N/n, S/s or a bullet: a cheap pre-filter.
  const digit = c >= 48 && c <= 57;
  if (!digit && c !== 0x2022 && c !== 0xb7 && c !== 0x25aa && !startsLikeForm(text)) return null;
  for (const form of digit ? DIGIT_FORMS : OTHER_FORMS) {
    const m = form.re.exec(text);
    if (!m) continue;
    // Tested only once a form matched: the tail search scans the whole line.
    if (TOC_TAIL.test(text)) return null;
    const number = Number(m[1]);
    if (form.placement !== 'inline') return { form, number, title: null, titleOffset: 0 };
    const rawTitle = m[2] as string;
    const title = rawTitle.replace(/\s+$/, '');
    return { form, number, title, titleOffset: text.length - rawTitle.length };
  }
  return null;
}
