// Text that web and PDF exports leave in minutes and that is not content: page
// controls, navigation, cookie banners, PDF page furniture. One row per phrase with
// where it was seen; the scanner's pre-filter (the first letters and words worth
// comparing) is built from the rows.
import type { Debris } from '../../model';
import { foldLatin1, isJsSpace, startsFolded } from '../lines';

export interface DebrisPhrase {
  /** The whole line as printed (compared in lower case, with runs of spaces and the spaces around "-" evened out, a final ":" ignored). */
  text: string;
  kind: Debris['kind'];
  seen: string;
}

/** Whole lines that are page controls (reported by export-debris) or PDF furniture (skipped quietly). */
export const DEBRIS_PHRASES: readonly DebrisPhrase[] = [
  { text: 'Kopier link til punktet - Print', kind: 'export-control', seen: 'Ringkøbing-Skjern (korpus)' },
  { text: 'Kopier link til punktet', kind: 'export-control', seen: 'Ringkøbing-Skjern' },
  { text: 'Kopier link', kind: 'export-control', seen: 'domain.md' },
  { text: 'Til toppen', kind: 'export-control', seen: 'Køge' },
  { text: 'Tilbage til toppen', kind: 'export-control', seen: 'domain.md' },
  { text: 'Gå til toppen', kind: 'export-control', seen: 'domain.md' },
  { text: 'Til indholdsfortegnelse', kind: 'export-control', seen: 'Bornholm (før hvert punkt)' },
  { text: 'Udskriv', kind: 'export-control', seen: 'domain.md' },
  { text: 'Print', kind: 'export-control', seen: 'domain.md' },
  { text: 'Printvenlig version', kind: 'export-control', seen: 'Albertslund' },
  { text: 'Fold alle ud', kind: 'export-control', seen: 'domain.md' },
  { text: 'Fold alle sammen', kind: 'export-control', seen: 'domain.md' },
  { text: 'Fold alle punkter', kind: 'export-control', seen: 'Frederikssund' },
  { text: 'Fold ud', kind: 'export-control', seen: 'domain.md' },
  { text: 'Fold sammen', kind: 'export-control', seen: 'domain.md' },
  { text: 'Vis alle', kind: 'export-control', seen: 'domain.md' },
  { text: 'Skjul alle', kind: 'export-control', seen: 'domain.md' },
  { text: 'Luk', kind: 'export-control', seen: 'Jammerbugt ("• Luk" efter hvert punkt)' },
  { text: 'Gå til indhold', kind: 'export-control', seen: 'domain.md' },
  { text: 'Spring til indhold', kind: 'export-control', seen: 'domain.md' },
  { text: 'Spring til hovedindhold', kind: 'export-control', seen: 'domain.md' },
  { text: 'Hent som fil:', kind: 'export-control', seen: 'Faxe, Fredericia (OS2web)' },
  { text: 'Hent PDF-version', kind: 'export-control', seen: 'Jammerbugt' },
  { text: 'Få siden oplæst', kind: 'export-control', seen: 'Høje-Taastrup' },
  { text: 'Vis emner under Forside', kind: 'export-control', seen: 'Horsens' },
  { text: 'Forside:', kind: 'export-control', seen: 'Albertslund' },
  { text: 'Genveje', kind: 'export-control', seen: 'Guldborgsund' },
  { text: 'Værktøjer', kind: 'export-control', seen: 'Guldborgsund' },
  { text: 'Vælg', kind: 'export-control', seen: 'Aarhus' },
  { text: 'Agenda', kind: 'export-control', seen: 'Høje-Taastrup' },
  { text: 'Byråd og udvalg', kind: 'export-control', seen: 'Høje-Taastrup (navigation)' },
  { text: 'Dagsordener og referater', kind: 'export-control', seen: 'Albertslund (navigation)' },
  { text: 'Mødefakta', kind: 'export-control', seen: 'Hvidovre' },
  { text: "Tryk 'Ctrl F' for at søge i hele teksten", kind: 'export-control', seen: 'Frederiksberg' },
  { text: 'Størrelse: px', kind: 'export-control', seen: 'Esbjerg (docplayer)' },
  { text: 'Starte visningen fra side:', kind: 'export-control', seen: 'Esbjerg (docplayer)' },
  { text: 'Transkript', kind: 'export-control', seen: 'Esbjerg (docplayer)' },
  { text: 'Transcription', kind: 'export-control', seen: 'Hjørring (doczz)' },
  { text: 'Vi bruger cookies', kind: 'cookie', seen: 'Glostrup' },
  { text: 'Accepter cookies', kind: 'cookie', seen: 'Hvidovre' },
  { text: 'Læs vores cookiepolitik', kind: 'cookie', seen: 'Glostrup' },
  { text: 'background image', kind: 'page', seen: 'Gentofte (pdf2html)' },
  { text: 'Åbent punkt', kind: 'page', seen: 'Bornholm (status over hver punktoverskrift)' },
  { text: 'Lukket punkt', kind: 'page', seen: 'Bornholm' },
];

export interface DebrisPattern {
  re: RegExp;
  /** Lower-case first letters the line can start with, or "" for any: the pre-filter. */
  lead: string;
  /** What the line must end with (the pre-filter of a pattern that may start anyhow). */
  tail?: string;
  /** Words (lower case) the line starts with, one of them: a finer pre-filter than the first letter. */
  starts?: readonly string[];
  kind: Debris['kind'];
  example: string;
  seen: string;
}

/** Lines of a recognisable shape; each is tried only on lines that start with one of its lead letters. */
export const DEBRIS_PATTERNS: readonly DebrisPattern[] = [
  { re: /^Side\s+\d{1,4}(?:\s+af\s+\d{1,4}|\.)?$/i, lead: 's', starts: ['side '], kind: 'page', example: 'Side 3 af 27', seen: 'Gentofte, Hjørring ("Side 2.")' },
  { re: /^Download\s+["“”„].*["“”„]$/i, lead: 'd', starts: ['download'], kind: 'export-control', example: 'Download "Referat. fra Økonomiudvalget"', seen: 'Esbjerg (docplayer)' },
  { re: /^Dagsordener og referater\b.{0,80}$/i, lead: 'd', starts: ['dagsordener og referater'], kind: 'export-control', example: 'Dagsordener og referater udvalg samt råd, nævn og samråd', seen: 'Jammerbugt (navigation)' },
  { re: /^[\p{Lu}][\p{L} .-]{1,40} Kommunes logo$/u, lead: '', tail: ' logo', kind: 'export-control', example: 'Frederikssund Kommunes logo', seen: 'Frederikssund' },
  {
    re: /^(?:vi bruger cookies|denne (?:hjemme)?side bruger cookies|accepter(?: alle)? cookies|afvis(?: alle)? cookies|tillad alle cookies|tilpas cookies|cookie-?indstillinger|cookiepolitik|brug af cookies|(?:se|læs) vores cookiepolitik)\b/i,
    lead: 'vdataclbs',
    starts: ['vi bruger', 'denne', 'accepter', 'afvis', 'tillad', 'tilpas', 'cookie', 'brug af', 'se vores', 'læs vores'],
    kind: 'cookie',
    example: 'Afvis alle cookies',
    seen: 'domain.md',
  },
];

/** A cookie banner written as one sentence: mentions cookies and asks for consent. Found by a search of the whole text for "cookie". */
export const COOKIE_SENTENCE = /cookie/i;
export const COOKIE_CONSENT = /nej tak til cookies|accept(?:er|ér)|samtykke|cookiepolitik/i;

/** Control text glued to the front of a line ("UdskrivSagsid.: 13/20846"): removed before the line is read. */
export const GLUED_PREFIXES: readonly { text: string; seen: string }[] = [{ text: 'Udskriv', seen: 'Aabenraa ("UdskrivSagsid.:")' }];

/** Control text glued to the end of a heading ("…dagsordenKlik her for at folde ud og læse mere om …"). */
export const GLUED_SUFFIXES: readonly { text: string; seen: string }[] = [
  { text: 'Klik her for at folde ud og læse mere om', seen: 'Hedensted (efter hver titel)' },
  { text: 'Klik for at folde ud', seen: 'fold-ud-knapper i andre webeksporter' },
  { text: 'Fold ud', seen: 'fold-ud-knapper i andre webeksporter' },
  { text: 'Læs mere', seen: 'fold-ud-knapper i andre webeksporter' },
];

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*-\s*/g, ' - ')
    .replace(/\s*:$/, '')
    .trim();
}

const PHRASES = new Map<string, Debris['kind']>(DEBRIS_PHRASES.map((p) => [normalize(p.text), p.kind]));
const PHRASE_LIST = [...PHRASES.keys()];
/** The most spaces a phrase has, after normalizing, and its greatest length (a line with more spaces may still be one). */
const MAX_SPACES = Math.max(...PHRASE_LIST.map((p) => p.split(' ').length - 1));
const MAX_PHRASE = Math.max(...PHRASE_LIST.map((p) => p.length));

/** Per lower-case first character: the first words of the phrases (up to whitespace or "-") and the patterns that start with it. */
interface ByFirst {
  words: string[];
  /** The patterns, each with the start words of its that begin with this letter (none: any start). */
  patterns: { pattern: DebrisPattern; starts: readonly string[] | null }[];
}
const BY_FIRST = new Map<number, ByFirst>();
function entry(c: number): ByFirst {
  let e = BY_FIRST.get(c);
  if (e === undefined) {
    e = { words: [], patterns: [] };
    BY_FIRST.set(c, e);
  }
  return e;
}
for (const p of PHRASE_LIST) {
  const word = (p.split(/[\s-]/)[0] as string).replace(/:$/, '');
  const e = entry(word.charCodeAt(0));
  if (!e.words.includes(word)) e.words.push(word);
}
const ANY_START: DebrisPattern[] = [];
for (const pat of DEBRIS_PATTERNS) {
  if (pat.lead === '') ANY_START.push(pat);
  for (const ch of pat.lead) {
    const starts = pat.starts === undefined ? null : pat.starts.filter((w) => w.charAt(0) === ch);
    entry(ch.charCodeAt(0)).patterns.push({ pattern: pat, starts });
  }
}

/** Classifies a line's text (indentation and a leading bullet removed) as debris, or null. */
export function debrisKind(text: string): Debris['kind'] | null {
  const len = text.length;
  if (len === 0 || len > 200) return null;
  const last = text.charCodeAt(len - 1);
  for (let k = 0; k < ANY_START.length; k++) {
    const p = ANY_START[k] as DebrisPattern;
    if (p.tail !== undefined && last === p.tail.charCodeAt(p.tail.length - 1) && text.endsWith(p.tail) && p.re.test(text)) return p.kind;
  }
  const c = text.charCodeAt(0);
  const f = foldLatin1(c);
  const e = BY_FIRST.get(f >= 0 ? f : c);
  if (e === undefined) return null;
  if (e.words.length > 0 && len <= MAX_PHRASE * 2) {
    // The first word (up to whitespace, "-" or a final ":").
    let end = 0;
    while (end < len) {
      const ch = text.charCodeAt(end);
      if (ch === 45 /* - */ || isJsSpace(ch)) break;
      end++;
    }
    if (end > 1 && text.charCodeAt(end - 1) === 58 /* : */) end--;
    if (wordIn(text, end, e.words) && whitespaceRuns(text, MAX_SPACES + 2) <= MAX_SPACES + 1) {
      const kind = PHRASES.get(normalize(text));
      if (kind !== undefined) return kind;
    }
  }
  for (const { pattern, starts } of e.patterns) {
    if (starts !== null) {
      let any = false;
      for (let k = 0; k < starts.length && !any; k++) any = startsFolded(text, starts[k] as string);
      if (!any) continue;
    }
    if (pattern.re.test(text)) return pattern.kind;
  }
  return null;
}


/** Whether text[0, end) lower-cased is one of `words`; compared without building a string when it is Latin-1. */
function wordIn(text: string, end: number, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w.length !== end) continue;
    let k = 0;
    while (k < end) {
      const f = foldLatin1(text.charCodeAt(k));
      if (f < 0) return words.includes(text.slice(0, end).toLowerCase());
      if (f !== w.charCodeAt(k)) break;
      k++;
    }
    if (k === end) return true;
  }
  return false;
}

/** Runs of whitespace in the text, counted up to `max`. */
function whitespaceRuns(text: string, max: number): number {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const space = isJsSpace(text.charCodeAt(i));
    if (space && !inRun && ++runs >= max) return runs;
    inRun = space;
  }
  return runs;
}

/** The length of a glued control prefix ("Udskriv" before "Sagsid.:"), or 0. */
export function gluedPrefix(text: string): number {
  for (const p of GLUED_PREFIXES) {
    const n = p.text.length;
    if (text.length > n + 1 && text.startsWith(p.text)) {
      const next = text.charAt(n);
      if (next !== next.toLowerCase()) return n;
    }
  }
  return 0;
}

/** Where a glued control suffix starts in a title ("…dagsordenKlik her for at …"), or -1. */
export function gluedSuffix(title: string): number {
  for (const s of GLUED_SUFFIXES) {
    const at = title.indexOf(s.text);
    // Glued: straight after a letter or a digit, with no space ("dagsordenKlik her …").
    if (at > 0 && !/\s/.test(title.charAt(at - 1))) return at;
  }
  return -1;
}
