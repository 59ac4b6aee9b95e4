// Mojibake: text that went through the wrong character set on its way out.
//
// (a) UTF-8 read as Windows-1252/Latin-1 ("Ã¸" for ø, "â€“" for –): the bytes
//     are all still there, so the repair is unambiguous and offered as a safe fix.
// (b) U+FFFD, the replacement character: the original letter is lost.
// (c) "Å~" as exported by some systems ("BÅ~redygtig Å~konomi"): it stands for
//     æ, ø or å alike, so it is reported without a fix.
//
// One finding per damaged line, so a document with forty damaged words does not
// drown in forty diagnostics. The scan is one pass over each line; only
// characters at or above U+0080 are looked at more closely, and never more than
// three characters ahead.
import { linesMatching } from '../parser/lines';
import { defineRule, type Finding, type TextEdit } from './types';
import { isLetter, quotedList, range, wordAround } from './textUtil';

/** Windows-1252 characters in 0x80–0x9F, by code point → byte. */
const CP1252 = new Map<number, number>([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86], [0x2021, 0x87],
  [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c], [0x017d, 0x8e],
  [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95], [0x2013, 0x96], [0x2014, 0x97],
  [0x02dc, 0x98], [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b], [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
]);

/** The byte a character came from when UTF-8 was read as Windows-1252/Latin-1, or -1. */
function byteOf(c: number): number {
  if (c >= 0x80 && c <= 0xff) return c;
  return CP1252.get(c) ?? -1;
}

// Punctuation that legitimately follows a capital Æ, Ø, Å, É … ("PÅ”", "Ø–"): after
// such a letter these never count as the second byte of a UTF-8 sequence.
const NATURAL_AFTER_LETTER = new Set([0x201d, 0x201c, 0x2019, 0x2018, 0x2013, 0x2014, 0x2026, 0x2022, 0xab, 0xbb, 0xb0, 0xa7]);

interface Spot {
  start: number;
  end: number;
  /** The repaired text, or null when the damage cannot be repaired. */
  repair: string | null;
}

/**
 * Decodes one UTF-8 sequence that was read as Windows-1252 at `i`, or returns
 * null. Only sequences that are valid UTF-8 and plausible in Danish text count.
 */
function decodeAt(line: string, i: number): Spot | null {
  const c0 = line.charCodeAt(i);
  const b0 = byteOf(c0);
  let need: number;
  if (b0 >= 0xc2 && b0 <= 0xdf) need = 1;
  else if (b0 >= 0xe0 && b0 <= 0xef) need = 2;
  else if (b0 >= 0xf0 && b0 <= 0xf4) need = 3;
  else return null;
  let cp = b0 & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
  for (let k = 1; k <= need; k++) {
    const b = i + k < line.length ? byteOf(line.charCodeAt(i + k)) : -1;
    if (b < 0x80 || b > 0xbf) {
      // "â€" whose third byte (0x9D, undefined in Windows-1252) was dropped: a closing quote.
      if (k === 2 && b0 === 0xe2 && cp === 0x80) return { start: i, end: i + 2, repair: '\u201d' };
      return null;
    }
    cp = (cp << 6) | (b & 0x3f);
  }
  const end = i + need + 1;
  if (need === 1) {
    if (cp < 0xa0) return null; // C1 control characters
    // Â and Ã never start a Danish word; other leads are real letters (Æ, Ø, Å, É …),
    // so they decode only to Latin letters and only before unusual characters.
    if (b0 !== 0xc2 && b0 !== 0xc3) {
      if (cp > 0x24f || NATURAL_AFTER_LETTER.has(line.charCodeAt(i + 1))) return null;
    }
    return { start: i, end, repair: String.fromCharCode(cp) };
  }
  if (need === 2) {
    if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    if (b0 === 0xe2) return { start: i, end, repair: String.fromCharCode(cp) }; // punctuation, €, ™, •
    if (cp === 0xfeff) return { start: i, end, repair: '' }; // "ï»¿": a byte-order mark in the text
    return null;
  }
  if (cp < 0x10000 || cp > 0x10ffff) return null;
  return { start: i, end, repair: String.fromCodePoint(cp) };
}

/**
 * A necessary condition for findDamage to find anything, as one native regex search:
 * U+FFFD, "Å~", "Â " and a lone "Ã" are spots of their own, and every decodable sequence
 * starts with a lead byte (Â–ô) followed by a continuation byte (U+0080–U+00BF, or a
 * Windows-1252 character in 0x80–0x9F). Most lines fail it at native speed.
 */
const HINT = new RegExp(
  `[\ufffd\u00c3]|\u00c5~|\u00c2 |[\u00c2-\u00f4][\u0080-\u00bf${[...CP1252.keys()].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`,
);

/** The damaged spots of one line, left to right. */
export function findDamage(line: string): Spot[] {
  const spots: Spot[] = [];
  if (!HINT.test(line)) return spots;
  const n = line.length;
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x80) continue;
    if (c === 0xfffd) {
      let e = i + 1;
      while (e < n && line.charCodeAt(e) === 0xfffd) e++;
      spots.push({ start: i, end: e, repair: null });
      i = e - 1;
      continue;
    }
    if (c === 0xc5 /* Å */ && line.charCodeAt(i + 1) === 126 /* ~ */) {
      // "mÅ~,de": the comma belongs to the damage when a letter follows it.
      const e = line.charCodeAt(i + 2) === 44 && i + 3 < n && isLetter(line.charCodeAt(i + 3)) ? i + 3 : i + 2;
      spots.push({ start: i, end: e, repair: null });
      i = e - 1;
      continue;
    }
    const d = decodeAt(line, i);
    if (d !== null) {
      spots.push(d);
      i = d.end - 1;
      continue;
    }
    if (c === 0xc2 /* Â */ && line.charCodeAt(i + 1) === 32 && (i === 0 || !isLetter(line.charCodeAt(i - 1)))) {
      // A no-break space (C2 A0) whose second byte became a plain space: "10Â kr.".
      spots.push({ start: i, end: i + 1, repair: '' });
      continue;
    }
    const next = line.charCodeAt(i + 1);
    if (c === 0xc3 /* Ã */ && !(next >= 65 && next <= 90)) {
      // A lone Ã: the first half of a UTF-8 letter whose second byte was lost
      // (not before a capital: "SÃO PAULO" is Portuguese).
      spots.push({ start: i, end: i + 1, repair: null });
    }
  }
  return spots;
}

const MAX_WORDS = 3;
/** Words collected per line; beyond this the message says "og 20+ til". */
const MAX_LISTED = 23;

export default defineRule({
  id: 'encoding-damage',
  description: {
    da: 'Tegn, der er ødelagt af en konvertering med forkert tegnsæt ("Ã¸" for ø, "BÅ~redygtig" for Bæredygtig, �).',
    en: 'Characters damaged by a conversion with the wrong character set ("Ã¸" for ø, "BÅ~redygtig" for Bæredygtig, �).',
  },
  defaultSeverity: 'warning',
  tags: ['eksport'],
  fixable: true,
  messages: {
    da: {
      damage: 'Linjen indeholder ødelagte tegn ({words}); teksten er sandsynligvis konverteret med forkert tegnsæt.',
      damageMore: 'Linjen indeholder ødelagte tegn ({words} og {more} til); teksten er sandsynligvis konverteret med forkert tegnsæt.',
      fix: 'Ret tegnene: {repairs}',
    },
    en: {
      damage: 'The line contains damaged characters ({words}); the text was probably converted with the wrong character set.',
      damageMore: 'The line contains damaged characters ({words} and {more} more); the text was probably converted with the wrong character set.',
      fix: 'Repair the characters: {repairs}',
    },
  },
  check({ lines }) {
    const out: Finding[] = [];
    // Only lines with a hint of damage are scanned (one search over the whole text).
    for (const ln of linesMatching(lines, HINT)) {
      const line = lines[ln] as string;
      const spots = findDamage(line);
      if (spots.length === 0) continue;
      const words = new Set<string>();
      const repairs = new Map<string, string>();
      let moreRepairs = false;
      const edits: TextEdit[] = [];
      // Adjacent repairs ("Ã¸Ã¦") become one edit.
      let pending: { start: number; end: number; text: string } | null = null;
      const flush = (): void => {
        if (pending !== null) edits.push({ range: range(ln, pending.start, pending.end), newText: pending.text });
        pending = null;
      };
      let coveredTo = -1; // spots inside the last word add no new word
      for (const s of spots) {
        if (s.start >= coveredTo && words.size <= MAX_LISTED) {
          const w = wordAround(line, s.start, s.end);
          words.add(w.text);
          coveredTo = w.end;
        }
        if (s.repair === null) continue;
        if (pending !== null && pending.end === s.start) {
          pending.end = s.end;
          pending.text += s.repair;
        } else {
          flush();
          pending = { start: s.start, end: s.end, text: s.repair };
        }
        if (moreRepairs) continue;
        const from = line.slice(s.start, s.end);
        if (repairs.size < MAX_WORDS) repairs.set(from, s.repair);
        else if (!repairs.has(from)) moreRepairs = true;
      }
      flush();
      const list = [...words];
      const shown = quotedList(list.slice(0, MAX_WORDS));
      const first = spots[0] as Spot;
      const last = spots[spots.length - 1] as Spot;
      const more = list.length > MAX_LISTED ? `${MAX_LISTED - MAX_WORDS}+` : list.length - MAX_WORDS;
      const finding: Finding = {
        messageId: list.length > MAX_WORDS ? 'damageMore' : 'damage',
        args: list.length > MAX_WORDS ? { words: shown, more } : { words: shown },
        range: range(ln, first.start, last.end),
        data: { words: list.slice(0, MAX_LISTED), repairable: edits.length > 0 },
      };
      if (edits.length > 0) {
        const shownRepairs = [...repairs].map(([from, to]) => `"${from}" → "${to}"`).join(', ');
        finding.fix = {
          messageId: 'fix',
          args: { repairs: moreRepairs ? `${shownRepairs}, …` : shownRepairs },
          edits,
          safe: true,
        };
      }
      out.push(finding);
    }
    return out;
  },
});
