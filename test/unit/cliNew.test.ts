// `referat new` in this process: the referat of a dagsorden (--from) to standard output
// or a new file, the empty template without --from, and each refusal with its message
// and exit code 2; and `referat lint` comparing a referat with the dagsorden of its
// meeting among the files of the run (agenda-mismatch).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseReferat } from '../../server/src/parser/parse';
import { sampleAgenda } from '../helpers/sampleAgenda';
import { runCli } from '../helpers/cli';

const ROOT = path.resolve(__dirname, '../..');
const VEJEN = path.join(ROOT, 'test/fixtures/corpus/vejen-2023-11-28.referat.txt');

const run = runCli;

const AGENDA = sampleAgenda({ eventuelt: true, eol: '\r\n' });

describe('referat new', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-new-'));
  const file = (name: string): string => path.join(dir, name);
  fs.writeFileSync(file('dagsorden.txt'), AGENDA);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the referat of a dagsorden to standard output, in its layout and line endings', async () => {
    const r = await run('new', '--from', file('dagsorden.txt'));
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out.split('\r\n').slice(0, 1)).toEqual(['REFERAT Kultur- og Fritidsudvalget d. 03-09-2024']);
    expect(r.out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const model = parseReferat(r.out);
    expect(model.kind).toBe('referat');
    expect(model.punkter.map((p) => [p.number, p.caseNumbers.map((c) => c.value), p.sections.map((s) => s.heading)])).toEqual([
      [1, ['24/10231'], ['Indstilling', 'Beslutning']],
      [2, ['24/10877'], ['Indstilling', 'Beslutning']],
      [3, [], []],
    ]);
  });

  it('writes a new file with -o, says so, and never overwrites one', async () => {
    const r = await run('new', '--from', file('dagsorden.txt'), '-o', file('referat.txt'));
    expect(r).toEqual({ code: 0, out: '', err: `referat: skrev ${file('referat.txt')} (2 tomme Beslutning-afsnit)\n` });
    expect(fs.readFileSync(file('referat.txt'), 'utf8')).toBe((await run('new', '--from', file('dagsorden.txt'))).out);
    const again = await run('new', '--from', file('dagsorden.txt'), '--output', file('dagsorden.txt'));
    expect(again).toEqual({ code: 2, out: '', err: `referat: '${file('dagsorden.txt')}' findes allerede; intet er skrevet (vælg et andet navn med -o)\n` });
    expect(fs.readFileSync(file('dagsorden.txt'), 'utf8')).toBe(AGENDA);
    const noFolder = await run('new', '--from', file('dagsorden.txt'), '-o', file('mangler/referat.txt'));
    expect(noFolder).toEqual({ code: 2, out: '', err: `referat: kan ikke skrive referatet til '${file('mangler/referat.txt')}': findes ikke\n` });
  });

  it('refuses a referat, a file without punkter and a file that is not there, with exit code 2', async () => {
    expect(await run('new', '--from', VEJEN)).toEqual({
      code: 2,
      out: '',
      err: `referat: kan ikke skrive et referat ud fra '${VEJEN}': det er allerede et referat (det har beslutninger), ikke en dagsorden\n`,
    });
    fs.writeFileSync(file('noter.txt'), 'Husk kaffe til mødet.\n');
    expect(await run('new', '--from', file('noter.txt'))).toEqual({ code: 2, out: '', err: `referat: kan ikke skrive et referat ud fra '${file('noter.txt')}': der er ingen punkter i den\n` });
    expect(await run('new', '--from', file('findes-ikke.txt'))).toEqual({ code: 2, out: '', err: `referat: kan ikke læse fil '${file('findes-ikke.txt')}': findes ikke\n` });
    expect(await run('--locale', 'en', 'new', '--from', VEJEN)).toMatchObject({ code: 2, err: `referat: cannot write a referat from '${VEJEN}': it is a referat already (it has decisions), not a dagsorden\n` });
  });

  it('says what is wrong in its use', async () => {
    expect(await run('new', file('dagsorden.txt'))).toEqual({ code: 2, out: '', err: "referat new: new tager ingen filer; brug --from DAGSORDEN\nSe 'referat new --help'.\n" });
    expect((await run('new', '--from')).code).toBe(2);
    expect((await run('new', '--help')).out).toMatch(/^Brug: referat new \[--from DAGSORDEN\] \[-o FIL\]/);
    expect((await run('--help')).out).toMatch(/\n {2}new +Skriv et nyt referat ud fra en dagsorden/);
  });

  it('writes the empty template without --from', async () => {
    const r = await run('new');
    expect(r.code).toBe(0);
    const model = parseReferat(r.out);
    expect([model.kind, model.punkter.map((p) => p.title)]).toEqual(['referat', ['Godkendelse af dagsorden', 'Titel på sagen', 'Eventuelt']]);
    expect(r.out).not.toMatch(/\$\{?\d/);
  });
});

describe('referat lint with a dagsorden among the files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'referat-pair-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('compares the referat with the dagsorden of its meeting, and says nothing without it', async () => {
    const agenda = path.join(dir, 'dagsorden.referat.txt');
    const referat = path.join(dir, 'referat.referat.txt');
    fs.writeFileSync(agenda, AGENDA);
    const written = await run('new', '--from', agenda);
    fs.writeFileSync(referat, written.out.replace('Ny belysning på stadion', 'Ny belysning ved stadion'));
    const both = await run('lint', dir);
    expect(both.out.split('\n').filter((l) => l.includes('agenda-mismatch'))).toEqual([
      `${referat}:15:10 warning agenda-mismatch Punkt 2 hedder "Ny belysning på stadion (B)" i dagsordenen (dagsorden.referat.txt), men "Ny belysning ved stadion (B)" i referatet.`,
    ]);
    const alone = await run('lint', referat);
    expect(alone.out).not.toContain('agenda-mismatch');
  });
});
