// Builds what `npm run fuzz` runs: test/fuzz/long.ts bundled into out/fuzz/long.js, as
// bench/build.mjs bundles the benchmark (dependencies load from node_modules).
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: ['test/fuzz/long.ts'],
  outdir: 'out/fuzz',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  charset: 'utf8',
  logLevel: 'warning',
});
