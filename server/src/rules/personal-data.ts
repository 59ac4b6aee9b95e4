// Personal data in a document that is to be published (styrelsesloven §§ 8, 10 and 20,
// databeskyttelsesforordningen):
//   - a CPR number, ddmmyy-xxxx or ten digits, whose date exists (error, with a fix that
//     masks it as XXXXXX-XXXX);
//   - a CPR number masked only in part ("010190-xxxx": the birth date shows), a number
//     labelled CPR whose date does not exist, and a labelled birth date (warnings);
//   - a closed punkt (§ 10) that carries more than its heading, case number and a short
//     decision (error).
// Messages never repeat the number, so that a CI log or a SARIF upload does not copy it.
// Lines are scanned once each, and only those the pre-filter lets through.
import type { Punkt, Range, ReferatModel, Section } from '../model';
import { linesMatching } from '../parser/lines';
import { defineRule, type Finding } from './types';
import { isDigit, isLetter, range } from './textUtil';

/** Six digits and what may follow them in a CPR number, or a label: one search over the whole text. */
const HINT = /\d{6}[-\u2010\u2011]?[\dXx*•….]|cpr|person(?:nummer|nr)|fødselsdato|født/i;

const HYPHENS = new Set([45, 0x2010, 0x2011]);
/** Characters that join a number to the text next to it ("1234-0101901234", "0101901234.pdf", "1.0101901234"). */
const CONNECTORS = new Set([45, 0x2010, 0x2011, 47, 46, 44]);
const MASKS = new Set([88, 120, 42, 0x2022]); // X x * •

/** A CPR label and the separators after it: "CPR-nr.: ", "cpr.nr. ", "Personnummer ". */
const CPR_LABEL = /(?<![\p{L}\p{N}])(?:cpr|person(?:nummer|nr))(?:[-.\s]?(?:nr|nummer))?\.?[ \t:.]{0,4}/giu;
/** "Fødselsdato: 01.02.1990", "født den 1-2-1990": a birth date written in figures. */
const BIRTH_DATE = /(?<![\p{L}\p{N}])(?:fødselsdato|født)(?![\p{L}\p{N}])[ \t:.]{0,4}(?:den[ \t]+|d\.[ \t]*)?(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?![\p{L}\p{N}]|[./-]\d)/giu;
/**
 * A label of another number just before the digits: a phone, CVR, EAN or P-number, an account,
 * a case or document number. Tried on at most the 30 characters before a number.
 */
const OTHER_LABEL =
  /(?:tlf|telefon|mobil|mob|fax|p-?nr|p-nummer|ean|gln|cvr|se-?nr|konto|kontonr|kontonummer|reg\.?\s?nr|faktura(?:nr|nummer)?|ordre(?:nr)?|dok(?:ument)?\.?\s?nr|sags?(?:nr|nummer|id)|j\.?\s?nr|journal(?:nr|nummer)?|matr\.?\s?nr|id)\.?(?:-?\s?(?:nr|nummer)\.?)?\s?[:.]?\s*$/iu;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The year of birth from the two-digit year and the serial's first digit (the CPR rules of
 * 1968, with the later centuries): 0–3 is 1900–99; 4 and 9 are 2000–36 and 1937–99; 5–8 are
 * 2000–57 and 1858–99.
 */
function birthYear(yy: number, d7: number): number {
  if (d7 <= 3) return 1900 + yy;
  if (d7 === 4 || d7 === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/** Whether ddmmyy is a date; with the serial's first digit the century is known, without it 29-02 counts when yy is divisible by 4. */
function validDate(line: string, at: number, d7: number | null): boolean {
  const n = (k: number): number => (line.charCodeAt(at + k) - 48) * 10 + (line.charCodeAt(at + k + 1) - 48);
  const dd = n(0);
  const mm = n(2);
  const yy = n(4);
  if (mm < 1 || mm > 12 || dd < 1 || dd > (DAYS_IN_MONTH[mm - 1] as number)) return false;
  if (mm !== 2 || dd !== 29) return true;
  const year = d7 === null ? yy : birthYear(yy, d7);
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0 || d7 === null);
}

const isWordChar = (c: number): boolean => isDigit(c) || isLetter(c) || c === 95;

/** No letter or digit next to the token, nor a connector that joins it to one. */
function standsAlone(line: string, start: number, end: number): boolean {
  if (start > 0) {
    const b = line.charCodeAt(start - 1);
    if (isWordChar(b)) return false;
    if (CONNECTORS.has(b) && start > 1 && isWordChar(line.charCodeAt(start - 2))) return false;
  }
  if (end < line.length) {
    const a = line.charCodeAt(end);
    if (isWordChar(a)) return false;
    if (CONNECTORS.has(a) && end + 1 < line.length && isWordChar(line.charCodeAt(end + 1))) return false;
  }
  return true;
}

const countDigits = (line: string, from: number): number => {
  let k = from;
  while (k < line.length && isDigit(line.charCodeAt(k))) k++;
  return k - from;
};

/** The length of a mask after "ddmmyy-": "xxxx", "XXXX", "****", "…", "...". */
function maskLength(line: string, from: number): number {
  if (line.charCodeAt(from) === 0x2026) return 1;
  let k = from;
  while (k < line.length && k - from < 4 && MASKS.has(line.charCodeAt(k))) k++;
  if (k > from) return k - from;
  while (k < line.length && k - from < 3 && line.charCodeAt(k) === 46) k++;
  return k - from >= 2 ? k - from : 0;
}

export type SpotKind = 'cpr' | 'partial' | 'invalid' | 'birthdate';

export interface Spot {
  start: number;
  end: number;
  kind: SpotKind;
}

/** The CPR numbers and other personal identifiers in one line, left to right. */
export function findPersonalData(line: string): Spot[] {
  const labelEnds = new Set<number>();
  CPR_LABEL.lastIndex = 0;
  for (let m = CPR_LABEL.exec(line); m !== null; m = CPR_LABEL.exec(line)) labelEnds.add(m.index + m[0].length);
  const out: Spot[] = [];
  const n = line.length;
  for (let i = 0; i < n; i++) {
    if (!isDigit(line.charCodeAt(i)) || (i > 0 && isDigit(line.charCodeAt(i - 1)))) continue;
    const run = countDigits(line, i);
    const labelled = labelEnds.has(i);
    let spot: Spot | null = null;
    if (run === 10) {
      spot = validDate(line, i, line.charCodeAt(i + 6) - 48) ? { start: i, end: i + 10, kind: 'cpr' } : labelled ? { start: i, end: i + 10, kind: 'invalid' } : null;
    } else if (run === 6) {
      const j = i + 6;
      if (j < n && HYPHENS.has(line.charCodeAt(j))) {
        const serial = countDigits(line, j + 1);
        const mask = serial === 0 ? maskLength(line, j + 1) : 0;
        if (serial === 4) {
          spot = validDate(line, i, line.charCodeAt(j + 1) - 48) ? { start: i, end: j + 5, kind: 'cpr' } : labelled ? { start: i, end: j + 5, kind: 'invalid' } : null;
        } else if (mask > 0) {
          spot = validDate(line, i, null) ? { start: i, end: j + 1 + mask, kind: 'partial' } : labelled ? { start: i, end: j + 1 + mask, kind: 'invalid' } : null;
        } else if (labelled && validDate(line, i, null)) {
          // "CPR-nr.: 010203-": the birth date, the rest left out.
          spot = { start: i, end: j + 1, kind: 'partial' };
        }
      } else if (labelled && validDate(line, i, null)) {
        spot = { start: i, end: j, kind: 'partial' };
      }
    }
    i += run - 1;
    if (spot === null) continue;
    // "Sagsnr. 2203150012", "Tlf. 0101901234": another number's label says what it is.
    if (!labelled && OTHER_LABEL.test(line.slice(Math.max(0, spot.start - 30), spot.start))) continue;
    // A run that ends at a hyphen is joined to nothing after it ("CPR-nr.: 010203-").
    const alone = line.charCodeAt(spot.end - 1) === 45 ? standsAlone(line, spot.start, spot.end - 1) : standsAlone(line, spot.start, spot.end);
    if (alone) out.push(spot);
  }
  if (!/fød/iu.test(line)) return out;
  // Both lists run left to right, so one pointer finds the CPR spot a date could overlap.
  const dates: Spot[] = [];
  let k = 0;
  BIRTH_DATE.lastIndex = 0;
  for (let m = BIRTH_DATE.exec(line); m !== null; m = BIRTH_DATE.exec(line)) {
    const dd = Number(m[1]);
    const mm = Number(m[2]);
    if (mm < 1 || mm > 12 || dd < 1 || dd > (DAYS_IN_MONTH[mm - 1] as number)) continue;
    const end = m.index + m[0].length;
    const start = end - (m[1] as string).length - (m[2] as string).length - (m[3] as string).length - 2;
    while (k < out.length && (out[k] as Spot).end <= start) k++;
    if (k < out.length && (out[k] as Spot).start < end) continue;
    dates.push({ start, end, kind: 'birthdate' });
  }
  return dates.length === 0 ? out : [...out, ...dates].sort((a, b) => a.start - b.start);
}

// ---- closed punkter

/** At most this much of a decision in a closed punkt: the decision and a vote, not the case. */
export const MAX_CLOSED_DECISION_LINES = 6;
export const MAX_CLOSED_DECISION_CHARS = 600;

/** Text that says there is nothing, or that the item is closed: not content. */
const FILLER =
  /^(?:[-–—]+|intet|ingen|ingen bemærkninger|ingen bilag|lukket(?: punkt| sag)?|(?:punktet|sagen) (?:er|var|blev) lukket|(?:punktet|sagen) (?:behandles|blev behandlet) for lukkede døre|ikke offentlig(?:t)?)\s*[.!]?$/i;

/** The parser's closed punkter ("Lukket: …", "Lukket punkt …", "… (Lukket)"), and "Lukket sag …". */
export function isClosed(p: Punkt): boolean {
  return p.closed || /^Lukket sag\b/i.test(p.title);
}

/** Sections whose text is not the case: attendance, who decides, the punkt's metadata. */
const ALLOWED = new Set<Section['kind']>(['fremmøde', 'kompetence', 'punktoplysninger']);

interface Heading {
  line: number;
  section: Section;
  decision: boolean;
}

function headingsOf(sections: readonly Section[], inDecision: boolean, out: Heading[]): Heading[] {
  for (const s of sections) {
    const decision = inDecision || s.kind === 'beslutning';
    out.push({ line: s.headingRange.start.line, section: s, decision });
    headingsOf(s.children, decision, out);
  }
  return out;
}

function linesOf(r: Range, into: Set<number>): void {
  for (let l = r.start.line; l <= r.end.line; l++) into.add(l);
}

function shortTitle(p: Punkt): string {
  return p.title.length <= 60 ? p.title : `${p.title.slice(0, 59)}…`;
}

/** What a closed punkt carries beyond its heading, case number and a short decision, or null. */
function closedFinding(p: Punkt, lines: readonly string[], debris: ReadonlySet<number>): Finding | null {
  const skip = new Set<number>();
  for (const c of p.caseNumbers) linesOf(c.range, skip);
  for (const f of p.fields) {
    linesOf(f.range, skip);
    linesOf(f.valueRange, skip);
  }
  for (const a of p.attendance) linesOf(a.range, skip);
  const heads = headingsOf(p.sections, false, []).sort((a, b) => a.line - b.line);
  const title = shortTitle(p);
  let h = -1;
  let decisionLines = 0;
  let decisionChars = 0;
  let firstDecision: Heading | null = null;
  for (let i = p.headingRange.start.line + 1; i <= p.range.end.line && i < lines.length; i++) {
    let text = (lines[i] as string).trim();
    if (text === '') continue;
    while (h + 1 < heads.length && (heads[h + 1] as Heading).line <= i) h++;
    const current = h >= 0 ? (heads[h] as Heading) : null;
    if (current !== null && current.line === i && !current.section.implicit) {
      // A heading is no content; the text that shares its line ("Beslutning Godkendt.") is.
      if (current.section.inline !== true) continue;
      const r = current.section.headingRange;
      text = (lines[i] as string).slice(r.end.character).trim();
      if (text === '') continue;
    }
    if (skip.has(i) || debris.has(i) || FILLER.test(text)) continue;
    if (current === null || current.section.implicit) {
      if (current === null && text === p.title) continue; // the title repeated under the heading
      return { messageId: 'closedText', args: { title }, range: range(i, (lines[i] as string).indexOf(text), (lines[i] as string).indexOf(text) + text.length), data: { punkt: p.number } };
    }
    if (current.decision) {
      firstDecision ??= current;
      decisionLines++;
      decisionChars += text.length;
      continue;
    }
    if (ALLOWED.has(current.section.kind)) continue;
    return {
      messageId: 'closedSection',
      args: { title, section: current.section.heading.replace(/\s*:$/, '') },
      range: current.section.headingRange,
      data: { punkt: p.number, section: current.section.kind },
    };
  }
  if (firstDecision !== null && (decisionLines > MAX_CLOSED_DECISION_LINES || decisionChars > MAX_CLOSED_DECISION_CHARS)) {
    return {
      messageId: 'closedDecision',
      args: { title, lines: decisionLines, chars: decisionChars },
      range: firstDecision.section.headingRange,
      data: { punkt: p.number, lines: decisionLines, chars: decisionChars },
    };
  }
  return null;
}

function caseNumberSpans(model: ReferatModel): Map<number, Range[]> {
  const spans = new Map<number, Range[]>();
  const add = (r: Range): void => {
    const list = spans.get(r.start.line);
    if (list === undefined) spans.set(r.start.line, [r]);
    else list.push(r);
  };
  for (const p of model.punkter) for (const c of p.caseNumbers) add(c.range);
  for (const b of model.blocks) for (const c of b.caseNumbers) add(c.range);
  return spans;
}

const MASKED = 'XXXXXX-XXXX';

export default defineRule({
  id: 'personal-data',
  description: {
    da: 'Personoplysninger i et dokument, der skal offentliggøres: et CPR-nummer, et delvist maskeret CPR-nummer eller en fødselsdato, og et lukket punkt med mere end overskrift, sagsnummer og en kort beslutning.',
    en: 'Personal data in a document that is to be published: a CPR number, a partly masked CPR number or a birth date, and a closed punkt with more than its heading, case number and a short decision.',
  },
  defaultSeverity: 'error',
  tags: ['offentliggørelse'],
  fixable: true,
  messages: {
    da: {
      cpr: 'Et CPR-nummer må ikke stå i et dokument, der offentliggøres.',
      partial: 'Et delvist maskeret CPR-nummer viser stadig fødselsdatoen; maskér hele nummeret.',
      invalid: 'Nummeret står som et CPR-nummer (dets dato findes ikke); et CPR-nummer må ikke stå i et dokument, der offentliggøres.',
      birthdate: 'En fødselsdato er en personoplysning, som ikke bør stå i et dokument, der offentliggøres.',
      closedText: 'Det lukkede punkt "{title}" har tekst ud over overskrift, sagsnummer og beslutning; et lukket punkt offentliggøres kun med sin beslutning.',
      closedSection: 'Det lukkede punkt "{title}" har tekst i afsnittet {section}; et lukket punkt offentliggøres kun med sin beslutning.',
      closedDecision: 'Beslutningen i det lukkede punkt "{title}" er lang ({lines} linjer, {chars} tegn); et lukket punkt offentliggøres kun med en kort beslutning.',
      fix: 'Maskér CPR-nummeret (XXXXXX-XXXX)',
    },
    en: {
      cpr: 'A CPR number must not appear in a document that is published.',
      partial: 'A partly masked CPR number still shows the date of birth; mask the whole number.',
      invalid: 'The number is labelled as a CPR number (its date does not exist); a CPR number must not appear in a document that is published.',
      birthdate: 'A date of birth is personal data that should not appear in a document that is published.',
      closedText: 'The closed punkt "{title}" has text beyond its heading, case number and decision; a closed punkt is published with its decision only.',
      closedSection: 'The closed punkt "{title}" has text in the section {section}; a closed punkt is published with its decision only.',
      closedDecision: 'The decision in the closed punkt "{title}" is long ({lines} lines, {chars} characters); a closed punkt is published with a short decision only.',
      fix: 'Mask the CPR number (XXXXXX-XXXX)',
    },
  },
  check({ model, lines }) {
    const out: Finding[] = [];
    const candidates = linesMatching(lines, HINT);
    const caseNumbers = candidates.length > 0 ? caseNumberSpans(model) : new Map<number, Range[]>();
    for (const ln of candidates) {
      const line = lines[ln] as string;
      const taken = caseNumbers.get(ln) ?? [];
      for (const s of findPersonalData(line)) {
        // A case number the parser read ("Sagsnr. 2203150012") is not a person's number.
        if (taken.some((r) => r.start.character < s.end && s.start < r.end.character)) continue;
        const finding: Finding = { messageId: s.kind, range: range(ln, s.start, s.end), data: { kind: s.kind } };
        // A whole CPR number is the rule's error; what only points to a person is a warning.
        if (s.kind !== 'cpr') finding.severity = 'warning';
        if (s.kind !== 'birthdate') finding.fix = { messageId: 'fix', edits: [{ range: finding.range, newText: MASKED }], safe: false };
        out.push(finding);
      }
    }
    const debris = new Set(model.debris.map((d) => d.range.start.line));
    for (const p of model.punkter) {
      if (!isClosed(p)) continue;
      const f = closedFinding(p, lines, debris);
      if (f !== null) out.push(f);
    }
    return out;
  },
});
