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
}

export interface RuleContext {
  model: ReferatModel;
  lines: readonly string[];
  options: RuleOptions;
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
