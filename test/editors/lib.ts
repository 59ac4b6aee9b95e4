// Shared by the editor tests: paths, the results table, temporary workspaces with copies
// of the corpus, child processes, and deadlines (which end a failed wait, never pace a test).
import { spawn, type SpawnOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readOutlineTree, type TreePunkt } from '../helpers/outlineTree';

/** out/editors/run.js → the project root. */
export const ROOT = path.resolve(__dirname, '../..');
export const OUT = path.join(ROOT, 'out/editors');
export const CORPUS = path.join(ROOT, 'test/fixtures/corpus');
export const GOLDEN = path.join(ROOT, 'test/golden');
export const SERVER = path.join(ROOT, 'dist/server.js');
/** Where .ci/setup-editors.sh installs Node 24 and code-server. */
export const EDITORS_HOME = process.env['REFERAT_EDITORS_HOME'] ?? path.join(os.homedir(), '.cache/referat-editors');

export interface CheckResult {
  group: string;
  name: string;
  ok: boolean;
  ms: number;
  detail?: string;
}

export class Results {
  readonly all: CheckResult[] = [];

  add(r: CheckResult): void {
    this.all.push(r);
    const mark = r.ok ? 'ok  ' : 'FAIL';
    console.log(`  ${mark} ${r.group} › ${r.name} (${(r.ms / 1000).toFixed(1)} s)`);
    if (!r.ok && r.detail !== undefined) console.log(indent(r.detail, '         '));
  }

  /** Runs one named check; an exception is its failure. */
  async check(group: string, name: string, fn: () => Promise<void>): Promise<boolean> {
    const started = Date.now();
    try {
      await fn();
      this.add({ group, name, ok: true, ms: Date.now() - started });
      return true;
    } catch (err) {
      this.add({ group, name, ok: false, ms: Date.now() - started, detail: describe(err) });
      return false;
    }
  }
}

export function describe(err: unknown): string {
  if (err instanceof Error) return err.stack ?? err.message;
  return String(err);
}

export function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .slice(0, 40)
    .map((l) => prefix + l)
    .join('\n');
}

/** A new temporary folder (the caller removes it). */
export function tempDir(name: string): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `referat-${name}-`)));
}

/** `<parent>/referater`: a fresh folder with copies of the corpus documents. */
export function corpusWorkspace(parent: string): string {
  const dir = path.join(parent, 'referater');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(CORPUS)) {
    fs.copyFileSync(path.join(CORPUS, f), path.join(dir, f));
    fs.chmodSync(path.join(dir, f), 0o644); // the corpus is read-only; the copies are for editing
  }
  return dir;
}

/** Resolves with `promise`, or rejects naming `what` once `ms` have passed without it. */
export function deadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (killing its process group after `ms`). */
export function runProcess(cmd: string, args: readonly string[], options: SpawnOptions & { ms: number }): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, [...args], { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
      stderr += `\n[killed after ${options.ms / 1000} s]`;
    }, options.ms);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Whether an executable is on PATH. */
export function onPath(cmd: string): boolean {
  return (process.env['PATH'] ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, cmd), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

// ---- expectations from the reviewed golden files

export interface GoldenFinding {
  rule: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  range: string;
}

/** A punkt as the reviewed tree (test/golden/*.outline.txt) gives it; lines 0-based, as LSP. */
export type GoldenPunkt = TreePunkt;

const stem = (doc: string): string => doc.replace(/\.referat\.(txt|md)$/, '');

export function goldenFindings(doc: string): GoldenFinding[] {
  return JSON.parse(fs.readFileSync(path.join(GOLDEN, `${stem(doc)}.lint.json`), 'utf8')) as GoldenFinding[];
}

export function goldenPunkter(doc: string): GoldenPunkt[] {
  return readOutlineTree(fs.readFileSync(path.join(GOLDEN, `${stem(doc)}.outline.txt`), 'utf8')).punkter;
}

export const punktName = (p: GoldenPunkt): string => (p.number === null ? p.title : `Punkt ${p.number}: ${p.title}`);
