// Builds the benchmark inputs from the corpus (test/fixtures/corpus) into .bench/
// (git-ignored; never checked in):
//   .bench/docs/10kb.referat.txt, 1mb.referat.txt, 10mb.referat.txt
//       one meeting with a header, an Indholdsfortegnelse that agrees with the punkter,
//       and the corpus' "Punkt N:" punkter repeated in turn, renumbered consecutively,
//       with case numbers varied per repetition (so that they stay distinct);
//   .bench/workspace/<year>/<name>-NNNN.referat(.txt|.md)
//       1,000 meetings, each a corpus document with its case numbers varied, so that a
//       case recurs in a few meetings as real case histories do.
// Deterministic: the same corpus gives byte-identical files.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Punkt } from '../server/src/model';
import { splitLines } from '../server/src/parser/lines';
import { parseReferat } from '../server/src/parser/parse';
import { numberRange } from '../server/src/rules/punkt-numbering';

export const ROOT = join(__dirname, '..', '..');
export const BENCH_DIR = join(ROOT, '.bench');
export const DOCS_DIR = join(BENCH_DIR, 'docs');
export const WORKSPACE_DIR = join(BENCH_DIR, 'workspace');
const CORPUS_DIR = join(ROOT, 'test', 'fixtures', 'corpus');

export const DOC_SIZES = [
  { name: '10kb', bytes: 10 * 1024 },
  { name: '1mb', bytes: 1024 * 1024 },
  { name: '10mb', bytes: 10 * 1024 * 1024 },
] as const;
export const WORKSPACE_FILES = 1000;

interface Edit {
  line: number;
  start: number;
  end: number;
  text: string;
}

interface CorpusDoc {
  file: string;
  text: string;
  lines: string[];
  punkter: readonly Punkt[];
}

/** A case number with one of its digit runs changed; same shape, distinct per variant. */
export function varyCaseNumber(value: string, variant: number): string {
  if (variant === 0) return value;
  const kle = /^(\d{2}\.\d{2}\.\d{2}-(?:[A-ZÆØÅ]\d{2}-)?)(\d{1,7})(-\d{2})$/u.exec(value);
  if (kle !== null) return `${kle[1]}${Number(kle[2]) + variant * 37}${kle[3]}`;
  // Otherwise the longest run of digits (the last of equals), kept at its length.
  let best: { start: number; end: number } | null = null;
  for (const m of value.matchAll(/\d+/g)) {
    const run = { start: m.index, end: m.index + m[0].length };
    if (best === null || run.end - run.start >= best.end - best.start) best = run;
  }
  if (best === null || best.end - best.start < 3) return value;
  const len = best.end - best.start;
  const n = (Number(value.slice(best.start, best.end)) + variant * 7919) % 10 ** len;
  return value.slice(0, best.start) + String(n).padStart(len, '0') + value.slice(best.end);
}

function loadCorpus(): CorpusDoc[] {
  return readdirSync(CORPUS_DIR)
    .sort()
    .map((file) => {
      const text = readFileSync(join(CORPUS_DIR, file), 'utf8');
      return { file, text, lines: splitLines(text), punkter: parseReferat(text).punkter };
    });
}

function applyLineEdits(lines: string[], edits: Edit[]): string[] {
  const out = lines.slice();
  // Right to left within a line, so earlier offsets stay valid.
  edits.sort((a, b) => a.line - b.line || b.start - a.start);
  for (const e of edits) {
    const l = out[e.line] as string;
    out[e.line] = l.slice(0, e.start) + e.text + l.slice(e.end);
  }
  return out;
}

/** Edits that vary every case number of the punkter (in the lines they stand on). */
function caseEdits(punkter: readonly Punkt[], variant: number): Edit[] {
  const edits: Edit[] = [];
  for (const p of punkter) {
    for (const cn of p.caseNumbers) {
      const varied = varyCaseNumber(cn.value, variant);
      if (varied !== cn.value) edits.push({ line: cn.range.start.line, start: cn.range.start.character, end: cn.range.end.character, text: varied });
    }
  }
  return edits;
}

interface PunktBlock {
  title: string;
  /** The punkt's lines, its number replaced by `{{N}}`. */
  lines: string[];
  caseEdits: (variant: number) => Edit[];
}

/** The punkter of the corpus documents written "Punkt N: Titel", as blocks of lines. */
function punktBlocks(corpus: readonly CorpusDoc[]): PunktBlock[] {
  const blocks: PunktBlock[] = [];
  for (const doc of corpus) {
    if (!doc.punkter.every((p) => p.form === 'punkt')) continue;
    doc.punkter.forEach((p, k) => {
      const from = p.range.start.line;
      const to = k + 1 < doc.punkter.length ? (doc.punkter[k + 1] as Punkt).range.start.line : doc.lines.length;
      const nr = numberRange(p, doc.lines);
      if (nr === null) return;
      const shift = (e: Edit): Edit => ({ ...e, line: e.line - from });
      const lines = applyLineEdits(doc.lines.slice(from, to), [shift({ line: nr.start.line, start: nr.start.character, end: nr.end.character, text: '{{N}}' })]);
      blocks.push({ title: p.title, lines, caseEdits: (variant) => caseEdits([p], variant).map(shift) });
    });
  }
  return blocks;
}

/** One large meeting of about `bytes` bytes (UTF-8). */
export function bigReferat(corpus: readonly CorpusDoc[], bytes: number): string {
  const blocks = punktBlocks(corpus);
  const body: string[] = [];
  const titles: string[] = [];
  let size = 0;
  for (let n = 1; size < bytes; n++) {
    const block = blocks[(n - 1) % blocks.length] as PunktBlock;
    const variant = Math.floor((n - 1) / blocks.length);
    const lines = applyLineEdits(block.lines, block.caseEdits(variant)).map((l) => l.replace('{{N}}', String(n)));
    for (const l of lines) size += Buffer.byteLength(l, 'utf8') + 1;
    body.push(...lines);
    titles.push(block.title);
  }
  const header = [
    '',
    'REFERAT Beskæftigelsesudvalget d. 22-11-2022',
    '',
    'Mødedato Tirsdag d. 22. november 2022 kl. 08:00',
    '',
    'Mødested C3.40',
    '',
    'Mødedeltagere Anders Bertel, Lise Bertelsen, Anders Jensen, Lars Mogensen, Zahra Mohamud Ali',
    '',
    'Indholdsfortegnelse',
    '',
    ...titles.map((t, i) => `${t}.....\t${3 + 2 * i}`),
    '',
  ];
  return [...header, ...body].join('\n');
}

/** The workspace: corpus documents with varied case numbers, in folders by year. */
function writeWorkspace(corpus: readonly CorpusDoc[]): number {
  rmSync(WORKSPACE_DIR, { recursive: true, force: true });
  let bytes = 0;
  for (let k = 0; k < WORKSPACE_FILES; k++) {
    const doc = corpus[k % corpus.length] as CorpusDoc;
    // Each case recurs in about five meetings: variants cycle with a period of 200 files.
    const variant = Math.floor(k / corpus.length) % 40;
    const text = applyLineEdits(doc.lines, caseEdits(doc.punkter, variant)).join(doc.text.includes('\r\n') ? '\r\n' : '\n');
    const year = 2015 + (k % 10);
    const dir = join(WORKSPACE_DIR, String(year));
    mkdirSync(dir, { recursive: true });
    const m = /^(.*?)(\.referat(?:\.txt|\.md)?)$/.exec(doc.file) as RegExpExecArray;
    writeFileSync(join(dir, `${m[1]}-${String(k).padStart(4, '0')}${m[2]}`), text);
    bytes += Buffer.byteLength(text, 'utf8');
  }
  return bytes;
}

export function generate(): { docs: { name: string; file: string; bytes: number }[]; workspaceBytes: number } {
  const corpus = loadCorpus();
  mkdirSync(DOCS_DIR, { recursive: true });
  const docs = DOC_SIZES.map((d) => {
    const text = bigReferat(corpus, d.bytes);
    const file = join(DOCS_DIR, `${d.name}.referat.txt`);
    writeFileSync(file, text);
    return { name: d.name, file, bytes: Buffer.byteLength(text, 'utf8') };
  });
  return { docs, workspaceBytes: writeWorkspace(corpus) };
}

// Run directly (node .bench/js/generate.js), not when bundled into the runner.
if (/generate\.[jt]s$/.test(process.argv[1] ?? '')) {
  const { docs, workspaceBytes } = generate();
  for (const d of docs) process.stdout.write(`${d.file}: ${d.bytes} bytes\n`);
  process.stdout.write(`${WORKSPACE_DIR}: ${WORKSPACE_FILES} files, ${workspaceBytes} bytes\n`);
}
