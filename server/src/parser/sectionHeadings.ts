// What section heading a line is, if any: a heading from the table ("Indstilling",
// "INDSTILLING:", "• Beslutningstema"), a decision heading that carries a body and a
// date ("Beslutning i Byrådet den 14-12-2017", "Forretningsudvalgets beslutning den
// 8. november 2022:", "Økonomiudvalget 2018-21, 28. oktober 2019, pkt. 452:"), a heading
// sharing its line with its text ("Beslutning Tilbagesendes …"), glued headings
// ("BilagBeslutning") or any other Markdown heading.
import type { Dialect } from './dialect';
import { DECISION_FORMS, type DecisionForm } from './dialect/decisions';
import { splitMergedHeading, type SectionAlias } from './dialect/sections';
import { findDates, type FoundDate } from './dates';
import { endsFolded, startsFolded } from './lines';

export interface SectionHit {
  form: 'alias' | 'decision' | 'inline' | 'merged' | 'markdown';
  alias: SectionAlias;
  /** The heading as printed (a final colon kept), and where it is in the line's text. */
  heading: string;
  start: number;
  end: number;
  /** Counts as evidence for a punkt heading above it (a bare Markdown heading does not). */
  evidence: boolean;
  /** Decision headings: the body and date they name, and the form's row. */
  committee?: string | null;
  date?: FoundDate;
  decision?: DecisionForm;
  /** Glued headings: each part and where it is. */
  parts?: { text: string; alias: SectionAlias; start: number; end: number }[];
}

const OTHER: SectionAlias = { kind: 'other' };

/**
 * The section heading on a line, or null. `text` is the line's text, `bare` the same
 * without a leading bullet of `bullet` characters ("• Beslutning" in Jammerbugt).
 */
export function recogniseSection(text: string, bare: string, bullet: number, level: number | null, dialect: Dialect): SectionHit | null {
  const len = bare.length;
  if (len === 0 || len > 200) return null;
  if (len <= dialect.aliasMax + 2) {
    const alias = dialect.lookupSection(bare);
    if (alias !== undefined) return { form: 'alias', alias, heading: bare, start: bullet, end: bullet + len, evidence: true };
  }
  const decision = recogniseDecision(bare, level, dialect);
  if (decision !== null) {
    decision.start += bullet;
    decision.end += bullet;
    return decision;
  }
  const inline = dialect.inlineHeading(bare);
  if (inline !== null) return { form: 'inline', alias: inline.alias, heading: bare.slice(0, inline.length), start: bullet, end: bullet + inline.length, evidence: true };
  if (bullet === 0) {
    const merged = splitMergedHeading(text);
    if (merged !== null) {
      return {
        form: 'merged',
        alias: { kind: merged.parts[0]?.kind ?? 'other' },
        heading: text,
        start: 0,
        end: len,
        evidence: true,
        parts: merged.parts.map((p) => ({ text: p.text, alias: { kind: p.kind }, start: p.start, end: p.end })),
      };
    }
  }
  if (level !== null) return { form: 'markdown', alias: OTHER, heading: text, start: 0, end: text.length, evidence: false };
  return null;
}

/** The date that closes a heading (nothing but a colon after it), or undefined. */
function closingDate(text: string): FoundDate | undefined {
  const dates = findDates(text);
  const last = dates[dates.length - 1];
  if (last === undefined) return undefined;
  const rest = text.slice(last.end).trim();
  return rest === '' || rest === ':' ? last : undefined;
}

function recogniseDecision(text: string, level: number | null, dialect: Dialect): SectionHit | null {
  const len = text.length;
  if (len > 200) return null;
  let c0 = text.charCodeAt(0);
  if (c0 >= 65 && c0 <= 90) c0 += 32;
  const last = text.charCodeAt(len - 1);
  const endsLikeLabel = (last >= 48 && last <= 57) || last === 58 /* : */;
  // A label of another form ends with a date, "pkt. N" or its colon, or (with no date) with the word "beslutning".
  const endsWithWord = endsFolded(text, 'beslutning') || endsFolded(text, 'beslutning:');
  if (!endsLikeLabel && !endsWithWord && !(c0 === 98 /* b */ && startsFolded(text, 'beslutning'))) return null;
  let mentions: boolean | undefined;
  const beslutning = c0 === 98 && startsFolded(text, 'beslutning');
  for (const form of DECISION_FORMS) {
    if (form.startsWithBeslutning && !beslutning) continue;
    if (!form.startsWithBeslutning) {
      if (form.date === 'none' ? !endsWithWord : !endsLikeLabel) continue;
      mentions ??= text.includes('eslutning') || text.includes('ESLUTNING') || text.includes('pkt.');
      if (!mentions) continue;
    }
    const m = form.re.exec(text);
    if (m === null) continue;
    let date: FoundDate | undefined;
    let committee: string | null = null;
    if (form.date === 'closing') {
      date = closingDate(text);
      if (date === undefined) {
        // A Markdown heading needs no date ("## Beslutning Byrådet").
        if (!(level !== null && form.startsWithBeslutning && (m[1] ?? '').length < 120)) continue;
      } else if (form.committee === 'until-date') {
        committee = cleanCommittee(text.slice(len - (m[1] ?? '').length, date.start));
      } else {
        committee = cleanCommittee(m[1] ?? '');
      }
    } else if (form.date === 'none') {
      committee = cleanCommittee(m[1] ?? '');
    } else {
      const d = findDates(m[2] ?? '')[0];
      if (d === undefined) continue;
      const at = text.indexOf(m[2] as string);
      date = { ...d, start: at + d.start, end: at + d.end };
      committee = cleanCommittee(m[1] ?? '');
    }
    if (form.genitive === true && committee !== null) committee = dialect.normaliseCommittee(committee);
    const hit: SectionHit = { form: 'decision', alias: { kind: 'beslutning' }, heading: text, start: 0, end: len, evidence: true, committee, decision: form };
    if (date !== undefined) hit.date = date;
    return hit;
  }
  return null;
}



function cleanCommittee(text: string): string | null {
  const c = text.replace(/\s*(?:,|\bden|\bd\.|\bi mødet)?\s*$/i, '').replace(/^\s*(?:i|på|fra)\s+/i, '').trim();
  return c === '' || /^(?:i\s+)?mødet$/i.test(c) ? null : c;
}
