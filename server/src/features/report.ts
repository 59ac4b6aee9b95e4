// The publication report: is a meeting's referat or dagsorden ready to be published?
// Pure: a document's model and findings in, plain data out (renderers in reportText.ts
// and reportHtml.ts; the CLI and the language server are thin adapters). The traffic
// light is documented in docs/report.md; the rule below is the one place it is decided.
import type { Place } from '../files/document';
import type { Verdict, UnreadCause } from '../l10n/report';
import type { DocumentKind, Punkt, Range, ReferatModel, SectionKind } from '../model';
import type { LintDiagnostic } from '../rules/engine';
import type { Severity } from '../rules/types';

export type { Verdict, UnreadCause };

/** Rules whose every hit makes a meeting red, whatever its severity: they are what must not be published. */
export const SENSITIVE_RULES: readonly string[] = ['personal-data', 'template-leftover'];
/** The rule that says Referat could not read the layout: never a clean bill of health. */
export const UNREAD_RULE = 'unrecognized-layout';
const MISSING_SECTION_RULE = 'missing-section';

/** Worst first: a definite problem outranks a document that could not be read, which outranks warnings. */
const RANK: Record<Verdict, number> = { red: 3, unknown: 2, yellow: 1, green: 0 };
const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export function worst(verdicts: Iterable<Verdict>): Verdict {
  let out: Verdict = 'green';
  for (const v of verdicts) if (RANK[v] > RANK[out]) out = v;
  return out;
}

export interface ReportFinding {
  rule: string;
  severity: Severity;
  message: string;
  /** 0-based LSP range in the text that was read. */
  range: Range;
  /** For a Word or PDF file: where the finding is in it. */
  place?: Place;
}

export interface PunktRef {
  number: number | null;
  title: string;
}

export interface ReportPunkt extends PunktRef {
  /** The case numbers at its heading, each once (a number under the heading and in the Sagsnr. field alike); document numbers left out. */
  caseNumbers: string[];
  /** The heading line. */
  range: Range;
  place?: Place;
  /** The sections the missing-section rule says it lacks, in its order. */
  missing: SectionKind[];
  counts: Record<Severity, number>;
  /** Hits of SENSITIVE_RULES among its findings. */
  sensitive: number;
  findings: ReportFinding[];
  verdict: Verdict;
}

export interface ReportBlock {
  counts: Record<Severity, number>;
  sensitive: number;
  findings: ReportFinding[];
  verdict: Verdict;
}

export interface MissingDecision extends PunktRef {
  range: Range;
  place?: Place;
}

export interface SensitiveHit extends ReportFinding {
  /** The punkt it is in, or null before the first punkt. */
  punkt: PunktRef | null;
}

export interface RuleCount {
  rule: string;
  severity: Severity;
  count: number;
}

/** Why the meeting has its light, worst first. */
export type Reason =
  | { kind: 'errors'; count: number }
  | { kind: 'missing-decisions'; count: number }
  | { kind: 'sensitive'; count: number }
  | { kind: 'unread'; cause: UnreadCause }
  | { kind: 'warnings'; count: number };

export interface MeetingReport {
  /** The file as the user named it (or the document's path). */
  file: string;
  /** Present for a Word or PDF file. */
  format?: 'docx' | 'pdf';
  kind: DocumentKind;
  title: string | null;
  committee: string | null;
  /** YYYY-MM-DD or null. */
  meetingDate: string | null;
  verdict: Verdict;
  reasons: Reason[];
  /** Null when the document was read: no punkter, or the layout was not recognised. */
  unread: UnreadCause | null;
  counts: Record<Severity, number>;
  /** The findings before the first punkt (header, Indholdsfortegnelse, whole-document findings). */
  header: ReportBlock;
  punkter: ReportPunkt[];
  missingDecisions: MissingDecision[];
  sensitive: SensitiveHit[];
  /** Counts per rule and severity: errors first, then the most frequent. */
  rules: RuleCount[];
}

export interface ReportInput {
  file: string;
  format?: 'docx' | 'pdf';
  model: ReferatModel;
  findings: readonly LintDiagnostic[];
  /** Where a position of the text is in a Word or PDF file. */
  locate?: (line: number, character: number) => Place | null;
}

const zero = (): Record<Severity, number> => ({ error: 0, warning: 0, information: 0, hint: 0 });

/** A CPR number (ddmmyy-xxxx, with or without the hyphen) never reaches the report, which is sent on. */
const CPR_LIKE = /(?<!\d)\d{6}-?\d{4}(?!\d)/g;
export const MASKED_CPR = '••••••-••••';

export function maskPersonalNumbers(text: string): string {
  return text.replace(CPR_LIKE, MASKED_CPR);
}

/**
 * The index of the punkt a line belongs to: the punkt whose range holds it, a line
 * between two punkter (blank lines) going to the one above; -1 before the first punkt.
 */
export function punktIndexAt(punkter: readonly Punkt[], line: number): number {
  let lo = 0;
  let hi = punkter.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((punkter[mid] as Punkt).range.start.line <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** What makes a block red or yellow; `unread` makes an otherwise clean or yellow block unknown. */
function blockVerdict(counts: Record<Severity, number>, sensitive: number, missingDecision: boolean, unread: boolean): Verdict {
  if (counts.error > 0 || sensitive > 0 || missingDecision) return 'red';
  if (unread) return 'unknown';
  return counts.warning > 0 ? 'yellow' : 'green';
}

export function buildReport(input: ReportInput): MeetingReport {
  const { model } = input;
  const locate = input.locate;
  const placeOf = (r: Range): { place?: Place } => {
    const place = locate?.(r.start.line, r.start.character) ?? null;
    return place === null ? {} : { place };
  };
  const findingOf = (d: LintDiagnostic): ReportFinding => ({
    rule: d.rule,
    severity: d.severity,
    message: maskPersonalNumbers(d.message),
    range: { start: { ...d.range.start }, end: { ...d.range.end } },
    ...placeOf(d.range),
  });

  const unreadCause: UnreadCause | null =
    model.punkter.length === 0 ? 'no-punkter' : input.findings.some((d) => d.rule === UNREAD_RULE) ? 'layout' : null;
  const unread = unreadCause !== null;

  const header = { counts: zero(), sensitive: 0, findings: [] as ReportFinding[] };
  const perPunkt = model.punkter.map(() => ({ counts: zero(), sensitive: 0, findings: [] as ReportFinding[], missing: [] as SectionKind[] }));
  const counts = zero();
  const byRule = new Map<string, RuleCount>();
  const sensitive: SensitiveHit[] = [];
  for (const d of input.findings) {
    const finding = findingOf(d);
    const index = punktIndexAt(model.punkter, d.range.start.line);
    const block = index < 0 ? header : (perPunkt[index] as (typeof perPunkt)[number]);
    block.findings.push(finding);
    block.counts[d.severity]++;
    counts[d.severity]++;
    const key = `${d.rule}\u0000${d.severity}`;
    const tally = byRule.get(key);
    if (tally === undefined) byRule.set(key, { rule: d.rule, severity: d.severity, count: 1 });
    else tally.count++;
    if (SENSITIVE_RULES.includes(d.rule)) {
      block.sensitive++;
      const p = index < 0 ? null : (model.punkter[index] as Punkt);
      sensitive.push({ ...finding, punkt: p === null ? null : { number: p.number, title: p.title } });
    }
    const section = d.data?.['section'];
    if (d.rule === MISSING_SECTION_RULE && index >= 0 && typeof section === 'string') {
      const missing = (perPunkt[index] as (typeof perPunkt)[number]).missing;
      if (!missing.includes(section as SectionKind)) missing.push(section as SectionKind);
    }
  }

  const punkter: ReportPunkt[] = model.punkter.map((p, i) => {
    const b = perPunkt[i] as (typeof perPunkt)[number];
    return {
      number: p.number,
      title: p.title,
      caseNumbers: [...new Set(p.caseNumbers.filter((c) => c.document !== true).map((c) => c.value))],
      range: { start: { ...p.headingRange.start }, end: { ...p.headingRange.end } },
      ...placeOf(p.headingRange),
      missing: b.missing,
      counts: b.counts,
      sensitive: b.sensitive,
      findings: b.findings,
      verdict: blockVerdict(b.counts, b.sensitive, b.missing.includes('beslutning'), unread),
    };
  });
  const headerBlock: ReportBlock = { ...header, verdict: blockVerdict(header.counts, header.sensitive, false, unread) };
  const missingDecisions: MissingDecision[] = model.punkter.flatMap((p, i) =>
    (perPunkt[i] as (typeof perPunkt)[number]).missing.includes('beslutning')
      ? [{ number: p.number, title: p.title, range: { start: { ...p.titleRange.start }, end: { ...p.titleRange.end } }, ...placeOf(p.titleRange) }]
      : [],
  );
  const verdict = worst([headerBlock.verdict, ...punkter.map((p) => p.verdict), unread ? 'unknown' : 'green']);

  const reasons: Reason[] = [];
  if (counts.error > 0) reasons.push({ kind: 'errors', count: counts.error });
  if (missingDecisions.length > 0) reasons.push({ kind: 'missing-decisions', count: missingDecisions.length });
  if (sensitive.length > 0) reasons.push({ kind: 'sensitive', count: sensitive.length });
  if (unreadCause !== null) reasons.push({ kind: 'unread', cause: unreadCause });
  if (counts.warning > 0) reasons.push({ kind: 'warnings', count: counts.warning });

  const rules = [...byRule.values()].sort(
    (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || b.count - a.count || a.rule.localeCompare(b.rule),
  );
  return {
    file: input.file,
    ...(input.format === undefined ? {} : { format: input.format }),
    kind: model.kind,
    title: model.title?.text ?? null,
    committee: model.header.committee?.text ?? null,
    meetingDate: model.header.meetingDate,
    verdict,
    reasons,
    unread: unreadCause,
    counts,
    header: headerBlock,
    punkter,
    missingDecisions,
    sensitive,
    rules,
  };
}

/** The number of meetings with each light. */
export function tally(reports: readonly MeetingReport[]): Record<Verdict, number> {
  const out: Record<Verdict, number> = { red: 0, yellow: 0, green: 0, unknown: 0 };
  for (const r of reports) out[r.verdict]++;
  return out;
}

/** A meeting may be published as it stands: green, or yellow (warnings only). */
export function publishable(verdict: Verdict): boolean {
  return verdict === 'green' || verdict === 'yellow';
}
