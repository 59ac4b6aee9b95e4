// The README's CI snippets (docs/ci/), run as written against the packaged .vsix: the
// GitHub Actions steps and the GitLab CI script in a temporary repository holding the
// corpus under referater/ and the .vsix as tools/referat.vsix, and the pre-commit hook
// in a temporary git repository. The steps that only a CI service runs (checkout, setup-node,
// the SARIF upload, apt-get) are not run; what they are given is checked instead: the SARIF
// file the upload would send.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CORPUS, ROOT, runProcess, tempDir, type Results } from './lib';

export const GROUP = 'CI snippets';

const CI = path.join(ROOT, 'docs/ci');
/** The corpus has one error (Vesthimmerland's case-number-mismatch): a run over it fails, as it should. */
const ERRONEOUS = 'vesthimmerland-2024-05-14.referat.txt';
const CLEAN = 'vejen-2023-11-28.referat.txt';

/** The values of `key:` lines, in order ("- run: …", "run: …", or the items of a `key:` list). */
function yamlCommands(file: string, key: string): string[] {
  const lines = fs.readFileSync(path.join(CI, file), 'utf8').split('\n');
  const out: string[] = [];
  let inList = false;
  for (const line of lines) {
    const inline = new RegExp(`^\\s*(?:- )?${key}: (.+)$`).exec(line);
    if (inline !== null) {
      out.push(inline[1] as string);
      inList = false;
      continue;
    }
    if (new RegExp(`^\\s*${key}:\\s*$`).test(line)) {
      inList = true;
      continue;
    }
    if (inList) {
      const item = /^\s*- (.+)$/.exec(line);
      if (item !== null) out.push(item[1] as string);
      else if (line.trim() !== '') inList = false;
    }
  }
  return out;
}

/** A repository as the snippets expect it: referater/ with the corpus, tools/referat.vsix. */
function repository(vsix: string): string {
  const repo = tempDir('ci');
  fs.mkdirSync(path.join(repo, 'referater'));
  for (const f of fs.readdirSync(CORPUS)) fs.copyFileSync(path.join(CORPUS, f), path.join(repo, 'referater', f));
  fs.mkdirSync(path.join(repo, 'tools'));
  fs.copyFileSync(vsix, path.join(repo, 'tools', 'referat.vsix'));
  return repo;
}

async function sh(command: string, cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runProcess('bash', ['-c', command], { cwd, env: { ...process.env, ...env }, ms: 60_000 });
}

function checkSarif(file: string): void {
  const sarif = JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string; runs: { tool: { driver: { name: string } }; results: { ruleId: string; level: string; locations: unknown[] }[] }[] };
  assert.strictEqual(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  assert.ok(run !== undefined, 'one run');
  assert.strictEqual(run.tool.driver.name, 'referat');
  assert.ok(run.results.length > 0, 'the corpus has findings');
  assert.ok(run.results.some((r) => r.level === 'error' && r.ruleId === 'case-number-mismatch'), 'the error is in the SARIF');
  assert.ok(run.results.every((r) => r.locations.length === 1), 'every result has its place');
}

export async function runCiSnippets(results: Results, vsix: string): Promise<void> {
  await results.check(GROUP, 'GitHub Actions: the steps unpack the .vsix, write SARIF for code scanning, and fail the job on an error', async () => {
    const repo = repository(vsix);
    const env = { RUNNER_TEMP: tempDir('runner') };
    const runs = yamlCommands('github-actions.yml', 'run');
    assert.strictEqual(runs.length, 3, `unzip, lint to SARIF, lint again: ${runs.join(' | ')}`);
    const [unzip, sarif, fail] = runs as [string, string, string];
    const u = await sh(unzip, repo, env);
    assert.strictEqual(u.code, 0, u.stderr);
    // continue-on-error: the step fails (an error in the corpus), the upload still runs.
    const s = await sh(sarif, repo, env);
    assert.strictEqual(s.code, 1, s.stderr);
    checkSarif(path.join(repo, 'referat.sarif'));
    const f = await sh(fail, repo, env);
    assert.strictEqual(f.code, 1, 'the last step fails the job');
    assert.match(f.stdout, new RegExp(`referater/${ERRONEOUS}:\\d+:\\d+ error case-number-mismatch `));
  });

  await results.check(GROUP, 'GitLab CI: the script writes the JSON report, and the job fails on an error', async () => {
    const repo = repository(vsix);
    const script = yamlCommands('gitlab-ci.yml', 'script');
    assert.strictEqual(script.length, 3, script.join(' | '));
    // The image's /tmp is shared here: the snippet's folder under a fresh one.
    const tmp = tempDir('gitlab');
    const local = script.map((line) => line.replaceAll('/tmp/referat', `${tmp}/referat`));
    const codes: (number | null)[] = [];
    for (const line of local) codes.push((await sh(line, repo)).code);
    assert.deepStrictEqual(codes, [0, 0, 1]);
    const report = JSON.parse(fs.readFileSync(path.join(repo, 'referat.json'), 'utf8')) as { file: string; diagnostics: unknown[] }[];
    assert.strictEqual(report.length, fs.readdirSync(CORPUS).filter((f) => /\.referat\./.test(f)).length);
  });

  await results.check(GROUP, 'pre-commit hook: a referat with an error stops the commit, a clean one goes in', async () => {
    const repo = repository(vsix);
    const unpacked = tempDir('hook');
    assert.strictEqual((await sh(`unzip -q tools/referat.vsix 'extension/*' -d "${unpacked}"`, repo)).code, 0);
    const git = async (args: string): Promise<{ code: number | null; stdout: string; stderr: string }> =>
      sh(`git -c user.name=Test -c user.email=test@example.invalid ${args}`, repo, { REFERAT: `node ${unpacked}/extension/dist/cli.js` });
    assert.strictEqual((await git('init -q')).code, 0);
    fs.copyFileSync(path.join(CI, 'pre-commit'), path.join(repo, '.git/hooks/pre-commit'));
    fs.chmodSync(path.join(repo, '.git/hooks/pre-commit'), 0o755);
    await git(`add referater/${CLEAN}`);
    const clean = await git('commit -q -m "Referat"');
    assert.strictEqual(clean.code, 0, clean.stdout + clean.stderr);
    await git(`add referater/${ERRONEOUS}`);
    const bad = await git('commit -q -m "Referat med fejl"');
    assert.notStrictEqual(bad.code, 0, 'the commit is stopped');
    // Git passes a hook's output on to its own stderr.
    assert.match(bad.stdout + bad.stderr, /error case-number-mismatch /);
    assert.strictEqual((await git('rev-list --count HEAD')).stdout.trim(), '1', 'only the clean referat was committed');
  });
}
