// The one policy for fixes that meet: whoever applies several fixes at once (the CLI's
// --fix, "fix all of this rule", source.fixAll on save) takes whole fixes, in document
// order, and skips a fix whose edits overlap one already taken. A fix is never applied
// in part, so what is reported as fixed is exactly what changed. Edits that touch
// (one ends where the next starts) do not overlap, and insertions at one point are
// applied in the order they come (a rule that inserts Indstilling and Beslutning at the
// same place gives them in profile order); an edit overlaps another when their ranges
// share a character, or an insertion falls inside a replaced range.
import type { Position, Range } from '../model';
import type { TextEdit } from './types';

/** Anything that carries a fix: a lint diagnostic, or a finding. */
export interface Fixable {
  fix?: { edits: readonly TextEdit[] } | undefined;
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Whether two spans overlap, by the policy above. */
export function spansOverlap(a: Range, b: Range): boolean {
  return compare(a.start, b.end) < 0 && compare(b.start, a.end) < 0;
}

/** The span a fix covers: from its first edit's start to its last edit's end. */
function spanOf(edits: readonly TextEdit[]): Range {
  let start = (edits[0] as TextEdit).range.start;
  let end = (edits[0] as TextEdit).range.end;
  for (const e of edits) {
    if (compare(e.range.start, start) < 0) start = e.range.start;
    if (compare(e.range.end, end) > 0) end = e.range.end;
  }
  return { start, end };
}

/** Whether a fix's own edits can be applied together (rules write them so; this is the guard). */
function selfConsistent(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => compare(a.range.start, b.range.start) || compare(a.range.end, b.range.end));
  for (let i = 1; i < sorted.length; i++) if (spansOverlap((sorted[i - 1] as TextEdit).range, (sorted[i] as TextEdit).range)) return false;
  return true;
}

/**
 * The fixes to apply together, whole, in document order: a fix is skipped when its
 * span overlaps the span of a fix already taken, or its own edits collide.
 */
export function chooseFixes<T extends Fixable>(candidates: readonly T[]): T[] {
  const spans = candidates
    .filter((c) => c.fix !== undefined && c.fix.edits.length > 0 && selfConsistent(c.fix.edits))
    .map((c) => ({ c, span: spanOf((c.fix as { edits: readonly TextEdit[] }).edits) }))
    .sort((a, b) => compare(a.span.start, b.span.start) || compare(a.span.end, b.span.end));
  const chosen: T[] = [];
  let last: Range | null = null;
  for (const s of spans) {
    if (last !== null && spansOverlap(last, s.span)) continue;
    chosen.push(s.c);
    last = s.span;
  }
  return chosen;
}

/** The edits of the chosen fixes, flattened (they never overlap). */
export function editsOf(chosen: readonly Fixable[]): TextEdit[] {
  return chosen.flatMap((c) => [...(c.fix?.edits ?? [])]);
}
