// A sagsnummer that has no known shape, a KLE number with an unknown
// hovedgruppe or handlingsfacet, and a document that mixes shapes.
import type { CaseNumber } from '../model';
import { CASE_NUMBER_SHAPES, KLE_FACETTER, KLE_HOVEDGRUPPER, type CaseNumberShape } from '../parser/dialect/caseNumbers';
import { customPatternIndex, normalizeCaseNumber, shapeFamily, shapeOfCaseNumber, type ShapeFamily, sagsnumre } from './caseNumberUtil';
import { defineRule, type Finding, type RuleOptions } from './types';

const KLE = (CASE_NUMBER_SHAPES.find((s) => s.id === 'kle') as (typeof CASE_NUMBER_SHAPES)[number]).re;
const KLE_UDEN_FACET = (CASE_NUMBER_SHAPES.find((s) => s.id === 'kle-uden-facet') as (typeof CASE_NUMBER_SHAPES)[number]).re;
const KLE_LIKE = /^\d{2}\.\d{2}\.\d{2}[-–]/;
const FAMILY_NAME: Record<ShapeFamily, string> = {
  kle: 'KLE-journalnummer',
  acadre: shapeName('acadre'),
  'aar-loebenummer': shapeName('aar-loebenummer'),
  'loebenummer-aar': shapeName('loebenummer-aar'),
  kommunekode: shapeName('kommunekode'),
  getorganized: shapeName('getorganized'),
  heltal: shapeName('heltal'),
};

function shapeName(id: CaseNumberShape): string {
  return (CASE_NUMBER_SHAPES.find((s) => s.id === id) as (typeof CASE_NUMBER_SHAPES)[number]).da;
}

/** A built-in shape family, or a custom pattern from the configuration ("custom:<index>"). */
type Family = ShapeFamily | `custom:${number}`;

interface Valid {
  cn: CaseNumber;
  family: Family;
}

function familyName(family: Family, options: RuleOptions): string {
  if (family.startsWith('custom:')) {
    const source = options.caseNumberPatterns?.[Number(family.slice(7))]?.source ?? '';
    return `eget mønster ${source}`;
  }
  return FAMILY_NAME[family as ShapeFamily];
}

/** What the configuration allows, as written in it: shape ids and the custom patterns. */
function allowedList(options: RuleOptions): string {
  const shapes = options.caseNumberShapes ?? CASE_NUMBER_SHAPES.map((s) => s.id);
  const parts = shapes.map((id) => `"${id}"`);
  for (const p of options.caseNumberPatterns ?? []) parts.push(p.source);
  return parts.length > 0 ? parts.join(', ') : '—';
}

export default defineRule({
  id: 'case-number-format',
  description: {
    da: 'Et sagsnummer har ingen kendt form, har en hovedgruppe eller handlingsfacet, der ikke findes i KLE, eller har en anden form end dokumentets øvrige sagsnumre.',
    en: 'A case number (sagsnummer) has no known shape, has a hovedgruppe or facet that KLE does not have, or has another shape than the rest of the document.',
  },
  defaultSeverity: 'warning',
  tags: ['sagsnummer'],
  fixable: false,
  messages: {
    da: {
      unknown: 'Sagsnummeret {value} har ingen kendt form (fx 00.13.06-P22-2-23, 24/19987 eller 17-004875).',
      kleLike: 'Sagsnummeret {value} ligner et KLE-journalnummer, men følger ikke formen EE.GG.TT-Fnn-løbenr-yy (fx 00.13.06-P22-2-23).',
      hovedgruppe: 'Hovedgruppe {group} i sagsnummeret {value} findes ikke i KLE.',
      facet: 'Handlingsfacetten {facet} i sagsnummeret {value} har et bogstav, som KLE ikke bruger (A, P, S, Ø, G, K, I).',
      mixed: 'Sagsnummeret {value} har en anden form ({shape}) end dokumentets øvrige ({majority}).',
      notAllowed: 'Sagsnummeret {value} har formen "{shape}", som konfigurationen ikke tillader (tilladt: {allowed}).',
      unknownAllowed: 'Sagsnummeret {value} har ingen af de former, konfigurationen tillader ({allowed}).',
    },
    en: {
      unknown: 'The case number {value} has no known shape (such as 00.13.06-P22-2-23, 24/19987 or 17-004875).',
      kleLike: 'The case number {value} looks like a KLE journal number but does not follow EE.GG.TT-Fnn-number-yy (such as 00.13.06-P22-2-23).',
      hovedgruppe: 'Hovedgruppe {group} in the case number {value} does not exist in KLE.',
      facet: 'The facet {facet} in the case number {value} has a letter that KLE does not use (A, P, S, Ø, G, K, I).',
      mixed: 'The case number {value} has another shape ({shape}) than the rest of the document ({majority}).',
      notAllowed: 'The case number {value} has the shape "{shape}", which the configuration does not allow (allowed: {allowed}).',
      unknownAllowed: 'The case number {value} has none of the shapes the configuration allows ({allowed}).',
    },
  },
  check({ model, options }) {
    const out: Finding[] = [];
    const valid: Valid[] = [];
    // The configuration may narrow the built-in shapes and add its own patterns.
    const accepted = options.caseNumberShapes !== undefined ? new Set<CaseNumberShape>(options.caseNumberShapes) : null;
    const configured = accepted !== null || (options.caseNumberPatterns?.length ?? 0) > 0;
    // How many punkter use each shape family, and in which order they first appear.
    const counts = new Map<Family, number>();
    for (const p of model.punkter) {
      const seenInPunkt = new Set<string>();
      for (const cn of sagsnumre(p)) {
        const value = normalizeCaseNumber(cn.value);
        const builtIn = shapeOfCaseNumber(cn);
        const shape = builtIn !== null && (accepted === null || accepted.has(builtIn)) ? builtIn : null;
        let family: Family;
        if (shape === null) {
          const custom = customPatternIndex(value, options.caseNumberPatterns);
          if (custom < 0) {
            if (builtIn !== null) {
              out.push({
                messageId: 'notAllowed',
                args: { value: cn.value, shape: builtIn, allowed: allowedList(options) },
                range: cn.range,
                data: { value: cn.value, shape: builtIn },
              });
            } else {
              out.push({
                messageId: KLE_LIKE.test(value) ? 'kleLike' : configured ? 'unknownAllowed' : 'unknown',
                args: configured ? { value: cn.value, allowed: allowedList(options) } : { value: cn.value },
                range: cn.range,
                data: { value: cn.value },
              });
            }
            continue;
          }
          family = `custom:${custom}`;
        } else {
          family = shapeFamily(shape);
        }
        if (shape === 'kle' || shape === 'kle-uden-facet') {
          const m = (shape === 'kle' ? KLE : KLE_UDEN_FACET).exec(value) as RegExpExecArray;
          const group = m[1] as string;
          if (!(group in KLE_HOVEDGRUPPER)) {
            out.push({ messageId: 'hovedgruppe', args: { group, value: cn.value }, range: cn.range, data: { value: cn.value, hovedgruppe: group } });
          }
          if (shape === 'kle' && !((m[4] as string) in KLE_FACETTER)) {
            const facet = `${m[4] as string}${m[5] as string}`;
            out.push({ messageId: 'facet', args: { facet, value: cn.value }, range: cn.range, data: { value: cn.value, facet } });
          }
        }
        valid.push({ cn, family });
        if (!seenInPunkt.has(value)) {
          seenInPunkt.add(value);
          counts.set(family, (counts.get(family) ?? 0) + 1);
        }
      }
    }
    if (counts.size > 1) {
      // The most used family is the document's; on a tie, the one that came first.
      let majority: Family | null = null;
      let best = 0;
      for (const [family, n] of counts) {
        if (n > best) {
          best = n;
          majority = family;
        }
      }
      for (const v of valid) {
        if (v.family === majority) continue;
        out.push({
          messageId: 'mixed',
          args: { value: v.cn.value, shape: familyName(v.family, options), majority: familyName(majority as Family, options) },
          range: v.cn.range,
          data: { value: v.cn.value, shape: v.family, majority },
          severity: 'information',
        });
      }
    }
    return out;
  },
});
