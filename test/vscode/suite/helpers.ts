// Shared by the extension-host tests: the workspace (a copy of the corpus that the runner
// opens), the reviewed expectations in test/golden/, and waiting on editor events.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { readOutlineTree, type TreeOutline, type TreePunkt } from '../../helpers/outlineTree';

export const EXTENSION_ID = 'referat.referat';

/** A finding as test/golden/*.lint.json records it: 1-based "line:col-line:col", end exclusive. */
export interface GoldenFinding {
  rule: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  range: string;
}

/** A punkt and the outline as the reviewed trees (test/golden/*.outline.txt) give them; lines 0-based. */
export type GoldenPunkt = TreePunkt;
export type GoldenOutline = TreeOutline;

/** The corpus documents (copied into the test workspace). */
export const DOCUMENTS = [
  'herning-2022-11-22.referat.txt',
  'ringkobing-skjern-2022-08-18.referat.txt',
  'vejen-2023-11-28.referat.txt',
  'vesthimmerland-2024-05-14.referat.txt',
  'viborg-2024-08-12.referat.md',
] as const;

function extensionRoot(): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (ext === undefined) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext.extensionPath;
}

const stem = (doc: string): string => doc.replace(/\.referat\.(txt|md)$/, '');

export function goldenFindings(doc: string): GoldenFinding[] {
  return JSON.parse(fs.readFileSync(path.join(extensionRoot(), 'test/golden', `${stem(doc)}.lint.json`), 'utf8')) as GoldenFinding[];
}

export function goldenOutline(doc: string): GoldenOutline {
  return readOutlineTree(fs.readFileSync(path.join(extensionRoot(), 'test/golden', `${stem(doc)}.outline.txt`), 'utf8'));
}

export function workspaceUri(doc: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) throw new Error('no workspace folder: the runner must open a copy of test/fixtures/corpus');
  return vscode.Uri.joinPath(folder.uri, doc);
}

const SEVERITY: Record<vscode.DiagnosticSeverity, GoldenFinding['severity']> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** A diagnostic in the golden files' notation, for comparing whole lists. */
export function asGolden(d: vscode.Diagnostic): string {
  const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
  const r = d.range;
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${SEVERITY[d.severity]} ${code} ${d.message}`;
}

export function goldenLine(f: GoldenFinding): string {
  return `${f.range} ${f.severity} ${f.rule} ${f.message}`;
}

export const byPosition = (a: string, b: string): number => {
  const key = (s: string): number[] => (s.split(' ')[0] ?? '').split(/[:-]/).map(Number);
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if ((ka[i] ?? 0) !== (kb[i] ?? 0)) return (ka[i] ?? 0) - (kb[i] ?? 0);
  return a.localeCompare(b);
};

/**
 * Resolves with the document's diagnostics once `ready` accepts them: checks now, then on
 * every vscode.languages.onDidChangeDiagnostics for the URI. Rejects after `ms` (a deadline,
 * not a sleep: it only ends a wait that failed).
 */
export function diagnosticsWhen(
  uri: vscode.Uri,
  ready: (ds: readonly vscode.Diagnostic[]) => boolean,
  ms = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const current = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'referat');
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no matching diagnostics for ${uri.toString()} within ${ms} ms; last: ${JSON.stringify(current().map(asGolden))}`));
    }, ms);
    const check = (): boolean => {
      const ds = current();
      if (!ready(ds)) return false;
      clearTimeout(timer);
      sub.dispose();
      resolve(ds);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
}

/** Opens a workspace document (name or URI) in an editor; the extension activates on the language. */
export async function openDocument(doc: string | vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(typeof doc === 'string' ? workspaceUri(doc) : doc);
  return vscode.window.showTextDocument(document, { preview: false });
}

/**
 * A copy of a corpus document for a test that edits, so that no test sees another's edits.
 * Such a test saves its copy at the end, so closing it asks nothing.
 */
export async function scratchCopy(doc: string, tag: string): Promise<vscode.Uri> {
  const to = workspaceUri(`scratch-${tag}-${doc}`);
  await vscode.workspace.fs.copy(workspaceUri(doc), to, { overwrite: true });
  return to;
}

/** Reverts (without asking) and closes every editor, so each test starts from the files on disk. */
export async function closeAll(): Promise<void> {
  for (const d of vscode.workspace.textDocuments) {
    if (d.isDirty) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

/** The first document, open now or opened later (a language change reopens it), that `match` accepts. */
export function openedWhere(match: (d: vscode.TextDocument) => boolean): Promise<vscode.TextDocument> {
  return new Promise((resolve) => {
    const sub = vscode.workspace.onDidOpenTextDocument((d) => {
      if (match(d)) {
        sub.dispose();
        resolve(d);
      }
    });
    const now = vscode.workspace.textDocuments.find(match);
    if (now !== undefined) {
      sub.dispose();
      resolve(now);
    }
  });
}
