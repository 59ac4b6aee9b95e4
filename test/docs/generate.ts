// The parts of the docs that state what the rule registry (server/src/rules/registry.ts)
// says, generated from it so that they cannot drift: the header of each rule's page
// (docs/rules/<id>.md: its id, default severity, whether it can be fixed, its topics) and
// the rules table in README.md. Each generated part stands between
// "<!-- generated: NAME -->" and "<!-- /generated -->"; everything else is hand-written.
// A note in parentheses after a value in a page header ("advarsel (blandede former:
// information)", "ja (fjerner linjen)") is prose too, and is kept as written.
// generated.test.ts checks the committed docs; UPDATE_EXPECTED=1 writes them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../server/src/rules/registry';
import type { RuleDefinition, Severity } from '../../server/src/rules/types';
import { lintText } from '../helpers/lintFile';

export const ROOT = join(__dirname, '..', '..');
export const README = join(ROOT, 'README.md');
export const docPath = (id: string): string => join(ROOT, 'docs', 'rules', `${id}.md`);

const SEVERITY_DA: Record<Severity, string> = { error: 'fejl', warning: 'advarsel', information: 'information', hint: 'tip' };
const END = '<!-- /generated -->';
const begin = (name: string): string => `<!-- generated: ${name} -->`;

/** Replaces the text between the markers for `name` (markers kept); throws when they are missing. */
export function replaceGenerated(text: string, name: string, body: string): string {
  const start = text.indexOf(begin(name));
  const end = start < 0 ? -1 : text.indexOf(END, start);
  if (start < 0 || end < 0) throw new Error(`no ${begin(name)} … ${END} block`);
  return `${text.slice(0, start)}${begin(name)}\n${body}${text.slice(end)}`;
}

/** The text between the markers for `name`, or null. */
export function generatedPart(text: string, name: string): string | null {
  const start = text.indexOf(begin(name));
  const end = start < 0 ? -1 : text.indexOf(END, start);
  return start < 0 || end < 0 ? null : text.slice(start + begin(name).length + 1, end);
}

// ---- a rule's page

const FACTS = ['Standard-alvor', 'Kan rettes', 'Emne'] as const;
type Fact = (typeof FACTS)[number];

/** The hand-written notes after the values of an existing header line, by label. */
function notesOf(header: string | null): Partial<Record<Fact, string>> {
  const notes: Partial<Record<Fact, string>> = {};
  const line = header?.split('\n').find((l) => l.startsWith('**Standard-alvor:**'));
  if (line === undefined) return notes;
  for (const part of line.split(' · ')) {
    const m = /^\*\*([^*]+):\*\* [^(]*?(?: \((.*)\))?$/.exec(part);
    const label = FACTS.find((f) => f === m?.[1]);
    if (label !== undefined && m?.[2] !== undefined) notes[label] = m[2];
  }
  return notes;
}

/** "# id", a blank line and the facts line, each value from the registry, each note as written. */
export function docHeader(rule: RuleDefinition, current: string | null): string {
  const notes = notesOf(current);
  const values: Record<Fact, string> = {
    'Standard-alvor': SEVERITY_DA[rule.defaultSeverity],
    'Kan rettes': rule.fixable ? 'ja' : 'nej',
    Emne: rule.tags.join(', '),
  };
  const facts = FACTS.map((f) => `**${f}:** ${values[f]}${notes[f] === undefined ? '' : ` (${notes[f]})`}`);
  return `# ${rule.id}\n\n${facts.join(' · ')}\n`;
}

/** The page with its header generated; a page without the markers gets them at the top, over its old title and facts line. */
export function generateDoc(rule: RuleDefinition, text: string): string {
  if (generatedPart(text, 'header') === null) {
    const old = /^# .*\n\n(\*\*Standard-alvor:\*\*.*\n)?/.exec(text);
    const rest = old === null ? text : text.slice(old[0].length);
    return `${begin('header')}\n${docHeader(rule, old?.[1] ?? null)}${END}\n${rest}`;
  }
  return replaceGenerated(text, 'header', docHeader(rule, generatedPart(text, 'header')));
}

// ---- the README table

/**
 * Whether `referat lint --fix` applies the rule's fixes (they are safe) or only the editor
 * offers them, as the rule's fixtures show: the registry says only whether a rule can fix.
 */
export function fixSafety(rule: RuleDefinition): 'safe' | 'editor' | null {
  if (!rule.fixable) return null;
  const dir = join(ROOT, 'test', 'fixtures', 'rules', rule.id);
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('bad') && /\.referat(?:\.txt|\.md)?$/.test(f)) : [];
  const safe = new Set(files.flatMap((f) => lintText(readFileSync(join(dir, f), 'utf8')).flatMap((d) => (d.rule === rule.id && d.fix !== undefined ? [d.fix.safe] : []))));
  if (safe.size !== 1) throw new Error(`${rule.id}: its bad fixtures must give fixes that are all safe or all unsafe (got ${[...safe].join(', ') || 'none'})`);
  return safe.has(true) ? 'safe' : 'editor';
}

const FIX_DA = { safe: 'ja', editor: '(editor)' } as const;

/** Registry text as a table cell: a pipe would end the cell, a line break the row, and "[tekst](#)" would be a link. */
const cell = (text: string): string => text.replace(/[\\|[\]*_`<]/g, '\\$&').replace(/\s*\n\s*/g, ' ');

const row = (cells: readonly string[]): string => `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;

export function rulesTable(): string {
  const rows = RULES.map((r) => {
    const safety = fixSafety(r);
    return row([`[${r.id}](docs/rules/${r.id}.md)`, SEVERITY_DA[r.defaultSeverity], safety === null ? '' : FIX_DA[safety], cell(r.description.da)]);
  });
  return ['| Regel | Alvor | Retter | Hvad |', '|---|---|---|---|', ...rows, ''].join('\n');
}

// ---- the README's settings table

interface SettingSchema {
  type?: string | string[];
  default?: unknown;
  enum?: unknown[];
  description?: string;
}

/** The type as a reader writes it: "tekst", "liste", and the values an enum allows. */
function settingType(s: SettingSchema): string {
  const types = (Array.isArray(s.type) ? s.type : [s.type ?? '']).filter((t) => t !== 'null');
  const values = (s.enum ?? []).filter((v) => v !== null);
  if (values.length > 0) return values.map((v) => `\`${String(v)}\``).join(', ');
  const names: Record<string, string> = { string: 'tekst', array: 'liste', object: 'objekt', number: 'tal', boolean: 'ja/nej' };
  return types.map((t) => names[t] ?? t).join(' eller ');
}

/**
 * The VS Code settings as package.json declares them (generated from the configuration
 * schema, config/schema.ts), with their Danish descriptions (package.nls.da.json) and a
 * link to the key in docs/configuration.md.
 */
export function settingsTable(): string {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, SettingSchema> } } };
  const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.da.json'), 'utf8')) as Record<string, string>;
  // A key with its own heading in docs/configuration.md ("### `extends`") links to it.
  const documented = new Set([...readFileSync(join(ROOT, 'docs', 'configuration.md'), 'utf8').matchAll(/^### `([^`]+)`$/gm)].map((m) => m[1] as string));
  const rows = Object.entries(manifest.contributes.configuration.properties).map(([key, s]) => {
    const id = /^%(.+)%$/.exec(s.description ?? '')?.[1];
    const description = id === undefined ? (s.description ?? '') : (nls[id] ?? '');
    const def = s.default === null || s.default === undefined ? '' : `\`${JSON.stringify(s.default)}\``;
    const name = key.replace(/^referat\./, '');
    const label = documented.has(name) ? `[\`${key}\`](docs/configuration.md#${name.toLowerCase()})` : `\`${key}\``;
    return row([label, settingType(s), def, cell(description)]);
  });
  return ['| Indstilling | Værdi | Standard | Hvad |', '|---|---|---|---|', ...rows, ''].join('\n');
}

// ---- the README's CI snippets: the files in docs/ci/, which the editor tests run (test/editors/ci.ts)

export const CI_SNIPPETS = [
  { name: 'ci-github', file: 'github-actions.yml', lang: 'yaml' },
  { name: 'ci-gitlab', file: 'gitlab-ci.yml', lang: 'yaml' },
  { name: 'ci-pre-commit', file: 'pre-commit', lang: 'sh' },
] as const;

function snippet(file: string, lang: string): string {
  return `\`\`\`${lang}\n${readFileSync(join(ROOT, 'docs', 'ci', file), 'utf8').replace(/\n*$/, '\n')}\`\`\`\n`;
}

export function generateReadme(text: string): string {
  let out = replaceGenerated(replaceGenerated(text, 'rules', rulesTable()), 'settings', settingsTable());
  for (const s of CI_SNIPPETS) out = replaceGenerated(out, s.name, snippet(s.file, s.lang));
  return out;
}
