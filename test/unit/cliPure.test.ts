// The CLI's pure parts: argument parsing, decoding bytes, the outline and its renderings.
import { describe, expect, it } from 'vitest';
import { parseArgs, type OptionSpec } from '../../server/src/cli/args';
import { decodeText } from '../../server/src/files/decode';
import { isReferatFileName } from '../../server/src/files/names';
import { buildOutline, lineSpan, renderJson, renderText } from '../../server/src/cli/outline';
import { model, punkt, r, section, toc } from './modelBuilders';

const specs: OptionSpec[] = [{ name: 'format', values: ['json', 'text'] }, { name: 'help', alias: 'h' }];

describe('parseArgs', () => {
  it('reads options in any position, both --name value and --name=value', () => {
    expect(parseArgs(['a', '--format', 'text', 'b'], specs)).toEqual({
      ok: true,
      options: new Map([['format', 'text']]),
      positionals: ['a', 'b'],
    });
    const eq = parseArgs(['--format=json', '-h', '-', '--', '--format'], specs);
    expect(eq).toEqual({
      ok: true,
      options: new Map<string, string | true>([
        ['format', 'json'],
        ['help', true],
      ]),
      positionals: ['-', '--format'],
    });
  });

  it('rejects unknown options, missing and invalid values in Danish', () => {
    expect(parseArgs(['--frob'], specs)).toEqual({ ok: false, error: "ukendt tilvalg '--frob'" });
    expect(parseArgs(['-x'], specs)).toEqual({ ok: false, error: "ukendt tilvalg '-x'" });
    expect(parseArgs(['--format'], specs)).toEqual({ ok: false, error: "tilvalget '--format' kræver en værdi (json eller text)" });
    expect(parseArgs(['--format='], specs)).toMatchObject({ ok: false });
    expect(parseArgs(['--format', 'yaml'], specs)).toEqual({
      ok: false,
      error: "ugyldig værdi 'yaml' til '--format' (brug json eller text)",
    });
    expect(parseArgs(['--help=yes'], specs)).toEqual({ ok: false, error: "tilvalget '--help' tager ingen værdi" });
  });
});

describe('decodeText', () => {
  const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
  const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

  it('decodes UTF-8 and strips a BOM', () => {
    expect(decodeText(utf8('Økonomi'))).toEqual({ ok: true, text: 'Økonomi', encoding: 'utf-8' });
    expect(decodeText(utf8('\uFEFFØkonomi'))).toEqual({ ok: true, text: 'Økonomi', encoding: 'utf-8' });
    expect(decodeText(bytes())).toEqual({ ok: true, text: '', encoding: 'utf-8' });
  });

  it('decodes UTF-16 with a BOM', () => {
    expect(decodeText(bytes(0xff, 0xfe, 0xd8, 0x00, 0x0a, 0x00))).toEqual({ ok: true, text: 'Ø\n', encoding: 'utf-16le' });
    expect(decodeText(bytes(0xfe, 0xff, 0x00, 0xd8))).toEqual({ ok: true, text: 'Ø', encoding: 'utf-16be' });
  });

  it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
    // "Bæredygtig økonomi – “ok”" in Windows-1252.
    const b = bytes(0x42, 0xe6, 0x20, 0xf8, 0x20, 0x96, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x20, 0x80);
    expect(decodeText(b)).toEqual({ ok: true, text: 'Bæ ø – “ok” €', encoding: 'windows-1252' });
  });

  it('calls bytes with NUL in them binary', () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d);
    expect(decodeText(png)).toEqual({ ok: false, reason: 'binary' });
  });
});

describe('isReferatFileName', () => {
  it('matches the three suffixes, case-insensitively', () => {
    for (const name of ['a.referat', 'a.referat.txt', 'a.referat.md', 'B.REFERAT.TXT']) expect(isReferatFileName(name)).toBe(true);
    for (const name of ['a.txt', 'a.md', 'referat', 'a.referat.bak', '.referat']) expect(isReferatFileName(name)).toBe(false);
  });
});

const sample = model({
  kind: 'referat',
  lineCount: 40,
  title: { text: 'REFERAT Udvalget', range: r(0, 0, 0, 16) },
  header: {
    committee: { text: 'Udvalget', range: r(0, 8, 0, 16) },
    meetingDate: '2024-05-14',
    dates: [],
    place: null,
    time: null,
    members: [
      { name: 'Peter Svane', party: 'D', range: r(2, 0, 2, 15) },
      { name: 'Anne Hansen', party: null, range: r(2, 17, 2, 28) },
    ],
    membersLabel: null,
    absent: [],
  },
  toc: toc(r(4, 0, 5, 30), ['Godkendelse af dagsorden']),
  punkter: [
    punkt({
      number: 46,
      range: r(7, 0, 20, 4),
      caseNumbers: [{ value: '00.13.06-P22-2-23', source: 'line-below', range: r(8, 0, 8, 17) }],
      sections: [
        section({ kind: 'indstilling', heading: 'Direktøren indstiller', implicit: true, range: r(10, 0, 12, 0) }),
        section({
          kind: 'sagsfremstilling',
          heading: 'Sagsfremstilling',
          range: r(13, 0, 20, 4),
          children: [section({ kind: 'historik', heading: 'Historik', range: r(15, 0, 15, 8) })],
        }),
      ],
    }),
    punkt({ number: null, title: 'Eventuelt', range: r(22, 0, 23, 3) }),
  ],
});

describe('buildOutline', () => {
  it('builds the documented JSON shape', () => {
    const o = buildOutline('x.referat', sample);
    expect(o).toEqual({
      file: 'x.referat',
      kind: 'referat',
      committee: 'Udvalget',
      meetingDate: '2024-05-14',
      members: [
        { name: 'Peter Svane', party: 'D' },
        { name: 'Anne Hansen', party: null },
      ],
      toc: [{ title: 'Godkendelse af dagsorden', page: 3 }],
      punkter: [
        {
          number: 46,
          title: 'Godkendelse af dagsorden',
          caseNumbers: [{ value: '00.13.06-P22-2-23', source: 'line-below', range: r(8, 0, 8, 17) }],
          range: r(7, 0, 20, 4),
          sections: [
            { kind: 'indstilling', heading: 'Direktøren indstiller', implicit: true, range: r(10, 0, 12, 0) },
            {
              kind: 'sagsfremstilling',
              heading: 'Sagsfremstilling',
              range: r(13, 0, 20, 4),
              sections: [{ kind: 'historik', heading: 'Historik', range: r(15, 0, 15, 8) }],
            },
          ],
        },
        { number: null, title: 'Eventuelt', caseNumbers: [], range: r(22, 0, 23, 3), sections: [] },
      ],
    });
    // Key order is part of the output format.
    expect(Object.keys(o)).toEqual(['file', 'kind', 'committee', 'meetingDate', 'members', 'toc', 'punkter']);
    const leaf = o.punkter[0]?.sections[1]?.sections?.[0];
    expect(leaf).not.toHaveProperty('sections');
    expect(leaf).not.toHaveProperty('implicit');
  });

  it('gives nulls and empty lists for an empty model', () => {
    expect(buildOutline('tom.referat', model({ kind: 'unknown' }))).toEqual({
      file: 'tom.referat',
      kind: 'unknown',
      committee: null,
      meetingDate: null,
      members: [],
      toc: [],
      punkter: [],
    });
  });
});

describe('renderJson', () => {
  it('prints one object for a single file and an array otherwise, 2-space indented', () => {
    const o = buildOutline('x.referat', sample);
    expect(renderJson([o], true)).toBe(`${JSON.stringify(o, null, 2)}\n`);
    expect(renderJson([o], false)).toBe(`${JSON.stringify([o], null, 2)}\n`);
    expect(renderJson([], false)).toBe('[]\n');
  });
});

describe('renderText', () => {
  it('prints an indented tree with 1-based line numbers', () => {
    expect(renderText([buildOutline('x.referat', sample)])).toBe(
      [
        'x.referat',
        '  Dokumenttype: referat',
        '  Udvalg: Udvalget',
        '  Mødedato: 2024-05-14',
        '  Medlemmer: Peter Svane (D), Anne Hansen',
        '  Indholdsfortegnelse (1 post):',
        '    Godkendelse af dagsorden (s. 3)',
        '  Punkter (2):',
        '    Punkt 46: Godkendelse af dagsorden  [00.13.06-P22-2-23]  (linje 8-21)',
        '      - Indstilling (uden overskrift)  (linje 11-12)',
        '      - Sagsfremstilling  (linje 14-21)',
        '        - Historik  (linje 16)',
        '    Eventuelt  (linje 23-24)',
        '',
      ].join('\n'),
    );
  });

  it('says what is missing and separates files by a blank line', () => {
    const text = renderText([buildOutline('a', model({ kind: 'unknown' })), buildOutline('b', model())]);
    expect(text).toBe(
      [
        'a',
        '  Dokumenttype: ukendt',
        '  Udvalg: (ukendt)',
        '  Mødedato: (ukendt)',
        '  Medlemmer: (ingen fundet)',
        '  Punkter: (ingen fundet)',
        '',
        'b',
        '  Dokumenttype: referat',
        '  Udvalg: (ukendt)',
        '  Mødedato: (ukendt)',
        '  Medlemmer: (ingen fundet)',
        '  Punkter: (ingen fundet)',
        '',
      ].join('\n'),
    );
  });

  it('lineSpan counts a range ending at character 0 as ending on the line before', () => {
    expect(lineSpan(r(0, 0, 0, 5))).toBe('linje 1');
    expect(lineSpan(r(0, 0, 1, 0))).toBe('linje 1');
    expect(lineSpan(r(0, 0, 2, 0))).toBe('linje 1-2');
  });
});
