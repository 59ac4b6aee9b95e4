// Loads syntaxes/referat.tmLanguage.json with vscode-textmate + vscode-oniguruma (no network)
// and turns lines into a compact token representation for snapshot tests.
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

export const ROOT = path.resolve(__dirname, '..', '..');
export const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'referat.tmLanguage.json');
export const ROOT_SCOPE = 'text.referat';

/** One token: its text and its scopes without the root scope. */
export type Token = [text: string, scopes: string[]];

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

async function createGrammar(): Promise<vsctm.IGrammar> {
  const wasmPath = path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');
  const wasm = fs.readFileSync(wasmPath);
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const onigLib: Promise<vsctm.IOnigLib> = Promise.resolve({
    createOnigScanner: (sources: string[]) => oniguruma.createOnigScanner(sources),
    createOnigString: (str: string) => oniguruma.createOnigString(str),
  });
  const registry = new vsctm.Registry({
    onigLib,
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== ROOT_SCOPE) return null;
      return vsctm.parseRawGrammar(fs.readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH);
    },
  });
  const grammar = await registry.loadGrammar(ROOT_SCOPE);
  if (!grammar) throw new Error(`Could not load grammar ${ROOT_SCOPE}`);
  return grammar;
}

/** The grammar, loaded once per test process. */
export function loadGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= createGrammar();
  return grammarPromise;
}

/**
 * Tokenizes `lines` as one document (state carries over from line to line).
 * Returns, for each line, the tokens as [text, scopes] pairs; whitespace-only tokens are skipped.
 */
export async function tokenizeLines(lines: readonly string[]): Promise<Token[][]> {
  const grammar = await loadGrammar();
  let state: vsctm.StateStack = vsctm.INITIAL;
  const result: Token[][] = [];
  for (const line of lines) {
    // No time limit: on a busy CI machine the first lines (while Oniguruma compiles the
    // patterns) took over 2 s and the test failed for nothing. A grammar pattern that hangs
    // still fails, by the test's timeout.
    const r = grammar.tokenizeLine(line, state, 0);
    if (r.stoppedEarly) throw new Error(`Tokenization stopped early (time limit) on line: ${line}`);
    state = r.ruleStack;
    const tokens: Token[] = [];
    for (const t of r.tokens) {
      const text = line.substring(t.startIndex, t.endIndex);
      if (text.trim() === '') continue;
      tokens.push([text, t.scopes.filter((s) => s !== ROOT_SCOPE)]);
    }
    result.push(tokens);
  }
  return result;
}

/** Tokenizes a single line. */
export async function tokenizeLine(line: string): Promise<Token[]> {
  const [tokens] = await tokenizeLines([line]);
  return tokens ?? [];
}

/** Readable one-token-per-line rendering, handy for snapshots. */
export function render(lines: readonly string[], tokens: readonly Token[][]): string {
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(`> ${line.replace(/\u00a0/g, '\\u00a0')}`);
    for (const [text, scopes] of tokens[i] ?? []) {
      // NBSP is made visible so snapshots show it.
      const shown = JSON.stringify(text).replace(/\u00a0/g, '\\u00a0');
      out.push(`  ${shown}  ${scopes.length ? scopes.join(' ') : '(plain)'}`);
    }
  });
  return out.join('\n');
}
