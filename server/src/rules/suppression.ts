// Inline suppression comments, read in one linear pass over the lines:
//   <!-- referat-disable-next-line rule-id … -->   the next non-blank line
//   <!-- referat-disable-line rule-id … -->        the comment's own line
//   <!-- referat-disable rule-id … -->  …  <!-- referat-enable rule-id … -->   a block
//   <!-- referat-disable-file rule-id … -->        the whole file, wherever it stands
// Without rule ids a directive applies to every rule; a bare <!-- referat-disable -->
// with no referat-enable after it (typically at the top) therefore disables the file.
import type { Range } from '../model';

export type Directive = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';

export interface DirectiveComment {
  directive: Directive;
  /** Rule ids named; empty means every rule. */
  rules: string[];
  line: number;
  /** The range of each named rule id, for reporting unknown ones. */
  ruleRanges: Range[];
}

interface State {
  all: boolean;
  /** Disabled by name. */
  rules: ReadonlySet<string>;
  /** Enabled by name while all are disabled. */
  except: ReadonlySet<string>;
}

const EMPTY: ReadonlySet<string> = new Set();
const DIRECTIVES: readonly Directive[] = ['disable-next-line', 'disable-line', 'disable-file', 'disable', 'enable'];

/** Finds the directive comments; linear in the text. */
export function readDirectives(lines: readonly string[]): DirectiveComment[] {
  const out: DirectiveComment[] = [];
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line] as string;
    let from = 0;
    while (true) {
      const open = text.indexOf('<!--', from);
      if (open < 0) break;
      const close = text.indexOf('-->', open + 4);
      if (close < 0) break;
      from = close + 3;
      let i = open + 4;
      while (i < close && isSpace(text.charCodeAt(i))) i++;
      if (!text.startsWith('referat-', i)) continue;
      const wordStart = i + 8;
      let wordEnd = wordStart;
      while (wordEnd < close && !isSpace(text.charCodeAt(wordEnd))) wordEnd++;
      const directive = DIRECTIVES.find((d) => d === text.slice(wordStart, wordEnd));
      if (directive === undefined) continue;
      const rules: string[] = [];
      const ruleRanges: Range[] = [];
      let j = wordEnd;
      while (j < close) {
        while (j < close && (isSpace(text.charCodeAt(j)) || text.charCodeAt(j) === 44)) j++;
        const start = j;
        while (j < close && !isSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== 44) j++;
        if (j > start) {
          rules.push(text.slice(start, j));
          ruleRanges.push({ start: { line, character: start }, end: { line, character: j } });
        }
      }
      out.push({ directive, rules, line, ruleRanges });
    }
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

/** Answers "is this rule suppressed on this line?" for one document. */
export class Suppressions {
  /** Lines where the block state changes, ascending, with the state from there on. */
  private readonly changes: { line: number; state: State }[] = [];
  private readonly lineRules = new Map<number, { all: boolean; rules: Set<string> }>();
  private fileAll = false;
  private readonly fileRules = new Set<string>();

  constructor(directives: readonly DirectiveComment[], lines: readonly string[]) {
    let state: State = { all: false, rules: EMPTY, except: EMPTY };
    for (const d of directives) {
      switch (d.directive) {
        case 'disable-file':
          if (d.rules.length === 0) this.fileAll = true;
          else for (const r of d.rules) this.fileRules.add(r);
          break;
        case 'disable-line':
          this.addLine(d.line, d.rules);
          break;
        case 'disable-next-line': {
          let next = d.line + 1;
          while (next < lines.length && (lines[next] as string).trim() === '') next++;
          if (next < lines.length) this.addLine(next, d.rules);
          break;
        }
        case 'disable':
          state =
            d.rules.length === 0
              ? { all: true, rules: EMPTY, except: EMPTY }
              : { all: state.all, rules: new Set([...state.rules, ...d.rules]), except: new Set([...state.except].filter((r) => !d.rules.includes(r))) };
          this.changes.push({ line: d.line, state });
          break;
        case 'enable':
          state =
            d.rules.length === 0
              ? { all: false, rules: EMPTY, except: EMPTY }
              : {
                  all: state.all,
                  rules: new Set([...state.rules].filter((r) => !d.rules.includes(r))),
                  except: state.all ? new Set([...state.except, ...d.rules]) : state.except,
                };
          this.changes.push({ line: d.line, state });
          break;
      }
    }
  }

  get empty(): boolean {
    return this.changes.length === 0 && this.lineRules.size === 0 && !this.fileAll && this.fileRules.size === 0;
  }

  private addLine(line: number, rules: readonly string[]): void {
    let entry = this.lineRules.get(line);
    if (entry === undefined) {
      entry = { all: false, rules: new Set() };
      this.lineRules.set(line, entry);
    }
    if (rules.length === 0) entry.all = true;
    for (const r of rules) entry.rules.add(r);
  }

  isSuppressed(rule: string, line: number): boolean {
    if (this.fileAll || this.fileRules.has(rule)) return true;
    const l = this.lineRules.get(line);
    if (l !== undefined && (l.all || l.rules.has(rule))) return true;
    // The last state change on or before this line (binary search).
    let lo = 0;
    let hi = this.changes.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.changes[mid] as { line: number }).line <= line) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (found < 0) return false;
    const s = (this.changes[found] as { state: State }).state;
    return (s.all && !s.except.has(rule)) || s.rules.has(rule);
  }
}
