// Hand-built ReferatModel pieces for feature tests (independent of the parser).
import type { Punkt, Range, ReferatModel, Section, Toc } from '../../server/src/model';

export function r(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function model(overrides: Partial<ReferatModel> = {}): ReferatModel {
  return {
    kind: 'referat',
    title: null,
    header: { committee: null, meetingDate: null, dates: [], place: null, time: null, members: [], membersLabel: null, absent: [] },
    toc: null,
    punkter: [],
    debris: [],
    blocks: [],
    recognised: { headingForm: null, candidates: 0, sectionHeadings: 0, caseNumbers: 0 },
    people: { members: [], membersFrom: null, membersAre: null, statements: [], votes: [] },
    lineCount: 1,
    hasBom: false,
    ...overrides,
  };
}

export function section(overrides: Partial<Section> & Pick<Section, 'range'>): Section {
  return {
    kind: 'other',
    heading: 'Afsnit',
    headingRange: { start: overrides.range.start, end: { line: overrides.range.start.line, character: 10 } },
    level: null,
    implicit: false,
    merged: false,
    bodyLines: 1,
    committee: null,
    date: null,
    children: [],
    ...overrides,
  };
}

export function punkt(overrides: Partial<Punkt> & Pick<Punkt, 'range'>): Punkt {
  const line = overrides.range.start.line;
  return {
    number: 1,
    title: 'Godkendelse af dagsorden',
    titleRange: r(line, 10, line, 34),
    headingRange: r(line, 0, line, 34),
    form: 'punkt',
    level: null,
    classMarker: null,
    closed: false,
    caseNumbers: [],
    fields: [],
    attendance: [],
    sections: [],
    ...overrides,
  };
}

export function toc(range: Range, titles: string[]): Toc {
  return {
    heading: { text: 'Indholdsfortegnelse', range: r(range.start.line, 0, range.start.line, 19) },
    range,
    entries: titles.map((title, i) => ({ number: null, title, page: i + 3, range: r(range.start.line + 1 + i, 0, range.start.line + 1 + i, title.length) })),
  };
}
