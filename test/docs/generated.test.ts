// The rule pages' headers and the README's rules and settings tables say what the registry
// and the configuration schema say (see generate.ts). UPDATE_EXPECTED=1 writes them into
// the docs; review the diff.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../server/src/rules/registry';
import { docPath, generateDoc, generateReadme, README } from './generate';

const update = process.env['UPDATE_EXPECTED'] === '1';

function check(path: string, generate: (text: string) => string): void {
  const expected = generate(readFileSync(path, 'utf8'));
  if (update) writeFileSync(path, expected);
  expect(readFileSync(path, 'utf8'), `${path} differs from the registry; UPDATE_EXPECTED=1 npx vitest run test/docs rewrites it`).toBe(expected);
}

describe('docs generated from the rule registry', () => {
  it.each(RULES.map((r) => [r.id, r] as const))('docs/rules/%s.md has the generated header', (_, rule) => {
    check(docPath(rule.id), (text) => generateDoc(rule, text));
  });

  it('README.md has the generated rules table and settings table', () => {
    check(README, generateReadme);
  });
});
