// Danish labels shared by the outline symbols and the CLI.

/** "Punkt 46: Godkendelse af dagsorden"; the bare title when there is no number. */
export function formatPunktLabel(number: number | null, title: string): string {
  const t = title.trim();
  if (number === null) return t === '' ? UNTITLED : t;
  return t === '' ? `Punkt ${number}` : `Punkt ${number}: ${t}`;
}

export const UNTITLED = '(uden titel)';
/** Detail of an implicit Indstilling, and the name of a section whose heading is empty. */
export const NO_HEADING = '(uden overskrift)';
export const IMPLICIT_INDSTILLING_NAME = 'Indstilling';
export const MEETING_FALLBACK_NAME = 'Møde';
export const TOC_FALLBACK_NAME = 'Indholdsfortegnelse';
