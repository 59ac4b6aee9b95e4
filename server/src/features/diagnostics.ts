// Lint results → LSP diagnostics. Pure: takes plain lint output and returns
// plain LSP data; the server only publishes it.
import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { LintDiagnostic } from '../rules/engine';
import type { Severity } from '../rules/types';

// Local constants: type-only LSP imports keep this module free of runtime LSP code.
const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, information: 3, hint: 4 };

export const DIAGNOSTIC_SOURCE = 'referat';

/** Where a rule's doc page lives, e.g. a file: URL of the bundled docs/rules folder. */
export type DocsLocator = (ruleId: string) => string | undefined;

export function toLspDiagnostics(found: readonly LintDiagnostic[], docs: DocsLocator): Diagnostic[] {
  return found.map((d) => {
    const out: Diagnostic = {
      range: d.range,
      severity: SEVERITY[d.severity],
      source: DIAGNOSTIC_SOURCE,
      code: d.rule,
      message: d.message,
    };
    const href = docs(d.rule);
    if (href !== undefined) out.codeDescription = { href };
    // Fixes stay on the server (code actions read its per-version findings), so each
    // publish carries only the small rule data, not every fix's edits.
    if (d.data !== undefined) out.data = { rule: d.rule, ...d.data };
    return out;
  });
}
