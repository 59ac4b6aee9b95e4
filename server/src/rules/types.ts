// The rule contract. Rules are pure: they read the model (and the raw lines)
// and return plain findings; the engine localizes, applies severities and turns
// them into diagnostics.
import type { DocumentKind, Range, ReferatModel, SectionKind } from '../model';
import type { CaseNumberShape } from '../parser/dialect/caseNumbers';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** Message id of the fix title in the rule's messages. */
  messageId: string;
  args?: Record<string, string | number>;
  edits: TextEdit[];
  /** Safe fixes are applied by `referat lint --fix` and fix-all. */
  safe: boolean;
}

export interface Finding {
  messageId: string;
  args?: Record<string, string | number>;
  range: Range;
  /** Plain data for quick fixes and tests. */
  data?: Record<string, unknown>;
  fix?: Fix;
  /** Overrides the rule's severity for this finding. */
  severity?: Severity;
}

/**
 * A custom case-number pattern from the configuration: anchored at both ends, run by
 * re2js in linear time (see config/linearRegex.ts), and only ever tested against one sagsnummer.
 */
export interface CaseNumberPattern {
  /** The pattern as written in the configuration. */
  source: string;
  regex: { test(value: string): boolean };
}

/** What a rule can be told; config/resolve.ts fills this from files, profiles and settings. */
export interface RuleOptions {
  requiredSections: Record<DocumentKind, SectionKind[]>;
  /** Standing items: exempt from Indstilling and from a case number. */
  standingItems: RegExp[];
  /** Standing items that are also exempt from Beslutning. */
  noDecisionItems: RegExp[];
  /** The built-in case-number shapes a document may use; all of them when absent. */
  caseNumberShapes?: readonly CaseNumberShape[];
  /** Custom case-number patterns (linear, anchored) accepted beside the shapes. */
  caseNumberPatterns?: readonly CaseNumberPattern[];
  /** Member names for documents whose header lists none ("Peter Svane (D)"). */
  members?: readonly string[];
  /** Placeholder texts of the configuration's own (literals, case-insensitive), beside the built-in forms. */
  placeholders?: readonly string[];
}

/** A punkt of another document, as far as a comparison needs it (a model's punkt or a workspace summary's). */
export interface RelatedPunkt {
  readonly number: number | null;
  readonly title: string;
  /** Document numbers (Dok.nr.) are marked and never compared. */
  readonly caseNumbers: readonly { readonly value: string; readonly document?: true }[];
}

/** Another document of the same meeting. */
export interface RelatedDocument {
  /** The file name, as findings name it ("Dagsorden ØU 14-05-2024.txt"). */
  readonly name: string;
  readonly punkter: readonly RelatedPunkt[];
}

/**
 * The documents a rule compares with, found by the caller (the server's workspace index,
 * the files of one CLI run; rules/sameMeeting.ts pairs them), so that rules stay pure.
 */
export interface RelatedDocuments {
  /** The dagsordener of the same meeting (same committee and meeting date). */
  readonly agendas: readonly RelatedDocument[];
}

export interface RuleContext {
  model: ReferatModel;
  lines: readonly string[];
  options: RuleOptions;
  /** Absent when the caller has no other documents: cross-document rules then say nothing. */
  related?: RelatedDocuments;
}

export interface RuleDefinition {
  id: string;
  description: { da: string; en: string };
  defaultSeverity: Severity;
  tags: readonly string[];
  fixable: boolean;
  /** Message templates with {name} placeholders, one set per locale with the same keys. */
  messages: { da: Record<string, string>; en: Record<string, string> };
  check(ctx: RuleContext): Finding[];
}

export function defineRule(def: RuleDefinition): RuleDefinition {
  return def;
}
