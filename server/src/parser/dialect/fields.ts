// Field labels inside a punkt: "Sagsnr.: 330-2020-164 Dok.nr.: 330-2020-488200",
// "Sagsid.: 20/33839, Sagsinitialer: AGVA", "Sagsnummer" with the value on the next
// line. One row per label as systems print it; the scanner's pre-filter and the
// expressions that find labels are built from the rows.

import { escapeRegExp } from '../lines';
export type FieldRole =
  /** The value is the punkt's case number (sagsnummer). */
  | 'sag'
  /** The value is a document number: listed with the case numbers, never compared with them. */
  | 'dokument'
  /** Anything else (case worker, initials). */
  | null;

export interface FieldLabel {
  /** As printed; a final "." may be left out in the text ("Sagsnr" for "Sagsnr."). */
  label: string;
  /** Canonical key: sagsnr, doknr, sagsbeh, … */
  key: string;
  role: FieldRole;
  example: string;
  seen: string;
}

export const FIELD_LABELS: readonly FieldLabel[] = [
  { label: 'Sagsnummer', key: 'sagsnr', role: 'sag', example: 'Sagsnummer: 17/852', seen: 'Hillerød; Horsens (værdien på næste linje)' },
  { label: 'Sagsnr.', key: 'sagsnr', role: 'sag', example: 'Sagsnr.: 00.01.00-P35-214-15', seen: 'Frederiksberg, Vesthimmerland (korpus), Høje-Taastrup ("Sagsnr:"), Ringkøbing-Skjern (korpus)' },
  { label: 'Sags nr.', key: 'sagsnr', role: 'sag', example: 'Sags nr.: 23/4411', seen: 'domain.md (varianter af Sagsnr.)' },
  { label: 'Sagsid.', key: 'sagsnr', role: 'sag', example: 'Sagsid.: 14/28371', seen: 'Aabenraa, Esbjerg' },
  { label: 'Sags-id', key: 'sagsnr', role: 'sag', example: 'Sags-id: 22/1187', seen: 'domain.md' },
  { label: 'Journalnummer', key: 'sagsnr', role: 'sag', example: 'Journalnummer: 00.01.00-A00-3-24', seen: 'KLE-baserede systemer' },
  { label: 'Journalnr.', key: 'sagsnr', role: 'sag', example: 'Journalnr.: 82.02.00-P19-4-21', seen: 'KLE-baserede systemer' },
  { label: 'J.nr.', key: 'sagsnr', role: 'sag', example: 'J.nr.: 24/1934', seen: 'KLE-baserede systemer' },
  { label: 'Dok.nr.', key: 'doknr', role: 'dokument', example: 'Dok.nr.: 3871', seen: 'Esbjerg, Slagelse' },
  { label: 'Dokumentnr.', key: 'doknr', role: 'dokument', example: 'Dokumentnr.: 330-2020-488200', seen: 'domain.md' },
  { label: 'Sagsbehandler', key: 'sagsbeh', role: null, example: 'Sagsbehandler: Morten Lund', seen: 'domain.md' },
  { label: 'Sagsbeh.', key: 'sagsbeh', role: null, example: 'Sagsbeh.: Morten Lund', seen: 'Vesthimmerland (korpus)' },
  { label: 'Sagsinitialer', key: 'sagsinitialer', role: null, example: 'Sagsinitialer: AGVA', seen: 'Aabenraa' },
  { label: 'Initialer', key: 'initialer', role: null, example: 'Initialer: abcde', seen: 'Esbjerg' },
  { label: 'Sagsansvarlig', key: 'sagsansvarlig', role: null, example: 'Sagsansvarlig: Hanne Krog', seen: 'domain.md' },
];

/** A label as an expression: a final "." optional, a space after an inner "." optional ("Dok. nr."). */
export function labelSource(label: string): string {
  let src = escapeRegExp(label);
  if (src.endsWith('\\.')) src = `${src.slice(0, -2)}\\.?`;
  return src.replace(/\\\.(?=[\p{L}])/gu, '\\.\\s?');
}

/** The label alternatives, longest first ("Sagsnummer" before "Sagsnr"). */
export function labelAlternatives(labels: readonly string[]): string {
  return [...labels]
    .sort((a, b) => b.length - a.length)
    .map(labelSource)
    .join('|');
}

/** The built-in labels as one alternation (used in other forms, e.g. the flattened PDF page). */
export const FIELD_LABEL_SOURCE = labelAlternatives(FIELD_LABELS.map((f) => f.label));

/** Canonical key of a label as written ("Sagsnr" → sagsnr). */
const BUILT_IN_KEYS = new Map(FIELD_LABELS.map((f) => [normLabel(f.label), f.key]));

export function fieldKeyOf(label: string, extra: readonly FieldLabel[] = []): string {
  const norm = normLabel(label);
  for (const f of extra) if (normLabel(f.label) === norm) return f.key;
  return BUILT_IN_KEYS.get(norm) ?? norm;
}

export function fieldRoleOf(key: string, extra: readonly FieldLabel[] = []): FieldRole {
  for (const f of extra) if (f.key === key) return f.role;
  for (const f of FIELD_LABELS) if (f.key === key) return f.role;
  return null;
}

function normLabel(label: string): string {
  return label.toLowerCase().replace(/[.\s:-]/g, '');
}

/** First letters (lower case) of the labels: a line that starts with none holds no field at its start. */
export function labelFirstLetters(labels: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const l of labels) out.add(l.toLowerCase().charCodeAt(0));
  return out;
}
