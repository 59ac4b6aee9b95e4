// The ways systems write a punkt heading: one row per form, each with a line as a
// system writes it. Supporting a new system means adding a row; the scanner's
// pre-filter (which lines are worth trying) is derived from the rows' leads.
//
// A strong form is unmistakable ("Punkt 46: Title") and is taken wherever it stands.
// Every other form also looks like a numbered list item, a table cell or a TOC entry,
// so the settle stage takes it only on evidence: a case number or field next to it,
// section headings after it, numbers running in sequence, agreement with the TOC.
import { startsFolded } from '../lines';
import { FIELD_LABEL_SOURCE } from './fields';

export type PunktPlacement =
  /** Number and title on the heading line. */
  | 'inline'
  /** The line is "Sag nr. 11"; the title is the previous line with text. */
  | 'number-below'
  /** The line holds the number alone ("1.", "• 135."); the title is the next line with text. */
  | 'number-alone'
  /** A PDF page flattened to one line: "3 1. Title Dok.nr.: … Beslutning …"; fields and sections follow on the line. */
  | 'flattened';

/** What a line must start with for the form to be tried: the scanner's pre-filter. */
export type Lead = 'digit' | 'bullet' | 'any' | { words: readonly string[] };

/** What a form matches with: a RegExp, or a configured pattern that runs in linear time. */
export interface LineMatcher {
  exec(text: string): RegExpExecArray | null;
}

export interface PunktForm {
  id: string;
  /**
   * Tested against the line's text (indentation, Markdown marks and trailing spaces
   * removed). Group 1 is the number; group 2 the title (inline and flattened forms).
   */
  re: LineMatcher;
  lead: Lead;
  placement: PunktPlacement;
  strong: boolean;
  /** Candidates of one family (and one indentation) are settled together. */
  family: string;
  /** "1.  1. Title": group 2 repeats the number and group 3 is the title. */
  repeatsNumber?: boolean;
  /** A weak form that a line alone tells from a list (the grammar colours it). */
  distinct?: true;
  /** A heading as printed (for number-alone and number-below forms, with its title line) and what it gives. */
  example: { lines: readonly string[]; number: number; title: string };
  /** Where the form was seen. */
  seen: string;
}

const DIGIT = 'digit' as const;

/** The bullets a "• 135." heading may start with. */
export const BULLETS = '•·▪';

// Group 1 is the number; group 2 (inline forms) is the title. Titles may start with a
// digit or "§" ("2. 17.4 Albertslund Midtby - …", "4. §17.4 …") but not with a lower-case
// letter: "1. at …" is a recommendation.
export const PUNKT_FORMS: readonly PunktForm[] = [
  {
    id: 'punkt',
    re: /^Punkt\s+(?:nr\.?\s*)?(\d{1,4})\s*[:.\-–]\s*(\S.*)$/i,
    lead: { words: ['punkt'] },
    placement: 'inline',
    strong: true,
    family: 'punkt',
    example: { lines: ['Punkt 46: Godkendelse af dagsorden'], number: 46, title: 'Godkendelse af dagsorden' },
    seen: 'Vesthimmerland, Herning, Vejen, Viborg (korpus)',
  },
  {
    id: 'punkt-space',
    re: /^Punkt\s+(\d{1,4})\s+([\p{Lu}\p{N}"„”«(§].*)$/u,
    lead: { words: ['punkt'] },
    placement: 'inline',
    strong: true,
    family: 'punkt',
    example: { lines: ['Punkt 3 Beslutningssag: Årsregnskab 2021 - Fredericia Kommune'], number: 3, title: 'Beslutningssag: Årsregnskab 2021 - Fredericia Kommune' },
    seen: 'Fredericia (OS2web)',
  },
  {
    id: 'punkt-alone',
    re: /^(?:Punkt|Pkt\.?)\s*(?:nr\.?\s*)?(\d{1,4})\.?:?$/i,
    lead: { words: ['punkt', 'pkt'] },
    placement: 'number-alone',
    strong: true,
    family: 'punkt',
    example: { lines: ['Punkt 4', 'Godkendelse af regnskab 2023'], number: 4, title: 'Godkendelse af regnskab 2023' },
    seen: 'skabeloner med nummeret på sin egen linje (som Hjørrings "1." og Jammerbugts "• 35")',
  },
  {
    id: 'sag-inline',
    re: /^Sag(?:\s+nr\.?)?\s*(\d{1,4})\s*[:.\-–]\s*(\p{Lu}.*)$/iu,
    lead: { words: ['sag'] },
    placement: 'inline',
    strong: true,
    family: 'sag-nr',
    example: { lines: ['Sag nr. 11: Kunstgræsbane i Byen'], number: 11, title: 'Kunstgræsbane i Byen' },
    seen: 'domain.md ("Sag nr. 11"), her med titlen på samme linje',
  },
  {
    id: 'ad',
    re: /^Ad\.?\s+(?:(?:pkt|punkt)\.?\s*)?(\d{1,4})\s*[.:)]?\s*(?:[-–:]\s*)?(\p{Lu}.*)$/u,
    lead: { words: ['ad'] },
    placement: 'inline',
    strong: true,
    family: 'ad',
    example: { lines: ['Ad 3) Budgetopfølgning pr. 31. marts'], number: 3, title: 'Budgetopfølgning pr. 31. marts' },
    seen: 'referater skrevet i hånden ("Ad 1. Godkendelse af dagsorden", "Ad pkt. 3")',
  },
  {
    id: 'pkt',
    re: /^Pkt\.?\s*(\d{1,4})\.?\s*(?:[:\-–]\s*)?(\p{Lu}.*)$/u,
    lead: { words: ['pkt'] },
    placement: 'inline',
    strong: true,
    family: 'pkt',
    example: { lines: ['Pkt. 42 Kunstgræsbane'], number: 42, title: 'Kunstgræsbane' },
    seen: 'domain.md',
  },
  {
    id: 'nr',
    re: /^Nr\.?\s*(\d{1,4})\s*(?:[-–:.]\s*|\s+(?=\p{Lu}))(\S.*)$/u,
    lead: { words: ['nr'] },
    placement: 'inline',
    strong: true,
    family: 'nr',
    example: { lines: ['Nr.178 - Lokalplan for Byen'], number: 178, title: 'Lokalplan for Byen' },
    seen: 'domain.md',
  },
  {
    id: 'sag-nr',
    re: /^Sag\s+nr\.?\s*(\d{1,4})$/i,
    lead: { words: ['sag'] },
    placement: 'number-below',
    strong: true,
    family: 'sag-nr',
    example: { lines: ['Kunstgræsbane i Byen', 'Sag nr. 11'], number: 11, title: 'Kunstgræsbane i Byen' },
    seen: 'domain.md',
  },
  {
    id: 'bullet-number',
    re: /^[•·▪]\s*(\d{1,4})\.?$/,
    lead: 'bullet',
    placement: 'number-alone',
    strong: true,
    family: 'bullet-number',
    example: { lines: ['  • 135. ', '    Beslutningssag: Godkendelse af dagsorden'], number: 135, title: 'Beslutningssag: Godkendelse af dagsorden' },
    seen: 'Guldborgsund ("• 135.", titlen to gange), Jammerbugt ("• 35")',
  },
  {
    id: 'bullet-inline',
    re: /^[•·▪]\s*(\d{1,4})[.:)]?\s+([\p{Lu}"„”«§].*)$/u,
    lead: 'bullet',
    placement: 'inline',
    strong: false,
    family: 'bullet-inline',
    example: { lines: ['• 12. Godkendelse af regnskab'], number: 12, title: 'Godkendelse af regnskab' },
    seen: 'punktlister i HTML-eksporter, hvor listemarkøren står foran nummeret',
  },
  {
    id: 'double-number',
    re: /^(\d{1,4})\.\s+(\d{1,4})\.\s+(\S.*)$/,
    lead: DIGIT,
    placement: 'inline',
    strong: true,
    family: 'double-number',
    repeatsNumber: true,
    example: { lines: [' 2.  2. Orientering fra borgmesteren'], number: 2, title: 'Orientering fra borgmesteren' },
    seen: 'Glostrup (listemarkør + nummer i titlen)',
  },
  {
    id: 'number-status',
    re: /^(\d{1,4})\s{2,}(?:Åbent|Lukket)\s{2,}(\S.*)$/,
    lead: DIGIT,
    placement: 'inline',
    strong: true,
    family: 'number-status',
    example: { lines: ['1  Åbent         Kommuneplan 2013 - revision. Endelig vedtagelse '], number: 1, title: 'Kommuneplan 2013 - revision. Endelig vedtagelse' },
    seen: 'Gentofte (PDF via pdf2html)',
  },
  {
    id: 'flattened-page',
    // A page number, the punkt number, and the title up to the first field label.
    re: new RegExp(`^\\d{1,3}\\s+(\\d{1,4})\\.\\s+(\\S.*?)\\s+(?=(?:${FIELD_LABEL_SOURCE})\\s*:)`, 'iu'),
    lead: DIGIT,
    placement: 'flattened',
    // A field label on the same line makes it unmistakable.
    strong: true,
    family: 'flattened-page',
    example: { lines: ['3 1. Godkendelse af dagsorden Dok.nr.: 3871 Sagsid.: 14/73 Initialer: abcde Åben sag Beslutning Økonomiudvalget den Godkendt. Side 2'], number: 1, title: 'Godkendelse af dagsorden' },
    seen: 'Esbjerg (PDF via docplayer: hver side er én linje)',
  },
  {
    id: 'number-two-spaces',
    distinct: true,
    re: /^(\d{1,4})\s{2,}([\p{Lu}\p{N}"„”«§].*)$/u,
    lead: DIGIT,
    placement: 'inline',
    strong: false,
    family: 'number-space',
    example: { lines: [' 2  Kommissorium for en ny klimapolitik  '], number: 2, title: 'Kommissorium for en ny klimapolitik' },
    seen: 'Bornholm (efter "Åbent  punkt")',
  },
  {
    id: 'number-colon',
    re: /^(\d{1,4}):\s*([\p{Lu}\p{N}"„”«§].*)$/u,
    lead: DIGIT,
    placement: 'inline',
    strong: false,
    family: 'number-colon',
    example: { lines: ['2: Projekt PLUS - Slutevaluering til orientering'], number: 2, title: 'Projekt PLUS - Slutevaluering til orientering' },
    seen: 'Ringkøbing-Skjern (korpus)',
  },
  {
    id: 'number-dot',
    // A title may start with a digit after a space ("2. 17.4 Midtby"), never straight after the dot ("1.735").
    re: /^(\d{1,4})\.\s*((?<=\s)[\p{N}§].*|["„”«\p{Lu}].*)$/u,
    lead: DIGIT,
    placement: 'inline',
    strong: false,
    family: 'number-dot',
    example: { lines: ['342. Godkendelse af dagsorden'], number: 342, title: 'Godkendelse af dagsorden' },
    seen: '12 af 25 systemer i kataloget (Faaborg-Midtfyn, Faxe, Hillerød, Holstebro, Horsens, Køge "1.   Titel" …)',
  },
  {
    id: 'number-dash',
    re: /^(\d{1,4})\.?\s*[-–]\s+([\p{Lu}"„”«§].*)$/u,
    lead: DIGIT,
    placement: 'inline',
    strong: false,
    family: 'number-dash',
    example: { lines: ['42 - Godkendelse af dagsorden'], number: 42, title: 'Godkendelse af dagsorden' },
    seen: 'nummer og titel adskilt af tankestreg',
  },
  {
    id: 'number-paren',
    re: /^(\d{1,4})\)\s*([\p{Lu}"„”«§].*)$/u,
    lead: DIGIT,
    placement: 'inline',
    strong: false,
    family: 'number-paren',
    example: { lines: ['3) Budgetopfølgning 2. kvartal'], number: 3, title: 'Budgetopfølgning 2. kvartal' },
    seen: 'nummererede overskrifter med parentes i tekst fra Word-skabeloner',
  },
  {
    id: 'number-alone',
    re: /^(\d{1,4})\.$/,
    lead: DIGIT,
    placement: 'number-alone',
    strong: false,
    family: 'number-alone',
    example: { lines: ['1.', 'Revisionsberetning nr. 21 og resultat af tilsyn med ydelser'], number: 1, title: 'Revisionsberetning nr. 21 og resultat af tilsyn med ydelser' },
    seen: 'Hjørring (PDF via doczz)',
  },
  {
    id: 'number-glued',
    distinct: true,
    re: /^(\d{1,4})(\p{Lu}\p{Ll}.*)$/u,
    lead: DIGIT,
    placement: 'inline',
    strong: false,
    family: 'number-glued',
    example: { lines: ['229Beslutning om videreførelse af borgerpanelet'], number: 229, title: 'Beslutning om videreførelse af borgerpanelet' },
    seen: 'Frederikssund',
  },
  {
    id: 'number-space',
    re: /^(\d{1,4})\s([\p{Lu}"„”«§].*)$/u,
    lead: DIGIT,
    placement: 'inline',
    strong: false,
    family: 'number-space',
    example: { lines: ['7 Godkendelse af regnskab 2017 for havnen'], number: 7, title: 'Godkendelse af regnskab 2017 for havnen' },
    seen: 'indholdsfortegnelser i Acadre-lignende eksporter (Faaborg-Midtfyn, Holstebro, Hjørring); som overskrift kun med belæg',
  },
];

export interface PunktMatch {
  form: PunktForm;
  number: number;
  /** Title and its offset within the matched text (inline and flattened forms). */
  title: string | null;
  titleOffset: number;
  /** Flattened forms: where the rest of the line (fields, sections) starts. */
  restOffset: number;
}

// TOC lines ("Title.....\t3") are never headings.
const TOC_TAIL = /(?:\.{2,}|\t)\s*\d{1,4}\s*$/;

/** The forms a line is tried against, by its first character; derived from the rows' leads. */
export interface FormIndex {
  digit: readonly PunktForm[];
  bullet: readonly PunktForm[];
  /** Per lower-case first letter: the forms whose lead word starts with it. */
  word: ReadonlyMap<number, readonly { word: string; form: PunktForm }[]>;
  any: readonly PunktForm[];
}

export function indexForms(forms: readonly PunktForm[]): FormIndex {
  const digit: PunktForm[] = [];
  const bullet: PunktForm[] = [];
  const any: PunktForm[] = [];
  const word = new Map<number, { word: string; form: PunktForm }[]>();
  for (const form of forms) {
    const lead = form.lead;
    if (lead === 'digit') digit.push(form);
    else if (lead === 'bullet') bullet.push(form);
    else if (lead === 'any') any.push(form);
    else {
      for (const w of lead.words) {
        const lw = w.toLowerCase();
        const key = lw.charCodeAt(0);
        const list = word.get(key) ?? [];
        list.push({ word: lw, form });
        word.set(key, list);
      }
    }
  }
  return { digit, bullet, word, any };
}

export const BUILT_IN_INDEX = indexForms(PUNKT_FORMS);

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}


function tryForm(form: PunktForm, text: string): PunktMatch | null {
  const m = form.re.exec(text);
  if (m === null) return null;
  const number = Number(m.groups?.['n'] ?? m[1]);
  if (!Number.isInteger(number)) return null;
  if (form.repeatsNumber === true) {
    if (Number(m[2]) !== number) return null;
    const rawTitle = m[3] as string;
    return inlineMatch(form, number, rawTitle, text.length - rawTitle.length, text.length);
  }
  if (form.placement === 'number-below' || form.placement === 'number-alone') return { form, number, title: null, titleOffset: 0, restOffset: text.length };
  // A pattern with the d flag (the configuration's) says where its title is.
  const at = m.indices?.groups?.['title'] ?? m.indices?.[2];
  if (at !== undefined) return inlineMatch(form, number, text.slice(at[0], at[1]), at[0], m.index + m[0].length);
  const rawTitle = m[2];
  if (rawTitle === undefined) return null;
  let end = m.index + m[0].length;
  if (form.placement === 'flattened') {
    // The match ends with the spaces before the first field label.
    while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
    return inlineMatch(form, number, rawTitle, end - rawTitle.length, m.index + m[0].length);
  }
  return inlineMatch(form, number, rawTitle, end - rawTitle.length, text.length);
}

function inlineMatch(form: PunktForm, number: number, rawTitle: string, titleOffset: number, restOffset: number): PunktMatch | null {
  let e = rawTitle.length;
  while (e > 0 && isSpaceCode(rawTitle.charCodeAt(e - 1))) e--;
  if (e === 0) return null;
  return { form, number, title: e === rawTitle.length ? rawTitle : rawTitle.slice(0, e), titleOffset, restOffset };
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

/** The first form (table order within the first character's forms) the text matches, or null. */
export function matchPunktForm(text: string, index: FormIndex = BUILT_IN_INDEX): PunktMatch | null {
  const len = text.length;
  if (len === 0) return null;
  const c = text.charCodeAt(0);
  let candidates: readonly PunktForm[] | null = null;
  if (c >= 48 && c <= 57) candidates = index.digit;
  else if (c === 0x2022 || c === 0xb7 || c === 0x25aa) candidates = index.bullet;
  else {
    const lc = c >= 65 && c <= 90 ? c + 32 : c;
    const words = index.word.get(lc);
    if (words !== undefined) {
      // In table order (the words are): the first form whose word starts the line and that matches.
      for (const w of words) {
        // The word alone ("Sag 3", "Pkt.7"), not the start of a longer one ("Sagsfremstilling", "Punktoplysninger").
        if (len > 250 || !startsFolded(text, w.word) || isLetter(text.charCodeAt(w.word.length))) continue;
        const m = tryForm(w.form, text);
        if (m !== null) return TOC_TAIL.test(text) ? null : m;
      }
    }
  }
  if (candidates !== null && candidates.length > 0) {
    for (const form of candidates) {
      // Only the flattened form reads long lines (a whole PDF page); a title is shorter.
      if (len > 250 && form.placement !== 'flattened') continue;
      const m = tryForm(form, text);
      if (m === null) continue;
      // Tested only once a form matched: the tail search scans the whole line.
      if (TOC_TAIL.test(text)) return null;
      return m;
    }
  }
  if (index.any.length > 0 && len <= 250) {
    for (const form of index.any) {
      const m = tryForm(form, text);
      if (m !== null && !TOC_TAIL.test(text)) return m;
    }
  }
  return null;
}
