// The workspace index and what reads it: the case history (references/definition),
// workspace symbols, bilag links, and the indexer over a real temporary folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilagLinks, bilagNames, folderLookup } from '../../server/src/features/documentLinks';
import { caseHistory, matchScore, workspaceSymbols } from '../../server/src/features/navigation';
import { linesOf } from '../../server/src/features/text';
import { parseReferat } from '../../server/src/parser/parse';
import { readTextFile } from '../../server/src/files/read';
import { nodeFiles, normalizeUri } from '../../server/src/node/host';
import { MAX_INDEX_FILE_BYTES, WorkspaceIndexer } from '../../server/src/workspace/indexer';
import { caseKey, summarize, WorkspaceIndex } from '../../server/src/workspace/summary';
import { withCursor } from '../helpers/cursor';

const meeting = (date: string, punkter: string): string => `REFERAT Beskæftigelsesudvalget d. ${date}\n\n${punkter}`;
const A = meeting('12-08-2024', 'Punkt 1: Status på STU\n\n24/19987\n\nBeslutning\n\nGodkendt.\n\nPunkt 2: Budget 2025\n\n24/20001\n');
const B = meeting('14-05-2024', 'Punkt 46: STU – første behandling\n\nSagsnr.: 24/19987\n\nPunkt 47: Eventuelt\n');
const C = meeting('22-11-2022', 'Punkt 90: Budgetforlig\n\n15.00.00-G01-2-22\n');

function indexOf(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [uri, text] of Object.entries(files)) index.set(summarize(uri, parseReferat(text)));
  return index;
}

describe('WorkspaceIndex', () => {
  it('keeps small summaries: numbers, titles, case numbers with ranges, meeting date', () => {
    const s = summarize('file:///a.referat', parseReferat(A));
    expect(s).toEqual({
      uri: 'file:///a.referat',
      kind: 'referat',
      title: 'REFERAT Beskæftigelsesudvalget d. 12-08-2024',
      committee: 'Beskæftigelsesudvalget',
      meetingDate: '2024-08-12',
      punkter: [
        { number: 1, title: 'Status på STU', titleRange: expect.anything(), caseNumbers: [{ value: '24/19987', range: expect.anything() }] },
        { number: 2, title: 'Budget 2025', titleRange: expect.anything(), caseNumbers: [{ value: '24/20001', range: expect.anything() }] },
      ],
    });
  });

  it('finds every punkt with a case number, newest meeting first, and forgets replaced files', () => {
    const index = indexOf({ 'file:///b.referat': B, 'file:///a.referat': A, 'file:///c.referat': C });
    expect(index.punkterWithCase('24/19987').map((r) => [r.file.uri, r.punkt.number])).toEqual([
      ['file:///a.referat', 1],
      ['file:///b.referat', 46],
    ]);
    expect(index.history('24/19987')).toEqual({ punkter: 2, meetings: 2, newest: '2024-08-12' });
    index.set(summarize('file:///a.referat', parseReferat(C)));
    expect(index.punkterWithCase('24/19987').map((r) => r.file.uri)).toEqual(['file:///b.referat']);
    index.delete('file:///b.referat');
    expect(index.punkterWithCase('24/19987')).toEqual([]);
    expect(caseKey(' 15.00.00–g01-2-22 ')).toBe('15.00.00-G01-2-22');
  });
});

describe('caseHistory (references and definition)', () => {
  const index = indexOf({ 'file:///a.referat': A, 'file:///b.referat': B, 'file:///c.referat': C });
  const at = (marked: string) => {
    const { text, position } = withCursor(marked);
    return caseHistory(index, parseReferat(text), linesOf(text), position);
  };

  it('lists the case across meetings from the number under a heading, in a field, or in prose', () => {
    const fromB = at(meeting('14-05-2024', 'Punkt 46: STU\n\nSagsnr.: 24/199|87\n'));
    expect(fromB?.map((l) => l.uri)).toEqual(['file:///a.referat', 'file:///b.referat']);
    expect(fromB?.[0]?.range).toEqual({ start: { line: 2, character: 9 }, end: { line: 2, character: 22 } });
    expect(at(meeting('01-01-2025', 'Punkt 1: X\n\n24/1\n\nSe sag |24/19987.\n'))?.map((l) => l.uri)).toEqual([
      'file:///a.referat',
      'file:///b.referat',
    ]);
  });

  it('is null off a case number and empty for an unknown one', () => {
    expect(at(meeting('01-01-2025', 'Punkt 1: X|\n'))).toBeNull();
    expect(at(meeting('01-01-2025', 'Punkt 1: X\n\n|99/1\n'))).toEqual([]);
  });
});

describe('workspaceSymbols', () => {
  const index = indexOf({ 'file:///a.referat': A, 'file:///b.referat': B, 'file:///c.referat': C });

  it('finds punkter by title, substring matches first, newest meeting first', () => {
    const found = workspaceSymbols(index, 'stu');
    expect(found.map((s) => [s.name, s.containerName])).toEqual([
      ['Punkt 1: Status på STU', 'Beskæftigelsesudvalget 2024-08-12'],
      ['Punkt 46: STU – første behandling', 'Beskæftigelsesudvalget 2024-05-14'],
    ]);
  });

  it('finds punkter by sagsnummer, named so that the editor keeps them', () => {
    const found = workspaceSymbols(index, '15.00.00-G01');
    expect(found.map((s) => s.name)).toEqual(['15.00.00-G01-2-22 · Punkt 90: Budgetforlig']);
    expect(found[0]?.location.range.start.line).toBe(4);
  });

  it('lists every punkt for an empty query, up to the limit', () => {
    expect(workspaceSymbols(index, '')).toHaveLength(5);
    expect(workspaceSymbols(index, '', 2)).toHaveLength(2);
    expect(matchScore('bdg', 'budget')).toBe(1);
    expect(matchScore('xyz', 'budget')).toBe(0);
  });
});

describe('bilag links', () => {
  const text = meeting('12-08-2024', 'Punkt 1: A\n\nBilag\n\n- Budgetnotat 2025\nIngen bilag.\n[Link](x.pdf)\nOplæg.pdf\nFindes ikke\n\nBeslutning\n\nGodkendt.\n');
  it('links names that match a file next to the document, with or without its extension', () => {
    const names = bilagNames(parseReferat(text), linesOf(text));
    expect(names.map((n) => n.name)).toEqual(['Budgetnotat 2025', 'Oplæg.pdf', 'Findes ikke']);
    const files = folderLookup(['budgetnotat 2025.pdf', 'Oplæg.pdf', 'm.referat.txt']);
    const links = bilagLinks(names, files, (f) => `file:///d/${encodeURIComponent(f)}`);
    expect(links.map((l) => [l.target, l.range.start.line, l.range.start.character, l.range.end.character])).toEqual([
      ['file:///d/budgetnotat%202025.pdf', 6, 2, 18],
      ['file:///d/Opl%C3%A6g.pdf', 9, 0, 9],
    ]);
  });
});

describe('WorkspaceIndexer over a folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-index-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.mkdirSync(path.join(dir, '.git'));
    fs.writeFileSync(path.join(dir, 'a.referat.txt'), A);
    fs.writeFileSync(path.join(dir, 'sub', 'b.referat.md'), B);
    fs.writeFileSync(path.join(dir, 'node_modules', 'x.referat'), C);
    fs.writeFileSync(path.join(dir, '.git', 'y.referat'), C);
    fs.writeFileSync(path.join(dir, 'binary.referat'), Buffer.from([1, 2, 0, 3]));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'Husk at købe kaffe til mødet.\n1. Mælk\n2. Brød\n');
    // Minutes under an ordinary name are indexed by their content (issue 13).
    fs.writeFileSync(path.join(dir, 'sub', 'Referat ØU 14-05-2024.txt'), B);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('indexes referat files, skipping binary files, node_modules and hidden folders; follows changes', async () => {
    const open = new Set<string>();
    const indexer = new WorkspaceIndexer({ files: nodeFiles, parse: (_u, t) => parseReferat(t), isOpen: (u) => open.has(u), log: () => undefined });
    await indexer.addFolders([pathToFileURL(dir).href]);
    const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).href;
    expect(indexer.index.uris().sort()).toEqual([uri('a.referat.txt'), uri('sub/Referat ØU 14-05-2024.txt'), uri('sub/b.referat.md')].sort());

    fs.writeFileSync(path.join(dir, 'c.referat'), C);
    await indexer.refresh(uri('c.referat'));
    expect(indexer.index.punkterWithCase('15.00.00-G01-2-22')).toHaveLength(1);

    // An open document wins over the disk until it is closed.
    open.add(uri('c.referat'));
    indexer.updateOpen(uri('c.referat'), parseReferat(A));
    await indexer.refresh(uri('c.referat'));
    expect(indexer.index.punkterWithCase('15.00.00-G01-2-22')).toHaveLength(0);
    open.delete(uri('c.referat'));
    await indexer.closed(uri('c.referat'));
    expect(indexer.index.punkterWithCase('15.00.00-G01-2-22')).toHaveLength(1);

    fs.rmSync(path.join(dir, 'c.referat'));
    indexer.remove(uri('c.referat'));
    expect(indexer.index.get(uri('c.referat'))).toBeUndefined();
    // A document outside the workspace is dropped when closed.
    indexer.updateOpen('untitled:Untitled-1', parseReferat(A));
    await indexer.closed('untitled:Untitled-1');
    expect(indexer.index.get('untitled:Untitled-1')).toBeUndefined();

    indexer.removeFolders([pathToFileURL(dir).href]);
    expect(indexer.index.size).toBe(0);
  });

  it('skips files above the size cap and normalizes file URIs', async () => {
    const big = path.join(dir, 'big.referat');
    fs.writeFileSync(big, 'x');
    fs.truncateSync(big, MAX_INDEX_FILE_BYTES + 1);
    expect(await readTextFile(big, MAX_INDEX_FILE_BYTES)).toEqual({ ok: false, reason: 'too-large', detail: String(MAX_INDEX_FILE_BYTES) });
    expect(normalizeUri('file:///tmp/M%C3%B8de.referat')).toBe(normalizeUri('file:///tmp/Møde.referat'));
    expect(normalizeUri('untitled:Untitled-1')).toBe('untitled:Untitled-1');
  });
});

// How fast indexing is, is for `npm run bench`; here only that 1,000 documents are all indexed.
describe('an index of 1,000 documents', () => {
  it('holds every file, and finds each case number in every meeting that has it', () => {
    const corpus = path.join(__dirname, '..', 'fixtures', 'corpus');
    const texts = fs.readdirSync(corpus).map((f) => fs.readFileSync(path.join(corpus, f), 'utf8'));
    // Parsed once each: the index is the subject here, not the parser.
    const parsed = texts.map((t) => parseReferat(t));
    const models = Array.from({ length: 1000 }, (_, i) => parsed[i % parsed.length] as (typeof parsed)[number]);
    const index = new WorkspaceIndex();
    models.forEach((m, i) => index.set(summarize(`file:///m${i}.referat`, m)));
    expect(index.size).toBe(1000);
    const values = [...new Set(models.flatMap((m) => m.punkter.flatMap((p) => p.caseNumbers.map((c) => caseKey(c.value)))))];
    expect(values.length).toBeGreaterThan(0);
    for (const key of values) {
      const meetings = models.filter((m) => m.punkter.some((p) => p.caseNumbers.some((c) => caseKey(c.value) === key))).length;
      expect(index.history(key).meetings, key).toBe(meetings);
    }
    expect(workspaceSymbols(index, 'budget').length).toBeGreaterThan(0);
  });
});
