// The same sagsnummer on two or more punkter.
import type { Punkt } from '../model';
import { normalizeCaseNumber, punktLabel, sagsnumre } from './caseNumberUtil';
import { defineRule, type Finding } from './types';

export default defineRule({
  id: 'duplicate-case-number',
  description: {
    da: 'Det samme sagsnummer står ved to eller flere punkter.',
    en: 'The same case number (sagsnummer) appears on two or more punkter.',
  },
  defaultSeverity: 'information',
  tags: ['sagsnummer'],
  fixable: false,
  messages: {
    da: { duplicate: 'Sagsnummeret {value} står også ved {first}.' },
    en: { duplicate: 'The case number {value} also appears on {first}.' },
  },
  check({ model }) {
    const out: Finding[] = [];
    // Normalized number -> the first punkt that carries it.
    const first = new Map<string, Punkt>();
    for (const p of model.punkter) {
      // A punkt with its number both under the heading and in its field counts once.
      const here = new Set<string>();
      for (const cn of sagsnumre(p)) {
        const key = normalizeCaseNumber(cn.value);
        if (key === '' || here.has(key)) continue;
        here.add(key);
        const earlier = first.get(key);
        if (earlier === undefined) {
          first.set(key, p);
          continue;
        }
        out.push({
          messageId: 'duplicate',
          args: { value: cn.value, first: punktLabel(earlier) },
          range: cn.range,
          data: { value: cn.value, firstPunkt: earlier.number },
        });
      }
    }
    return out;
  },
});
