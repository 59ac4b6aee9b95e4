// TODO(stub): implemented by the rule-catalogue work.
import { defineRule } from './types';

export default defineRule({
  id: 'list-numbering',
  description: { da: 'list-numbering', en: 'list-numbering' },
  defaultSeverity: 'warning',
  tags: [],
  fixable: false,
  messages: { da: {}, en: {} },
  check() {
    return [];
  },
});
