// From validated configs to what the parser and the rules take. Layers, lowest first:
// the built-in defaults, the profile named by "extends" (the file's, else the
// settings'), the referat.* settings, and the nearest .referatrc.json. Objects
// (rules, requiredSections, sectionAliases) merge key by key; standingItems add to the
// built-in ones; lists (caseNumberShapes, caseNumberPatterns, members, placeholders) and locale replace.
import type { DocumentKind, SectionKind } from '../model';
import type { ParseOptions } from '../parser/parse';
import { headingKey, type SectionAlias } from '../parser/dialect/sections';
import { escapeRegExp } from '../parser/lines';
import { DEFAULT_OPTIONS } from '../rules/options';
import type { CaseNumberPattern, RuleOptions, Severity } from '../rules/types';
import type { Locale } from '../l10n/locale';
import { PROFILES, type Profile, type ProfileId } from './profiles';
import { compileLinear } from './linearRegex';
import { compilePunktForm } from './punktFormConfig';
import { OPTIONAL_DIALECTS } from '../parser/dialect/optional';
import type { FieldLabel } from '../parser/dialect/fields';
import type { PunktForm } from '../parser/dialect/punktForms';
import { DEFAULT_MAX_DOCUMENT_MB, type ConfiguredSeverity, type ReferatConfig, type StandingItemConfig } from './schema';

export interface ConfigLayer {
  config: ReferatConfig;
  /** Where it came from; only 'file' and 'settings' can carry custom patterns from a workspace. */
  source: 'settings' | 'file';
}

export interface ResolvedConfig {
  /** The locale the configuration asks for, if any (the caller has its own default). */
  locale: Locale | undefined;
  profile: ProfileId | null;
  ruleOptions: RuleOptions;
  severities: Record<string, Severity | 'off'>;
  parseOptions: ParseOptions;
  /** Custom patterns were configured but not used, because the workspace is not trusted. */
  patternsIgnored: boolean;
  /** The longest text checked, in UTF-16 code units (maxDocumentSize MB). */
  maxDocumentChars: number;
  /** Globs for the folder walk (include, exclude); the highest layer that sets one replaces the lower. */
  files: { include: readonly string[]; exclude: readonly string[] };
}

/** Sub-headings that nest under an open Sagsfremstilling in plain text (as in sections.ts). */
const SUB_KINDS: ReadonlySet<SectionKind> = new Set(['historik', 'beskrivelse', 'alternativer', 'tidsperspektiv']);


/** A standing-item title as a regex over the start of a punkt title (literal, case-insensitive). */
export function titlePrefix(title: string): RegExp {
  try {
    return new RegExp(`^${escapeRegExp(title.trim())}(?![\\p{L}\\p{N}])`, 'iu');
  } catch {
    // Cannot happen for escaped text; a config must never crash the server all the same.
    return /(?!)/;
  }
}

/** `profiles` replaces the built-in profile table (for tests of what a profile can carry). */
export function resolveConfig(layers: readonly ConfigLayer[], opts: { trusted: boolean; profiles?: Partial<Record<ProfileId, Profile>> }): ResolvedConfig {
  const fileExtends = layers.filter((l) => l.source === 'file').map((l) => l.config.extends);
  const settingsExtends = layers.filter((l) => l.source === 'settings').map((l) => l.config.extends);
  const profileId = [...settingsExtends, ...fileExtends].reverse().find((e) => e !== undefined) ?? null;
  const profile = profileId !== null ? (opts.profiles ?? PROFILES)[profileId] : undefined;
  const all: ReferatConfig[] = [profile?.config ?? {}, ...layers.map((l) => l.config)];

  let locale: Locale | undefined;
  const severities: Record<string, ConfiguredSeverity> = {};
  const requiredSections: Record<DocumentKind, SectionKind[]> = { ...DEFAULT_OPTIONS.requiredSections };
  const aliases = new Map<string, SectionAlias>();
  const standing: StandingItemConfig[] = [];
  let shapes: RuleOptions['caseNumberShapes'];
  let patternSources: readonly string[] | undefined;
  let members: readonly string[] | undefined;
  let placeholders: readonly string[] | undefined;
  let punktForms: ReferatConfig['punktForms'];
  let fieldLabels: ReferatConfig['fieldLabels'];
  let dialects: ReferatConfig['dialects'];
  let maxMb = DEFAULT_MAX_DOCUMENT_MB;
  let include: readonly string[] = [];
  let exclude: readonly string[] = [];

  for (const c of all) {
    if (c.locale !== undefined) locale = c.locale;
    if (c.maxDocumentSize !== undefined) maxMb = c.maxDocumentSize;
    if (c.include !== undefined) include = c.include;
    if (c.exclude !== undefined) exclude = c.exclude;
    for (const [rule, severity] of Object.entries(c.rules ?? {})) if (severity !== undefined) severities[rule] = severity;
    for (const [kind, sections] of Object.entries(c.requiredSections ?? {}) as [DocumentKind, SectionKind[] | undefined][]) {
      if (sections !== undefined) requiredSections[kind] = [...new Set(sections)];
    }
    for (const [heading, kind] of Object.entries(c.sectionAliases ?? {})) {
      aliases.set(headingKey(heading.trim()), SUB_KINDS.has(kind) ? { kind, subOfSagsfremstilling: true } : { kind });
    }
    standing.push(...(c.standingItems ?? []));
    if (c.caseNumberShapes !== undefined) shapes = [...new Set(c.caseNumberShapes)];
    if (c.caseNumberPatterns !== undefined) patternSources = c.caseNumberPatterns;
    if (c.members !== undefined) members = c.members;
    if (c.placeholders !== undefined) placeholders = c.placeholders;
    if (c.punktForms !== undefined) punktForms = c.punktForms;
    if (c.fieldLabels !== undefined) fieldLabels = c.fieldLabels;
    if (c.dialects !== undefined) dialects = c.dialects;
  }

  let patterns: CaseNumberPattern[] | undefined;
  let patternsIgnored = false;
  if (patternSources !== undefined && patternSources.length > 0) {
    if (!opts.trusted) {
      patternsIgnored = true;
    } else {
      // Validation already refused the patterns RE2 cannot run; compileLinear checks again (it is cheap).
      patterns = [];
      for (const source of patternSources) {
        const regex = compileLinear(source, { javascript: true, anchored: true });
        if (regex !== null) patterns.push({ source, regex });
      }
    }
  }

  const ruleOptions: RuleOptions = {
    requiredSections,
    standingItems: [...DEFAULT_OPTIONS.standingItems, ...standing.map((s) => titlePrefix(typeof s === 'string' ? s : s.title))],
    noDecisionItems: [...DEFAULT_OPTIONS.noDecisionItems, ...standing.filter((s) => typeof s !== 'string' && s.noDecision === true).map((s) => titlePrefix((s as { title: string }).title))],
  };
  if (shapes !== undefined) ruleOptions.caseNumberShapes = shapes;
  if (patterns !== undefined) ruleOptions.caseNumberPatterns = patterns;
  if (members !== undefined) ruleOptions.members = members;
  // Literal texts, searched for as they are: safe in a workspace nobody trusts, so used there too.
  if (placeholders !== undefined) ruleOptions.placeholders = placeholders;

  // A layout described in the configuration: the rows the parser adds to its tables.
  const parseOptions: ParseOptions = {};
  if (aliases.size > 0) parseOptions.sectionAliases = aliases;
  const forms: PunktForm[] = [];
  for (const id of dialects ?? []) for (const d of OPTIONAL_DIALECTS) if (d.id === id) forms.push(...d.forms);
  const custom = (punktForms ?? []).length + (fieldLabels ?? []).length > 0;
  if (custom && !opts.trusted) {
    // Patterns and labels from a workspace anyone can write are read only when it is trusted.
    patternsIgnored = true;
  } else {
    (punktForms ?? []).forEach((f, i) => {
      const form = compilePunktForm(typeof f === 'string' ? { pattern: f } : f, i);
      if (form !== null) forms.push(form);
    });
    const labels: FieldLabel[] = (fieldLabels ?? []).map((l) => {
      const label = typeof l === 'string' ? l : l.label;
      const role = typeof l === 'string' ? 'sag' : (l.role ?? 'sag');
      return { label, key: role === 'dokument' ? 'doknr' : 'sagsnr', role, example: `${label}: 24/1001`, seen: '.referatrc.json' };
    });
    if (labels.length > 0) parseOptions.fieldLabels = labels;
  }
  if (forms.length > 0) parseOptions.punktForms = forms;

  return {
    locale,
    profile: profileId,
    ruleOptions,
    severities,
    parseOptions,
    patternsIgnored,
    maxDocumentChars: Math.round(maxMb * 1024 * 1024),
    files: { include, exclude },
  };
}
