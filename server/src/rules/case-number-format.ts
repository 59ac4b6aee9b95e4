// A sagsnummer that has no known shape, a KLE number with an unknown
// hovedgruppe or handlingsfacet, and a document that mixes shapes.
import type { CaseNumber } from '../model';
import { CASE_NUMBER_SHAPES, KLE_FACETTER, KLE_HOVEDGRUPPER, type CaseNumberShape } from '../parser/caseNumbers';
import { normalizeCaseNumber, shapeFamily, shapeOfCaseNumber, type ShapeFamily } from './caseNumberUtil';
import { defineRule, type Finding } from './types';

const KLE = (CASE_NUMBER_SHAPES.find((s) => s.id === 'kle') as (typeof CASE_NUMBER_SHAPES)[number]).re;
const KLE_UDEN_FACET = (CASE_NUMBER_SHAPES.find((s) => s.id === 'kle-uden-facet') as (typeof CASE_NUMBER_SHAPES)[number]).re;
const KLE_LIKE = /^\d{2}\.\d{2}\.\d{2}[-–]/;
const FAMILY_NAME: Record<ShapeFamily, string> = {
  kle: 'KLE-journalnummer',
  acadre: shapeName('acadre'),
  'aar-loebenummer': shapeName('aar-loebenummer'),
  kommunekode: shapeName('kommunekode'),
  getorganized: shapeName('getorganized'),
  heltal: shapeName('heltal'),
};

function shapeName(id: CaseNumberShape): string {
  return (CASE_NUMBER_SHAPES.find((s) => s.id === id) as (typeof CASE_NUMBER_SHAPES)[number]).da;
}

interface Valid {
  cn: CaseNumber;
  family: ShapeFamily;
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
    },
    en: {
      unknown: 'The case number {value} has no known shape (such as 00.13.06-P22-2-23, 24/19987 or 17-004875).',
      kleLike: 'The case number {value} looks like a KLE journal number but does not follow EE.GG.TT-Fnn-number-yy (such as 00.13.06-P22-2-23).',
      hovedgruppe: 'Hovedgruppe {group} in the case number {value} does not exist in KLE.',
      facet: 'The facet {facet} in the case number {value} has a letter that KLE does not use (A, P, S, Ø, G, K, I).',
      mixed: 'The case number {value} has another shape ({shape}) than the rest of the document ({majority}).',
    },
  },
  check({ model }) {
    const out: Finding[] = [];
    const valid: Valid[] = [];
    // How many punkter use each shape family, and in which order they first appear.
    const counts = new Map<ShapeFamily, number>();
    for (const p of model.punkter) {
      const seenInPunkt = new Set<string>();
      for (const cn of p.caseNumbers) {
        const value = normalizeCaseNumber(cn.value);
        const shape = shapeOfCaseNumber(cn);
        if (shape === null) {
          out.push({
            messageId: KLE_LIKE.test(value) ? 'kleLike' : 'unknown',
            args: { value: cn.value },
            range: cn.range,
            data: { value: cn.value },
          });
          continue;
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
        const family = shapeFamily(shape);
        valid.push({ cn, family });
        if (!seenInPunkt.has(value)) {
          seenInPunkt.add(value);
          counts.set(family, (counts.get(family) ?? 0) + 1);
        }
      }
    }
    if (counts.size > 1) {
      // The most used family is the document's; on a tie, the one that came first.
      let majority: ShapeFamily | null = null;
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
          args: { value: v.cn.value, shape: FAMILY_NAME[v.family], majority: FAMILY_NAME[majority as ShapeFamily] },
          range: v.cn.range,
          data: { value: v.cn.value, shape: v.family, majority },
          severity: 'information',
        });
      }
    }
    return out;
  },
});
