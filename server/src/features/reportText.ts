// The publication report as text (for a terminal and for review) and as JSON (for other
// programs). Pure: reports in, a string out. Lines are 1-based in the text; the JSON
// keeps the 0-based LSP ranges `referat lint --format json` and `outline` use.
import type { Place } from '../files/document';
import type { Locale } from '../l10n/locale';
import { messages } from '../l10n/messages';
import { reportWords, type ReportWords } from '../l10n/report';
import type { Range } from '../model';
import { SECTION_NAMES } from '../parser/dialect/sections';
import { formatPunktLabel } from './labels';
import { tally, type MeetingReport, type Reason, type ReportFinding } from './report';

/** "linje 12", or the place in a Word or PDF file ("side 3:linje 12"). */
export function positionText(range: Range, place: Place | undefined, locale: Locale): string {
  return place === undefined ? reportWords(locale).line(range.start.line + 1) : messages(locale).place(place);
}

/** "1 fejl, 3 advarsler" – why the meeting has its light. */
export function reasonsText(reasons: readonly Reason[], words: ReportWords): string {
  if (reasons.length === 0) return words.clean;
  return reasons
    .map((r) => {
      switch (r.kind) {
        case 'errors':
          return words.errors(r.count);
        case 'missing-decisions':
          return words.decisionsMissing(r.count);
        case 'sensitive':
          return words.sensitiveHits(r.count);
        case 'unread':
          return words.unread[r.cause];
        case 'warnings':
          return words.warnings(r.count);
      }
    })
    .join(', ');
}

/** The facts that name a meeting: "Referat · Økonomiudvalget · 14. maj 2024". */
export function meetingName(r: MeetingReport, words: ReportWords): string {
  return [words.kinds[r.kind], r.committee, r.meetingDate === null ? null : words.date(r.meetingDate)].filter((s): s is string => s !== null && s !== '').join(' · ');
}

/** The missing sections' names: "mangler Indstilling og Beslutning". */
export function missingText(missing: readonly string[], words: ReportWords): string {
  return words.missing(missing.map((k) => SECTION_NAMES[k as keyof typeof SECTION_NAMES] ?? k));
}

export function renderReportText(reports: readonly MeetingReport[], locale: Locale = 'da'): string {
  const words = reportWords(locale);
  const out = reports.map((r) => renderOne(r, words, locale));
  if (reports.length > 1) out.push(`${words.total(tally(reports), reports.length)}\n`);
  return out.join('\n');
}

function renderOne(r: MeetingReport, words: ReportWords, locale: Locale): string {
  const lines: string[] = [r.file];
  const lightWidth = Math.max(...Object.values(words.light).map((l) => l.length));
  const light = (v: MeetingReport['verdict']): string => words.light[v].toUpperCase().padEnd(lightWidth);
  const findingLine = (f: ReportFinding, indent: string): string =>
    `${indent}${words.severities[f.severity]}  ${positionText(f.range, f.place, locale)}  ${f.rule}  ${f.message}`;

  lines.push(`  ${words.verdict[r.verdict]}: ${reasonsText(r.reasons, words)}`);
  lines.push(`  ${words.kind}: ${words.kinds[r.kind]}`);
  lines.push(`  ${words.committee}: ${r.committee ?? words.unknown}`);
  lines.push(`  ${words.meetingDate}: ${r.meetingDate === null ? words.unknown : words.date(r.meetingDate)}`);
  if (r.header.findings.length > 0) {
    lines.push(`  ${words.header}: ${words.light[r.header.verdict].toUpperCase()}`);
    for (const f of r.header.findings) lines.push(findingLine(f, '    '));
  }
  if (r.punkter.length === 0) lines.push(`  ${words.noPunkter}`);
  else {
    lines.push(`  ${words.punkter(r.punkter.length)}:`);
    for (const p of r.punkter) {
      const cases = p.caseNumbers.length === 0 ? '' : `  [${p.caseNumbers.join(', ')}]`;
      const missing = p.missing.length === 0 ? '' : `  (${missingText(p.missing, words)})`;
      lines.push(`    ${light(p.verdict)}  ${formatPunktLabel(p.number, p.title)}${cases}  ${positionText(p.range, p.place, locale)}${missing}`);
      for (const f of p.findings) lines.push(findingLine(f, `      ${' '.repeat(lightWidth)}`));
    }
  }
  lines.push(`  ${words.missingDecisions(r.missingDecisions.length)}:${r.missingDecisions.length === 0 ? ` ${words.noMissingDecisions}` : ''}`);
  for (const m of r.missingDecisions) lines.push(`    ${formatPunktLabel(m.number, m.title)}  ${positionText(m.range, m.place, locale)}`);
  lines.push(`  ${words.sensitive(r.sensitive.length)}:${r.sensitive.length === 0 ? ` ${words.noSensitive}` : ''}`);
  for (const s of r.sensitive) {
    const where = s.punkt === null ? words.header : formatPunktLabel(s.punkt.number, s.punkt.title);
    lines.push(`    ${positionText(s.range, s.place, locale)}  ${s.rule}  ${s.message}  (${where})`);
  }
  lines.push(`  ${words.byRule}:${r.rules.length === 0 ? ` ${words.noRules}` : ''}`);
  const severityWidth = Math.max(...r.rules.map((c) => words.severities[c.severity].length), 0);
  const countWidth = Math.max(...r.rules.map((c) => String(c.count).length), 0);
  for (const c of r.rules) lines.push(`    ${words.severities[c.severity].padEnd(severityWidth)}  ${String(c.count).padStart(countWidth)}  ${c.rule}`);
  return `${lines.join('\n')}\n`;
}

/** Always a list, as `referat lint --format json` writes it; 2-space indent. */
export function renderReportJson(reports: readonly MeetingReport[]): string {
  return `${JSON.stringify(reports, null, 2)}\n`;
}
