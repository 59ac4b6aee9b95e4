// Builds what `npm run bench` runs: the production (minified) server and CLI bundles,
// as packaged, into .bench/dist/, and the benchmark scripts into .bench/js/.
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';

execFileSync(process.execPath, ['esbuild.mjs', '--production', '--outdir=.bench/dist'], { stdio: 'inherit' });

await esbuild.build({
  entryPoints: ['bench/run.ts', 'bench/generate.ts', 'bench/memory.ts'],
  outdir: '.bench/js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Dependencies load from node_modules; markdownlint (ESM only) is imported at run time.
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
