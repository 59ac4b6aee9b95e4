// Memory of one job on one text, measured in a fresh process (run with --expose-gc):
//   node --expose-gc .bench/js/memory.js referat|markdownlint|markdown-it FILE
// Prints JSON: the text's size, the heap the result keeps alive (after a full GC), and
// the peak resident set growth while the job ran (VmHWM, which includes garbage not yet
// collected and the young generation V8 sizes for the allocation rate).
import { readFileSync, writeFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { parseReferat } from '../server/src/parser/parse';
import { lint } from '../server/src/rules/engine';

type MarkdownlintLint = (options: { strings: Record<string, string> }) => Record<string, unknown[]>;

function gc(): void {
  const g = (globalThis as { gc?: () => void }).gc;
  if (g === undefined) throw new Error('run with --expose-gc');
  g();
  g();
}

/** Peak and current resident set size, in bytes, from /proc (Linux). */
function rss(): { peak: number; now: number } {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { peak: kb('VmHWM'), now: kb('VmRSS') };
}

/** Forget the peak so far (Linux: writing 5 to clear_refs resets VmHWM). */
function resetPeak(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not permitted: the peak then includes start-up, which only overstates it.
  }
}

async function main(): Promise<void> {
  const [job, file] = process.argv.slice(2);
  if (file === undefined) throw new Error('usage: memory.js referat|markdownlint|markdown-it FILE');
  // Flatten the text, as a document read from disk or the wire is.
  const text = readFileSync(file, 'utf8');
  let run: () => unknown;
  if (job === 'referat') {
    run = () => {
      const model = parseReferat(text);
      return { model, findings: lint(text, model) };
    };
  } else if (job === 'markdownlint') {
    const specifier: string = 'markdownlint/sync';
    const mod = (await import(specifier)) as { lint: MarkdownlintLint };
    run = () => mod.lint({ strings: { doc: text } });
  } else if (job === 'markdown-it') {
    const md = new MarkdownIt();
    run = () => md.parse(text, {});
  } else {
    throw new Error(`unknown job ${job}`);
  }
  // One run first, so that code is compiled and caches are filled before the baseline.
  run();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  resetPeak();
  const before = rss();
  const result = run();
  const after = rss();
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  process.stdout.write(
    JSON.stringify({
      bytes: Buffer.byteLength(text, 'utf8'),
      retained: heapAfter - heapBefore,
      peakGrowth: after.peak - before.now,
      kept: result !== undefined,
    }),
  );
}

void main();
