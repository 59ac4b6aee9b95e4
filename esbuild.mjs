// Bundles the VS Code client, the language server and the CLI into dist/.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--outdir=DIR` writes the bundles to DIR instead of dist/ (the benchmark builds its own copy).
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length);

// The dialect tables say for each row where the layout was seen: notes for whoever adds a
// row (a meta-test requires them), never read at run time. The production bundle keeps the
// key with an empty note, as it leaves out comments. Only single-quoted notes in the
// dialect folder are touched; any other text stays as written.
const SEEN_NOTE = /\bseen: '(?:[^'\\\n]|\\.)*'/g;
/** @type {import('esbuild').Plugin} */
const dropProvenance = {
  name: 'drop-dialect-provenance',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]src[\\/]parser[\\/]dialect[\\/][^\\/]+\.ts$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replace(SEEN_NOTE, "seen: ''"), loader: 'ts' };
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
  plugins: production ? [dropProvenance] : [],
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
