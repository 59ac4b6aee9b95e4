// Custom case-number patterns come from files anyone can put in a repository, so they
// must not be able to hang the server. Two guards:
//   1. A conservative static check over the pattern source refuses everything that
//      can backtrack super-linearly: a variable repetition inside a variable
//      repetition ((a+)+, (a*)*, (a?)+), an alternation under a variable repetition
//      whose alternatives can start with the same character ((a|ab)*), a repetition
//      of something that can match nothing, backreferences, lookarounds, and more
//      than a few variable repetitions in all (a polynomial bound on a short value).
//      Anything the checker does not understand is refused too.
//   2. Matching is bounded: a pattern is only ever tested, anchored at both ends,
//      against one sagsnummer of at most MAX_CASE_NUMBER_LENGTH characters — never
//      against a whole line or document.
import type { CaseNumberPattern } from '../rules/types';

export const MAX_PATTERN_LENGTH = 200;
/** Variable repetitions (min ≠ max) allowed in one pattern, counting repeats of fixed groups. */
export const MAX_VARIABLE_QUANTIFIERS = 4;

export type UnsafeReason =
  | 'syntax'
  | 'too-long'
  | 'backreference'
  | 'lookaround'
  | 'nested-quantifier'
  | 'ambiguous-alternation'
  | 'empty-repetition'
  | 'too-many-quantifiers'
  | 'unsupported';

export type PatternCheck = { ok: true } | { ok: false; reason: UnsafeReason; detail?: string };

type Ranges = ReadonlyArray<readonly [number, number]>;
const MAX_CP = 0x10ffff;
const ALL: Ranges = [[0, MAX_CP]];
const DIGIT: Ranges = [[48, 57]];
const WORD: Ranges = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];
const SPACE: Ranges = [
  [9, 13],
  [32, 32],
  [160, 160],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

type RNode =
  | { t: 'alt'; alts: RNode[] }
  | { t: 'seq'; items: RNode[] }
  | { t: 'group'; body: RNode }
  | { t: 'quant'; body: RNode; min: number; max: number }
  | { t: 'set'; ranges: Ranges }
  | { t: 'assert' };

class Refuse extends Error {
  constructor(
    readonly reason: UnsafeReason,
    readonly detail?: string,
  ) {
    super(reason);
  }
}

/** Checks a pattern source; `ok` means it is valid (with the u flag) and cannot backtrack badly. */
export function checkPattern(source: string): PatternCheck {
  if (source.length > MAX_PATTERN_LENGTH) return { ok: false, reason: 'too-long', detail: String(MAX_PATTERN_LENGTH) };
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return { ok: false, reason: 'syntax', detail: error instanceof Error ? error.message : String(error) };
  }
  try {
    const ast = new Parser(source).parse();
    analyse(ast);
    return { ok: true };
  } catch (error) {
    if (error instanceof Refuse) return error.detail === undefined ? { ok: false, reason: error.reason } : { ok: false, reason: error.reason, detail: error.detail };
    return { ok: false, reason: 'unsupported' };
  }
}

/** Compiles a checked pattern, anchored at both ends; null when it is refused. */
export function compilePattern(source: string): CaseNumberPattern | null {
  if (!checkPattern(source).ok) return null;
  return { source, regex: new RegExp(`^(?:${source})$`, 'u') };
}

// ---- parser (u-mode syntax; RegExp has already accepted the source)

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): RNode {
    const node = this.alternation();
    if (this.i < this.s.length) throw new Refuse('unsupported');
    return node;
  }

  private alternation(): RNode {
    const alts = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? (alts[0] as RNode) : { t: 'alt', alts };
  }

  private sequence(): RNode {
    const items: RNode[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      items.push(this.term());
    }
    return { t: 'seq', items };
  }

  private term(): RNode {
    const atom = this.atom();
    const q = this.quantifier();
    if (q === null) return atom;
    if (atom.t === 'assert') throw new Refuse('unsupported');
    return { t: 'quant', body: atom, min: q.min, max: q.max };
  }

  private quantifier(): { min: number; max: number } | null {
    const c = this.s[this.i];
    let q: { min: number; max: number } | null = null;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i, this.i + 24));
      if (m === null) throw new Refuse('unsupported');
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length;
      if (this.s[this.i] === '?') this.i++;
      return { min, max };
    }
    if (q === null) return null;
    this.i++;
    if (this.s[this.i] === '?') this.i++; // lazy: same search space
    return q;
  }

  private atom(): RNode {
    const c = this.s[this.i] as string;
    if (c === '(') return this.group();
    if (c === '[') return { t: 'set', ranges: this.charClass() };
    if (c === '.') {
      this.i++;
      return { t: 'set', ranges: ALL };
    }
    if (c === '^' || c === '$') {
      this.i++;
      return { t: 'assert' };
    }
    if (c === '\\') {
      const e = this.escape(false);
      return e === 'assert' ? { t: 'assert' } : { t: 'set', ranges: e };
    }
    const cp = this.s.codePointAt(this.i) as number;
    this.i += cp > 0xffff ? 2 : 1;
    return { t: 'set', ranges: [[cp, cp]] };
  }

  private group(): RNode {
    this.i++; // (
    if (this.s[this.i] === '?') {
      const next = this.s.slice(this.i + 1, this.i + 3);
      if (next.startsWith('=') || next.startsWith('!') || next === '<=' || next === '<!') throw new Refuse('lookaround');
      if (next.startsWith(':')) {
        this.i += 2;
      } else if (next.startsWith('<')) {
        const close = this.s.indexOf('>', this.i);
        if (close < 0) throw new Refuse('unsupported');
        this.i = close + 1;
      } else {
        throw new Refuse('unsupported');
      }
    }
    const body = this.alternation();
    if (this.s[this.i] !== ')') throw new Refuse('unsupported');
    this.i++;
    return { t: 'group', body };
  }

  private charClass(): Ranges {
    this.i++; // [
    let negate = false;
    if (this.s[this.i] === '^') {
      negate = true;
      this.i++;
    }
    const out: [number, number][] = [];
    while (this.i < this.s.length && this.s[this.i] !== ']') {
      const lo = this.classAtom();
      if (this.s[this.i] === '-' && this.s[this.i + 1] !== ']' && this.i + 1 < this.s.length && lo.length === 1 && (lo[0] as [number, number])[0] === (lo[0] as [number, number])[1]) {
        this.i++;
        const hi = this.classAtom();
        if (hi.length !== 1 || (hi[0] as [number, number])[0] !== (hi[0] as [number, number])[1]) throw new Refuse('unsupported');
        out.push([(lo[0] as [number, number])[0], (hi[0] as [number, number])[0]]);
      } else {
        out.push(...lo.map((r): [number, number] => [r[0], r[1]]));
      }
    }
    if (this.s[this.i] !== ']') throw new Refuse('unsupported');
    this.i++;
    const ranges = normalize(out);
    return negate ? complement(ranges) : ranges;
  }

  private classAtom(): Ranges {
    if (this.s[this.i] === '\\') {
      if (this.s[this.i + 1] === 'b') {
        this.i += 2;
        return [[8, 8]];
      }
      if (this.s[this.i + 1] === '-') {
        this.i += 2;
        return [[45, 45]];
      }
      const e = this.escape(true);
      if (e === 'assert') throw new Refuse('unsupported');
      return e;
    }
    const cp = this.s.codePointAt(this.i) as number;
    this.i += cp > 0xffff ? 2 : 1;
    return [[cp, cp]];
  }

  /** An escape at this.i (the backslash); a character set, or 'assert' for \b and \B. */
  private escape(inClass: boolean): Ranges | 'assert' {
    const e = this.s[this.i + 1] ?? '';
    this.i += 2;
    switch (e) {
      case 'd':
        return DIGIT;
      case 'D':
        return complement(DIGIT);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return SPACE;
      case 'S':
        return complement(SPACE);
      case 'b':
      case 'B':
        if (inClass) throw new Refuse('unsupported');
        return 'assert';
      case 't':
        return [[9, 9]];
      case 'n':
        return [[10, 10]];
      case 'v':
        return [[11, 11]];
      case 'f':
        return [[12, 12]];
      case 'r':
        return [[13, 13]];
      case '0':
        return [[0, 0]];
      case 'k':
        throw new Refuse('backreference');
      case 'p':
      case 'P': {
        // Unicode properties: treated as "any character", which is conservative.
        const close = this.s.indexOf('}', this.i);
        if (this.s[this.i] !== '{' || close < 0) throw new Refuse('unsupported');
        this.i = close + 1;
        return ALL;
      }
      case 'c': {
        const letter = this.s.charCodeAt(this.i);
        this.i++;
        return [[letter % 32, letter % 32]];
      }
      case 'x': {
        const v = parseInt(this.s.slice(this.i, this.i + 2), 16);
        this.i += 2;
        return [[v, v]];
      }
      case 'u': {
        if (this.s[this.i] === '{') {
          const close = this.s.indexOf('}', this.i);
          const v = parseInt(this.s.slice(this.i + 1, close), 16);
          this.i = close + 1;
          return [[v, v]];
        }
        const v = parseInt(this.s.slice(this.i, this.i + 4), 16);
        this.i += 4;
        return [[v, v]];
      }
      default:
        if (/[1-9]/.test(e)) throw new Refuse('backreference');
        if ('^$\\.*+?()[]{}|/'.includes(e) && e !== '') {
          const cp = e.charCodeAt(0);
          return [[cp, cp]];
        }
        throw new Refuse('unsupported');
    }
  }
}

// ---- character sets as sorted, disjoint ranges

function normalize(ranges: [number, number][]): Ranges {
  const sorted = ranges.filter((r) => r[0] <= r[1]).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

function complement(ranges: Ranges): Ranges {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of ranges) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

function union(a: Ranges, b: Ranges): Ranges {
  return normalize([...a, ...b].map((r): [number, number] => [r[0], r[1]]));
}

function overlaps(a: Ranges, b: Ranges): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as readonly [number, number];
    const y = b[j] as readonly [number, number];
    if (x[1] < y[0]) i++;
    else if (y[1] < x[0]) j++;
    else return true;
  }
  return false;
}

// ---- analysis

function nullable(node: RNode): boolean {
  switch (node.t) {
    case 'alt':
      return node.alts.some(nullable);
    case 'seq':
      return node.items.every(nullable);
    case 'group':
      return nullable(node.body);
    case 'quant':
      return node.min === 0 || nullable(node.body);
    case 'set':
      return false;
    case 'assert':
      return true;
  }
}

/** Characters that can begin a match of the node. */
function first(node: RNode): Ranges {
  switch (node.t) {
    case 'alt':
      return node.alts.reduce<Ranges>((acc, a) => union(acc, first(a)), []);
    case 'seq': {
      let acc: Ranges = [];
      for (const item of node.items) {
        acc = union(acc, first(item));
        if (!nullable(item)) break;
      }
      return acc;
    }
    case 'group':
    case 'quant':
      return first(node.body);
    case 'set':
      return node.ranges;
    case 'assert':
      return [];
  }
}

function containsVariableQuantifier(node: RNode): boolean {
  switch (node.t) {
    case 'alt':
      return node.alts.some(containsVariableQuantifier);
    case 'seq':
      return node.items.some(containsVariableQuantifier);
    case 'group':
      return containsVariableQuantifier(node.body);
    case 'quant':
      return node.min !== node.max || containsVariableQuantifier(node.body);
    default:
      return false;
  }
}

/** Every alternation inside a variably repeated body must be decided by its first character. */
function checkAlternations(node: RNode): void {
  switch (node.t) {
    case 'alt': {
      const firsts = node.alts.map(first);
      for (let a = 0; a < node.alts.length; a++) {
        if (nullable(node.alts[a] as RNode)) throw new Refuse('ambiguous-alternation');
        for (let b = a + 1; b < node.alts.length; b++) {
          if (overlaps(firsts[a] as Ranges, firsts[b] as Ranges)) throw new Refuse('ambiguous-alternation');
        }
      }
      node.alts.forEach(checkAlternations);
      return;
    }
    case 'seq':
      node.items.forEach(checkAlternations);
      return;
    case 'group':
    case 'quant':
      checkAlternations(node.body);
      return;
    default:
      return;
  }
}

function analyse(root: RNode): void {
  let variable = 0;
  const walk = (node: RNode, multiplicity: number): void => {
    switch (node.t) {
      case 'alt':
        node.alts.forEach((a) => walk(a, multiplicity));
        return;
      case 'seq':
        node.items.forEach((a) => walk(a, multiplicity));
        return;
      case 'group':
        walk(node.body, multiplicity);
        return;
      case 'quant': {
        if (node.min !== node.max) {
          variable += multiplicity;
          if (variable > MAX_VARIABLE_QUANTIFIERS) throw new Refuse('too-many-quantifiers', String(MAX_VARIABLE_QUANTIFIERS));
          if (containsVariableQuantifier(node.body)) throw new Refuse('nested-quantifier');
          checkAlternations(node.body);
          if (nullable(node.body)) throw new Refuse('empty-repetition');
          walk(node.body, multiplicity);
          return;
        }
        // A fixed repetition {n} multiplies what is inside it.
        if (node.max > 0) walk(node.body, multiplicity * Math.min(node.max, MAX_VARIABLE_QUANTIFIERS + 1));
        return;
      }
      default:
        return;
    }
  };
  walk(root, 1);
}
