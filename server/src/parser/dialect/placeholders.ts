// Placeholders and help text that a template leaves in a document when nobody fills
// them in or deletes them: "[Her skrives …]", "HUSK denne hjælpetekst skal slettes",
// "kr. XX", "TODO", "Lorem ipsum", "[Indsæt dato]". One row per form, each with a line
// as a template prints it; the rule template-leftover's pre-filter (one search over the
// whole text) is built from the rows' hints, and a configuration adds rows of its own.
//
// Every expression is linear: literals, bounded gaps ({0,200}) and no quantifier inside
// a repeated group that can match the same text two ways. None crosses a line.
import { escapeRegExp, wordsPattern } from '../lines';

export interface PlaceholderForm {
  id: string;
  /** Lower-case literals, one of which every match contains (a necessary condition): the pre-filter. */
  hints: readonly string[];
  /** Finds the placeholder in a line (global). */
  re: RegExp;
  /**
   * 'help': text addressed to the author that never belongs in the document (the rule
   * offers to remove a line that holds nothing else); 'slot': a place where something is
   * still to be written (no fix: only the author knows what goes there).
   */
  kind: 'help' | 'slot';
  example: string;
  seen: string;
}

/** Not inside a word: no letter or digit on that side (\b does not know æ, ø, å). */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
/** The rest of the sentence: the help text goes on to its full stop. */
const SENTENCE = '[^.!?]{0,200}[.!?]?';

// "XX" as a placeholder: runs of 2–4 X (or x), possibly between numbers, dots and commas as
// in a date or an amount ("XX.XX.2024", "XX,XX"). A run of five or more X ("XXXXXX-XXXX", a
// masked CPR number), a longer word ("XXL", "XXI", "LXX") and X after a hyphen or a dot
// ("010190-xxxx", personal-data's) do not count. Each group ends at a separator, so the
// repetition cannot match the same text two ways.
const XG = '(?:X{2,4}|x{2,4})';
const DG = '\\d{1,4}';
const XX = `(?<![\\p{L}\\p{N}_.,/-])(?:${DG}[.,/-])*${XG}(?:[.,/-](?:${XG}|${DG}))*(?![\\p{L}\\p{N}_]|[.,/-][\\p{L}\\p{N}])`;

export const PLACEHOLDER_FORMS: readonly PlaceholderForm[] = [
  {
    id: 'her-skrives',
    hints: ['[her skrives', '<her skrives', '(her skrives'],
    re: new RegExp(`[[<(]Her skrives${E}[^\\]>)]{0,300}[\\]>)]?`, 'giu'),
    kind: 'help',
    example: '[Her skrives en kort beskrivelse af sagen og dens baggrund]',
    seen: 'issue 14: en regions offentliggjorte dagsorden',
  },
  {
    id: 'husk-slettes',
    hints: ['husk'],
    re: new RegExp(`${B}husk${E}.{0,200}?${B}slet\\p{L}{0,20}${SENTENCE}`, 'giu'),
    kind: 'help',
    example: 'HUSK denne hjælpetekst skal slettes',
    seen: 'issue 14: en regions offentliggjorte dagsorden',
  },
  {
    id: 'hjaelpetekst-slettes',
    hints: ['hjælpetekst'],
    re: new RegExp(`${B}(?:denne |den )?hjælpetekst\\p{L}{0,20}.{0,200}?${B}slet\\p{L}{0,20}${SENTENCE}`, 'giu'),
    kind: 'help',
    example: 'Denne hjælpetekst slettes, før dagsordenen sendes ud.',
    seen: 'skabeloner med hjælpetekst (som issue 14)',
  },
  {
    id: 'lorem-ipsum',
    hints: ['lorem ipsum'],
    re: new RegExp(`${B}lorem ipsum${E}${SENTENCE}`, 'giu'),
    kind: 'help',
    example: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.',
    seen: 'blindtekst i skabeloner',
  },
  {
    id: 'indsaet-klammer',
    hints: ['[indsæt', '<indsæt'],
    re: new RegExp(`[[<]Indsæt${E}[^\\]>]{0,200}[\\]>]?`, 'giu'),
    kind: 'slot',
    example: 'Mødet holdes [Indsæt dato] på rådhuset.',
    seen: 'skabeloner med pladsholdere',
  },
  {
    id: 'indsaet-her',
    hints: ['indsæt'],
    re: new RegExp(`${B}Indsæt${E}.{0,60}?${B}her${E}`, 'giu'),
    kind: 'slot',
    example: 'Indsæt tekst her',
    seen: 'skabeloner med pladsholdere',
  },
  {
    id: 'skriv-klammer',
    hints: ['[skriv'],
    re: new RegExp(`\\[Skriv${E}[^\\]]{0,200}\\]`, 'giu'),
    kind: 'slot',
    example: '[Skriv dokumentets titel]',
    seen: 'Word (dansk): forsider og skabeloner',
  },
  {
    id: 'word-tekst',
    hints: ['her for at skrive tekst'],
    re: /(?:Klik eller tryk|Klik) her for at skrive tekst\.?/giu,
    kind: 'slot',
    example: 'Klik eller tryk her for at skrive tekst.',
    seen: 'Word (dansk): et tomt indholdskontrolelement',
  },
  {
    id: 'word-dato',
    hints: ['for at angive en dato'],
    re: /(?:Klik eller tryk|Klik) (?:her )?for at angive en dato\.?/giu,
    kind: 'slot',
    example: 'Klik eller tryk for at angive en dato.',
    seen: 'Word (dansk): en tom datovælger',
  },
  {
    id: 'xx',
    hints: ['xx'],
    re: new RegExp(XX, 'gu'),
    kind: 'slot',
    example: 'Tilskuddet udgør kr. XX og udbetales den XX.XX.2024.',
    seen: 'issue 14 ("kr. XX", "den XX.XX.2024")',
  },
  {
    id: 'todo',
    hints: ['todo'],
    // Upper case only: a note to the author, not the word in a sentence.
    re: new RegExp(`${B}TODO${E}`, 'gu'),
    kind: 'slot',
    example: 'TODO: tal fra økonomiafdelingen',
    seen: 'issue 14',
  },
];

export const MAX_CUSTOM_PLACEHOLDERS = 50;
export const MAX_PLACEHOLDER_LENGTH = 80;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * A row for a text from the configuration: a literal, compared without regard to case.
 * Literals only, so that a workspace nobody trusts cannot make a pattern that hangs; where
 * the text starts or ends with a letter or digit, it must not be part of a longer word.
 */
export function customPlaceholder(text: string, index: number): PlaceholderForm {
  const t = text.trim();
  const body = escapeRegExp(t);
  const start = WORD_CHAR.test(t.charAt(0)) ? B : '';
  const end = WORD_CHAR.test(t.charAt(t.length - 1)) ? E : '';
  return { id: `config:${index}`, hints: [t.toLowerCase()], re: new RegExp(`${start}${body}${end}`, 'giu'), kind: 'slot', example: t, seen: '.referatrc.json' };
}

/** The forms with their pre-filter: one expression of every hint. */
export interface PlaceholderSet {
  forms: readonly PlaceholderForm[];
  /** A line that can hold a placeholder contains one of these (case-insensitive). */
  hint: RegExp;
}

export function placeholderSet(forms: readonly PlaceholderForm[]): PlaceholderSet {
  return { forms, hint: wordsPattern(forms.flatMap((f) => f.hints)) };
}

export const BUILT_IN_PLACEHOLDERS: PlaceholderSet = placeholderSet(PLACEHOLDER_FORMS);

export interface PlaceholderHit {
  form: PlaceholderForm;
  start: number;
  end: number;
}

/** The placeholders in one line, left to right; where two forms overlap, the earlier (then longer) one. */
export function findPlaceholders(line: string, set: PlaceholderSet): PlaceholderHit[] {
  const lower = line.toLowerCase();
  const hits: PlaceholderHit[] = [];
  for (const form of set.forms) {
    if (!form.hints.some((h) => lower.includes(h))) continue;
    form.re.lastIndex = 0;
    for (let m = form.re.exec(line); m !== null; m = form.re.exec(line)) {
      if (m[0].length === 0) {
        form.re.lastIndex++;
        continue;
      }
      hits.push({ form, start: m.index, end: m.index + m[0].length });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PlaceholderHit[] = [];
  for (const h of hits) if (out.length === 0 || h.start >= (out[out.length - 1] as PlaceholderHit).end) out.push(h);
  return out;
}
