// Placeholders and help text left from the template: "[Her skrives …]", "HUSK denne
// hjælpetekst skal slettes", "kr. XX", "TODO", "Lorem ipsum", "[Indsæt dato]". The forms
// are the rows of parser/dialect/placeholders.ts, plus the configuration's own texts
// (`placeholders`, literals); the pre-filter is built from their hints.
import { linesMatching } from '../parser/lines';
import { BUILT_IN_PLACEHOLDERS, customPlaceholder, findPlaceholders, PLACEHOLDER_FORMS, placeholderSet, type PlaceholderSet } from '../parser/dialect/placeholders';
import { defineRule, type Finding, type RuleOptions } from './types';
import { range } from './textUtil';

// One compiled set per configured list, so that linesMatching's answer is kept per expression.
const compiled = new WeakMap<readonly string[], PlaceholderSet>();

function setFor(options: RuleOptions): PlaceholderSet {
  const custom = options.placeholders;
  if (custom === undefined || custom.length === 0) return BUILT_IN_PLACEHOLDERS;
  let set = compiled.get(custom);
  if (set === undefined) {
    const own = custom.filter((t) => t.trim() !== '').map((t, i) => customPlaceholder(t, i));
    set = placeholderSet([...PLACEHOLDER_FORMS, ...own]);
    compiled.set(custom, set);
  }
  return set;
}

/** Only spaces and a list bullet before the help text on its line. */
function onlyLead(text: string): boolean {
  return /^[\s\-–•*·]*$/.test(text);
}

function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export default defineRule({
  id: 'template-leftover',
  description: {
    da: 'Pladsholdere og hjælpetekst fra skabelonen, der er blevet stående: "[Her skrives …]", "HUSK … slettes", "kr. XX", "TODO", "Lorem ipsum", "[Indsæt dato]".',
    en: 'Placeholders and help text left from the template: "[Her skrives …]", "HUSK … slettes", "kr. XX", "TODO", "Lorem ipsum", "[Indsæt dato]".',
  },
  defaultSeverity: 'warning',
  tags: ['offentliggørelse', 'tekst'],
  fixable: true,
  messages: {
    da: {
      help: 'Hjælpetekst fra skabelonen: "{text}".',
      slot: 'Pladsholder fra skabelonen, der ikke er udfyldt: "{text}".',
      fix: 'Fjern hjælpeteksten',
    },
    en: {
      help: 'Help text from the template: "{text}".',
      slot: 'Placeholder from the template that was never filled in: "{text}".',
      fix: 'Remove the help text',
    },
  },
  check({ lines, options }) {
    const out: Finding[] = [];
    const set = setFor(options);
    for (const ln of linesMatching(lines, set.hint)) {
      const line = lines[ln] as string;
      for (const hit of findPlaceholders(line, set)) {
        const text = line.slice(hit.start, hit.end).trim();
        const finding: Finding = {
          messageId: hit.form.kind,
          args: { text: shorten(text) },
          range: range(ln, hit.start, hit.end),
          data: { form: hit.form.id, kind: hit.form.kind },
        };
        // Help text that is all its line holds goes with the line (and one blank line
        // after it, so that no double gap is left). Not safe: the author should see what goes.
        if (hit.form.kind === 'help' && onlyLead(line.slice(0, hit.start)) && line.slice(hit.end).trim() === '') {
          let endLine = ln + 1;
          if (endLine < lines.length && (lines[endLine] as string).trim() === '' && endLine + 1 < lines.length) endLine++;
          const whole =
            endLine < lines.length
              ? { start: { line: ln, character: 0 }, end: { line: endLine, character: 0 } }
              : { start: { line: ln, character: 0 }, end: { line: ln, character: line.length } };
          finding.fix = { messageId: 'fix', edits: [{ range: whole, newText: '' }], safe: false };
        }
        out.push(finding);
      }
    }
    return out;
  },
});
