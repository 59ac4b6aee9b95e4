// Names in member and attendance lists: "Peter Svane (D), Martin Clausen og Henny
// Schøler", one per line ("Anne Holm, V", "Anne Holm (F), Formand", "• Formand Anne
// Holm (A)", "Anne Holm, (A)"), with the party letters kept apart from the name.
import type { Member } from '../model';
import { lineRange } from './lines';

const BULLET = /^(?:[•·▪*\-–]|\d+\.)\s+/;
/** Roles printed before or after a name. */
const ROLE = /^(?:formand|næstformand|borgmester|overborgmester|rådmand|medlem|direktør|chef|udvalgssekretær|sekretær)\b\s*/i;
const ROLE_AFTER = /\s*,\s*(?:formand|næstformand|borgmester|rådmand|medlem|direktør|chef|udvalgssekretær|sekretær)\s*$/i;

/** Parses "Peter Svane (D), Martin Clausen og Henny Schøler" into members. */
export function parseMembers(line: number, text: string, offset: number): Member[] {
  const out: Member[] = [];
  const re = /[^,;]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // "A og B" at the end of a list is two names.
    const parts = m[0].split(/\s+og\s+/);
    let pos = m.index;
    for (const part of parts) {
      const at = text.indexOf(part, pos);
      pos = at + part.length;
      const member = parseMember(line, part, offset + at);
      if (member) out.push(member);
    }
  }
  return out;
}

export function parseMember(line: number, raw: string, offset: number): Member | null {
  let s = 0;
  let e = raw.length;
  while (s < e && /\s/.test(raw[s] as string)) s++;
  while (e > s && /[\s.]/.test(raw[e - 1] as string)) e--;
  const b = BULLET.exec(raw.slice(s, e));
  if (b) s += b[0].length;
  const text = raw.slice(s, e);
  if (text === '' || text === '-') return null;
  const p = /^(.*?)\s*\(([\p{Lu}]{0,3})\)$/u.exec(text);
  const name = p ? (p[1] as string) : text;
  if (!/\p{L}/u.test(name)) return null;
  return { name, party: p && p[2] !== '' ? (p[2] as string) : null, range: lineRange(line, offset + s, offset + e) };
}

/**
 * One member on a line of a list: "Anne Holm, V", "Anne Holm, (A)", "Anne Holm (F),
 * Formand", "Formand Anne Holm (A)", "Pia Eng ()". Null for a line that is no name.
 */
export function parseMemberLine(line: number, raw: string, offset: number): Member | null {
  let text = raw;
  let at = offset;
  const b = BULLET.exec(text);
  if (b) {
    text = text.slice(b[0].length);
    at += b[0].length;
  }
  const role = ROLE.exec(text);
  if (role && role[0].length < text.length) {
    text = text.slice(role[0].length);
    at += role[0].length;
  }
  text = text.replace(ROLE_AFTER, '');
  // "Anne Holm, V" / "Anne Holm, (A)": the party after a comma.
  const comma = /^(.*?\p{L})\s*,\s*\(?([\p{Lu}]{1,3})\)?\s*$/u.exec(text);
  if (comma) {
    const name = (comma[1] as string).trim();
    return { name, party: comma[2] as string, range: lineRange(line, at, at + text.trimEnd().length) };
  }
  if (text.includes(',') || text.length > 60 || /[.:;!?]$/.test(text.trim())) return null;
  return parseMember(line, text, at);
}
