// The web extension's bundles (dist/web/, after `node esbuild.mjs`; `npm test` builds
// first) run where there is no Node: the server in a web worker, the client in the
// browser's extension host. Neither may require a Node module; the client requires only
// `vscode`, which the extension host gives it, and the server (one script for the worker)
// requires nothing at all. What the server does in a worker: test/editors/web.ts.
import { builtinModules } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const WEB = join(__dirname, '..', '..', 'dist', 'web');
const NODE = new Set(builtinModules.filter((m) => !m.startsWith('_')));

function bundle(name: string): string {
  const file = join(WEB, name);
  if (!existsSync(file)) throw new Error(`${file} findes ikke: kør 'node esbuild.mjs' (eller 'npm test') først`);
  return readFileSync(file, 'utf8');
}

/** Every module a bundle requires by a literal name. */
function required(source: string): string[] {
  return [...source.matchAll(/\brequire\s*\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2] as string);
}

describe('the web bundles', () => {
  it('dist/web/server.js requires nothing: no require("fs"), no node: module, no lazy bundle from disk', () => {
    const server = bundle('server.js');
    expect(required(server)).toEqual([]);
    expect(server).not.toMatch(/\brequire\s*\(\s*["'`](?:node:)?(?:fs|path|os|url|crypto|child_process|worker_threads)\b/);
    expect(server).not.toMatch(/["'`]node:[a-z_/]+["'`]/);
    expect(server).not.toMatch(/\bimport\s*\(\s*["'`](?!\.)/);
    expect(server).not.toContain('__dirname');
    // Word and PDF reading is desktop-only; re2js is bundled in (web/lazyRequire.ts).
    expect(server).not.toMatch(/lazy\/documents\.js|mammoth|pdfjs|WorkerMessageHandler/);
    expect(server).toContain('RE2JS');
  });

  it('dist/web/client.js requires only vscode', () => {
    const client = bundle('client.js');
    const modules = required(client);
    expect(modules.length).toBeGreaterThan(0);
    expect([...new Set(modules)]).toEqual(['vscode']);
    expect(modules.filter((m) => NODE.has(m) || m.startsWith('node:'))).toEqual([]);
    // The desktop-only parts stay out: the task type's CLI run, the Word and PDF documents' view.
    expect(client).not.toMatch(/ProcessExecution|ELECTRON_RUN_AS_NODE|registerTextDocumentContentProvider/);
  });
});
