// "Tjek alle referater i arbejdsområdet": lint every indexed referat file that the
// editor does not have open (open ones already have live diagnostics) and publish the
// findings, so that they land in the Problems panel. No LSP connection here.
import type { LintDiagnostic } from '../rules/engine';
import type { ReadResult } from '../files/read';
import type { LintTally } from '../protocol';
import { yieldToLoop } from '../schedule';

export interface LintAllHost {
  /** The files to check (normalized URIs). */
  files(): string[];
  isOpen(uri: string): boolean;
  read(uri: string): Promise<ReadResult>;
  lint(uri: string, text: string): LintDiagnostic[];
  publish(uri: string, findings: readonly LintDiagnostic[]): void;
}

export type LintAllResult = LintTally;

const SLICE_MS = 8;

export async function lintAll(host: LintAllHost): Promise<LintAllResult> {
  const result: LintAllResult = { files: 0, skipped: 0, error: 0, warning: 0, information: 0, hint: 0 };
  let slice = Date.now();
  for (const uri of host.files()) {
    if (host.isOpen(uri)) continue;
    const read = await host.read(uri);
    if (!read.ok) {
      result.skipped++;
      host.publish(uri, []);
      continue;
    }
    const findings = host.lint(uri, read.text);
    for (const f of findings) result[f.severity]++;
    result.files++;
    host.publish(uri, findings);
    if (Date.now() - slice >= SLICE_MS) {
      await yieldToLoop();
      slice = Date.now();
    }
  }
  return result;
}
