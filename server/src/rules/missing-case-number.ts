// TODO(stub): implemented by the rule-catalogue work.
import { defineRule } from './types';

export default defineRule({
  id: 'missing-case-number',
  description: { da: 'missing-case-number', en: 'missing-case-number' },
  defaultSeverity: 'warning',
  tags: [],
  fixable: false,
  messages: { da: {}, en: {} },
  check() {
    return [];
  },
});
