// Within one punkt, the number under (or above) the heading differs from the
// number in the Sagsnr. field.
import type { CaseNumber } from '../model';
import { normalizeCaseNumber, punktLabel, sagsnumre } from './caseNumberUtil';
import { defineRule, type Finding } from './types';

export default defineRule({
  id: 'case-number-mismatch',
  description: {
    da: 'Sagsnummeret i feltet Sagsnr. stemmer ikke med sagsnummeret under (eller over) punktets overskrift.',
    en: 'The case number in the Sagsnr. field does not match the case number under (or above) the punkt heading.',
  },
  defaultSeverity: 'error',
  tags: ['sagsnummer'],
  fixable: true,
  messages: {
    da: {
      below: 'Sagsnummeret i feltet Sagsnr. ({field}) stemmer ikke med nummeret under overskriften ({heading}).',
      above: 'Sagsnummeret i feltet Sagsnr. ({field}) stemmer ikke med nummeret over overskriften ({heading}).',
      fix: 'Ret feltet Sagsnr. til {heading}',
    },
    en: {
      below: 'The case number in the Sagsnr. field ({field}) does not match the number under the heading ({heading}).',
      above: 'The case number in the Sagsnr. field ({field}) does not match the number above the heading ({heading}).',
      fix: 'Set the Sagsnr. field to {heading}',
    },
  },
  check({ model }) {
    const out: Finding[] = [];
    for (const p of model.punkter) {
      const cases = sagsnumre(p);
      if (cases.length < 2) continue;
      let heading: CaseNumber | null = null;
      for (const cn of cases) if (cn.source !== 'field') heading ??= cn;
      if (heading === null) continue;
      const want = normalizeCaseNumber(heading.value);
      for (const cn of cases) {
        if (cn.source !== 'field' || normalizeCaseNumber(cn.value) === want) continue;
        out.push({
          messageId: heading.source === 'line-above' ? 'above' : 'below',
          args: { field: cn.value, heading: heading.value },
          range: cn.range,
          data: { punkt: p.number, field: cn.value, heading: heading.value, label: punktLabel(p) },
          fix: { messageId: 'fix', args: { heading: heading.value }, edits: [{ range: cn.range, newText: heading.value }], safe: false },
        });
      }
    }
    return out;
  },
});
