// "Opret referat fra dagsorden" (features/fromAgenda.ts) on every layout we have: each
// corpus document and dialect fixture turned back into its dagsorden (test/helpers/
// agendaOf.ts), and the hand-written dagsordener in test/fixtures/fromAgenda with the
// referat each must give (UPDATE_EXPECTED=1 rewrites those; review the diff). The referat
// parses with the agenda's punkter and case numbers, is a referat, has an empty Beslutning
// in each punkt that takes a decision, where completion offers the standard decisions,
// agrees with its dagsorden (agenda-mismatch), and keeps every other line as it was.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pairMeetings } from '../../server/src/cli/main';
import { completions, DECISIONS } from '../../server/src/features/completion';
import { referatFromAgenda, referatKindLine } from '../../server/src/features/fromAgenda';
import { linesOf } from '../../server/src/features/text';
import type { ReferatModel, Section } from '../../server/src/model';
import { parseReferat } from '../../server/src/parser/parse';
import { compareWithAgendas } from '../../server/src/rules/agenda-mismatch';
import { DEFAULT_OPTIONS, isNoDecisionItem } from '../../server/src/rules/options';
import { meetingFacts, sameMeeting } from '../../server/src/rules/sameMeeting';
import { agendaOf } from '../helpers/agendaOf';
import { lintText } from '../helpers/lintFile';

const FIXTURES = join(__dirname, '..', 'fixtures');
const update = process.env['UPDATE_EXPECTED'] === '1';

const documents = ['corpus', 'dialects'].flatMap((d) =>
  readdirSync(join(FIXTURES, d))
    .filter((f) => /\.referat(?:\.txt|\.md)?$/.test(f))
    .sort()
    .map((f) => ({ name: f, agenda: agendaOf(readFileSync(join(FIXTURES, d, f), 'utf8')) })),
);
const handWritten = readdirSync(join(FIXTURES, 'fromAgenda'))
  .filter((f) => /\.dagsorden\.(?:txt|md)$/.test(f))
  .sort()
  .map((f) => ({ name: f, agenda: readFileSync(join(FIXTURES, 'fromAgenda', f), 'utf8') }));

/** Lines with their endings, as the parser splits them (a text ending in a line break has an empty last line). */
function linesWithEnds(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (const m of text.matchAll(/\r\n|\r|\n/g)) {
    out.push(text.slice(at, m.index + m[0].length));
    at = m.index + m[0].length;
  }
  out.push(text.slice(at));
  return out;
}

const signature = (m: ReferatModel): string[] => m.punkter.map((p) => `${p.number} ${p.title} | ${p.caseNumbers.map((c) => c.value).join(', ')}`);

function* sections(list: readonly Section[]): Generator<Section> {
  for (const s of list) {
    yield s;
    yield* sections(s.children);
  }
}

/** Everything the referat of a dagsorden must be; says how many Beslutning sections it wrote, and whether agenda-mismatch compared the two. */
function checkReferat(name: string, agenda: string): { decisions: number; compared: boolean } {
  const am = parseReferat(agenda);
  const result = referatFromAgenda(agenda, am);
  if (!result.ok) throw new Error(`${name}: ${result.reason}`);
  const rm = parseReferat(result.text);
  expect(signature(rm), name).toEqual(signature(am));
  expect(rm.kind, name).toBe('referat');
  expect([rm.header.committee?.text, rm.header.meetingDate], name).toEqual([am.header.committee?.text, am.header.meetingDate]);

  // Every line but the inserted ones as it was, with its line ending (the text's last line gains one when lines follow it).
  const before = linesWithEnds(agenda);
  const after = linesWithEnds(result.text);
  const inserted = new Set(result.inserted);
  const kept = after.filter((_, i) => !inserted.has(i));
  expect(kept.length, name).toBe(before.length);
  kept.forEach((line, i) => {
    const original = before[i] as string;
    const expected = result.changed.includes(i) ? original.replace(/^[^\r\n]*/, (l) => referatKindLine(l) ?? l) : original;
    if (i === before.length - 1 && !/[\r\n]$/.test(original)) expect(line.replace(/(?:\r\n|\r|\n)$/, ''), `${name}:${i + 1}`).toBe(expected);
    else expect(line, `${name}:${i + 1}`).toBe(expected);
  });
  for (const i of result.changed) expect(referatKindLine((before[i] as string).replace(/[\r\n]+$/, '')), name).not.toBeNull();
  // What was inserted: Beslutning headings and blank lines, in the text's own line ending.
  const eol = /\r\n|\r|\n/.exec(agenda)?.[0] ?? '\n';
  for (const i of result.inserted) {
    const line = after[i] as string;
    expect(line.replace(/[\r\n]+$/, '').trim() === '' || /beslutning/i.test(line), `${name}:${i + 1} ${line}`).toBe(true);
    if (i < after.length - 1) expect(line.endsWith(eol) && !line.slice(0, -eol.length).includes('\r') && !line.slice(0, -eol.length).includes('\n'), `${name}:${i + 1}`).toBe(true);
  }

  // An empty Beslutning in each punkt that takes a decision, and the standard decisions offered on its line.
  const needing = rm.punkter.filter((p) => !isNoDecisionItem(p, DEFAULT_OPTIONS));
  expect(result.decisions.length, name).toBe(needing.filter((p) => !parseReferat(agenda).punkter.some((a) => a.number === p.number && a.title === p.title && [...sections(a.sections)].some((s) => s.kind === 'beslutning' && s.committee === null && s.children.length === 0))).length);
  for (const p of needing) {
    const own = [...sections(p.sections)].filter((s) => s.kind === 'beslutning' && s.bodyLines === 0 && (inserted.has(s.headingRange.start.line) || s.children.length === 0));
    expect(own.length, `${name} punkt ${p.number} "${p.title}"`).toBeGreaterThan(0);
  }
  const text = linesOf(result.text);
  for (const line of result.decisions) {
    expect(text.lineAt(line).trim(), `${name}:${line + 1}`).toBe('');
    const offered = completions(rm, text, { line, character: 0 }).map((c) => c.label);
    expect(offered, `${name}:${line + 1}`).toEqual([...DECISIONS]);
  }

  // agenda-mismatch: nothing between the two, when they are paired as the server and the CLI pair them.
  const [paired] = pairMeetings([{ name: 'referat', model: rm }, { name: 'dagsorden', model: am }]);
  // A document of unknown kind is no dagsorden to pair with (Albertslund's, cut short before any Indstilling).
  expect(paired?.related !== undefined, name).toBe(am.kind === 'dagsorden' && sameMeeting(meetingFacts(rm), meetingFacts(am)));
  expect(lintText(result.text, paired?.related === undefined ? {} : { related: paired.related }).filter((d) => d.rule === 'agenda-mismatch'), name).toEqual([]);
  const differences = compareWithAgendas(rm.punkter, [{ name: 'dagsorden', punkter: am.punkter }]);
  if (differences !== null) expect(differences, name).toEqual([]);
  return { decisions: result.decisions.length, compared: paired?.related !== undefined && differences !== null };
}

describe('a referat from each dagsorden of the corpus and the dialect fixtures', () => {
  it.each(documents)('$name', ({ name, agenda }) => {
    const model = parseReferat(agenda);
    if (model.punkter.length === 0) {
      // Aabenraa's cases have no punkt headings: there is nothing to write a Beslutning under.
      expect(referatFromAgenda(agenda, model)).toEqual({ ok: false, reason: 'no-punkter' });
      return;
    }
    expect(model.kind === 'dagsorden' || model.kind === 'unknown', `${name} is read as a dagsorden`).toBe(true);
    checkReferat(name, agenda);
  });

  it('has them all, and writes a Beslutning in nearly every one', () => {
    expect(documents).toHaveLength(55);
    const written = documents.filter((d) => parseReferat(d.agenda).punkter.length > 0).map((d) => checkReferat(d.name, d.agenda));
    expect(written.filter((w) => w.decisions > 0).length).toBeGreaterThanOrEqual(52);
    // Paired and compared, not only silent: all but those with no committee or date, or only standing items.
    expect(written.filter((w) => w.compared).length).toBeGreaterThanOrEqual(42);
  });

  it.each(['\r\n', '\r'])('keeps a text’s line ending %j', (eol) => {
    for (const { name, agenda } of documents.filter((d) => /^(vejen|viborg|guldborgsund|jammerbugt|hvidovre)/.test(d.name))) {
      const converted = agenda.replace(/\r\n|\r|\n/g, eol);
      checkReferat(`${name} (${JSON.stringify(eol)})`, converted);
      const lf = referatFromAgenda(agenda, parseReferat(agenda));
      const other = referatFromAgenda(converted, parseReferat(converted));
      expect(other.ok && lf.ok && other.text === lf.text.replace(/\n/g, eol)).toBe(true);
    }
  });

  it('keeps a byte-order mark', () => {
    const agenda = `\ufeff${(documents[0] as { agenda: string }).agenda}`;
    const result = referatFromAgenda(agenda, parseReferat(agenda));
    expect(result.ok && result.text.startsWith('\ufeffREFERAT') === false && result.text.charCodeAt(0) === 0xfeff).toBe(true);
    expect(result.ok && result.text.slice(1)).toBe((referatFromAgenda(agenda.slice(1), parseReferat(agenda.slice(1))) as { text: string }).text);
  });
});

describe('the hand-written dagsordener', () => {
  it.each(handWritten)('$name gives its reviewed referat', ({ name, agenda }) => {
    checkReferat(name, agenda);
    const result = referatFromAgenda(agenda, parseReferat(agenda));
    const expectedPath = join(FIXTURES, 'fromAgenda', name.replace('.dagsorden.', '.referat.'));
    if (update && result.ok) writeFileSync(expectedPath, result.text);
    expect(existsSync(expectedPath), expectedPath).toBe(true);
    expect(result.ok && result.text).toBe(readFileSync(expectedPath, 'utf8'));
  });

  it('writes the decision heading as the agenda writes an earlier body’s, for this committee and date', () => {
    const texts = handWritten.map(({ agenda }) => referatFromAgenda(agenda, parseReferat(agenda))).map((r) => (r.ok ? r.text : ''));
    expect(texts.join('\n')).toContain('## Beslutning i Byrådet den 21-08-2024');
    expect(texts.join('\n')).toContain('    BESLUTNING I BYRÅDET den 12-12-2024');
    expect(texts.join('\n')).toContain('POLITISK BEHANDLING\n\nRegionsrådets beslutning den 13. december 2022:');
  });
});

describe('completion in the new Beslutning', () => {
  it('offers the standard decisions on the line under each new heading, also under an umbrella heading', () => {
    for (const { agenda } of handWritten.filter((h) => h.name.startsWith('region'))) {
      const result = referatFromAgenda(agenda, parseReferat(agenda));
      if (!result.ok) throw new Error(result.reason);
      const model = parseReferat(result.text);
      const text = linesOf(result.text);
      const under = result.decisions.map((line) => text.lineAt(line - 2));
      expect(under).toEqual(['Regionsrådets beslutning den 13. december 2022:', 'Regionsrådets beslutning den 13. december 2022:']);
      for (const line of result.decisions) expect(completions(model, text, { line, character: 0 }).map((c) => c.label)).toEqual([...DECISIONS]);
      // And "Go" is completed to "Godkendt.".
      const typed = result.text.split('\n');
      const at = result.decisions[1] as number;
      typed[at] = 'Go';
      const items = completions(parseReferat(typed.join('\n')), linesOf(typed.join('\n')), { line: at, character: 2 });
      expect(items[0]?.textEdit).toEqual({ range: { start: { line: at, character: 0 }, end: { line: at, character: 2 } }, newText: 'Godkendt.' });
    }
  });
});

describe('the kind word', () => {
  it.each([
    ['DAGSORDEN Byrådet d. 21-08-2024', 'REFERAT Byrådet d. 21-08-2024'],
    ['# Dagsorden Økonomiudvalget', '# Referat Økonomiudvalget'],
    ['Byråd: Dagsorden af mødet 14. december 2017', 'Byråd: Referat af mødet 14. december 2017'],
    ['Åben dagsorden', 'Åbent referat'],
    ['Dagsorden åben ', 'Referat åbent '],
    ['TILLÆGSDAGSORDEN Kultur- og Fritidsudvalget', 'TILLÆGSREFERAT Kultur- og Fritidsudvalget'],
    ['Godkendelse af dagsorden', null],
    ['Dagsordener og referater', null],
    ['Dagsorden publiceret: 1. maj 2024', null],
    ['Bemærkninger til dagsordenen', null],
  ])('%j', (line, expected) => {
    expect(referatKindLine(line)).toBe(expected);
  });
});

describe('what is no dagsorden', () => {
  it('refuses a referat, and a text without punkter', () => {
    const referat = readFileSync(join(FIXTURES, 'corpus', 'vejen-2023-11-28.referat.txt'), 'utf8');
    expect(referatFromAgenda(referat, parseReferat(referat))).toEqual({ ok: false, reason: 'minutes' });
    expect(referatFromAgenda('Husk kaffe.\n', parseReferat('Husk kaffe.\n'))).toEqual({ ok: false, reason: 'no-punkter' });
  });

  it('leaves a Beslutning the dagsorden already has for this meeting, and skips the Underskriftsark', () => {
    const agenda = 'DAGSORDEN Byrådet d. 21-08-2024\n\nPunkt 1: Budget\n\nIndstilling\n\nat.\n\nBeslutning\n\nPunkt 2: Skolevej\n\nIndstilling\n\nat.\n\nPunkt 3: Underskriftsark\n';
    const result = referatFromAgenda(agenda, parseReferat(agenda));
    expect(result.ok && result.text).toBe(
      'REFERAT Byrådet d. 21-08-2024\n\nPunkt 1: Budget\n\nIndstilling\n\nat.\n\nBeslutning\n\nPunkt 2: Skolevej\n\nIndstilling\n\nat.\n\nBeslutning\n\n\n\nPunkt 3: Underskriftsark\n',
    );
  });
});
