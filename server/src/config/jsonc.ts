// A small JSONC parser (JSON with // and /* */ comments and trailing commas) that keeps
// the offsets of keys and values, so a bad config is reported at the offending key in
// the file itself. One linear pass, no regular expressions over the text, a nesting
// limit instead of unbounded recursion, and it never throws: what parsed before a
// syntax error is kept, so the rest of the config still applies.
import type { Position, Range } from '../model';

interface NodeBase {
  /** UTF-16 offset of the first character. */
  offset: number;
  length: number;
}

export interface StringNode extends NodeBase {
  type: 'string';
  value: string;
}
export interface NumberNode extends NodeBase {
  type: 'number';
  value: number;
}
export interface BooleanNode extends NodeBase {
  type: 'boolean';
  value: boolean;
}
export interface NullNode extends NodeBase {
  type: 'null';
}
export interface PropertyNode extends NodeBase {
  key: StringNode;
  /** Undefined when a syntax error came before the value. */
  value: JsonNode | undefined;
}
export interface ObjectNode extends NodeBase {
  type: 'object';
  properties: PropertyNode[];
}
export interface ArrayNode extends NodeBase {
  type: 'array';
  items: JsonNode[];
}
export type JsonNode = StringNode | NumberNode | BooleanNode | NullNode | ObjectNode | ArrayNode;

export type JsoncErrorCode =
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

export interface JsoncError {
  code: JsoncErrorCode;
  offset: number;
  length: number;
  /** The key, for duplicate-key. */
  key?: string;
}

export interface JsoncResult {
  root: JsonNode | undefined;
  errors: JsoncError[];
}

const MAX_DEPTH = 64;

class Stop extends Error {}

export function parseJsonc(input: string): JsoncResult {
  const text = input;
  const errors: JsoncError[] = [];
  // A byte-order mark is not content (callers strip it so offsets match the editor's).
  let pos = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;

  const fail = (code: JsoncErrorCode, offset: number, length = 1): never => {
    errors.push({ code, offset, length: Math.max(0, Math.min(length, n - offset)) });
    throw new Stop();
  };

  const skipTrivia = (): void => {
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff || c === 0xa0) {
        pos++;
      } else if (c === 47 && text.charCodeAt(pos + 1) === 47) {
        pos += 2;
        while (pos < n && text.charCodeAt(pos) !== 10 && text.charCodeAt(pos) !== 13) pos++;
      } else if (c === 47 && text.charCodeAt(pos + 1) === 42) {
        const start = pos;
        const end = text.indexOf('*/', pos + 2);
        if (end < 0) fail('unterminated-comment', start, 2);
        pos = end + 2;
      } else {
        return;
      }
    }
  };

  const parseString = (): StringNode => {
    const start = pos;
    pos++; // opening quote
    let value = '';
    let chunk = pos;
    while (true) {
      if (pos >= n) fail('unterminated-string', start, pos - start);
      const c = text.charCodeAt(pos);
      if (c === 34) {
        value += text.slice(chunk, pos);
        pos++;
        return { type: 'string', value, offset: start, length: pos - start };
      }
      if (c === 10 || c === 13) fail('unterminated-string', start, pos - start);
      if (c === 92) {
        value += text.slice(chunk, pos);
        const e = text[pos + 1];
        switch (e) {
          case '"':
          case '\\':
          case '/':
            value += e;
            pos += 2;
            break;
          case 'b':
            value += '\b';
            pos += 2;
            break;
          case 'f':
            value += '\f';
            pos += 2;
            break;
          case 'n':
            value += '\n';
            pos += 2;
            break;
          case 'r':
            value += '\r';
            pos += 2;
            break;
          case 't':
            value += '\t';
            pos += 2;
            break;
          case 'u': {
            const hex = text.slice(pos + 2, pos + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('invalid-escape', pos, 2);
            value += String.fromCharCode(parseInt(hex, 16));
            pos += 6;
            break;
          }
          default:
            fail('invalid-escape', pos, 2);
        }
        chunk = pos;
        continue;
      }
      pos++;
    }
  };

  const parseNumber = (): NumberNode => {
    const start = pos;
    if (text[pos] === '-') pos++;
    while (pos < n && isNumberChar(text.charCodeAt(pos))) pos++;
    const raw = text.slice(start, pos);
    if (!/^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(raw)) fail('invalid-number', start, pos - start);
    return { type: 'number', value: Number(raw), offset: start, length: pos - start };
  };

  const parseWord = (): JsonNode => {
    const start = pos;
    for (const [word, node] of [
      ['true', { type: 'boolean', value: true }],
      ['false', { type: 'boolean', value: false }],
      ['null', { type: 'null' }],
    ] as const) {
      if (text.startsWith(word, pos) && !isWordChar(text.charCodeAt(pos + word.length))) {
        pos += word.length;
        return { ...node, offset: start, length: word.length } as JsonNode;
      }
    }
    let end = pos;
    while (end < n && isWordChar(text.charCodeAt(end))) end++;
    return fail('unexpected-character', start, Math.max(1, end - start));
  };

  // Containers are filled in place, so a syntax error deep inside leaves what came
  // before it in the tree.
  const parseValue = (depth: number, attach: (node: JsonNode) => void): void => {
    skipTrivia();
    if (pos >= n) fail('unexpected-end', n, 0);
    const c = text.charCodeAt(pos);
    if (c === 123 || c === 91) {
      if (depth >= MAX_DEPTH) fail('too-deep', pos);
      if (c === 123) parseObject(depth + 1, attach);
      else parseArray(depth + 1, attach);
      return;
    }
    if (c === 34) attach(parseString());
    else if (c === 45 || (c >= 48 && c <= 57)) attach(parseNumber());
    else if (isWordChar(c)) attach(parseWord());
    else fail('expected-value', pos);
  };

  const parseObject = (depth: number, attach: (node: JsonNode) => void): void => {
    const node: ObjectNode = { type: 'object', properties: [], offset: pos, length: 1 };
    attach(node);
    pos++;
    const seen = new Map<string, number>();
    try {
      skipTrivia();
      if (text.charCodeAt(pos) === 125) {
        pos++;
        return;
      }
      while (true) {
        skipTrivia();
        if (pos >= n) fail('unexpected-end', n, 0);
        if (text.charCodeAt(pos) !== 34) fail('expected-key', pos);
        const key = parseString();
        const property: PropertyNode = { key, value: undefined, offset: key.offset, length: key.length };
        const earlier = seen.get(key.value);
        if (earlier !== undefined) {
          errors.push({ code: 'duplicate-key', offset: key.offset, length: key.length, key: key.value });
          // The last one wins, as in JSON.parse.
          node.properties.splice(earlier, 1);
          for (const [k, i] of seen) if (i > earlier) seen.set(k, i - 1);
        }
        seen.set(key.value, node.properties.length);
        node.properties.push(property);
        skipTrivia();
        if (text.charCodeAt(pos) !== 58) fail('expected-colon', pos);
        pos++;
        parseValue(depth, (value) => {
          property.value = value;
        });
        if (property.value !== undefined) property.length = property.value.offset + property.value.length - property.offset;
        skipTrivia();
        const d = text.charCodeAt(pos);
        if (d === 44) {
          pos++;
          skipTrivia();
          // A trailing comma is allowed, as in VS Code's own settings files.
          if (text.charCodeAt(pos) === 125) {
            pos++;
            return;
          }
          continue;
        }
        if (d === 125) {
          pos++;
          return;
        }
        if (pos >= n) fail('unexpected-end', n, 0);
        fail('expected-comma-or-close', pos);
      }
    } finally {
      node.length = pos - node.offset;
    }
  };

  const parseArray = (depth: number, attach: (node: JsonNode) => void): void => {
    const node: ArrayNode = { type: 'array', items: [], offset: pos, length: 1 };
    attach(node);
    pos++;
    try {
      skipTrivia();
      if (text.charCodeAt(pos) === 93) {
        pos++;
        return;
      }
      while (true) {
        parseValue(depth, (value) => {
          node.items.push(value);
        });
        skipTrivia();
        const d = text.charCodeAt(pos);
        if (d === 44) {
          pos++;
          skipTrivia();
          if (text.charCodeAt(pos) === 93) {
            pos++;
            return;
          }
          continue;
        }
        if (d === 93) {
          pos++;
          return;
        }
        if (pos >= n) fail('unexpected-end', n, 0);
        fail('expected-comma-or-close', pos);
      }
    } finally {
      node.length = pos - node.offset;
    }
  };

  let root: JsonNode | undefined;
  try {
    skipTrivia();
    if (pos < n) {
      parseValue(0, (value) => {
        root = value;
      });
      skipTrivia();
      if (pos < n) fail('trailing-content', pos, n - pos);
    }
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
  }
  return { root, errors };
}

function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 43 || c === 45 || c === 101 || c === 69;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** The plain value of a node; properties whose value is missing are left out. */
export function toValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const p of node.properties) {
        if (p.value !== undefined) {
          // defineProperty: a key named "__proto__" is data, not a prototype.
          Object.defineProperty(out, p.key.value, { value: toValue(p.value), enumerable: true, writable: true, configurable: true });
        }
      }
      return out;
    }
    case 'array':
      return node.items.map(toValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

/**
 * The node at a path of keys and indexes, and the key node of the last property
 * on the way (so a message can point at the key). Stops at the deepest node found.
 */
export function locate(root: JsonNode | undefined, path: readonly PropertyKey[]): { node: JsonNode | undefined; key: StringNode | undefined; complete: boolean } {
  let node = root;
  let key: StringNode | undefined;
  for (const step of path) {
    if (node === undefined) return { node, key, complete: false };
    if (node.type === 'object' && typeof step === 'string') {
      const p = node.properties.find((q) => q.key.value === step);
      if (p === undefined) return { node, key, complete: false };
      key = p.key;
      if (p.value === undefined) return { node: undefined, key, complete: false };
      node = p.value;
    } else if (node.type === 'array' && typeof step === 'number') {
      const item = node.items[step];
      if (item === undefined) return { node, key, complete: false };
      node = item;
      key = undefined;
    } else {
      return { node, key, complete: false };
    }
  }
  return { node, key, complete: true };
}

/** Converts UTF-16 offsets to LSP positions. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) {
        this.starts.push(i + 2);
        i++;
      } else if (c === 10 || c === 13) {
        this.starts.push(i + 1);
      }
    }
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - (this.starts[lo] as number) };
  }

  range(offset: number, length: number): Range {
    return { start: this.position(offset), end: this.position(offset + length) };
  }
}
