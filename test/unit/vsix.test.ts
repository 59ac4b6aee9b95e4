// What `npm run package` puts in the .vsix: the files `vsce ls` takes by package.json "files",
// checked against what the extension needs at run time (the bundles, the lazy libraries,
// the manifest's own paths, the rule pages the diagnostics link to, the README's images)
// and against what must stay out (sources, tests, maps, node_modules). Needs the build
// (`npm test` builds before vitest).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, PackageManager } from '@vscode/vsce';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../server/src/rules/registry';

const ROOT = join(__dirname, '..', '..');

interface Manifest {
  icon: string;
  main: string;
  browser?: string;
  l10n: string;
  contributes: {
    grammars: { path: string }[];
    snippets: { path: string }[];
    languages: { configuration?: string }[];
    jsonValidation: { url: string }[];
  };
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
const rel = (p: string): string => p.replace(/^\.\//, '');

describe('the .vsix', () => {
  let files: string[] = [];
  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'server.js'))) throw new Error("dist/ findes ikke: kør 'node esbuild.mjs' (eller 'npm test') først");
    // PackageManager.None: no node_modules, as `vsce package --no-dependencies`.
    files = (await listFiles({ cwd: ROOT, packageManager: PackageManager.None })).sort();
  }, 60_000);

  it('has what runs: the bundles, the lazy libraries, the manifest and its paths', () => {
    const needed = [
      'package.json',
      'package.nls.json',
      'package.nls.da.json',
      'README.md',
      'CHANGELOG.md',
      'LICENSE',
      rel(manifest.icon),
      `${rel(manifest.l10n)}/bundle.l10n.da.json`,
      rel(manifest.main),
      'dist/server.js',
      'dist/cli.js',
      ...['re2js', 'mammoth', 'pdfjs', 'pdfjs-worker', 'documents'].map((n) => `dist/lazy/${n}.js`),
      ...manifest.contributes.grammars.map((g) => rel(g.path)),
      ...manifest.contributes.snippets.map((s) => rel(s.path)),
      ...manifest.contributes.languages.flatMap((l) => (l.configuration === undefined ? [] : [rel(l.configuration)])),
      ...manifest.contributes.jsonValidation.map((j) => rel(j.url)),
    ];
    if (manifest.browser !== undefined) needed.push(rel(manifest.browser), 'dist/web/server.js');
    expect(needed.filter((f) => !files.includes(f))).toEqual([]);
  });

  it('has the page of every rule (the diagnostics link to them) and every image the README shows', () => {
    const pages = RULES.map((r) => `docs/rules/${r.id}.md`);
    expect(pages.filter((f) => !files.includes(f))).toEqual([]);
    const images = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] as string);
    expect(images.length).toBeGreaterThan(0);
    expect(images.filter((f) => !files.includes(f))).toEqual([]);
  });

  it('has nothing else: no sources, tests, maps, fixtures or node_modules', () => {
    const allowed = [
      /^(?:package(?:\.nls(?:\.da)?)?\.json|README\.md|CHANGELOG\.md|LICENSE|language-configuration\.json)$/,
      /^images\/icon\.png$/,
      /^l10n\/bundle\.l10n\.da\.json$/,
      /^(?:syntaxes\/[\w.-]+\.json|snippets\/[\w.-]+\.code-snippets|schemas\/[\w.-]+\.json)$/,
      /^dist\/(?:web\/|lazy\/)?[\w.-]+\.js$/,
      /^docs\/(?:rules\/)?[\w.-]+\.md$/,
      /^docs\/screenshots\/[\w.-]+\.png$/,
    ];
    expect(files.filter((f) => !allowed.some((re) => re.test(f)))).toEqual([]);
    expect(files.filter((f) => /\.(?:ts|map)$|^(?:test|bench|client|server|node_modules)\//.test(f))).toEqual([]);
  });
});
