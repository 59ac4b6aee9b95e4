// Lint rules that keep the design's promises: no console in the server (over stdio it
// would corrupt the protocol), no promise left floating, no `any`, and the layers of the
// core: parser ← rules ← config ← features/workspace ← service ← server.ts / cli. Nothing
// in the core imports `vscode` or the LSP connection; LSP types are fine. The core and the
// client code the browser shares import no Node module either: the web extension runs
// them in a browser (dist/web/), where there is none.
import { builtinModules } from 'node:module';
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

const NODE_MESSAGE = 'Node-only: the core runs in a browser worker too (docs/web.md). Put it behind a host (files/host.ts, node/host.ts).';
/**
 * No Node module, and none of the project's own Node side, except for its types: the
 * disk's reads, walk and writes and the Word and PDF readers in files/, the Node hosts in
 * node/ (server.ts and the CLI pass them in).
 */
const NO_NODE = {
  paths: builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: NODE_MESSAGE })),
  patterns: [
    { regex: '^node:', message: NODE_MESSAGE },
    { regex: '(?:^|/)files/(?:read|walk|write|readDocument|extract|docx|pdf|encode)$', allowTypeImports: true, message: NODE_MESSAGE },
    // The same, from the pure files of files/ themselves.
    { regex: '^\\./(?:read|walk|write|readDocument|extract|docx|pdf|encode)$', allowTypeImports: true, message: NODE_MESSAGE },
    { regex: '(?:^|/)node/', message: NODE_MESSAGE },
  ],
};
/** The few files of files/ that the core imports: names, decoding, the document types, the host interfaces; pure. */
const PURE_FILES = ['names', 'decode', 'document', 'host'].map((f) => `server/src/files/${f}.ts`);
const NO_CLI = { patterns: [{ group: ['**/cli', '**/cli/**'], message: 'No module of the server imports from cli/.' }] };

/** One no-restricted-imports option from parts (a later config block replaces, never adds to, an earlier one's). */
function restricted(...parts) {
  return ['error', { paths: parts.flatMap((p) => p.paths ?? []), patterns: parts.flatMap((p) => p.patterns ?? []) }];
}

/** The Node entry, the CLI, the Node hosts and the lazy loader: they may use Node (files/ by its layer rule). */
const NODE_SIDE = ['server/src/server.ts', 'server/src/cli/**/*.ts', 'server/src/node/**/*.ts', 'server/src/lazyRequire.ts'];
/** The LSP side (the connection's API; lspServer.ts is shared by both servers) and the browser's entry. */
const LSP_SIDE = ['server/src/lspServer.ts', 'server/src/lspGuard.ts', 'server/src/browserServer.ts'];
const PLATFORM_LSP = [
  { name: 'vscode-languageserver/node', message: "The LSP side is the desktop's and the browser's: import from 'vscode-languageserver'; only server.ts takes /node." },
  { name: 'vscode-languageserver/browser', message: "The LSP side is the desktop's and the browser's: import from 'vscode-languageserver'; only browserServer.ts takes /browser." },
];
/** The desktop client's own files: the Node language client and the task (it runs the CLI in Node). */
const CLIENT_NODE_SIDE = ['client/src/extension.ts', 'client/src/tasks.ts'];
const CLIENT_TO_SERVER = { patterns: [{ regex: '^\\.\\./\\.\\./server/src/(?!protocol$)', message: 'The client shares only server/src/protocol.ts with the server.' }] };

/** An import of a module in one of the folders (or of one of the files) above, reached by ../ ; `allow` excepted. */
function layerRegex(above, allow = []) {
  const except = allow.map((a) => `(?!${a}$)`).join('');
  return `^(?:\\.\\./)+${except}(?:${above.join('|')})(?:/|$)`;
}

const layerOf = ({ dir, above, allow }) => ({ paths: NOT_IN_CORE, patterns: [{ regex: layerRegex(above, allow), message: `server/src/${dir} is below these layers and may not import from them.` }] });

// files/ is the disk (Node); the rest of the layers are core and may not use Node.
const layerRules = LAYERS.map((layer) => ({
  files: [`server/src/${layer.dir}/**/*.ts`],
  rules: { '@typescript-eslint/no-restricted-imports': layer.dir === 'files' ? restricted(layerOf(layer)) : restricted(layerOf(layer), NO_NODE) },
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
    // Every core module: the layers, and no editor or connection runtime, and no Node (model.ts, protocol.ts, schedule.ts, web/ …).
    files: ['server/src/**/*.ts'],
    ignores: [...LSP_SIDE, ...NODE_SIDE, ...LAYERS.map((l) => `server/src/${l.dir}/**/*.ts`)],
    rules: { '@typescript-eslint/no-restricted-imports': restricted({ paths: NOT_IN_CORE }, NO_CLI, NO_NODE) },
  },
  {
    // The Node side outside files/: the Node hosts and the lazy loader (the browser build has web/lazyRequire.ts).
    files: NODE_SIDE.filter((f) => f !== 'server/src/server.ts'),
    rules: { '@typescript-eslint/no-restricted-imports': restricted({ paths: NOT_IN_CORE }, NO_CLI) },
  },
  {
    // The LSP side both servers share: the connection's API, but neither platform's entry, and no Node.
    files: ['server/src/lspServer.ts', 'server/src/lspGuard.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restricted({ paths: PLATFORM_LSP }, NO_CLI, NO_NODE) },
  },
  {
    files: ['server/src/browserServer.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restricted({ paths: [PLATFORM_LSP[0]] }, NO_CLI, NO_NODE) },
  },
  ...layerRules,
  {
    files: PURE_FILES,
    rules: { '@typescript-eslint/no-restricted-imports': restricted(layerOf(LAYERS.find((l) => l.dir === 'files')), NO_NODE) },
  },
  {
    // The client reaches the server only through the shared names.
    files: ['client/src/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restricted(CLIENT_TO_SERVER) },
  },
  {
    // What the browser client shares with the desktop's: no Node, and the language client's platform-neutral API.
    files: ['client/src/**/*.ts'],
    ignores: CLIENT_NODE_SIDE,
    rules: {
      '@typescript-eslint/no-restricted-imports': restricted(CLIENT_TO_SERVER, NO_NODE, {
        paths: [{ name: 'vscode-languageclient/node', message: "Shared with the browser client: import from 'vscode-languageclient' (BaseLanguageClient); only extension.ts takes /node." }],
      }),
    },
  },
  {
    files: ['server/src/cli/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restricted({ paths: NOT_IN_CORE }) },
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
