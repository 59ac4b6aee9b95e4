// TODO(stub): implemented by the rule-catalogue work.
import { defineRule } from './types';

export default defineRule({
  id: 'duplicate-case-number',
  description: { da: 'duplicate-case-number', en: 'duplicate-case-number' },
  defaultSeverity: 'warning',
  tags: [],
  fixable: false,
  messages: { da: {}, en: {} },
  check() {
    return [];
  },
});
