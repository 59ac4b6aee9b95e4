// A punkt that is not a standing item has no sagsnummer, or an empty Sagsnr. field.
import { punktLabel, sagsnumre } from './caseNumberUtil';
import { isStandingItem } from './options';
import { defineRule, type Finding } from './types';

export default defineRule({
  id: 'missing-case-number',
  description: {
    da: 'Et punkt, der ikke er et fast punkt, har intet sagsnummer eller et tomt Sagsnr.-felt.',
    en: 'A punkt that is not a standing item has no case number (sagsnummer) or an empty Sagsnr. field.',
  },
  defaultSeverity: 'warning',
  tags: ['sagsnummer'],
  fixable: false,
  messages: {
    da: {
      missing: '{punkt} har intet sagsnummer.',
      emptyField: 'Feltet {field} i {punkt} er tomt.',
    },
    en: {
      missing: '{punkt} has no case number (sagsnummer).',
      emptyField: 'The field {field} in {punkt} is empty.',
    },
  },
  check({ model, options }) {
    // A document with no case numbers at all comes from a system that does not
    // print them; reporting every punkt would only be noise.
    const usesCaseNumbers = model.punkter.some((p) => sagsnumre(p).length > 0 || p.fields.some((f) => f.key === 'sagsnr'));
    if (!usesCaseNumbers) return [];
    const out: Finding[] = [];
    for (const p of model.punkter) {
      const empty = p.fields.filter((f) => f.key === 'sagsnr' && f.value === '');
      // The standing-item test last: most punkter have their number and need no other look.
      if (empty.length === 0 && sagsnumre(p).length > 0) continue;
      if (isStandingItem(p, options)) continue;
      for (const f of empty) {
        out.push({ messageId: 'emptyField', args: { field: f.name, punkt: punktLabel(p) }, range: f.range, data: { punkt: p.number } });
      }
      if (empty.length === 0) {
        out.push({ messageId: 'missing', args: { punkt: punktLabel(p, true) }, range: p.titleRange, data: { punkt: p.number } });
      }
    }
    return out;
  },
});
