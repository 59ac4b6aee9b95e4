// Runs the extension-host suite (test/vscode/suite, the one @vscode/test-electron runs in
// VS Code desktop) inside code-server's remote extension host.
//
// How: the browser workbench reads IDevelopmentOptions from its configuration (the
// `vscode-workbench-web-configuration` element), as with @vscode/test-web: `extensions`
// (extensionDevelopmentPath) and `extensionTestsPath`, as vscode-remote:// URIs. code-server
// 4.139.1 does not accept these as command-line flags, and its built workbench ignores the
// `payload` query parameter unless the smoke-test driver is on, so the page is given them
// before the workbench reads its configuration. The remote extension host then loads the
// extension from this checkout, runs the suite's run() and exits; the workbench hands the
// exit code to window.codeAutomationExit, and the suite writes its results to
// REFERAT_VSCODE_TEST_REPORT, which code-server passes on to the extension host.
import * as fs from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { deadline, indent, type Results } from './lib';

interface SuiteReport {
  passed: { title: string; ms: number }[];
  failed: { title: string; error: string }[];
}

export const GROUP = 'code-server: extension-host suite';

/**
 * A script for the page, run before the workbench (which reads its configuration with
 * getAttribute): the workbench's developmentOptions get `development` (vscode-remote:// URIs).
 */
export function developmentOptionsScript(development: Record<string, unknown>): string {
  return `(() => {
    const dev = ${JSON.stringify(development)};
    const getAttribute = Element.prototype.getAttribute;
    Element.prototype.getAttribute = function (name) {
      const value = getAttribute.call(this, name);
      if (value !== null && this.id === 'vscode-workbench-web-configuration' && name === 'data-settings') {
        const config = JSON.parse(value);
        return JSON.stringify({ ...config, developmentOptions: { ...config.developmentOptions, ...dev } });
      }
      return value;
    };
  })();`;
}

export async function runExtensionHostSuite(
  results: Results,
  opts: { browser: Browser; server: CodeServer; root: string; workspace: string; reportFile: string; artifacts: string },
): Promise<void> {
  const started = Date.now();
  const { browser, server, root, workspace, reportFile, artifacts } = opts;
  const suiteIndex = path.join(root, 'out/vscode/suite/index.js');
  if (!fs.existsSync(suiteIndex)) throw new Error(`${suiteIndex} is missing: run node test/editors/build.mjs`);
  fs.rmSync(reportFile, { force: true });

  const remote = (p: string): { scheme: string; authority: string; path: string } => ({ scheme: 'vscode-remote', authority: server.authority, path: p });
  const development = { extensions: [remote(root)], extensionTestsPath: remote(suiteIndex) };

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const consoleLog: string[] = [];
  try {
    await page.addInitScript({ content: developmentOptionsScript(development) });
    const exit = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      consoleLog.push(`[${type}] ${args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`);
    });
    await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`);
    const code = await deadline(exit, 300_000, 'the extension-host suite');
    const report = fs.existsSync(reportFile) ? (JSON.parse(fs.readFileSync(reportFile, 'utf8')) as SuiteReport) : null;
    if (report === null) {
      throw new Error(`the suite wrote no report (exit code ${code}); the extension host did not run it`);
    }
    for (const t of report.passed) results.add({ group: GROUP, name: t.title, ok: true, ms: t.ms });
    for (const t of report.failed) results.add({ group: GROUP, name: t.title, ok: false, ms: 0, detail: t.error });
    if (code !== 0 && report.failed.length === 0) {
      results.add({ group: GROUP, name: 'extension host exit code', ok: false, ms: 0, detail: `exit code ${code}` });
    }
    if (code !== 0) await saveFailure(page, server, artifacts, 'extension-host', consoleLog);
  } catch (err) {
    await saveFailure(page, server, artifacts, 'extension-host', consoleLog);
    results.add({ group: GROUP, name: 'run the suite in code-server', ok: false, ms: Date.now() - started, detail: err instanceof Error ? err.message : String(err) });
  } finally {
    fs.writeFileSync(path.join(artifacts, 'extension-host-console.log'), consoleLog.join('\n'));
    await context.close();
  }
}

/** A screenshot and the extension-host log, for a failed run. */
export async function saveFailure(
  page: { screenshot(o: { path: string }): Promise<unknown> },
  server: CodeServer,
  artifacts: string,
  name: string,
  consoleLog: readonly string[] = [],
): Promise<void> {
  fs.mkdirSync(artifacts, { recursive: true });
  const shot = path.join(artifacts, `${name}-failure.png`);
  await page.screenshot({ path: shot }).catch(() => undefined);
  const saved = [shot];
  server.exthostLogs().forEach((log, i) => {
    const to = path.join(artifacts, `${name}-remoteexthost-${i + 1}.log`);
    fs.copyFileSync(log, to);
    saved.push(to);
  });
  if (fs.existsSync(server.logFile)) {
    const to = path.join(artifacts, 'code-server.log');
    fs.copyFileSync(server.logFile, to);
    saved.push(to);
  }
  if (consoleLog.length > 0) {
    const to = path.join(artifacts, `${name}-console.log`);
    fs.writeFileSync(to, consoleLog.join('\n'));
    saved.push(to);
  }
  console.log(indent(`saved: ${saved.join(', ')}`, '         '));
}
