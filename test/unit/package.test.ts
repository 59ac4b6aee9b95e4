// The extension manifest: every contributed file exists and the entry points are
// the ones esbuild writes, so the packaged extension activates and finds its parts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
interface Manifest {
  main: string;
  bin: Record<string, string>;
  activationEvents: string[];
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
    configuration: { properties: Record<string, { enum?: string[]; default?: unknown }> };
  };
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
const esbuild = readFileSync(join(root, 'esbuild.mjs'), 'utf8');

describe('package.json', () => {
  it('activates on the referat language (code-server needs it explicit)', () => {
    expect(pkg.activationEvents).toContain('onLanguage:referat');
  });

  it('declares the referat language for all three file suffixes with an existing configuration', () => {
    const lang = pkg.contributes.languages.find((l) => l.id === 'referat');
    expect(lang?.extensions).toEqual(['.referat', '.referat.txt', '.referat.md']);
    expect(existsSync(join(root, lang?.configuration ?? 'x'))).toBe(true);
  });

  it('points grammar and snippets at files that exist', () => {
    for (const g of pkg.contributes.grammars) {
      expect(g.language).toBe('referat');
      const grammar = JSON.parse(readFileSync(join(root, g.path), 'utf8')) as { scopeName: string };
      expect(grammar.scopeName).toBe(g.scopeName);
    }
    for (const s of pkg.contributes.snippets) expect(existsSync(join(root, s.path))).toBe(true);
  });

  it('has entry points that esbuild writes', () => {
    const outputs = [...esbuild.matchAll(/outfile: '([^']+)'/g)].map((m) => m[1]);
    expect(outputs).toContain(pkg.main.replace(/^\.\//, ''));
    expect(pkg.bin['referat']).toBe('dist/cli.js');
    expect(pkg.bin['referat-language-server']).toBe('dist/server.js');
    for (const bin of Object.values(pkg.bin)) expect(outputs).toContain(bin);
  });

  it('contributes the locale setting, Danish by default', () => {
    expect(pkg.contributes.configuration.properties['referat.locale']).toMatchObject({ enum: ['da', 'en'], default: 'da' });
  });
});
