// "Referat: Nyt referat": the skeleton of a new referat as an LSP snippet, with the
// meeting date set to the given day and tab stops for what the writer fills in.
// Pure: the day comes in as an argument.
import { MONTHS, WEEKDAYS } from '../parser/dates';
import type { DocumentKind } from '../model';

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** Escapes text for a snippet placeholder ($, } and \ are special). */
function esc(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

export function skeleton(day: Date, kind: Extract<DocumentKind, 'referat' | 'dagsorden'> = 'referat'): string {
  const date = `${pad2(day.getDate())}-${pad2(day.getMonth() + 1)}-${day.getFullYear()}`;
  const weekday = WEEKDAYS[day.getDay()] as string;
  const long = `${day.getDate()}. ${MONTHS[day.getMonth()] as string} ${day.getFullYear()}`;
  const decision = (text: string): string[] => (kind === 'referat' ? ['Beslutning', '', text, ''] : []);
  const lines = [
    `${kind === 'referat' ? 'REFERAT' : 'DAGSORDEN'} \${1:Udvalget} d. \${2:${esc(date)}}`,
    '',
    `Mødedato \${3:${esc(weekday.charAt(0).toUpperCase() + weekday.slice(1))}} d. \${4:${esc(long)}} kl. \${5:16:00}`,
    '',
    'Mødested ${6:Mødested}',
    '',
    'Mødedeltagere ${7:Navn (Parti), Navn (Parti)}',
    '',
    'Indholdsfortegnelse',
    '',
    'Godkendelse af dagsorden',
    '${8:Titel på sagen}',
    'Eventuelt',
    '',
    'Punkt 1: Godkendelse af dagsorden',
    '',
    ...decision('Godkendt.'),
    'Punkt 2: ${8:Titel på sagen}',
    '',
    '${9:Sagsnummer}',
    '',
    'Resume',
    '',
    '${10:Kort resume af sagen.}',
    '',
    'Sagsfremstilling',
    '',
    '${11:Beskrivelse af sagen.}',
    '',
    'Indstilling',
    '',
    '${12:Administrationen} indstiller,',
    '',
    '- at ${13:indstillingen godkendes}.',
    '',
    ...decision('${14:Godkendt.}'),
    'Bilag',
    '',
    '${15:Ingen bilag.}',
    '',
    'Punkt 3: Eventuelt',
    '',
    ...decision('Intet.'),
  ];
  while (lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n$0`;
}

/** The snippet with every placeholder replaced by its default text (what the writer sees first). */
export function expandSnippet(snippet: string): string {
  let out = snippet;
  // Innermost placeholders first, until none is left; then bare tab stops go.
  for (let i = 0; i < 10 && /\$\{\d+:/.test(out); i++) out = out.replace(/\$\{\d+:((?:\\.|[^\\$}])*)\}/g, '$1');
  return out.replace(/\$\d+/g, '').replace(/\\([\\$}])/g, '$1');
}
