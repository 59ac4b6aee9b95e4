// The one schema for Referat's configuration. It is the single source for:
//   - the TypeScript types (ReferatConfig),
//   - validation of .referatrc.json files and of the referat.* settings (validate.ts),
//   - the JSON schema VS Code uses for .referatrc.json (schemas/referatrc.schema.json,
//     written from configJsonSchema(); a test checks the committed file),
//   - the referat.* settings in package.json (settingsContribution(); a test checks them),
//   - the key descriptions in package.nls.json / package.nls.da.json (KEY_DOCS).
// zod/mini: the same schemas as 'zod' with functions instead of methods, so that the
// server bundle carries only what this schema uses (about 70 KB less).
import * as z from 'zod/mini';
import type { DocumentKind, SectionKind } from '../model';
import { CASE_NUMBER_SHAPES, type CaseNumberShape } from '../parser/dialect/caseNumbers';
import { RULES } from '../rules/registry';
import { linearError, MAX_LINEAR_PATTERN_LENGTH } from './linearRegex';
import { OPTIONAL_DIALECT_IDS } from '../parser/dialect/optional';
import { MAX_CUSTOM_PLACEHOLDERS, MAX_PLACEHOLDER_LENGTH } from '../parser/dialect/placeholders';
import { checkPunktForm, MAX_PUNKT_FORMS } from './punktFormConfig';
import { PROFILE_IDS } from './profiles';

export const CONFIG_FILE_NAME = '.referatrc.json';

export const SEVERITIES = ['off', 'error', 'warning', 'information', 'hint'] as const;
export type ConfiguredSeverity = (typeof SEVERITIES)[number];

export const DOCUMENT_KINDS = ['referat', 'dagsorden', 'beslutningsprotokol', 'unknown'] as const satisfies readonly DocumentKind[];

export const SECTION_KINDS = [
  'resume',
  'sagsfremstilling',
  'indstilling',
  'beslutning',
  'bilag',
  'økonomi',
  'lovgrundlag',
  'høring',
  'tidligere-behandling',
  'konsekvenser',
  'kommunikation',
  'procesplan',
  'effektvurdering',
  'kompetence',
  'punktoplysninger',
  'historik',
  'beskrivelse',
  'alternativer',
  'tidsperspektiv',
  'fremmøde',
  'other',
] as const satisfies readonly SectionKind[];
// Every SectionKind is listed: this line fails to compile if model.ts gains one.
const _allSectionKinds: Exclude<SectionKind, (typeof SECTION_KINDS)[number]> extends never ? true : never = true;
void _allSectionKinds;

const SHAPE_IDS = CASE_NUMBER_SHAPES.map((s) => s.id) as [CaseNumberShape, ...CaseNumberShape[]];

export const MAX_PATTERNS = 20;
export const MAX_TITLE_LENGTH = 120;
export const MAX_HEADING_LENGTH = 80;

/** The top-level keys, in the order they are documented. */
export const CONFIG_KEYS = [
  '$schema',
  'extends',
  'locale',
  'rules',
  'requiredSections',
  'sectionAliases',
  'standingItems',
  'caseNumberShapes',
  'caseNumberPatterns',
  'members',
  'placeholders',
  'punktForms',
  'fieldLabels',
  'dialects',
  'maxDocumentSize',
  'include',
  'exclude',
  'autoDetect',
] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** Descriptions of the keys, Danish and English (package.nls*.json carry the same text). */
export const KEY_DOCS: Readonly<Record<ConfigKey, { da: string; en: string }>> = {
  $schema: {
    da: 'Sti eller URL til JSON-skemaet (valgfri; VS Code finder det selv).',
    en: 'Path or URL of the JSON schema (optional; VS Code finds it by itself).',
  },
  extends: {
    da: 'Indbygget profil for et kommunalt system eller en eksport, fx "acadre", "sbsys" eller "ringkobing-skjern". Se docs/configuration.md.',
    en: 'Built-in profile for a municipal system or export, such as "acadre", "sbsys" or "ringkobing-skjern". See docs/configuration.md.',
  },
  locale: {
    da: 'Sprog for diagnosticeringer (da eller en).',
    en: 'Language of diagnostics (da or en).',
  },
  rules: {
    da: 'Slå regler fra eller skift deres alvor: { "regel-id": "off" | "error" | "warning" | "information" | "hint" }.',
    en: 'Turn rules off or change their severity: { "rule-id": "off" | "error" | "warning" | "information" | "hint" }.',
  },
  requiredSections: {
    da: 'Afsnit, som hvert punkt skal have, pr. dokumenttype (referat, dagsorden, beslutningsprotokol, unknown).',
    en: 'Sections every punkt must have, per document kind (referat, dagsorden, beslutningsprotokol, unknown).',
  },
  sectionAliases: {
    da: 'Kommunens egne afsnitsoverskrifter og deres slags: { "Forvaltningens forslag": "indstilling" }. Overskriften sammenlignes uden forskel på store og små bogstaver.',
    en: "The municipality's own section headings and their kind: { \"Forvaltningens forslag\": \"indstilling\" }. Headings are compared case-insensitively.",
  },
  standingItems: {
    da: 'Ekstra faste punkter (titlens begyndelse), som ikke behøver Indstilling eller sagsnummer; { "title": "…", "noDecision": true } behøver heller ikke Beslutning.',
    en: 'Extra standing items (start of the title) that need no Indstilling or case number; { "title": "…", "noDecision": true } needs no Beslutning either.',
  },
  caseNumberShapes: {
    da: 'De indbyggede sagsnummerformer, dokumenterne må bruge (standard: alle).',
    en: 'The built-in case-number shapes documents may use (default: all).',
  },
  caseNumberPatterns: {
    da: 'Egne sagsnummerformer som regulære udtryk (JavaScript, u-flag), som prøves mod hele sagsnummeret. Mønstrene køres i lineær tid (RE2: ingen lookaround eller tilbagereferencer). Bruges ikke i et ikke-betroet arbejdsområde.',
    en: 'Custom case-number shapes as regular expressions (JavaScript, u flag), tested against the whole case number. Patterns run in linear time (RE2: no lookaround or backreferences). Not used in an untrusted workspace.',
  },
  members: {
    da: 'Udvalgets medlemmer, til dokumenter uden deltagerliste, fx "Peter Svane (D)".',
    en: 'The committee members, for documents without a list of members, such as "Peter Svane (D)".',
  },
  placeholders: {
    da: 'Jeres egne pladsholdere og hjælpetekster ud over de indbyggede ("[Her skrives …]", "kr. XX", "TODO" …), som reglen template-leftover melder, fx ["[Sagsbehandler udfylder]", "UDFYLDES"]. Teksterne er bogstavelige (ikke mønstre) og sammenlignes uden forskel på store og små bogstaver.',
    en: 'Your own placeholders and help texts beside the built-in ones ("[Her skrives …]", "kr. XX", "TODO" …), reported by the rule template-leftover, such as ["[Sagsbehandler udfylder]", "UDFYLDES"]. The texts are literal (not patterns) and compared case-insensitively.',
  },
  punktForms: {
    da: 'Jeres egne punktoverskrifter som regulære udtryk med nummeret i gruppe 1 og titlen i gruppe 2 (eller (?<n>…) og (?<title>…)), fx { "pattern": "^Dagsordenspunkt (\\d+): (.+)$", "example": "Dagsordenspunkt 3: Budget" }. Mønstrene køres i lineær tid (RE2: ingen lookaround eller tilbagereferencer). Bruges ikke i et ikke-betroet arbejdsområde.',
    en: 'Your own punkt headings as regular expressions with the number in group 1 and the title in group 2 (or (?<n>…) and (?<title>…)), such as { "pattern": "^Dagsordenspunkt (\\d+): (.+)$", "example": "Dagsordenspunkt 3: Budget" }. Patterns run in linear time (RE2: no lookaround or backreferences). Not used in an untrusted workspace.',
  },
  fieldLabels: {
    da: 'Jeres egne feltnavne for sagsnummeret, fx ["Journalnr.", "Akt-id"], eller { "label": "Dok-id", "role": "dokument" } for et dokumentnummer. Bruges ikke i et ikke-betroet arbejdsområde.',
    en: 'Your own field labels for the case number, such as ["Journalnr.", "Akt-id"], or { "label": "Dok-id", "role": "dokument" } for a document number. Not used in an untrusted workspace.',
  },
  maxDocumentSize: {
    da: 'Den største tekst i MB, Referat tjekker (standard 10). Et større dokument tjekkes ikke, og det siges med en fejl i linje 1, så editoren ikke står stille.',
    en: 'The largest text in MB that Referat checks (default 10). A larger document is not checked, and an error on line 1 says so, so that the editor does not stall.',
  },
  autoDetect: {
    da: 'Kun i editoren: når en tekst- eller Markdown-fil ligner et referat, spørg én gang ("ask"), brug Referat med det samme ("always", husket for mappen, når du vælger "Altid i denne mappe"), eller lad være ("never"). Filen ændres aldrig.',
    en: 'Editor only: when a plaintext or Markdown file looks like minutes, ask once ("ask"), use Referat at once ("always", remembered for the folder when you choose "Always in this folder"), or do nothing ("never"). The file is never changed.',
  },
  include: {
    da: 'Glob-mønstre for filer, der altid er referater, uanset navn, fx ["referater/**/*.txt"]. Stien regnes fra den mappe, der gennemgås. Uden dem tages *.referat*-filer og de .txt- og .md-filer, hvis indhold ligner et referat.',
    en: 'Glob patterns for files that are always minutes, whatever their name, such as ["referater/**/*.txt"]. The path is relative to the folder walked. Without them, *.referat* files are taken, and the .txt and .md files whose content looks like minutes.',
  },
  exclude: {
    da: 'Glob-mønstre for filer, der aldrig tjekkes i en mappe, fx ["arkiv/**", "**/udkast-*.md"]. En fil, der nævnes direkte på kommandolinjen, tjekkes altid.',
    en: 'Glob patterns for files never checked in a folder, such as ["arkiv/**", "**/udkast-*.md"]. A file named on the command line is always checked.',
  },
  dialects: {
    da: 'Layouts, der kun læses, når de slås til, fordi de andre steder er almindelig tekst: "dagsordenspunkt" ("Dagsordenspunkt 3: Titel").',
    en: 'Layouts that are read only when switched on, because elsewhere they are ordinary text: "dagsordenspunkt" ("Dagsordenspunkt 3: Title").',
  },
};

function doc(key: ConfigKey): string {
  return `${KEY_DOCS[key].da}\n\n${KEY_DOCS[key].en}`;
}

const severity = z.enum(SEVERITIES);
const sectionKind = z.enum(SECTION_KINDS);

/** An optional key with its description (for the JSON schema and the settings). */
function described<T extends z.ZodMiniType>(schema: T, description: string): z.ZodMiniOptional<T> {
  return z.optional(schema).check(z.meta({ description }));
}

const rulesSchema = z.strictObject(Object.fromEntries(RULES.map((r) => [r.id, described(severity, `${r.description.da}\n\n${r.description.en}`)])));

const requiredSectionsSchema = z.strictObject(
  Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, z.optional(z.array(sectionKind))])) as Record<DocumentKind, z.ZodMiniOptional<z.ZodMiniArray<typeof sectionKind>>>,
);

const title = z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TITLE_LENGTH));

/** A case-number pattern; the refinement refuses what RE2 cannot run and what is not valid JavaScript (params.reason says why). */
export const patternSchema = z.string().check(
  z.minLength(1),
  z.maxLength(MAX_LINEAR_PATTERN_LENGTH),
  z.superRefine((source: string, ctx) => {
    const check = linearError(source, { javascript: true });
    if (check !== null) ctx.addIssue({ code: 'custom', message: check.reason, params: { reason: check.reason, detail: check.detail } });
  }),
);

const label = z.string().check(z.trim(), z.minLength(2), z.maxLength(40), z.regex(/^\p{L}[\p{L}\p{N} .-]*$/u));

/** A punkt heading pattern; the refinement refuses what cannot run in linear time, lacks a number group or does not match its example. */
const punktPattern = z.string().check(z.minLength(1), z.maxLength(MAX_LINEAR_PATTERN_LENGTH));
const punktFormSchema = z
  .union([punktPattern, z.strictObject({ pattern: punktPattern, example: z.optional(z.string().check(z.maxLength(400))) })])
  .check(
    z.superRefine((value: string | { pattern: string; example?: string | undefined }, ctx) => {
      const check = checkPunktForm(typeof value === 'string' ? { pattern: value } : value);
      if (check !== null) ctx.addIssue({ code: 'custom', message: check.reason, params: { reason: check.reason, detail: check.detail } });
    }),
  );

export const configSchema = z.strictObject({
  $schema: described(z.string(), doc('$schema')),
  extends: described(z.enum(PROFILE_IDS), doc('extends')),
  locale: described(z.enum(['da', 'en']), doc('locale')),
  rules: described(rulesSchema, doc('rules')),
  requiredSections: described(requiredSectionsSchema, doc('requiredSections')),
  sectionAliases: described(z.record(z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_HEADING_LENGTH)), sectionKind), doc('sectionAliases')),
  standingItems: described(z.array(z.union([title, z.strictObject({ title, noDecision: z.optional(z.boolean()) })])).check(z.maxLength(100)), doc('standingItems')),
  caseNumberShapes: described(z.array(z.enum(SHAPE_IDS)), doc('caseNumberShapes')),
  caseNumberPatterns: described(z.array(patternSchema).check(z.maxLength(MAX_PATTERNS)), doc('caseNumberPatterns')),
  members: described(z.array(title).check(z.maxLength(200)), doc('members')),
  placeholders: described(
    z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_PLACEHOLDER_LENGTH))).check(z.maxLength(MAX_CUSTOM_PLACEHOLDERS)),
    doc('placeholders'),
  ),
  punktForms: described(z.array(punktFormSchema).check(z.maxLength(MAX_PUNKT_FORMS)), doc('punktForms')),
  fieldLabels: described(
    z.array(z.union([label, z.strictObject({ label, role: z.optional(z.enum(['sag', 'dokument'])) })])).check(z.maxLength(40)),
    doc('fieldLabels'),
  ),
  dialects: described(z.array(z.enum(OPTIONAL_DIALECT_IDS)), doc('dialects')),
  autoDetect: described(z.enum(['ask', 'always', 'never']), doc('autoDetect')),
  include: described(z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(100)), doc('include')),
  exclude: described(z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(100)), doc('exclude')),
  maxDocumentSize: described(z.number().check(z.minimum(0.1), z.maximum(1000)), doc('maxDocumentSize')),
});

/** The default of maxDocumentSize, in MB: a real referat is well below 1 MB of text; 50 MB stalled the server for 6 s. */
export const DEFAULT_MAX_DOCUMENT_MB = 10;

export type ReferatConfig = z.infer<typeof configSchema>;
export type StandingItemConfig = NonNullable<ReferatConfig['standingItems']>[number];

type JsonObject = Record<string, unknown>;

/** The JSON schema for .referatrc.json (draft-07, which every JSON language service reads). */
export function configJsonSchema(): JsonObject {
  const generated = z.toJSONSchema(configSchema, { target: 'draft-7', io: 'input' }) as JsonObject;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: 'https://referat.invalid/schemas/referatrc.schema.json',
    title: 'Referat: .referatrc.json',
    description: 'Konfiguration af Referat (kommentarer er tilladt). / Referat configuration (comments allowed).',
    ...rest,
    // VS Code's JSON language service: comments and trailing commas are fine here.
    allowComments: true,
    allowTrailingCommas: true,
  };
}

function stripDescriptions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDescriptions);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value as JsonObject)) if (k !== 'description') out[k] = stripDescriptions(v);
  return out;
}

/**
 * package.json contributes.configuration. Every config key but $schema is a setting
 * referat.<key> with the same JSON schema; its description is %config.<key>% (from the
 * nls files). Settings other than referat.locale default to null, meaning "not set", so
 * that an unset setting never overrides a profile (VS Code would otherwise hand the
 * server [] or {} for them).
 */
export function settingsContribution(): JsonObject {
  const schema = configJsonSchema() as { properties: Record<string, JsonObject> };
  const properties: Record<string, JsonObject> = {};
  for (const key of CONFIG_KEYS) {
    if (key === '$schema') continue;
    const prop = stripDescriptions(schema.properties[key]) as JsonObject;
    if (key === 'locale') {
      properties['referat.locale'] = { ...prop, default: 'da', description: `%config.${key}%` };
      continue;
    }
    const type = prop['type'] as string;
    const setting: JsonObject = { ...prop, type: [type, 'null'], default: null, description: `%config.${key}%` };
    if (Array.isArray(prop['enum'])) setting['enum'] = [...(prop['enum'] as unknown[]), null];
    properties[`referat.${key}`] = setting;
  }
  return { title: 'Referat', properties };
}
