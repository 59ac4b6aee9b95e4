// Libraries most runs never need (re2js for custom patterns, mammoth for Word) are bundled
// apart, as dist/lazy/<name>.js beside the bundle (see esbuild.mjs), and required on first
// use, so that start-up and the main bundles do not carry them. The sources under test
// require the package itself.
import * as fs from 'fs';
import * as path from 'path';

/** The folder of the lazy bundles: beside a main bundle, or this one (a lazy bundle that loads another). */
export function lazyDir(): string {
  return path.basename(__dirname) === 'lazy' ? __dirname : path.join(__dirname, 'lazy');
}

export function lazyRequire<T>(name: string): () => T {
  let lib: T | undefined;
  return () => {
    if (lib === undefined) {
      const bundled = path.join(lazyDir(), `${name}.js`);
      // A require on purpose: at first use, never at start-up.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      lib = (fs.existsSync(bundled) ? require(bundled) : require(name)) as T;
    }
    return lib;
  };
}
