// One small dagsorden (written for the tests) in the variants the from-agenda tests need:
// with or without a Mødedato line, the second case punkt and a closing Eventuelt, in LF or CRLF.
export interface SampleAgenda {
  mødedato?: boolean;
  /** The second case punkt ("Ny belysning på stadion"). */
  second?: boolean;
  /** A last punkt "Eventuelt", which needs no Beslutning. */
  eventuelt?: boolean;
  eol?: '\n' | '\r\n';
}

export function sampleAgenda(opts: SampleAgenda = {}): string {
  const { mødedato = false, second = true, eventuelt = false, eol = '\n' } = opts;
  const lines = ['DAGSORDEN Kultur- og Fritidsudvalget d. 03-09-2024', ''];
  if (mødedato) lines.push('Mødedato Tirsdag d. 3. september 2024 kl. 16:00', '');
  lines.push('Punkt 1: Tilskud til lokale foreninger 2025 (B)', '', '24/10231', '', 'Indstilling', '', 'Administrationen indstiller, at fordelingen af tilskud godkendes.', '');
  if (second) lines.push('Punkt 2: Ny belysning på stadion (B)', '', '24/10877', '', 'Indstilling', '', 'Administrationen indstiller, at projektet sættes i gang.', '');
  if (eventuelt) lines.push(`Punkt ${second ? 3 : 2}: Eventuelt`, '');
  return lines.join(eol);
}
