// Each configuration key changes what the linter reports: a document is linted with
// and without the key, through the same path the server and the CLI use
// (validate → resolve → parse with aliases → lint with options and severities).
import { describe, expect, it } from 'vitest';
import { resolveConfig, type ResolvedConfig } from '../../server/src/config/resolve';
import { completions, type CompletionOptions } from '../../server/src/features/completion';
import { linesOf } from '../../server/src/features/text';
import { validateConfigText } from '../../server/src/config/validate';
import { parseReferat } from '../../server/src/parser/parse';
import { lint, type LintDiagnostic } from '../../server/src/rules/engine';

function configOf(json: string, trusted = true): ResolvedConfig {
  const { config, issues } = validateConfigText(json);
  expect(issues).toEqual([]);
  return resolveConfig([{ config, source: 'file' }], { trusted });
}

function lintWith(text: string, json = '{}', trusted = true): LintDiagnostic[] {
  const c = configOf(json, trusted);
  return lint(text, parseReferat(text, c.parseOptions), { locale: c.locale ?? 'da', options: c.ruleOptions, severities: c.severities });
}

const rules = (ds: LintDiagnostic[], rule: string): string[] => ds.filter((d) => d.rule === rule).map((d) => d.message);

const REFERAT = [
  'REFERAT Økonomiudvalget d. 14-05-2024',
  '',
  'Punkt 1: Budget 2025',
  '',
  '24/100',
  '',
  'Indstilling',
  '',
  'Direktøren indstiller, at budgettet godkendes.',
  '',
  'Beslutning',
  '',
  'Godkendt. Se [bilaget](#).',
  '',
].join('\n');

describe('each key changes behaviour', () => {
  it('rules: turns a rule off and changes a severity', () => {
    expect(rules(lintWith(REFERAT), 'empty-link')).toHaveLength(1);
    expect(rules(lintWith(REFERAT, '{"rules": {"empty-link": "off"}}'), 'empty-link')).toEqual([]);
    const hinted = lintWith(REFERAT, '{"rules": {"empty-link": "hint"}}').filter((d) => d.rule === 'empty-link');
    expect(hinted.map((d) => d.severity)).toEqual(['hint']);
  });

  it('locale: English messages', () => {
    expect(rules(lintWith(REFERAT, '{"locale": "en"}'), 'empty-link')).toEqual(['The link "bilaget" points nowhere (#).']);
  });

  it('requiredSections: a dagsorden can be made to require a Resume', () => {
    const dagsorden = REFERAT.replace('REFERAT', 'DAGSORDEN').replace(/Beslutning\n\nGodkendt\. Se \[bilaget\]\(#\)\.\n/, '');
    expect(rules(lintWith(dagsorden), 'missing-section')).toEqual([]);
    expect(rules(lintWith(dagsorden, '{"requiredSections": {"dagsorden": ["resume", "indstilling"]}}'), 'missing-section')).toEqual([
      'Punkt 1 mangler afsnittet Resume.',
    ]);
    // Other kinds keep their defaults.
    expect(rules(lintWith(REFERAT, '{"requiredSections": {"dagsorden": ["resume"]}}'), 'missing-section')).toEqual([]);
  });

  it('sectionAliases: a municipality\'s own heading counts as the section', () => {
    const own = REFERAT.replace('Indstilling', 'Forvaltningens forslag:').replace('Direktøren indstiller, at budgettet godkendes.', 'Budgettet godkendes.');
    expect(rules(lintWith(own), 'missing-section')).toEqual(['Punkt 1 mangler afsnittet Indstilling.']);
    expect(rules(lintWith(own, '{"sectionAliases": {"Forvaltningens forslag": "indstilling"}}'), 'missing-section')).toEqual([]);
  });

  it('standingItems: an extra standing item needs no Indstilling and no case number', () => {
    const text = `${REFERAT}\nPunkt 2: Temadrøftelse om ledighed\n\nBeslutning\n\nDrøftet.\n`;
    expect(rules(lintWith(text), 'missing-section')).toEqual(['Punkt 2 mangler afsnittet Indstilling.']);
    expect(rules(lintWith(text), 'missing-case-number')).toEqual(['Punkt 2 har intet sagsnummer.']);
    const configured = lintWith(text, '{"standingItems": ["Temadrøftelse"]}');
    expect(rules(configured, 'missing-section')).toEqual([]);
    expect(rules(configured, 'missing-case-number')).toEqual([]);
    // The title must start with the item as a whole word.
    expect(rules(lintWith(text, '{"standingItems": ["Tema"]}'), 'missing-section')).toHaveLength(1);
    // Any text is taken literally, regex syntax and dashes included.
    const odd = text.replace('Temadrøftelse om ledighed', 'Tema-drøftelse (a+)+ [x]/y');
    expect(rules(lintWith(odd, '{"standingItems": ["tema-drøftelse (a+)+ [x]/y"]}'), 'missing-section')).toEqual([]);
  });

  it('standingItems with noDecision: no Beslutning needed either', () => {
    const text = `${REFERAT}\nPunkt 2: Studietur\n\nBilag\n\nIngen bilag.\n`;
    expect(rules(lintWith(text, '{"standingItems": ["Studietur"]}'), 'missing-section')).toEqual(['Punkt 2 mangler afsnittet Beslutning.']);
    expect(rules(lintWith(text, '{"standingItems": [{"title": "Studietur", "noDecision": true}]}'), 'missing-section')).toEqual([]);
  });

  it('caseNumberShapes: a shape the configuration does not allow is reported', () => {
    const kle = REFERAT.replace('24/100', '00.13.06-P22-2-23');
    expect(rules(lintWith(kle), 'case-number-format')).toEqual([]);
    expect(rules(lintWith(kle, '{"caseNumberShapes": ["acadre"]}'), 'case-number-format')).toEqual([
      'Sagsnummeret 00.13.06-P22-2-23 har formen "kle", som konfigurationen ikke tillader (tilladt: "acadre").',
    ]);
  });

  it('caseNumberPatterns: a custom shape is accepted, and unknown numbers name what is allowed', () => {
    const own = REFERAT.replace('24/100', 'SAG-2024-17');
    expect(rules(lintWith(own), 'case-number-format')).toEqual([
      'Sagsnummeret SAG-2024-17 har ingen kendt form (fx 00.13.06-P22-2-23, 24/19987 eller 17-004875).',
    ]);
    expect(rules(lintWith(own, String.raw`{"caseNumberPatterns": ["SAG-\\d{4}-\\d{1,6}"]}`), 'case-number-format')).toEqual([]);
    expect(rules(lintWith(own, String.raw`{"caseNumberShapes": ["acadre"], "caseNumberPatterns": ["J\\d+"]}`), 'case-number-format')).toEqual([
      'Sagsnummeret SAG-2024-17 har ingen af de former, konfigurationen tillader ("acadre", J\\d+).',
    ]);
  });

  it('caseNumberPatterns: a document mixing a custom shape with a built-in one is told so', () => {
    const text = `${REFERAT}\nPunkt 2: Lokalplan\n\nSAG-2024-17\n\nIndstilling\n\nAt planen vedtages.\n\nBeslutning\n\nGodkendt.\n\nPunkt 3: Vej\n\nSAG-2024-18\n\nIndstilling\n\nAt vejen anlægges.\n\nBeslutning\n\nGodkendt.\n`;
    const found = rules(lintWith(text, String.raw`{"caseNumberPatterns": ["SAG-\\d{4}-\\d{1,6}"]}`), 'case-number-format');
    expect(found).toEqual(['Sagsnummeret 24/100 har en anden form (år/løbenummer (Acadre)) end dokumentets øvrige (eget mønster SAG-\\d{4}-\\d{1,6}).']);
  });

  it('caseNumberPatterns: ignored in an untrusted workspace', () => {
    const own = REFERAT.replace('24/100', 'SAG-2024-17');
    const config = String.raw`{"caseNumberPatterns": ["SAG-\\d{4}-\\d{1,6}"]}`;
    expect(configOf(config, false).patternsIgnored).toBe(true);
    expect(rules(lintWith(own, config, false), 'case-number-format')).toHaveLength(1);
  });

  it('extends: a profile narrows the case-number shapes', () => {
    const kle = REFERAT.replace('24/100', '00.13.06-P22-2-23');
    expect(rules(lintWith(kle, '{"extends": "sbsys"}'), 'case-number-format')).toEqual([]);
    expect(rules(lintWith(kle, '{"extends": "acadre"}'), 'case-number-format')).toHaveLength(1);
    // The file's own keys win over the profile's.
    expect(rules(lintWith(kle, '{"extends": "acadre", "caseNumberShapes": ["acadre", "kle"]}'), 'case-number-format')).toEqual([]);
  });

  it('members: offered after "Afbud:" in a document without a member list', () => {
    const c = configOf('{"members": ["Peter Svane (D)", "Morten Thorøe"]}');
    expect(c.ruleOptions.members).toEqual(['Peter Svane (D)', 'Morten Thorøe']);
    const text = `${REFERAT}\nAfbud: `;
    const at = { line: text.split('\n').length - 1, character: 'Afbud: '.length };
    const offered = (opts: CompletionOptions): string[] => completions(parseReferat(text), linesOf(text), at, opts).map((i) => i.label);
    expect(offered({})).toEqual([]);
    expect(offered({ rules: c.ruleOptions })).toEqual(['Peter Svane (D)', 'Morten Thorøe']);
    // A document with its own member list uses that one.
    const own = text.replace('REFERAT Økonomiudvalget d. 14-05-2024\n', 'REFERAT Økonomiudvalget d. 14-05-2024\n\nMødedeltagere Henny Schøler, Knud Peter Wad\n');
    const ownAt = { line: own.split('\n').length - 1, character: 'Afbud: '.length };
    expect(completions(parseReferat(own), linesOf(own), ownAt, { rules: c.ruleOptions }).map((i) => i.label)).toEqual(['Henny Schøler', 'Knud Peter Wad']);
  });

  it('placeholders: a text of their own is a template leftover, also in an untrusted workspace (it is a literal)', () => {
    const text = REFERAT.replace('Godkendt.', 'Godkendt med [SAGSBEHANDLER UDFYLDER] i tilføjelse.');
    expect(rules(lintWith(text), 'template-leftover')).toEqual([]);
    const json = '{"placeholders": ["[Sagsbehandler udfylder]"]}';
    const expected = ['Pladsholder fra skabelonen, der ikke er udfyldt: "[SAGSBEHANDLER UDFYLDER]".'];
    expect(rules(lintWith(text, json), 'template-leftover')).toEqual(expected);
    expect(rules(lintWith(text, json, false), 'template-leftover')).toEqual(expected);
    expect(configOf(json, false).patternsIgnored).toBe(false);
  });
});

describe('layers', () => {
  it('punktForms: a heading form of their own makes the punkter readable', () => {
    const own = REFERAT.replace('Punkt 1: Budget 2025', '§ 1 - Budget 2025');
    expect(parseReferat(own).punkter).toEqual([]);
    expect(rules(lintWith(own), 'unrecognized-layout')).toEqual([]);
    const m = parseReferat(own, configOf('{"punktForms": ["^§ (\\\\d+) - (.+)$"]}').parseOptions);
    expect(m.punkter.map((p) => [p.number, p.title, p.caseNumbers.map((c) => c.value)])).toEqual([[1, 'Budget 2025', ['24/100']]]);
    // Not in an untrusted workspace: patterns anyone can commit are not run there.
    expect(parseReferat(own, configOf('{"punktForms": ["^§ (\\\\d+) - (.+)$"]}', false).parseOptions).punkter).toEqual([]);
  });

  it('fieldLabels: a label of their own carries the case number', () => {
    const own = REFERAT.replace('24/100', 'Akt-id: 24/100');
    expect(parseReferat(own).punkter[0]?.caseNumbers).toEqual([]);
    const withLabel = parseReferat(own, configOf('{"fieldLabels": ["Akt-id"]}').parseOptions);
    expect(withLabel.punkter[0]?.caseNumbers.map((c) => [c.value, c.field])).toEqual([['24/100', 'Akt-id']]);
    expect(parseReferat(own, configOf('{"fieldLabels": ["Akt-id"]}', false).parseOptions).punkter[0]?.caseNumbers).toEqual([]);
  });

  it('dialects: a layout that is off by default is switched on, also by a profile', () => {
    const own = REFERAT.replace('Punkt 1: Budget 2025', 'Dagsordenspunkt 1: Budget 2025');
    // Without it the line is at most an unnumbered title over its case number.
    expect(parseReferat(own).punkter.map((p) => p.number)).toEqual([null]);
    expect(parseReferat(own, configOf('{"dialects": ["dagsordenspunkt"]}').parseOptions).punkter.map((p) => p.title)).toEqual(['Budget 2025']);
    const profile = { id: 'standard' as const, da: '', en: '', seenIn: '', config: { dialects: ['dagsordenspunkt'] } };
    const viaProfile = resolveConfig([{ config: { extends: 'standard' }, source: 'file' }], { trusted: false, profiles: { standard: profile } });
    expect(parseReferat(own, viaProfile.parseOptions).punkter.map((p) => p.title)).toEqual(['Budget 2025']);
  });

  it('settings lie under the file; the file\'s extends wins over the settings\'', () => {
    const settings = validateConfigText('{"extends": "acadre", "rules": {"empty-link": "off", "heading-levels": "off"}, "locale": "en"}').config;
    const file = validateConfigText('{"extends": "sbsys", "rules": {"empty-link": "error"}}').config;
    const c = resolveConfig(
      [
        { config: settings, source: 'settings' },
        { config: file, source: 'file' },
      ],
      { trusted: true },
    );
    expect(c.profile).toBe('sbsys');
    expect(c.ruleOptions.caseNumberShapes).toEqual(['kle', 'kle-uden-facet']);
    expect(c.severities).toEqual({ 'empty-link': 'error', 'heading-levels': 'off' });
    expect(c.locale).toBe('en');
  });

  it('without any config the options are the defaults', () => {
    const c = resolveConfig([], { trusted: true });
    expect(c.ruleOptions.caseNumberShapes).toBeUndefined();
    expect(c.parseOptions).toEqual({});
    expect(c.severities).toEqual({});
  });
});
