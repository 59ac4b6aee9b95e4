// The README's Neovim and Emacs configurations are the ones the editor tests run
// (test/editors/*/referat.*, between "README: begin" and "README: end"), apart from the
// server command, which the tests point at this checkout's dist/server.js.
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

function readmeBlock(heading: string, lang: string): string {
  const at = README.indexOf(heading);
  expect(at, heading).toBeGreaterThanOrEqual(0);
  const start = README.indexOf('```' + lang + '\n', at) + lang.length + 4;
  return README.slice(start, README.indexOf('```', start)).trimEnd();
}

function testedBlock(file: string, comment: string): string {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const begin = text.indexOf(`${comment} README: begin\n`);
  const end = text.indexOf(`${comment} README: end`);
  expect(begin).toBeGreaterThanOrEqual(0);
  return text.slice(text.indexOf('\n', begin) + 1, end).trimEnd();
}

describe('editor configurations in the README', () => {
  it('Neovim: the README block is test/editors/neovim/referat.lua', () => {
    const tested = testedBlock('test/editors/neovim/referat.lua', '--').replace('cmd = cmd,', "cmd = { 'referat-language-server', '--stdio' },");
    expect(readmeBlock('**Neovim**', 'lua')).toBe(tested);
  });

  it('Emacs: the README block is test/editors/emacs/referat.el', () => {
    const tested = testedBlock('test/editors/emacs/referat.el', ';;').replace(
      '`(referat-mode . ,referat-test-server-command)',
      `'(referat-mode . ("referat-language-server" "--stdio"))`,
    );
    expect(readmeBlock('**Emacs**', 'elisp')).toBe(tested);
  });
});
