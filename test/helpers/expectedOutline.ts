// The reviewed outline of a fixture, as a text a person can check against the document:
// kind, committee, meeting date, then per punkt its number and title, case numbers,
// top-level sections as printed, and whether it has an Indstilling and a Beslutning.
import type { ReferatModel, Section } from '../../server/src/model';

function has(sections: readonly Section[], kind: Section['kind']): boolean {
  return sections.some((s) => s.kind === kind);
}

export function expectedOutline(model: ReferatModel): string {
  const out: string[] = [];
  out.push(`kind: ${model.kind}`);
  out.push(`committee: ${model.header.committee?.text ?? '-'}`);
  out.push(`meetingDate: ${model.header.meetingDate ?? '-'}`);
  if (model.punkter.length === 0) out.push('punkter: none');
  for (const p of model.punkter) {
    out.push(`punkt ${p.number ?? '?'}: ${p.title}`);
    out.push(`  case: ${p.caseNumbers.length === 0 ? '-' : p.caseNumbers.map((c) => c.value).join(', ')}`);
    out.push(`  sections: ${p.sections.length === 0 ? '-' : p.sections.map((s) => s.heading).join(' | ')}`);
    const hasKinds = [has(p.sections, 'indstilling') ? 'indstilling' : '', has(p.sections, 'beslutning') ? 'beslutning' : ''].filter((x) => x !== '');
    out.push(`  has: ${hasKinds.length === 0 ? '-' : hasKinds.join(' ')}`);
  }
  return `${out.join('\n')}\n`;
}
