// The "Nyt referat" skeleton parses as a referat with three punkter, a matching TOC,
// the given day as meeting date, and no errors.
import { describe, expect, it } from 'vitest';
import { expandSnippet, skeleton } from '../../server/src/features/skeleton';
import { parseReferat } from '../../server/src/parser/parse';
import { lintText } from '../helpers/lintFile';

describe('skeleton', () => {
  const day = new Date(2024, 4, 14);

  it('is a referat for the day with three punkter and a TOC that agrees', () => {
    const text = expandSnippet(skeleton(day));
    const model = parseReferat(text);
    expect(model.kind).toBe('referat');
    expect(model.header.meetingDate).toBe('2024-05-14');
    expect(text).toContain('Mødedato Tirsdag d. 14. maj 2024 kl. 16:00');
    expect(model.punkter.map((p) => p.title)).toEqual(['Godkendelse af dagsorden', 'Titel på sagen', 'Eventuelt']);
    const findings = lintText(text);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.map((f) => f.rule)).not.toContain('toc-mismatch');
    expect(findings.map((f) => f.rule)).not.toContain('missing-section');
  });

  it('has tab stops, and a dagsorden has no Beslutning', () => {
    expect(skeleton(day)).toContain('${1:Udvalget}');
    const agenda = expandSnippet(skeleton(day, 'dagsorden'));
    expect(agenda).not.toContain('Beslutning');
    expect(parseReferat(agenda).kind).toBe('dagsorden');
    expect(lintText(agenda).filter((f) => f.rule === 'missing-section')).toEqual([]);
  });
});
