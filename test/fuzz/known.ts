// Fixed since it was found: toc-regex-backtracking (374c9d7; the TOC page-number regexes of
// settle.ts and toc.ts were cubic over a run of whitespace inside a line); fuzz.test.ts keeps
// its reproducers as a regression test.
//
// Bugs the fuzzing found in server/src that are not fixed yet (their owners fix them; this
// folder does not touch server/src). Every property skips an input a known bug would break
// (fast-check counts it as a skip; the long run reports how many), so that the properties
// keep running on everything else and `npm test` stays green: a hang or a slow regex is
// avoided by the input (`matches`), an exception is recognised by its error (`signature`).
// Each bug has a test of its own in fuzz.test.ts (it.fails, or it.skip for a hang): when
// an owner fixes one, that test says so; remove the bug here and make its test an it().
import fc from 'fast-check';

export interface KnownBug {
  id: string;
  /** Where, and which invariant it breaks. */
  says: string;
  /** The minimal input, as a JavaScript expression. */
  reproducer: string;
  /** Whether an input may run into it, for a bug that must not be run (a hang); generous: a few good inputs skipped is the price. */
  matches?(text: string): boolean;
  /** Whether a failure is this bug, for a bug that throws. */
  signature?(error: unknown): boolean;
}

// Empty: header-label-without-value ('Dato\n# .' threw in parseHeader) is fixed and kept as a
// regression test in fuzz.test.ts. Add a bug here when the fuzzing finds one its owner has not fixed.
export const KNOWN_BUGS: readonly KnownBug[] = [];

/** Counts of inputs skipped per known bug, in this thread (the long run reports them). */
export const skipped = new Map<string, number>();

function skip(bug: KnownBug): never {
  skipped.set(bug.id, (skipped.get(bug.id) ?? 0) + 1);
  fc.pre(false);
  throw new Error('unreachable: fc.pre(false) throws');
}

/** Runs the check, skipping the input (fc.pre) when a known bug would break it or did. */
export function withKnownBugs(texts: readonly string[], check: () => void): void {
  for (const bug of KNOWN_BUGS) if (bug.matches !== undefined && texts.some((t) => bug.matches?.(t) === true)) skip(bug);
  try {
    check();
  } catch (error) {
    const bug = KNOWN_BUGS.find((b) => b.signature?.(error) === true);
    if (bug !== undefined) skip(bug);
    throw error;
  }
}
