// Bundles the VS Code client, the language server and the CLI into dist/.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--outdir=DIR` writes the bundles to DIR instead of dist/ (the benchmark builds its own copy).
const outdir = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length);

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
};

// re2js (for the patterns a configuration may hold) is loaded only when such a pattern is
// compiled: it is bundled apart, as dist/lazy/re2js.js, which config/linearRegex.ts
// requires on first use, so that neither bundle nor their start-up carries it.
const LAZY = ['re2js'];

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' }, external: LAZY },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, external: LAZY },
  ...LAZY.map((name) => ({ ...common, sourcemap: false, entryPoints: [name], outfile: `dist/lazy/${name}.js` })),
];

if (outdir !== undefined) for (const b of builds) b.outfile = b.outfile.replace(/^dist\//, `${outdir}/`);

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
