// `npm run test:editors`: Referat in real editors. Needs what .ci/setup-editors.sh installs.
//   - code-server 4.139.1: the extension-host suite (test/vscode/suite) in its extension host,
//     and a browser-driven UI test of the packaged .vsix (one code-server, one chromium);
//   - code-server again, with the web extension in the browser's web worker extension host;
//   - Neovim 0.7 and Emacs eglot, headless, against `node dist/server.js --stdio`;
//   - chromium alone: the HTML report of `referat report --format html` as a file:// page, and
//     the web extension's server bundle (dist/web/server.js) in a web worker.
// Prints each check and a summary ending in "N passed, M failed"; exits 1 on any failure.
//
//   - the README's CI examples (docs/ci/) against the packaged .vsix.
//   node out/editors/run.js [--only code-server,browser,code-server-web,neovim,emacs,report,web,ci] [--update-screenshots]
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { runBrowserUi, GROUP as BROWSER_GROUP } from './browserUi';
import { CHROMIUM, CODE_SERVER_BIN, installExtension, launchChromium, startCodeServer, type CodeServer } from './codeServer';
import { runEmacs } from './emacs';
import { runExtensionHostSuite, GROUP as EXTHOST_GROUP } from './extensionHost';
import { corpusWorkspace, describe, OUT, Results, ROOT, runProcess, SERVER, tempDir } from './lib';
import { runNeovim } from './neovim';
import { runReportBrowser, GROUP as REPORT_GROUP } from './report';
import { runWebWorker, GROUP as WEB_GROUP } from './web';
import { runCiSnippets, GROUP as CI_GROUP } from './ci';
import { runWebWorkerHost, WEB_EXTENSION_KIND, GROUP as WEB_HOST_GROUP } from './webWorkerHost';

const PARTS = ['code-server', 'browser', 'code-server-web', 'neovim', 'emacs', 'report', 'web', 'ci'] as const;
type Part = (typeof PARTS)[number];

function parseArgs(argv: readonly string[]): { parts: Set<Part>; updateScreenshots: boolean } {
  let parts = new Set<Part>(PARTS);
  let updateScreenshots = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--update-screenshots') updateScreenshots = true;
    else if (a === '--only') {
      const list = (argv[++i] ?? '').split(',').filter((s) => s !== '');
      const unknown = list.filter((s) => !(PARTS as readonly string[]).includes(s));
      if (unknown.length > 0 || list.length === 0) throw new Error(`--only takes some of ${PARTS.join(',')}`);
      parts = new Set(list as Part[]);
    } else throw new Error(`unknown argument ${String(a)}`);
  }
  return { parts, updateScreenshots };
}

let packaged: Promise<string> | undefined;

/** The .vsix as `npm run package` builds it (the same vsce flags), once per run. */
function packageVsix(): Promise<string> {
  packaged ??= (async () => {
    const vsix = path.join(OUT, 'referat.vsix');
    fs.rmSync(vsix, { force: true });
    const r = await runProcess(path.join(ROOT, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', vsix], { cwd: ROOT, ms: 120_000 });
    if (r.code !== 0 || !fs.existsSync(vsix)) throw new Error(`vsce package failed (${String(r.code)}):\n${r.stdout}\n${r.stderr}`);
    return vsix;
  })();
  return packaged;
}

async function runCodeServer(results: Results, parts: Set<Part>, updateScreenshots: boolean, timings: Map<string, number>): Promise<void> {
  const groups = [parts.has('code-server') ? EXTHOST_GROUP : null, parts.has('browser') ? BROWSER_GROUP : null].filter((g): g is string => g !== null);
  const failAll = (why: string): void => {
    for (const group of groups) results.add({ group, name: 'start', ok: false, ms: 0, detail: why });
  };
  if (!fs.existsSync(CODE_SERVER_BIN)) return failAll(`${CODE_SERVER_BIN} is missing: run .ci/setup-editors.sh`);
  if (!fs.existsSync(CHROMIUM)) return failAll(`${CHROMIUM} is missing: run .ci/setup-editors.sh`);

  const started = Date.now();
  const base = tempDir('code-server');
  const artifacts = path.join(OUT, 'artifacts');
  const reportFile = path.join(base, 'extension-host-report.json');
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    if (parts.has('browser')) {
      const vsix = await packageVsix();
      await installExtension(base, vsix);
      console.log(`  packaged and installed ${path.relative(ROOT, vsix)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    server = await startCodeServer(base, { REFERAT_VSCODE_TEST_REPORT: reportFile });
    browser = await launchChromium();
    console.log(`  code-server ${server.url} and chromium ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    timings.set('code-server start (package, install, server, chromium)', Date.now() - started);
    if (parts.has('code-server')) {
      const t = Date.now();
      await runExtensionHostSuite(results, { browser, server, root: ROOT, workspace: corpusWorkspace(path.join(base, 'exthost')), reportFile, artifacts });
      timings.set(EXTHOST_GROUP, Date.now() - t);
    }
    if (parts.has('browser')) {
      const t = Date.now();
      await runBrowserUi(results, { browser, server, workspace: corpusWorkspace(path.join(base, 'ui')), artifacts, updateScreenshots });
      timings.set(BROWSER_GROUP, Date.now() - t);
    }
  } catch (err) {
    failAll(describe(err));
  } finally {
    await browser?.close();
    await server?.stop();
    fs.rmSync(base, { recursive: true, force: true });
  }
}

/** A code-server of its own, whose settings send Referat to the web worker extension host. */
async function runCodeServerWeb(results: Results, timings: Map<string, number>): Promise<void> {
  const fail = (why: string): void => results.add({ group: WEB_HOST_GROUP, name: 'start', ok: false, ms: 0, detail: why });
  if (!fs.existsSync(CODE_SERVER_BIN)) return fail(`${CODE_SERVER_BIN} is missing: run .ci/setup-editors.sh`);
  if (!fs.existsSync(CHROMIUM)) return fail(`${CHROMIUM} is missing: run .ci/setup-editors.sh`);
  if (!fs.existsSync(path.join(ROOT, 'dist/web/client.js'))) return fail('dist/web/client.js is missing: run npm run build');
  const started = Date.now();
  const base = tempDir('code-server-web');
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer(base, {}, WEB_EXTENSION_KIND);
    browser = await launchChromium();
    await runWebWorkerHost(results, { browser, server, root: ROOT, workspace: corpusWorkspace(path.join(base, 'web')), artifacts: path.join(OUT, 'artifacts') });
    timings.set(WEB_HOST_GROUP, Date.now() - started);
  } catch (err) {
    fail(describe(err));
  } finally {
    await browser?.close();
    await server?.stop();
    fs.rmSync(base, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const { parts, updateScreenshots } = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build`);
  fs.rmSync(path.join(OUT, 'artifacts'), { recursive: true, force: true });
  fs.mkdirSync(path.join(OUT, 'artifacts'), { recursive: true });
  const results = new Results();
  const timings = new Map<string, number>();
  const t0 = Date.now();
  const timed = async (name: string, fn: () => Promise<void>): Promise<void> => {
    const t = Date.now();
    console.log(`\n${name}`);
    await fn();
    if (!timings.has(name)) timings.set(name, Date.now() - t);
  };
  if (parts.has('neovim')) await timed('Neovim', () => runNeovim(results));
  if (parts.has('emacs')) await timed('Emacs eglot', () => runEmacs(results));
  if (parts.has('code-server') || parts.has('browser')) {
    console.log('\ncode-server');
    await runCodeServer(results, parts, updateScreenshots, timings);
  }
  if (parts.has('code-server-web')) {
    console.log('\ncode-server, web worker extension host');
    await runCodeServerWeb(results, timings);
  }
  if (parts.has('report')) {
    await timed('HTML report in chromium', async () => {
      if (!fs.existsSync(CHROMIUM)) {
        results.add({ group: REPORT_GROUP, name: 'start', ok: false, ms: 0, detail: `${CHROMIUM} is missing: run .ci/setup-editors.sh` });
        return;
      }
      const browser = await launchChromium();
      try {
        await runReportBrowser(results, { browser, artifacts: path.join(OUT, 'artifacts'), updateScreenshots });
      } catch (err) {
        results.add({ group: REPORT_GROUP, name: 'start', ok: false, ms: 0, detail: describe(err) });
      } finally {
        await browser.close();
      }
    });
  }

  if (parts.has('web')) {
    await timed('Web worker server in chromium', async () => {
      if (!fs.existsSync(CHROMIUM)) {
        results.add({ group: WEB_GROUP, name: 'start', ok: false, ms: 0, detail: `${CHROMIUM} is missing: run .ci/setup-editors.sh` });
        return;
      }
      const browser = await launchChromium();
      try {
        await runWebWorker(results, { browser, artifacts: path.join(OUT, 'artifacts') });
      } catch (err) {
        results.add({ group: WEB_GROUP, name: 'start', ok: false, ms: 0, detail: describe(err) });
      } finally {
        await browser.close();
      }
    });
  }

  if (parts.has('ci')) {
    await timed('CI snippets', async () => {
      try {
        await runCiSnippets(results, await packageVsix());
      } catch (err) {
        results.add({ group: CI_GROUP, name: 'start', ok: false, ms: 0, detail: describe(err) });
      }
    });
  }

  const passed = results.all.filter((r) => r.ok).length;
  const failed = results.all.length - passed;
  console.log('\nSummary');
  const groups = [...new Set(results.all.map((r) => r.group))];
  for (const g of groups) {
    const rs = results.all.filter((r) => r.group === g);
    const bad = rs.filter((r) => !r.ok);
    console.log(`  ${bad.length === 0 ? 'ok  ' : 'FAIL'} ${g}: ${rs.length - bad.length}/${rs.length}`);
    for (const r of bad) console.log(`         failed: ${r.name}`);
  }
  for (const [name, ms] of timings) console.log(`  time ${name}: ${(ms / 1000).toFixed(1)} s`);
  console.log(`  total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (failed > 0) console.log(`  artifacts (screenshots, logs): ${path.relative(ROOT, path.join(OUT, 'artifacts'))}/`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(describe(err));
    process.exit(2);
  },
);
