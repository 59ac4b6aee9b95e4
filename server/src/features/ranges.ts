// Small pure helpers for LSP positions and ranges (0-based lines, UTF-16 characters).
import type { Position, Range } from '../model';

/** Negative when a is before b, 0 when equal, positive when after. */
export function comparePositions(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

export function maxPosition(a: Position, b: Position): Position {
  return comparePositions(a, b) >= 0 ? a : b;
}

export function minPosition(a: Position, b: Position): Position {
  return comparePositions(a, b) <= 0 ? a : b;
}

export function copyPosition(p: Position): Position {
  return { line: p.line, character: p.character };
}

/** A fresh copy of the range with end moved up to start when the range is inverted. */
export function normalizeRange(r: Range): Range {
  const start = copyPosition(r.start);
  const end = comparePositions(r.end, r.start) < 0 ? copyPosition(r.start) : copyPosition(r.end);
  return { start, end };
}

/** True when inner lies within outer (touching edges included). */
export function containsRange(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

/**
 * Clamps inner so it lies within outer. Both are normalized first, so the result is
 * always a valid range inside outer (possibly empty, at an edge of outer).
 */
export function clampRange(inner: Range, outer: Range): Range {
  const o = normalizeRange(outer);
  const i = normalizeRange(inner);
  const start = copyPosition(minPosition(maxPosition(i.start, o.start), o.end));
  const end = copyPosition(minPosition(maxPosition(i.end, start), o.end));
  return { start, end };
}

/**
 * The last line a range really covers: a range that ends at character 0 of a later
 * line stops at the end of the line before.
 */
export function lastCoveredLine(r: Range): number {
  return r.end.character === 0 && r.end.line > r.start.line ? r.end.line - 1 : r.end.line;
}
