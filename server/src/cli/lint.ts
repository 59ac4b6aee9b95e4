// `referat lint` output: text (one finding per line, for problem matchers),
// JSON and SARIF 2.1.0. Pure: results in, strings out. A finding in a Word or PDF file
// is shown at its place there (a page and a line on it, or a Word paragraph), not at the
// line of the extracted text.
import type { Locale } from '../l10n/locale';
import { cliMessages } from '../l10n/cli';
import type { DocumentFormat, Place } from '../files/document';
import type { LintDiagnostic } from '../rules/engine';
import type { RuleDefinition, Severity } from '../rules/types';

export interface FileResult {
  file: string;
  diagnostics: LintDiagnostic[];
  /** For a Word or PDF file: its format and where each position of the extracted text is in it. */
  document?: { format: DocumentFormat; placeOf(line: number, character: number): Place | null };
}

function placeOf(r: FileResult, d: LintDiagnostic): Place | null {
  return r.document?.placeOf(d.range.start.line, d.range.start.character) ?? null;
}

/**
 * `file:line:col severity rule message`, 1-based, as a VS Code problem matcher reads it.
 * In a PDF `file:side 3:linje 12 …`, in a Word file `file:afsnit 57 …` (no column: the
 * extracted text's columns are not the document's).
 */
export function renderLintText(results: readonly FileResult[], locale: Locale = 'da'): string {
  const words = cliMessages(locale);
  let out = '';
  for (const r of results) {
    for (const d of r.diagnostics) {
      const place = placeOf(r, d);
      const at = place === null ? `${d.range.start.line + 1}:${d.range.start.character + 1}` : words.place(place);
      out += `${r.file}:${at} ${d.severity} ${d.rule} ${d.message}\n`;
    }
  }
  return out;
}

/** The place as JSON: `{ "page", "line" }` or `{ "paragraph", "line" }`, 1-based. */
function placeJson(place: Place): Record<string, number> {
  return place.kind === 'page' ? { page: place.page, line: place.line } : { paragraph: place.paragraph, line: place.line };
}

export function summaryLine(results: readonly FileResult[], locale: Locale): string {
  const count: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) for (const d of r.diagnostics) count[d.severity]++;
  return `${cliMessages(locale).cli.summary({ files: results.length, skipped: 0, ...count })}\n`;
}

/** Findings in a Word or PDF file also carry `place` (page and line, or paragraph), and the file its `format`. */
export function renderLintJson(results: readonly FileResult[]): string {
  const plain = results.map((r) => ({
    file: r.file,
    ...(r.document === undefined ? {} : { format: r.document.format }),
    diagnostics: r.diagnostics.map((d) => {
      const place = placeOf(r, d);
      return { rule: d.rule, severity: d.severity, message: d.message, range: d.range, ...(place === null ? {} : { place: placeJson(place) }) };
    }),
  }));
  return `${JSON.stringify(plain, null, 2)}\n`;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** A rule descriptor for an id that is no registered rule (file-encoding, internal-error …). */
export interface SarifExtraRule {
  id: string;
  description: string;
  level: Severity;
}

export interface SarifOptions {
  version: string;
  rules: readonly RuleDefinition[];
  /** Descriptors for result ids outside `rules`; an id in neither gets a bare descriptor, so every result has a ruleIndex. */
  extraRules?: readonly SarifExtraRule[];
  locale: Locale;
  /** Turns a file path into the artifact URI (relative paths stay relative). */
  toUri(file: string): string;
  /** Rule doc page URI, if any. */
  helpUri?(rule: string): string | undefined;
}

export function renderSarif(results: readonly FileResult[], opts: SarifOptions): string {
  const ruleIndex = new Map(opts.rules.map((r, i) => [r.id, i]));
  const sarifRules = opts.rules.map((r) => {
    const rule: Record<string, unknown> = {
      id: r.id,
      shortDescription: { text: r.description[opts.locale] },
      defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
      properties: { tags: [...r.tags] },
    };
    const help = opts.helpUri?.(r.id);
    if (help !== undefined) rule['helpUri'] = help;
    return rule;
  });
  const extra = new Map((opts.extraRules ?? []).map((r) => [r.id, r]));
  const indexOf = (id: string): number => {
    const known = ruleIndex.get(id);
    if (known !== undefined) return known;
    const e = extra.get(id);
    const rule: Record<string, unknown> = { id };
    if (e !== undefined) {
      rule['shortDescription'] = { text: e.description };
      rule['defaultConfiguration'] = { level: SARIF_LEVEL[e.level] };
    }
    sarifRules.push(rule);
    ruleIndex.set(id, sarifRules.length - 1);
    return sarifRules.length - 1;
  };
  const sarifResults = results.flatMap((r) =>
    r.diagnostics.map((d) => {
      const place = placeOf(r, d);
      // In a Word or PDF file, the region is the place there: the line on its page (the page
      // is in properties), or the paragraph as the line. Code scanning needs a startLine.
      const region =
        place === null
          ? { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 }
          : { startLine: place.kind === 'page' ? place.line : place.paragraph };
      const result: Record<string, unknown> = {
        ruleId: d.rule,
        ruleIndex: indexOf(d.rule),
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: opts.toUri(r.file) }, region } }],
      };
      if (place !== null) result['properties'] = placeJson(place);
      return result;
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'referat', version: opts.version, semanticVersion: opts.version, rules: sarifRules } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
