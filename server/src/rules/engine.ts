// The rule engine: runs every enabled rule over one parsed document, isolates
// failures, localizes messages and returns plain diagnostics. No LSP imports:
// the server and the CLI convert these as they need.
import type { Range, ReferatModel } from '../model';
import { lineBreakOf, linesMatching, splitLines } from '../parser/lines';
import { linesOfModel } from '../parser/parse';
import { DEFAULT_OPTIONS } from './options';
import { RULES } from './registry';
import { readDirectives, Suppressions } from './suppression';
import type { Finding, RelatedDocuments, RuleDefinition, RuleOptions, Severity, TextEdit } from './types';
import { format, type Locale } from '../l10n/locale';

export interface LintDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  data?: Record<string, unknown>;
  fix?: { title: string; edits: TextEdit[]; safe: boolean };
}

export interface LintOptions {
  locale?: Locale;
  options?: RuleOptions;
  /** Per-rule severity or 'off'; rules not named keep their default. */
  severities?: Record<string, Severity | 'off'>;
  rules?: readonly RuleDefinition[];
  /** Other documents of the same meeting, for the rules that compare documents (agenda-mismatch). */
  related?: RelatedDocuments;
}

export const INTERNAL_RULE_ID = 'internal-error';
/** Reported for a suppression comment that names a rule that does not exist. */
export const DIRECTIVE_RULE_ID = 'referat-comment';

const UNKNOWN_RULE_IN_COMMENT: Record<Locale, string> = {
  da: 'Kommentaren referat-{directive} nævner en regel, der ikke findes: "{rule}".',
  en: 'The comment referat-{directive} names a rule that does not exist: "{rule}".',
};

const INTERNAL_MESSAGE: Record<Locale, string> = {
  da: 'Reglen {rule} fejlede og blev sprunget over: {error}',
  en: 'The rule {rule} failed and was skipped: {error}',
};

export function localize(rule: RuleDefinition, locale: Locale, messageId: string, args?: Record<string, string | number>): string {
  const template = rule.messages[locale][messageId] ?? rule.messages.da[messageId] ?? messageId;
  return format(template, args);
}

const DIRECTIVE_WORD = /referat-/;

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

// The lines default to those the parser split the model's text into (no second split).
export function lint(text: string, model: ReferatModel, opts: LintOptions = {}, lines: readonly string[] = linesOfModel(model, text) ?? splitLines(stripBom(text))): LintDiagnostic[] {
  const locale = opts.locale ?? 'da';
  // Rules write "\n" in fixes; a CRLF or CR document gets its own break, so a fix never
  // mixes line endings. Findings may share one fix (a renumbering): it is converted once.
  const eol = lineBreakOf(text);
  const converted = new Map<TextEdit[], TextEdit[]>();
  const withEol = (edits: TextEdit[]): TextEdit[] => {
    if (eol === '\n') return edits;
    let c = converted.get(edits);
    if (c === undefined) {
      c = edits.map((e) => (e.newText.includes('\n') ? { range: e.range, newText: e.newText.replace(/\r?\n/g, eol) } : e));
      converted.set(edits, c);
    }
    return c;
  };
  const options = opts.options ?? DEFAULT_OPTIONS;
  const context = opts.related === undefined ? { model, lines, options } : { model, lines, options, related: opts.related };
  const out: LintDiagnostic[] = [];
  for (const rule of opts.rules ?? RULES) {
    const configured = opts.severities?.[rule.id];
    if (configured === 'off') continue;
    let findings: Finding[];
    try {
      findings = rule.check(context);
    } catch (err) {
      // One broken rule must not take the others down.
      out.push({
        rule: INTERNAL_RULE_ID,
        severity: 'error',
        message: format(INTERNAL_MESSAGE[locale], { rule: rule.id, error: err instanceof Error ? err.message : String(err) }),
        range: ZERO,
        data: { failedRule: rule.id },
      });
      continue;
    }
    for (const f of findings) {
      const d: LintDiagnostic = {
        rule: rule.id,
        severity: configured ?? f.severity ?? rule.defaultSeverity,
        message: localize(rule, locale, f.messageId, f.args),
        range: f.range,
      };
      if (f.data !== undefined) d.data = f.data;
      if (f.fix !== undefined) {
        d.fix = { title: localize(rule, locale, f.fix.messageId, f.fix.args), edits: withEol(f.fix.edits), safe: f.fix.safe };
      }
      out.push(d);
    }
  }
  const result = applySuppressions(lines, out, opts.rules ?? RULES, locale);
  result.sort(compareDiagnostics);
  return result;
}

/** Drops findings silenced by <!-- referat-disable… --> comments and reports unknown rule ids in them. */
function applySuppressions(lines: readonly string[], found: LintDiagnostic[], rules: readonly RuleDefinition[], locale: Locale): LintDiagnostic[] {
  // A directive needs "referat-" on some line (the search is kept per version of the lines).
  if (linesMatching(lines, DIRECTIVE_WORD).length === 0) return found;
  const directives = readDirectives(lines);
  if (directives.length === 0) return found;
  const suppressions = new Suppressions(directives, lines);
  const known = new Set(rules.map((r) => r.id));
  // Internal errors are never silenced: they mean a rule did not run at all.
  const kept = found.filter((d) => d.rule === INTERNAL_RULE_ID || !suppressions.isSuppressed(d.rule, d.range.start.line));
  for (const d of directives) {
    d.rules.forEach((rule, i) => {
      if (known.has(rule)) return;
      kept.push({
        rule: DIRECTIVE_RULE_ID,
        severity: 'warning',
        message: format(UNKNOWN_RULE_IN_COMMENT[locale], { directive: d.directive, rule }),
        range: d.ruleRanges[i] as Range,
        data: { directive: d.directive, unknownRule: rule },
      });
    });
  }
  return kept;
}

function compareDiagnostics(a: LintDiagnostic, b: LintDiagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Applies edits to a text (positions in UTF-16 code units, as LSP). Callers choose
 * whole fixes with chooseFixes (rules/fixes.ts); as a last guard, an edit that overlaps
 * an earlier one by the same policy is dropped, so a fix never clobbers another fix's
 * text. Insertions at one point go in the order given.
 */
export function applyEdits(input: string, edits: readonly TextEdit[]): { text: string; applied: number } {
  // Positions skip a byte-order mark, as the model's do; keep it in front.
  const bom = input.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const text = bom ? input.slice(1) : input;
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      lineStarts.push(i + 2);
      i++;
    } else if (c === 10 || c === 13) lineStarts.push(i + 1);
  }
  const offset = (p: { line: number; character: number }): number => {
    if (p.line >= lineStarts.length) return text.length;
    return Math.min((lineStarts[p.line] as number) + p.character, text.length);
  };
  const sorted = edits.map((e) => ({ s: offset(e.range.start), e: offset(e.range.end), t: e.newText })).sort((a, b) => a.s - b.s || a.e - b.e);
  let out = '';
  let pos = 0;
  let applied = 0;
  for (const e of sorted) {
    if (e.s < pos) continue;
    out += text.slice(pos, e.s) + e.t;
    pos = e.e;
    applied++;
  }
  return { text: bom + out + text.slice(pos), applied };
}
