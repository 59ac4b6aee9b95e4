// What an editor's LSP client must have received from the Referat server, checked against
// the reviewed golden files; shared by the Neovim and Emacs tests. Positions are LSP's
// (0-based, UTF-16); each editor's adapter converts its own notation first.
import * as assert from 'assert';
import { goldenFindings, goldenPunkter, punktName, type GoldenFinding } from './lib';

export interface Finding {
  code: string;
  severity: GoldenFinding['severity'];
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface SymbolLike {
  name: string;
  kind: number;
  range: { start: { line: number } };
  children?: SymbolLike[];
}

export interface CompletionLike {
  label: string;
  sortText?: string;
  detail?: string;
}

const SYMBOL_CLASS = 5;

const asLine = (f: Finding): string =>
  `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.severity} ${f.code} ${f.message}`;
const goldenLine = (f: GoldenFinding): string => `${f.range} ${f.severity} ${f.rule} ${f.message}`;

/** The document's diagnostics are exactly its reviewed findings. */
export function expectFindings(doc: string, actual: readonly Finding[]): void {
  assert.deepStrictEqual(actual.map(asLine).sort(), goldenFindings(doc).map(goldenLine).sort());
}

/** documentSymbol: one meeting symbol whose punkt children are the reviewed punkter. */
export function expectPunkter(doc: string, symbols: readonly SymbolLike[] | null): void {
  assert.ok(symbols !== null && symbols.length === 1, `one root symbol, got ${JSON.stringify(symbols?.map((s) => s.name))}`);
  const punkter = (symbols[0]?.children ?? []).filter((s) => s.kind === SYMBOL_CLASS);
  assert.deepStrictEqual(
    punkter.map((s) => [s.name, s.range.start.line]),
    goldenPunkter(doc).map((p) => [punktName(p), p.line]),
  );
}

/** foldingRange: a range from each punkt's heading to its last line. */
export function expectFolds(doc: string, ranges: readonly { startLine: number; endLine: number }[] | null): void {
  const folds = new Set((ranges ?? []).map((r) => `${r.startLine}-${r.endLine}`));
  const missing = goldenPunkter(doc).filter((p) => !folds.has(`${p.line}-${p.lastLine}`));
  assert.deepStrictEqual(missing.map(punktName), []);
}

/** Completion on a blank line in a punkt without a Beslutning: Beslutning first, and "Punkt N: ". */
export function expectCompletion(items: readonly CompletionLike[]): void {
  const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  assert.ok(sorted.length > 0, 'no completion items');
  assert.strictEqual(sorted[0]?.label, 'Beslutning', `first of ${sorted.map((i) => i.label).join(', ')}`);
  if (sorted[0]?.detail !== undefined) assert.strictEqual(sorted[0].detail, 'Mangler i dette punkt');
  assert.ok(
    sorted.some((i) => /^Punkt \d+: $/.test(i.label)),
    `a "Punkt N: " item among ${sorted.map((i) => i.label).join(', ')}`,
  );
}
