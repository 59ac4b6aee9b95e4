// The text of a .referatrc.json, read by jsonc-parser (VS Code's own JSONC parser:
// comments, trailing commas, offsets of keys and values). What this file adds is what
// the library leaves to its caller:
//   - reading stops at the first syntax error and keeps what came before it, so the rest
//     of the config still applies, and that error is named as the message table in
//     validate.ts names it (from jsonc-parser's code and what the parser expected there);
//   - a nesting limit: the library recurses per level, so a file nested thousands of
//     levels deep is stopped at MAX_DEPTH instead of overflowing the stack;
//   - a key that appears twice is a warning, and the last one applies, as in JSON.parse.
// A key named "__proto__", "constructor" or "prototype" is data: getNodeValue builds
// objects with Object.create(null), and validate.ts copies them with JSON.parse.
// The deep import is the library's ES module build: its default (UMD) build loads its
// parts with a require() that esbuild cannot follow, which would break the bundles.
import { createScanner, getNodeValue, printParseErrorCode, visit, type NodeType, type ParseErrorCode } from 'jsonc-parser/lib/esm/main';

export type ConfigTextErrorCode =
  | 'unexpected-character'
  | 'unexpected-end'
  | 'expected-value'
  | 'expected-colon'
  | 'expected-comma-or-close'
  | 'expected-key'
  | 'unterminated-string'
  | 'invalid-escape'
  | 'unterminated-comment'
  | 'invalid-number'
  | 'too-deep'
  | 'trailing-content'
  | 'duplicate-key';

export interface ConfigTextError {
  code: ConfigTextErrorCode;
  /** UTF-16 offset and length in the text. */
  offset: number;
  length: number;
  /** The key, for duplicate-key. */
  key?: string;
}

/** A node in jsonc-parser's shape, so that its functions read the tree: a property's children are its key and, once read, its value. */
export interface ConfigNode {
  type: NodeType;
  offset: number;
  length: number;
  value?: string | number | boolean | null;
  children?: ConfigNode[];
  parent?: ConfigNode;
}

export interface ConfigText {
  root: ConfigNode | undefined;
  errors: ConfigTextError[];
}

export const MAX_DEPTH = 64;

/** What the parser expected where an error is reported. */
type Expect = 'value' | 'key' | 'colon' | 'comma-or-close' | 'end';

interface Frame {
  node: ConfigNode;
  keys?: Map<string, ConfigNode>;
  /** Earlier properties with a key that came again; removed when the object closes. */
  dropped?: Set<ConfigNode>;
}

class Stop extends Error {}

export function parseConfigText(text: string): ConfigText {
  const errors: ConfigTextError[] = [];
  const frames: Frame[] = [];
  let root: ConfigNode | undefined;
  let expect: Expect = 'value';
  let lastNumber: ConfigNode | undefined;

  const close = (frame: Frame, end: number): void => {
    const { node } = frame;
    node.length = Math.max(0, end - node.offset);
    if (frame.dropped !== undefined) node.children = node.children?.filter((p) => !frame.dropped?.has(p)) ?? [];
  };
  const valueDone = (node: ConfigNode): void => {
    const property = node.parent;
    if (property?.type === 'property') property.length = node.offset + node.length - property.offset;
    expect = frames.length === 0 ? 'end' : 'comma-or-close';
  };
  const attach = (node: ConfigNode): void => {
    const frame = frames[frames.length - 1];
    if (frame === undefined) {
      root = node;
      return;
    }
    const parent = frame.node.type === 'array' ? frame.node : frame.node.children?.[frame.node.children.length - 1];
    if (parent === undefined) return;
    node.parent = parent;
    parent.children?.push(node);
  };
  const begin = (type: 'object' | 'array', offset: number): void => {
    if (frames.length >= MAX_DEPTH) fail({ code: 'too-deep', offset, length: 1 });
    const node: ConfigNode = { type, offset, length: 1, children: [] };
    attach(node);
    frames.push(type === 'object' ? { node, keys: new Map() } : { node });
    expect = type === 'object' ? 'key' : 'value';
  };
  const end = (offset: number, length: number): void => {
    const frame = frames.pop();
    if (frame === undefined) return;
    close(frame, offset + length);
    valueDone(frame.node);
  };
  const onLiteralValue = (value: unknown, offset: number, length: number): void => {
    const node: ConfigNode =
      typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? { type: typeof value as NodeType, value, offset, length } : { type: 'null', value: null, offset, length };
    if (typeof value === 'number') lastNumber = node;
    attach(node);
    valueDone(node);
  };
  const fail = (error: ConfigTextError): never => {
    errors.push(error);
    // A bad number or string was read to its end before the error, anything else not.
    const read = error.code === 'invalid-number' || error.code === 'unterminated-string' ? error.length : 0;
    for (const frame of frames) close(frame, error.offset + read);
    throw new Stop();
  };

  const source = spaceOut(text);
  try {
    visit(
      source,
      {
        onObjectBegin: (offset) => begin('object', offset),
        onArrayBegin: (offset) => begin('array', offset),
        onObjectEnd: end,
        onArrayEnd: end,
        onObjectProperty: (name, offset, length) => {
          const frame = frames[frames.length - 1];
          if (frame === undefined) return;
          const property: ConfigNode = { type: 'property', offset, length, children: [], parent: frame.node };
          property.children?.push({ type: 'string', value: name, offset, length, parent: property });
          const earlier = frame.keys?.get(name);
          if (earlier !== undefined) {
            errors.push({ code: 'duplicate-key', offset, length, key: name });
            (frame.dropped ??= new Set()).add(earlier);
          }
          frame.keys?.set(name, property);
          frame.node.children?.push(property);
          expect = 'colon';
        },
        onLiteralValue,
        onSeparator: (character) => {
          const top = frames[frames.length - 1]?.node.type;
          expect = character === ':' ? 'value' : top === 'object' ? 'key' : 'value';
        },
        onError: (code, offset, length) => {
          // "true-1" is one unknown token to the scanner: the word is a value, what follows it the error.
          const word = expect === 'value' && printParseErrorCode(code) === 'InvalidSymbol' ? /^(?:true|false|null)(?![A-Za-z0-9_])/.exec(source.slice(offset, offset + length))?.[0] : undefined;
          if (word !== undefined) {
            onLiteralValue(word === 'null' ? null : word === 'true', offset, word.length);
            offset += word.length;
            length -= word.length;
          }
          const number = lastNumber !== undefined && lastNumber.offset + lastNumber.length === offset ? lastNumber : undefined;
          const error = syntaxError(source, code, offset, length, expect, number?.offset ?? -1);
          if (error === null) return;
          if (number !== undefined && error.offset === number.offset) {
            // "01" was read as 0 and then 1: the bad number has no value.
            if (number.parent === undefined) root = undefined;
            else number.parent.children = number.parent.children?.filter((c) => c !== number) ?? [];
          }
          fail(error);
        },
      },
      { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true },
    );
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  return { root, errors };
}

/**
 * A no-break space or byte-order mark between tokens is whitespace, as it always was here
 * (pasted text has them; jsonc-parser knows only space and tab). Same length, so offsets hold.
 */
function spaceOut(text: string): string {
  if (!/[\u00a0\ufeff]/.test(text)) return text;
  const scanner = createScanner(text, false);
  const parts: string[] = [];
  let done = 0;
  // The end of the text is the only token that starts there.
  for (scanner.scan(); scanner.getTokenOffset() < text.length; scanner.scan()) {
    const start = scanner.getTokenOffset();
    const c = text[start];
    // Strings and comments keep them.
    if (c === '"' || (c === '/' && (text[start + 1] === '/' || text[start + 1] === '*'))) continue;
    const end = Math.min(text.length, start + scanner.getTokenLength());
    parts.push(text.slice(done, start), text.slice(start, end).replace(/[\u00a0\ufeff]/g, ' '));
    done = end;
  }
  parts.push(text.slice(done));
  return parts.join('');
}

/**
 * jsonc-parser's error as the message table names it, or null for one to pass over (the
 * library then reads on): a raw control character in a string, which was always accepted.
 * Positions are where a reader looks: the bad escape rather than its string, a bad number
 * as a whole.
 */
function syntaxError(text: string, code: ParseErrorCode, offset: number, length: number, expect: Expect, numberStart: number): ConfigTextError | null {
  const n = text.length;
  const at = (c: ConfigTextErrorCode, o = offset, l = 1): ConfigTextError => ({ code: c, offset: o, length: Math.max(0, Math.min(l, n - o)) });
  const name = printParseErrorCode(code);
  if (name === 'UnexpectedEndOfComment') return at('unterminated-comment', offset, 2);
  // The scanner reports a bad string or number as it reads the token, before the parser
  // knows whether one may stand there; where it may not, that is the error.
  const inValue = expect === 'value' || expect === 'key';
  if (inValue && (name === 'InvalidCharacter' || name === 'InvalidEscapeCharacter' || name === 'InvalidUnicode' || name === 'UnexpectedEndOfString')) {
    // It names the last problem in the string; the first bad escape is the one to fix.
    const bad = badEscape(text, offset, offset + length);
    if (bad >= 0) return at('invalid-escape', bad, 2);
    return name === 'UnexpectedEndOfString' ? at('unterminated-string', offset, length) : name === 'InvalidCharacter' ? null : at('invalid-escape', offset, 2);
  }
  if (expect === 'value' && (name === 'UnexpectedEndOfNumber' || name === 'InvalidNumberFormat')) return at('invalid-number', offset, numberLength(text, offset));
  // "01", "1.2.3": the scanner reads a number and then another token; it is one bad number.
  if (numberStart >= 0 && isNumberChar(text.charCodeAt(offset))) return at('invalid-number', numberStart, numberLength(text, numberStart));
  if (name === 'ColonExpected') return at('expected-colon');
  if (offset >= n) return at('unexpected-end', n, 0);
  switch (expect) {
    case 'end':
      return at('trailing-content', offset, n - offset);
    case 'key':
      return at('expected-key');
    case 'colon':
      return at('expected-colon');
    case 'comma-or-close':
      return at('expected-comma-or-close');
    case 'value': {
      const c = text.charCodeAt(offset);
      if (c === 45) return at('invalid-number', offset, numberLength(text, offset));
      if (!isWordChar(c)) return at('expected-value');
      let e = offset;
      while (isWordChar(text.charCodeAt(e))) e++;
      return at('unexpected-character', offset, e - offset);
    }
  }
}

/** The offset of the first invalid escape in the string token at [start, end), or -1. */
function badEscape(text: string, start: number, end: number): number {
  for (let i = start + 1; i < end; i++) {
    if (text.charCodeAt(i) !== 92) continue;
    const e = text[i + 1] ?? '';
    if ('"\\/bfnrt'.includes(e) && e !== '') i++;
    else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 5;
    else return i;
  }
  return -1;
}

function numberLength(text: string, offset: number): number {
  let e = text.charCodeAt(offset) === 45 ? offset + 1 : offset;
  while (isNumberChar(text.charCodeAt(e))) e++;
  return Math.max(1, e - offset);
}

function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 43 || c === 45 || c === 101 || c === 69;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** The plain value of a node; properties whose value is missing are left out. */
export function nodeValue(node: ConfigNode): unknown {
  return getNodeValue(node) as unknown;
}

/** Each object's properties by key (the last of duplicates wins, as in the value), built once per object. */
const PROPERTIES = new WeakMap<ConfigNode, Map<string, ConfigNode>>();

function child(node: ConfigNode, step: string | number): ConfigNode | undefined {
  if (node.type === 'array') return typeof step === 'number' ? node.children?.[step] : undefined;
  if (node.type !== 'object' || typeof step !== 'string') return undefined;
  let byKey = PROPERTIES.get(node);
  if (byKey === undefined) {
    byKey = new Map();
    for (const p of node.children ?? []) {
      const k = p.children?.[0]?.value;
      if (typeof k === 'string' && p.children?.[1] !== undefined) byKey.set(k, p);
    }
    PROPERTIES.set(node, byKey);
  }
  return byKey.get(step)?.children?.[1];
}

/**
 * The node at a path of keys and indexes, or the deepest one found on the way, with the
 * key of its property (so a message can point at the key). Each step is a map lookup,
 * so 100,000 unknown keys are located in linear time (findNodeAtLocation scans).
 */
export function locate(root: ConfigNode | undefined, path: readonly PropertyKey[]): { node: ConfigNode | undefined; key: ConfigNode | undefined; complete: boolean } {
  const steps = path.filter((s): s is string | number => typeof s !== 'symbol');
  let node = root;
  let key: ConfigNode | undefined;
  let i = 0;
  for (; node !== undefined && i < steps.length; i++) {
    const next = child(node, steps[i] as string | number);
    if (next === undefined) break;
    key = typeof steps[i] === 'string' ? next.parent?.children?.[0] : undefined;
    node = next;
  }
  return { node, key: i === 0 ? undefined : key, complete: i === steps.length };
}
