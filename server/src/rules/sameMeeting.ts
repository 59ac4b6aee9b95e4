// Which documents are of the same meeting: the same committee and the same meeting
// date. The language server pairs a referat with the dagsordener in its workspace index,
// the CLI with the files of one run; both ask this module, so that they agree. Pure.
import type { DocumentKind, ReferatModel } from '../model';

/** What pairing needs of a document: a model's header or a workspace summary gives it. */
export interface MeetingFacts {
  readonly kind: DocumentKind;
  readonly committee: string | null;
  /** ISO date. */
  readonly meetingDate: string | null;
}

/** The definite endings of the nouns committees are named by: "Beskæftigelsesudvalget" is "Beskæftigelsesudvalg". */
const DEFINITE: readonly [RegExp, string][] = [
  [/(udvalg|råd|nævn)et$/u, '$1'],
  [/(bestyrelse)n$/u, '$1'],
  [/(magistrat|repræsentation)en$/u, '$1'],
];

/**
 * A committee's name as compared: case, spacing and dashes do not count, nor a period
 * suffix ("Kommunalbestyrelsen 2018-21", "Beskæftigelsesudvalget (2022-2025)"), nor the
 * definite ending. A town's name in front ("Aarhus Byråd") does count: two municipalities'
 * byråd can meet the same day.
 */
export function committeeKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear();
    key = computeKey(name);
    keys.set(name, key);
  }
  return key;
}

// The server compares one referat with every file in the workspace index, on every edit:
// the few committee names there are computed once.
const keys = new Map<string, string>();
const MAX_KEYS = 1000;

function computeKey(name: string): string {
  const words = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*\(?\b\d{4}\s*-\s*\d{2,4}\)?\s*$/u, '')
    .replace(/[\s.:,;]+$/u, '')
    .split(/\s+/u)
    .filter((w) => w !== '');
  return words.map((w) => DEFINITE.reduce((x, [re, to]) => x.replace(re, to), w)).join(' ');
}

/** A model's meeting facts. */
export function meetingFacts(model: ReferatModel): MeetingFacts {
  return { kind: model.kind, committee: model.header.committee?.text ?? null, meetingDate: model.header.meetingDate };
}

const MINUTES: ReadonlySet<DocumentKind> = new Set(['referat', 'beslutningsprotokol']);

/** Both name a committee and a date, and they are the same. */
export function sameMeeting(a: MeetingFacts, b: MeetingFacts): boolean {
  if (a.committee === null || b.committee === null || a.meetingDate === null || b.meetingDate === null) return false;
  return a.meetingDate === b.meetingDate && committeeKey(a.committee) === committeeKey(b.committee);
}

/**
 * The dagsordener among the candidates that are of the document's meeting, when the
 * document is minutes (a referat or beslutningsprotokol); none otherwise. Only minutes are
 * compared, so that a difference is reported once, in the referat. The caller leaves the
 * document itself out.
 */
export function agendasFor<T extends MeetingFacts>(doc: MeetingFacts, candidates: Iterable<T>): T[] {
  if (!MINUTES.has(doc.kind) || doc.committee === null || doc.meetingDate === null) return [];
  const out: T[] = [];
  for (const c of candidates) if (c.kind === 'dagsorden' && sameMeeting(doc, c)) out.push(c);
  return out;
}
