// The invariants the fuzzing checks, as plain functions that throw a Violation (no
// vitest here: test/fuzz/long.ts runs the same checks). One function per subject:
//   the parser (parseReferat), the rules through the engine (lint), the safe fixes (the
//   service's fix loop), the providers (server/src/features), and the incremental parser.
// Every range must lie inside the document as LSP counts it: lines split on \r\n, \r and
// \n only, after a byte-order mark (the model's positions skip it), line < lineCount,
// character ≤ that line's length, start ≤ end.
import { join } from 'node:path';
import type { CompletionItem, DocumentSymbol, TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { ProfileId } from '../../server/src/config/profiles';
import { resolveConfig, type ResolvedConfig } from '../../server/src/config/resolve';
import { codeActions, FIX_ALL_KIND } from '../../server/src/features/codeActions';
import { toLspDiagnostics } from '../../server/src/features/diagnostics';
import { createFeatures } from '../../server/src/features';
import { regenerateToc } from '../../server/src/features/toc';
import { linesOf } from '../../server/src/features/text';
import type { Locale } from '../../server/src/l10n/locale';
import type { Position, Range, ReferatModel } from '../../server/src/model';
import { parseReferat, reparseReferat } from '../../server/src/parser/parse';
import { applyEdits, INTERNAL_RULE_ID, lint, type LintDiagnostic } from '../../server/src/rules/engine';
import { chooseFixes, editsOf } from '../../server/src/rules/fixes';
import type { TextEdit } from '../../server/src/rules/types';
import { createReferatService, MAX_FIX_PASSES, type ReferatService } from '../../server/src/service/service';
import { pathToUri } from '../../server/src/node/host';
import { summarize, WorkspaceIndex } from '../../server/src/workspace/summary';
import { applyEdit, type Edit, type PositionPick } from './arbitraries';

/** A broken invariant: `kind` names which (for counting and deduplication), the message says where. */
export class Violation extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(`[${kind}] ${message}`);
    this.name = 'Violation';
  }
}

function fail(kind: string, message: string): never {
  throw new Violation(kind, message);
}

// ---------------------------------------------------------------------------
// The document as LSP sees it

export interface Doc {
  text: string;
  /** The lines after a byte-order mark, split on \r\n, \r and \n. */
  lines: readonly string[];
}

export function docOf(text: string): Doc {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return { text, lines: body.split(/\r\n|\r|\n/) };
}

const show = (r: Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

function isPosition(p: unknown): p is Position {
  return typeof p === 'object' && p !== null && typeof (p as Position).line === 'number' && typeof (p as Position).character === 'number';
}

export function comparePos(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Whether a position lies in the document. */
function positionInDoc(doc: Doc, p: Position): boolean {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return false;
  const line = doc.lines[p.line];
  return line !== undefined && p.character <= line.length;
}

/** Throws unless the range lies inside the document with start ≤ end. */
export function checkRange(doc: Doc, r: Range, what: string, kind = 'range-outside-document'): void {
  if (!isPosition(r.start) || !isPosition(r.end)) fail(kind, `${what}: not a range: ${JSON.stringify(r)}`);
  for (const [end, p] of [['start', r.start], ['end', r.end]] as const) {
    if (!positionInDoc(doc, p)) {
      const line = doc.lines[p.line];
      fail(kind, `${what} ${show(r)}: ${end} outside the document (${doc.lines.length} lines${line !== undefined ? `, line ${p.line} has ${line.length} characters` : ''})`);
    }
  }
  if (comparePos(r.start, r.end) > 0) fail('range-inverted', `${what} ${show(r)}: start after end`);
}

function checkInside(outer: Range, inner: Range, what: string, kind: string): void {
  if (comparePos(outer.start, inner.start) > 0 || comparePos(inner.end, outer.end) > 0) fail(kind, `${what}: ${show(inner)} not inside ${show(outer)}`);
}

/** Every range anywhere in a value (any object with a start and an end position), with its path. */
function walkRanges(value: unknown, path: string, visit: (r: Range, path: string) => void): void {
  if (Array.isArray(value)) {
    value.forEach((x, i) => walkRanges(x, `${path}[${i}]`, visit));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  if (isPosition(obj['start']) && isPosition(obj['end'])) {
    visit(obj as unknown as Range, path);
    return;
  }
  for (const key of Object.keys(obj)) walkRanges(obj[key], path === '' ? key : `${path}.${key}`, visit);
}

/** The edit's offsets in the document, or a violation when a position lies outside. */
function offsetsOf(doc: Doc, edits: readonly TextEdit[], what: string): { s: number; e: number; t: string }[] {
  const starts: number[] = [];
  const body = doc.text.charCodeAt(0) === 0xfeff ? doc.text.slice(1) : doc.text;
  let at = 0;
  for (const line of doc.lines) {
    starts.push(at);
    at += line.length;
    at += body.charCodeAt(at) === 13 && body.charCodeAt(at + 1) === 10 ? 2 : 1;
  }
  return edits.map((e, i) => {
    checkRange(doc, e.range, `${what}, edit ${i}`);
    return { s: (starts[e.range.start.line] as number) + e.range.start.character, e: (starts[e.range.end.line] as number) + e.range.end.character, t: e.newText };
  });
}

/** Edits overlap when their ranges share a character or an insertion falls inside a replaced range (rules/fixes.ts). */
function checkNoOverlap(edits: readonly { range: Range }[], what: string): void {
  const sorted = [...edits].sort((a, b) => comparePos(a.range.start, b.range.start) || comparePos(a.range.end, b.range.end));
  let end: Position | null = null;
  let endRange: Range | null = null;
  for (const e of sorted) {
    if (end !== null && endRange !== null && comparePos(e.range.start, end) < 0) fail('fix-edits-overlap', `${what}: edits ${show(endRange)} and ${show(e.range)} overlap`);
    if (end === null || comparePos(e.range.end, end) > 0) {
      end = e.range.end;
      endRange = e.range;
    }
  }
}

// ---------------------------------------------------------------------------
// The configuration a document is checked under

/** A profile (or none), the locale, and the optional dialects on or off. */
export interface FuzzConfig {
  profile: ProfileId | null;
  locale: Locale;
  dialects: boolean;
}

export const DEFAULT_CONFIG: FuzzConfig = { profile: null, locale: 'da', dialects: false };

const resolvedConfigs = new Map<string, ResolvedConfig>();

export function resolvedFor(c: FuzzConfig): ResolvedConfig {
  const key = `${c.profile ?? '-'} ${c.locale} ${c.dialects}`;
  let r = resolvedConfigs.get(key);
  if (r === undefined) {
    r = resolveConfig([{ source: 'file', config: { ...(c.profile !== null ? { extends: c.profile } : {}), locale: c.locale, ...(c.dialects ? { dialects: ['dagsordenspunkt'] } : {}) } }], { trusted: true });
    resolvedConfigs.set(key, r);
  }
  return r;
}

const lintOptions = (c: FuzzConfig): Parameters<typeof lint>[2] => {
  const r = resolvedFor(c);
  return { locale: c.locale, options: r.ruleOptions, severities: r.severities };
};

// ---------------------------------------------------------------------------
// The parser

/** parseReferat never throws, counts the lines as LSP does, and every range of the model lies in the document. */
export function checkModel(doc: Doc, model: ReferatModel, what = 'model'): void {
  if (model.lineCount !== doc.lines.length) fail('model-line-count', `${what}.lineCount ${model.lineCount}, the document has ${doc.lines.length} lines`);
  walkRanges(model, what, (r, path) => checkRange(doc, r, path));
}

export function checkParse(text: string, config: FuzzConfig = DEFAULT_CONFIG): ReferatModel {
  const doc = docOf(text);
  const model = parseReferat(text, resolvedFor(config).parseOptions);
  checkModel(doc, model);
  return model;
}

// ---------------------------------------------------------------------------
// The rules

/** No rule throws (the engine reports that as internal-error), every range and fix edit lies in the document, a fix's edits do not overlap. */
export function checkDiagnostics(doc: Doc, found: readonly LintDiagnostic[]): void {
  for (const d of found) {
    if (d.rule === INTERNAL_RULE_ID) fail('rule-threw', d.message);
    checkRange(doc, d.range, `diagnostic ${d.rule}`);
    if (d.fix !== undefined) {
      d.fix.edits.forEach((e, i) => checkRange(doc, e.range, `fix of ${d.rule} at ${show(d.range)}, edit ${i}`));
      checkNoOverlap(d.fix.edits, `fix of ${d.rule} at ${show(d.range)}`);
    }
  }
}

export function checkLint(text: string, config: FuzzConfig = DEFAULT_CONFIG): { model: ReferatModel; found: LintDiagnostic[] } {
  const doc = docOf(text);
  const model = parseReferat(text, resolvedFor(config).parseOptions);
  checkModel(doc, model);
  const found = lint(text, model, lintOptions(config));
  checkDiagnostics(doc, found);
  return { model, found };
}

// ---------------------------------------------------------------------------
// The safe fixes

const services = new Map<string, ReferatService>();

/** The service under a configuration, as the CLI's --fix uses it. */
export function fuzzService(config: FuzzConfig = DEFAULT_CONFIG): ReferatService {
  const key = `${config.profile ?? '-'} ${config.locale} ${config.dialects}`;
  let svc = services.get(key);
  if (svc === undefined) {
    const resolved = resolvedFor(config);
    svc = createReferatService({ configs: { forUri: () => ({ locale: config.locale, resolved }), generation: 0 }, log: () => undefined });
    services.set(key, svc);
  }
  return svc;
}

const URI = 'file:///fuzz.referat.txt';

/**
 * The fix loop of service.fix, pass by pass: each pass's chosen edits lie in the document and
 * do not overlap, applyEdits keeps every character outside them (it gives what splicing the
 * edits in by hand gives), the loop ends with nothing safe left to fix, and service.fix agrees.
 */
export function checkFix(text: string, config: FuzzConfig = DEFAULT_CONFIG): { passes: number; text: string } {
  const svc = fuzzService(config);
  let current = text;
  let findings = svc.lintText(URI, current);
  let passes = 0;
  for (; passes < MAX_FIX_PASSES; passes++) {
    const doc = docOf(current);
    checkDiagnostics(doc, findings);
    const chosen = chooseFixes(findings.filter((d) => d.fix?.safe === true));
    if (chosen.length === 0) break;
    const edits = editsOf(chosen);
    const what = `pass ${passes + 1} (${[...new Set(chosen.map((c) => c.rule))].join(', ')})`;
    const spans = offsetsOf(doc, edits, what);
    checkNoOverlap(edits, `chosen fixes of ${what}`);
    // The text outside the edits, kept in order, with the new text between: by hand.
    const order = spans.map((s, i) => ({ ...s, i })).sort((a, b) => a.s - b.s || a.e - b.e || a.i - b.i);
    const bom = current.charCodeAt(0) === 0xfeff ? 1 : 0;
    let expected = current.slice(0, bom);
    let pos = bom;
    for (const s of order) {
      expected += current.slice(pos, s.s + bom) + s.t;
      pos = s.e + bom;
    }
    expected += current.slice(pos);
    const applied = applyEdits(current, edits);
    if (applied.applied !== edits.length) fail('fix-dropped-edit', `${what}: applyEdits applied ${applied.applied} of ${edits.length} edits`);
    if (applied.text !== expected) fail('fix-changed-outside', `${what}: applyEdits changed text outside the edits`);
    if (applied.text === current) {
      const rules = chosen.map((c) => `${c.rule} at ${show(c.range)}`).join(', ');
      fail('fix-no-progress', `${what}: the chosen safe fixes change nothing (${rules})`);
    }
    current = applied.text;
    findings = svc.lintText(URI, current);
  }
  const left = chooseFixes(findings.filter((d) => d.fix?.safe === true));
  if (left.length > 0) fail('fix-not-converged', `after ${MAX_FIX_PASSES} passes still safe fixes left: ${left.map((d) => `${d.rule} at ${show(d.range)}`).join(', ')}`);
  const viaService = svc.fix(URI, text);
  if (viaService.text !== current) fail('fix-service-differs', 'service.fix gives another text than its passes one by one');
  return { passes, text: current };
}

// ---------------------------------------------------------------------------
// The providers

function checkSymbols(doc: Doc, symbols: readonly DocumentSymbol[], parent: DocumentSymbol | null, path: string): void {
  symbols.forEach((s, i) => {
    const where = `${path}[${i}] ${JSON.stringify(s.name)}`;
    if (s.name.trim() === '') fail('symbol-empty-name', `${where}: empty name`);
    checkRange(doc, s.range, `${where}.range`);
    checkRange(doc, s.selectionRange, `${where}.selectionRange`);
    checkInside(s.range, s.selectionRange, `${where}: selectionRange`, 'symbol-selection-outside');
    if (parent !== null) checkInside(parent.range, s.range, `${where}: range in its parent's`, 'symbol-child-outside-parent');
    if (s.children !== undefined) checkSymbols(doc, s.children, s, `${where}.children`);
  });
}

function checkTextEdits(doc: Doc, edits: readonly LspTextEdit[] | undefined, what: string): void {
  if (edits === undefined) return;
  edits.forEach((e, i) => checkRange(doc, e.range, `${what}, edit ${i}`));
  checkNoOverlap(edits, what);
}

function checkCompletion(doc: Doc, items: readonly CompletionItem[], position: Position, what: string): void {
  for (const item of items) {
    const where = `${what} item ${JSON.stringify(item.label)}`;
    if (item.label === '') fail('completion-empty-label', `${where}: empty label`);
    const te = item.textEdit;
    if (te !== undefined) {
      const ranges = 'range' in te ? [te.range] : [te.insert, te.replace];
      for (const r of ranges) {
        checkRange(doc, r, `${where}.textEdit`);
        // LSP: a completion's edit is on one line and holds the position it was asked at.
        if (r.start.line !== r.end.line) fail('completion-edit-multiline', `${where}.textEdit ${show(r)} spans lines`);
        if (comparePos(r.start, position) > 0 || comparePos(position, r.end) > 0) fail('completion-edit-off-position', `${where}.textEdit ${show(r)} does not hold ${position.line}:${position.character}`);
      }
    }
    checkTextEdits(doc, item.additionalTextEdits, `${where}.additionalTextEdits`);
  }
}

/** The positions to ask at: anywhere in the document, near what the model found, or (wild) past its end. */
export function positionsFor(doc: Doc, model: ReferatModel, picks: readonly PositionPick[]): { position: Position; inside: boolean }[] {
  const anchors: Position[] = [];
  if (picks.some((p) => p.nearModel)) walkRanges(model, '', (r) => anchors.push(r.start, r.end));
  return picks.map((p) => {
    if (p.wild) return { position: { line: p.line % (doc.lines.length + 3), character: p.character % 5000 }, inside: false };
    if (p.nearModel && anchors.length > 0) {
      const a = anchors[p.line % anchors.length] as Position;
      const len = (doc.lines[a.line] ?? '').length;
      const character = Math.max(0, Math.min(len, a.character + (p.character % 5) - 2));
      return { position: { line: a.line, character }, inside: true };
    }
    const line = p.line % doc.lines.length;
    return { position: { line, character: p.character % ((doc.lines[line] as string).length + 1) }, inside: true };
  });
}

/**
 * Every provider on the document: symbols (tree and flat), folding, completion, hover,
 * references and definition, document links, code actions (quick fixes, fix-all, the
 * TOC), and the TOC command. None throws, every range lies in the document, children
 * lie in their parents, selectionRange in range, and no action's edits overlap.
 */
export function checkProviders(text: string, picks: readonly PositionPick[], config: FuzzConfig = DEFAULT_CONFIG): void {
  const doc = docOf(text);
  const resolved = resolvedFor(config);
  const model = parseReferat(text, resolved.parseOptions);
  const uri = URI;
  const index = new WorkspaceIndex();
  index.set(summarize(uri, model));
  index.set(summarize('file:///other.referat.txt', model));
  const features = createFeatures(index);
  const lines = linesOf(text);
  const context = { uri, client: { hierarchicalDocumentSymbols: true }, text: lines, rules: resolved.ruleOptions, locale: config.locale };

  const tree = features.documentSymbol.provide(model, context) as DocumentSymbol[];
  if (tree.length !== 1) fail('symbol-root', `expected one root symbol, got ${tree.length}`);
  checkSymbols(doc, tree, null, 'symbols');
  const flat = features.documentSymbol.provide(model, { ...context, client: { hierarchicalDocumentSymbols: false } });
  walkRanges(flat, 'flat symbols', (r, path) => checkRange(doc, r, path));

  for (const f of features.foldingRange.provide(model, context)) {
    if (!(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < doc.lines.length)) fail('folding-outside-document', `folding ${f.startLine}-${f.endLine} in ${doc.lines.length} lines`);
  }

  const names = features.documentLink.candidates(model, context);
  names.forEach((n, i) => checkRange(doc, n.range, `bilag name ${i} ${JSON.stringify(n.name)}`));
  const files = new Map(names.map((n) => [n.name.normalize('NFC').toLowerCase(), `${n.name}.pdf`]));
  // The server's own target (node/host.ts pathToUri): a bilag name may hold a lone surrogate.
  for (const link of features.documentLink.links(names, files, (f) => pathToUri(join('/fuzz', f)))) checkRange(doc, link.range, 'document link');

  for (const { position, inside } of positionsFor(doc, model, picks)) {
    const at = `at ${position.line}:${position.character}`;
    const items = features.completion.provide(model, context, position);
    const h = features.hover.provide(model, context, position);
    const refs = features.references.provide(model, context, position);
    const defs = features.definition.provide(model, context, position);
    // A stale position (past the end) must not throw; what it answers is not checked.
    if (!inside) continue;
    checkCompletion(doc, items, position, `completion ${at}`);
    if (h !== null && h.range !== undefined) checkRange(doc, h.range, `hover ${at}`);
    for (const loc of [...(refs ?? []), ...(defs ?? [])]) checkRange(doc, loc.range, `reference ${at} in ${loc.uri}`);
  }

  const found = lint(text, model, lintOptions(config));
  const diagnostics = toLspDiagnostics(found, () => undefined);
  const whole: Range = { start: { line: 0, character: 0 }, end: { line: doc.lines.length - 1, character: (doc.lines[doc.lines.length - 1] as string).length } };
  const requests = [
    { contextDiagnostics: diagnostics },
    { contextDiagnostics: [], only: [FIX_ALL_KIND] },
    { contextDiagnostics: [], only: ['refactor'] },
  ];
  for (const request of requests) {
    const actions = codeActions({ uri, findings: found, locale: config.locale, model, text: lines, range: whole, ...request });
    actions.forEach((a, i) => {
      const edits = a.edit?.changes?.[uri];
      checkTextEdits(doc, edits, `code action ${i} ${JSON.stringify(a.title)}`);
    });
  }
  const toc = regenerateToc(model, lines);
  if (toc !== null) checkRange(doc, toc.range, 'TOC edit');
}

// ---------------------------------------------------------------------------
// The incremental parser

const json = (m: ReferatModel): string => JSON.stringify(m);

/**
 * Edits one after another, as while typing: after each, reparseReferat from the previous
 * model equals a fresh parseReferat of the edited text (the model, and the findings).
 */
export function checkIncremental(start: string, edits: readonly Edit[], config: FuzzConfig = DEFAULT_CONFIG): void {
  const options = resolvedFor(config).parseOptions;
  let text = start;
  let model = parseReferat(text, options);
  edits.forEach((e, step) => {
    const next = applyEdit(text, e);
    const incremental = reparseReferat(model, next, options);
    const full = parseReferat(next, options);
    if (json(incremental) !== json(full)) fail('incremental-differs', `step ${step} (${JSON.stringify(e)}): the re-parsed model differs from a fresh parse`);
    const a = JSON.stringify(lint(next, incremental, lintOptions(config)));
    const b = JSON.stringify(lint(next, full, lintOptions(config)));
    if (a !== b) fail('incremental-findings-differ', `step ${step} (${JSON.stringify(e)}): findings on the re-parsed model differ`);
    text = next;
    model = incremental;
  });
  checkModel(docOf(text), model, 'incremental model');
}
