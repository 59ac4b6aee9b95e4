// A referat and the dagsorden of the same meeting disagree: a punkt added, dropped,
// renamed, renumbered or with another sagsnummer. The caller finds the dagsorden
// (RuleContext.related, paired by rules/sameMeeting.ts); without one the rule says
// nothing. Findings sit in the referat only, so that one difference is reported once.
import type { Punkt, Range } from '../model';
import { normalizeCaseNumber } from './caseNumberUtil';
import { DEFAULT_OPTIONS } from './options';
import { defineRule, type Finding, type RelatedDocument, type RelatedPunkt } from './types';

/** A title as compared: case, spacing, dashes, quotes, Markdown emphasis and a class marker "(B)" do not count. */
export function titleKey(title: string): string {
  return title
    .normalize('NFC')
    .replace(/\s*\([A-ZÆØÅ]\)\s*$/u, '')
    .replace(/\*\*|__/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.:;,]+$/u, '')
    .trim();
}

function caseKeys(p: RelatedPunkt): Set<string> {
  const out = new Set<string>();
  for (const c of p.caseNumbers) {
    if (c.document === true) continue;
    const key = normalizeCaseNumber(c.value).toUpperCase();
    if (key !== '') out.add(key);
  }
  return out;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function overlaps(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** A standing item's title this short is the same in every meeting ("Meddelelser og gensidig orientering"). */
const GENERIC_WORDS = 5;

interface Side<P extends RelatedPunkt> {
  punkt: P;
  /** Position in its document order (the agendas one after the other). */
  index: number;
  title: string;
  cases: Set<string>;
  /** The index of the matched punkt on the other side, or -1. */
  match: number;
}

interface AgendaPunkt extends RelatedPunkt {
  readonly file: string;
}

export type Difference<R extends RelatedPunkt = RelatedPunkt> =
  | { kind: 'added'; referat: R }
  | { kind: 'removed'; agenda: AgendaPunkt; /** The referat punkt it would stand before (or after, at the end). */ near: R | null }
  | { kind: 'title'; referat: R; agenda: AgendaPunkt }
  | { kind: 'case'; referat: R; agenda: AgendaPunkt }
  | { kind: 'number'; referat: R; agenda: AgendaPunkt };

function sides<P extends RelatedPunkt>(list: readonly P[]): Side<P>[] {
  return list.map((punkt, index) => ({ punkt, index, title: titleKey(punkt.title), cases: caseKeys(punkt), match: -1 }));
}

/**
 * Pairs the referat's punkter with the agendas' and lists what differs. Punkter are
 * matched by number when the title or a sagsnummer agrees too, then by sagsnummer, then by
 * title, and last by number alone where a sagsnummer cannot tell (a renamed punkt). Returns
 * null when too few punkter agree for the two to be one meeting (two towns' Økonomiudvalg
 * on the same day share little beyond "Godkendelse af dagsorden").
 */
export function compareWithAgendas<R extends RelatedPunkt>(referat: readonly R[], agendas: readonly RelatedDocument[], standingItems: readonly RegExp[] = DEFAULT_OPTIONS.standingItems): Difference<R>[] | null {
  const agendaPunkter: AgendaPunkt[] = agendas.flatMap((a) => a.punkter.map((p) => ({ number: p.number, title: p.title, caseNumbers: p.caseNumbers, file: a.name })));
  if (referat.length === 0 || agendaPunkter.length === 0) return null;
  const rs = sides(referat);
  const as = sides(agendaPunkter);
  const pair = (r: Side<R>, a: Side<AgendaPunkt>): void => {
    r.match = a.index;
    a.match = r.index;
  };
  const open = (list: Side<AgendaPunkt>[], test: (a: Side<AgendaPunkt>) => boolean): Side<AgendaPunkt> | undefined => list.find((a) => a.match === -1 && test(a));

  // 1. The same number, and the same title or a shared sagsnummer.
  for (const r of rs) {
    if (r.punkt.number === null) continue;
    const a = open(as, (x) => x.punkt.number === r.punkt.number && (x.title === r.title || overlaps(x.cases, r.cases)));
    if (a !== undefined) pair(r, a);
  }
  // 2. A shared sagsnummer (renumbered); the same title first, if several share it.
  for (const r of rs) {
    if (r.match !== -1 || r.cases.size === 0) continue;
    const a = open(as, (x) => overlaps(x.cases, r.cases) && x.title === r.title) ?? open(as, (x) => overlaps(x.cases, r.cases));
    if (a !== undefined) pair(r, a);
  }
  // 3. The same title.
  for (const r of rs) {
    if (r.match !== -1 || r.title === '') continue;
    const a = open(as, (x) => x.title === r.title);
    if (a !== undefined) pair(r, a);
  }
  // A shared sagsnummer or a case's title says it is one meeting; a standing item's short
  // title does not (every meeting has "Godkendelse af dagsorden"), but "Orientering om …" with a subject does.
  const generic = (x: Side<RelatedPunkt>): boolean => x.title.split(' ').length <= GENERIC_WORDS && standingItems.some((re) => re.test(x.title));
  const agreeing = rs.filter((r) => {
    const a = as[r.match];
    return a !== undefined && (overlaps(r.cases, a.cases) || (r.title === a.title && !generic(r)));
  }).length;
  const substantive = Math.max(rs.filter((r) => !generic(r)).length, as.filter((a) => !generic(a)).length);
  if (substantive === 0 || agreeing * 2 < substantive) return null;
  // 4. The same number where a sagsnummer cannot tell (one side has none): the punkt was
  // renamed. Two different sagsnumre are two cases: one added, one dropped.
  for (const r of rs) {
    if (r.match !== -1 || r.punkt.number === null) continue;
    const a = open(as, (x) => x.punkt.number === r.punkt.number && (x.cases.size === 0 || r.cases.size === 0));
    if (a !== undefined) pair(r, a);
  }

  const out: Difference<R>[] = [];
  const before = (list: Side<RelatedPunkt>[], index: number): number => list.filter((s) => s.index < index && s.match === -1).length;
  for (const r of rs) {
    if (r.match === -1) {
      out.push({ kind: 'added', referat: r.punkt });
      continue;
    }
    const a = as[r.match] as Side<AgendaPunkt>;
    // A number that moved by exactly the punkter added and dropped before it is explained by them.
    const rn = r.punkt.number;
    const an = a.punkt.number;
    if (rn !== null && an !== null && rn - an !== before(rs, r.index) - before(as, a.index)) out.push({ kind: 'number', referat: r.punkt, agenda: a.punkt });
    if (r.title !== a.title) out.push({ kind: 'title', referat: r.punkt, agenda: a.punkt });
    if (!sameSet(r.cases, a.cases)) out.push({ kind: 'case', referat: r.punkt, agenda: a.punkt });
  }
  for (const a of as) {
    if (a.match !== -1) continue;
    // At the referat punkt of the next agenda punkt that is there; at the end, the last one's.
    const next = as.find((x) => x.index > a.index && x.match !== -1 && x.punkt.file === a.punkt.file);
    const previous = [...as].reverse().find((x) => x.index < a.index && x.match !== -1);
    const near = next ?? previous;
    out.push({ kind: 'removed', agenda: a.punkt, near: near !== undefined ? (rs[near.match] as Side<R>).punkt : null });
  }
  return out;
}

/**
 * The agendas to compare with: the one that agrees best with the referat, and those that
 * add punkter to it (a tillægsdagsorden). Another version of the same dagsorden (a copy,
 * the PDF beside the Word file, an unsaved edit) shares punkter with it and is left out,
 * as is one that shares nothing with the referat.
 */
export function chooseAgendas(referat: readonly RelatedPunkt[], agendas: readonly RelatedDocument[], standingItems: readonly RegExp[] = DEFAULT_OPTIONS.standingItems): RelatedDocument[] {
  if (agendas.length <= 1) return [...agendas];
  const keysOf = (list: readonly RelatedPunkt[]): Set<string> => {
    const keys = new Set<string>();
    for (const p of list) {
      for (const c of caseKeys(p)) keys.add(`#${c}`);
      const t = titleKey(p.title);
      if (t !== '' && !(t.split(' ').length <= GENERIC_WORDS && standingItems.some((re) => re.test(p.title)))) keys.add(t);
    }
    return keys;
  };
  const mine = keysOf(referat);
  const scored = agendas.map((a, i) => {
    const keys = keysOf(a.punkter);
    let score = 0;
    for (const k of keys) if (mine.has(k)) score++;
    return { a, i, keys, score };
  });
  scored.sort((x, y) => y.score - x.score || x.i - y.i);
  const chosen: typeof scored = [];
  for (const s of scored) {
    if (s.score === 0 && chosen.length > 0) continue;
    if (chosen.some((c) => overlaps(c.keys, s.keys))) continue;
    chosen.push(s);
  }
  return chosen.sort((x, y) => x.i - y.i).map((c) => c.a);
}

function label(p: RelatedPunkt): string {
  return p.number !== null ? `punkt ${p.number}` : `punktet "${p.title}"`;
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function casesText(p: RelatedPunkt): string {
  return [...new Set(p.caseNumbers.filter((c) => c.document !== true).map((c) => c.value.trim()))].join(', ');
}

export default defineRule({
  id: 'agenda-mismatch',
  description: {
    da: 'Referatet og dagsordenen for samme møde er uenige: et punkt er kommet til, mangler, har fået en anden titel, et andet nummer eller et andet sagsnummer.',
    en: 'The referat and the dagsorden of the same meeting disagree: a punkt was added or dropped, or has another title, number or case number.',
  },
  defaultSeverity: 'warning',
  tags: ['struktur', 'dagsorden'],
  fixable: false,
  messages: {
    da: {
      added: '{punkt} "{title}" står ikke i dagsordenen ({file}).',
      removed: 'Dagsordenens {punkt} "{title}" ({file}) mangler i referatet. Udgik punktet, så skriv det i referatet (fx "Udgik.").',
      title: '{punkt} hedder "{agendaTitle}" i dagsordenen ({file}), men "{title}" i referatet.',
      caseChanged: '{punkt} har sagsnummer {agendaCases} i dagsordenen ({file}), men {cases} i referatet.',
      caseMissing: '{punkt} har sagsnummer {agendaCases} i dagsordenen ({file}), men intet i referatet.',
      caseAdded: '{punkt} har sagsnummer {cases}, som dagsordenen ({file}) ikke har.',
      number: '{punkt} er {agendaPunkt} i dagsordenen ({file}).',
    },
    en: {
      added: '{punkt} "{title}" is not in the dagsorden ({file}).',
      removed: 'The dagsorden’s {punkt} "{title}" ({file}) is missing from the referat. If the punkt was withdrawn, say so in the referat (such as "Udgik.").',
      title: '{punkt} is called "{agendaTitle}" in the dagsorden ({file}), but "{title}" in the referat.',
      caseChanged: '{punkt} has the case number {agendaCases} in the dagsorden ({file}), but {cases} in the referat.',
      caseMissing: '{punkt} has the case number {agendaCases} in the dagsorden ({file}), but none in the referat.',
      caseAdded: '{punkt} has the case number {cases}, which the dagsorden ({file}) does not have.',
      number: '{punkt} is {agendaPunkt} in the dagsorden ({file}).',
    },
  },
  check({ model, related, options }) {
    if (related === undefined || related.agendas.length === 0) return [];
    if (model.kind !== 'referat' && model.kind !== 'beslutningsprotokol') return [];
    const agendas = chooseAgendas(model.punkter, related.agendas, options.standingItems);
    const differences = compareWithAgendas<Punkt>(model.punkter, agendas, options.standingItems);
    if (differences === null) return [];
    const files = agendas.map((a) => a.name).join(', ');
    const out: Finding[] = [];
    const fallback: Range = model.title?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const d of differences) {
      switch (d.kind) {
        case 'added':
          // A punkt of a tillægsdagsorden that is not in the workspace, or a case admitted at the meeting: worth a look, no more.
          out.push({ messageId: 'added', args: { punkt: capital(label(d.referat)), title: d.referat.title, file: files }, range: d.referat.headingRange, severity: 'information', data: { difference: 'added', punkt: d.referat.number } });
          break;
        case 'removed':
          out.push({
            messageId: 'removed',
            args: { punkt: label(d.agenda), title: d.agenda.title, file: d.agenda.file },
            range: d.near?.headingRange ?? fallback,
            data: { difference: 'removed', agendaPunkt: d.agenda.number, file: d.agenda.file },
          });
          break;
        case 'title':
          out.push({ messageId: 'title', args: { punkt: capital(label(d.referat)), agendaTitle: d.agenda.title, title: d.referat.title, file: d.agenda.file }, range: d.referat.titleRange, data: { difference: 'title', punkt: d.referat.number, file: d.agenda.file } });
          break;
        case 'case': {
          const cases = casesText(d.referat);
          const agendaCases = casesText(d.agenda);
          const messageId = cases === '' ? 'caseMissing' : agendaCases === '' ? 'caseAdded' : 'caseChanged';
          const at = d.referat.caseNumbers.find((c) => c.document !== true)?.range ?? d.referat.headingRange;
          out.push({
            messageId,
            args: { punkt: capital(label(d.referat)), cases, agendaCases, file: d.agenda.file },
            range: at,
            // A number the dagsorden lacks was added to the record, not lost from it.
            ...(messageId === 'caseAdded' ? { severity: 'information' as const } : {}),
            data: { difference: 'case', punkt: d.referat.number, file: d.agenda.file },
          });
          break;
        }
        case 'number':
          out.push({
            messageId: 'number',
            args: { punkt: capital(label(d.referat)), agendaPunkt: label(d.agenda), file: d.agenda.file },
            range: d.referat.headingRange,
            severity: 'information',
            data: { difference: 'number', punkt: d.referat.number, agendaPunkt: d.agenda.number, file: d.agenda.file },
          });
          break;
      }
    }
    return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  },
});
