// Bundles the editor tests into out/ (gitignored): the extension-host suite and its
// @vscode/test-electron runner in the standard shape (out/vscode/runTest.js,
// out/vscode/suite/index.js + *.test.js), and the driver of `npm run test:editors`.
// vscode, mocha, playwright-core and @vscode/test-electron stay external: they resolve
// from node_modules (or, for vscode, from the extension host) at run time.
import * as esbuild from 'esbuild';
import * as fs from 'fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron'],
};
const suite = fs
  .readdirSync('test/vscode/suite')
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => `test/vscode/suite/${f}`);

fs.rmSync('out/vscode', { recursive: true, force: true });
await Promise.all([
  esbuild.build({ ...common, entryPoints: suite, outdir: 'out/vscode/suite' }),
  esbuild.build({ ...common, entryPoints: ['test/vscode/runTest.ts'], outfile: 'out/vscode/runTest.js' }),
  esbuild.build({ ...common, entryPoints: ['test/editors/run.ts'], outfile: 'out/editors/run.js' }),
]);
