// Bundles the VS Code client, the language server and the CLI into dist/.
import * as esbuild from 'esbuild';

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

// re2js (for the patterns a configuration may hold) is loaded only when such a pattern is
// compiled: it is bundled apart, as dist/lazy/re2js.js, which config/linearRegex.ts
// requires on first use, so that neither bundle nor their start-up carries it.
const LAZY = ['re2js'];

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, external: LAZY },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: LAZY },
  ...LAZY.map((name) => ({ ...common, sourcemap: false, entryPoints: [name], outfile: `dist/lazy/${name}.js` })),
];

if (outdir !== undefined) for (const b of builds) b.outfile = b.outfile.replace(/^dist\//, `${outdir}/`);

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
