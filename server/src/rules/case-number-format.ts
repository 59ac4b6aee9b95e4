// TODO(stub): implemented by the rule-catalogue work.
import { defineRule } from './types';

export default defineRule({
  id: 'case-number-format',
  description: { da: 'case-number-format', en: 'case-number-format' },
  defaultSeverity: 'warning',
  tags: [],
  fixable: false,
  messages: { da: {}, en: {} },
  check() {
    return [];
  },
});
