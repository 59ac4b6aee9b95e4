// The Indholdsfortegnelse and the punkt titles disagree: an entry missing or
// extra, listed in another order, or worded differently.
import type { Punkt, Range, TocEntry } from '../model';
import { defineRule, type Finding } from './types';

/** How far ahead the alignment looks for a resync; keeps it linear. */
const LOOKAHEAD = 8;
/** A TOC entry this long that is a prefix of the title is a truncation, not a difference. */
const MIN_TRUNCATED = 30;
/** An entry ending in "…" or "..." is truncated on purpose; a shorter prefix will do. */
const MIN_ELLIPSIS = 8;
/** Key length for pairing a moved entry with its punkt. */
const ORDER_KEY = 16;
const ORDER_CANDIDATES = 32;

interface Entry {
  /** Title as written (two lines joined when the entry wraps). */
  title: string;
  key: string;
  ellipsis: boolean;
  range: Range;
  soft: boolean;
}

interface Item {
  punkt: Punkt;
  key: string;
}

/** Compared form: case, whitespace, bold, trailing dots, dashes, quotes and class marker do not count. */
export function tocKey(t: string): string {
  if (isPlain(t)) {
    // Nothing to replace or collapse: only the prefix, the class marker and the dots.
    const k = trimDots(t.toLowerCase().replace(PUNKT_PREFIX, ''));
    return k.charCodeAt(k.length - 1) === 41 /* ) */ ? trimDots(k.replace(CLASS_MARKER, '')) : k;
  }
  const k = trimDots(
    t
      .toLowerCase()
      .replace(/\*\*/g, '')
      .replace(/[–—]/g, '-')
      .replace(/[“”„»«]/g, '"')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(PUNKT_PREFIX, ''),
  );
  // Whitespace is collapsed by now, so this cannot backtrack over a long run.
  return trimDots(k.replace(CLASS_MARKER, ''));
}

const PUNKT_PREFIX = /^(?:punkt|pkt\.?)\s*\d{1,4}\s*[:.-]?\s*/;
const CLASS_MARKER = / ?\([a-zæøå]\)$/;

/**
 * No "*", no dash or quote that tocKey rewrites, and whitespace only as single spaces
 * between words: tocKey's replacements and trim leave such a title as it is.
 */
function isPlain(t: string): boolean {
  let prevSpace = true;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
      continue;
    }
    prevSpace = false;
    if (c === 42 /* * */) return false;
    if (c >= 0x2013 && c <= 0x201e) return false; // – — “ ” „ and their neighbours
    if (c === 0xbb || c === 0xab) return false; // » «
    if (c < 128 ? c >= 9 && c <= 13 : isUnicodeSpace(c)) return false;
  }
  return !prevSpace || t.length === 0;
}

function isUnicodeSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Trailing spaces, dots and ellipses off, without a regex that could backtrack. */
function trimDots(s: string): string {
  let e = s.length;
  while (e > 0) {
    const c = s.charCodeAt(e - 1);
    if (c !== 32 && c !== 46 /* . */ && c !== 0x2026 /* … */) break;
    e--;
  }
  return s.slice(0, e);
}

function matches(e: Entry, p: Item): boolean {
  if (e.key === p.key) return true;
  if (e.key.length >= p.key.length || !p.key.startsWith(e.key)) return false;
  return e.key.length >= MIN_TRUNCATED || (e.ellipsis && e.key.length >= MIN_ELLIPSIS);
}

/** Cheap similarity: shared prefix and suffix, else shared words. */
export function similar(a: string, b: string): boolean {
  const min = Math.min(a.length, b.length);
  const max = Math.max(a.length, b.length);
  if (max === 0) return false;
  let p = 0;
  while (p < min && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  while (s < min - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  if ((p + s) / max >= 0.6) return true;
  const ta = new Set(a.split(' '));
  const tb = new Set(b.split(' '));
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return (2 * common) / (ta.size + tb.size) >= 0.5;
}

/**
 * The TOC entries to compare. When most entries carry a page number, an entry
 * without one is "soft": the first line of a wrapped entry, or a line that is no
 * entry at all (a group heading such as "Åbne punkter"). Soft entries are never
 * reported on their own.
 */
function entriesOf(raw: readonly TocEntry[]): Entry[] {
  let paged = 0;
  for (const e of raw) if (e.page !== null) paged++;
  const soft = paged * 2 >= raw.length;
  return raw.map((e) => entry(e.title, e.range, soft && e.page === null));
}

function entry(title: string, range: Range, soft: boolean): Entry {
  return { title, key: tocKey(title), ellipsis: /(?:…|\.\.\.)\s*$/.test(title), range, soft };
}

/** A soft entry and the line after it, read as one wrapped entry. */
function joined(a: Entry, b: Entry): Entry | null {
  if (b.range.start.line !== a.range.end.line + 1) return null;
  return entry(`${a.title.trimEnd()} ${b.title.trimStart()}`, { start: a.range.start, end: b.range.end }, false);
}

export default defineRule({
  id: 'toc-mismatch',
  description: {
    da: 'Indholdsfortegnelsen og punkternes titler stemmer ikke overens: et punkt mangler, en linje er i overskud, rækkefølgen eller ordlyden er en anden.',
    en: 'The Indholdsfortegnelse and the punkt titles disagree: a punkt is missing, an entry is extra, or the order or wording differs.',
  },
  defaultSeverity: 'warning',
  tags: ['struktur'],
  fixable: true,
  messages: {
    da: {
      wording: 'Indholdsfortegnelsen skriver "{toc}", men punkt {number} hedder "{title}".',
      wordingUnnumbered: 'Indholdsfortegnelsen skriver "{toc}", men punktet hedder "{title}".',
      missing: 'Punkt {number} "{title}" mangler i Indholdsfortegnelsen.',
      missingUnnumbered: 'Punktet "{title}" mangler i Indholdsfortegnelsen.',
      extra: 'Indholdsfortegnelsen nævner "{toc}", men intet punkt hedder sådan.',
      tail: 'Indholdsfortegnelsen nævner {count} punkter efter det sidste i dokumentet, fra "{toc}". Er dokumentet skåret af?',
      order: 'Indholdsfortegnelsen har punkt {number} "{title}" et andet sted i rækkefølgen.',
      orderUnnumbered: 'Indholdsfortegnelsen har punktet "{title}" et andet sted i rækkefølgen.',
      fix: 'Ret Indholdsfortegnelsen til "{title}"',
    },
    en: {
      wording: 'The Indholdsfortegnelse says "{toc}", but punkt {number} is titled "{title}".',
      wordingUnnumbered: 'The Indholdsfortegnelse says "{toc}", but the punkt is titled "{title}".',
      missing: 'Punkt {number} "{title}" is missing from the Indholdsfortegnelse.',
      missingUnnumbered: 'The punkt "{title}" is missing from the Indholdsfortegnelse.',
      extra: 'The Indholdsfortegnelse lists "{toc}", but no punkt has that title.',
      tail: 'The Indholdsfortegnelse lists {count} punkter after the last one in the document, from "{toc}". Is the document cut short?',
      order: 'The Indholdsfortegnelse lists punkt {number} "{title}" in a different order.',
      orderUnnumbered: 'The Indholdsfortegnelse lists the punkt "{title}" in a different order.',
      fix: 'Change the Indholdsfortegnelse entry to "{title}"',
    },
  },
  check({ model }) {
    const toc = model.toc;
    if (toc === null || toc.entries.length === 0 || model.punkter.length === 0) return [];
    const E = entriesOf(toc.entries);
    const P: Item[] = model.punkter.map((p) => ({ punkt: p, key: tocKey(p.title) }));

    // Greedy two-pointer alignment with a capped lookahead.
    const extra: number[] = [];
    const missing: number[] = [];
    const out: Finding[] = [];
    let i = 0;
    let j = 0;
    /** The entry the last punkt matched, when it did. */
    let lastMatch = -1;
    while (i < E.length && j < P.length) {
      const e = E[i] as Entry;
      const p = P[j] as Item;
      if (e.soft) {
        // A wrapped entry first (its first line alone may pass as a truncation),
        // then the line alone; otherwise it is no entry and is passed over.
        const next = E[i + 1];
        const both = next !== undefined ? joined(e, next) : null;
        if (both !== null && matches(both, p)) {
          i += 2;
          j++;
          if (j === P.length) lastMatch = i - 1;
        } else if (matches(e, p)) {
          i++;
          j++;
          if (j === P.length) lastMatch = i - 1;
        } else {
          i++;
        }
        continue;
      }
      if (matches(e, p)) {
        i++;
        j++;
        if (j === P.length) lastMatch = i - 1;
        continue;
      }
      let ka = 0;
      for (let k = 1; k <= LOOKAHEAD && j + k < P.length; k++) {
        if (matches(e, P[j + k] as Item)) {
          ka = k;
          break;
        }
      }
      let kb = 0;
      for (let k = 1; k <= LOOKAHEAD && i + k < E.length; k++) {
        if (matches(E[i + k] as Entry, p)) {
          kb = k;
          break;
        }
      }
      if (ka > 0 && (kb === 0 || ka <= kb)) {
        for (let t = 0; t < ka; t++) missing.push(j + t);
        j += ka;
      } else if (kb > 0) {
        for (let t = 0; t < kb; t++) if (!(E[i + t] as Entry).soft) extra.push(i + t);
        i += kb;
      } else if (similar(e.key, p.key)) {
        out.push(wording(e, p.punkt));
        i++;
        j++;
      } else {
        extra.push(i++);
        missing.push(j++);
      }
    }
    // The entries after the one the last punkt matched: a document cut short (or a body that
    // stops early) gives one finding, not one per entry.
    const tailFrom = lastMatch !== -1 ? lastMatch + 1 : -1;
    const tail: number[] = [];
    for (; i < E.length; i++) if (!(E[i] as Entry).soft) (tailFrom !== -1 ? tail : extra).push(i);
    while (j < P.length) missing.push(j++);
    if (tail.length === 1) extra.push(tail[0] as number);
    if (tail.length > 1) {
      const first = E[tail[0] as number] as Entry;
      out.push({ messageId: 'tail', args: { count: tail.length, toc: first.title }, range: first.range, data: { kind: 'tail', entries: tail.length } });
    }

    // An entry left over whose punkt is also left over was moved: one finding, at the entry.
    const byKey = new Map<string, number[]>();
    for (const m of missing) {
      const k = (P[m] as Item).key.slice(0, ORDER_KEY);
      const list = byKey.get(k);
      if (list === undefined) byKey.set(k, [m]);
      else list.push(m);
    }
    const paired = new Set<number>();
    for (const x of extra) {
      const e = E[x] as Entry;
      const list = byKey.get(e.key.slice(0, ORDER_KEY));
      let found = -1;
      if (list !== undefined) {
        for (let c = 0; c < list.length && c < ORDER_CANDIDATES; c++) {
          const m = list[c] as number;
          if (!paired.has(m) && matches(e, P[m] as Item)) {
            found = m;
            break;
          }
        }
      }
      if (found !== -1) {
        paired.add(found);
        out.push(punktFinding('order', (P[found] as Item).punkt, e.range));
      } else {
        out.push({ messageId: 'extra', args: { toc: e.title }, range: e.range, data: { kind: 'extra' } });
      }
    }
    for (const m of missing) {
      if (paired.has(m)) continue;
      const p = (P[m] as Item).punkt;
      out.push(punktFinding('missing', p, p.titleRange));
    }
    return out;
  },
});

function wording(e: Entry, p: Punkt): Finding {
  return {
    messageId: p.number !== null ? 'wording' : 'wordingUnnumbered',
    args: p.number !== null ? { toc: e.title, number: p.number, title: p.title } : { toc: e.title, title: p.title },
    range: e.range,
    data: { kind: 'wording', punkt: p.number },
    fix: { messageId: 'fix', args: { title: p.title }, edits: [{ range: e.range, newText: p.title }], safe: false },
  };
}

/** A finding about a punkt (out of order, or missing from the TOC), worded with or without its number. */
function punktFinding(kind: 'order' | 'missing', p: Punkt, range: Range): Finding {
  return {
    messageId: p.number !== null ? kind : `${kind}Unnumbered`,
    args: p.number !== null ? { number: p.number, title: p.title } : { title: p.title },
    range,
    data: { kind, punkt: p.number },
  };
}
