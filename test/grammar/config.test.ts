import * as fs from 'fs';
import * as path from 'path';
import { describe, it, expect } from 'vitest';
import { ROOT, tokenizeLines } from './tokenize';

/** Removes // and /* *\/ comments outside strings (JSON with comments, as VS Code reads it). */
export function stripJsonComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const next = text[i + 1];
    if (inString) {
      out += ch;
      if (ch === '\\') {
        out += next ?? '';
        i++;
      } else if (ch === '"') {
        inString = false;
      }
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (ch === '/' && next === '*') {
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) i++;
      i++;
    } else {
      out += ch;
    }
  }
  return out;
}

function readJson(relPath: string): unknown {
  return JSON.parse(stripJsonComments(fs.readFileSync(path.join(ROOT, relPath), 'utf8')));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringOrStringArray(value: unknown): value is string | string[] {
  return typeof value === 'string' || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string'));
}

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

function loadSnippets(): Record<string, Snippet> {
  const raw = readJson('snippets/referat.code-snippets');
  if (!isRecord(raw)) throw new Error('snippets file is not an object');
  const result: Record<string, Snippet> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!isRecord(value)) throw new Error(`snippet ${name} is not an object`);
    const { prefix, body, description } = value;
    if (!isStringOrStringArray(prefix)) throw new Error(`snippet ${name}: bad prefix`);
    if (!isStringOrStringArray(body)) throw new Error(`snippet ${name}: bad body`);
    if (typeof description !== 'string' || description.trim() === '') throw new Error(`snippet ${name}: bad description`);
    result[name] = { prefix, body, description };
  }
  return result;
}

const prefixes = (s: Snippet): string[] => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const bodyText = (s: Snippet): string => (Array.isArray(s.body) ? s.body.join('\n') : s.body);

/** Expands a snippet body the way VS Code would insert it with all defaults accepted. */
export function expandSnippet(body: string): string {
  let text = body;
  // Innermost placeholders first, until nothing changes (handles nesting).
  for (;;) {
    const next = text
      .replace(/\$\{\d+:([^${}]*)\}/g, '$1')
      .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
      .replace(/\$\{\d+\}/g, '');
    if (next === text) break;
    text = next;
  }
  return text.replace(/\$\d+/g, '');
}

function findSnippet(snippets: Record<string, Snippet>, prefix: string): Snippet {
  const found = Object.values(snippets).find((s) => prefixes(s).includes(prefix));
  if (!found) throw new Error(`no snippet with prefix ${prefix}`);
  return found;
}

describe('snippets/referat.code-snippets', () => {
  it('parses and every snippet has prefix, body and description', () => {
    const snippets = loadSnippets();
    expect(Object.keys(snippets).length).toBeGreaterThan(10);
  });

  it('has the expected prefixes', () => {
    const all = Object.values(loadSnippets()).flatMap(prefixes);
    for (const p of [
      'referat',
      'dagsorden',
      'punkt',
      'resume',
      'sagsfremstilling',
      'indstilling',
      'beslutning',
      'bilag',
      'økonomi',
      'lovgrundlag',
      'høring',
      'tidligere behandling',
      'godkendt',
      'efterretning',
      'tiltrådt',
      'drøftet',
      'fraværende',
      'afbud',
    ]) {
      expect(all, p).toContain(p);
    }
    expect(new Set(all).size, 'prefixes are unique').toBe(all.length);
  });

  it('uses plain-text headings (no Markdown #) and no tabs', () => {
    for (const [name, s] of Object.entries(loadSnippets())) {
      expect(bodyText(s), name).not.toMatch(/^#/m);
      expect(bodyText(s), name).not.toContain('\t');
    }
  });

  it('has the requested decision wordings', () => {
    const snippets = loadSnippets();
    expect(expandSnippet(bodyText(findSnippet(snippets, 'godkendt')))).toBe('Godkendt.');
    expect(expandSnippet(bodyText(findSnippet(snippets, 'efterretning')))).toBe('Taget til efterretning.');
    expect(expandSnippet(bodyText(findSnippet(snippets, 'tiltrådt')))).toBe('Indstillingen tiltrådt.');
    expect(expandSnippet(bodyText(findSnippet(snippets, 'drøftet')))).toBe('Drøftet.');
    expect(bodyText(findSnippet(snippets, 'fraværende'))).toMatch(/^Fraværende: \$\{1:navn\}/);
    expect(expandSnippet(bodyText(findSnippet(snippets, 'afbud')))).toMatch(/^Afbud: navn/);
  });

  it('referat has a Beslutning section and dagsorden does not', () => {
    const snippets = loadSnippets();
    const referat = expandSnippet(bodyText(findSnippet(snippets, 'referat'))).split('\n');
    const dagsorden = expandSnippet(bodyText(findSnippet(snippets, 'dagsorden'))).split('\n');
    expect(referat[0]).toBe('REFERAT Udvalg d. dd-mm-åååå');
    expect(referat).toContain('Beslutning');
    expect(dagsorden[0]).toMatch(/^DAGSORDEN /);
    expect(dagsorden).not.toContain('Beslutning');
    for (const heading of ['Indholdsfortegnelse', 'Resume', 'Sagsfremstilling', 'Indstilling', 'Bilag']) {
      expect(referat, heading).toContain(heading);
      expect(dagsorden, heading).toContain(heading);
    }
  });

  it('expanded punkt and referat snippets are highlighted by the grammar', async () => {
    const snippets = loadSnippets();
    for (const prefix of ['punkt', 'referat']) {
      // The punkt snippet's number placeholder is "N"; type a real number as a user would.
      const lines = expandSnippet(bodyText(findSnippet(snippets, prefix)))
        .replace(/^Punkt N:/m, 'Punkt 1:')
        .split('\n');
      const tokens = await tokenizeLines(lines);
      const scopesOf = (text: string): string[] => {
        const i = lines.indexOf(text);
        expect(i, `${prefix}: line ${text}`).toBeGreaterThanOrEqual(0);
        return (tokens[i] ?? []).flatMap(([, s]) => s);
      };
      const punktLine = lines.find((l) => l.startsWith('Punkt '));
      expect(punktLine, prefix).toBeDefined();
      expect(scopesOf(punktLine ?? '')).toContain('markup.heading.punkt.referat');
      expect(scopesOf('Resume')).toContain('markup.heading.section.resume.referat');
      expect(scopesOf('Sagsfremstilling')).toContain('markup.heading.section.sagsfremstilling.referat');
      expect(scopesOf('Indstilling')).toContain('markup.heading.section.indstilling.referat');
      expect(scopesOf('Beslutning')).toContain('markup.heading.section.beslutning.referat');
      expect(scopesOf('Bilag')).toContain('markup.heading.section.bilag.referat');
      expect(scopesOf('- at indstillingen godkendes.')).toContain('markup.list.at-clause.referat');
    }
  });
});

describe('language-configuration.json', () => {
  const config = readJson('language-configuration.json');
  if (!isRecord(config)) throw new Error('language-configuration.json is not an object');

  const wordPattern = config.wordPattern;
  const words = (text: string): string[] => {
    if (typeof wordPattern !== 'string') throw new Error('wordPattern is not a string');
    return text.match(new RegExp(wordPattern, 'g')) ?? [];
  };

  it('wordPattern selects case numbers and Danish words as single words', () => {
    for (const w of ['00.13.06-P22-2-23', 'Bæredygtig', '24/19987', '17-004875', 'GEO-2022-000114', 'Økonomiudvalget', 'Beskæftigelses-', 'Ærø', 'Résumé']) {
      const expected = w.replace(/-$/, '');
      expect(words(w), w).toEqual([expected]);
    }
  });

  it('wordPattern does not swallow surrounding punctuation', () => {
    expect(words('Sagsnr.: 00.13.06-P22-2-23, se 24/19987.')).toEqual(['Sagsnr', '00.13.06-P22-2-23', 'se', '24/19987']);
    expect(words('»Bæredygtig økonomi«')).toEqual(['Bæredygtig', 'økonomi']);
  });

  it('has brackets, Danish quote pairs and the HTML block comment', () => {
    expect(config.brackets).toEqual([
      ['(', ')'],
      ['[', ']'],
    ]);
    const pairs = config.autoClosingPairs;
    expect(Array.isArray(pairs)).toBe(true);
    const asPairs = (Array.isArray(pairs) ? pairs : []).map((p: unknown) =>
      isRecord(p) ? [p.open, p.close] : Array.isArray(p) ? p : [],
    );
    for (const pair of [
      ['(', ')'],
      ['[', ']'],
      ['"', '"'],
      ['”', '”'],
      ['„', '“'],
      ['»', '«'],
    ]) {
      expect(asPairs, pair.join('')).toContainEqual(pair);
    }
    expect(config.surroundingPairs).toContainEqual(['»', '«']);
    expect(config.comments).toEqual({ blockComment: ['<!--', '-->'] });
  });
});
