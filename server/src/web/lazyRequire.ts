// The browser build's lazyRequire (esbuild.mjs puts it in place of ../lazyRequire.ts): a
// web worker has no require and no files beside the bundle, so re2js is bundled. The
// configurations that need it are the same; only the loading differs.
import * as re2js from 're2js';

const LIBRARIES: Readonly<Record<string, unknown>> = { re2js };

export function lazyRequire<T>(name: string): () => T {
  return () => {
    const lib = LIBRARIES[name];
    if (lib === undefined) throw new Error(`${name} is not in the browser bundle`);
    return lib as T;
  };
}
