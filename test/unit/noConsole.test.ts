// Design rule: the language server never writes with console.* (over stdio it would
// corrupt the protocol stream); it logs through connection.console. The CLI writes to
// process.stdout/stderr directly and is exempt.
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../server/src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'cli' ? [] : sources(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('server sources', () => {
  it('do not use console.*', () => {
    const offenders = sources(SRC).flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => /(^|[^.\w])console\.\w+\s*\(/.test(line.replace(/\/\/.*$/, '')))
        .map(({ i }) => `${path.relative(SRC, file)}:${i + 1}`),
    );
    expect(offenders).toEqual([]);
  });
});
