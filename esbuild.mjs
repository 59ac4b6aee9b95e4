// Bundles the VS Code client, the language server and the CLI into dist/, and the web
// extension's client and server (vscode.dev, github.dev) into dist/web/.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--outdir=DIR` writes the bundles to DIR instead of dist/ (the benchmark builds its own copy).
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length);

// The dialect tables carry, for each row, where the layout was seen and an example line:
// notes and test data for whoever adds a row (a meta-test parses every example), never
// read at run time, except the case-number shapes' examples, which hover shows. The
// production bundle keeps the keys with empty values, as it leaves out comments. Only
// single-line, single-quoted values in the dialect folder are touched; a protocol test
// checks that the production bundle gives the same answers as the development build.
const SEEN_NOTE = /\bseen: '(?:[^'\\\n]|\\.)*'/g;
const EXAMPLE_LINE = /\bexample: '(?:[^'\\\n]|\\.)*'/g;
const EXAMPLE_PUNKT = /\bexample: \{ lines: \[[^\]\n]*\], number: \d+, title: '(?:[^'\\\n]|\\.)*' \}/g;
/** @type {import('esbuild').Plugin} */
const dropTableNotes = {
  name: 'drop-dialect-notes',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]src[\\/]parser[\\/]dialect[\\/][^\\/]+\.ts$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      let source = (await readFile(args.path, 'utf8')).replace(SEEN_NOTE, "seen: ''");
      if (!/caseNumbers\.ts$/.test(args.path)) {
        source = source.replace(EXAMPLE_PUNKT, "example: { lines: [], number: 0, title: '' }").replace(EXAMPLE_LINE, "example: ''");
      }
      return { contents: source, loader: 'ts' };
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  plugins: production ? [dropTableNotes] : [],
  // Danish text as UTF-8, not \xE6 escapes: a smaller bundle that reads as written.
  charset: 'utf8',
};

// Libraries loaded only when they are needed are bundled apart, as dist/lazy/<name>.js,
// and required on first use, so that neither main bundle nor their start-up carries them:
// re2js for the patterns a configuration may hold (config/linearRegex.ts), and, for the
// CLI alone, mammoth for Word files (files/docx.ts) and pdf.js and its worker for PDF
// files (files/pdf.ts). The vsix is packed without node_modules: these files are all it has.
const LAZY = [
  { name: 're2js', entry: 're2js' },
  { name: 'mammoth', entry: 'mammoth' },
  { name: 'pdfjs', entry: 'pdfjs-dist/legacy/build/pdf.mjs' },
  { name: 'pdfjs-worker', entry: 'pdfjs-dist/legacy/build/pdf.worker.mjs' },
];
const EXTERNAL = ['re2js', 'mammoth', 'pdfjs-dist'];

// pdf.js warns on stderr as it loads in Node without @napi-rs/canvas (which only drawing
// needs; text extraction does not): its default verbosity becomes errors only. getDocument
// sets it again for each file (files/pdf.ts asks for errors only). import.meta.url, which
// it needs only to find that package and its wasm decoders, is left empty in CommonJS.
// Without the canvas package there is no DOMMatrix, which pdf.js's drawing code makes one
// of as it loads: the bundle gets a plain one of its own (the process's globals stay as
// they are), and text extraction never uses it.
const PDFJS_BANNER = 'var DOMMatrix = globalThis.DOMMatrix || class DOMMatrix { constructor(m) { const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = Array.isArray(m) ? m : []; Object.assign(this, { a, b, c, d, e, f }); } };';
/** @type {import('esbuild').Plugin} */
const quietPdfjs = {
  name: 'quiet-pdfjs',
  setup(build) {
    build.onLoad({ filter: /[\\/]pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf(?:\.worker)?\.mjs$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      const from = 'let verbosity = VerbosityLevel.WARNINGS;';
      if (!source.includes(from)) throw new Error(`${args.path}: no '${from}' (a new pdf.js? see esbuild.mjs)`);
      return { contents: source.replace(from, 'let verbosity = VerbosityLevel.ERRORS;'), loader: 'js' };
    });
  },
};

// The Word and PDF readers (files/extract.ts) are imported on first use by the server and
// the CLI, and bundled apart as dist/lazy/documents.js: each main bundle requires that file
// instead of inlining the module.
const DOCUMENTS = /^(?:\.\.\/files|\.)\/extract$/;
/** @type {import('esbuild').Plugin} */
const lazyDocuments = {
  name: 'lazy-documents',
  setup(build) {
    build.onResolve({ filter: DOCUMENTS }, () => ({ path: './lazy/documents.js', external: true }));
  },
};

// The web extension: the client for the browser's extension host (CommonJS, as VS Code
// loads it) and the server for a web worker (one script). No Node in either: the Word and
// PDF readers are not there (desktop-only), and lazyRequire.ts, which loads the lazy
// bundles from disk, becomes web/lazyRequire.ts, which has re2js bundled in. A unit test
// (test/unit/webBundle.test.ts) checks that neither bundle requires a Node module.
const WEB_LAZY_REQUIRE = fileURLToPath(new URL('./server/src/web/lazyRequire.ts', import.meta.url));
/** @type {import('esbuild').Plugin} */
const browserLazyRequire = {
  name: 'browser-lazy-require',
  setup(build) {
    build.onResolve({ filter: /^(?:\.\.?\/)+lazyRequire$/ }, () => ({ path: WEB_LAZY_REQUIRE }));
  },
};
const web = { ...common, platform: 'browser', target: 'es2022', plugins: [...common.plugins, browserLazyRequire] };

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, external: EXTERNAL, plugins: [...common.plugins, lazyDocuments] },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: EXTERNAL, plugins: [...common.plugins, lazyDocuments] },
  { ...common, entryPoints: ['server/src/files/extract.ts'], outfile: 'dist/lazy/documents.js', external: EXTERNAL },
  { ...web, entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/web/client.js', format: 'cjs', external: ['vscode'] },
  { ...web, entryPoints: ['server/src/browserServer.ts'], outfile: 'dist/web/server.js', format: 'iife' },
  ...LAZY.map(({ name, entry }) => ({
    ...common,
    sourcemap: false,
    entryPoints: [entry],
    outfile: `dist/lazy/${name}.js`,
    ...(name.startsWith('pdfjs') ? { plugins: [...common.plugins, quietPdfjs], define: { 'import.meta.url': 'undefined' }, banner: { js: PDFJS_BANNER } } : {}),
  })),
];

if (outdir !== undefined) for (const b of builds) b.outfile = b.outfile.replace(/^dist\//, `${outdir}/`);

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
