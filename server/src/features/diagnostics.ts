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
    // No data: code actions read the server's own findings for the version (matched by
    // code and range), so a publish carries neither fixes nor rule data (a quarter of
    // its size on 1 MB, and the time to write and read it).
    return out;
  });
}
