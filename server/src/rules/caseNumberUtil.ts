// Helpers shared by the case-number rules (case-number-format, -mismatch,
// duplicate-case-number, missing-case-number) and meeting-date.
import type { CaseNumber, Punkt } from '../model';
import { caseNumberShape, type CaseNumberShape } from '../parser/dialect/caseNumbers';
import type { CaseNumberPattern } from './types';

/** A case number as compared: trimmed, with en/em dashes and non-breaking hyphens read as "-". */
export function normalizeCaseNumber(value: string): string {
  return value.trim().replace(/[\u2010\u2011\u2012\u2013\u2014\u2212]/g, '-');
}

/**
 * The shape of a case number as written where it stands. A bare integer
 * ("299835") is only a case number when it stands in a Sagsnr. field; on its
 * own line it matches no shape.
 */
export function shapeOfCaseNumber(cn: CaseNumber): CaseNumberShape | null {
  const shape = caseNumberShape(normalizeCaseNumber(cn.value));
  if (shape === 'heltal' && cn.source !== 'field') return null;
  return shape;
}

/** A custom pattern is only ever tested against a value this long or shorter. */
export const MAX_CASE_NUMBER_LENGTH = 60;

/**
 * The index of the first custom pattern the (normalized) value matches, or -1. Bounded:
 * values longer than MAX_CASE_NUMBER_LENGTH are never tested, and the patterns are
 * anchored at both ends and were checked for safety when the configuration was read.
 */
export function customPatternIndex(value: string, patterns: readonly CaseNumberPattern[] | undefined): number {
  if (patterns === undefined || value.length > MAX_CASE_NUMBER_LENGTH) return -1;
  for (let i = 0; i < patterns.length; i++) if ((patterns[i] as CaseNumberPattern).regex.test(value)) return i;
  return -1;
}

/** The shape family used to judge whether a document mixes shapes: KLE with and without facet are one family. */
export type ShapeFamily = Exclude<CaseNumberShape, 'kle-uden-facet' | 'kle-uden-bindestreg'>;

export function shapeFamily(shape: CaseNumberShape): ShapeFamily {
  return shape === 'kle-uden-facet' || shape === 'kle-uden-bindestreg' ? 'kle' : shape;
}

/** A punkt's case numbers (sagsnumre), without the document numbers listed beside them (Dok.nr.). */
export function sagsnumre(p: Punkt): readonly CaseNumber[] {
  return p.caseNumbers.some((c) => c.document === true) ? p.caseNumbers.filter((c) => c.document !== true) : p.caseNumbers;
}

/** "punkt 46" / "Punkt 46", or 'punktet "Title"' when the heading has no number. */
export function punktLabel(p: Punkt, capital = false): string {
  const s = p.number !== null ? `punkt ${p.number}` : `punktet "${p.title}"`;
  return capital ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}
