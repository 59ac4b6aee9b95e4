// The server's side of configuration (config/session.ts) over an in-memory file
// system: which config a document gets, the diagnostics published for the config file
// at the offending key, and what happens when files, settings and trust change.
import * as path from 'path';
import { pathToFileURL } from 'url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { ConfigSession, isConfigFile, toLspConfigDiagnostics, type ConfigSessionHost } from '../../server/src/config/session';
import type { ConfigFs } from '../../server/src/config/store';
import { nodeNames } from '../../server/src/node/host';

const root = path.resolve('/tmp/referat-session-test');
const rc = path.join(root, '.referatrc.json');
const docUri = pathToFileURL(path.join(root, 'møde.referat')).href;
const rcUri = pathToFileURL(rc).href;

function memoryFs(files: Map<string, string>): ConfigFs {
  return {
    readFile: (f) => files.get(path.resolve(f)),
    isFile: (f) => files.has(path.resolve(f)),
  };
}

interface Recorded {
  published: [string, Diagnostic[]][];
  notices: [string, 'info' | 'warning'][];
  logs: string[];
}

function setup(initial: Record<string, string> = {}): { session: ConfigSession; files: Map<string, string>; seen: Recorded } {
  const files = new Map(Object.entries(initial).map(([k, v]) => [path.resolve(k), v]));
  const seen: Recorded = { published: [], notices: [], logs: [] };
  const host: ConfigSessionHost = {
    publish: (uri, d) => seen.published.push([uri, d]),
    notify: (m, s) => seen.notices.push([m, s]),
    log: (m) => seen.logs.push(m),
  };
  return { session: new ConfigSession(host, memoryFs(files), nodeNames), files, seen };
}

describe('ConfigSession', () => {
  it('names config files by their base name, on both separators', () => {
    expect(isConfigFile('file:///a/b/.referatrc.json')).toBe(true);
    expect(isConfigFile('C:\\a\\.referatrc.json')).toBe(true);
    expect(isConfigFile('.referatrc.json')).toBe(true);
    expect(isConfigFile('file:///a/b/x.referatrc.json')).toBe(false);
    expect(isConfigFile('file:///a/b/møde.referat')).toBe(false);
  });

  it('a document without a config gets the defaults and the base locale, and nothing is published', () => {
    const { session, seen } = setup();
    session.baseLocale = 'en';
    const c = session.forUri(docUri);
    expect(c.file).toBeNull();
    expect(c.locale).toBe('en');
    expect(seen.published).toEqual([]);
  });

  it('a non-file URI gets the defaults', () => {
    const { session } = setup({ [rc]: '{"locale":"en"}' });
    expect(session.forUri('untitled:Untitled-1').file).toBeNull();
    expect(session.forUri('file://host:notaport/x').file).toBeNull();
  });

  it('publishes the config file’s problems once, at the key, in the config’s own locale', () => {
    const { session, seen } = setup({ [rc]: '{\n  "locale": "en",\n  "nosuchkey": 1\n}\n' });
    const c = session.forUri(docUri);
    expect(c.locale).toBe('en');
    expect(seen.published).toHaveLength(1);
    const [uri, diags] = seen.published[0] as [string, Diagnostic[]];
    expect(uri).toBe(rcUri);
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ source: 'referat', code: 'config', range: { start: { line: 2 } } });
    expect((diags[0] as Diagnostic).message).toMatch(/nosuchkey/);
    expect((diags[0] as Diagnostic).message).not.toMatch(/ukendt|Ukendt/);
    // The same generation is not published again.
    session.forUri(docUri);
    expect(seen.published).toHaveLength(1);
  });

  it('a changed config file is re-read and re-published; a deleted one gets empty diagnostics', () => {
    const { session, files, seen } = setup({ [rc]: '{"nosuchkey": 1}' });
    session.forUri(docUri);
    expect((seen.published[0] as [string, Diagnostic[]])[1]).toHaveLength(1);

    files.set(rc, '{"locale": "en"}');
    expect(session.filesChanged([rcUri])).toBe(true);
    expect(seen.published.at(-1)).toEqual([rcUri, []]);
    expect(session.forUri(docUri).locale).toBe('en');

    files.delete(rc);
    expect(session.filesChanged([rcUri])).toBe(true);
    expect(seen.published.at(-1)).toEqual([rcUri, []]);
    expect(session.forUri(docUri).file).toBeNull();
    const count = seen.published.length;
    // A file no longer reported is not published again.
    session.filesChanged([rcUri]);
    expect(seen.published).toHaveLength(count);
  });

  it('changes to other files leave the caches alone', () => {
    const { session } = setup();
    const before = session.generation;
    expect(session.filesChanged([docUri])).toBe(false);
    expect(session.generation).toBe(before);
  });

  it('invalid settings are logged and shown once, in the base locale, and the valid parts apply', () => {
    const { session, seen } = setup();
    session.setSettings({ locale: 'en', severity: { 'no-such-rule': 'error' }, extends: null });
    expect(seen.logs).toHaveLength(1);
    expect(seen.logs[0]).toMatch(/^Ugyldige Referat-indstillinger/);
    expect(seen.logs[0]).toMatch(/referat\.severity/);
    expect(seen.notices).toEqual([[seen.logs[0], 'warning']]);
    expect(session.forUri(docUri).locale).toBe('en');

    session.setSettings({ locale: 'da' });
    expect(seen.logs).toHaveLength(1);
  });

  it('an untrusted workspace ignores custom patterns and says so once per trust change', () => {
    const { session, seen } = setup({ [rc]: JSON.stringify({ caseNumberPatterns: ['^X-\\d+$'] }) });
    expect(session.setTrusted(false)).toBe(true);
    expect(session.setTrusted(false)).toBe(false);
    session.forUri(docUri);
    session.forUri(docUri);
    const info = seen.notices.filter(([, s]) => s === 'info');
    expect(info).toHaveLength(1);
    expect((info[0] as [string, string])[0]).toMatch(/Workspace Trust/);
    // The config file's diagnostics carry the same notice, at the key.
    const diags = (seen.published.at(-1) as [string, Diagnostic[]])[1];
    expect(diags.some((d) => d.severity === 3 && /betroet/.test(d.message))).toBe(true);

    expect(session.setTrusted(true)).toBe(true);
    session.forUri(docUri);
    expect(seen.notices.filter(([, s]) => s === 'info')).toHaveLength(1);
    const after = (seen.published.at(-1) as [string, Diagnostic[]])[1];
    expect(after.some((d) => /betroet/.test(d.message))).toBe(false);
  });

  it('converts issues without a range to the start of the file', () => {
    const d = toLspConfigDiagnostics([{ key: 'x', severity: 'warning', message: { da: 'på dansk', en: 'in English' }, range: null }], 'en');
    expect(d).toEqual([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 2, source: 'referat', code: 'config', message: 'in English' }]);
  });
});
