// The explicit rule registry: the order here is the order of the catalogue.
import missingSection from './missing-section';
import emptySection from './empty-section';
import punktNumbering from './punkt-numbering';
import tocMismatch from './toc-mismatch';
import caseNumberFormat from './case-number-format';
import caseNumberMismatch from './case-number-mismatch';
import duplicateCaseNumber from './duplicate-case-number';
import missingCaseNumber from './missing-case-number';
import meetingDate from './meeting-date';
import encodingDamage from './encoding-damage';
import exportDebris from './export-debris';
import mergedHeadings from './merged-headings';
import listNumbering from './list-numbering';
import emptyLink from './empty-link';
import headingLevels from './heading-levels';
import unrecognizedLayout from './unrecognized-layout';
import unknownMember from './unknown-member';
import absentAndPresent from './absent-and-present';
import voteCount from './vote-count';
import inhabilitet from './inhabilitet';
import personalData from './personal-data';
import templateLeftover from './template-leftover';
import agendaMismatch from './agenda-mismatch';
import type { RuleDefinition } from './types';

export const RULES: readonly RuleDefinition[] = [
  missingSection,
  emptySection,
  punktNumbering,
  tocMismatch,
  caseNumberFormat,
  caseNumberMismatch,
  duplicateCaseNumber,
  missingCaseNumber,
  meetingDate,
  encodingDamage,
  exportDebris,
  mergedHeadings,
  listNumbering,
  emptyLink,
  headingLevels,
  unrecognizedLayout,
  unknownMember,
  absentAndPresent,
  voteCount,
  inhabilitet,
  personalData,
  templateLeftover,
  agendaMismatch,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function ruleById(id: string): RuleDefinition | undefined {
  return RULES.find((r) => r.id === id);
}
