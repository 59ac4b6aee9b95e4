// The five real documents: their outlines and their diagnostics, checked in and
// reviewed by hand against the documents. UPDATE_EXPECTED=1 rewrites them; review
// the diff before committing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutline } from '../../server/src/cli/outline';
import { parseReferat } from '../../server/src/parser/parse';
import { expectedForm, lintText } from '../helpers/lintFile';

const root = join(__dirname, '..', '..');
const corpusDir = join(root, 'test', 'fixtures', 'corpus');
const goldenDir = join(root, 'test', 'golden');
const update = process.env['UPDATE_EXPECTED'] === '1';
const files = readdirSync(corpusDir).sort();

function golden(name: string, actual: unknown): void {
  const path = join(goldenDir, name);
  if (update) writeFileSync(path, JSON.stringify(actual, null, 2) + '\n');
  expect(existsSync(path), path).toBe(true);
  expect(JSON.parse(JSON.stringify(actual))).toEqual(JSON.parse(readFileSync(path, 'utf8')));
}

describe.each(files)('corpus %s', (file) => {
  const text = readFileSync(join(corpusDir, file), 'utf8');
  const base = file.replace(/\.referat(?:\.txt|\.md)?$/, '');

  it('has the reviewed outline', () => {
    golden(`${base}.outline.json`, buildOutline(`test/fixtures/corpus/${file}`, parseReferat(text)));
  });

  it('has the reviewed diagnostics', () => {
    golden(`${base}.lint.json`, lintText(text).map(expectedForm));
  });

  it('is identical to the shared corpus it was copied from', () => {
    const shared = join(root, '..', 'shared', 'corpus', file);
    if (existsSync(shared)) expect(text).toBe(readFileSync(shared, 'utf8'));
  });
});
