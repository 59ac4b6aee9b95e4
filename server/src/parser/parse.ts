import type { ReferatModel } from '../model';

// Placeholder until the real parser lands.
export function parseReferat(text: string): ReferatModel {
  return {
    kind: 'unknown',
    title: null,
    header: { committee: null, meetingDate: null, dates: [], place: null, time: null, members: [], absent: [] },
    toc: null,
    punkter: [],
    debris: [],
    lineCount: text.length === 0 ? 1 : text.split(/\r\n|\r|\n/).length,
    hasBom: text.charCodeAt(0) === 0xfeff,
  };
}
