// Case-number (sagsnummer) shapes. The parser uses the loose test to pick up a
// number standing on its own line (malformed ones included, so that rules can
// report them); rules use the named shapes to judge them.

export type CaseNumberShape =
  | 'kle'
  | 'kle-uden-facet'
  | 'kle-uden-bindestreg'
  | 'acadre'
  | 'aar-loebenummer'
  | 'loebenummer-aar'
  | 'kommunekode'
  | 'getorganized'
  | 'heltal';

export interface ShapeInfo {
  id: CaseNumberShape;
  re: RegExp;
  /** Danish description, used in messages and hover. */
  da: string;
  en: string;
  example: string;
}

export const CASE_NUMBER_SHAPES: readonly ShapeInfo[] = [
  {
    id: 'kle',
    re: /^(\d{2})\.(\d{2})\.(\d{2})-([A-ZÆØÅ])(\d{2})-(\d{1,7})-(\d{2})$/u,
    da: 'KLE-journalnummer',
    en: 'KLE journal number',
    example: '00.13.06-P22-2-23',
  },
  {
    id: 'kle-uden-facet',
    re: /^(\d{2})\.(\d{2})\.(\d{2})-(\d{1,7})-(\d{2})$/,
    da: 'KLE-journalnummer uden handlingsfacet',
    en: 'KLE journal number without facet',
    example: '00.22.00-3584-18',
  },
  {
    id: 'kle-uden-bindestreg',
    re: /^(\d{2})\.(\d{2})\.(\d{2})([A-ZÆØÅ])(\d{2})-(\d{1,7})$/u,
    da: 'KLE-journalnummer uden bindestreg før facetten og uden år',
    en: 'KLE journal number without a hyphen before the facet and without a year',
    example: '00.01.00P35-0041',
  },
  { id: 'acadre', re: /^\d{2}\/\d{1,6}$/, da: 'år/løbenummer (Acadre)', en: 'year/number (Acadre)', example: '24/19987' },
  {
    id: 'aar-loebenummer',
    re: /^\d{2}-\d{6}$/,
    da: 'år-løbenummer med seks cifre',
    en: 'year-number with six digits',
    example: '17-004875',
  },
  {
    id: 'loebenummer-aar',
    re: /^\d{6}-\d{4}$/,
    da: 'løbenummer med seks cifre og firecifret år',
    en: 'six-digit number and four-digit year',
    example: '027413-2013',
  },
  {
    id: 'kommunekode',
    re: /^\d{3}-\d{4}-\d{1,9}$/,
    da: 'kommunekode-år-løbenummer',
    en: 'municipality code-year-number',
    example: '330-2020-164',
  },
  {
    id: 'getorganized',
    re: /^[A-ZÆØÅ]{2,6}-\d{4}-\d{6}$/u,
    da: 'præfiks-år-løbenummer (GetOrganized)',
    en: 'prefix-year-number (GetOrganized)',
    example: 'GEO-2022-000114',
  },
  { id: 'heltal', re: /^\d{4,9}$/, da: 'heltal', en: 'integer', example: '299835' },
];

/** The shape a case number has, or null when it matches none. */
export function caseNumberShape(value: string): CaseNumberShape | null {
  for (const s of CASE_NUMBER_SHAPES) if (s.re.test(value)) return s.id;
  return null;
}

// Loose: one token of digits, letters and separators with at least one digit
// and one separator. Mojibake such as "Å~" is allowed so rules can report it.
const LOOSE = /^[0-9A-ZÆØÅ][0-9A-Za-zÆØÅæøå.~/\-–]{2,40}$/u;
const DATE_LIKE = /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$|^\d{4}-\d{2}-\d{2}$/;
const PLAIN_NUMBER = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+[.,]\d+$/;

/** Whether a whole (trimmed) line looks like a case number standing alone. */
export function looksLikeCaseNumberLine(text: string): boolean {
  if (text.length < 4 || text.length > 42) return false;
  // Cheap first: a digit first, or a prefix of capitals ("GEO-2022-…"); a word in lower case is prose.
  const c0 = text.charCodeAt(0);
  const c1 = text.charCodeAt(1);
  if (!(c0 >= 48 && c0 <= 57) && c1 >= 97 && c1 <= 122) return false;
  if (!LOOSE.test(text)) return false;
  if (!/\d/.test(text) || !/[./\-–]/.test(text)) return false;
  if (DATE_LIKE.test(text) || PLAIN_NUMBER.test(text)) return false;
  // A case number has at most a few letters (a facet, a prefix). LOOSE admits only
  // these letters: A–Z, a–z, Æ, Ø, Å, æ, ø, å.
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0xc6 || c === 0xd8 || c === 0xc5 || c === 0xe6 || c === 0xf8 || c === 0xe5) letters++;
  }
  return letters <= 6;
}

/** KLE hovedgrupper, from domain.md (about 2020). */
export const KLE_HOVEDGRUPPER: Readonly<Record<string, string>> = {
  '00': 'Kommunens styrelse',
  '01': 'Fysisk planlægning og naturbeskyttelse',
  '02': 'Byggeri',
  '03': 'Boliger',
  '04': 'Parker, fritids-/idrætsanlæg og landskabspleje mv.',
  '05': 'Veje og trafik',
  '06': 'Spildevand og vandløb',
  '07': 'Affald og genanvendelse',
  '08': 'Havne og lufthavne',
  '09': 'Miljøbeskyttelse',
  '13': 'Forsyning',
  '14': 'Beredskab',
  '15': 'Arbejdsmarked og beskæftigelsesindsats',
  '17': 'Folkeskoleundervisning',
  '18': 'Folkeoplysning og ungdomsskoler',
  '19': 'Kulturhistoriske institutioner',
  '20': 'Kulturvirksomhed',
  '21': 'Biblioteker',
  '22': 'Regulering af private erhverv',
  '23': 'Borgerlige forhold',
  '24': 'Erhvervsforhold',
  '25': 'Beskatning',
  '27': 'Social service',
  '28': 'Dagtilbud',
  '29': 'Sundhed',
  '30': 'Andre myndigheders opgaver',
  '32': 'Kontante ydelser',
  '54': 'Uddannelse',
  '81': 'Kommunens personale',
  '82': 'Kommunens ejendomme og lokaler',
  '83': 'Kommunens driftsmidler og inventar',
  '84': 'Offentlige valg',
  '85': 'Kommunens administrative systemer',
  '86': 'Kommunens selvforsyning og fremstillingsvirksomhed',
  '87': 'Kommunens arbejdsmiljø',
  '88': 'Kommunens indkøb og udbud',
};

/** KLE handlingsfacet categories. */
export const KLE_FACETTER: Readonly<Record<string, string>> = {
  A: 'Organisering mv.',
  P: 'Planlægning, regler og principper',
  S: 'Overordnet økonomi',
  Ø: 'Økonomi efter fastlagte rammer',
  G: 'Efter faste regler',
  K: 'Kontrol og klager',
  I: 'Modtaget informativt materiale',
};
