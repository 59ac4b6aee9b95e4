// TODO(stub): implemented by the rule-catalogue work.
import { defineRule } from './types';

export default defineRule({
  id: 'punkt-numbering',
  description: { da: 'punkt-numbering', en: 'punkt-numbering' },
  defaultSeverity: 'warning',
  tags: [],
  fixable: false,
  messages: { da: {}, en: {} },
  check() {
    return [];
  },
});
