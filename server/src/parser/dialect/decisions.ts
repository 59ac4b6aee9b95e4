// Decision headings that name the body and the date: "Beslutning i Byrådet den
// 14-12-2017", "Forretningsudvalgets beslutning den 8. november 2022:", "Økonomiudvalget
// 2018-21, 28. oktober 2019, pkt. 452:". One row per form, each with a line as printed.

export interface DecisionForm {
  id: string;
  re: RegExp;
  /** The pre-filter: the line starts with "Beslutning" (any case); otherwise it ends with a digit or ":" and holds "beslutning" or "pkt.". */
  startsWithBeslutning: boolean;
  /** Where the date is: closing the line (only ":" after it), in group 2, or none (the form has no date). */
  date: 'closing' | 'group2' | 'none';
  /** Where the body's name is: from group 1 up to the date, or group 1 itself. */
  committee: 'until-date' | 'group1';
  /** The name is a genitive ("Forretningsudvalgets"). */
  genitive?: boolean;
  /** A label of this form nests under an open umbrella heading ("Beslutning", "POLITISK BEHANDLING") rather than starting a section of its own. */
  nests: boolean;
  example: string;
  seen: string;
}

export const DECISION_FORMS: readonly DecisionForm[] = [
  {
    id: 'beslutning-organ-dato',
    re: /^Beslutning(?:er)?\b\s*(?:i\s+|på\s+|fra\s+)?(.*)$/i,
    startsWithBeslutning: true,
    date: 'closing',
    committee: 'until-date',
    nests: false,
    example: 'Beslutning i Beskæftigelsesudvalget den 12-08-2024',
    seen: 'Viborg, Vejen (korpus), Glostrup, Hillerød, Fredericia, Aabenraa "Beslutning Byrådet den …", Guldborgsund "BESLUTNING I BYRÅDET den …"',
  },
  {
    id: 'organs-beslutning-dato',
    re: /^(\S.{0,100}?s)\s+beslutning(?:\s+i\s+mødet)?\s+(?:den|d\.)\s/iu,
    startsWithBeslutning: false,
    date: 'closing',
    committee: 'group1',
    genitive: true,
    nests: true,
    example: 'Forretningsudvalgets beslutning den 8. november 2022:',
    seen: 'Region Hovedstaden, København ("Økonomiudvalgets beslutning i mødet den 31. marts 2020")',
  },
  {
    id: 'organs-beslutning',
    re: /^(\S.{0,60}?s)\s+beslutning\s*:?$/iu,
    startsWithBeslutning: false,
    date: 'none',
    committee: 'group1',
    genitive: true,
    nests: true,
    example: 'Økonomiudvalgets beslutning:',
    seen: 'kommunale skabeloner ("Byrådets beslutning", "Udvalgets beslutning")',
  },
  {
    id: 'organ-dato-pkt',
    re: /^(?:Beslutning\s+(?:fra|i)\s+)?(\S.{2,100}?),\s*(\S.{5,40}?),\s*pkt\.\s*\d{1,4}\s*:?$/u,
    startsWithBeslutning: false,
    date: 'group2',
    committee: 'group1',
    nests: true,
    example: 'Økonomiudvalget 2018-21, 28. oktober 2019, pkt. 452:',
    seen: 'Faaborg-Midtfyn, Jammerbugt ("Beslutning fra Økonomiudvalget, 17. marts 2021, pkt. 32:"), domain.md ("Kultur- og Idrætsudvalget, 03-04-2019, pkt. 42")',
  },
];
