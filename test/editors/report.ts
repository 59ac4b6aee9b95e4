// The HTML publication report in a real browser: `node dist/cli.js report --format html`
// writes a corpus document's report to a file, and chromium opens it as a file:// page, as
// a secretary would. It must render its traffic lights and one row per punkt (the punkter
// of the reviewed tree, with the lights of the reviewed text report), raise no console
// error, fetch nothing, run no script even when one is put into the page, and print in
// black on white. The screenshot goes to out/editors/screenshots/report.png, and with
// --update-screenshots to docs/screenshots/ for the README. No code-server needed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Browser, Page } from 'playwright-core';
import { CORPUS, GOLDEN, goldenPunkter, OUT, ROOT, runProcess, tempDir, type Results } from './lib';

export const GROUP = 'chromium: HTML report';

const DOC = 'vesthimmerland-2024-05-14.referat.txt';
const CLI = path.join(ROOT, 'dist/cli.js');
/** The light's name on each punkt row, in the reviewed text report (test/golden/*.report.txt). */
const LIGHT_NAMES: Record<string, string> = { RØD: 'Rød', GUL: 'Gul', GRØN: 'Grøn', UKENDT: 'Ukendt' };
/** The colour of each light's dot (reportHtml.ts's CSS), as the browser computes it. */
const DOT_COLOUR: Record<string, string> = { red: 'rgb(198, 40, 40)', yellow: 'rgb(242, 182, 0)', green: 'rgb(46, 125, 50)', unknown: 'rgb(138, 143, 152)' };

function goldenLights(doc: string): string[] {
  const text = fs.readFileSync(path.join(GOLDEN, `${doc.replace(/\.referat\.(txt|md)$/, '')}.report.txt`), 'utf8');
  return [...text.matchAll(/^ {4}(RØD|GUL|GRØN|UKENDT) +\S/gm)].map((m) => LIGHT_NAMES[m[1] as string] as string);
}

export async function runReportBrowser(results: Results, opts: { browser: Browser; artifacts: string; updateScreenshots: boolean }): Promise<void> {
  const { browser, artifacts, updateScreenshots } = opts;
  const dir = tempDir('report');
  const file = path.join(dir, 'rapport.html');
  const pageUrl = pathToFileURL(file).href;
  const shots = path.join(OUT, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page: Page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  const shot = async (name: string, clip: { x: number; y: number; width: number; height: number }): Promise<void> => {
    const target = path.join(shots, name);
    await page.screenshot({ path: target, clip });
    if (updateScreenshots) {
      fs.mkdirSync(path.join(ROOT, 'docs/screenshots'), { recursive: true });
      fs.copyFileSync(target, path.join(ROOT, 'docs/screenshots', name));
    }
  };
  const check = async (name: string, fn: () => Promise<void>): Promise<boolean> => {
    const ok = await results.check(GROUP, name, fn);
    if (!ok) await page.screenshot({ path: path.join(artifacts, `report-${name.slice(0, 40).replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true }).catch(() => undefined);
    return ok;
  };

  try {
    const made = await check(`referat report --format html -o … ${DOC} writes the report (exit 1: the meeting is red)`, async () => {
      // Named as a user in the project would name it: the report shows the name as given.
      const r = await runProcess(process.execPath, [CLI, 'report', '--format', 'html', '-o', file, path.relative(ROOT, path.join(CORPUS, DOC))], { cwd: ROOT, ms: 60_000 });
      assert.strictEqual(r.code, 1, r.stderr);
      assert.strictEqual(r.stdout, '');
      assert.match(fs.readFileSync(file, 'utf8'), /^<!DOCTYPE html>\n<html lang="da">/);
    });
    if (!made) return;

    await check('opens as a file:// page: no console error, no request but the page itself', async () => {
      await page.goto(pageUrl);
      await page.locator('section.meeting').waitFor();
      assert.deepStrictEqual(consoleErrors, []);
      assert.deepStrictEqual(requests, [pageUrl]);
      // The style sheet was allowed by its hash in the CSP: the page is laid out as designed.
      assert.strictEqual(await page.evaluate('getComputedStyle(document.body).maxWidth'), '1216px');
    });

    await check('shows the meeting’s traffic light, and one row with a named light per punkt of the reviewed tree', async () => {
      const meeting = page.locator('section.meeting');
      assert.strictEqual(await meeting.count(), 1);
      assert.strictEqual(await meeting.getAttribute('data-verdict'), 'red');
      assert.strictEqual(await page.locator('.lamp').getAttribute('aria-label'), 'Rød');
      assert.strictEqual(await page.evaluate(`getComputedStyle(document.querySelector('.lamp .r')).backgroundColor`), 'rgb(239, 59, 54)');
      assert.match(await page.locator('p.verdict').innerText(), /^Rød – ikke klar til offentliggørelse: 1 fejl, 14 advarsler$/);
      const rows = page.locator('tr.punkt');
      const punkter = goldenPunkter(DOC);
      assert.strictEqual(await rows.count(), punkter.length);
      const titles = await rows.locator('a.title').allInnerTexts();
      assert.deepStrictEqual(titles, punkter.map((p) => p.title));
      assert.deepStrictEqual(await rows.locator('.badge').allInnerTexts(), goldenLights(DOC));
      // Each light's colour is its verdict's, beside its name (not colour alone).
      const dots: [string, string][] = await page.evaluate(
        `[...document.querySelectorAll('tr.punkt')].map((tr) => [tr.dataset.verdict, getComputedStyle(tr.querySelector('.badge'), '::before').backgroundColor])`,
      );
      assert.strictEqual(dots.length, punkter.length);
      for (const [verdict, colour] of dots) assert.strictEqual(colour, DOT_COLOUR[verdict], `the ${verdict} light`);
    });

    await check('links each punkt and finding to its line in VS Code', async () => {
      const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      const source = pathToFileURL(path.join(CORPUS, DOC)).pathname;
      assert.ok(hrefs.length > goldenPunkter(DOC).length);
      for (const h of hrefs) assert.match(h, new RegExp(`^vscode://file${source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+$`));
      const first = goldenPunkter(DOC)[0];
      assert.strictEqual(await page.locator('tr.punkt a.title').first().getAttribute('href'), `vscode://file${source}:${(first?.line ?? 0) + 1}:1`);
    });

    await shot('report.png', { x: 0, y: 0, width: 1200, height: 900 });

    await check('prints black on white, each light still in colour', async () => {
      await page.emulateMedia({ media: 'print' });
      assert.strictEqual(await page.evaluate('getComputedStyle(document.body).backgroundColor'), 'rgb(255, 255, 255)');
      assert.strictEqual(await page.evaluate(`getComputedStyle(document.querySelector('tr.punkt .badge'), '::before').backgroundColor`), DOT_COLOUR['red']);
      await page.emulateMedia({ media: 'screen' });
    });

    await check('runs no script, not even one put into the page (the CSP forbids it)', async () => {
      const ran = await page.evaluate(`(() => {
        const s = document.createElement('script');
        s.textContent = 'window.__referatRan = true';
        document.head.appendChild(s);
        return window.__referatRan === true;
      })()`);
      assert.strictEqual(ran, false);
      assert.ok(consoleErrors.some((e) => /Content Security Policy/.test(e)), 'chromium reports the blocked script');
      assert.deepStrictEqual(requests, [pageUrl]);
    });
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * In code-server (called from browserUi.ts, with the packaged extension): "Referat: Ready
 * for publication?" shows the open referat's report in a webview beside it – the same rows
 * as the file – and a click on a punkt's title, a command: link, puts the cursor on its line.
 */
export async function checkReportWebview(
  page: Page,
  check: (name: string, fn: () => Promise<void>) => Promise<boolean>,
  opts: { doc: string; shot: (name: string, clip: { x: number; y: number; width: number; height: number }, forReadme?: boolean) => Promise<void> },
): Promise<void> {
  const { doc } = opts;
  const punkter = goldenPunkter(doc);
  const report = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await check('"Referat: Ready for publication?" shows the report in a webview without scripts, one row per punkt', async () => {
    await page.getByRole('tab', { name: doc }).first().click();
    await page.keyboard.press('F1');
    await page.keyboard.type('Referat: Ready for publication?');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Ready for publication?' }).first().waitFor();
    await page.keyboard.press('Enter');
    await report.locator('h1', { hasText: 'Klar til offentliggørelse?' }).waitFor();
    assert.strictEqual(await report.locator('tr.punkt').count(), punkter.length);
    assert.deepStrictEqual(await report.locator('tr.punkt .badge').allInnerTexts(), goldenLights(doc));
    assert.strictEqual(await report.locator('script').count(), 0);
    await opts.shot('report-webview.png', { x: 0, y: 0, width: 1280, height: 800 }, false);
  });
  const target = punkter[4];
  if (target === undefined) return;
  await check(`a click on "${target.title}" in the report puts the cursor on its heading`, async () => {
    // The line the report gives (the quick fix above moved the punkter down from the reviewed tree's).
    const row = report.locator('tr.punkt', { has: report.locator('a.title', { hasText: target.title }) }).first();
    const line = Number(/^linje (\d+)$/.exec((await row.locator('.pos').first().innerText()).trim())?.[1]);
    assert.ok(line > target.line, `line ${line}`);
    await row.locator('a.title').click();
    await page.waitForFunction(`document.querySelector('.statusbar-item[id="status.editor.selection"]')?.textContent?.includes('Ln ${line}, Col 1')`);
  });
}
