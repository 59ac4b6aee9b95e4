// The Referat service in process: findings per version, the fix loop, code actions, the
// TOC command, doc links, failure isolation and the workspace lint. The server and the
// CLI only adapt it, so this is where their logic is tested.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../server/src/config/resolve';
import { nodeFiles } from '../../server/src/node/host';
import type { LintDiagnostic } from '../../server/src/rules/engine';
import { createReferatService, type ConfigProvider, type DocumentConfig, type DocumentRef } from '../../server/src/service/service';

const RESOLVED = resolveConfig([], { trusted: true });

/** A config provider whose config can be swapped (bumping the generation). */
function configs(initial: DocumentConfig = { locale: 'da', resolved: RESOLVED }): ConfigProvider & { set(c: DocumentConfig): void } {
  let current = initial;
  let generation = 0;
  return {
    forUri: () => current,
    get generation() {
      return generation;
    },
    set(c) {
      current = c;
      generation++;
    },
  };
}

function doc(uri: string, version: number, text: string): DocumentRef {
  return { uri, version, getText: () => text };
}

const MISSING = ['Referat', 'Økonomiudvalget 12-03-2024', '', 'Punkt 1: Budget', 'Sagsnr.: 24/1001', '', 'Sagsfremstilling', '', 'Tekst.', ''].join('\n');

describe('the service', () => {
  it('keeps findings per version and drops them when the configuration changes', () => {
    const c = configs();
    const service = createReferatService({ configs: c, log: () => undefined });
    const d1 = doc('file:///a.referat', 1, MISSING);
    const first = service.findings(d1);
    expect(first.map((f) => f.rule)).toContain('missing-section');
    expect(service.findings(d1)).toBe(first);
    // A new version, and the same version with another text (a client repeating a number), are linted anew.
    expect(service.findings(doc('file:///a.referat', 2, MISSING))).not.toBe(first);
    const changed = service.findings(doc('file:///a.referat', 2, `${MISSING}\nIndstilling\n\nGodkendes.\n`));
    expect(changed.some((f) => f.rule === 'missing-section' && f.message.includes('Indstilling'))).toBe(false);
    // English from a new configuration: nothing cached may outlive it.
    c.set({ locale: 'en', resolved: RESOLVED });
    const english = service.findings(doc('file:///a.referat', 2, MISSING));
    expect(english.find((f) => f.rule === 'missing-section')?.message).toMatch(/lacks the section/);
  });

  it('a document above maxDocumentSize is not read: one error says so, and the features get an empty model', () => {
    const small = { locale: 'da' as const, resolved: resolveConfig([{ config: { maxDocumentSize: 0.1 }, source: 'file' }], { trusted: true }) };
    const service = createReferatService({ configs: configs(small), log: () => undefined });
    const big = MISSING.repeat(Math.ceil(120_000 / MISSING.length));
    const d = doc('file:///stor.referat', 1, big);
    const found = service.findings(d);
    expect(found.map((f) => [f.rule, f.severity])).toEqual([['document-too-large', 'error']]);
    expect(found[0]?.message).toMatch(/^Dokumentet er ikke tjekket: det er på 0,\d MB, og grænsen er 0,1 MB/);
    expect(service.lintText('file:///stor.referat', big)).toEqual(found);
    expect(service.model(d).punkter).toEqual([]);
    expect(service.parse('file:///stor.referat', big).punkter).toEqual([]);
    // Below the limit, as before.
    expect(service.findings(doc('file:///lille.referat', 1, MISSING)).map((f) => f.rule)).toContain('missing-section');
    expect(resolveConfig([], { trusted: true }).maxDocumentChars).toBe(10 * 1024 * 1024);
  });

  it('a thousand documents opened and closed leave no model or finding in the caches', () => {
    const service = createReferatService({ configs: configs(), log: () => undefined });
    for (let k = 0; k < 1000; k++) {
      const d = doc(`file:///mange/${k}.referat`, 1, MISSING);
      service.findings(d);
      service.model(d);
      if (k === 0) expect(service.cachedDocuments()).toEqual({ models: 1, findings: 1 });
      service.forget(d.uri);
    }
    expect(service.cachedDocuments()).toEqual({ models: 0, findings: 0 });
  });

  it('lints a text that is no open document the same way as an open one', () => {
    const service = createReferatService({ configs: configs(), log: () => undefined });
    const strip = (ds: LintDiagnostic[]): unknown[] => ds.map((d) => [d.rule, d.range, d.message]);
    expect(strip(service.lintText('file:///b.referat', MISSING))).toEqual(strip(service.findings(doc('file:///b.referat', 7, MISSING))));
  });

  it('fixes pass after pass until nothing safe is left, each fix whole', () => {
    const service = createReferatService({ configs: configs(), log: () => undefined });
    // Debris inside a list hides the list's numbering: only once the first pass has
    // removed it does the second pass see (and renumber) the list 1, 3, 4.
    const text = ['Referat', 'Økonomiudvalget 12-03-2024', '', 'Punkt 1: Budget', 'Sagsnr.: 24/1001', '', 'Indstilling', '', '1. at godkende budgettet', 'Til toppen', '3. at afvise forslaget', '4. at sende det videre', '', 'Beslutning', '', 'Godkendt.', ''].join('\n');
    expect(service.lintText('file:///c.referat', text).filter((d) => d.fix?.safe === true).map((d) => d.rule)).toEqual(['export-debris']);
    const result = service.fix('file:///c.referat', text);
    expect(result.fixed.map((d) => d.rule)).toEqual(['export-debris', 'list-numbering']);
    expect(result.text).toContain('1. at godkende budgettet\n2. at afvise forslaget\n3. at sende det videre\n');
    expect(result.text).not.toContain('Til toppen');
    expect(result.findings.filter((d) => d.fix?.safe === true)).toEqual([]);
    // The fixed text lints as reported.
    expect(service.lintText('file:///c.referat', result.text).map((d) => d.rule)).toEqual(result.findings.map((d) => d.rule));
  });

  it('leaves a text with nothing to fix as it is', () => {
    const service = createReferatService({ configs: configs(), log: () => undefined });
    const text = 'Referat\n\nPunkt 1: Budget\nSagsnr.: 24/1001\n\nIndstilling\n\nGodkendes.\n\nBeslutning\n\nGodkendt.\n';
    const result = service.fix('file:///d.referat', text);
    expect(result).toMatchObject({ text, fixed: [] });
  });

  it('answers the TOC command with an edit, or with why there is none', () => {
    const service = createReferatService({ configs: configs(), log: () => undefined });
    expect(service.updateToc(doc('file:///e.referat', 1, MISSING))).toEqual({ message: 'Dokumentet har ingen indholdsfortegnelse.' });
    const withToc = ['Referat', '', 'Indholdsfortegnelse', '', 'Gammel titel.....\t2', '', 'Punkt 1: Budget', 'Sagsnr.: 24/1001', '', 'Beslutning', '', 'Godkendt.', ''].join('\n');
    const answer = service.updateToc(doc('file:///e.referat', 2, withToc));
    expect(answer).toMatchObject({ label: 'Opdater indholdsfortegnelse' });
    expect('edit' in answer && answer.edit.newText).toContain('Budget');
  });

  it('offers the quick fix of a finding as a code action', () => {
    const service = createReferatService({ configs: configs(), log: () => undefined });
    const d = doc('file:///f.referat', 1, MISSING);
    const finding = service.findings(d).find((f) => f.rule === 'missing-section');
    expect(finding).toBeDefined();
    const diagnostic = { range: finding?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: '', source: 'referat', code: 'missing-section' };
    const actions = service.codeActions(d, { contextDiagnostics: [diagnostic], range: diagnostic.range });
    expect(actions.map((a) => a.title)).toContain('Indsæt afsnittet Indstilling');
  });

  it('links a known rule to its doc page and nothing else', () => {
    const service = createReferatService({ configs: configs(), log: () => undefined, docsUri: () => 'file:///docs/rules' });
    expect(service.docsHref('missing-section')).toBe('file:///docs/rules/missing-section.md');
    expect(service.docsHref('no-such-rule')).toBeUndefined();
    expect(createReferatService({ configs: configs(), log: () => undefined }).docsHref('missing-section')).toBeUndefined();
  });

  it('logs a failing request with where it happened and answers with the fallback', async () => {
    const log: string[] = [];
    const service = createReferatService({ configs: configs(), log: (m) => log.push(m) });
    expect(
      service.guard('textDocument/hover', 'fallback', () => {
        throw new Error('boom');
      }),
    ).toBe('fallback');
    expect(await service.guardAsync('workspace/symbol', 0, () => Promise.reject(new TypeError('bang')))).toBe(0);
    expect(log[0]).toMatch(/^Fejl i textDocument\/hover: Error: boom/);
    expect(log[1]).toMatch(/^Fejl i workspace\/symbol: TypeError: bang/);
  });
});

describe('the workspace lint', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-service-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('publishes the findings of files not open, counts the open ones, and keeps them current', async () => {
    fs.writeFileSync(path.join(root, 'a.referat.txt'), MISSING);
    fs.writeFileSync(path.join(root, 'b.referat.txt'), MISSING);
    fs.mkdirSync(path.join(root, 'node_modules'));
    fs.writeFileSync(path.join(root, 'node_modules', 'skipped.referat.txt'), MISSING);
    const published = new Map<string, readonly LintDiagnostic[]>();
    const service = createReferatService({ configs: configs(), files: nodeFiles, log: () => undefined, publish: (uri, f) => published.set(uri, f) });
    const a = pathToFileURL(path.join(root, 'a.referat.txt')).href;
    const b = pathToFileURL(path.join(root, 'b.referat.txt')).href;
    await service.workspace.addFolders([pathToFileURL(root).href]);
    service.workspace.opened(b);
    const openDoc = doc(b, 1, MISSING);
    const result = await service.workspace.lintAll(() => service.findings(openDoc), service.messages());
    expect(result.files).toBe(1);
    expect(result.error).toBeGreaterThan(0);
    expect(result.message).toMatch(/^Tjekkede 2 referater i arbejdsområdet: \d+ fejl/);
    expect([...published.keys()]).toEqual([a]);
    // Deleted on disk: its findings are cleared.
    service.workspace.filesChanged([{ uri: a, kind: 'deleted' }]);
    expect(published.get(a)).toEqual([]);
    // Closed: the disk counts again, and its findings from disk are published.
    await service.workspace.closed(b);
    expect(published.get(b)?.length).toBeGreaterThan(0);
    service.workspace.dispose();
  });
});
