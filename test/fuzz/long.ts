// The long fuzz run (npm run fuzz): the properties of properties.ts by the hundred
// thousand, in a worker thread watched for hangs, then a probe of how time grows with
// size. Prints per property the inputs run, failures (the shrunk counterexample, the seed
// and the path to replay it), throughput, and the slowest inputs per KB; writes the same
// as JSON to out/fuzz/summary.json and each failure's full counterexample beside it.
//
//   npm run fuzz                       1,000,000 inputs in all, a seed from the clock
//   FUZZ_RUNS=50000 npm run fuzz       fewer (or `npm run fuzz -- 50000`)
//   FUZZ_SEED=123 FUZZ_ONLY=rules,fixes npm run fuzz
//   FUZZ_MINUTES=40                    stop starting batches after 40 minutes (the report says how many ran)
//   FUZZ_REPLAY=rules/mutated:123:456  run one input again (property:seed:path) and write it to out/fuzz/replay.txt
//   FUZZ_PROBE=0                      leave out the probe of how time grows with size
//   FUZZ_HANG_MS=60000                 an input that runs longer than this is a hang: reported, and the run goes on
//
// Timing is recorded here only; the unit tests assert no times.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { parseReferat } from '../../server/src/parser/parse';
import { lint } from '../../server/src/rules/engine';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/folding';
import { FIXTURES, ROOT } from './arbitraries';
import { fuzzService, Violation } from './invariants';
import { KNOWN_BUGS, skipped } from './known';
import { PROPERTIES, type FuzzProperty } from './properties';

const OUT = join(ROOT, 'out', 'fuzz');
/** Inputs smaller than this are left out of the per-KB ranking (their fixed cost would top it). */
const MIN_KB_FOR_RANK = 4;
const TOP = 5;

interface Slow {
  property: string;
  seed: number;
  path: number;
  kb: number;
  ms: number;
  msPerKb: number;
  preview: string;
}

interface Failure {
  property: string;
  kind: string;
  message: string;
  seed: number;
  path: string | null;
  counterexample: string;
  shrinks: number;
}

interface BatchRequest {
  id: number;
  property: string;
  seed: number;
  numRuns: number;
  path?: string;
}

interface BatchResult {
  id: number;
  property: string;
  runs: number;
  ms: number;
  kb: number;
  slowPerKb: Slow[];
  slowest: Slow[];
  failure: Failure | null;
  /** Inputs skipped because a known bug would break them (known.ts), per bug. */
  skips: Record<string, number>;
}

function byName(name: string): FuzzProperty {
  const p = PROPERTIES.find((x) => x.name === name);
  if (p === undefined) throw new Error(`no property ${name}; there are ${PROPERTIES.map((x) => x.name).join(', ')}`);
  return p;
}

/** Keeps the `TOP` largest by key. */
function keepTop(list: Slow[], item: Slow, key: (s: Slow) => number): void {
  if (list.length >= TOP && key(item) <= key(list[list.length - 1] as Slow)) return;
  list.push(item);
  list.sort((a, b) => key(b) - key(a));
  if (list.length > TOP) list.length = TOP;
}

const preview = (text: string): string => JSON.stringify(text.length > 120 ? `${text.slice(0, 120)}…` : text);

function kindOf(error: unknown): string {
  if (error instanceof Violation) return error.kind;
  if (error instanceof Error) return `threw ${error.name}: ${error.message.split('\n')[0]?.slice(0, 120) ?? ''}`;
  return `threw ${String(error)}`;
}

// ---------------------------------------------------------------------------
// The worker: runs batches of one property with fast-check

function runBatch(req: BatchRequest, progress: Int32Array): BatchResult {
  const p = byName(req.property);
  let runs = 0;
  let ms = 0;
  let kb = 0;
  let failed = false;
  const slowPerKb: Slow[] = [];
  const slowest: Slow[] = [];
  // fast-check's path of a value is its index among all values generated, skipped ones included.
  let calls = 0;
  const property = p.property('long', (text, run) => {
    // After the first failure, fast-check is shrinking: those runs are not counted or timed.
    if (failed) return run();
    const index = calls++;
    Atomics.store(progress, 0, index);
    Atomics.add(progress, 1, 1);
    // The lesser of CPU and wall-clock time: on a shared machine the wall clock counts others'
    // work, and the process's CPU time counts the collector's helper threads.
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    try {
      run();
    } catch (e) {
      // A skip (a known bug, known.ts) is no failure; fast-check counts it.
      if (!fc.PreconditionFailure.isFailure(e)) failed = true;
      throw e;
    }
    const c = process.cpuUsage(c0);
    const dt = Math.min((c.user + c.system) / 1000, performance.now() - w0);
    const size = Buffer.byteLength(text, 'utf8') / 1024;
    runs++;
    ms += dt;
    kb += size;
    const s = (): Slow => ({ property: p.name, seed: req.seed, path: index, kb: size, ms: dt, msPerKb: dt / Math.max(size, 1e-9), preview: preview(text) });
    if (slowest.length < TOP || dt > (slowest[slowest.length - 1] as Slow).ms) keepTop(slowest, s(), (x) => x.ms);
    if (size >= MIN_KB_FOR_RANK && (slowPerKb.length < TOP || dt / size > (slowPerKb[slowPerKb.length - 1] as Slow).msPerKb)) keepTop(slowPerKb, s(), (x) => x.msPerKb);
  });
  const before = new Map(skipped);
  const details = fc.check(property, { seed: req.seed, numRuns: req.numRuns, ...(req.path !== undefined ? { path: req.path } : {}) });
  const skips: Record<string, number> = {};
  for (const [bug, n] of skipped) if (n !== (before.get(bug) ?? 0)) skips[bug] = n - (before.get(bug) ?? 0);
  let failure: Failure | null = null;
  if (details.failed) {
    const error = details.errorInstance;
    const input = details.counterexample?.[0];
    failure = {
      property: p.name,
      kind: kindOf(error),
      message: error instanceof Error ? error.message : String(error),
      seed: details.seed,
      path: details.counterexamplePath,
      counterexample: JSON.stringify(input),
      shrinks: details.numShrinks,
    };
  }
  return { id: req.id, property: p.name, runs, ms, kb, slowPerKb, slowest, failure, skips };
}

if (!isMainThread && parentPort !== null) {
  const port = parentPort;
  const progress = new Int32Array(workerData as SharedArrayBuffer);
  port.on('message', (req: BatchRequest) => port.postMessage(runBatch(req, progress)));
}

// ---------------------------------------------------------------------------
// The main thread: plans the batches, watches the worker, reports

interface Totals {
  runs: number;
  ms: number;
  kb: number;
  batches: number;
  failures: Failure[];
  hangs: { seed: number; path: number }[];
  skips: Record<string, number>;
}

function env(name: string): string | undefined {
  const v = process.env[name];
  return v === undefined || v === '' ? undefined : v;
}

function numberEnv(name: string, fallback: number): number {
  const v = env(name);
  if (v === undefined) return fallback;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number, not ${v}`);
  return n;
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function replay(spec: string): void {
  const [name, seed, path] = spec.split(':');
  if (name === undefined || seed === undefined || path === undefined) throw new Error('FUZZ_REPLAY is property:seed:path');
  const p = byName(name);
  let shown = false;
  const property = p.property('long', (text, run) => {
    if (!shown) {
      shown = true;
      mkdirSync(OUT, { recursive: true });
      writeFileSync(join(OUT, 'replay.txt'), text);
      console.log(`input: ${fmt(text.length)} characters, written to out/fuzz/replay.txt; starts ${preview(text)}`);
    }
    const t0 = performance.now();
    try {
      run();
    } finally {
      console.log(`ran in ${fmt(performance.now() - t0, 1)} ms`);
    }
  });
  const details = fc.check(property, { seed: Number(seed), path, numRuns: 1 });
  console.log(details.failed ? `fails: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}` : 'passes');
}

/** How time grows with size: parse + lint, symbols + folding, and the fix loop, at 16 KB to 1 MB per shape. */
interface ProbeRow {
  shape: string;
  sizes: { kb: number; parseLint: number; providers: number; fix: number }[];
  /** ms per KB at 1 MB over ms per KB at 64 KB, the worst of parse+lint and the fix loop. */
  growth: number;
}

function scalingProbe(): ProbeRow[] {
  console.log('\nhow time grows with size (best of 3, the lesser of CPU and wall clock; ms per KB at 16, 64, 256, 1024 KB; parse+lint | symbols+folding | service.fix):');
  const svc = fuzzService();
  const corpus = FIXTURES.filter((f) => f.name.includes('corpus')).map((f) => f.text).join('\n');
  const punkter = (n: number): string => Array.from({ length: n }, (_, i) => `Punkt ${i + 1}: Titel ${i}\n\n24/${1000 + i}\n\nIndstilling\n\nat sagen godkendes.\n\nBeslutning\n\nGodkendt.\n`).join('\n');
  const shapes: { shape: string; make: (kb: number) => string }[] = [
    { shape: 'corpus repeated', make: (kb) => corpus.repeat(Math.ceil((kb * 1024) / corpus.length)).slice(0, kb * 1024) },
    { shape: 'punkter', make: (kb) => punkter(Math.ceil((kb * 1024) / 90)) },
    { shape: 'one huge line', make: (kb) => `Punkt 1: Budget\n\n${'ord '.repeat(kb * 256)}\n` },
    { shape: 'TOC lines', make: (kb) => `Referat\n\nIndholdsfortegnelse\n\n${Array.from({ length: Math.ceil((kb * 1024) / 30) }, (_, i) => `${i + 1}. Titel ${'.'.repeat(10)} ${i + 2}`).join('\n')}\n` },
    { shape: 'sections in one punkt', make: (kb) => `Punkt 1: Budget\n\n${'Beslutning\n\nGodkendt.\n\nBilag\n\n'.repeat(Math.ceil((kb * 1024) / 33))}` },
    { shape: 'numbered list lines', make: (kb) => `Punkt 1: Budget\n\nIndstilling\n\n${Array.from({ length: Math.ceil((kb * 1024) / 16) }, (_, i) => `${(i % 7) + 1}. at noget`).join('\n')}\n` },
    { shape: 'headings of #', make: (kb) => '# \n## Bilag\n### \n'.repeat(Math.ceil((kb * 1024) / 18)) },
    { shape: 'case numbers alone', make: (kb) => `Punkt 1: Budget\n\n${'24/1001\n00.01.00-A00-1-24\n'.repeat(Math.ceil((kb * 1024) / 26))}` },
    { shape: 'mojibake and CR', make: (kb) => 'Punkt 1: BÃ¸ger\rBeslutning\rGodkendt Ã¦ \ufffd\r'.repeat(Math.ceil((kb * 1024) / 44)) },
    { shape: 'suppression comments', make: (kb) => `Punkt 1: Budget\n\n${'<!-- referat-disable-next-line missing-section -->\ntekst\n'.repeat(Math.ceil((kb * 1024) / 58))}` },
  ];
  const best = (f: () => void): number => {
    let min = Infinity;
    for (let k = 0; k < 3; k++) {
      const c0 = process.cpuUsage();
      const w0 = performance.now();
      f();
      const c = process.cpuUsage(c0);
      min = Math.min(min, (c.user + c.system) / 1000, performance.now() - w0);
    }
    return min;
  };
  return shapes.map(({ shape, make }) => {
    const sizes = [16, 64, 256, 1024].map((kb) => {
      const text = make(kb);
      const size = Buffer.byteLength(text, 'utf8') / 1024;
      const parseLint = best(() => lint(text, parseReferat(text)));
      const model = parseReferat(text);
      const providers = best(() => {
        documentSymbols(model);
        foldingRanges(model);
      });
      const fix = best(() => svc.fix('file:///probe.referat.txt', text));
      return { kb: size, parseLint, providers, fix };
    });
    const at64 = sizes[1] as ProbeRow['sizes'][number];
    const at1m = sizes[3] as ProbeRow['sizes'][number];
    const growth = Math.max(at1m.parseLint / at1m.kb / (at64.parseLint / at64.kb), at1m.fix / at1m.kb / (at64.fix / at64.kb));
    const per = (k: 'parseLint' | 'providers' | 'fix'): string => sizes.map((x) => fmt(x[k] / x.kb, 3)).join(' ');
    console.log(`  ${shape.padEnd(22)} ${per('parseLint')} | ${per('providers')} | ${per('fix')}${growth > 3 ? `   GROWS ${fmt(growth, 1)}× per KB from 64 KB to 1 MB` : ''}`);
    return { shape, sizes, growth };
  });
}

async function main(): Promise<void> {
  const replaySpec = env('FUZZ_REPLAY');
  if (replaySpec !== undefined) return replay(replaySpec);
  const positional = process.argv.slice(2).find((a) => /^\d[\d_]*$/.test(a));
  const total = positional !== undefined ? Number(positional.replace(/_/g, '')) : numberEnv('FUZZ_RUNS', 1_000_000);
  const seed = numberEnv('FUZZ_SEED', Date.now() % 2_000_000_000);
  const minutes = numberEnv('FUZZ_MINUTES', Infinity);
  const hangMs = numberEnv('FUZZ_HANG_MS', 60_000);
  const batchSize = numberEnv('FUZZ_BATCH', 500);
  const only = env('FUZZ_ONLY')?.split(',');
  const props = PROPERTIES.filter((p) => only === undefined || only.some((o) => p.name.includes(o)));
  const weights = props.reduce((s, p) => s + p.weight, 0);
  const started = new Date();
  console.log(`referat fuzz: ${fmt(total)} inputs over ${props.length} properties, seed ${seed}${Number.isFinite(minutes) ? `, at most ${minutes} minutes` : ''}, node ${process.version}`);

  // Batches of each property, interleaved by how far into its share each is, so that a
  // run cut short by FUZZ_MINUTES has covered every property alike.
  const plan: (BatchRequest & { at: number })[] = [];
  let id = 0;
  for (const p of props) {
    const runs = Math.round((total * p.weight) / weights);
    const count = Math.ceil(runs / batchSize);
    for (let b = 0; b < count; b++) {
      plan.push({ id, property: p.name, seed: (seed + id * 7919) % 2_147_483_647, numRuns: Math.min(batchSize, runs - b * batchSize), at: (b + 0.5) / count });
      id++;
    }
  }
  plan.sort((a, b) => a.at - b.at || a.id - b.id);

  const totals = new Map<string, Totals>(props.map((p) => [p.name, { runs: 0, ms: 0, kb: 0, batches: 0, failures: [], hangs: [], skips: {} }]));
  const slowPerKb: Slow[] = [];
  const slowest: Slow[] = [];
  const shared = new SharedArrayBuffer(8);
  const progress = new Int32Array(shared);
  const t0 = performance.now();
  const deadline = t0 + minutes * 60_000;
  let next = 0;
  let done = 0;
  let lastReport = t0;

  const spawn = (): Worker => new Worker(__filename, { workerData: shared });
  let worker = spawn();
  await new Promise<void>((resolve, reject) => {
    let inFlight: BatchRequest | null = null;
    let lastCount = -1;
    let lastChange = performance.now();
    const dispatch = (): void => {
      const req = next < plan.length && performance.now() < deadline ? plan[next++] : undefined;
      if (req === undefined) {
        inFlight = null;
        clearInterval(watchdog);
        void worker.terminate().then(() => resolve());
        return;
      }
      inFlight = { id: req.id, property: req.property, seed: req.seed, numRuns: req.numRuns };
      lastChange = performance.now();
      worker.postMessage(inFlight);
    };
    const onMessage = (r: BatchResult): void => {
      const t = totals.get(r.property) as Totals;
      t.runs += r.runs;
      t.ms += r.ms;
      t.kb += r.kb;
      t.batches++;
      done += r.runs;
      for (const [bug, n] of Object.entries(r.skips)) t.skips[bug] = (t.skips[bug] ?? 0) + n;
      if (r.failure !== null) {
        t.failures.push(r.failure);
        console.log(`FAIL ${r.property}: ${r.failure.message.slice(0, 300)}\n  seed ${r.failure.seed}, path ${r.failure.path ?? '-'}, after ${r.failure.shrinks} shrinks: ${r.failure.counterexample.slice(0, 400)}`);
        // fast-check stops a batch at its first failure: the rest of its runs go on under another seed (up to 20 failures a property).
        const left = (inFlight?.numRuns ?? 0) - r.runs - 1;
        if (left > 0 && t.failures.length <= 20) plan.splice(next, 0, { id: id++, property: r.property, seed: (r.failure.seed * 31 + 17) % 2_147_483_647, numRuns: left, at: 0 });
      }
      for (const s of r.slowPerKb) keepTop(slowPerKb, s, (x) => x.msPerKb);
      for (const s of r.slowest) keepTop(slowest, s, (x) => x.ms);
      const now = performance.now();
      if (now - lastReport > 30_000) {
        lastReport = now;
        const rate = done / ((now - t0) / 1000);
        console.log(`  ${fmt(done)} / ${fmt(total)} inputs, ${fmt(rate)}/s, ${fmt((now - t0) / 60_000, 1)} min, about ${fmt((total - done) / rate / 60, 1)} min left`);
      }
      dispatch();
    };
    const attach = (w: Worker): void => {
      w.on('message', onMessage);
      w.on('error', reject);
    };
    // A batch whose counter stands still for hangMs is hung on one input: report it, start a new worker, go on.
    const watchdog = setInterval(() => {
      const count = Atomics.load(progress, 1);
      const now = performance.now();
      if (count !== lastCount) {
        lastCount = count;
        lastChange = now;
        return;
      }
      if (inFlight === null || now - lastChange < hangMs) return;
      const hung = inFlight;
      const path = Atomics.load(progress, 0);
      const t = totals.get(hung.property) as Totals;
      t.hangs.push({ seed: hung.seed, path });
      console.log(`HANG ${hung.property}: one input ran over ${hangMs} ms; replay with FUZZ_REPLAY=${hung.property}:${hung.seed}:${path}`);
      worker.removeAllListeners();
      void worker.terminate();
      worker = spawn();
      attach(worker);
      lastChange = now;
      dispatch();
    }, 1000);
    attach(worker);
    dispatch();
  });
  const seconds = (performance.now() - t0) / 1000;
  const planned = plan.reduce((sum, b) => sum + b.numRuns, 0);
  const stoppedEarly = next < plan.length;

  // The report.
  const rows = props.map((p) => ({ name: p.name, ...(totals.get(p.name) as Totals) }));
  const all = rows.reduce((s, r) => ({ runs: s.runs + r.runs, ms: s.ms + r.ms, kb: s.kb + r.kb }), { runs: 0, ms: 0, kb: 0 });
  console.log(`\n${fmt(all.runs)} inputs in ${fmt(seconds / 60, 1)} min (${fmt(all.runs / seconds)}/s, ${fmt(all.kb / 1024, 0)} MB of text, ${fmt(all.kb / 1024 / seconds, 2)} MB/s)${stoppedEarly ? `; planned ${fmt(planned)}, stopped by FUZZ_MINUTES after ${next} of ${plan.length} batches` : ''}`);
  console.log('\nproperty                  inputs   failures  hangs    inputs/s   KB/s     ms/input   (time: the lesser of CPU and wall clock, per input)');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(24)} ${fmt(r.runs).padStart(9)} ${String(r.failures.length).padStart(9)} ${String(r.hangs.length).padStart(6)} ${fmt(r.runs / (r.ms / 1000)).padStart(10)} ${fmt(r.kb / (r.ms / 1000)).padStart(8)} ${fmt(r.ms / Math.max(1, r.runs), 3).padStart(11)}`,
    );
  }
  const failures = rows.flatMap((r) => r.failures);
  const distinct = new Map<string, Failure>();
  for (const f of failures) if (!distinct.has(`${f.property} ${f.kind}`)) distinct.set(`${f.property} ${f.kind}`, f);
  mkdirSync(OUT, { recursive: true });
  console.log(`\nfailures: ${failures.length} (${distinct.size} distinct by property and kind)`);
  for (const f of distinct.values()) {
    const file = join(OUT, `failure-${f.property.replace('/', '-')}-${f.seed}.json`);
    writeFileSync(file, `${JSON.stringify(f, null, 2)}\n`);
    console.log(`- ${f.property} ${f.kind}\n  ${f.message.slice(0, 400)}\n  counterexample: ${f.counterexample.length > 600 ? `${f.counterexample.slice(0, 600)}… (in ${file.slice(ROOT.length + 1)})` : f.counterexample}\n  replay: FUZZ_REPLAY=${f.property}:${f.seed}:${f.path ?? ''}`);
  }
  console.log('\nknown bugs (known.ts), inputs skipped because they would run into one:');
  for (const bug of KNOWN_BUGS) {
    const n = rows.reduce((sum, r) => sum + (r.skips[bug.id] ?? 0), 0);
    console.log(`  ${bug.id}: ${fmt(n)} skipped; reproducer ${bug.reproducer}`);
  }
  const hangs = rows.flatMap((r) => r.hangs.map((h) => ({ property: r.name, ...h })));
  for (const h of hangs) console.log(`hang: ${h.property} seed ${h.seed} path ${h.path} (FUZZ_REPLAY=${h.property}:${h.seed}:${h.path})`);
  const showSlow = (s: Slow): string => `${s.property} ${fmt(s.kb, 1)} KB ${fmt(s.ms, 1)} ms = ${fmt(s.msPerKb, 3)} ms/KB  (FUZZ_REPLAY=${s.property}:${s.seed}:${s.path}) ${s.preview}`;
  console.log(`\nslowest per KB (inputs of ${MIN_KB_FOR_RANK} KB or more):`);
  for (const s of slowPerKb) console.log(`  ${showSlow(s)}`);
  console.log('slowest in all:');
  for (const s of slowest) console.log(`  ${showSlow(s)}`);

  const scaling = numberEnv('FUZZ_PROBE', 1) === 0 ? [] : scalingProbe();
  const summary = { date: started.toISOString(), seed, planned: total, seconds, node: process.version, all, rows: rows.map((r) => ({ name: r.name, runs: r.runs, ms: r.ms, kb: r.kb, failures: r.failures.length, hangs: r.hangs.length, skips: r.skips })), failures: [...distinct.values()], hangs, slowPerKb, slowest, scaling };
  writeFileSync(join(OUT, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`\nsummary: out/fuzz/summary.json`);
  if (failures.length > 0 || hangs.length > 0) process.exitCode = 1;
}

if (isMainThread) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 2;
  });
}
