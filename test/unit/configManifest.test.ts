// The one schema and what is generated from it: the committed JSON schema for
// .referatrc.json, the referat.* settings in package.json, the nls strings, and the
// manifest's trust, jsonValidation and l10n declarations. UPDATE_EXPECTED=1 rewrites
// the schema file and the config.* nls strings (review the diff); package.json is
// edited by hand, and this test prints what it must contain.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, configJsonSchema, KEY_DOCS, settingsContribution } from '../../server/src/config/schema';

const root = join(__dirname, '..', '..');
const update = process.env['UPDATE_EXPECTED'] === '1';
const read = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));

interface Manifest {
  description: string;
  l10n?: string;
  files: string[];
  capabilities?: { untrustedWorkspaces?: { supported: unknown; description?: string; restrictedConfigurations?: string[] } };
  contributes: {
    languages: { id: string; filenames?: string[] }[];
    jsonValidation?: { fileMatch: string; url: string }[];
    configuration: { title: string; properties: Record<string, unknown> };
  };
}
const pkg = read('package.json') as Manifest;
const nlsEn = read('package.nls.json') as Record<string, string>;
const nlsDa = read('package.nls.da.json') as Record<string, string>;

describe('the config schema and what is generated from it', () => {
  it('schemas/referatrc.schema.json is what the zod schema generates', () => {
    const file = join(root, 'schemas', 'referatrc.schema.json');
    const generated = `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
    if (update) writeFileSync(file, generated);
    expect(readFileSync(file, 'utf8')).toBe(generated);
  });

  it('package.json contributes exactly the generated referat.* settings', () => {
    const expected = settingsContribution();
    if (JSON.stringify(pkg.contributes.configuration) !== JSON.stringify(expected)) {
      // Order-insensitive comparison below; this shows what to paste when it fails.
      expect(pkg.contributes.configuration, `contributes.configuration should be:\n${JSON.stringify(expected, null, 2)}`).toEqual(expected);
    }
    expect(pkg.contributes.configuration).toEqual(expected);
    // Every config key but $schema is a setting, and referat.locale stays as it was.
    expect(Object.keys(pkg.contributes.configuration.properties).sort()).toEqual(CONFIG_KEYS.filter((k) => k !== '$schema').map((k) => `referat.${k}`).sort());
    expect(pkg.contributes.configuration.properties['referat.locale']).toMatchObject({ type: 'string', enum: ['da', 'en'], default: 'da' });
  });

  it('the nls files carry the key descriptions from the schema, in English and Danish', () => {
    if (update) {
      const en = { ...nlsEn };
      const da = { ...nlsDa };
      for (const k of CONFIG_KEYS) {
        if (k === '$schema') continue;
        en[`config.${k}`] = KEY_DOCS[k].en;
        da[`config.${k}`] = KEY_DOCS[k].da;
      }
      writeFileSync(join(root, 'package.nls.json'), `${JSON.stringify(en, null, 2)}\n`);
      writeFileSync(join(root, 'package.nls.da.json'), `${JSON.stringify(da, null, 2)}\n`);
      return;
    }
    for (const k of CONFIG_KEYS) {
      if (k === '$schema') continue;
      expect(nlsEn[`config.${k}`], k).toBe(KEY_DOCS[k].en);
      expect(nlsDa[`config.${k}`], k).toBe(KEY_DOCS[k].da);
    }
  });

  it('every %key% in package.json exists in both nls files, which have the same keys', () => {
    const text = readFileSync(join(root, 'package.json'), 'utf8');
    const used = [...text.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1] as string);
    expect(used.length).toBeGreaterThan(3);
    for (const key of used) {
      expect(nlsEn[key], `package.nls.json: ${key}`).toBeTypeOf('string');
      expect(nlsDa[key], `package.nls.da.json: ${key}`).toBeTypeOf('string');
    }
    expect(Object.keys(nlsDa).sort()).toEqual(Object.keys(nlsEn).sort());
    expect(pkg.description).toBe('%description%');
  });

  it('declares limited support in untrusted workspaces, restricting the custom patterns', () => {
    const trust = pkg.capabilities?.untrustedWorkspaces;
    expect(trust?.supported).toBe('limited');
    expect(trust?.description).toMatch(/^%.+%$/);
    expect(trust?.restrictedConfigurations).toEqual(['referat.caseNumberPatterns', 'referat.punktForms', 'referat.fieldLabels']);
  });

  it('validates .referatrc.json with the schema and lets it have comments', () => {
    expect(pkg.contributes.jsonValidation).toContainEqual({ fileMatch: '.referatrc.json', url: './schemas/referatrc.schema.json' });
    expect(pkg.contributes.languages).toContainEqual({ id: 'jsonc', filenames: ['.referatrc.json'] });
    expect(configJsonSchema()).toMatchObject({ allowComments: true, allowTrailingCommas: true, additionalProperties: false });
    for (const f of ['schemas/*.json', 'l10n/*.json', 'package.nls.json', 'package.nls.da.json']) expect(pkg.files).toContain(f);
  });

  it('localizes the client: l10n bundle with a Danish string for every vscode.l10n.t call', () => {
    expect(pkg.l10n).toBe('./l10n');
    const bundle = read('l10n/bundle.l10n.da.json') as Record<string, string>;
    const dir = join(root, 'client', 'src');
    const client = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const keys = [...client.matchAll(/\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => (m[1] as string).replace(/\\'/g, "'"));
    expect(keys.length).toBeGreaterThan(3);
    for (const k of keys) expect(bundle[k], k).toBeTypeOf('string');
    expect(existsSync(join(root, 'l10n', 'bundle.l10n.da.json'))).toBe(true);
  });

  it('the client passes workspace trust and forwards when it is granted', () => {
    // The desktop client and the browser's; the LSP side both servers share.
    const server = readFileSync(join(root, 'server', 'src', 'lspServer.ts'), 'utf8');
    for (const file of ['extension.ts', 'browserExtension.ts']) {
      const client = readFileSync(join(root, 'client', 'src', file), 'utf8');
      expect(client).toContain('trusted: workspace.isTrusted');
      // Both hand their client to lifecycle.ts, which forwards the grant.
      expect(client).toContain('adoptClient(context, client)');
    }
    const lifecycle = readFileSync(join(root, 'client', 'src', 'lifecycle.ts'), 'utf8');
    expect(lifecycle).toContain('onDidGrantWorkspaceTrust');
    // One name, from the shared protocol file, on both sides.
    expect(lifecycle).toContain('sendNotification(WORKSPACE_TRUSTED_NOTIFICATION,');
    expect(server).toContain('onNotification(WORKSPACE_TRUSTED_NOTIFICATION,');
  });
});

