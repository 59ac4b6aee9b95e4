// The web extension's language server (dist/web/server.js) in a web worker in headless
// chromium, as vscode.dev and github.dev run it. A worker cannot start from file://, so a
// local http server on 127.0.0.1 serves a small page, the bundle and a workspace folder:
// the corpus, a copy of one document under a .referatrc.json that makes it English, and
// files the walk must leave alone. The page speaks LSP to the worker with postMessage and
// answers its requests for files (referat/findFiles, referat/readFile,
// referat/readDirectory) from that folder, as the browser client answers them with
// workspace.fs (client/src/workspaceFiles.ts). Checked against the golden files: the
// workspace lint's findings for files never opened (the index read them through the
// client), then each opened document's diagnostics and outline. No code-server needed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { expectFindings, expectPunkter, type Finding, type SymbolLike } from './expectations';
import { CORPUS, goldenFindings, ROOT, type Results } from './lib';

export const GROUP = 'chromium: web worker server';

const BUNDLE = path.join(ROOT, 'dist/web/server.js');
const FOLDER = 'vscode-test-web://mount/referater';
const DOCS = fs.readdirSync(CORPUS).sort();
/** A copy of one corpus document whose folder's .referatrc.json says English. */
const ENGLISH = { dir: 'engelsk', doc: 'herning-2022-11-22.referat.txt' };
const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' } as const;
/** Two of the bilag vejen-2023-11-28 names, one with a space and an æ in its name. */
const BILAG = ['Styringshjul.pdf', 'Tidslinje for ændringer i beskæftigelsesindsatsen.pdf'];

/** The workspace folder as served: path (under /files/) → bytes. */
function workspaceFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const doc of DOCS) files.set(doc, fs.readFileSync(path.join(CORPUS, doc)));
  files.set(`${ENGLISH.dir}/.referatrc.json`, Buffer.from('{ "locale": "en" }\n'));
  files.set(`${ENGLISH.dir}/${ENGLISH.doc}`, fs.readFileSync(path.join(CORPUS, ENGLISH.doc)));
  // Not minutes by content, and a referat in a folder the walk skips: the index takes neither.
  files.set('noter.txt', Buffer.from('Husk at købe kaffe til mødet.\n1. Mælk\n2. Brød\n'));
  files.set('node_modules/pakke/x.referat', fs.readFileSync(path.join(CORPUS, DOCS[0] as string)));
  // Bilag beside a referat that names them: its document links come from referat/readDirectory.
  for (const bilag of BILAG) files.set(bilag, Buffer.from('%PDF-1.4\n'));
  return files;
}

/**
 * The page: a worker from /server.js and the client's side of the conversation. `lsp.request`
 * and `lsp.notify` send; published diagnostics, log lines and the server's own requests are
 * kept for the driver to read. The server's file requests are answered from /files/.
 */
const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Referat web worker</title></head><body><script>
const FOLDER = ${JSON.stringify(FOLDER)};
const worker = new Worker('/server.js');
const pending = new Map();
let nextId = 1;
window.lsp = { published: [], logs: [], serverRequests: [], errors: [] };
worker.onerror = (e) => window.lsp.errors.push(String(e.message));
const names = fetch('/files/').then((r) => r.json());
const pathOf = (uri) => (uri.startsWith(FOLDER + '/') ? uri.slice(FOLDER.length + 1).split('/').map(decodeURIComponent).join('/') : null);
const uriOf = (p) => FOLDER + '/' + p.split('/').map(encodeURIComponent).join('/');
function base64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
const answers = {
  // The globs are the editor's to match; every file under the base comes back, and the server's walk chooses.
  'referat/findFiles': async (p) => {
    const base = pathOf(p.base) ?? (p.base === FOLDER ? '' : null);
    if (base === null) return [];
    return (await names).filter((n) => base === '' || n.startsWith(base + '/')).map(uriOf).slice(0, p.maxResults);
  },
  'referat/readFile': async (p) => {
    const file = pathOf(p.uri);
    const response = file === null ? null : await fetch('/files/' + file.split('/').map(encodeURIComponent).join('/'));
    if (response === null || !response.ok) return { ok: false, reason: 'missing' };
    const bytes = new Uint8Array(await response.arrayBuffer());
    return bytes.length > p.maxBytes ? { ok: false, reason: 'too-large' } : { ok: true, base64: base64(bytes) };
  },
  'referat/readDirectory': async (p) => {
    const dir = pathOf(p.uri) ?? '';
    return (await names).filter((n) => n.startsWith(dir === '' ? '' : dir + '/') && !n.slice(dir === '' ? 0 : dir.length + 1).includes('/')).map((n) => n.split('/').pop());
  },
};
worker.onmessage = async (event) => {
  const m = event.data;
  if (m.method === undefined) {
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  } else if (m.id !== undefined) {
    window.lsp.serverRequests.push(m.method);
    const answer = answers[m.method];
    worker.postMessage({ jsonrpc: '2.0', id: m.id, result: answer === undefined ? null : await answer(m.params) });
  } else if (m.method === 'textDocument/publishDiagnostics') window.lsp.published.push(m.params);
  else if (m.method === 'window/logMessage') window.lsp.logs.push(m.params.message);
};
window.lsp.request = (method, params) =>
  new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    worker.postMessage({ jsonrpc: '2.0', id, method, params });
  });
window.lsp.notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
</script></body></html>`;

interface LspDiagnostic {
  code?: string | number;
  severity?: 1 | 2 | 3 | 4;
  message: string;
  range: Finding['range'];
}
interface Published {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}
interface Response<R> {
  result?: R;
  error?: { code: number; message: string };
}

const toFinding = (d: LspDiagnostic): Finding => ({ code: String(d.code), severity: SEVERITY[d.severity ?? 1], message: d.message, range: d.range });
const uriOf = (p: string): string => `${FOLDER}/${p.split('/').map(encodeURIComponent).join('/')}`;

function serve(files: Map<string, Buffer>): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent((req.url ?? '/').split('?')[0] as string);
    const send = (type: string, body: string | Buffer): void => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    if (url === '/') send('text/html; charset=utf-8', PAGE);
    else if (url === '/server.js') send('text/javascript; charset=utf-8', fs.readFileSync(BUNDLE));
    else if (url === '/files/') send('application/json', JSON.stringify([...files.keys()]));
    else if (url.startsWith('/files/') && files.has(url.slice('/files/'.length))) send('application/octet-stream', files.get(url.slice('/files/'.length)) as Buffer);
    else {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (typeof address !== 'object' || address === null) return reject(new Error('no address'));
      resolve({ url: `http://127.0.0.1:${address.port}/`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

async function request<R>(page: Page, method: string, params: unknown): Promise<R> {
  const response = await page.evaluate(([m, p]) => (globalThis as unknown as { lsp: { request(m: string, p: unknown): Promise<unknown> } }).lsp.request(m as string, p), [method, params] as const);
  const r = response as Response<R>;
  if (r.error !== undefined) throw new Error(`${method}: ${r.error.message}`);
  return r.result as R;
}

async function notify(page: Page, method: string, params: unknown): Promise<void> {
  await page.evaluate(([m, p]) => (globalThis as unknown as { lsp: { notify(m: string, p: unknown): void } }).lsp.notify(m as string, p), [method, params] as const);
}

/** What the page has kept: the published diagnostics, the log, the server's requests, worker errors. */
function kept<K extends 'published' | 'logs' | 'serverRequests' | 'errors'>(page: Page, key: K): Promise<K extends 'published' ? Published[] : string[]> {
  return page.evaluate((k) => (globalThis as unknown as { lsp: Record<string, unknown> }).lsp[k], key) as Promise<K extends 'published' ? Published[] : string[]>;
}

/** The last diagnostics published for a URI (for an open document: of that version), once they come. */
async function diagnosticsFor(page: Page, uri: string, version?: number): Promise<LspDiagnostic[]> {
  await page.waitForFunction(
    ([u, v]) => (globalThis as unknown as { lsp: { published: Published[] } }).lsp.published.some((p) => p.uri === u && (v === null || p.version === v)),
    [uri, version ?? null] as const,
  );
  const all = (await kept(page, 'published')).filter((p) => p.uri === uri && (version === undefined || p.version === version));
  return (all[all.length - 1] as Published).diagnostics;
}

export async function runWebWorker(results: Results, opts: { browser: Browser; artifacts: string }): Promise<void> {
  const check = (name: string, fn: () => Promise<void>): Promise<boolean> => results.check(GROUP, name, fn);
  if (!fs.existsSync(BUNDLE)) {
    results.add({ group: GROUP, name: 'start', ok: false, ms: 0, detail: `${BUNDLE} is missing: run npm run build` });
    return;
  }
  const files = workspaceFiles();
  const site = await serve(files);
  const context = await opts.browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  try {
    const started = await check(`dist/web/server.js (${(fs.statSync(BUNDLE).size / 1024).toFixed(0)} KB) starts in a web worker and answers initialize`, async () => {
      await page.goto(site.url);
      const init = await request<{ capabilities: Record<string, unknown>; serverInfo?: { name: string } }>(page, 'initialize', {
        processId: null,
        rootUri: null,
        capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } } },
        workspaceFolders: [{ uri: FOLDER, name: 'referater' }],
        initializationOptions: { docsUri: `${site.url}docs/rules` },
      });
      assert.strictEqual(init.serverInfo?.name, 'referat-language-server');
      for (const c of ['documentSymbolProvider', 'foldingRangeProvider', 'hoverProvider', 'codeActionProvider', 'workspaceSymbolProvider']) assert.ok(init.capabilities[c] !== undefined, c);
      await notify(page, 'initialized', {});
      assert.deepStrictEqual(await kept(page, 'errors'), []);
    });
    if (!started) return;

    await check('the index reads the workspace through the client: referat/findFiles, then referat/readFile for each file it takes', async () => {
      await page.waitForFunction(() => (globalThis as unknown as { lsp: { logs: string[] } }).lsp.logs.some((l) => / indekseret /.test(l)));
      const logs = await kept(page, 'logs');
      // The five corpus documents and the English copy; not noter.txt (not minutes) nor node_modules.
      assert.ok(logs.some((l) => /^Referat: 6 referatfiler indekseret på \d+ ms\.$/.test(l)), logs.join('\n'));
      const asked = await kept(page, 'serverRequests');
      assert.ok(asked.includes('referat/findFiles'), asked.join(', '));
      // The config file (read first) and every file the walk found, noter.txt among them (the walk sniffs its text).
      assert.strictEqual(asked.filter((m) => m === 'referat/readFile').length, 1 + 7, asked.join(', '));
    });

    await check('referat.server.lintWorkspace lints the files no one opened: each gets its golden findings', async () => {
      const tally = await request<{ files: number; skipped: number; message: string }>(page, 'workspace/executeCommand', { command: 'referat.server.lintWorkspace', arguments: [] });
      assert.strictEqual(tally.files, 6, tally.message);
      assert.strictEqual(tally.skipped, 0, tally.message);
      for (const doc of DOCS) expectFindings(doc, (await diagnosticsFor(page, uriOf(doc))).map(toFinding));
    });

    await check(`${ENGLISH.dir}/.referatrc.json, read through the client, makes its folder's findings English`, async () => {
      const findings = (await diagnosticsFor(page, uriOf(`${ENGLISH.dir}/${ENGLISH.doc}`))).map(toFinding);
      const golden = goldenFindings(ENGLISH.doc);
      assert.deepStrictEqual(findings.map((f) => f.code).sort(), golden.map((g) => g.rule).sort());
      const danish = new Set(golden.map((g) => g.message));
      assert.deepStrictEqual(findings.filter((f) => danish.has(f.message)).map((f) => f.message), []);
      assert.ok(findings.some((f) => /^The /.test(f.message)), findings.map((f) => f.message).join('\n'));
    });

    for (const [i, doc] of DOCS.entries()) {
      const uri = uriOf(doc);
      await check(`didOpen ${doc}: the published diagnostics are its golden findings`, async () => {
        const text = fs.readFileSync(path.join(CORPUS, doc), 'utf8');
        await notify(page, 'textDocument/didOpen', { textDocument: { uri, languageId: 'referat', version: 10 + i, text } });
        expectFindings(doc, (await diagnosticsFor(page, uri, 10 + i)).map(toFinding));
      });
      await check(`documentSymbol: ${doc} is the meeting with its golden punkter`, async () => {
        expectPunkter(doc, await request<SymbolLike[] | null>(page, 'textDocument/documentSymbol', { textDocument: { uri } }));
      });
    }

    await check('workspace/symbol finds a punkt by its title in the index, at its workspace URI', async () => {
      const symbols = await request<{ name: string; location: { uri: string } }[]>(page, 'workspace/symbol', { query: 'Godkendelse af dagsorden' });
      assert.ok(symbols.length > 0, 'no symbols');
      for (const s of symbols) assert.ok(s.location.uri.startsWith(`${FOLDER}/`), s.location.uri);
    });

    await check('documentLink: the bilag vejen-2023-11-28 names link to the files beside it (referat/readDirectory)', async () => {
      const links = await request<{ target?: string }[]>(page, 'textDocument/documentLink', { textDocument: { uri: uriOf('vejen-2023-11-28.referat.txt') } });
      assert.deepStrictEqual([...new Set(links.map((l) => l.target))].sort(), BILAG.map(uriOf).sort());
    });

    await check('no error in the page or the worker', async () => {
      assert.deepStrictEqual(await kept(page, 'errors'), []);
      assert.deepStrictEqual(consoleErrors, []);
    });
  } finally {
    await page.screenshot({ path: path.join(opts.artifacts, 'web-worker.png') }).catch(() => undefined);
    await context.close();
    await site.close();
  }
}
