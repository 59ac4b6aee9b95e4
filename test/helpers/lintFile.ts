import { readFileSync } from 'node:fs';
import { lint, type LintDiagnostic, type LintOptions } from '../../server/src/rules/engine';
import { parseReferat } from '../../server/src/parser/parse';

export function lintText(text: string, opts?: LintOptions): LintDiagnostic[] {
  return lint(text, parseReferat(text), opts);
}

export function lintFile(path: string, opts?: LintOptions): LintDiagnostic[] {
  return lintText(readFileSync(path, 'utf8'), opts);
}

/** The checked-in form of a diagnostic: what a reviewer reads. */
export function expectedForm(d: LintDiagnostic): Record<string, unknown> {
  const r = d.range;
  const o: Record<string, unknown> = {
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    range: `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`,
  };
  if (d.fix) o['fix'] = d.fix.title;
  return o;
}
