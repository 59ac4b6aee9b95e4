// The built-in profiles against the corpus: each document, linted under the profile
// that fits its system, gives exactly the reviewed findings in test/golden/*.lint.json
// (every one of them a real defect, so a profile has nothing to explain away), and a
// profile that does not fit reports the document's case numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILE_IDS, PROFILES, type ProfileId } from '../../server/src/config/profiles';
import { resolveConfig } from '../../server/src/config/resolve';
import { configSchema } from '../../server/src/config/schema';
import { parseReferat } from '../../server/src/parser/parse';
import { lint } from '../../server/src/rules/engine';
import { expectedForm } from '../helpers/lintFile';

const root = join(__dirname, '..', '..');

/** Which profile fits each corpus document (docs/configuration.md says why). */
const FITS: Record<string, ProfileId> = {
  'herning-2022-11-22.referat.txt': 'sbsys',
  'vesthimmerland-2024-05-14.referat.txt': 'sbsys',
  'vejen-2023-11-28.referat.txt': 'acadre',
  'viborg-2024-08-12.referat.md': 'acadre',
  'ringkobing-skjern-2022-08-18.referat.txt': 'ringkobing-skjern',
};

function lintUnder(file: string, profile: ProfileId): ReturnType<typeof lint> {
  const text = readFileSync(join(root, 'test', 'fixtures', 'corpus', file), 'utf8');
  const c = resolveConfig([{ config: { extends: profile }, source: 'file' }], { trusted: true });
  return lint(text, parseReferat(text, c.parseOptions), { locale: c.locale ?? 'da', options: c.ruleOptions, severities: c.severities });
}

describe.each(Object.entries(FITS))('corpus %s under its profile', (file, profile) => {
  it(`gives exactly the reviewed findings under "${profile}"`, () => {
    const golden = JSON.parse(readFileSync(join(root, 'test', 'golden', file.replace(/\.referat(?:\.txt|\.md)?$/, '.lint.json')), 'utf8')) as unknown[];
    expect(lintUnder(file, profile).map(expectedForm)).toEqual(golden);
  });

  it('is told about its case numbers under a profile that does not fit', () => {
    const other: ProfileId = profile === 'acadre' ? 'sbsys' : 'acadre';
    const found = lintUnder(file, other).filter((d) => d.rule === 'case-number-format' && d.data?.['shape'] !== undefined);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]?.message).toMatch(/har formen "[a-z-]+", som konfigurationen ikke tillader \(tilladt: /);
  });
});

describe('profiles', () => {
  it('every profile is a valid config and documented in docs/configuration.md', () => {
    const doc = readFileSync(join(root, 'docs', 'configuration.md'), 'utf8');
    for (const id of PROFILE_IDS) {
      expect(configSchema.safeParse(PROFILES[id].config).success, id).toBe(true);
      expect(PROFILES[id].id).toBe(id);
      expect(doc, id).toContain(`| \`${id}\` |`);
    }
  });

  it('a profile accepts the example of each of its shapes', () => {
    const examples: Record<string, string> = {
      acadre: '24/19987',
      sbsys: '00.13.06-P22-2-23',
      'ringkobing-skjern': '17-004875',
      kommunekode: '330-2020-164',
      getorganized: 'GEO-2022-000114',
    };
    for (const [profile, example] of Object.entries(examples)) {
      const text = `REFERAT Udvalget d. 14-05-2024\n\nPunkt 1: Budget\n\n${example}\n\nIndstilling\n\nAt det godkendes.\n\nBeslutning\n\nGodkendt.\n`;
      const c = resolveConfig([{ config: { extends: profile as ProfileId }, source: 'file' }], { trusted: true });
      const found = lint(text, parseReferat(text, c.parseOptions), { options: c.ruleOptions }).filter((d) => d.rule === 'case-number-format');
      expect(found, profile).toEqual([]);
    }
    const heltal = 'REFERAT Udvalget d. 14-05-2024\n\nPunkt 1: Budget\n\nSagsnr.: 299835\n\nIndstilling\n\nAt det godkendes.\n\nBeslutning\n\nGodkendt.\n';
    const c = resolveConfig([{ config: { extends: 'heltal' }, source: 'file' }], { trusted: true });
    expect(lint(heltal, parseReferat(heltal), { options: c.ruleOptions }).filter((d) => d.rule === 'case-number-format')).toEqual([]);
  });
});
