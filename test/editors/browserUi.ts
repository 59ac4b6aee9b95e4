// The packaged extension (.vsix, installed with `code-server --install-extension`) in
// code-server, driven through the UI in chromium: the Problems panel lists a referat's
// findings, the Outline view its punkter, and a quick fix from the light bulb changes the text.
// Screenshots go to out/editors/screenshots/ (and those the README shows to docs/screenshots/
// with --update-screenshots); a failure saves a screenshot and the extension-host log.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { saveFailure } from './extensionHost';
import { goldenFindings, goldenPunkter, OUT, punktName, ROOT, type Results } from './lib';
import { checkReportWebview } from './report';

export const GROUP = 'code-server: browser UI';

const DOC = 'ringkobing-skjern-2022-08-18.referat.txt';
export const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', information: 'Info', hint: 'Hint' } as const;

/** The texts of the editor's rendered lines, by line number (only lines on screen); runs in the page. */
const visibleLinesSource = `() => {
  const numbers = new Map();
  for (const n of document.querySelectorAll('.editor-instance .margin-view-overlays .line-numbers')) numbers.set(n.parentElement.style.top, n.textContent.trim());
  const out = {};
  for (const l of document.querySelectorAll('.editor-instance .view-lines .view-line')) {
    const no = numbers.get(l.style.top);
    if (no) out[no] = l.textContent.replace(/\\u00a0/g, ' ');
  }
  return out;
}`;

function visibleLines(page: Page): Promise<Record<string, string>> {
  return page.evaluate(`(${visibleLinesSource})()`);
}

/** The Problems panel's marker rows, as their accessible labels. */
export async function problemRows(page: Page): Promise<string[]> {
  const rows = page.locator('.markers-panel .monaco-list-row');
  return (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).filter((l) => !l.includes('problems in file'));
}

export async function runBrowserUi(
  results: Results,
  opts: { browser: Browser; server: CodeServer; workspace: string; artifacts: string; updateScreenshots: boolean },
): Promise<void> {
  const { browser, server, workspace, artifacts, updateScreenshots } = opts;
  const shots = path.join(OUT, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  /** A screenshot of the part of the window that matters (small enough for the README). */
  const shot = async (name: string, clip: { x: number; y: number; width: number; height: number }, forReadme = true): Promise<void> => {
    const file = path.join(shots, name);
    await page.screenshot({ path: file, clip });
    if (updateScreenshots && forReadme) {
      fs.mkdirSync(path.join(ROOT, 'docs/screenshots'), { recursive: true });
      fs.copyFileSync(file, path.join(ROOT, 'docs/screenshots', name));
    }
  };
  let n = 0;
  const check = async (name: string, fn: () => Promise<void>): Promise<boolean> => {
    n++;
    const ok = await results.check(GROUP, name, fn);
    if (!ok) await saveFailure(page, server, artifacts, `browser-ui-${n}`);
    return ok;
  };

  const golden = goldenFindings(DOC);
  const statusProblems = page.locator('[id="status.problems"]');
  const problemsPanel = page.locator('.markers-panel');

  const opened = await check(`opening ${DOC} from the Explorer starts the installed extension`, async () => {
    await page.goto(`${server.url}?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor();
    await page.getByRole('treeitem', { name: DOC, exact: true }).click();
    await page.locator('.editor-instance .view-lines').waitFor();
    // The status bar counts the findings once the server has published them.
    await page.locator('[id="status.problems"]:not([aria-label="No Problems"])').waitFor();
    await page.locator('.statusbar-item', { hasText: 'Referat' }).first().waitFor();
    assert.strictEqual(await statusProblems.getAttribute('aria-label'), `Warnings: ${golden.length}`);
  });
  if (!opened) {
    await context.close();
    return;
  }

  await check('the Problems panel lists the reviewed findings, with their rule ids', async () => {
    await statusProblems.click();
    await problemsPanel.locator(`.monaco-list-row[aria-label^="${golden.length} problems in file ${DOC}"]`).waitFor();
    // Room for every row (the list only renders what fits).
    await page.locator('.part.panel .action-label[aria-label^="Maximize Panel"]').click();
    await page.waitForFunction(`document.querySelectorAll('.markers-panel .monaco-list-row').length >= ${golden.length + 1}`);
    const expected = golden.map((f) => {
      const [line, col] = f.range.split('-')[0]?.split(':') ?? [];
      return `${SEVERITY_LABEL[f.severity]}: ${f.message} at line ${line} and character ${col}. generated by referat`;
    });
    assert.deepStrictEqual(await problemRows(page), expected);
    const texts = await problemsPanel.locator('.monaco-list-row').allInnerTexts();
    for (const rule of new Set(golden.map((f) => f.rule))) {
      assert.ok(texts.some((t) => t.includes(rule)), `a row shows the rule id ${rule}`);
    }
    await shot('problems.png', { x: 0, y: 0, width: 1280, height: 410 });
    await page.locator('.part.panel .action-label[aria-label^="Restore Panel"]').click();
  });

  await check('the Outline view lists the punkter', async () => {
    await page.keyboard.press('Control+j'); // hide the panel: room for the side bar
    await problemsPanel.waitFor({ state: 'hidden' });
    // Collapse the folder's view so that the Outline view gets the side bar.
    await page.locator('.pane-header[aria-label^="Explorer Section"]').click();
    const header = page.locator('.pane-header[aria-label="Outline Section"]');
    await header.click();
    const outline = page.locator('.outline-pane');
    await outline.getByRole('treeitem').first().waitFor();
    await header.hover();
    await header.locator('.action-label[aria-label^="Collapse All"]').click();
    const root = outline.getByRole('treeitem', { level: 1 });
    await root.first().click();
    await page.keyboard.press('ArrowRight');
    const punkter = goldenPunkter(DOC).map(punktName);
    await outline.getByRole('treeitem', { name: `${punkter[punkter.length - 1] ?? ''} (class)` }).waitFor();
    const names = await outline.getByRole('treeitem', { level: 2 }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    assert.deepStrictEqual(names, punkter.map((p) => `${p} (class)`));
    await shot('outline.png', { x: 0, y: 0, width: 760, height: 380 });
  });

  await check('a quick fix from the light bulb splits "BilagBeslutning" (line 88)', async () => {
    await page.locator('.editor-instance .view-lines').click();
    await page.keyboard.press('Control+g');
    await page.keyboard.type('88');
    await page.keyboard.press('Enter');
    await page.waitForFunction(`document.querySelector('.statusbar-item[id="status.editor.selection"]')?.textContent?.includes('Ln 88,')`);
    assert.strictEqual((await visibleLines(page))['88'], 'BilagBeslutning');
    const bulb = page.locator('.lightBulbWidget');
    await bulb.waitFor({ state: 'visible' });
    await bulb.click();
    const menu = page.locator('.action-widget:not(.action-list-submenu-panel)');
    const fix = menu.locator('.monaco-list-row', { hasText: 'Skriv overskrifterne på hver sin linje' });
    await fix.waitFor();
    await shot('quickfix.png', { x: 350, y: 250, width: 930, height: 300 });
    await fix.click();
    await menu.waitFor({ state: 'hidden' });
    await page.waitForFunction(`(${visibleLinesSource})()['88'] === 'Bilag'`);
    const lines = await visibleLines(page);
    assert.deepStrictEqual([lines['88'], lines['89'], lines['90']], ['Bilag', '', 'Beslutning']);
    // The finding is gone from the Problems panel; the Bilag heading, now on its own, is empty.
    await page.keyboard.press('Control+Shift+m');
    await problemsPanel.locator('.monaco-list-row[aria-label^="Warning: Afsnittet Bilag i punkt 2 er tomt. at line 88 "]').waitFor();
    const rows = await problemRows(page);
    assert.ok(!rows.some((r) => r.includes('er skrevet sammen. at line 88 ')), 'no merged-headings finding on line 88');
    assert.strictEqual(await statusProblems.getAttribute('aria-label'), `Warnings: ${golden.length}`, 'one finding fewer, one more');
    await shot('quickfix-applied.png', { x: 350, y: 250, width: 930, height: 300 }, false);
  });

  // Issue 13: minutes under an ordinary name get a one-time offer (referat.autoDetect "ask", the default).
  const plain = 'Referat BEU 18-08-2022.txt';
  await check(`"${plain}" opens as plain text with an offer to use Referat; "Use Referat" gives its findings`, async () => {
    fs.copyFileSync(path.join(workspace, DOC), path.join(workspace, plain));
    const before = fs.readFileSync(path.join(workspace, plain));
    // The folder's view was collapsed for the Outline view: open it again.
    const folder = page.locator('.pane-header[aria-label^="Explorer Section"]');
    if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.click();
    await page.getByRole('treeitem', { name: plain, exact: true }).click();
    const toast = page.locator('.notification-toast', { hasText: `${plain} looks like minutes. Use Referat for it?` });
    await toast.waitFor();
    const language = page.locator('[id="status.editor.mode"]');
    assert.match((await language.innerText()).trim(), /^Plain Text$/);
    await shot('offer.png', { x: 680, y: 560, width: 600, height: 240 }, false);
    await toast.getByRole('button', { name: 'Use Referat' }).click();
    await page.locator('[id="status.editor.mode"]', { hasText: 'Referat' }).waitFor();
    await page.locator(`.markers-panel .monaco-list-row[aria-label^="${golden.length} problems in file ${plain}"]`).waitFor();
    assert.ok(fs.readFileSync(path.join(workspace, plain)).equals(before), 'the file on disk is untouched');
  });

  // Issue 14: the publication report in a webview, with links that open the lines.
  await checkReportWebview(page, check, { doc: DOC, shot });
  await context.close();
}

