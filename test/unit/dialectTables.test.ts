// Meta-tests over the dialect tables: every row carries an example as a system prints
// it, and the example parses as the row says, through the whole parser (so a pre-filter
// that refused a row's lines would fail here). Adding a row is adding a system.
import { describe, expect, it } from 'vitest';
import type { Punkt, Section } from '../../server/src/model';
import { FIELD_LABELS } from '../../server/src/parser/dialect/fields';
import { DECISION_FORMS } from '../../server/src/parser/dialect/decisions';
import { DEBRIS_PATTERNS, DEBRIS_PHRASES } from '../../server/src/parser/dialect/debris';
import { COMMITTEE_PREFIXES, COMMITTEE_WORDS, HEADER_LABELS, KIND_SIGNALS, TOC_HEADINGS } from '../../server/src/parser/dialect/header';
import { isCommitteeName, mayNameCommittee } from '../../server/src/parser/dialect';
import { matchPunktForm, PUNKT_FORMS, type PunktForm } from '../../server/src/parser/dialect/punktForms';
import { SECTION_ROWS } from '../../server/src/parser/dialect/sections';
import { parseReferat } from '../../server/src/parser/parse';
import { BUILT_IN_PLACEHOLDERS, PLACEHOLDER_FORMS } from '../../server/src/parser/dialect/placeholders';
import { DEFAULT_OPTIONS } from '../../server/src/rules/options';
import { lintText } from '../helpers/lintFile';

const doc = (...lines: string[]): string => lines.join('\n');
const HEADER = 'Referat Byrådet 12-03-2024';

describe('punkt heading forms', () => {
  it.each(PUNKT_FORMS.map((f) => [f.id, f] as const))('%s: its example is a punkt with the example number and title', (_id, form: PunktForm) => {
    expect(form.example.lines.length).toBeGreaterThan(0);
    expect(form.seen).not.toBe('');
    // A case number and a section below: the evidence any form is taken on.
    const m = parseReferat(doc(HEADER, '', ...form.example.lines, '', '24/1001', '', 'Beslutning', '', 'Godkendt.'));
    expect(m.punkter.map((p) => [p.number, p.title, p.form])).toEqual([[form.example.number, form.example.title, form.id]]);
  });

  it.each(PUNKT_FORMS.map((f) => [f.id, f] as const))("%s: the pre-filter lets its example's heading line through", (_id, form: PunktForm) => {
    const line = form.placement === 'number-below' ? (form.example.lines[1] as string) : (form.example.lines[0] as string);
    expect(matchPunktForm(line.trim())?.form.id).toBe(form.id);
  });

  it('a configuration form is tried on every line (its pre-filter is "any")', () => {
    const form: PunktForm = {
      id: 'custom:0',
      re: /^Dagsordenspunkt (\d+): (.+)$/d,
      lead: 'any',
      placement: 'inline',
      strong: true,
      family: 'custom:0',
      example: { lines: ['Dagsordenspunkt 3: Budget'], number: 3, title: 'Budget' },
      seen: 'test',
    };
    const text = doc(HEADER, '', 'Dagsordenspunkt 3: Budget', '', 'Beslutning', '', 'Godkendt.');
    expect(parseReferat(text).punkter).toEqual([]);
    const m = parseReferat(text, { punktForms: [form] });
    expect(m.punkter.map((p) => [p.number, p.title, p.titleRange.start.character])).toEqual([[3, 'Budget', 19]]);
  });
});

describe('field labels', () => {
  it.each(FIELD_LABELS.map((f) => [f.label, f] as const))('%s: its example is a field of its key', (_label, row) => {
    const m = parseReferat(doc(HEADER, '', 'Punkt 1: Budget', '', row.example, '', 'Beslutning', '', 'Godkendt.'));
    const p = m.punkter[0] as Punkt;
    expect(p.fields.map((f) => f.key)).toContain(row.key);
    const value = row.example.slice(row.example.indexOf(':') + 1).trim();
    if (row.role !== null) expect(p.caseNumbers.map((c) => [c.value, c.document === true])).toContainEqual([value, row.role === 'dokument']);
  });

  it('a configuration label is read like the built-in ones', () => {
    const text = doc(HEADER, '', 'Punkt 1: Budget', '', 'Akt-id: 24/1001', '', 'Beslutning', '', 'Godkendt.');
    expect(parseReferat(text).punkter[0]?.caseNumbers).toEqual([]);
    const m = parseReferat(text, { fieldLabels: [{ label: 'Akt-id', key: 'sagsnr', role: 'sag', example: 'Akt-id: 24/1001', seen: 'test' }] });
    expect(m.punkter[0]?.caseNumbers.map((c) => c.value)).toEqual(['24/1001']);
  });
});

describe('section headings', () => {
  const rows = SECTION_ROWS.flatMap((r) => r.names.map((name) => [name, r.kind] as const));
  it.each(rows)('%s is a section of kind %s, as printed and in UPPER CASE with a colon', (name, kind) => {
    for (const heading of [name, `${name.toUpperCase()}:`, `• ${name}`]) {
      const m = parseReferat(doc(HEADER, '', 'Punkt 1: Budget', '', heading, '', 'Tekst om sagen.'));
      const s = m.punkter[0]?.sections[0] as Section;
      expect([s.kind, s.heading], heading).toEqual([kind, heading.replace(/^• /, '')]);
    }
  });

  it.each(DECISION_FORMS.map((f) => [f.id, f] as const))('%s: its example is a decision heading with a date and a body', (_id, form) => {
    const m = parseReferat(doc('Referat', '', 'Punkt 1: Budget', '', form.example, '', 'Godkendt.'));
    const s = m.punkter[0]?.sections[0] as Section;
    expect(s.heading).toBe(form.example);
    if (form.date !== 'none') expect(s.date?.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(s.committee).not.toBeNull();
    expect(form.seen).not.toBe('');
  });
});

describe('debris', () => {
  it.each(DEBRIS_PHRASES.map((p) => [p.text, p.kind] as const))('%s is debris (%s)', (text, kind) => {
    const m = parseReferat(doc(HEADER, '', 'Punkt 1: Budget', '', text, '', 'Beslutning', '', 'Godkendt.'));
    expect(m.debris.map((d) => [d.text, d.kind])).toEqual([[text, kind]]);
  });

  it.each(DEBRIS_PATTERNS.map((p) => [p.example, p.kind] as const))('%s is debris (%s)', (text, kind) => {
    const m = parseReferat(doc(HEADER, '', 'Punkt 1: Budget', '', text, '', 'Beslutning', '', 'Godkendt.'));
    expect(m.debris.map((d) => d.kind)).toEqual([kind]);
  });
});

describe('header', () => {
  it.each(HEADER_LABELS.map((l) => [l.example, l.role] as const))('%s gives the %s', (example, role) => {
    const m = parseReferat(doc('Referat', example, '', 'Anne Holm (A)', 'Bent Lund (V)', '', 'Punkt 1: Budget', '', 'Beslutning', '', 'Godkendt.'));
    const h = m.header;
    const got = { committee: h.committee?.text, date: h.meetingDate, time: h.time?.text, end: undefined, place: h.place?.text, members: h.members.length, present: h.members.length, others: undefined, absent: h.absent.length, ignore: undefined }[role];
    if (role === 'end' || role === 'others' || role === 'ignore') {
      expect(h.meetingDate === null || role !== 'ignore').toBe(true);
    } else {
      expect(got, example).toBeTruthy();
    }
  });

  it.each(KIND_SIGNALS.map((k) => [k.example, k.kind] as const))('%s tells %s', (example, kind) => {
    expect(parseReferat(doc(example, '', 'Punkt 1: Budget')).kind).toBe(kind);
  });

  // The pre-filter before a line is read for a committee's name is derived from the words.
  it.each([...COMMITTEE_WORDS.map((w) => `Social${w}`), ...COMMITTEE_WORDS.map((w) => w.toUpperCase()), ...COMMITTEE_PREFIXES.map((p) => `${p} Miljø`)])('%s passes the committee pre-filter and names a committee', (name) => {
    expect(mayNameCommittee(name.toLowerCase())).toBe(true);
    expect(isCommitteeName(name)).toBe(true);
  });

  it.each(TOC_HEADINGS.map((t) => t.text))('%s opens a table of contents', (heading) => {
    const m = parseReferat(doc('Referat', '', heading, '', 'Budget.....\t3', '', 'Punkt 1: Budget', '', 'Beslutning', '', 'Godkendt.'));
    expect(m.toc?.entries.map((e) => e.title)).toEqual(['Budget']);
  });
});

describe('placeholders', () => {
  const leftovers = (text: string, placeholders?: string[]): unknown[] =>
    lintText(text, placeholders === undefined ? {} : { options: { ...DEFAULT_OPTIONS, placeholders } })
      .filter((d) => d.rule === 'template-leftover')
      .map((d) => d.data?.['form']);

  it.each(PLACEHOLDER_FORMS.map((f) => [f.id, f] as const))('%s: the pre-filter lets its example through and template-leftover finds it as this form', (_id, form) => {
    expect(form.seen).not.toBe('');
    expect(BUILT_IN_PLACEHOLDERS.hint.test(form.example)).toBe(true);
    const found = leftovers(doc(HEADER, '', 'Punkt 1: Budget', '', '24/1001', '', 'Sagsfremstilling', '', form.example, '', 'Beslutning', '', 'Godkendt.'));
    expect(found.length).toBeGreaterThan(0);
    expect(new Set(found)).toEqual(new Set([form.id]));
  });

  it("a configuration's text is found as it is written, in any case, and not inside a word", () => {
    const text = doc(HEADER, '', 'Punkt 1: Budget', '', '24/1001', '', 'Sagsfremstilling', '', 'Beløbet er [sagsbehandler udfylder] kr.', '', 'UDFYLDES senere; de udfyldeske felter.', '', 'Beslutning', '', 'Godkendt.');
    expect(leftovers(text)).toEqual([]);
    expect(leftovers(text, ['[Sagsbehandler udfylder]', 'Udfyldes'])).toEqual(['config:0', 'config:1']);
  });
});
