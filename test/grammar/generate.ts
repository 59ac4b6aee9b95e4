// The parts of syntaxes/referat.tmLanguage.json that come from the parser's dialect
// tables, so that a row added there is coloured too: every punkt heading form
// ("punkt-heading-forms", after the hand-written "punkt-heading"), the section headings
// per kind ("section-heading") and the export debris phrases ("web-debris").
// grammar.test.ts checks that the committed grammar holds exactly these;
// UPDATE_EXPECTED=1 writes them.
import { DEBRIS_PATTERNS, DEBRIS_PHRASES } from '../../server/src/parser/dialect/debris';
import { TOC_HEADINGS } from '../../server/src/parser/dialect/header';
import { PUNKT_FORMS } from '../../server/src/parser/dialect/punktForms';
import { SECTION_ROWS } from '../../server/src/parser/dialect/sections';

type Pattern = { name?: string; match: string; captures?: Record<string, { name: string; patterns?: { include: string }[] }> };

const WS = '[\\t\\p{Zs}]';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/ /g, `${WS}+`);
}

/** A JavaScript expression's source as Oniguruma reads it: the i flag as (?i:…), the anchors off (the caller adds them). */
function oniguruma(re: RegExp): string {
  let src = re.source.replace(/^\^/, '').replace(/\$$/, '');
  if (re.flags.includes('i')) src = `(?i:${src})`;
  return src;
}

/**
 * The punkt heading forms a line alone tells: the strong ones and the distinctive weak
 * ones. "1. Title" may as well be a numbered list; which such lines are headings only the
 * parser settles, by evidence a grammar cannot see.
 */
export function punktHeadingForms(): { patterns: Pattern[] } {
  return {
    patterns: PUNKT_FORMS.filter((f) => f.placement !== 'number-below' && (f.strong || f.distinct === true)).map((f) => {
      const indent = f.strong ? `${WS}*` : `${WS}?`;
      const captures: NonNullable<Pattern['captures']> = {
        '1': { name: 'punctuation.definition.heading.referat' },
        '2': { name: 'constant.numeric.punkt-number.referat' },
      };
      const titleGroup = f.repeatsNumber === true ? 4 : 3;
      if (f.repeatsNumber === true) captures['3'] = { name: 'constant.numeric.punkt-number.referat' };
      if (f.placement === 'inline' || f.placement === 'flattened') {
        captures[String(titleGroup)] = { name: 'entity.name.section.punkt-title.referat', patterns: [{ include: '#punkt-title' }] };
      }
      return {
        name: `markup.heading.punkt.${f.id}.referat`,
        match: `^${indent}(?:(#{1,6})${WS}+)?${oniguruma(f.re as RegExp)}${f.placement === 'flattened' ? '' : `${WS}*$`}`,
        captures,
      };
    }),
  };
}

const MAIN_KINDS = new Set(['resume', 'sagsfremstilling', 'indstilling', 'beslutning', 'bilag']);

function headingPattern(scope: string, names: readonly string[]): Pattern {
  // Longest first, so that "Beskrivelse af sagen" is tried before "Beskrivelse".
  const alternatives = [...new Set(names)].sort((a, b) => b.length - a.length).map(escape).join('|');
  return {
    name: `markup.heading.section.${scope}.referat`,
    match: `^${WS}*(?:(#{1,6})${WS}+)?(\\*\\*)?(?:•${WS}+)?((?i:${alternatives}))${WS}*(:|\\.)?${WS}*(\\*\\*)?${WS}*(:)?${WS}*$`,
    captures: {
      '1': { name: 'punctuation.definition.heading.referat' },
      '2': { name: 'punctuation.definition.bold.referat' },
      '3': { name: `entity.name.section.${scope}.referat` },
      '4': { name: 'punctuation.separator.colon.referat' },
      '5': { name: 'punctuation.definition.bold.referat' },
      '6': { name: 'punctuation.separator.colon.referat' },
    },
  };
}

/** The section headings of the table, one pattern per main kind, the TOC headings, and the rest as "other". */
export function sectionHeadings(): { patterns: Pattern[] } {
  const byScope = new Map<string, string[]>();
  for (const row of SECTION_ROWS) {
    const scope = MAIN_KINDS.has(row.kind) ? row.kind : 'other';
    byScope.set(scope, [...(byScope.get(scope) ?? []), ...row.names]);
  }
  const patterns: Pattern[] = [];
  for (const scope of ['resume', 'sagsfremstilling', 'indstilling', 'beslutning', 'bilag']) patterns.push(headingPattern(scope, byScope.get(scope) ?? []));
  patterns.push(headingPattern('toc', TOC_HEADINGS.map((t) => t.text)));
  patterns.push(headingPattern('other', byScope.get('other') ?? []));
  // "Indholdsfortegnelse1. Fraværende": the heading glued to its first entry.
  patterns.push({
    match: `^${WS}*(?:(#{1,6})${WS}+)?(Indholdsfortegnelse)(?=\\d)`,
    captures: { '1': { name: 'punctuation.definition.heading.referat' }, '2': { name: 'markup.heading.section.toc.referat entity.name.section.toc.referat' } },
  } as Pattern);
  return { patterns };
}

/** Export debris: the phrases of the table as whole lines, and its patterns. */
export function webDebris(): { patterns: Pattern[] } {
  const controls = DEBRIS_PHRASES.filter((p) => p.kind === 'export-control').map((p) => p.text);
  const cookies = DEBRIS_PHRASES.filter((p) => p.kind === 'cookie').map((p) => p.text);
  const page = DEBRIS_PHRASES.filter((p) => p.kind === 'page').map((p) => p.text);
  const line = (names: readonly string[]): string =>
    `^${WS}*(?:•${WS}+)?(?i:${[...names].sort((a, b) => b.length - a.length).map(escape).join('|')})${WS}*$`;
  return {
    patterns: [
      { name: 'comment.line.web-debris.referat', match: line(controls) },
      { name: 'comment.line.web-debris.cookies.referat', match: line(cookies) },
      { name: 'comment.line.web-debris.page.referat', match: line(page) },
      ...DEBRIS_PATTERNS.map((p) => ({ name: `comment.line.web-debris${p.kind === 'export-control' ? '' : p.kind === 'cookie' ? '.cookies' : '.page'}.referat`, match: `^${WS}*${oniguruma(p.re)}${WS}*$` })),
      {
        name: 'comment.line.web-debris.cookies.referat',
        match: `^${WS}*(?:.*\\b(?i:(?:hjemmeside|websted|side)${WS}+(?:bruger|anvender)${WS}+cookies)\\b.*)${WS}*$`,
      },
    ],
  };
}

export const GENERATED = {
  'punkt-heading-forms': punktHeadingForms,
  'section-heading': sectionHeadings,
  'web-debris': webDebris,
} as const;
