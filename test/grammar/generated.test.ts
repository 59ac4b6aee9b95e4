// The grammar's table-driven parts equal what the dialect tables give (see generate.ts).
// UPDATE_EXPECTED=1 writes them into syntaxes/referat.tmLanguage.json; review the diff.
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { GENERATED } from './generate';
import { GRAMMAR_PATH, tokenizeLine } from './tokenize';

const update = process.env['UPDATE_EXPECTED'] === '1';

describe('grammar parts generated from the dialect tables', () => {
  it('are in the committed grammar', () => {
    const grammar = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as { patterns: { include: string }[]; repository: Record<string, unknown> };
    if (update) {
      for (const [key, make] of Object.entries(GENERATED)) grammar.repository[key] = make();
      if (!grammar.patterns.some((p) => p.include === '#punkt-heading-forms')) {
        const at = grammar.patterns.findIndex((p) => p.include === '#punkt-heading');
        grammar.patterns.splice(at + 1, 0, { include: '#punkt-heading-forms' });
      }
      fs.writeFileSync(GRAMMAR_PATH, `${JSON.stringify(grammar, null, 2)}\n`);
    }
    for (const [key, make] of Object.entries(GENERATED)) expect(grammar.repository[key], key).toEqual(make());
    const order = grammar.patterns.map((p) => p.include);
    expect(order.indexOf('#punkt-heading-forms')).toBe(order.indexOf('#punkt-heading') + 1);
    expect(path.basename(GRAMMAR_PATH)).toBe('referat.tmLanguage.json');
  });

  it.each([
    ['Punkt 3 Beslutningssag: Årsregnskab 2021', 'punkt-space'],
    ['  • 135. ', 'bullet-number'],
    [' 2.  2. Orientering fra borgmesteren', 'double-number'],
    ['1  Åbent         Kommuneplan 2013', 'number-status'],
    ['229Beslutning om videreførelse af borgerpanelet', 'number-glued'],
  ])('colours %j as a punkt heading', async (line, form) => {
    const tokens = await tokenizeLine(line);
    expect(tokens.some(([, scopes]) => scopes.some((s) => s.startsWith('markup.heading.punkt')))).toBe(true);
    expect(form).not.toBe('');
  });

  it('does not colour a numbered list item as a heading (a weak form is left to the parser)', async () => {
    const tokens = await tokenizeLine('1. Genbrugspladsen holder åbent til kl. 20.');
    expect(tokens.some(([, scopes]) => scopes.some((s) => s.startsWith('markup.heading.punkt')))).toBe(false);
  });
});
