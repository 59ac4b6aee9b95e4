// Quick fixes from lint findings: one per finding, "fix all of this rule", and
// source.fixAll.referat (all safe fixes) for editor.codeActionsOnSave. Pure.
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import type { Locale } from '../l10n/locale';
import { format } from '../l10n/locale';
import { messages } from '../l10n/messages';
import type { Range, ReferatModel } from '../model';
import type { LintDiagnostic } from '../rules/engine';
import { chooseFixes, editsOf } from '../rules/fixes';
import type { LineSource } from './text';
import { regenerateToc } from './toc';

export const FIX_ALL_KIND = 'source.fixAll.referat';
const QUICKFIX = 'quickfix';
const REWRITE = 'refactor.rewrite';


export interface CodeActionRequest {
  uri: string;
  /** The diagnostics the editor sent in the request context. */
  contextDiagnostics: readonly Diagnostic[];
  /** The requested kinds, if the client narrowed them. */
  only?: readonly string[];
  /** All current findings of the document (for fix-all). */
  findings: readonly LintDiagnostic[];
  locale: Locale;
  /** With the model, the text and the requested range, the TOC can be regenerated. */
  model?: ReferatModel;
  text?: LineSource;
  range?: Range;
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return (
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character
  );
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (only === undefined || only.length === 0) return kind === QUICKFIX;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function codeActions(req: CodeActionRequest): CodeAction[] {
  const actions: CodeAction[] = [];
  const text = messages(req.locale);
  if (wants(req.only, QUICKFIX)) {
    const rulesSeen = new Set<string>();
    for (const diagnostic of req.contextDiagnostics) {
      if (diagnostic.source !== 'referat') continue;
      const rule = String(diagnostic.code);
      const finding = req.findings.find((f) => f.rule === rule && sameRange(f.range, diagnostic.range) && f.fix !== undefined);
      // chooseFixes of one: a fix whose own edits collide is not offered.
      if (finding?.fix === undefined || chooseFixes([finding]).length === 0) continue;
      actions.push({
        title: finding.fix.title,
        kind: QUICKFIX,
        diagnostics: [diagnostic],
        isPreferred: finding.fix.safe,
        edit: { changes: { [req.uri]: editsOf([finding]) } },
      });
      if (rulesSeen.has(rule)) continue;
      rulesSeen.add(rule);
      // Whole fixes that do not meet (rules/fixes.ts); the title counts what is applied.
      const all = chooseFixes(req.findings.filter((f) => f.rule === rule));
      if (all.length > 1) {
        actions.push({
          title: format(text.fixAllRule, { n: all.length, rule }),
          kind: QUICKFIX,
          edit: { changes: { [req.uri]: editsOf(all) } },
        });
      }
    }
  }
  const toc = tocAction(req);
  if (toc !== null) actions.push(toc);
  if (req.only !== undefined && wants(req.only, FIX_ALL_KIND)) {
    const safe = chooseFixes(req.findings.filter((f) => f.fix?.safe === true));
    if (safe.length > 0) {
      actions.push({
        title: text.fixAll,
        kind: FIX_ALL_KIND,
        edit: { changes: { [req.uri]: editsOf(safe) } },
      });
    }
  }
  return actions;
}

/**
 * "Regenerate the Indholdsfortegnelse": a quick fix for toc-mismatch diagnostics, and a
 * rewrite anywhere in the TOC. Offered only when it would change something.
 */
function tocAction(req: CodeActionRequest): CodeAction | null {
  const { model, text, range } = req;
  if (model === undefined || text === undefined || model.toc === null) return null;
  const diagnostics = req.contextDiagnostics.filter((d) => d.source === 'referat' && d.code === 'toc-mismatch');
  const kind = diagnostics.length > 0 ? QUICKFIX : REWRITE;
  const inToc = range !== undefined && range.start.line <= model.toc.range.end.line && range.end.line >= model.toc.range.start.line;
  if (diagnostics.length === 0 && !inToc) return null;
  const asked = req.only === undefined || req.only.length === 0 ? true : wants(req.only, kind);
  if (!asked) return null;
  const edit = regenerateToc(model, text);
  if (edit === null) return null;
  const action: CodeAction = { title: messages(req.locale).tocAction, kind, edit: { changes: { [req.uri]: [edit] } } };
  if (diagnostics.length > 0) action.diagnostics = diagnostics;
  return action;
}
