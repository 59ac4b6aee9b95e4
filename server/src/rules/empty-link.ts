// Markdown links whose target was lost in the export: "[link til sag nr. 6 …](#)"
// or "[tekst]()". The scan finds each "](" with indexOf and only looks back for
// the "[" when the target is empty; the look-back never crosses an earlier "](",
// so every character is visited a bounded number of times.
import { linesMatching } from '../parser/lines';
import { defineRule, type Finding } from './types';
import { range } from './textUtil';

const LINK_MIDDLE = /\]\(/;

function isEscaped(line: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && line.charCodeAt(k) === 92 /* \ */) k--;
  return (i - 1 - k) % 2 === 1;
}

function skipSpaces(line: string, i: number): number {
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  return i;
}

export interface EmptyLink {
  /** Offsets of "[" and one past ")" in the line. */
  start: number;
  end: number;
  /** The link text as written (escapes kept). */
  raw: string;
  target: '' | '#';
}

/** The links with an empty or "#" target on one line, left to right. */
export function findEmptyLinks(line: string): EmptyLink[] {
  const out: EmptyLink[] = [];
  let floor = 0;
  for (let p = line.indexOf('](', 0); p !== -1; p = line.indexOf('](', p + 2)) {
    const lower = floor;
    floor = p + 2;
    if (isEscaped(line, p)) continue;
    let q = skipSpaces(line, p + 2);
    let target: '' | '#' = '';
    if (line.charCodeAt(q) === 35 /* # */) {
      target = '#';
      q = skipSpaces(line, q + 1);
    }
    if (line.charCodeAt(q) !== 41 /* ) */) continue;
    // Back to the matching "[", allowing nested brackets in the text.
    let depth = 0;
    let open = -1;
    for (let j = p - 1; j >= lower; j--) {
      const c = line.charCodeAt(j);
      if (c !== 91 && c !== 93) continue;
      if (isEscaped(line, j)) continue;
      if (c === 93 /* ] */) depth++;
      else if (depth === 0) {
        open = j;
        break;
      } else depth--;
    }
    if (open === -1) continue;
    if (open > 0 && line.charCodeAt(open - 1) === 33 /* ! */ && !isEscaped(line, open - 1)) continue; // an image
    out.push({ start: open, end: q + 1, raw: line.slice(open + 1, p), target });
    floor = q + 1;
  }
  return out;
}

/** Backslash escapes removed, for showing the text: "\(kl.dk\)" → "(kl.dk)". */
function unescapeAll(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Only bracket and parenthesis escapes removed: they were there for the link syntax. */
function unescapeBrackets(text: string): string {
  return text.replace(/\\([()[\]])/g, '$1');
}

function shorten(text: string, max = 100): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export default defineRule({
  id: 'empty-link',
  description: {
    da: 'Et link, hvis mål er gået tabt ved eksporten: [tekst](#) eller [tekst]().',
    en: 'A link whose target was lost in the export: [text](#) or [text]().',
  },
  defaultSeverity: 'warning',
  tags: ['eksport'],
  fixable: true,
  messages: {
    da: {
      hash: 'Linket "{text}" peger ingen steder hen (#).',
      empty: 'Linket "{text}" har intet mål.',
      emptyText: 'Et link uden tekst peger ingen steder hen.',
      fix: 'Erstat linket med teksten',
    },
    en: {
      hash: 'The link "{text}" points nowhere (#).',
      empty: 'The link "{text}" has no target.',
      emptyText: 'A link without text points nowhere.',
      fix: 'Replace the link with its text',
    },
  },
  check({ lines }) {
    const out: Finding[] = [];
    // Only lines with "](" can hold a link (one search over the whole text).
    for (const ln of linesMatching(lines, LINK_MIDDLE)) {
      const line = lines[ln] as string;
      for (const link of findEmptyLinks(line)) {
        const text = unescapeAll(link.raw).trim();
        const r = range(ln, link.start, link.end);
        if (text === '') {
          out.push({ messageId: 'emptyText', range: r, data: { target: link.target } });
          continue;
        }
        out.push({
          messageId: link.target === '#' ? 'hash' : 'empty',
          args: { text: shorten(text) },
          range: r,
          data: { text, target: link.target },
          fix: { messageId: 'fix', edits: [{ range: r, newText: unescapeBrackets(link.raw) }], safe: true },
        });
      }
    }
    return out;
  },
});
