// Lint rules that keep the design's promises: no console in the server (over stdio it
// would corrupt the protocol), no promise left floating, no `any`, and the layers of the
// core: parser ← rules ← config ← features/workspace ← service ← server.ts / cli. Nothing
// in the core imports `vscode` or the LSP connection; LSP types are fine.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The folders of server/src from the bottom up; each may import only from those below it. */
const LAYERS = [
  { dir: 'parser', above: ['rules', 'config', 'features', 'workspace', 'service', 'cli', 'l10n/messages', 'l10n/cli'] },
  { dir: 'rules', above: ['config', 'features', 'workspace', 'service', 'cli', 'l10n/messages', 'l10n/cli'] },
  { dir: 'config', above: ['features', 'workspace', 'service', 'cli', 'l10n/cli'] },
  // The workspace summary is plain data the features read (references, symbols); the rest of workspace/ is above.
  { dir: 'features', above: ['workspace', 'service', 'cli', 'l10n/cli'], allow: ['workspace/summary'] },
  { dir: 'workspace', above: ['features', 'service', 'cli', 'l10n/cli'] },
  { dir: 'files', above: ['parser', 'rules', 'config', 'features', 'workspace', 'service', 'cli', 'l10n'] },
  { dir: 'l10n', above: ['parser', 'rules', 'config', 'features', 'workspace', 'service', 'cli'] },
  { dir: 'service', above: ['cli'] },
];

/** The LSP runtime (the connection) and the editor API stay out of the core; their types may come in. */
const NOT_IN_CORE = [
  { name: 'vscode', message: 'The core knows nothing of VS Code: only client/ imports vscode.' },
  { name: 'vscode-languageserver/node', message: 'The connection belongs to server.ts; the core returns plain data.' },
  { name: 'vscode-languageclient', message: 'The language client belongs to client/.' },
  { name: 'vscode-languageclient/node', message: 'The language client belongs to client/.' },
  { name: 'vscode-languageserver', allowTypeImports: true, message: 'Only LSP types in the core (import type).' },
];

/** An import of a module in one of the folders (or of one of the files) above, reached by ../ ; `allow` excepted. */
function layerRegex(above, allow = []) {
  const except = allow.map((a) => `(?!${a}$)`).join('');
  return `^(?:\\.\\./)+${except}(?:${above.join('|')})(?:/|$)`;
}

const layerRules = LAYERS.map(({ dir, above, allow }) => ({
  files: [`server/src/${dir}/**/*.ts`],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: NOT_IN_CORE,
        patterns: [{ regex: layerRegex(above, allow), message: `server/src/${dir} is below these layers and may not import from them.` }],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.bench/**', 'node_modules/**', 'test/fixtures/**', '.vscode-test/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Tables of control characters and escapes are data here, not mistakes.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Every core module: the layers, and no editor or connection runtime.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/server.ts', 'server/src/lspGuard.ts', ...LAYERS.map((l) => `server/src/${l.dir}/**/*.ts`)],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: NOT_IN_CORE, patterns: [{ group: ['**/cli', '**/cli/**'], message: 'No module of the server imports from cli/.' }] }] },
  },
  ...layerRules,
  {
    // The client reaches the server only through the shared names.
    files: ['client/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ regex: '^\\.\\./\\.\\./server/src/(?!protocol$)', message: 'The client shares only server/src/protocol.ts with the server.' }] }],
    },
  },
  {
    files: ['server/src/cli/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: NOT_IN_CORE }] },
  },
  {
    // Tests and tools may use what they need.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { process: 'readonly', console: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
