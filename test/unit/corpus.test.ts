// The five real documents: their outlines (as text trees, test/helpers/outlineTree.ts) and
// their diagnostics, checked in and reviewed by hand against the documents.
// UPDATE_EXPECTED=1 rewrites them; review the diff before committing.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOutline } from '../../server/src/cli/outline';
import { parseReferat } from '../../server/src/parser/parse';
import { expectedForm, lintText } from '../helpers/lintFile';
import { lastCoveredLine, outlineTree, readOutlineTree } from '../helpers/outlineTree';

const root = join(__dirname, '..', '..');
const corpusDir = join(root, 'test', 'fixtures', 'corpus');
const goldenDir = join(root, 'test', 'golden');
// Beside the corpus folder, not in it: every reader of that folder takes each file for a document.
const sumsPath = join(root, 'test', 'fixtures', 'corpus.SHA256SUMS');
const sharedDir = join(root, '..', 'shared', 'corpus');
const update = process.env['UPDATE_EXPECTED'] === '1';
const files = readdirSync(corpusDir).sort();

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** `sha256sum` lines ("<hex>  corpus/<file>"), so that `cd test/fixtures && sha256sum -c corpus.SHA256SUMS` checks them too. */
function readSums(): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of readFileSync(sumsPath, 'utf8').split('\n')) {
    if (line === '') continue;
    const m = /^([0-9a-f]{64}) {2}corpus\/(.+)$/.exec(line);
    if (m === null) throw new Error(`${sumsPath}: not a sha256sum line: ${JSON.stringify(line)}`);
    sums.set(m[2] as string, m[1] as string);
  }
  return sums;
}

// The checksums record the shared corpus, so an update takes them from there, never from the copies.
if (update && existsSync(sharedDir)) {
  const shared = readdirSync(sharedDir).sort();
  writeFileSync(sumsPath, shared.map((f) => `${sha256(join(sharedDir, f))}  corpus/${f}\n`).join(''));
}

describe('the corpus copies', () => {
  it('are the files SHA256SUMS lists, each with its checksum', () => {
    const sums = readSums();
    expect(files).toEqual([...sums.keys()].sort());
    for (const f of files) expect(sha256(join(corpusDir, f)), f).toBe(sums.get(f));
  });

  // ../shared is there on a development machine only; where it is, it must agree with the checksums.
  describe.skipIf(!existsSync(sharedDir))('against ../shared/corpus', () => {
    const sums = existsSync(sumsPath) ? readSums() : new Map<string, string>();
    it('holds every file SHA256SUMS lists', () => {
      const shared = readdirSync(sharedDir).sort();
      expect([...sums.keys()].filter((f) => !shared.includes(f))).toEqual([]);
    });
    for (const [f, sum] of sums) {
      it.skipIf(!existsSync(join(sharedDir, f)))(`${f} has the listed checksum in ../shared/corpus`, () => {
        expect(sha256(join(sharedDir, f))).toBe(sum);
      });
    }
  });
});

describe.each(files)('corpus %s', (file) => {
  const text = readFileSync(join(corpusDir, file), 'utf8');
  const base = file.replace(/\.referat(?:\.txt|\.md)?$/, '');
  const model = parseReferat(text);

  it('has the reviewed outline', () => {
    const path = join(goldenDir, `${base}.outline.txt`);
    const actual = outlineTree(`test/fixtures/corpus/${file}`, model, text);
    if (update) writeFileSync(path, actual);
    expect(existsSync(path), path).toBe(true);
    expect(actual).toBe(readFileSync(path, 'utf8'));
  });

  // The editor tests read punkter from the tree; `referat outline` must give the same ones.
  it('gives `referat outline` the punkter the reviewed tree holds', () => {
    const tree = readOutlineTree(readFileSync(join(goldenDir, `${base}.outline.txt`), 'utf8'));
    const outline = buildOutline(`test/fixtures/corpus/${file}`, model);
    expect(tree.punkter.length).toBeGreaterThan(0);
    expect(outline.toc.length).toBe(tree.tocEntries);
    expect(
      outline.punkter.map((p) => ({
        number: p.number,
        title: p.title,
        line: p.range.start.line,
        lastLine: lastCoveredLine(p.range),
        sections: p.sections.length,
        caseNumbers: p.caseNumbers.map((c) => c.value),
      })),
    ).toEqual(tree.punkter);
  });

  it('has the reviewed diagnostics', () => {
    const path = join(goldenDir, `${base}.lint.json`);
    const actual = lintText(text).map(expectedForm);
    if (update) writeFileSync(path, JSON.stringify(actual, null, 2) + '\n');
    expect(existsSync(path), path).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(path, 'utf8')));
  });
});
